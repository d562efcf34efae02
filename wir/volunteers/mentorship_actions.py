"""Every write of the mentorships: households, starting, check-ins, ending, new matches.

Each action checks the permission through `can()` in the object's region, runs in one
transaction (nothing is changed half-way), writes the audit log and sends its mails after
the commit. Bad input raises `MentoringError` with a German message for the user.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wir.accounts.permissions import AnyUser, can
from wir.accounts.roles import Perm
from wir.core.models import Area, Language, Region
from wir.privacy import audit
from wir.privacy.models import AuditAction, Consent, ConsentText
from wir.volunteers import matching, mentorship_notify, mentorship_planning
from wir.volunteers.models import HALF_DAY_CODES, Volunteer
from wir.volunteers.models_mentorship import CheckIn, Household, Mentorship, Need

# Check-ins scheduled when a mentorship starts: after six weeks and after six months.
DEFAULT_CHECKINS = (timedelta(weeks=6), timedelta(days=182))
NAME_CONSENT_PURPOSE = "volunteers.household_name"
NAME_CONSENT_VERSION = "1"
NAME_CONSENT_TEXT = (
    "Der Haushalt ist einverstanden, dass die WIR-Koordination einen Namen zur Ansprache "
    "speichert und an die Patin oder den Paten weitergibt. Die Einwilligung kann jederzeit "
    "widerrufen werden; dann wird der Name gelöscht."
)
MAX_TEXT = 2000


class MentoringError(Exception):
    """The action cannot be done; `message` is shown to the user, nothing was changed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _require(user: AnyUser, perm: Perm, obj: object) -> None:
    if not can(user, perm, obj):
        raise MentoringError(_("Dafür fehlt Ihnen die Berechtigung in dieser Region."))


def _text(value: str, label: str) -> str:
    value = value.strip()
    if len(value) > MAX_TEXT:
        raise MentoringError(
            _("%(label)s: höchstens %(max)d Zeichen.") % {"label": label, "max": MAX_TEXT}
        )
    return value


# --- households ------------------------------------------------------------------------


@dataclass
class HouseholdData:
    """What the form gives (already parsed into plain values)."""

    municipality_id: int
    language_codes: Sequence[str]
    needs: Sequence[str] = ()
    size: int = 1
    has_minors: bool = False
    availability: Sequence[str] = ()
    wishes: str = ""
    without_shared_language: bool = False
    contact_name: str = ""
    name_consent: bool = False


def _next_code(region: Region) -> str:
    number = Household.objects.filter(region=region).count() + 1
    while Household.objects.filter(region=region, code=f"HH-{number:04d}").exists():
        number += 1
    return f"HH-{number:04d}"


def _checked(region: Region, data: HouseholdData) -> tuple[Area, list[Language]]:
    municipality = Area.objects.filter(
        pk=data.municipality_id, region=region, kind=Area.Kind.MUNICIPALITY
    ).first()
    if municipality is None:
        raise MentoringError(_("Bitte wählen Sie eine Kommune dieser Region."))
    codes = sorted(set(data.language_codes))
    languages = list(Language.objects.filter(code__in=codes))
    if not codes or len(languages) != len(codes):
        raise MentoringError(_("Bitte wählen Sie mindestens eine Sprache aus der Liste."))
    if any(need not in Need.values for need in data.needs):
        raise MentoringError(_("Bitte wählen Sie die Unterstützung aus der Liste."))
    if not 1 <= data.size <= 30:
        raise MentoringError(_("Die Zahl der Personen muss zwischen 1 und 30 liegen."))
    if any(code not in HALF_DAY_CODES for code in data.availability):
        raise MentoringError(_("Bitte wählen Sie die Zeiten aus der Liste."))
    if data.contact_name.strip() and not data.name_consent:
        raise MentoringError(
            _("Einen Namen nur mit Einwilligung des Haushalts eintragen – sonst bitte leer lassen.")
        )
    return municipality, languages


