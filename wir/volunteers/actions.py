"""Every write of the volunteer module that matters.

Each action is one transaction: it checks the permission (through `can()` with the
object's region), checks the state, writes, records the audit event in the same
transaction and sends mail after commit. A refusal raises `Refused` with a German message
for the user; nothing is changed half-way. Overbooking, overlapping shifts and minors
without a certificate are refused by the database too (see models.py); a constraint
violation that slips past the checks (a race) is turned into the same messages.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import partial
from typing import TypeVar

from dateutil.relativedelta import relativedelta
from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from wir.accounts.actions import grant_role, revoke_role
from wir.accounts.models import User
from wir.accounts.permissions import AnyUser, can
from wir.accounts.roles import Perm, Role
from wir.core import outbox, writes
from wir.core.models import Area, Language, Region
from wir.core.writes import atomic_with_retries
from wir.privacy import audit
from wir.privacy.models import AuditAction, Consent, ConsentText
from wir.volunteers import notify, optin
from wir.volunteers.models import (
    HoursEntry,
    Network,
    Opportunity,
    PoliceCertificate,
    Shift,
    ShiftSignup,
    Volunteer,
    VolunteerRules,
    VolunteerTag,
    certificate_delete_after,
)

T = TypeVar("T")

CONSENT_PURPOSE = "volunteers.signup"


class Refused(Exception):  # noqa: N818 (a domain name, not an "error")
    """The action cannot be done; `message` (German) is shown to the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- messages ------------------------------------------------------------------------


def msg_full() -> str:
    return _("Diese Schicht ist leider schon voll.")


def msg_twice() -> str:
    return _("Sie sind für diese Schicht schon angemeldet.")


def msg_overlap() -> str:
    return _("Sie haben zu dieser Zeit schon eine andere Schicht.")


def msg_minors() -> str:
    return _(
        "Für diesen Einsatz mit Kindern oder Jugendlichen braucht es ein gültiges erweitertes "
        "Führungszeugnis, das die Koordination eingesehen hat."
    )


def msg_busy() -> str:
    return _("Das geht gerade nicht. Bitte versuchen Sie es gleich noch einmal.")


def refusal_from(exc: IntegrityError) -> Refused:
    text = str(exc)
    if "overbooked" in text:
        return Refused(msg_full())
    if "overlap" in text:
        return Refused(msg_overlap())
    if "once_per_shift" in text or "shiftsignup.shift_id" in text:
        return Refused(msg_twice())
    if "minors_need_certificate" in text:
        return Refused(msg_minors())
    if "hours_once_per_shift" in text or "hoursentry.volunteer_id" in text:
        return Refused(_("Für diese Schicht sind schon Stunden eingetragen."))
    return Refused(_("Das passt nicht zu den gespeicherten Daten. Bitte prüfen Sie die Angaben."))


def _with_retries(step: Callable[[], T]) -> T:
    """Run one transaction; constraint violations and a lasting lock become refusals."""
    return atomic_with_retries(step, refusal=refusal_from, busy=lambda: Refused(msg_busy()))


def _require(user: AnyUser, perm: Perm, obj: object, model: type) -> None:
    """Missing and forbidden look alike: both raise the model's DoesNotExist."""
    if not can(user, perm, obj):
        raise model.DoesNotExist  # type: ignore[attr-defined]


def _is_self(user: AnyUser, volunteer: Volunteer) -> bool:
    return (
        volunteer.user_id is not None
        and volunteer.user_id == user.pk
        and can(user, Perm.ACT_AS_VOLUNTEER, volunteer)
    )


def may_act_for(user: AnyUser, volunteer: Volunteer) -> bool:
    return _is_self(user, volunteer) or can(user, Perm.MANAGE_VOLUNTEERS, volunteer)


def _touch(volunteer: Volunteer) -> None:
    Volunteer.objects.filter(pk=volunteer.pk).update(last_active_at=timezone.now())


# --- certificates ----------------------------------------------------------------------


def valid_certificate(volunteer: Volunteer, day: date) -> PoliceCertificate | None:
    """The certificate that allows work with minors on `day`, or None."""
    years = VolunteerRules.for_region(volunteer.region_id).certificate_valid_years
    for certificate in PoliceCertificate.objects.filter(volunteer=volunteer).order_by("-issued_on"):
        if certificate.is_valid_on(day, years):
            return certificate
    return None


