"""The register of processing activities (Verzeichnis von Verarbeitungstätigkeiten,
Art. 30 GDPR), generated from the declarations in `registry.py`: one entry per declared
model, for the region as controller. `build()` gives plain data; the page
(`register_views.py`) and the PDF (`as_pdf`) render it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wir.core.models import Region
from wir.privacy.registry import ERASE_DELETE, PersonalData, Retention, declarations


@dataclass(frozen=True)
class Activity:
    """One processing activity: a declared record type."""

    label: str  # "sprachpool.mediator"
    name: str  # "Sprachmittler*innen" (the model's plural name)
    data: list[str]  # what is stored: the declared fields' names
    purpose: str
    legal_basis: str
    concerns: str
    visible_to: str
    retention: str
    special_categories: bool


@dataclass(frozen=True)
class Register:
    controller: str  # the region, e.g. "Landkreis Wetterau"
    region_slug: str
    generated_at: datetime
    activities: list[Activity]


def _field_name(model: type[models.Model], name: str) -> str:
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    verbose = getattr(field, "verbose_name", None)
    return str(verbose) if verbose else name


def describe_retention(model: type[models.Model], retention: Retention | None) -> str:
    if retention is None:
        return _("Keine feste Frist: gelöscht mit dem Konto oder auf Antrag der Person.")
    if retention.description:
        return str(retention.description)
    what = _("gelöscht") if retention.action == ERASE_DELETE else _("anonymisiert")
    return _("%(months)d Monate nach „%(since)s“, dann %(what)s.") % {
        "months": retention.months,
        "since": _field_name(model, retention.since.split("__")[0]),
        "what": what,
    }


def activity(declaration: PersonalData) -> Activity:
    model = declaration.model
    return Activity(
        label=declaration.label,
        name=str(model._meta.verbose_name_plural),
        data=[_field_name(model, name) for name in declaration.fields],
        purpose=str(declaration.purpose),
        legal_basis=str(declaration.legal_basis),
        concerns=str(declaration.concerns) or _("nicht angegeben"),
        visible_to=str(declaration.visible_to) or _("nicht angegeben"),
        retention=describe_retention(model, declaration.retention),
        special_categories=declaration.sensitive,
    )


def build(region: Region) -> Register:
    return Register(
        controller=region.full_name,
        region_slug=region.slug,
        generated_at=timezone.localtime(),
        activities=[activity(declaration) for declaration in declarations()],
    )


def as_pdf(register: Register) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    from reportlab.platypus.flowables import KeepTogether

    title = _("Verzeichnis von Verarbeitungstätigkeiten")
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, title=f"{title} – {register.controller}", author="WIR-Plattform",
        lang="de-DE", leftMargin=2 * cm, rightMargin=2 * cm,
    )  # fmt: skip
    styles = getSampleStyleSheet()
    cell = styles["BodyText"]

    def text(value: str) -> Paragraph:
        return Paragraph(_escape(value), cell)

    story: list[object] = [
        Paragraph(_escape(title), styles["Title"]),
        Paragraph(_escape(_("nach Art. 30 Abs. 1 DSGVO")), styles["Normal"]),
        Spacer(1, 8),
        Paragraph(
            _escape(_("Verantwortlicher: %(controller)s") % {"controller": register.controller}),
            styles["Heading2"],
        ),
        Paragraph(
            _escape(
                _("Erstellt am %(date)s aus den Erklärungen der Module der WIR-Plattform.")
                % {"date": register.generated_at.strftime("%d.%m.%Y %H:%M")}
            ),
            styles["Normal"],
        ),
        Spacer(1, 12),
    ]
    if not register.activities:
        story.append(text(_("Es sind keine Verarbeitungen personenbezogener Daten erklärt.")))
    for item in register.activities:
        rows = [
            [text(_("Gespeicherte Daten")), text(", ".join(item.data))],
            [text(_("Zweck")), text(item.purpose)],
            [text(_("Rechtsgrundlage")), text(item.legal_basis)],
            [text(_("Betroffene Personen")), text(item.concerns)],
            [text(_("Wer darf sie sehen")), text(item.visible_to)],
            [text(_("Löschfrist")), text(item.retention)],
            [
                text(_("Besondere Kategorien (Art. 9/10 DSGVO)")),
                text(_("ja") if item.special_categories else _("nein")),
            ],
        ]
        table = Table(rows, colWidths=[5 * cm, 12 * cm])
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ]))  # fmt: skip
        heading = Paragraph(_escape(f"{item.name} ({item.label})"), styles["Heading3"])
        story.append(KeepTogether([heading, table, Spacer(1, 10)]))
    document.build(story)
    return buffer.getvalue()


def _escape(value: str) -> str:
    """Text for reportlab's paragraph markup."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def download_headers(register: Register) -> dict[str, str]:
    name = f"verarbeitungsverzeichnis-{slugify(register.region_slug) or 'region'}.pdf"
    return {
        "Content-Type": "application/pdf",
        "Content-Disposition": content_disposition_header(True, name) or "attachment",
        "X-Content-Type-Options": "nosniff",
    }
