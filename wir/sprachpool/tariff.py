"""Allowances from the region's tariff (pure: no Django).

Per appointment or per started half hour, a minimum per appointment, travel per km, and
a fee when a booking is cancelled late by the department. Amounts in euros, rounded to
cents (half up, as on a statement).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

PER_APPOINTMENT = "appointment"
PER_HALF_HOUR = "half_hour"
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Tariff:
    per: str = PER_HALF_HOUR
    rate: Decimal = Decimal("10.00")
    travel_per_km: Decimal = Decimal("0.30")
    minimum: Decimal = Decimal("20.00")
    cancellation_fee: Decimal = Decimal("15.00")
    late_cancellation_hours: int = 24


def allowance(tariff: Tariff, minutes: int, km: Decimal) -> Decimal:
    """What one appointment of `minutes` with `km` driven (there and back) earns."""
    if minutes < 0 or km < 0:
        raise ValueError("Dauer und Kilometer dürfen nicht negativ sein.")
    base = tariff.rate if tariff.per == PER_APPOINTMENT else tariff.rate * math.ceil(minutes / 30)
    total = max(base, tariff.minimum) + tariff.travel_per_km * km
    return total.quantize(CENT, rounding=ROUND_HALF_UP)


def cancellation(tariff: Tariff, hours_before: float) -> Decimal:
    """The fee for a booking the department cancels `hours_before` the start."""
    if hours_before < tariff.late_cancellation_hours:
        return tariff.cancellation_fee.quantize(CENT, rounding=ROUND_HALF_UP)
    return Decimal("0.00")