def record_certificate(
    volunteer_id: int,
    actor: AnyUser,
    *,
    issued_on: date,
    inspected_on: date,
    disqualifying: bool,
) -> PoliceCertificate:
    """Coordination records that it inspected a certificate (only the facts § 72a allows).

    Older certificates of the person are deleted (only the newest is needed). A
    disqualifying one ends the person's future sign-ups for activities with minors.
    """

    def step() -> PoliceCertificate:
        volunteer = Volunteer.objects.select_for_update().get(pk=volunteer_id)
        _require(actor, Perm.MANAGE_VOLUNTEERS, volunteer, Volunteer)
        rules = VolunteerRules.for_region(volunteer.region_id)
        today = timezone.localdate()
        if inspected_on > today:
            raise Refused(_("Das Datum der Einsicht liegt in der Zukunft."))
        if issued_on > inspected_on:
            raise Refused(_("Das Führungszeugnis kann nicht nach der Einsicht ausgestellt sein."))
        if issued_on + relativedelta(months=rules.certificate_max_age_months) < inspected_on:
            raise Refused(
                _(
                    "Das Führungszeugnis war bei der Einsicht älter als %(months)s Monate; "
                    "bitte ein neues vorlegen lassen."
                )
                % {"months": rules.certificate_max_age_months}
            )
        certificate = PoliceCertificate.objects.create(
            volunteer=volunteer,
            issued_on=issued_on,
            inspected_on=inspected_on,
            disqualifying=disqualifying,
            delete_after=certificate_delete_after(issued_on, rules.certificate_valid_years),
        )
        older = PoliceCertificate.objects.filter(volunteer=volunteer).exclude(pk=certificate.pk)
        future = ShiftSignup.objects.filter(
            volunteer=volunteer,
            status=ShiftSignup.Status.SIGNED_UP,
            with_minors=True,
            starts_at__gte=timezone.now(),
        )
        if disqualifying:
            for signup in future.select_related("shift"):
                _release(signup, ShiftSignup.Status.CANCELLED)
        else:
            future.update(certificate=certificate)
        delete_certificates(older)
        audit.record(
            actor,
            AuditAction.CREATED,
            certificate,
            fields=["issued_on", "inspected_on", "disqualifying"],
        )
        return certificate

    return _with_retries(step)


# --- shifts ----------------------------------------------------------------------------


def delete_certificates(certificates: QuerySet[PoliceCertificate]) -> int:
    """Delete certificate facts (inside the caller's transaction). Past sign-ups let go of
    them first: their `with_minors` copy only served the guarantee while they were ahead
    (the opportunity keeps the fact). Certificates a future sign-up relies on stay."""
    now = timezone.now()
    in_use = ShiftSignup.objects.filter(
        status=ShiftSignup.Status.SIGNED_UP, certificate__isnull=False, ends_at__gte=now
    ).values("certificate_id")
    certificates = certificates.exclude(pk__in=in_use)
    ShiftSignup.objects.filter(certificate__in=certificates).update(
        certificate=None, with_minors=False
    )
    deleted, _detail = certificates.delete()
    return deleted


def _release(signup: ShiftSignup, status: str) -> None:
    """End a sign-up and give its place back (inside the caller's transaction)."""
    signup.status = status
    signup.cancelled_at = timezone.now()
    signup.save(update_fields=["status", "cancelled_at"])
    Shift.objects.filter(pk=signup.shift_id, taken__gt=0).update(taken=F("taken") - 1)


