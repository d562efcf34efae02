"""The Ehrenamts-Card criteria (pure)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wir.volunteers.card import CardRule, evaluate

RULE = CardRule(Decimal("5"), Decimal("250"), 5)
TODAY = date(2026, 12, 6)


def weekly(hours: str, years: int) -> list[tuple[date, Decimal]]:
    return [(TODAY - timedelta(days=7 * week), Decimal(hours)) for week in range(52 * years + 1)]


def test_five_years_of_five_hours_a_week() -> None:
    result = evaluate(weekly("5", 5), RULE, TODAY)
    assert result.meets
    assert result.qualifying_years == 5


def test_four_years_are_not_enough() -> None:
    result = evaluate(weekly("6", 4), RULE, TODAY)
    assert not result.meets
    assert result.qualifying_years == 4


def test_a_gap_year_breaks_the_run() -> None:
    entries = [(d, h) for d, h in weekly("6", 5) if not 365 <= (TODAY - d).days < 730]
    result = evaluate(entries, RULE, TODAY)
    assert result.qualifying_years == 1
    assert not result.meets


def test_yearly_total_counts_too() -> None:
    # 250 h in one block each year (e.g. a summer camp) also counts.
    entries = [(TODAY - timedelta(days=365 * y + 10), Decimal("24")) for y in range(5)] * 11
    assert evaluate(entries, RULE, TODAY).meets


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 3000), st.integers(1, 24)), max_size=40))
def test_more_hours_never_hurt(raw: list[tuple[int, int]]) -> None:
    entries = [(TODAY - timedelta(days=d), Decimal(h)) for d, h in raw]
    before = evaluate(entries, RULE, TODAY)
    after = evaluate([*entries, (TODAY, Decimal(10))], RULE, TODAY)
    assert after.qualifying_years >= before.qualifying_years
    assert sum(after.yearly_hours) == sum(before.yearly_hours) + 10