def record_household(actor: AnyUser, region: Region, data: HouseholdData) -> Household:
    """Record a household looking for a mentor (pseudonymous; a name only with consent)."""
    _require(actor, Perm.MANAGE_VOLUNTEERS, region)
    municipality, languages = _checked(region, data)
    wishes = _text(data.wishes, _("Wünsche"))
    name = data.contact_name.strip()[:80] if data.name_consent else ""
    for attempt in range(3):
        try:
            with transaction.atomic():
                household = Household.objects.create(
                    region=region,
                    code=_next_code(region),
                    municipality=municipality,
                    needs=sorted(set(data.needs)),
                    size=data.size,
                    has_minors=data.has_minors,
                    availability=sorted(set(data.availability)),
                    wishes=wishes,
                    contact_name=name,
                    without_shared_language=data.without_shared_language,
                    created_by=actor if actor.is_authenticated else None,
                )
                household.languages.set(languages)
                audit.record(actor, AuditAction.CREATED, household)
                if name:
                    _give_name_consent(actor, household)
                return household
        except IntegrityError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _give_name_consent(actor: AnyUser, household: Household) -> None:
    text, _created = ConsentText.objects.get_or_create(
        purpose=NAME_CONSENT_PURPOSE,
        version=NAME_CONSENT_VERSION,
        defaults={"text": NAME_CONSENT_TEXT},
    )
    consent = Consent.objects.create(
        record_type=household._meta.label_lower,
        record_id=str(household.pk),
        region=household.region,
        text=text,
        channel=Consent.Channel.PAPER,
    )
    audit.record(actor, AuditAction.CONSENT_GIVEN, consent, region_id=household.region_id)


def name_consent(household: Household) -> Consent | None:
    """The household's active consent to a name, if any."""
    return (
        Consent.objects.filter(
            record_type=household._meta.label_lower,
            record_id=str(household.pk),
            text__purpose=NAME_CONSENT_PURPOSE,
            withdrawn_at__isnull=True,
        )
        .order_by("-given_at")
        .first()
    )


def withdraw_name_consent(actor: AnyUser, household: Household) -> None:
    """The household withdraws its consent: the name is deleted at once."""
    _require(actor, Perm.MANAGE_VOLUNTEERS, household)
    with transaction.atomic():
        locked = Household.objects.select_for_update().get(pk=household.pk)
        consent = name_consent(locked)
        if consent is None:
            raise MentoringError(_("Für diesen Haushalt ist keine Einwilligung erfasst."))
        consent.withdrawn_at = timezone.now()
        consent.save(update_fields=["withdrawn_at"])
        locked.contact_name = ""
        locked.save(update_fields=["contact_name"])
        audit.record(actor, AuditAction.CONSENT_WITHDRAWN, consent, region_id=locked.region_id)
        audit.record(actor, AuditAction.CHANGED, locked, fields=["contact_name"])
    household.contact_name = ""


# --- starting ---------------------------------------------------------------------------


def _start(
    actor: AnyUser,
    household: Household,
    volunteer: Volunteer,
    started_on: date,
    goals: str,
    checkins: Iterable[timedelta],
) -> Mentorship:
    """Inside a transaction, with the household locked."""
    if household.status != Household.Status.OPEN:
        raise MentoringError(
            _("Haushalt %(code)s sucht keine Patenschaft (mehr).") % {"code": household.code}
        )
    if volunteer.region_id != household.region_id:
        raise MentoringError(_("Diese Person gehört zu einer anderen Region."))
    if volunteer.status != Volunteer.Status.ACTIVE:
        raise MentoringError(
            _("%(code)s ist nicht aktiv und kann keine Patenschaft übernehmen.")
            % {"code": volunteer.code}
        )
    # Locking the volunteer serialises two starts for one person (capacity).
    Volunteer.objects.select_for_update().filter(pk=volunteer.pk).first()
    spec = mentorship_planning.household_spec(household)
    (volunteer_spec,) = mentorship_planning.volunteer_specs(
        Volunteer.objects.filter(pk=volunteer.pk), started_on
    )
    against = matching.hard_reasons(spec, volunteer_spec)
    if against:
        raise MentoringError(
            _("%(code)s passt nicht: %(why)s")
            % {
                "code": volunteer.code,
                "why": "; ".join(mentorship_planning.rejection_text(r) for r in against),
            }
        )
    mentorship = Mentorship.objects.create(
        household=household,
        volunteer=volunteer,
        started_on=started_on,
        goals=goals,
        created_by=actor if actor.is_authenticated else None,
    )
    CheckIn.objects.bulk_create(
        CheckIn(mentorship=mentorship, due_on=started_on + delta) for delta in checkins
    )
    household.status = Household.Status.MATCHED
    household.save(update_fields=["status"])
    audit.record(actor, AuditAction.CREATED, mentorship)
    transaction.on_commit(lambda: mentorship_notify.started(mentorship.pk))
    return mentorship