def sign_up_for_shift(shift_id: int, volunteer_id: int, actor: AnyUser) -> ShiftSignup:
    """A volunteer (or coordination for them) takes a place in a shift.

    Refused with the reason: twice, full, overlapping another of their shifts, with
    minors without a valid certificate, a shift that is cancelled or over, a volunteer
    who is not active.
    """

    def step() -> ShiftSignup:
        volunteer = Volunteer.objects.get(pk=volunteer_id)
        if not may_act_for(actor, volunteer):
            raise Volunteer.DoesNotExist
        shift = Shift.objects.select_related("opportunity__area").get(pk=shift_id)
        opportunity = shift.opportunity
        if opportunity.region_id != volunteer.region_id:
            raise Shift.DoesNotExist
        if not opportunity.published and not can(actor, Perm.MANAGE_VOLUNTEERS, opportunity):
            raise Shift.DoesNotExist
        if volunteer.status != Volunteer.Status.ACTIVE:
            raise Refused(
                _("Anmelden können sich nur aktive Ehrenamtliche; die Koordination meldet sich.")
            )
        if shift.status != Shift.Status.SCHEDULED:
            raise Refused(_("Diese Schicht ist abgesagt."))
        if shift.starts_at <= timezone.now():
            raise Refused(_("Diese Schicht hat schon begonnen."))
        signups = ShiftSignup.objects.filter(
            volunteer=volunteer, status=ShiftSignup.Status.SIGNED_UP
        )
        if signups.filter(shift=shift).exists():
            raise Refused(msg_twice())
        if signups.filter(starts_at__lt=shift.ends_at, ends_at__gt=shift.starts_at).exists():
            raise Refused(msg_overlap())
        certificate = None
        if opportunity.with_minors:
            certificate = valid_certificate(volunteer, timezone.localdate(shift.ends_at))
            if certificate is None:
                raise Refused(msg_minors())
        # The counter first: on PostgreSQL this locks the shift's row; the check
        # constraint refuses the one place too many.
        if not Shift.objects.filter(pk=shift.pk, taken__lt=F("places")).update(
            taken=F("taken") + 1
        ):
            raise Refused(msg_full())
        signup = ShiftSignup.objects.create(
            shift=shift,
            volunteer=volunteer,
            starts_at=shift.starts_at,
            ends_at=shift.ends_at,
            with_minors=opportunity.with_minors,
            certificate=certificate,
        )
        _touch(volunteer)
        audit.record(actor, AuditAction.CREATED, signup, region_id=volunteer.region_id)
        signup.volunteer = volunteer
        outbox.write(partial(notify.signed_up, signup))  # with the sign-up (wir/core/outbox.py)
        return signup

    return _with_retries(step)


def cancel_signup(signup_id: int, actor: AnyUser) -> ShiftSignup:
    """The volunteer (or coordination) gives a place back."""

    def step() -> ShiftSignup:
        signup = (
            ShiftSignup.objects.select_for_update(of=("self",))
            .select_related("volunteer", "shift")
            .get(pk=signup_id)
        )
        if not may_act_for(actor, signup.volunteer):
            raise ShiftSignup.DoesNotExist
        if signup.status != ShiftSignup.Status.SIGNED_UP:
            raise Refused(_("Diese Anmeldung ist schon beendet."))
        if signup.starts_at <= timezone.now():
            raise Refused(_("Die Schicht hat schon begonnen; bitte sagen Sie direkt ab."))
        _release(signup, ShiftSignup.Status.CANCELLED)
        _touch(signup.volunteer)
        audit.record(
            actor,
            AuditAction.CHANGED,
            signup,
            fields=["status"],
            region_id=signup.volunteer.region_id,
        )
        return signup

    return _with_retries(step)


def _active_signups(shift: Shift) -> list[ShiftSignup]:
    return list(
        shift.signups.filter(status=ShiftSignup.Status.SIGNED_UP).select_related("volunteer__user")
    )


def save_shift(
    actor: AnyUser,
    opportunity_id: int,
    *,
    starts_at: datetime,
    ends_at: datetime,
    places: int,
    note: str = "",
    shift_id: int | None = None,
) -> Shift:
    """Create a shift, or change one (the people signed up are told)."""

    def step() -> Shift:
        opportunity = Opportunity.objects.select_related("area").get(pk=opportunity_id)
        _require(actor, Perm.MANAGE_VOLUNTEERS, opportunity, Opportunity)
        if ends_at <= starts_at:
            raise Refused(_("Das Ende muss nach dem Beginn liegen."))
        if places < 1:
            raise Refused(_("Eine Schicht hat mindestens einen Platz."))
        if shift_id is None:
            return Shift.objects.create(
                opportunity=opportunity,
                starts_at=starts_at,
                ends_at=ends_at,
                places=places,
                note=note[:200],
            )
        shift = Shift.objects.select_for_update().get(pk=shift_id, opportunity=opportunity)
        if shift.status != Shift.Status.SCHEDULED:
            raise Refused(_("Eine abgesagte Schicht wird nicht mehr geändert."))
        if places < shift.taken:
            raise Refused(
                _("Es sind schon %(taken)s Personen angemeldet; weniger Plätze gehen nicht.")
                % {"taken": shift.taken}
            )
        moved = (shift.starts_at, shift.ends_at) != (starts_at, ends_at)
        shift.starts_at, shift.ends_at, shift.places, shift.note = (
            starts_at,
            ends_at,
            places,
            note[:200],
        )
        shift.save()
        signups = _active_signups(shift)
        if moved:
            try:
                with transaction.atomic():
                    shift.signups.filter(status=ShiftSignup.Status.SIGNED_UP).update(
                        starts_at=starts_at, ends_at=ends_at
                    )
            except IntegrityError as exc:
                raise Refused(
                    _(
                        "Mindestens eine angemeldete Person hat zur neuen Zeit schon eine "
                        "andere Schicht. Bitte sagen Sie die Schicht ab und legen Sie eine "
                        "neue an."
                    )
                ) from exc
            outbox.write(partial(notify.shift_changed, shift, signups))
        return shift

    return _with_retries(step)


