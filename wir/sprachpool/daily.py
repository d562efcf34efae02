"""The pool's daily work: reminders, expired offers, and deleting what is no longer needed.

Run once a day (`manage.py sprachpool_daily`, e.g. from a systemd timer at 7:00). Each
step is idempotent: running it twice sends no second reminder and changes nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from wir.sprachpool import notify
from wir.sprachpool.models import Assignment, MediationRequest, PoolRules


@dataclass
class DailyResult:
    reminded: int = 0
    expired: int = 0
    reopened: int = 0
    anonymised: int = 0


def remind(now: datetime) -> int:
    """A reminder the day before, to mediator and department, once per booking."""
    tz = ZoneInfo(settings.TIME_ZONE)
    tomorrow = timezone.localtime(now, tz).date() + timedelta(days=1)
    start = datetime.combine(tomorrow, time.min, tz)
    bookings = Assignment.objects.filter(
        status=Assignment.Status.ACCEPTED,
        reminded_at__isnull=True,
        starts_at__gte=start,
        starts_at__lt=start + timedelta(days=1),
    ).select_related(
        "request__language", "request__area", "request__requested_by", "mediator__user"
    )
    count = 0
    for booking in bookings:
        notify.reminder(booking)
        Assignment.objects.filter(pk=booking.pk).update(reminded_at=now)
        count += 1
    return count


@transaction.atomic
def expire(now: datetime) -> tuple[int, int]:
    """Offers nobody answered before the appointment began expire; their requests go back
    to open, so that reports count them as unfilled."""
    expired = Assignment.objects.filter(
        status=Assignment.Status.OFFERED, starts_at__lte=now
    ).update(status=Assignment.Status.EXPIRED, updated_at=now)
    reopened = MediationRequest.objects.filter(
        status=MediationRequest.Status.OFFERED, starts_at__lte=now
    ).update(status=MediationRequest.Status.OPEN)
    return expired, reopened


@transaction.atomic
def anonymise(now: datetime) -> int:
    """File references, notes and addresses go after the region's retention period (data
    minimisation);
    counts, hours and amounts stay for statements and reports."""
    count = 0
    default = PoolRules()
    rules = {r.region_id: r for r in PoolRules.objects.all()}
    region_ids = set(
        MediationRequest.objects.exclude(client_reference="", notes="", address="").values_list(
            "region_id", flat=True
        )
    )
    for region_id in region_ids:
        months = rules.get(region_id, default).retention_months
        limit = now - timedelta(days=round(months * 30.44))
        count += (
            MediationRequest.objects.filter(region_id=region_id, ends_at__lt=limit)
            .filter(~Q(client_reference="") | ~Q(notes="") | ~Q(address=""))
            .update(client_reference="", notes="", address="")
        )
    return count


def run(now: datetime | None = None) -> DailyResult:
    now = now or timezone.now()
    result = DailyResult()
    result.expired, result.reopened = expire(now)
    result.reminded = remind(now)
    result.anonymised = anonymise(now)
    return result
