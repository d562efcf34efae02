"""Applying every declaration's retention rule: what is due is anonymised or deleted.

Run once a day by `manage.py privacy_daily`. A row is due when the date in `since` (or in
`since_fallback` where it is empty) lies more than the period before now; the period is the
region's own (`months_for_region`) where the declaration reads one. Rows already
anonymised are not touched again, so a second run the same day changes nothing. Every
change is written to the audit log (by the system, with the reason).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db import models, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from wir.privacy import subject
from wir.privacy.registry import ERASE_DELETE, PersonalData, Retention, declarations

REASON = "Aufbewahrungsfrist abgelaufen"
DAYS_PER_MONTH = 30.44  # the mean Gregorian month, as the Sprachpool always counted
BATCH = 500


@dataclass
class RetentionReport:
    counts: dict[str, int] = field(default_factory=dict)  # record type → rows changed

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def limit_for(months: int, now: datetime) -> datetime:
    return now - timedelta(days=round(months * DAYS_PER_MONTH))


def _older_than(retention: Retention, limit: datetime) -> Q:
    due = Q(**{f"{retention.since}__lt": limit})
    if retention.since_fallback:
        due |= Q(**{f"{retention.since}__isnull": True, f"{retention.since_fallback}__lt": limit})
    return due


def _not_yet_anonymised(declaration: PersonalData) -> Q | None:
    """Rows whose declared fields still hold something (plain values only; expressions
    such as a generated user name cannot be compared, `applies` excludes those rows)."""
    condition: Q | None = None
    for name, value in subject.anonymised_values(declaration).items():
        if isinstance(value, models.expressions.Combinable):
            continue
        part = Q(**{f"{name}__isnull": False}) if value is None else ~Q(**{name: value})
        condition = part if condition is None else condition | part
    return condition


def due_rows(declaration: PersonalData, now: datetime) -> Iterator[QuerySet[Any]]:
    """The rows of a declared model that are due, one queryset per retention period."""
    retention = declaration.retention
    assert retention is not None
    rows = declaration.model._default_manager.all()
    if retention.applies is not None:
        rows = rows.filter(retention.applies)
    if retention.action != ERASE_DELETE:
        pending = _not_yet_anonymised(declaration)
        if pending is not None:
            rows = rows.filter(pending)
    per_region: Callable[[int], int] | None = retention.months_for_region
    if per_region is None or declaration.region is None:
        yield rows.filter(_older_than(retention, limit_for(retention.months, now)))
        return
    region_ids = rows.values_list(declaration.region, flat=True).distinct()
    for region_id in sorted({r for r in region_ids if r is not None}):
        limit = limit_for(per_region(region_id), now)
        yield rows.filter(**{declaration.region: region_id}).filter(_older_than(retention, limit))


def apply_declaration(declaration: PersonalData, now: datetime) -> int:
    assert declaration.retention is not None
    done = 0
    for rows in due_rows(declaration, now):
        pks = list(rows.values_list("pk", flat=True))
        for start in range(0, len(pks), BATCH):
            with transaction.atomic():
                done += subject.apply(
                    declaration,
                    pks[start : start + BATCH],
                    declaration.retention.action,
                    by=None,
                    reason=REASON,
                )
    return done


def with_retention() -> list[PersonalData]:
    return [d for d in declarations() if d.retention is not None]


def run(
    now: datetime | None = None, progress: Callable[[PersonalData], None] | None = None
) -> RetentionReport:
    """Apply every retention rule; counts per record type (only those with changes)."""
    now = now or timezone.now()
    report = RetentionReport()
    for declaration in with_retention():
        done = apply_declaration(declaration, now)
        if done:
            report.counts[declaration.label] = done
        if progress is not None:
            progress(declaration)
    return report