def cancel_shift(shift_id: int, actor: AnyUser, reason: str) -> Shift:
    """Coordination cancels a shift; everybody signed up is told."""

    def step() -> Shift:
        shift = (
            Shift.objects.select_for_update(of=("self",))
            .select_related("opportunity__area")
            .get(pk=shift_id)
        )
        _require(actor, Perm.MANAGE_VOLUNTEERS, shift.opportunity, Shift)
        if shift.status == Shift.Status.CANCELLED:
            raise Refused(_("Diese Schicht ist schon abgesagt."))
        signups = _active_signups(shift)
        shift.signups.filter(status=ShiftSignup.Status.SIGNED_UP).update(
            status=ShiftSignup.Status.SHIFT_CANCELLED, cancelled_at=timezone.now()
        )
        shift.status = Shift.Status.CANCELLED
        shift.taken = 0
        shift.note = reason[:200] or shift.note
        shift.save(update_fields=["status", "taken", "note", "updated_at"])
        outbox.write(partial(notify.shift_cancelled, shift, signups, reason))
        return shift

    return _with_retries(step)


# --- hours -----------------------------------------------------------------------------


def log_hours(
    volunteer_id: int,
    actor: AnyUser,
    *,
    day: date,
    hours: Decimal,
    activity: str,
    shift_id: int | None = None,
) -> HoursEntry:
    """A volunteer logs hours (coordination may log for them; theirs count as approved)."""

    def step() -> HoursEntry:
        volunteer = Volunteer.objects.select_for_update().get(pk=volunteer_id)
        if not may_act_for(actor, volunteer):
            raise Volunteer.DoesNotExist
        if day > timezone.localdate():
            raise Refused(_("Stunden in der Zukunft können Sie noch nicht eintragen."))
        if day < timezone.localdate() - timedelta(days=366):
            raise Refused(
                _("Stunden, die länger als ein Jahr zurückliegen, trägt die Koordination ein.")
            )
        if not Decimal("0") < hours <= Decimal("24"):
            raise Refused(_("Bitte geben Sie zwischen 0,25 und 24 Stunden an."))
        if not activity.strip():
            raise Refused(_("Bitte beschreiben Sie kurz, was Sie getan haben."))
        that_day = HoursEntry.objects.filter(volunteer=volunteer, date=day).aggregate(
            total=Sum("hours")
        )["total"] or Decimal("0")
        if that_day + hours > Decimal("24"):
            raise Refused(_("An einem Tag sind höchstens 24 Stunden möglich."))
        shift = None
        if shift_id is not None:
            signup = (
                ShiftSignup.objects.filter(
                    volunteer=volunteer, shift_id=shift_id, status=ShiftSignup.Status.SIGNED_UP
                )
                .select_related("shift")
                .first()
            )
            if signup is None:
                raise Refused(_("Für diese Schicht waren Sie nicht angemeldet."))
            shift = signup.shift
        manager = can(actor, Perm.MANAGE_VOLUNTEERS, volunteer) and not _is_self(actor, volunteer)
        entry = HoursEntry.objects.create(
            volunteer=volunteer,
            date=day,
            hours=hours,
            activity=activity.strip()[:200],
            shift=shift,
            approved_by=actor if manager and isinstance(actor, User) else None,
            approved_at=timezone.now() if manager else None,
        )
        _touch(volunteer)
        audit.record(actor, AuditAction.CREATED, entry)
        return entry

    return _with_retries(step)


