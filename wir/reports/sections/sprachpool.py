"""The Sprachpool's yearly report as a section: requests and bookings by language, by
setting (the requesting department) and by month, hours and allowances.

The figures are the Sprachpool's own (`wir.sprachpool.reports.build`, two queries per
year, whatever the number of requests); this module only lays them out for the report.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from wir.core.models import Region
from wir.reports.data import Cell, Column, Figure, SectionData, Series, Table
from wir.sprachpool import reports as pool
from wir.sprachpool.statements import MONTHS


def _by_label(rows: list[pool.Row]) -> dict[str, pool.Row]:
    return {row.label: row for row in rows}


def _rows(current: list[pool.Row], previous: list[pool.Row]) -> list[list[Cell]]:
    """One line per label of either year: requests of both years, then this year's detail."""
    before = _by_label(previous)
    labels = [row.label for row in current] + [
        row.label for row in previous if row.label not in _by_label(current)
    ]
    now = _by_label(current)
    lines: list[list[Cell]] = []
    for label in labels:
        row = now.get(label, pool.Row(label))
        old = before.get(label, pool.Row(label))
        lines.append(
            [label, row.requests, old.requests, row.filled, old.filled, row.unfilled,
             row.fill_rate, row.hours, row.cost]
        )  # fmt: skip
    return lines


def _columns(first: str, year: int) -> list[Column]:
    return [
        Column(first, "text"),
        Column(_("Anfragen %(year)s") % {"year": year}),
        Column(_("Anfragen %(year)s") % {"year": year - 1}),
        Column(_("Einsätze %(year)s") % {"year": year}),
        Column(_("Einsätze %(year)s") % {"year": year - 1}),
        Column(_("unbesetzt")),
        Column(_("Quote (%)"), "percent"),
        Column(_("Stunden"), "number"),
        Column(_("Kosten (EUR)"), "money"),
    ]


def sprachpool_section(region: Region, year: int) -> SectionData:
    report = pool.build(region, year)
    last = pool.build(region, year - 1)
    total, old = report.total, last.total
    months: list[list[Cell]] = [
        [MONTHS[index], now.requests, before.requests, now.hours, before.hours]
        for index, (now, before) in enumerate(zip(report.by_month, last.by_month, strict=True))
    ]
    languages = _rows(report.by_language, last.by_language)
    settings_rows = _rows(report.by_setting, last.by_setting)
    total_line: list[Cell] = [
        _("Summe"), total.requests, old.requests, total.filled, old.filled, total.unfilled,
        total.fill_rate, total.hours, total.cost,
    ]  # fmt: skip
    return SectionData(
        key="sprachpool",
        title=_("Sprachpool: Einsätze nach Sprache und Bereich"),
        year=year,
        figures=[
            Figure(_("Anfragen"), total.requests, old.requests),
            Figure(_("Einsätze (besetzte Anfragen)"), total.filled, old.filled),
            Figure(_("Besetzungsquote"), total.fill_rate, old.fill_rate, "%"),
            Figure(_("Stunden Sprachmittlung"), total.hours, old.hours),
            Figure(
                _("Aufwandsentschädigungen"),
                total.cost.quantize(Decimal("0.01")),
                old.cost.quantize(Decimal("0.01")),
                "€",
            ),
        ],
        tables=[
            Table(_("Nach Sprache"), _columns(_("Sprache"), year), languages, total_line),
            Table(_("Nach Bereich"), _columns(_("Bereich"), year), settings_rows, total_line),
            Table(
                _("Nach Monat"),
                [
                    Column(_("Monat"), "text"),
                    Column(_("Anfragen %(year)s") % {"year": year}),
                    Column(_("Anfragen %(year)s") % {"year": year - 1}),
                    Column(_("Stunden %(year)s") % {"year": year}, "number"),
                    Column(_("Stunden %(year)s") % {"year": year - 1}, "number"),
                ],
                months,
            ),
        ],
        charts=[
            Series(
                _("Anfragen je Monat"),
                "line",
                [name[:3] for name in MONTHS],
                [float(row.requests) for row in report.by_month],
                [float(row.requests) for row in last.by_month],
            ),
            Series(
                _("Einsätze nach Sprache"),
                "bar",
                [str(line[0]) for line in languages],
                [float(line[3] or 0) for line in languages],
                [float(line[4] or 0) for line in languages],
            ),
            Series(
                _("Einsätze nach Bereich"),
                "bar",
                [str(line[0]) for line in settings_rows],
                [float(line[3] or 0) for line in settings_rows],
                [float(line[4] or 0) for line in settings_rows],
            ),
        ],
        note=_(
            "Abgesagte Anfragen zählen nicht; unbesetzt sind Anfragen, deren Termin ohne "
            "Buchung verstrichen ist. Die Zahlen sind dieselben wie im Bericht des Sprachpools."
        ),
    )
