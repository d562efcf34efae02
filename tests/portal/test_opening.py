"""Opening hours as plain data: open now, next opening, validation."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from wir.portal.opening import Schedule, Slot, is_open, next_opening, slot_problems, week

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = datetime(2026, 11, 23, tzinfo=BERLIN)  # a Monday


def at(day_offset: int, hour: int, minute: int = 0) -> datetime:
    return (MONDAY + timedelta(days=day_offset)).replace(hour=hour, minute=minute)


OFFICE = Schedule(
    slots=(
        Slot(0, time(8), time(12)),
        Slot(0, time(14), time(18)),
        Slot(3, time(9), time(13)),
    )
)


def test_open_within_a_slot_and_closed_at_its_end() -> None:
    assert is_open(OFFICE, at(0, 8))
    assert is_open(OFFICE, at(0, 11, 59))
    assert not is_open(OFFICE, at(0, 12))  # the closing time is exclusive
    assert not is_open(OFFICE, at(0, 13))
    assert is_open(OFFICE, at(0, 14, 30))
    assert not is_open(OFFICE, at(1, 10))  # Tuesday: closed all day


def test_closed_days_appointment_only_and_temporary_closure_win() -> None:
    holiday = Schedule(slots=OFFICE.slots, closed_days=frozenset({at(0, 0).date()}))
    assert not is_open(holiday, at(0, 9))
    assert next_opening(holiday, at(0, 9)) == at(3, 9)
    assert not is_open(Schedule(slots=OFFICE.slots, appointment_only=True), at(0, 9))
    assert next_opening(Schedule(slots=OFFICE.slots, temporarily_closed=True), at(0, 9)) is None


def test_next_opening_finds_the_next_slot() -> None:
    assert next_opening(OFFICE, at(0, 12, 30)) == at(0, 14)
    assert next_opening(OFFICE, at(0, 19)) == at(3, 9)
    assert next_opening(OFFICE, at(3, 14)) == at(7, 8)  # next Monday
    assert next_opening(Schedule(), at(0, 9)) is None


def test_week_is_monday_first_and_ordered() -> None:
    days = week(Schedule(slots=(Slot(0, time(14), time(18)), Slot(0, time(8), time(12)))))
    assert len(days) == 7
    assert days[0] == [(time(8), time(12)), (time(14), time(18))]
    assert days[6] == []


def test_slot_problems_are_explained_in_german() -> None:
    assert slot_problems(list(OFFICE.slots)) == []
    problems = slot_problems(
        [Slot(0, time(12), time(8)), Slot(2, time(8), time(12)), Slot(2, time(11), time(13))]
    )
    assert "12:00–08:00: Das Ende muss nach dem Beginn liegen." in problems
    assert "08:00–12:00 und 11:00–13:00 überschneiden sich." in problems


slots = st.builds(
    lambda day, start, length: Slot(
        day, time(start // 60, start % 60), time((start + length) // 60, (start + length) % 60)
    ),
    st.integers(0, 6),
    st.integers(0, 22 * 60),
    st.integers(1, 60),
)
moments = st.builds(
    lambda days, minutes: MONDAY + timedelta(days=days, minutes=minutes),
    st.integers(0, 13),
    st.integers(0, 24 * 60 - 1),
)


@given(st.lists(slots, max_size=8), moments, st.sets(st.integers(0, 13), max_size=3))
def test_next_opening_agrees_with_is_open(slot_list, moment, closed_offsets) -> None:
    closed = frozenset((MONDAY + timedelta(days=d)).date() for d in closed_offsets)
    schedule = Schedule(slots=tuple(slot_list), closed_days=closed)
    upcoming = next_opening(schedule, moment)
    if is_open(schedule, moment):
        assert upcoming == moment
    if upcoming is not None:
        assert upcoming >= moment
        assert is_open(schedule, upcoming)
        assert upcoming.date() not in closed