def start_mentorship(
    actor: AnyUser,
    household: Household,
    volunteer: Volunteer,
    *,
    started_on: date | None = None,
    goals: str = "",
    checkins: Iterable[timedelta] = DEFAULT_CHECKINS,
) -> Mentorship:
    """A volunteer takes a household: the mentorship with its scheduled check-ins."""
    _require(actor, Perm.MANAGE_VOLUNTEERS, household)
    goals = _text(goals, _("Ziele"))
    day = started_on or timezone.localdate()
    try:
        with transaction.atomic():
            locked = Household.objects.select_for_update().get(pk=household.pk)
            return _start(actor, locked, volunteer, day, goals, checkins)
    except IntegrityError as exc:
        raise MentoringError(_("Dieser Haushalt hat schon eine laufende Patenschaft.")) from exc


@dataclass
class BatchResult:
    started: list[Mentorship] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (household code, why)


def start_many(actor: AnyUser, region: Region, pairs: Sequence[tuple[int, int]]) -> BatchResult:
    """Confirm a proposal: each (household id, volunteer id) pair starts in its own
    transaction; a pair that no longer fits is skipped with the reason."""
    _require(actor, Perm.MANAGE_VOLUNTEERS, region)
    households = Household.objects.in_bulk([h for h, _v in pairs])
    volunteers = Volunteer.objects.in_bulk([v for _h, v in pairs])
    result = BatchResult()
    for household_id, volunteer_id in pairs:
        household = households.get(household_id)
        volunteer = volunteers.get(volunteer_id)
        if household is None or household.region_id != region.pk:
            result.skipped.append((f"#{household_id}", _("Haushalt nicht gefunden")))
            continue
        if volunteer is None or volunteer.region_id != region.pk:
            result.skipped.append((household.code, _("Person nicht gefunden")))
            continue
        try:
            result.started.append(start_mentorship(actor, household, volunteer))
        except MentoringError as error:
            result.skipped.append((household.code, error.message))
    return result


# --- during and after -------------------------------------------------------------------


def record_checkin(actor: AnyUser, checkin: CheckIn, *, done_on: date, notes: str = "") -> CheckIn:
    """The coordination held a scheduled conversation: when, and what came of it."""
    _require(actor, Perm.MANAGE_VOLUNTEERS, checkin.mentorship.household)
    notes = _text(notes, _("Notizen"))
    if done_on > timezone.localdate():
        raise MentoringError(_("Das Gespräch kann nicht in der Zukunft liegen."))
    if done_on < checkin.mentorship.started_on:
        raise MentoringError(_("Das Gespräch kann nicht vor dem Beginn der Patenschaft liegen."))
    with transaction.atomic():
        locked = CheckIn.objects.select_for_update().get(pk=checkin.pk)
        locked.done_on = done_on
        locked.notes = notes
        locked.recorded_by = actor if actor.is_authenticated else None
        locked.save(update_fields=["done_on", "notes", "recorded_by"])
        audit.record(actor, AuditAction.CHANGED, locked, fields=["done_on", "notes"])
    return locked