def approve_hours(entry_id: int, actor: AnyUser, *, approve: bool, reason: str = "") -> HoursEntry:
    """Coordination approves logged hours, or declines them with a reason."""

    def step() -> HoursEntry:
        entry = (
            HoursEntry.objects.select_for_update(of=("self",))
            .select_related("volunteer")
            .get(pk=entry_id)
        )
        _require(actor, Perm.MANAGE_VOLUNTEERS, entry.volunteer, HoursEntry)
        if entry.approved_at is not None:
            raise Refused(_("Diese Stunden sind schon bestätigt."))
        if approve:
            entry.approved_by = actor if isinstance(actor, User) else None
            entry.approved_at = timezone.now()
            entry.rejected_reason = ""
        else:
            if not reason.strip():
                raise Refused(_("Bitte nennen Sie einen Grund."))
            entry.rejected_reason = reason.strip()[:200]
        entry.save(update_fields=["approved_by", "approved_at", "rejected_reason"])
        audit.record(actor, AuditAction.CHANGED, entry, fields=["approved_at"])
        return entry

    return _with_retries(step)


# --- volunteers: sign-up, opt-in, welcome, profile -------------------------------------


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _next_code(region: Region) -> str:
    taken = set(Volunteer.objects.filter(region=region).values_list("code", flat=True))
    number = len(taken) + 1
    while f"EA-{number:03d}" in taken:
        number += 1
    return f"EA-{number:03d}"


def give_consent(user: User, region: Region, version: str, text: str) -> Consent:
    """Record a consent with the exact text (until the privacy core offers its own)."""
    consent_text, _created = ConsentText.objects.get_or_create(
        purpose=CONSENT_PURPOSE, version=version, defaults={"text": text}
    )
    consent = Consent.objects.create(
        user=user, region=region, text=consent_text, channel=Consent.Channel.WEB
    )
    audit.record(user, AuditAction.CONSENT_GIVEN, consent, region_id=region.pk)
    return consent


def set_tags(volunteer: Volunteer, interests: Iterable[str], skills: Iterable[str]) -> None:
    volunteer.tags.all().delete()
    VolunteerTag.objects.bulk_create(
        [
            VolunteerTag(volunteer=volunteer, kind=VolunteerTag.Kind.INTEREST, code=c)
            for c in interests
        ]
        + [VolunteerTag(volunteer=volunteer, kind=VolunteerTag.Kind.SKILL, code=c) for c in skills]
    )


def register(
    region: Region,
    *,
    username: str,
    email: str,
    password: str,
    name: str,
    phone: str,
    municipality: Area,
    languages: Iterable[Language],
    interests: Iterable[str],
    skills: Iterable[str],
    availability: list[str],
    works_with_minors: bool,
    newsletter: bool,
    consent_version: str,
    consent_text: str,
) -> tuple[Volunteer, str]:
    """The public sign-up: an inactive account, an unconfirmed profile, the consent; the
    opt-in mail goes out after commit. Returns the profile and the opt-in token."""
    if municipality.region_id != region.pk:
        raise Refused(_("Bitte wählen Sie einen Ort aus der Liste."))
    token = secrets.token_urlsafe(24)
    with transaction.atomic():
        user = User.objects.create_user(
            username=username, email=email, password=password, is_active=False
        )
        volunteer = writes.with_free_code(
            lambda: Volunteer.objects.create(
                region=region,
                code=_next_code(region),
                user=user,
                name=name.strip()[:100],
                phone=phone.strip()[:40],
                municipality=municipality,
                availability=sorted(set(availability)),
                works_with_minors=works_with_minors,
                newsletter=newsletter,
                confirmation_hash=token_hash(token),
            ),
            "volunteer_code_unique",
            "volunteers_volunteer.code",
        )
        volunteer.languages.set(list(languages))
        set_tags(volunteer, interests, skills)
        give_consent(user, region, consent_version, consent_text)
        if newsletter:
            optin.set_opt_in(volunteer, True, by=None)
        audit.record(None, AuditAction.CREATED, volunteer)
        days = VolunteerRules.for_region(region.pk).unconfirmed_days
        outbox.write(partial(notify.confirm_link, volunteer, token, days))
    return volunteer, token


def confirmation_pending(token: str) -> bool:
    return (
        bool(token)
        and Volunteer.objects.filter(
            confirmation_hash=token_hash(token), status=Volunteer.Status.UNCONFIRMED
        ).exists()
    )


