"""Reading the audit log: the filters of the "Protokoll" screen and its CSV export."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import QuerySet

from wir.accounts.models import User
from wir.core.models import Region
from wir.privacy.models import AuditAction, AuditEvent


@dataclass(frozen=True)
class AuditFilter:
    """What the coordinator asked for; every part optional."""

    person: str = ""  # a user name (or part of one) of the acting account
    record_type: str = ""
    record_id: str = ""
    action: str = ""
    first_day: date | None = None
    last_day: date | None = None


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, ZoneInfo(settings.TIME_ZONE))


def audit_events(region: Region, chosen: AuditFilter) -> QuerySet[AuditEvent]:
    """The region's events matching `chosen`, newest first (indexed by region and time)."""
    events = AuditEvent.objects.filter(region_id=region.pk)
    if chosen.person:
        actors = User.objects.filter(username__icontains=chosen.person).values("pk")
        events = events.filter(actor_id__in=actors)
    if chosen.record_type:
        events = events.filter(record_type=chosen.record_type)
    if chosen.record_id:
        events = events.filter(record_id=chosen.record_id)
    if chosen.action:
        events = events.filter(action=chosen.action)
    if chosen.first_day is not None:
        events = events.filter(at__gte=_midnight(chosen.first_day))
    if chosen.last_day is not None:
        events = events.filter(at__lt=_midnight(chosen.last_day + timedelta(days=1)))
    return events.order_by("-at", "-id")


def actor_names(events: Iterable[AuditEvent]) -> dict[int, str]:
    """User names of the acting accounts, in one query (ids without an account: none)."""
    ids = {event.actor_id for event in events if event.actor_id is not None}
    return dict(User.objects.filter(pk__in=ids).values_list("pk", "username"))


CSV_HEADER = ["Zeitpunkt", "Konto", "Aktion", "Datensatzart", "Datensatz", "Felder", "Grund"]


def as_csv(events: QuerySet[AuditEvent]) -> str:
    """The events as CSV (semicolons, for German spreadsheets), in batches of 2,000."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(CSV_HEADER)
    tz = ZoneInfo(settings.TIME_ZONE)
    labels = dict(AuditAction.choices)
    batch: list[AuditEvent] = []
    for event in events.iterator(chunk_size=2000):
        batch.append(event)
        if len(batch) == 2000:
            _write(writer, batch, tz, labels)
            batch = []
    _write(writer, batch, tz, labels)
    return out.getvalue()


def _cell(value: str) -> str:
    """Spreadsheets run cells starting with these as formulas: keep them text."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@") else value


def _write(writer: Any, batch: list[AuditEvent], tz: ZoneInfo, labels: dict[str, Any]) -> None:
    names = actor_names(batch)
    for event in batch:
        writer.writerow(
            [
                event.at.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S"),
                _cell(names.get(event.actor_id or 0, "System" if event.actor_id is None else "")),
                str(labels.get(event.action, event.action)),
                event.record_type,
                event.record_id,
                ", ".join(event.fields or []),
                _cell(event.reason),
            ]
        )
