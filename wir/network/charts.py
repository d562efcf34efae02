"""Geometry of the server-drawn SVG charts: plain numbers in, shapes out. The template
network/_bar_chart.html draws them, always next to a table with the same numbers.

A chart has rows (e.g. checklist items) and series (e.g. assessment dates): each row shows
one horizontal bar per series.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 640
LABEL_WIDTH = 230
RIGHT = 40
BAR = 12
ROW_GAP = 12
TOP = 24


@dataclass(frozen=True)
class Segment:
    series: int
    y: float
    width: float
    text: str
    text_x: float


@dataclass(frozen=True)
class Row:
    label: str
    y: float  # the label's baseline
    segments: list[Segment]


@dataclass(frozen=True)
class BarChart:
    rows: list[Row]
    series: list[str]
    height: int
    ticks: list[tuple[float, str]]
    width: int = WIDTH
    left: int = LABEL_WIDTH
    right: int = WIDTH - RIGHT


def number(value: float) -> str:
    """German decimal comma, no trailing ",0"."""
    return f"{value:.1f}".replace(".", ",").removesuffix(",0")


def bar_chart(
    rows: Sequence[tuple[str, Sequence[float | None]]],
    series: Sequence[str],
    maximum: float | None = None,
) -> BarChart:
    values = [v for _label, row in rows for v in row if v is not None]
    top = maximum if maximum is not None else max(values or [1.0])
    top = top or 1.0
    plot = WIDTH - LABEL_WIDTH - RIGHT
    per_row = len(series) * BAR + ROW_GAP
    built = []
    for index, (label, row) in enumerate(rows):
        y0 = TOP + index * per_row
        segments = []
        for position, value in enumerate(row):
            shown = value if value is not None else 0.0
            width = plot * shown / top
            segments.append(
                Segment(
                    series=position,
                    y=y0 + position * BAR,
                    width=width,
                    text=number(value) if value is not None else "–",
                    text_x=LABEL_WIDTH + width + 4,
                )
            )
        built.append(Row(label=label, y=y0 + len(series) * BAR / 2 + 4, segments=segments))
    steps = 3 if top == 3 else 4
    ticks = [(LABEL_WIDTH + plot * i / steps, number(top * i / steps)) for i in range(steps + 1)]
    return BarChart(
        rows=built,
        series=list(series),
        height=TOP + len(rows) * per_row + 8,
        ticks=ticks,
    )
