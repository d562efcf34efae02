"""Charts of the report as inline SVG, drawn on the server (no script, strict CSP).

Each chart is an image with a title (`role="img"`, `aria-label`, `<title>`); the page shows
the same figures in a table next to it. The year is dark and solid, the previous year
lighter and dashed or hatched, so the two differ without colour too.
"""

from __future__ import annotations

import zlib
from xml.sax.saxutils import escape, quoteattr

from wir.reports.data import Series

CURRENT = "#1f5da0"
PREVIOUS = "#6b8fb8"
TEXT = "#1b1b1b"
GRID = "#c8c8c8"
WIDTH = 720
LABEL_WIDTH = 220  # room for "Ausbildung und Weiterbildung" at 12 px


def _number(value: float) -> str:
    shown = f"{value:,.1f}" if value != int(value) else f"{int(value):,}"
    return shown.replace(",", "\u202f").replace(".", ",")


def _hatch_id(title: str) -> str:
    """The id of a chart's hatching: one per chart, as ids must be unique on the page."""
    return f"wir-hatch-{zlib.crc32(title.encode()):08x}"


def _open(title: str, height: int) -> str:
    hatch = _hatch_id(title)
    return (
        f'<svg class="wir-chart" role="img" aria-label={quoteattr(title)} width="{WIDTH}" '
        f'height="{height}" viewBox="0 0 {WIDTH} {height}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
        f'<defs><pattern id="{hatch}" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{PREVIOUS}"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2"/></pattern></defs>'
    )


def _legend(year: int, y: int, line: bool, hatch: str = "") -> str:
    def key(x: int, colour: str, dashed: bool, label: str) -> str:
        if line:
            dash = ' stroke-dasharray="6 4"' if dashed else ""
            mark = (
                f'<line x1="{x}" y1="{y - 4}" x2="{x + 22}" y2="{y - 4}" stroke="{colour}" '
                f'stroke-width="3"{dash}/>'
            )
        else:
            fill = f"url(#{hatch})" if dashed else colour
            mark = f'<rect x="{x}" y="{y - 11}" width="22" height="12" fill="{fill}"/>'
        return f'{mark}<text x="{x + 28}" y="{y}" font-size="13" fill="{TEXT}">{label}</text>'

    return key(LABEL_WIDTH, CURRENT, False, str(year)) + key(
        LABEL_WIDTH + 100, PREVIOUS, True, str(year - 1)
    )


def bar_chart(series: Series, year: int) -> str:
    """Horizontal grouped bars: per label the year above the previous year."""
    rows = len(series.labels)
    height = 34 + 34 * rows + 10
    peak = max([*series.current, *series.previous, 0.0]) or 1.0
    scale = (WIDTH - LABEL_WIDTH - 90) / peak
    hatch = _hatch_id(series.title)
    parts = [_open(series.title, height), _legend(year, 18, line=False, hatch=hatch)]
    for index, label in enumerate(series.labels):
        top = 34 + 34 * index
        shown = label if len(label) <= 30 else label[:29] + "…"
        parts.append(
            f'<text x="{LABEL_WIDTH - 10}" y="{top + 18}" text-anchor="end" font-size="12" '
            f'fill="{TEXT}">{escape(shown)}</text>'
        )
        for offset, values, fill in (
            (2, series.current, CURRENT),
            (16, series.previous, f"url(#{hatch})"),
        ):
            value = values[index] if index < len(values) else 0.0
            width = value * scale
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{top + offset}" width="{width:.1f}" height="12" '
                f'fill="{fill}"/><text x="{LABEL_WIDTH + 5 + width:.1f}" y="{top + offset + 11}" '
                f'font-size="11" '
                f'fill="{TEXT}">{_number(value)}{escape(series.unit)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def line_chart(series: Series, year: int) -> str:
    """Two lines over the labels (months): the year solid, the previous year dashed."""
    height = 240
    left, right, top, bottom = 50, WIDTH - 20, 34, height - 30
    peak = max([*series.current, *series.previous, 0.0]) or 1.0
    steps = max(len(series.labels) - 1, 1)

    def point(index: int, value: float) -> str:
        x = left + (right - left) * index / steps
        y = bottom - (bottom - top) * value / peak
        return f"{x:.1f},{y:.1f}"

    parts = [_open(series.title, height), _legend(year, 18, line=True)]
    for fraction in (0.0, 0.5, 1.0):
        y = bottom - (bottom - top) * fraction
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="{GRID}"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" '
            f'fill="{TEXT}">{_number(round(peak * fraction, 1))}</text>'
        )
    for index, label in enumerate(series.labels):
        x = left + (right - left) * index / steps
        parts.append(
            f'<text x="{x:.1f}" y="{height - 10}" text-anchor="middle" font-size="11" '
            f'fill="{TEXT}">{escape(label)}</text>'
        )
    for values, colour, dash in (
        (series.previous, PREVIOUS, ' stroke-dasharray="6 4"'),
        (series.current, CURRENT, ""),
    ):
        points = " ".join(point(i, v) for i, v in enumerate(values))
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="3"{dash}/>'
        )
    parts.append("</svg>")
    return "".join(parts)


def chart(series: Series, year: int) -> str:
    return line_chart(series, year) if series.kind == "line" else bar_chart(series, year)
