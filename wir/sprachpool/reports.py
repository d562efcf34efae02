"""The pool's figures for a year: requests, fill rate, lead time, hours and cost, by
month, language and setting, and the unfilled requests by language (which languages to
recruit). Plain rows for tables, CSV/XLSX exports, and bar charts as inline SVG.
"""

from __future__ import annotations

import csv
import io
import statistics
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from wir.core.models import Region
from wir.sprachpool.models import Assignment, MediationRequest
from wir.sprachpool.statements import MONTHS

FILLED = {MediationRequest.Status.BOOKED, MediationRequest.Status.DONE}


@dataclass
class Row:
    label: str
    requests: int = 0
    filled: int = 0
    unfilled: int = 0  # the appointment passed without a booking
    minutes: int = 0
    cost: Decimal = Decimal("0.00")
    lead_days: list[float] = field(default_factory=list)

    @property
    def fill_rate(self) -> float | None:
        decided = self.filled + self.unfilled
        return round(100 * self.filled / decided, 1) if decided else None

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 1)

    @property
    def median_lead_days(self) -> float | None:
        return round(statistics.median(self.lead_days), 1) if self.lead_days else None


@dataclass
class Report:
    region: Region
    year: int
    by_month: list[Row]
    by_language: list[Row]
    by_setting: list[Row]
    total: Row

    @property
    def unfilled_by_language(self) -> list[Row]:
        rows = [row for row in self.by_language if row.unfilled]
        return sorted(rows, key=lambda row: (-row.unfilled, row.label))


def build(region: Region, year: int, now: datetime | None = None) -> Report:
    now = now or timezone.now()
    tz = ZoneInfo(settings.TIME_ZONE)
    start = datetime.combine(date(year, 1, 1), time.min, tz)
    end = datetime.combine(date(year + 1, 1, 1), time.min, tz)
    requests = list(
        MediationRequest.objects.filter(region=region, starts_at__gte=start, starts_at__lt=end)
        .exclude(status=MediationRequest.Status.CANCELLED)
        .select_related("language")
    )
    done: dict[int, tuple[int, Decimal]] = {
        request_id: (minutes or 0, amount or Decimal(0))
        for request_id, minutes, amount in Assignment.objects.filter(
            # a join, not `request__in=requests`: that list would grow with the year
            request__region=region,
            request__starts_at__gte=start,
            request__starts_at__lt=end,
            status=Assignment.Status.DONE,
        ).values_list("request_id", "actual_minutes", "allowance")
    }
    months = [Row(MONTHS[m]) for m in range(12)]
    languages: dict[str, Row] = {}
    settings_rows: dict[str, Row] = {}
    total = Row("Summe")
    labels = dict(MediationRequest.Setting.choices)
    for request in requests:
        language = request.language.name_de
        rows = [
            months[timezone.localtime(request.starts_at).month - 1],
            languages.setdefault(language, Row(language)),
            settings_rows.setdefault(request.setting, Row(str(labels[request.setting]))),
            total,
        ]
        filled = request.status in FILLED
        unfilled = not filled and request.starts_at <= now
        minutes, cost = done.get(request.pk, (0, Decimal(0)))
        lead = (request.starts_at - request.created_at).total_seconds() / 86400
        for row in rows:
            row.requests += 1
            row.filled += filled
            row.unfilled += unfilled
            row.minutes += minutes
            row.cost += cost
            row.lead_days.append(lead)
    return Report(
        region=region,
        year=year,
        by_month=months,
        by_language=sorted(languages.values(), key=lambda row: (-row.requests, row.label)),
        by_setting=sorted(settings_rows.values(), key=lambda row: (-row.requests, row.label)),
        total=total,
    )


HEADERS = ["", "Anfragen", "besetzt", "unbesetzt", "Quote (%)", "Stunden", "Kosten (EUR)",
           "Vorlauf (Tage, Median)"]  # fmt: skip


def _cells(row: Row) -> list[object]:
    return [row.label, row.requests, row.filled, row.unfilled, row.fill_rate, row.hours,
            row.cost, row.median_lead_days]  # fmt: skip


def sections(report: Report) -> list[tuple[str, list[Row]]]:
    return [
        ("Nach Monat", report.by_month),
        ("Nach Sprache", report.by_language),
        ("Nach Bereich", report.by_setting),
        ("Gesamt", [report.total]),
    ]


def as_csv(report: Report) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for title, rows in sections(report):
        writer.writerow([title, *HEADERS[1:]])
        for row in rows:
            writer.writerow(["" if v is None else str(v).replace(".", ",") for v in _cells(row)])
        writer.writerow([])
    return out.getvalue()


def as_xlsx(report: Report) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for title, rows in sections(report):
        sheet = book.create_sheet(title)
        sheet.append([title, *HEADERS[1:]])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([float(v) if isinstance(v, Decimal) else v for v in _cells(row)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@dataclass
class Chart:
    """A chart and the table with its figures: the same bars, the same numbers."""

    title: str  # says what is counted: "Anfragen nach Sprache"
    unit: str  # the values' header in the table and the axis caption: "Anzahl", "Stunden"
    bars: list[tuple[str, float]]

    @property
    def svg(self) -> SafeString:
        # built here from escaped labels and numbers
        return mark_safe(bar_chart(self.title, self.bars, self.unit))  # noqa: S308


LABEL_WIDTH = 230  # room for "Kurdisch (Kurmandschi)" at 13 px
BAR_WIDTH = 330


def german_number(value: float) -> str:
    shown = f"{value:,.1f}" if value != int(value) else f"{int(value):,}"
    return shown.replace(",", "\u202f").replace(".", ",")


def bar_chart(title: str, bars: list[tuple[str, float]], unit: str) -> str:
    """A horizontal bar chart as inline SVG with its title and the value axis named
    (`unit`); the page shows the same figures in a table next to it."""
    height = 24 * len(bars) + 40
    peak = max((value for _label, value in bars), default=0) or 1
    left = LABEL_WIDTH + 10
    parts = [
        f'<svg class="wir-chart" role="img" aria-label="{escape(title)}" width="680" '
        f'height="{height}" viewBox="0 0 680 {height}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title>"
    ]
    for index, (label, value) in enumerate(bars):
        y = 5 + 24 * index
        width = BAR_WIDTH * value / peak
        parts.append(
            f'<text x="{LABEL_WIDTH}" y="{y + 15}" text-anchor="end" font-size="13">'
            f"{escape(label)}</text>"
            f'<rect x="{left}" y="{y + 2}" width="{width:.1f}" height="16" fill="#1f5da0"/>'
            f'<text x="{left + 5 + width:.1f}" y="{y + 15}" font-size="13">'
            f"{escape(german_number(value))}</text>"
        )
    axis_y = 24 * len(bars) + 8
    parts.append(
        f'<line x1="{left}" y1="{axis_y}" x2="{left + BAR_WIDTH}" y2="{axis_y}" '
        f'stroke="#5f6b77"/><text x="{left}" y="{axis_y + 22}" font-size="13">'
        f"{escape(unit)} (0 bis {escape(german_number(peak))})</text></svg>"
    )
    return "".join(parts)
