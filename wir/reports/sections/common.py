"""Pieces the sections share: the year's bounds as filters, rows of counts per label with
the previous year, and their tables and charts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from wir.reports.data import Cell, Column, ColumnKind, Series, Table
from wir.reports.period import year_bounds


def in_year(field: str, year: int, *, is_date: bool = False) -> Q:
    """`field` lies in the year: a date field by its days, a time stamp in Berlin time."""
    if is_date:
        return Q(**{f"{field}__gte": date(year, 1, 1), f"{field}__lte": date(year, 12, 31)})
    start, end = year_bounds(year)
    return Q(**{f"{field}__gte": start, f"{field}__lt": end})


def until_end_of(field: str, year: int, *, is_date: bool = False) -> Q:
    """`field` lies before the end of the year."""
    if is_date:
        return Q(**{f"{field}__lte": date(year, 12, 31)})
    return Q(**{f"{field}__lt": year_bounds(year)[1]})


@dataclass
class Pair:
    """A label's value in the year and in the year before."""

    label: str
    current: int | float | Decimal = 0
    previous: int | float | Decimal = 0


def pairs(
    rows: Iterable[Mapping[str, Any]],
    key: str,
    labels: Mapping[Any, Any] | None = None,
    *,
    every_label: bool = False,
    missing: str = "",
) -> list[Pair]:
    """Rows of `values(key).annotate(current=..., previous=...)` as pairs, named by
    `labels` (choices); with `every_label` also the labels without rows, in their order."""
    found = {row[key]: row for row in rows}
    order = list(labels) if every_label and labels is not None else list(found)
    if every_label:
        order += [value for value in found if value not in order]
    result = []
    for value in order:
        row = found.get(value, {})
        name = str(labels.get(value, value)) if labels is not None else value
        result.append(
            Pair(
                str(name if name not in (None, "") else missing or _("ohne Angabe")),
                row.get("current") or 0,
                row.get("previous") or 0,
            )
        )
    return result


def pair_table(
    title: str, first: str, year: int, rows: list[Pair], kind: ColumnKind = "int"
) -> Table:
    lines: list[list[Cell]] = [[row.label, row.current, row.previous] for row in rows]
    total: list[Cell] = [
        _("Summe"),
        sum((row.current for row in rows), start=0),
        sum((row.previous for row in rows), start=0),
    ]
    return Table(
        title,
        [Column(first, "text"), Column(str(year), kind), Column(str(year - 1), kind)],
        lines,
        total if kind in {"int", "number", "money"} else None,
    )


def pair_chart(title: str, rows: list[Pair], kind: str = "bar") -> Series:
    return Series(
        title,
        "line" if kind == "line" else "bar",
        [row.label for row in rows],
        [float(row.current) for row in rows],
        [float(row.previous) for row in rows],
    )
