"""The certificate of engagement (Ehrenamtsnachweis, PDF) and the Ehrenamts-Card report."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from xml.sax.saxutils import escape

from django.db.models import Sum
from django.utils import timezone

from wir.core.models import Region
from wir.volunteers.card import CardResult, CardRule, evaluate
from wir.volunteers.models import HoursEntry, Volunteer, VolunteerRules


def german_hours(value: Decimal) -> str:
    text = f"{value.quantize(Decimal('0.01')):f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def engagement_pdf(volunteer: Volunteer, year: int | None = None) -> bytes:
    """Approved hours per activity (of one year, or all), signed off by the coordination."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    entries = HoursEntry.objects.filter(volunteer=volunteer, approved_at__isnull=False)
    if year is not None:
        entries = entries.filter(date__year=year)
    rows = list(
        entries.values("activity").annotate(total=Sum("hours")).order_by("-total", "activity")
    )
    first_last = entries.order_by("date").values_list("date", flat=True)
    total = sum((row["total"] for row in rows), Decimal("0"))
    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, title="Ehrenamtsnachweis")
    period = str(year) if year is not None else "gesamt"
    who = volunteer.name or volunteer.code
    story = [
        Paragraph("Ehrenamtsnachweis", styles["Title"]),
        # Names are text, not reportlab markup: "<" or "&" in them would break the PDF.
        Paragraph(escape(f"WIR-Koordination {volunteer.region.full_name}"), styles["Normal"]),
        Spacer(1, 12),
        Paragraph(
            escape(
                f"Hiermit bestätigen wir, dass {who} (Kennung {volunteer.code}) sich "
                f"ehrenamtlich engagiert hat. Zeitraum: {period}."
            ),
            styles["Normal"],
        ),
        Spacer(1, 12),
    ]
    if rows:
        table = Table(
            [["Tätigkeit", "Stunden"]]
            + [[row["activity"] or "—", german_hours(row["total"])] for row in rows]
            + [["Summe", german_hours(total)]],
            colWidths=[360, 80],
        )
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                    ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                    ("FONTNAME", (0, -1), (-1, -1), "Helvetica-Bold"),
                    ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ]
            )
        )
        story.append(table)
        days = list(first_last)
        story += [
            Spacer(1, 12),
            Paragraph(
                f"Erster Einsatz: {days[0]:%d.%m.%Y}, letzter: {days[-1]:%d.%m.%Y}.",
                styles["Normal"],
            ),
        ]
    else:
        story.append(
            Paragraph("Im Zeitraum sind keine bestätigten Stunden erfasst.", styles["Normal"])
        )
    story += [
        Spacer(1, 24),
        Paragraph(f"Ausgestellt am {timezone.localdate():%d.%m.%Y}.", styles["Normal"]),
    ]
    document.build(story)
    return buffer.getvalue()


@dataclass(frozen=True)
class CardRow:
    volunteer: Volunteer
    result: CardResult


def card_rule(region_id: int) -> CardRule:
    rules = VolunteerRules.for_region(region_id)
    return CardRule(rules.card_hours_per_week, rules.card_hours_per_year, rules.card_years)


def card_report(region: Region, as_of: date | None = None) -> tuple[CardRule, list[CardRow]]:
    """Every volunteer of the region with their yearly hours, those who meet it first."""
    as_of = as_of or timezone.localdate()
    rule = card_rule(region.pk)
    by_volunteer: dict[int, list[tuple[date, Decimal]]] = {}
    for volunteer_id, day, hours in HoursEntry.objects.filter(
        volunteer__region=region, approved_at__isnull=False
    ).values_list("volunteer_id", "date", "hours"):
        by_volunteer.setdefault(volunteer_id, []).append((day, hours))
    volunteers = Volunteer.objects.filter(pk__in=by_volunteer).order_by("code")
    rows = [CardRow(v, evaluate(by_volunteer[v.pk], rule, as_of)) for v in volunteers]
    rows.sort(
        key=lambda row: (not row.result.meets, -row.result.qualifying_years, row.volunteer.code)
    )
    return rule, rows
