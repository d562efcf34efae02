"""Recurring events (RFC 5545 RRULE) as plain data: expand a rule into occurrences.

Rules are expanded in local wall-clock time and then placed in the time zone, so a weekly
event at 18:00 stays at 18:00 across the change to and from summer time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr

MAX_OCCURRENCES = 500  # an open-ended rule is cut off here
ALLOWED_FREQUENCIES = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}


class RuleError(ValueError):
    """The rule cannot be used; the message is German and shown to the editor."""


@dataclass(frozen=True, order=True)
class Occurrence:
    start: datetime
    end: datetime


def parse_rule(rule: str, start: datetime) -> rrule:
    """Parse an RRULE (without the "RRULE:" prefix) anchored at `start` (aware)."""
    text = rule.strip().removeprefix("RRULE:")
    if not text:
        raise RuleError("Die Wiederholungsregel ist leer.")
    parts = dict(part.split("=", 1) for part in text.split(";") if "=" in part)
    if parts.get("FREQ") not in ALLOWED_FREQUENCIES:
        raise RuleError(
            "Die Regel braucht FREQ=DAILY, WEEKLY, MONTHLY oder YEARLY, z. B. FREQ=WEEKLY;BYDAY=TU."
        )
    local_start = start.replace(tzinfo=None)
    if "UNTIL" in parts and start.tzinfo is not None:
        parts["UNTIL"] = _local_until(parts["UNTIL"], start.tzinfo).strftime("%Y%m%dT%H%M%S")
        text = ";".join(f"{key}={value}" for key, value in parts.items())
    try:
        parsed = rrulestr(f"RRULE:{text}", dtstart=local_start)
    except (ValueError, TypeError) as error:
        raise RuleError(f"Die Wiederholungsregel ist ungültig: {error}") from error
    if not isinstance(parsed, rrule):
        raise RuleError("Bitte nur eine einzelne Wiederholungsregel angeben.")
    return parsed


def _local_until(value: str, zone: tzinfo) -> datetime:
    """UNTIL as local wall-clock time: a date means the end of that day, "Z" means UTC."""
    try:
        if len(value) == 8:
            return datetime.strptime(value, "%Y%m%d").replace(hour=23, minute=59, second=59)
        if value.endswith("Z"):
            moment = datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            return moment.astimezone(zone).replace(tzinfo=None)
        return datetime.strptime(value, "%Y%m%dT%H%M%S")
    except ValueError as error:
        raise RuleError(f"UNTIL={value} ist kein gültiges Datum (JJJJMMTT).") from error


def rule_for_calendar(rule: str, start: datetime) -> str:
    """The rule as RFC 5545 wants it next to a DTSTART with TZID: UNTIL in UTC."""
    parts = dict(p.split("=", 1) for p in rule.removeprefix("RRULE:").split(";") if "=" in p)
    if "UNTIL" in parts and start.tzinfo is not None:
        local = _local_until(parts["UNTIL"], start.tzinfo).replace(tzinfo=start.tzinfo)
        parts["UNTIL"] = local.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return ";".join(f"{key}={value}" for key, value in parts.items())


def occurrences(
    start: datetime,
    end: datetime,
    rule: str,
    window_start: datetime,
    window_end: datetime,
    zone: ZoneInfo,
) -> list[Occurrence]:
    """The occurrences overlapping [window_start, window_end). `start`/`end` are aware."""
    local_start = start.astimezone(zone)
    duration = end - start
    if not rule:
        single = Occurrence(start, end)
        return [single] if start < window_end and end > window_start else []
    parsed = parse_rule(rule, local_start)
    found: list[Occurrence] = []
    # Look back by the duration so that an occurrence already running is included.
    search_from = (window_start - duration).astimezone(zone).replace(tzinfo=None)
    search_to = window_end.astimezone(zone).replace(tzinfo=None)
    for count, local in enumerate(parsed.xafter(search_from - timedelta(seconds=1), inc=True)):
        if local >= search_to or count >= MAX_OCCURRENCES:
            break
        begins = local.replace(tzinfo=zone)
        ends = begins + duration
        if ends > window_start and begins < window_end:
            found.append(Occurrence(begins, ends))
    return found


def has_occurrence_after(
    start: datetime, end: datetime, rule: str, moment: datetime, zone: ZoneInfo
) -> bool:
    """Whether an occurrence still runs at `moment` or begins after it."""
    if not rule:
        return end > moment
    duration = end - start
    try:
        parsed = parse_rule(rule, start.astimezone(zone))
    except RuleError:  # a rule stored before it was checked: no dates to offer
        return False
    # An occurrence beginning after (moment - duration) still runs at `moment`.
    after = (moment - duration).astimezone(zone).replace(tzinfo=None)
    return parsed.after(after, inc=False) is not None