def confirm(token: str) -> Volunteer | None:
    """The opt-in link: the address is confirmed, the account can sign in (role Ehrenamt);
    the profile waits for coordination's welcome. None for an unknown or used link."""
    if not token:
        return None
    with transaction.atomic():
        volunteer = (
            Volunteer.objects.select_for_update(of=("self",))
            .select_related("user", "region")
            .filter(confirmation_hash=token_hash(token), status=Volunteer.Status.UNCONFIRMED)
            .first()
        )
        if volunteer is None or volunteer.user is None:
            return None
        volunteer.status = Volunteer.Status.REGISTERED
        volunteer.confirmed_at = timezone.now()
        volunteer.confirmation_hash = ""
        volunteer.save(update_fields=["status", "confirmed_at", "confirmation_hash"])
        user = volunteer.user
        user.is_active = True
        user.save(update_fields=["is_active"])
        grant_role(None, user, volunteer.region, Role.VOLUNTEER)
        audit.record(user, AuditAction.CHANGED, volunteer, fields=["status"])
    return volunteer


def set_status(volunteer_id: int, actor: AnyUser, status: str) -> Volunteer:
    """Coordination welcomes (activates), pauses or ends a volunteer's engagement."""
    allowed: dict[str, set[str]] = {
        Volunteer.Status.REGISTERED: {Volunteer.Status.ACTIVE, Volunteer.Status.LEFT},
        Volunteer.Status.ACTIVE: {Volunteer.Status.PAUSED, Volunteer.Status.LEFT},
        Volunteer.Status.PAUSED: {Volunteer.Status.ACTIVE, Volunteer.Status.LEFT},
        Volunteer.Status.LEFT: {Volunteer.Status.ACTIVE},
    }
    with transaction.atomic():
        volunteer = (
            Volunteer.objects.select_for_update(of=("self",))
            .select_related("user")
            .get(pk=volunteer_id)
        )
        _require(actor, Perm.MANAGE_VOLUNTEERS, volunteer, Volunteer)
        if status not in allowed.get(volunteer.status, set()):
            raise Refused(_("Dieser Statuswechsel ist nicht möglich."))
        welcome = status == Volunteer.Status.ACTIVE and volunteer.welcomed_at is None
        volunteer.status = status
        fields = ["status", "last_active_at"]
        volunteer.last_active_at = timezone.now()
        if welcome:
            volunteer.welcomed_at = timezone.now()
            fields.append("welcomed_at")
        volunteer.save(update_fields=fields)
        if status == Volunteer.Status.LEFT:
            for signup in volunteer.signups.filter(
                status=ShiftSignup.Status.SIGNED_UP, starts_at__gte=timezone.now()
            ):
                _release(signup, ShiftSignup.Status.CANCELLED)
            # § 72a: the facts go three months after the activity ends.
            PoliceCertificate.objects.filter(volunteer=volunteer).update(
                delete_after=timezone.localdate() + timedelta(days=92)
            )
        audit.record(actor, AuditAction.CHANGED, volunteer, fields=["status"])
        if welcome:
            outbox.write(partial(notify.welcome, volunteer))
    return volunteer


def update_profile(
    volunteer_id: int,
    actor: AnyUser,
    *,
    changed: list[str],
    values: dict[str, object],
    languages: Iterable[Language] | None = None,
    interests: Iterable[str] | None = None,
    skills: Iterable[str] | None = None,
) -> Volunteer:
    """The volunteer (or coordination) changes the profile; the audit names the fields."""
    editable = {
        "name",
        "phone",
        "municipality",
        "availability",
        "works_with_minors",
        "newsletter",
        "notes",
    }
    with transaction.atomic():
        volunteer = Volunteer.objects.select_for_update().get(pk=volunteer_id)
        if not may_act_for(actor, volunteer):
            raise Volunteer.DoesNotExist
        manager = can(actor, Perm.MANAGE_VOLUNTEERS, volunteer)
        fields = [f for f in values if f in editable and (manager or f != "notes")]
        municipality = values.get("municipality")
        if isinstance(municipality, Area) and municipality.region_id != volunteer.region_id:
            raise Refused(_("Bitte wählen Sie einen Ort aus der Liste."))
        wanted = values.get("newsletter") if "newsletter" in fields else None
        fields = [f for f in fields if f != "newsletter"]
        for field in fields:
            setattr(volunteer, field, values[field])
        volunteer.last_active_at = timezone.now()
        volunteer.save(update_fields=[*fields, "last_active_at"])
        if wanted is not None and bool(wanted) != volunteer.newsletter:
            optin.set_opt_in(volunteer, bool(wanted), by=actor)
        if languages is not None:
            volunteer.languages.set(list(languages))
        if interests is not None and skills is not None:
            set_tags(volunteer, interests, skills)
        audit.record(actor, AuditAction.CHANGED, volunteer, fields=changed)
    return volunteer


