"""Monthly statements of mediators and the yearly total against the tax-free limit.

An allowance is counted in the month of its appointment: done appointments with their
computed amount, and bookings cancelled late by the department with the fee.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify

from wir.sprachpool.matching import ALLOWANCE_WARN_SHARE, euro, german_number
from wir.sprachpool.models import Assignment, Mediator, PoolRules

MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
          "September", "Oktober", "November", "Dezember"]  # fmt: skip


@dataclass(frozen=True)
class Line:
    day: date
    kind: str
    language: str
    minutes: int
    km: Decimal
    amount: Decimal


@dataclass
class Statement:
    mediator: Mediator
    year: int
    month: int
    lines: list[Line] = field(default_factory=list)
    year_total: Decimal = Decimal("0.00")
    limit: Decimal = Decimal("960.00")

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal("0.00"))

    @property
    def minutes(self) -> int:
        return sum(line.minutes for line in self.lines)

    @property
    def near_limit(self) -> bool:
        return self.year_total >= self.limit * ALLOWANCE_WARN_SHARE

    @property
    def over_limit(self) -> bool:
        return self.year_total > self.limit

    @property
    def title(self) -> str:
        return f"Abrechnung {MONTHS[self.month - 1]} {self.year} – {self.mediator.code}"


def _bounds(year: int, month: int) -> tuple[datetime, datetime]:
    tz = ZoneInfo(settings.TIME_ZONE)
    first = datetime.combine(date(year, month, 1), time.min, tz)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return first, datetime.combine(following, time.min, tz)


def year_totals(mediators: list[Mediator], year: int) -> dict[int, Decimal]:
    start, _end = _bounds(year, 1)
    end, _ = _bounds(year + 1, 1)
    rows = (
        Assignment.objects.filter(
            mediator__in=mediators, allowance__isnull=False, starts_at__gte=start, starts_at__lt=end
        )
        .values("mediator_id")
        .annotate(total=Sum("allowance"))
    )
    return {row["mediator_id"]: row["total"] or Decimal("0.00") for row in rows}


def statements(mediators: list[Mediator], year: int, month: int) -> list[Statement]:
    """One statement per mediator (empty ones included), in the order given."""
    if not mediators:
        return []
    start, end = _bounds(year, month)
    region_id = mediators[0].region_id
    rules = PoolRules.for_region(region_id)
    totals = year_totals(mediators, year)
    by_mediator: dict[int, Statement] = {
        m.pk: Statement(m, year, month, year_total=totals.get(m.pk, Decimal("0.00")),
                        limit=rules.allowance_limit)
        for m in mediators
    }  # fmt: skip
    for assignment in (
        Assignment.objects.filter(
            mediator__in=mediators, allowance__isnull=False, starts_at__gte=start, starts_at__lt=end
        )
        .select_related("request__language")
        .order_by("starts_at", "pk")
    ):
        done = assignment.status == Assignment.Status.DONE
        by_mediator[assignment.mediator_id].lines.append(
            Line(
                day=timezone.localtime(assignment.starts_at).date(),
                kind="Einsatz" if done else "Ausfallpauschale",
                language=assignment.request.language.name_de,
                minutes=(assignment.actual_minutes or 0) if done else 0,
                km=(assignment.travel_km or Decimal(0)) if done else Decimal(0),
                amount=assignment.allowance or Decimal("0.00"),
            )
        )
    return [by_mediator[m.pk] for m in mediators]


def _euro(amount: Decimal) -> str:
    return f"{amount:.2f}".replace(".", ",")


def as_csv(items: list[Statement]) -> str:
    """Semicolons and decimal commas, as German spreadsheets expect."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Kennung", "Datum", "Art", "Sprache", "Minuten", "km", "Betrag (EUR)"])
    for item in items:
        for line in item.lines:
            writer.writerow([item.mediator.code, line.day.strftime("%d.%m.%Y"), line.kind,
                             line.language, line.minutes, str(line.km).replace(".", ","),
                             _euro(line.amount)])  # fmt: skip
        writer.writerow([item.mediator.code, "", "Summe Monat", "", item.minutes, "",
                         _euro(item.total)])  # fmt: skip
        writer.writerow([item.mediator.code, "", f"Summe {item.year}", "", "", "",
                         _euro(item.year_total)])  # fmt: skip
    return out.getvalue()


def as_pdf(item: Statement) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, title=item.title, author="WIR-Plattform",
                                 lang="de-DE")  # fmt: skip
    styles = getSampleStyleSheet()
    rows: list[list[str]] = [["Datum", "Art", "Sprache", "Minuten", "km", "Betrag"]]
    for line in item.lines:
        rows.append([line.day.strftime("%d.%m.%Y"), line.kind, line.language, str(line.minutes),
                     german_number(line.km, 1), euro(line.amount)])  # fmt: skip
    rows.append(["", "Summe", "", str(item.minutes), "", euro(item.total)])
    table = Table(rows, repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black),
        ("LINEABOVE", (0, -1), (-1, -1), 0.5, colors.black),
        ("ALIGN", (3, 0), (-1, -1), "RIGHT"),
    ]))  # fmt: skip
    story = [
        Paragraph(escape(item.title), styles["Title"]),  # text, not reportlab markup
        Paragraph("Aufwandsentschädigung für ehrenamtliche Sprachmittlung", styles["Normal"]),
        Spacer(1, 12),
        table,
        Spacer(1, 12),
        Paragraph(
            f"Summe {item.year} bisher: {euro(item.year_total)} "
            f"von {euro(item.limit)} steuerfreier Ehrenamtspauschale.",
            styles["Normal"],
        ),
    ]
    if item.over_limit:
        story.append(Paragraph("Die steuerfreie Grenze ist überschritten.", styles["Normal"]))
    elif item.near_limit:
        story.append(Paragraph("Die steuerfreie Grenze ist bald erreicht.", styles["Normal"]))
    document.build(story)
    return buffer.getvalue()


DOWNLOAD_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "pdf": "application/pdf",
}


def download_headers(who: str, year: int, month: int, fmt: str) -> dict[str, str]:
    """Content type and file name of a statement download, decided here and not by the
    URL: "abrechnung-<code or region>-<yyyy>-<mm>.<csv|pdf>", the code reduced to safe
    characters. KeyError for any other format."""
    content_type = DOWNLOAD_TYPES[fmt]
    safe = slugify(who) or "sprachpool"
    name = f"abrechnung-{safe}-{year:04d}-{month:02d}.{fmt}"
    return {
        "Content-Type": content_type,
        "Content-Disposition": content_disposition_header(True, name) or "attachment",
        "X-Content-Type-Options": "nosniff",
    }
