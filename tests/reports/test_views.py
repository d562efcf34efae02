"""The report's admin screens through HTTP: ask, watch, read, download; who may."""

from __future__ import annotations

import base64
import io
import re
import zlib
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from tests.conftest import verified_client
from tests.reports.conftest import YEAR, in_year, published
from wir.core.actions import add_area
from wir.core.models import Area
from wir.reports.models import ReportRun
from wir.reports.registry import SECTIONS

pytestmark = pytest.mark.django_db
BASE = "/admin/programmbericht/testkreis/"


def pdf_text(body: bytes) -> str:
    """The text drawn in a PDF: reportlab writes `(...) Tj` into ASCII85 + deflate streams."""
    chunks = []
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", body, re.S):
        stream = stream.strip()
        if not stream.endswith(b"~>"):
            continue
        data = zlib.decompress(base64.a85decode(stream[:-2]))
        chunks += re.findall(rb"\((.*?)(?<!\\)\) Tj", data)
    return " ".join(chunk.decode("latin-1") for chunk in chunks)


def ask_for(client, year="") -> ReportRun:
    answer = client.post(BASE, {"jahr": year or str(YEAR)})
    assert answer.status_code == 302
    run = ReportRun.objects.get()
    assert answer["Location"] == f"{BASE}{run.pk}/"
    return run


def test_coordination_asks_for_a_report_and_reads_it(
    coordinator, towns, make_offer, pool_history
) -> None:
    published(make_offer("Beratung A", towns["Friedberg"]), in_year(YEAR, 2))
    client = verified_client(coordinator)
    assert client.get("/admin/programmbericht/").url == BASE  # one region: straight there
    page = client.get(BASE)
    assert page.status_code == 200
    assert f'value="{YEAR}"' in page.text
    run = ask_for(client)
    assert run.status == ReportRun.Status.DONE  # without a background worker: at once
    page = client.get(f"{BASE}{run.pk}/")
    assert page.status_code == 200
    text = page.text
    assert "hx-get" not in text  # finished: no more polling
    assert 'role="img" aria-label="Angebote nach Kategorie"' in text
    assert 'role="img" aria-label="Anfragen je Monat"' in text
    assert "<polyline" in text
    assert "<rect" in text
    assert '<th scope="row">Tigrinya</th>' in text
    assert "<td>45,00 €</td>" in text
    assert "<td>66,7 %</td>" in text
    assert "Daten des Diagramms „Einsätze nach Sprache“ als Tabelle" in text
    listing = client.get(BASE).text
    assert f"Bericht {YEAR}" in listing
    assert "fertig" in listing


def test_a_second_request_while_one_runs_gives_the_same_run(coordinator, settings) -> None:
    settings.WIR_REPORTS_BACKGROUND = True
    client = verified_client(coordinator)
    run = ask_for(client)
    assert run.status == ReportRun.Status.QUEUED
    again = client.post(BASE, {"jahr": str(YEAR)})
    assert again["Location"] == f"{BASE}{run.pk}/"
    assert ReportRun.objects.count() == 1
    page = client.get(f"{BASE}{run.pk}/")
    assert f'hx-get="{BASE}{run.pk}/"' in page.text
    assert 'id="report-progress" max="100" value="0"' in page.text
    assert "wartet auf die Bearbeitung im Hintergrund" in page.text
    fragment = client.get(f"{BASE}{run.pk}/", headers={"HX-Request": "true"})
    assert fragment.text.lstrip().startswith('<div id="report-run"')
    assert "<html" not in fragment.text
    assert client.get(f"{BASE}{run.pk}/bericht.pdf").status_code == 404  # not done yet


@pytest.mark.parametrize("raw", ["zwanzig", "1999", "2101", "20255", "", "٢٠٢٥", "2025.0"])
def test_bad_years_are_answered_in_german(coordinator, raw) -> None:
    page = verified_client(coordinator).post(BASE, {"jahr": raw})
    assert page.status_code == 400
    assert "Bitte ein Jahr zwischen 2000 und 2100 als vierstellige Zahl angeben." in page.text
    assert not ReportRun.objects.exists()


def test_exports_pdf_and_xlsx(coordinator, region, towns, make_offer, pool_history) -> None:
    sneaky = add_area(region, "=HYPERLINK(\"http://x\")", Area.Kind.MUNICIPALITY,
                      Decimal("50.2"), Decimal("8.8"))  # fmt: skip
    published(make_offer("Beratung A", sneaky), in_year(YEAR, 2))
    client = verified_client(coordinator)
    run = ask_for(client)
    answer = client.get(f"{BASE}{run.pk}/bericht.xlsx")
    assert answer["Content-Disposition"] == (
        f'attachment; filename="programmbericht-testkreis-{YEAR}.xlsx"'
    )
    book = load_workbook(io.BytesIO(answer.content))
    assert book.sheetnames[:3] == [
        "Übersicht", "Angebote nach Kategorie und", "Sprachpool Einsätze nach Spr",
    ]  # fmt: skip
    assert len(book.sheetnames) == 1 + len(SECTIONS)  # an overview, then one per section
    offers = [list(row) for row in book.worksheets[1].iter_rows(values_only=True)]
    assert list(offers[2][:4]) == ["Angebote im Jahr", 1, 0, 1]
    assert any(row[0] == '\'=HYPERLINK("http://x")' for row in offers)  # text, no formula
    assert all(not (isinstance(c, str) and c.startswith("=")) for row in offers for c in row)
    pool_rows = list(book.worksheets[2].iter_rows(values_only=True))
    arabic = next(row for row in pool_rows if row[0] == "Arabisch")  # by language comes first
    assert tuple(arabic[:9]) == ("Arabisch", 2, 1, 2, 1, 0, 100, 2, 45)
    pdf = client.get(f"{BASE}{run.pk}/bericht.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    text = pdf_text(pdf.content)
    assert f"Programmbericht {YEAR}" in text
    assert "Angebote nach Kategorie und Kommune" in text
    assert "Tigrinya" in text
    assert "45,00" in text
    assert str(YEAR - 1) in text  # the legend of the charts
    assert client.get(f"{BASE}{run.pk}/bericht.csv").status_code == 404


def test_who_may_read_reports(coordinator, observer, make_user, make_region, region) -> None:
    run = ReportRun.objects.create(region=region, year=YEAR, status=ReportRun.Status.DONE)
    assert verified_client(observer).get(f"{BASE}{run.pk}/").status_code == 200
    assert verified_client(observer).post(BASE, {"jahr": str(YEAR)}).status_code == 302
    editor = verified_client(make_user("redaktion", "editor", region))
    assert editor.get(BASE).status_code == 404
    assert editor.get(f"{BASE}{run.pk}/").status_code == 404
    assert editor.post(BASE, {"jahr": str(YEAR)}).status_code == 404
    other = verified_client(make_user("fremd", "coordination", make_region("anderkreis")))
    assert other.get(f"{BASE}{run.pk}/").status_code == 404
    assert other.get(f"{BASE}{run.pk}/bericht.xlsx").status_code == 404
    mine = ReportRun.objects.create(
        region=make_region("drittkreis"), year=YEAR, status=ReportRun.Status.DONE
    )
    coordination = verified_client(coordinator)
    assert coordination.get(f"{BASE}{mine.pk}/").status_code == 404  # a run of another region
    assert coordination.get(f"{BASE}999999/").status_code == 404
    assert coordination.get("/admin/programmbericht/gibt-es-nicht/").status_code == 404
