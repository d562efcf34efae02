"""Working days for the lead time: weekends and Hessian public holidays do not count."""

from __future__ import annotations

from datetime import date

import pytest

from wir.sprachpool.forms import working_days_between
from wir.sprachpool.holidays import easter_sunday, hesse, is_working_day


@pytest.mark.parametrize(
    ("year", "easter"),
    [(2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)), (2026, date(2026, 4, 5)),
     (2027, date(2027, 3, 28)), (2038, date(2038, 4, 25)), (2285, date(2285, 3, 22))],
)  # fmt: skip
def test_easter_sunday(year, easter) -> None:
    assert easter_sunday(year) == easter


def test_hessian_holidays_2027() -> None:
    days = hesse(2027)
    assert len(days) == 10
    assert date(2027, 3, 26) in days  # Karfreitag
    assert date(2027, 5, 27) in days  # Fronleichnam (a holiday in Hesse)
    assert date(2027, 10, 31) not in days  # Reformationstag is not one in Hesse
    assert not is_working_day(date(2027, 12, 25))
    assert is_working_day(date(2027, 12, 27))


def test_lead_time_skips_weekends_and_holidays() -> None:
    # Thursday before Easter 2027 → the Wednesday after: Friday and Monday are holidays.
    assert working_days_between(date(2027, 3, 25), date(2027, 3, 31)) == 2
    assert working_days_between(date(2027, 3, 1), date(2027, 3, 8)) == 5
    assert working_days_between(date(2027, 3, 8), date(2027, 3, 8)) == 0
