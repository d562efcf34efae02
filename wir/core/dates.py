"""Days that people and apps may ask for: a fixed range, so that far dates (year 1 or
9999, where adding a day overflows) are refused with a message instead of failing."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

EARLIEST_DAY = date(1900, 1, 1)
LATEST_DAY = date(2199, 12, 31)

OUT_OF_RANGE = _("Bitte ein Datum zwischen 1900 und 2199 angeben.")


class DayError(ValueError):
    """A day parameter that is no date (`out_of_range` False) or outside the range."""

    def __init__(self, out_of_range: bool) -> None:
        super().__init__("out of range" if out_of_range else "not a date")
        self.out_of_range = out_of_range


def in_range(day: date) -> bool:
    return EARLIEST_DAY <= day <= LATEST_DAY


def parse_day(text: str) -> date:
    """A day written YYYY-MM-DD between EARLIEST_DAY and LATEST_DAY, else DayError."""
    text = text.strip()
    if len(text) != 10 or not text.isascii():
        raise DayError(out_of_range=False)
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise DayError(out_of_range=False) from None
    if not in_range(day):
        raise DayError(out_of_range=True)
    return day


def validate_day_in_range(day: date) -> None:
    """Form-field validator: refuses days outside the supported range."""
    if not in_range(day):
        raise ValidationError(OUT_OF_RANGE, code="out_of_range")
