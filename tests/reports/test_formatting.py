"""German numbers, changes and charts: plain functions, no database."""

from __future__ import annotations

from decimal import Decimal

from wir.reports import charts, formatting
from wir.reports.data import Figure, Series
from wir.reports.xlsx import safe, sheet_title


def test_numbers_money_percent_and_changes_in_german() -> None:
    assert formatting.cell(12345) == "12.345"
    assert formatting.cell(1.5, "number") == "1,5"
    assert formatting.cell(Decimal("1234.5"), "money") == "1.234,50 €"
    assert formatting.cell(66.66, "percent") == "66,7 %"
    assert formatting.cell(None) == "–"
    assert formatting.change(Figure("a", 5, 8).change) == "−3"
    assert formatting.change(Figure("a", 8, 5).change) == "+3"
    assert formatting.change(Figure("a", 5, 5).change) == "±0"
    assert formatting.change(Figure("q", 66.7, 100.0, "%").change, "%") == "−33,3 Pp."
    assert formatting.change(Figure("a", None, 5).change) == "–"


def test_charts_escape_labels_and_name_themselves() -> None:
    series = Series("Anfragen <b>", "bar", ["<script>x</script>", "B"], [2.0, 0.0], [1.0, 3.0])
    svg = charts.chart(series, 2025)
    assert svg.startswith('<svg class="wir-chart" role="img" aria-label="Anfragen &lt;b&gt;"')
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    assert ">2025<" in svg
    assert ">2024<" in svg
    line = charts.chart(Series("Monate", "line", ["Jan", "Feb"], [1.0, 2.0], [0.0, 0.0]), 2025)
    assert line.count("<polyline") == 2
    assert 'stroke-dasharray="6 4"' in line  # the previous year differs without colour


def test_spreadsheet_cells_never_become_formulas() -> None:
    for text in ("=1+1", "+49 6031", "-x", "@SUM(A1)", "\t=1"):
        assert safe(text) == "'" + text
    assert safe("Friedberg") == "Friedberg"
    assert safe(Decimal("33.00")) == 33.0
    taken: set[str] = set()
    assert sheet_title("Sprachpool: Einsätze [alt]", taken) == "Sprachpool Einsätze alt"
    assert sheet_title("Sprachpool: Einsätze [alt]", taken) == "Sprachpool Einsätze alt (2)"