# --- networks and opportunities --------------------------------------------------------


def save_network(
    actor: AnyUser,
    network: Network,
    *,
    members: Iterable[Volunteer],
    coordinators: Iterable[User],
) -> Network:
    with transaction.atomic():
        _require(actor, Perm.MANAGE_VOLUNTEERS, network, Network)
        if network.municipality.region_id != network.region_id:
            raise Refused(_("Bitte wählen Sie eine Kommune der Region."))
        members = list(members)
        if any(member.region_id != network.region_id for member in members):
            raise Refused(_("Mitglieder müssen aus der Region sein."))
        network.save()
        network.members.set(members)
        network.coordinators.set(list(coordinators))
    return network


def save_opportunity(
    actor: AnyUser, opportunity: Opportunity, *, languages: Iterable[Language]
) -> Opportunity:
    with transaction.atomic():
        _require(actor, Perm.MANAGE_VOLUNTEERS, opportunity, Opportunity)
        if opportunity.area.region_id != opportunity.region_id:
            raise Refused(_("Bitte wählen Sie einen Ort der Region."))
        if (
            opportunity.network is not None
            and opportunity.network.region_id != opportunity.region_id
        ):
            raise Refused(_("Bitte wählen Sie ein Netzwerk der Region."))
        if opportunity.pk is None and isinstance(actor, User):
            opportunity.created_by = actor
        opportunity.save()
        opportunity.languages.set(list(languages))
    return opportunity


# --- withdrawal and anonymisation ------------------------------------------------------


def anonymise(volunteer: Volunteer, actor: AnyUser | None) -> None:
    """Remove everything personal of a profile (inside the caller's transaction); the
    pseudonymous code, the hours' numbers and dates stay for the statistics."""
    for signup in volunteer.signups.filter(
        status=ShiftSignup.Status.SIGNED_UP, starts_at__gte=timezone.now()
    ):
        _release(signup, ShiftSignup.Status.CANCELLED)
    delete_certificates(PoliceCertificate.objects.filter(volunteer=volunteer))
    volunteer.tags.all().delete()
    volunteer.languages.clear()
    volunteer.networks.clear()
    HoursEntry.objects.filter(volunteer=volunteer).update(activity="")
    user = volunteer.user
    volunteer.name = volunteer.phone = volunteer.notes = ""
    volunteer.availability = []
    volunteer.newsletter = False
    volunteer.status = Volunteer.Status.ANONYMISED
    volunteer.user = None
    volunteer.save()
    if user is not None:
        revoke_role(None, user, volunteer.region, Role.VOLUNTEER)
        if not user.memberships.exists() and not user.is_superuser:
            user.is_active = False
            user.email = ""
            user.save(update_fields=["is_active", "email"])
    audit.record(
        actor, AuditAction.ANONYMISED, volunteer, fields=["name", "phone", "notes", "availability"]
    )


def withdraw(volunteer_id: int, actor: AnyUser) -> Volunteer:
    """The volunteer withdraws their consent: it is marked withdrawn, the profile anonymised."""
    with transaction.atomic():
        volunteer = (
            Volunteer.objects.select_for_update(of=("self",))
            .select_related("user", "region")
            .get(pk=volunteer_id)
        )
        if not _is_self(actor, volunteer):
            raise Volunteer.DoesNotExist
        consents = Consent.objects.filter(
            user_id=volunteer.user_id or 0,
            text__purpose__in=[CONSENT_PURPOSE, optin.PURPOSE],
            withdrawn_at__isnull=True,
        )
        for consent in consents:
            consent.withdrawn_at = timezone.now()
            consent.save(update_fields=["withdrawn_at"])
            audit.record(
                actor, AuditAction.CONSENT_WITHDRAWN, consent, region_id=volunteer.region_id
            )
        anonymise(volunteer, actor)
    return volunteer


def save_rules(actor: AnyUser, rules: VolunteerRules) -> VolunteerRules:
    """Coordination sets the region's rules (retention, certificates, Ehrenamts-Card)."""
    with transaction.atomic():
        _require(actor, Perm.MANAGE_VOLUNTEERS, rules, VolunteerRules)
        rules.save()
    return rules
