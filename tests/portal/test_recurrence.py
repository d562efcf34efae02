"""Expanding RFC 5545 rules: local wall-clock times, summer time, windows, bad rules."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wir.portal.recurrence import RuleError, occurrences, parse_rule, rule_for_calendar

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2026, 3, 17, 18, 0, tzinfo=BERLIN)  # a Tuesday before summer time
END = START + timedelta(hours=2)


def window(days: int = 60, begin: datetime = START) -> tuple[datetime, datetime]:
    return begin, begin + timedelta(days=days)


def test_weekly_event_keeps_its_local_time_across_summer_time() -> None:
    found = occurrences(START, END, "FREQ=WEEKLY;BYDAY=TU", *window(21), zone=BERLIN)
    assert [o.start.astimezone(BERLIN).hour for o in found] == [18, 18, 18]
    assert [o.start.astimezone(UTC).hour for o in found] == [17, 17, 16]  # UTC shifts
    assert all(o.end - o.start == timedelta(hours=2) for o in found)


def test_until_as_a_date_includes_that_day() -> None:
    found = occurrences(START, END, "FREQ=WEEKLY;UNTIL=20260331", *window(), zone=BERLIN)
    assert [o.start.day for o in found] == [17, 24, 31]


def test_count_and_interval() -> None:
    found = occurrences(START, END, "FREQ=WEEKLY;INTERVAL=2;COUNT=3", *window(90), zone=BERLIN)
    assert [o.start.date().isoformat() for o in found] == ["2026-03-17", "2026-03-31", "2026-04-14"]


def test_window_cuts_and_running_occurrence_is_included() -> None:
    later = START + timedelta(days=7, hours=1)  # during the second occurrence
    found = occurrences(START, END, "FREQ=WEEKLY", later, later + timedelta(days=8), zone=BERLIN)
    assert [o.start.day for o in found] == [24, 31]


def test_single_event_without_rule() -> None:
    assert len(occurrences(START, END, "", *window(), zone=BERLIN)) == 1
    assert (
        occurrences(
            START, END, "", START + timedelta(days=1), START + timedelta(days=2), zone=BERLIN
        )
        == []
    )


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("", "leer"),
        ("BYDAY=TU", "FREQ=DAILY, WEEKLY"),
        ("FREQ=SECONDLY", "FREQ=DAILY, WEEKLY"),
        ("FREQ=WEEKLY;BYDAY=XX", "ungültig"),
        ("FREQ=WEEKLY;UNTIL=2026-13-45", "kein gültiges Datum"),
    ],
)
def test_bad_rules_are_explained_in_german(rule: str, message: str) -> None:
    with pytest.raises(RuleError, match=message):
        parse_rule(rule, START)


def test_calendar_rule_has_until_in_utc() -> None:
    assert rule_for_calendar("FREQ=WEEKLY;UNTIL=20260331", START) == (
        "FREQ=WEEKLY;UNTIL=20260331T215959Z"
    )


@given(
    st.sampled_from(
        [
            "FREQ=DAILY",
            "FREQ=WEEKLY;BYDAY=MO,TH",
            "FREQ=MONTHLY;BYDAY=1WE",
            "FREQ=WEEKLY;INTERVAL=3",
        ]
    ),
    st.integers(0, 400),
    st.integers(1, 120),
)
def test_every_occurrence_overlaps_the_window_and_keeps_its_length(rule, offset, days) -> None:
    begin = START + timedelta(days=offset)
    end = begin + timedelta(days=days)
    found = occurrences(START, END, rule, begin, end, zone=BERLIN)
    assert found == sorted(found)
    for occurrence in found:
        assert occurrence.end > begin
        assert occurrence.start < end
        assert occurrence.end - occurrence.start == END - START
        assert occurrence.start.astimezone(BERLIN).time() == START.time()


def test_has_occurrence_after() -> None:
    from wir.portal.recurrence import has_occurrence_after

    later = START + timedelta(days=30)
    assert has_occurrence_after(START, END, "FREQ=WEEKLY", later, BERLIN)
    assert not has_occurrence_after(START, END, "FREQ=WEEKLY;COUNT=3", later, BERLIN)
    assert not has_occurrence_after(START, END, "", later, BERLIN)
    assert has_occurrence_after(START, END, "", START + timedelta(hours=1), BERLIN)  # running
    last = START + timedelta(days=14, hours=1)  # during the third and last of three
    assert has_occurrence_after(START, END, "FREQ=WEEKLY;COUNT=3", last, BERLIN)
    assert not has_occurrence_after(START, END, "FREQ=SECONDLY", later, BERLIN)  # refused rule
