"""The pool's daily work: reminders and expired offers.

Deleting file references and notes after the region's retention period is declared on
`MediationRequest` and done by `manage.py privacy_daily` (wir/privacy/retention.py).

Run once a day (`manage.py sprachpool_daily`, e.g. from a systemd timer at 7:00). Each
step is idempotent: running it twice sends no second reminder and changes nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wir.sprachpool import notify
from wir.sprachpool.models import Assignment, MediationRequest


@dataclass
class DailyResult:
    reminded: int = 0
    expired: int = 0
    reopened: int = 0


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
        # Marked before the mail goes out, and only by the run that marks it: a run killed
        # in between, or two runs at once, never send a reminder twice (at most once).
        claimed = Assignment.objects.filter(pk=booking.pk, reminded_at__isnull=True).update(
            reminded_at=now
        )
        if claimed:
            notify.reminder(booking)
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


def run(now: datetime | None = None) -> DailyResult:
    now = now or timezone.now()
    result = DailyResult()
    result.expired, result.reopened = expire(now)
    result.reminded = remind(now)
    return result
