"""A person's data export as files: JSON (machine-readable, Art. 20) and a readable PDF."""

from __future__ import annotations

import io
import json
from typing import Any
from xml.sax.saxutils import escape

from django.utils import timezone

FIELD_LIMIT = 200  # characters of one value in the PDF; the JSON has everything


def as_json(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str).encode()


def as_pdf(data: dict[str, Any]) -> bytes:
    """The export as a document a person can read: sections per record type, with purpose,
    legal basis and retention, each record as a small two-column table."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    buffer = io.BytesIO()
    title = "Auskunft über gespeicherte Daten"
    document = SimpleDocTemplate(buffer, pagesize=A4, title=title, author="WIR-Plattform",
                                 lang="de-DE")  # fmt: skip
    styles = getSampleStyleSheet()

    def text(value: Any) -> Paragraph:
        shown = "" if value is None else str(value)
        return Paragraph(escape(shown[:FIELD_LIMIT]), styles["Normal"])

    def table(rows: list[list[Any]]) -> Table:
        built = Table([[text(k), text(v)] for k, v in rows], colWidths=[150, 320])
        built.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))  # fmt: skip
        return built

    story: list[Any] = [
        Paragraph(title, styles["Title"]),
        text(f"Konto: {data['account']} · Stand {timezone.localtime():%d.%m.%Y %H:%M}"),
        Spacer(1, 12),
        Paragraph("Rollen", styles["Heading2"]),
    ]
    story.append(table([[r["region"], r["role"]] for r in data["roles"]] or [["–", "keine"]]))
    story.append(Paragraph("Einwilligungen", styles["Heading2"]))
    for consent in data["consents"]:
        story += [
            table(
                [
                    ["Zweck, Fassung", f"{consent['purpose']}, {consent['version']}"],
                    ["Region", consent["region"]],
                    ["erteilt am", consent["given_at"]],
                    ["widerrufen am", consent["withdrawn_at"] or "–"],
                    ["Weg", consent["channel"]],
                ]
            ),
            Paragraph(escape(consent["text"]), styles["Italic"]),
            Spacer(1, 6),
        ]
    if not data["consents"]:
        story.append(text("keine"))
    for section in data["records"]:
        story += [
            Paragraph(escape(section["title"]), styles["Heading2"]),
            text(f"Zweck: {section['purpose']}"),
            text(f"Rechtsgrundlage: {section['legal_basis']}"),
            text(f"Speicherdauer: {section['retention'] or 'solange die Einwilligung besteht'}"),
            Spacer(1, 6),
        ]
        for record in section["records"]:
            story += [table([[k, v] for k, v in record.items()]), Spacer(1, 6)]
    document.build(story)
    return buffer.getvalue()
