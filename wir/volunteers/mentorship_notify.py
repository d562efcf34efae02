"""Mails about mentorships, sent after the commit of the action that caused them.

Households are named by their code only (a name only when the household consented to
passing it on); the coordination's addresses are those of the region's members whose
role may manage volunteers.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from wir.accounts.models import Membership
from wir.accounts.roles import ROLE_PERMS, Perm
from wir.core.models import Region
from wir.volunteers.models_mentorship import CheckIn, Household, Mentorship

SIGNATURE = "\n\nIhre WIR-Koordination"


def _url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def coordination_addresses(region_id: int) -> list[str]:
    roles = [role for role, perms in ROLE_PERMS.items() if Perm.MANAGE_VOLUNTEERS in perms]
    return sorted(
        set(
            Membership.objects.filter(region_id=region_id, role__in=roles, user__is_active=True)
            .exclude(user__email="")
            .values_list("user__email", flat=True)
        )
    )


def _volunteer_address(mentorship: Mentorship) -> list[str]:
    user = mentorship.volunteer.user
    return [user.email] if user is not None and user.email else []


def _load(mentorship_id: int) -> Mentorship | None:
    return (
        Mentorship.objects.select_related(
            "household__municipality", "household__region", "volunteer__user"
        )
        .filter(pk=mentorship_id)
        .first()
    )


def _household_lines(household: Household) -> str:
    languages = ", ".join(household.languages.values_list("name_de", flat=True))
    lines = [
        f"Haushalt: {household.code}",
        f"Wohnort: {household.municipality.name}",
        f"Sprachen: {languages}",
        f"Personen: {household.size}" + (" (mit Kindern)" if household.has_minors else ""),
    ]
    needs = household.need_labels()
    if needs:
        lines.append("Unterstützung bei: " + ", ".join(needs))
    if household.contact_name:
        lines.append(f"Ansprache: {household.contact_name}")
    return "\n".join(lines)


def started(mentorship_id: int) -> int:
    mentorship = _load(mentorship_id)
    if mentorship is None or not _volunteer_address(mentorship):
        return 0
    dates = ", ".join(f"{c.due_on:%d.%m.%Y}" for c in mentorship.checkins.order_by("due_on"))
    body = (
        "Guten Tag,\n\nvielen Dank, dass Sie eine Patenschaft übernehmen. "
        "Die WIR-Koordination meldet sich für das erste Kennenlernen.\n\n"
        f"{_household_lines(mentorship.household)}\n"
        f"Beginn: {mentorship.started_on:%d.%m.%Y}\n"
        + (f"Gespräche mit der Koordination: {dates}\n" if dates else "")
        + SIGNATURE
    )
    return EmailMessage(
        "Patenschaft: Ihr neuer Haushalt", body, to=_volunteer_address(mentorship)
    ).send()


def ended(mentorship_id: int) -> int:
    mentorship = _load(mentorship_id)
    if mentorship is None or not _volunteer_address(mentorship):
        return 0
    body = (
        "Guten Tag,\n\nIhre Patenschaft für den Haushalt "
        f"{mentorship.household.code} ist zum {mentorship.ended_on:%d.%m.%Y} beendet "
        f"({mentorship.get_end_reason_display()}). Vielen Dank für Ihr Engagement!" + SIGNATURE
    )
    return EmailMessage("Patenschaft beendet", body, to=_volunteer_address(mentorship)).send()


def new_match_asked(mentorship_id: int) -> int:
    """Tell the other side: the coordination when the volunteer asked, else the volunteer."""
    mentorship = _load(mentorship_id)
    if mentorship is None:
        return 0
    if mentorship.end_reason == Mentorship.EndReason.NEW_MATCH_VOLUNTEER:
        to = coordination_addresses(mentorship.household.region_id)
        link = _url(reverse("mentoring:household", args=[mentorship.household_id]))
        body = (
            f"Guten Tag,\n\n{mentorship.volunteer.code} bittet um eine neue Vermittlung für "
            f"den Haushalt {mentorship.household.code}. Die Patenschaft ist beendet, der "
            "Haushalt sucht wieder.\n\n"
            + (f"Notiz: {' '.join(mentorship.end_note.split())}\n\n" if mentorship.end_note else "")
            + f"Vorschläge: {link}"
            + SIGNATURE
        )
        subject = "Patenschaft: neue Vermittlung gewünscht"
    else:
        to = _volunteer_address(mentorship)
        body = (
            "Guten Tag,\n\nfür den Haushalt "
            f"{mentorship.household.code} sucht die Koordination eine neue Patenschaft. Ihre "
            "Patenschaft ist damit beendet. Vielen Dank für Ihr Engagement!" + SIGNATURE
        )
        subject = "Patenschaft beendet"
    if not to:
        return 0
    return EmailMessage(subject, body, to=to).send()


def checkins_due(today: date) -> int:
    """Remind the coordination once of every conversation due today or earlier and not
    held; one mail per region. Returns the number of mails sent."""
    due = list(
        CheckIn.objects.filter(
            done_on__isnull=True,
            reminded_at__isnull=True,
            due_on__lte=today,
            mentorship__status=Mentorship.Status.ACTIVE,
        )
        .select_related("mentorship__household", "mentorship__volunteer")
        .order_by("due_on", "id")
    )
    by_region: dict[int, list[CheckIn]] = defaultdict(list)
    for checkin in due:
        by_region[checkin.mentorship.household.region_id].append(checkin)
    sent = 0
    for region_id, checkins in by_region.items():
        to = coordination_addresses(region_id)
        region = Region.objects.get(pk=region_id)
        lines = [
            f"- {c.due_on:%d.%m.%Y}: {c.mentorship.household.code} / "
            f"{c.mentorship.volunteer.code} – "
            + _url(reverse("mentoring:mentorship", args=[c.mentorship_id]))
            for c in checkins
        ]
        body = (
            f"Guten Tag,\n\nin {region.name} sind Gespräche mit Patenschaften fällig:\n\n"
            + "\n".join(lines)
            + SIGNATURE
        )
        # Marked and committed before the mail goes out, and only what this run marked
        # is sent: a run killed while sending never sends it twice (at most once).
        with transaction.atomic():
            claimed = CheckIn.objects.filter(
                pk__in=[c.pk for c in checkins], reminded_at__isnull=True
            ).update(reminded_at=timezone.now())
        if to and claimed:
            sent += EmailMessage("Patenschaften: Gespräche fällig", body, to=to).send()
    return sent