def schedule_checkin(actor: AnyUser, mentorship: Mentorship, *, due_on: date) -> CheckIn:
    """One more conversation, e.g. when something needs a closer look."""
    _require(actor, Perm.MANAGE_VOLUNTEERS, mentorship.household)
    if not mentorship.active:
        raise MentoringError(_("Diese Patenschaft ist beendet."))
    if due_on < mentorship.started_on:
        raise MentoringError(_("Der Termin kann nicht vor dem Beginn der Patenschaft liegen."))
    with transaction.atomic():
        checkin = CheckIn.objects.create(mentorship=mentorship, due_on=due_on)
        audit.record(actor, AuditAction.CREATED, checkin)
    return checkin


def _end(
    actor: AnyUser, mentorship_id: int, ended_on: date, reason: str, note: str, reopen: bool
) -> Mentorship:
    locked = (
        Mentorship.objects.select_for_update()
        .select_related("household", "volunteer")
        .get(pk=mentorship_id)
    )
    if not locked.active:
        raise MentoringError(_("Diese Patenschaft ist schon beendet."))
    if ended_on < locked.started_on:
        raise MentoringError(_("Das Ende kann nicht vor dem Beginn liegen."))
    locked.status = Mentorship.Status.ENDED
    locked.ended_on = ended_on
    locked.end_reason = reason
    locked.end_note = note
    locked.save(update_fields=["status", "ended_on", "end_reason", "end_note"])
    # Conversations not held any more are dropped; those held stay with their notes.
    locked.checkins.filter(done_on__isnull=True).delete()
    household = Household.objects.select_for_update().get(pk=locked.household_id)
    if reopen:
        household.status = Household.Status.OPEN
        household.closed_at = None
    else:
        household.status = Household.Status.CLOSED
        household.closed_at = timezone.now()
    household.save(update_fields=["status", "closed_at"])
    audit.record(actor, AuditAction.CHANGED, locked, fields=["status", "ended_on", "end_reason"])
    return locked


def end_mentorship(
    actor: AnyUser,
    mentorship: Mentorship,
    *,
    reason: str,
    ended_on: date | None = None,
    note: str = "",
    reopen: bool = False,
) -> Mentorship:
    """The mentorship ends; the household is closed, or open again (`reopen`)."""
    _require(actor, Perm.MANAGE_VOLUNTEERS, mentorship.household)
    if reason not in Mentorship.EndReason.values:
        raise MentoringError(_("Bitte wählen Sie einen Grund aus der Liste."))
    note = _text(note, _("Notiz"))
    day = ended_on or timezone.localdate()
    if day > timezone.localdate():
        raise MentoringError(_("Das Ende kann nicht in der Zukunft liegen."))
    reopen = reopen or reason == Mentorship.EndReason.NEW_MATCH_HOUSEHOLD
    with transaction.atomic():
        ended = _end(actor, mentorship.pk, day, reason, note, reopen)
    transaction.on_commit(lambda: mentorship_notify.ended(ended.pk))
    return ended


def ask_for_new_match(actor: AnyUser, mentorship: Mentorship, *, note: str = "") -> Mentorship:
    """Either side asks for a new match: the volunteer from their own page, the
    coordination for the household. The mentorship ends today, the household is open
    again (the volunteer is not proposed to it again) and the other side is told."""
    note = _text(note, _("Notiz"))
    own = mentorship.volunteer.user_id is not None and mentorship.volunteer.user_id == actor.pk
    if can(actor, Perm.MANAGE_VOLUNTEERS, mentorship.household):
        reason = Mentorship.EndReason.NEW_MATCH_HOUSEHOLD
    elif own and can(actor, Perm.ACT_AS_VOLUNTEER, mentorship.household):
        reason = Mentorship.EndReason.NEW_MATCH_VOLUNTEER
    else:
        raise MentoringError(_("Dafür fehlt Ihnen die Berechtigung in dieser Region."))
    with transaction.atomic():
        ended = _end(actor, mentorship.pk, timezone.localdate(), reason, note, reopen=True)
    transaction.on_commit(lambda: mentorship_notify.new_match_asked(ended.pk))
    return ended
