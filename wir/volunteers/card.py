"""Who meets the Hessian Ehrenamts-Card criteria: plain data in, plain data out.

The default rule (configurable per region in `VolunteerRules`): at least 5 hours a week
or 250 hours a year, for at least 5 years. Each "year" is a window of 365 days ending on
the day of the report (the latest first); a window counts when its approved hours reach
the yearly number, or the weekly number times 52. The criteria are met when the last
`years` windows all count. No Django here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

WEEKS_PER_YEAR = 52


@dataclass(frozen=True)
class CardRule:
    hours_per_week: Decimal
    hours_per_year: Decimal
    years: int


@dataclass(frozen=True)
class CardResult:
    qualifying_years: int  # consecutive windows that count, the latest first
    yearly_hours: tuple[Decimal, ...]  # hours per window, the latest first
    meets: bool


def evaluate(entries: Iterable[tuple[date, Decimal]], rule: CardRule, as_of: date) -> CardResult:
    """`entries`: approved hours as (day, hours); days after `as_of` are ignored."""
    windows = max(rule.years, 1)
    totals = [Decimal("0")] * windows
    for day, hours in entries:
        if day > as_of:
            continue
        index = (as_of - day).days // 365
        if index < windows:
            totals[index] += hours
    threshold = min(rule.hours_per_year, rule.hours_per_week * WEEKS_PER_YEAR)
    qualifying = 0
    for total in totals:
        if total < threshold:
            break
        qualifying += 1
    return CardResult(qualifying, tuple(totals), qualifying >= rule.years)
