"""The tariff: per started half hour or per appointment, minimum, travel, late fees."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wir.sprachpool.tariff import PER_APPOINTMENT, Tariff, allowance, cancellation

HALF_HOURLY = Tariff()  # 10 € per started half hour, 20 € minimum, 0.30 €/km


@pytest.mark.parametrize(
    ("minutes", "km", "expected"),
    [
        (30, Decimal(0), Decimal("20.00")),  # one half hour: the minimum applies
        (61, Decimal(0), Decimal("30.00")),  # three started half hours
        (90, Decimal("12.5"), Decimal("33.75")),  # 30 € + 12.5 km × 0.30 €
        (0, Decimal(0), Decimal("20.00")),
    ],
)
def test_half_hourly_tariff(minutes, km, expected) -> None:
    assert allowance(HALF_HOURLY, minutes, km) == expected


def test_per_appointment_and_late_cancellation() -> None:
    flat = Tariff(per=PER_APPOINTMENT, rate=Decimal("35.00"), minimum=Decimal(0))
    assert allowance(flat, 200, Decimal(10)) == Decimal("38.00")
    assert cancellation(HALF_HOURLY, hours_before=3) == Decimal("15.00")
    assert cancellation(HALF_HOURLY, hours_before=48) == Decimal("0.00")
    with pytest.raises(ValueError, match="nicht negativ"):
        allowance(HALF_HOURLY, -1, Decimal(0))


@given(
    st.integers(0, 600),
    st.integers(0, 600),
    st.decimals(0, 300, places=1),
    st.decimals(0, 300, places=1),
)
def test_more_time_or_travel_never_pays_less(m1, m2, k1, k2) -> None:
    low = allowance(HALF_HOURLY, min(m1, m2), min(k1, k2))
    high = allowance(HALF_HOURLY, max(m1, m2), max(k1, k2))
    assert HALF_HOURLY.minimum <= low <= high
    assert high.as_tuple().exponent == -2  # always whole cents
