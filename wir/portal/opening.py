"""Opening hours as plain data: is a place open at a moment, when does it open next.

No Django, no ORM: the models convert to `Schedule` and the views show the results.
Weekdays count from Monday = 0, as `datetime.weekday()` and Integreat do.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

WEEKDAYS = range(7)


@dataclass(frozen=True, order=True)
class Slot:
    weekday: int
    opens: time
    closes: time  # exclusive; a slot ends before midnight (closes > opens)


@dataclass(frozen=True)
class Schedule:
    slots: tuple[Slot, ...] = ()
    closed_days: frozenset[date] = field(default_factory=frozenset)
    appointment_only: bool = False
    temporarily_closed: bool = False


def slot_problems(slots: list[Slot]) -> list[str]:
    """Reasons why a list of slots is not a valid week (empty list: valid), in German."""
    problems = []
    for slot in slots:
        if slot.weekday not in WEEKDAYS:
            problems.append(f"Unbekannter Wochentag {slot.weekday}.")
        if slot.closes <= slot.opens:
            problems.append(
                f"{slot.opens:%H:%M}–{slot.closes:%H:%M}: Das Ende muss nach dem Beginn liegen."
            )
    ordered = sorted(s for s in slots if s.closes > s.opens)
    for before, after in itertools.pairwise(ordered):
        if before.weekday == after.weekday and after.opens < before.closes:
            problems.append(
                f"{before.opens:%H:%M}–{before.closes:%H:%M} und "
                f"{after.opens:%H:%M}–{after.closes:%H:%M} überschneiden sich."
            )
    return problems


def is_open(schedule: Schedule, moment: datetime) -> bool:
    """Open at `moment` (local wall-clock time of the place)."""
    if schedule.temporarily_closed or schedule.appointment_only:
        return False
    if moment.date() in schedule.closed_days:
        return False
    now = moment.time()
    return any(
        slot.weekday == moment.weekday() and slot.opens <= now < slot.closes
        for slot in schedule.slots
    )


def next_opening(schedule: Schedule, moment: datetime, days: int = 14) -> datetime | None:
    """The next moment at or after `moment` when the place opens, within `days` days."""
    if schedule.temporarily_closed or schedule.appointment_only or not schedule.slots:
        return None
    for offset in range(days + 1):
        day = moment.date() + timedelta(days=offset)
        if day in schedule.closed_days:
            continue
        for slot in sorted(s for s in schedule.slots if s.weekday == day.weekday()):
            start = datetime.combine(day, slot.opens, tzinfo=moment.tzinfo)
            end = datetime.combine(day, slot.closes, tzinfo=moment.tzinfo)
            if end > moment:
                return max(start, moment)
    return None


def week(schedule: Schedule) -> list[list[tuple[time, time]]]:
    """Seven lists (Monday first) of (opens, closes), in order; empty list: closed."""
    days: list[list[tuple[time, time]]] = [[] for _ in WEEKDAYS]
    for slot in sorted(schedule.slots):
        days[slot.weekday].append((slot.opens, slot.closes))
    return days
