"""Coordination's monthly statements overview and the yearly report with charts."""

from __future__ import annotations

import io
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from openpyxl import load_workbook

from tests.conftest import verified_client
from wir.sprachpool import reports
from wir.sprachpool.models import Assignment, MediationRequest

BASE = "/admin/sprachpool/testkreis"


def history(pool, ask):
    """Three requests a month ago: one done (Arabic), one unfilled (Tigrinya), one cancelled."""
    mediator = pool("SM-BERICHT")
    start = timezone.now().replace(minute=0, second=0, microsecond=0) - timedelta(days=30)
    done = ask(start, status=MediationRequest.Status.DONE)
    Assignment.objects.create(
        request=done, mediator=mediator, starts_at=done.starts_at, ends_at=done.ends_at,
        status=Assignment.Status.DONE, actual_minutes=90, travel_km=Decimal("10.0"),
        allowance=Decimal("33.00"),
    )  # fmt: skip
    ask(start + timedelta(hours=3), language="ti")
    ask(start + timedelta(hours=5), status=MediationRequest.Status.CANCELLED)
    return mediator, start


def test_report_counts_fill_rate_hours_cost_and_unfilled_languages(pool, ask, region) -> None:
    _mediator, start = history(pool, ask)
    figures = reports.build(region, timezone.localtime(start).year)
    assert figures.total.requests == 2  # cancelled requests are not counted
    assert (figures.total.filled, figures.total.unfilled) == (1, 1)
    assert figures.total.fill_rate == 50.0
    assert figures.total.hours == 1.5
    assert figures.total.cost == Decimal("33.00")
    assert [(row.label, row.unfilled) for row in figures.unfilled_by_language] == [("Tigrinya", 1)]
    month = figures.by_month[timezone.localtime(start).month - 1]
    assert month.requests == 2


def test_report_page_with_charts_and_exports(coordinator, pool, ask) -> None:
    _mediator, start = history(pool, ask)
    year = timezone.localtime(start).year
    client = verified_client(coordinator)
    page = client.get(f"{BASE}/berichte/", {"jahr": year})
    assert page.status_code == 200
    assert "2 Anfragen, 1 besetzt (Quote 50,0 %), 1,5 Stunden." in page.text
    assert 'role="img" aria-label="Unbesetzte Anfragen nach Sprache"' in page.text
    assert '<th scope="row">Tigrinya</th>' in page.text
    # each chart says what it counts, names its axis and has its table: same figures
    assert "<strong>Anfragen nach Sprache</strong> (Anzahl der Anfragen)" in page.text
    assert "<title>Geleistete Stunden nach Sprache</title>" in page.text
    assert ">Stunden (0 bis 1,5)</text>" in page.text
    assert page.text.count("Zahlen als Tabelle") == 4
    assert '<th scope="row">Arabisch</th><td>1,5</td>' in page.text
    csv_text = client.get(f"{BASE}/berichte/", {"jahr": year, "format": "csv"}).content.decode()
    assert "Nach Sprache;Anfragen;besetzt;unbesetzt" in csv_text
    assert "Arabisch;1;1;0;100,0;1,5;33,00" in csv_text
    xlsx = client.get(f"{BASE}/berichte/", {"jahr": year, "format": "xlsx"})
    book = load_workbook(io.BytesIO(xlsx.content))
    assert book.sheetnames == ["Nach Monat", "Nach Sprache", "Nach Bereich", "Gesamt"]
    assert book["Gesamt"]["B2"].value == 2
    bad = client.get(f"{BASE}/berichte/", {"jahr": "zwanzig"})
    assert bad.status_code == 200
    assert "Bitte das Jahr als vierstellige Zahl angeben." in bad.text


def test_statements_overview_and_downloads(coordinator, pool, ask, make_user, make_region) -> None:
    _mediator, start = history(pool, ask)
    day = timezone.localtime(start)
    client = verified_client(coordinator)
    page = client.get(f"{BASE}/abrechnung/", {"monat": f"{day.year}-{day.month:02d}"})
    assert page.status_code == 200
    assert "SM-BERICHT" in page.text
    assert "<td>33,00&nbsp;€</td>" in page.text
    pdf = client.get(
        f"{BASE}/abrechnung/",
        {"monat": f"{day.year}-{day.month:02d}", "kennung": "SM-BERICHT", "format": "pdf"},
    )
    assert pdf.content.startswith(b"%PDF")
    month = f"{day.year}-{day.month:02d}"
    assert pdf["Content-Disposition"] == f'attachment; filename="abrechnung-sm-bericht-{month}.pdf"'
    whole = client.get(f"{BASE}/abrechnung/", {"monat": month, "format": "csv"})
    assert (
        whole["Content-Disposition"] == f'attachment; filename="abrechnung-testkreis-{month}.csv"'
    )
    assert whole["Content-Type"] == "text/csv; charset=utf-8"
    html = client.get(f"{BASE}/abrechnung/", {"monat": month, "format": "html"})
    assert html["Content-Type"].startswith("text/html")  # the overview page, no download
    assert "Content-Disposition" not in html
    assert (
        client.get(
            f"{BASE}/abrechnung/", {"monat": "2027-01", "kennung": "SM-NIEMAND", "format": "csv"}
        ).status_code
        == 404
    )
    bad = client.get(f"{BASE}/abrechnung/", {"monat": "März"})
    assert "Bitte den Monat als JJJJ-MM angeben" in bad.text
    other = verified_client(make_user("fremd", "coordination", make_region("anderkreis")))
    assert other.get(f"{BASE}/abrechnung/").status_code == 404
    assert other.get(f"{BASE}/berichte/").status_code == 404
