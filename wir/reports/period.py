"""The bounds of a report year, in the time zone the region lives in."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings

FIRST_YEAR = 2000
LAST_YEAR = 2100


def year_bounds(year: int) -> tuple[datetime, datetime]:
    """[1 January 00:00, next 1 January 00:00) in Europe/Berlin, as aware datetimes."""
    tz = ZoneInfo(settings.TIME_ZONE)
    return (
        datetime.combine(date(year, 1, 1), time.min, tz),
        datetime.combine(date(year + 1, 1, 1), time.min, tz),
    )


def parse_year(raw: str) -> int | None:
    """A year the report can be made for, or None for anything else."""
    raw = raw.strip()
    if not (raw.isascii() and raw.isdigit() and len(raw) == 4):
        return None
    year = int(raw)
    return year if FIRST_YEAR <= year <= LAST_YEAR else None
