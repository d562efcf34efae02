"""Cells and figures as German text (page and PDF): 1.234 · 1,5 · 33,00 € · 50,0 %."""

from __future__ import annotations

from decimal import Decimal

from wir.reports.data import Cell, ColumnKind

DASH = "–"


def number(value: int | float | Decimal | None, decimals: int | None = None) -> str:
    if value is None:
        return DASH
    if decimals is None:
        decimals = 0 if isinstance(value, int) else 1
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def cell(value: Cell, kind: ColumnKind = "int") -> str:
    if value is None:
        return DASH
    if isinstance(value, str):
        return value
    if kind == "money":
        return f"{number(value, 2)} €"
    if kind == "percent":
        return f"{number(value, 1)} %"
    if kind == "number":
        return number(value, 1)
    return number(value)


def figure(value: int | float | Decimal | None, unit: str = "") -> str:
    if value is None:
        return DASH
    if isinstance(value, Decimal):
        return f"{number(value, 2)} {unit}".strip()
    return f"{number(value)} {unit}".strip()


def change(value: int | float | Decimal | None, unit: str = "") -> str:
    """The change to the previous year with its sign: +3, −1,5 Pp., ±0 (a change of a
    percentage is in percentage points)."""
    if value is None:
        return DASH
    if unit == "%":
        unit = "Pp."
    if value == 0:
        return "±0"
    sign = "+" if value > 0 else "−"
    magnitude = -value if value < 0 else value
    return sign + figure(magnitude, unit)
