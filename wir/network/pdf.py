"""A welcome-culture concept as a printable PDF (reportlab)."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from django.utils import timezone
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from wir.network.models import WelcomeConcept


def _paragraphs(text: str, style: object) -> list[Paragraph]:
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    return [
        Paragraph(escape(block).replace("\n", "<br/>"), style) for block in blocks if block
    ] or [Paragraph("–", style)]


def concept_pdf(concept: WelcomeConcept, partners: list[str]) -> bytes:
    styles = getSampleStyleSheet()
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=A4,
        title=concept.title,
        author="WIR-Koordination",
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        lang="de",
    )
    story: list[object] = [
        Paragraph(escape(concept.title), styles["Title"]),
        Paragraph(
            escape(
                f"Willkommenskultur-Konzept für {concept.area.name} · Stand: "
                f"{concept.get_status_display()} · Fassung {concept.version} vom "
                f"{timezone.localtime(concept.updated_at):%d.%m.%Y}"
            ),
            styles["Normal"],
        ),
        Spacer(1, 12),
    ]
    if partners:
        story.append(Paragraph(escape("Beteiligte: " + ", ".join(partners)), styles["Normal"]))
    for heading, text in (("Bedarfsanalyse", concept.needs_analysis), ("Ziele", concept.goals)):
        story += [Paragraph(heading, styles["Heading2"]), *_paragraphs(text, styles["BodyText"])]
    story.append(Paragraph("Maßnahmen", styles["Heading2"]))
    rows = [["Maßnahme", "verantwortlich", "Termin", "Stand"]]
    for measure in concept.measures.select_related("responsible").order_by("due_on", "pk"):
        rows.append(
            [
                Paragraph(escape(measure.title), styles["BodyText"]),
                Paragraph(
                    escape(measure.responsible.name if measure.responsible else "–"),
                    styles["BodyText"],
                ),
                measure.due_on.strftime("%d.%m.%Y") if measure.due_on else "–",
                str(measure.get_status_display()),
            ]
        )
    table = Table(rows, colWidths=[7 * cm, 5 * cm, 2.4 * cm, 2.6 * cm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6ebf0")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story.append(table)
    document.build(story)
    return out.getvalue()
