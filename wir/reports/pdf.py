"""The report as a PDF (reportlab): per section its key figures, charts and tables."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from wir.reports import formatting
from wir.reports.charts import CURRENT, PREVIOUS
from wir.reports.data import SectionData, Series

PAGE = landscape(A4)
CHART_WIDTH = 700


def _legend(year: int, y: float) -> Legend:
    legend = Legend()
    legend.x, legend.y = 10, y
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.fontName, legend.fontSize = "Helvetica", 8
    legend.colorNamePairs = [
        (colors.HexColor(CURRENT), str(year)),
        (colors.HexColor(PREVIOUS), str(year - 1)),
    ]
    return legend


def chart_drawing(series: Series, year: int) -> Drawing:
    if series.kind == "line":
        drawing = Drawing(CHART_WIDTH, 190)
        chart = HorizontalLineChart()
        chart.x, chart.y, chart.width, chart.height = 50, 25, CHART_WIDTH - 80, 130
        chart.data = [series.current, series.previous]
        chart.categoryAxis.categoryNames = series.labels
        chart.lines[0].strokeColor = colors.HexColor(CURRENT)
        chart.lines[1].strokeColor = colors.HexColor(PREVIOUS)
        chart.lines[1].strokeDashArray = (4, 3)
        chart.lines[0].strokeWidth = chart.lines[1].strokeWidth = 2
        chart.valueAxis.valueMin = 0
        legend_y = 180.0
    else:
        rows = max(len(series.labels), 1)
        height = 40 + 22 * rows
        drawing = Drawing(CHART_WIDTH, height + 20)
        chart = HorizontalBarChart()
        chart.x, chart.y, chart.width, chart.height = 170, 15, CHART_WIDTH - 200, height - 20
        # reportlab draws the first category at the bottom; the page lists from the top
        chart.data = [series.current[::-1], series.previous[::-1]]
        chart.categoryAxis.categoryNames = [label[:30] for label in series.labels[::-1]]
        chart.bars[0].fillColor = colors.HexColor(CURRENT)
        chart.bars[1].fillColor = colors.HexColor(PREVIOUS)
        chart.valueAxis.valueMin = 0
        chart.categoryAxis.labels.fontSize = 8
        legend_y = height + 12.0
    chart.valueAxis.labels.fontSize = 8
    drawing.add(chart)
    drawing.add(String(10, legend_y - 14, series.title, fontName="Helvetica-Bold", fontSize=9))
    drawing.add(_legend(year, legend_y))
    return drawing


STYLE = TableStyle(
    [
        ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
)


def _table(rows: list[list[str]], bold_last: bool = False) -> Table:
    table = Table(rows, repeatRows=1, hAlign="LEFT")
    table.setStyle(STYLE)
    if bold_last:
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, -1), (-1, -1), "Helvetica-Bold"),
                    ("LINEABOVE", (0, -1), (-1, -1), 0.5, colors.black),
                ]
            )
        )
    return table


def _section(section: SectionData) -> list[Flowable]:
    styles = getSampleStyleSheet()
    story: list[Flowable] = [Paragraph(escape(section.title), styles["Heading1"])]
    figures = [["Kennzahl", str(section.year), str(section.year - 1), "Veränderung"]]
    figures += [
        [item.label, formatting.figure(item.value, item.unit),
         formatting.figure(item.previous, item.unit), formatting.change(item.change, item.unit)]
        for item in section.figures
    ]  # fmt: skip
    story += [_table(figures), Spacer(1, 10)]
    for series in section.charts:
        if series.labels:
            story += [chart_drawing(series, section.year), Spacer(1, 8)]
    for table in section.tables:
        rows = [[column.title for column in table.columns]]
        kinds = [column.kind for column in table.columns]
        lines = [*table.rows, *([table.total] if table.total is not None else [])]
        rows += [[formatting.cell(value, kind) for value, kind in zip(line, kinds, strict=False)]
                 for line in lines]  # fmt: skip
        story.append(KeepTogether([Paragraph(escape(table.title), styles["Heading3"])]))
        story += [_table(rows, bold_last=table.total is not None), Spacer(1, 8)]
    if section.note:
        story.append(Paragraph(escape(section.note), styles["Italic"]))
    return story


def as_pdf(title: str, subtitle: str, sections: list[SectionData]) -> bytes:
    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=PAGE, title=title, author="WIR-Plattform", lang="de-DE",
        leftMargin=36, rightMargin=36, topMargin=36, bottomMargin=36,
    )  # fmt: skip
    story: list[Flowable] = [
        Paragraph(escape(title), styles["Title"]),
        Paragraph(escape(subtitle), styles["Normal"]),
        Spacer(1, 12),
    ]
    for index, section in enumerate(sections):
        if index:
            story.append(PageBreak())
        story += _section(section)
    document.build(story)
    return buffer.getvalue()
