"""The report as an XLSX workbook: an overview sheet and one sheet per section.

Text from the platform (names of municipalities, languages, ...) could start with "=" and
be taken for a formula by a spreadsheet: such text is written with a leading apostrophe.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from wir.reports.data import Cell, SectionData

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
BOLD = Font(bold=True)


def safe(value: Cell) -> Cell:
    """A cell openpyxl writes as a value, never as a formula; money as a number."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    if isinstance(value, Decimal):
        return float(value)  # openpyxl stores numbers; the cell format shows two decimals
    return value


def sheet_title(title: str, taken: set[str]) -> str:
    base = " ".join(SHEET_FORBIDDEN.sub(" ", title).split())[:28].strip() or "Abschnitt"
    name, number = base, 2
    while name.lower() in taken:
        name = f"{base[:25]} ({number})"
        number += 1
    taken.add(name.lower())
    return name


def _append(sheet: Worksheet, cells: list[Cell], bold: bool = False) -> None:
    sheet.append([safe(value) for value in cells])
    if bold:
        for item in sheet[sheet.max_row]:
            item.font = BOLD


def _write_section(sheet: Worksheet, section: SectionData) -> None:
    _append(sheet, [section.title], bold=True)
    _append(sheet, ["Kennzahl", str(section.year), str(section.year - 1), "Veränderung"], True)
    for item in section.figures:
        _append(sheet, [item.label, item.value, item.previous, item.change])
    for table in section.tables:
        sheet.append([])
        _append(sheet, [table.title], bold=True)
        _append(sheet, [column.title for column in table.columns], bold=True)
        money = [i for i, column in enumerate(table.columns) if column.kind == "money"]
        for row in table.rows:
            _append(sheet, row)
            for index in money:
                sheet.cell(sheet.max_row, index + 1).number_format = "#,##0.00"
        if table.total is not None:
            _append(sheet, table.total, bold=True)
    if section.note:
        sheet.append([])
        _append(sheet, [section.note])
    sheet.column_dimensions["A"].width = 34


def as_xlsx(title: str, sections: list[SectionData]) -> bytes:
    book = Workbook()
    overview = book.active
    assert overview is not None
    overview.title = "Übersicht"
    _append(overview, [title], bold=True)
    _append(overview, ["Abschnitt", "Tabellenblatt"], bold=True)
    taken = {"übersicht"}
    for section in sections:
        name = sheet_title(section.title, taken)
        _append(overview, [section.title, name])
        _write_section(book.create_sheet(name), section)
    overview.column_dimensions["A"].width = 48
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
