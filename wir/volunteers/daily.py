"""The volunteers' daily work: reminders, and deleting what is no longer needed.

Run once a day (`manage.py volunteers_daily`; `make run` runs it once at start). Every
step is idempotent: a reminder is sent once (`ReminderSent`), a second run changes nothing.

- the day before a shift: a reminder to each person signed up;
- after a shift: an hours entry per person signed up, for coordination to approve;
- before a police certificate expires (the region's days ahead): a reminder;
- unconfirmed sign-ups older than the region's days: deleted with their account;
- certificate facts past `delete_after` (3 months after the activity): deleted;
- profiles inactive for the region's period: reminded a month before, then anonymised.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from wir.accounts.models import User
from wir.volunteers import actions, notify
from wir.volunteers.models import (
    HoursEntry,
    PoliceCertificate,
    ReminderSent,
    ShiftSignup,
    Volunteer,
    VolunteerRules,
)


@dataclass
class DailyResult:
    shift_reminders: int = 0
    certificate_reminders: int = 0
    inactive_reminders: int = 0
    unconfirmed_deleted: int = 0
    certificates_deleted: int = 0
    anonymised: int = 0
    hours_from_shifts: int = 0


def _once(kind: str, key: str) -> bool:
    """True the first time (kind, key) is claimed; the unique constraint keeps it once."""
    try:
        with transaction.atomic():
            ReminderSent.objects.create(kind=kind, key=key)
    except IntegrityError:
        return False
    return True


def _rules(region_id: int, cache: dict[int, VolunteerRules]) -> VolunteerRules:
    if region_id not in cache:
        cache[region_id] = VolunteerRules.for_region(region_id)
    return cache[region_id]


def remind_shifts(now: datetime) -> int:
    tomorrow = timezone.localtime(now).date() + timedelta(days=1)
    start = datetime.combine(tomorrow, time.min, timezone.get_current_timezone())
    signups = ShiftSignup.objects.filter(
        status=ShiftSignup.Status.SIGNED_UP,
        starts_at__gte=start,
        starts_at__lt=start + timedelta(days=1),
        shift__status="scheduled",
    ).select_related("shift__opportunity__area", "volunteer__user")
    sent = 0
    for signup in signups:
        if _once("shift", str(signup.pk)):
            notify.reminder(signup)
            sent += 1
    return sent


def hours_from_shifts(now: datetime) -> int:
    """Shifts count automatically: each finished sign-up (of the last 30 days) becomes an
    hours entry for the coordination to approve, once (a unique constraint per shift)."""
    done = (
        ShiftSignup.objects.filter(
            status=ShiftSignup.Status.SIGNED_UP,
            ends_at__lte=now,
            ends_at__gte=now - timedelta(days=30),
            shift__status="scheduled",
        )
        .exclude(shift__hours__volunteer_id=F("volunteer_id"))
        .select_related("shift__opportunity")
    )
    entries = [
        HoursEntry(
            volunteer_id=signup.volunteer_id,
            shift_id=signup.shift_id,
            date=timezone.localtime(signup.starts_at).date(),
            hours=Decimal((signup.ends_at - signup.starts_at).total_seconds() / 3600).quantize(
                Decimal("0.01")
            ),
            activity=signup.shift.opportunity.title[:200],
        )
        for signup in done
        if signup.ends_at - signup.starts_at <= timedelta(hours=24)
    ]
    HoursEntry.objects.bulk_create(entries, ignore_conflicts=True)
    return len(entries)


def remind_certificates(now: datetime, cache: dict[int, VolunteerRules]) -> int:
    today = timezone.localtime(now).date()
    sent = 0
    certificates = PoliceCertificate.objects.filter(
        disqualifying=False,
        volunteer__works_with_minors=True,
        volunteer__status__in=[Volunteer.Status.ACTIVE, Volunteer.Status.PAUSED],
    ).select_related("volunteer__user")
    for certificate in certificates:
        rules = _rules(certificate.volunteer.region_id, cache)
        valid_until = certificate.valid_until(rules.certificate_valid_years)
        due = valid_until - timedelta(days=rules.certificate_reminder_days)
        if due <= today < valid_until and _once("certificate", str(certificate.pk)):
            notify.certificate_expiring(certificate.volunteer, valid_until)
            sent += 1
    return sent


def delete_unconfirmed(now: datetime, cache: dict[int, VolunteerRules]) -> int:
    deleted = 0
    for volunteer in Volunteer.objects.filter(status=Volunteer.Status.UNCONFIRMED):
        days = _rules(volunteer.region_id, cache).unconfirmed_days
        if volunteer.created_at >= now - timedelta(days=days):
            continue
        with transaction.atomic():
            user_id = volunteer.user_id
            volunteer.delete()
            # The account was made for this sign-up and never confirmed.
            User.objects.filter(pk=user_id or 0, is_active=False, memberships__isnull=True).delete()
        deleted += 1
    return deleted


def delete_certificates(now: datetime) -> int:
    today = timezone.localtime(now).date()
    with transaction.atomic():
        return actions.delete_certificates(PoliceCertificate.objects.filter(delete_after__lt=today))


def inactive(now: datetime, cache: dict[int, VolunteerRules]) -> tuple[int, int]:
    """Remind a month before the retention period ends; anonymise when it has."""
    reminded = anonymised = 0
    candidates = Volunteer.objects.exclude(
        status__in=[Volunteer.Status.ANONYMISED, Volunteer.Status.UNCONFIRMED]
    ).select_related("user", "region")
    for volunteer in candidates:
        months = _rules(volunteer.region_id, cache).retention_months
        limit = now - relativedelta(months=months)
        if volunteer.last_active_at < limit:
            with transaction.atomic():
                actions.anonymise(volunteer, None)
            anonymised += 1
        elif volunteer.last_active_at < limit + relativedelta(months=1):
            key = f"{volunteer.pk}-{volunteer.last_active_at:%Y%m%d}"
            if _once("inactive", key):
                notify.inactive(volunteer)
                reminded += 1
    return reminded, anonymised


def run(now: datetime | None = None) -> DailyResult:
    now = now or timezone.now()
    cache: dict[int, VolunteerRules] = {}
    result = DailyResult()
    result.shift_reminders = remind_shifts(now)
    result.hours_from_shifts = hours_from_shifts(now)
    result.certificate_reminders = remind_certificates(now, cache)
    result.unconfirmed_deleted = delete_unconfirmed(now, cache)
    result.certificates_deleted = delete_certificates(now)
    result.inactive_reminders, result.anonymised = inactive(now, cache)
    return result
