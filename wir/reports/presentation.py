"""A run's sections as what the page shows: German text, SVG charts and their tables."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe

from wir.reports import charts, formatting
from wir.reports.data import Cell, ColumnKind, SectionData


@dataclass
class ShownTable:
    title: str
    headers: list[str]
    rows: list[list[str]]
    total: list[str] | None


@dataclass
class ShownChart:
    title: str
    svg: SafeString
    data: ShownTable  # the same figures as a table, for everyone who cannot see the chart


@dataclass
class ShownSection:
    key: str
    title: str
    note: str
    year: int
    figures: list[tuple[str, str, str, str]]
    charts: list[ShownChart]
    tables: list[ShownTable]


def _chart(section: SectionData, index: int) -> ShownChart:
    series = section.charts[index]
    rows = [
        [label, formatting.number(now), formatting.number(before)]
        for label, now, before in zip(series.labels, series.current, series.previous, strict=False)
    ]
    # built in charts.py from escaped text only
    svg = mark_safe(charts.chart(series, section.year))  # noqa: S308
    return ShownChart(
        series.title,
        svg,
        ShownTable(series.title, ["", str(section.year), str(section.year - 1)], rows, None),
    )


def shown(section: SectionData) -> ShownSection:
    tables = []
    for table in section.tables:
        kinds = [column.kind for column in table.columns]

        def line(cells: list[Cell], kinds: list[ColumnKind] = kinds) -> list[str]:
            return [formatting.cell(v, k) for v, k in zip(cells, kinds, strict=False)]

        tables.append(
            ShownTable(
                table.title,
                [column.title for column in table.columns],
                [line(row) for row in table.rows],
                None if table.total is None else line(table.total),
            )
        )
    return ShownSection(
        key=section.key,
        title=section.title,
        note=section.note,
        year=section.year,
        figures=[
            (
                item.label,
                formatting.figure(item.value, item.unit),
                formatting.figure(item.previous, item.unit),
                formatting.change(item.change, item.unit),
            )
            for item in section.figures
        ],
        charts=[_chart(section, i) for i, s in enumerate(section.charts) if s.labels],
        tables=tables,
    )
