"""What a section of the programme report holds: plain data, no ORM, no HTTP.

A section is computed once per run and kept as JSON in `ReportRun.result`; the page, the
PDF and the XLSX export all read these dataclasses. Every figure carries the previous
year's value, so that the report compares year over year.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any, Literal

# A table cell: text, a count, a measure (hours, percent) or money (Decimal, never float).
Cell = int | float | Decimal | str | None
ColumnKind = Literal["text", "int", "number", "money", "percent"]
ChartKind = Literal["bar", "line"]


@dataclass
class Figure:
    """A key figure with the previous year's value."""

    label: str
    value: int | float | Decimal | None
    previous: int | float | Decimal | None
    unit: str = ""

    @property
    def change(self) -> int | float | Decimal | None:
        if self.value is None or self.previous is None:
            return None
        if isinstance(self.value, float) or isinstance(self.previous, float):
            return round(float(self.value) - float(self.previous), 1)
        return self.value - self.previous


@dataclass
class Column:
    title: str
    kind: ColumnKind = "int"


@dataclass
class Table:
    """Rows of cells; the first column names the row."""

    title: str
    columns: list[Column]
    rows: list[list[Cell]]
    total: list[Cell] | None = None


@dataclass
class Series:
    """A chart: one value per label for the year and for the previous year."""

    title: str
    kind: ChartKind
    labels: list[str]
    current: list[float]
    previous: list[float]
    unit: str = ""


@dataclass
class SectionData:
    key: str
    title: str
    year: int
    figures: list[Figure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[Series] = field(default_factory=list)
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return _plain(asdict(self))

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SectionData:
        tables = []
        for raw in data.get("tables", []):
            columns = [Column(**column) for column in raw["columns"]]
            kinds = [column.kind for column in columns]
            tables.append(
                Table(
                    title=raw["title"],
                    columns=columns,
                    rows=[_typed_row(row, kinds) for row in raw["rows"]],
                    total=None if raw.get("total") is None else _typed_row(raw["total"], kinds),
                )
            )
        return cls(
            key=data["key"],
            title=data["title"],
            year=data["year"],
            figures=[
                Figure(
                    label=raw["label"],
                    value=_number(raw["value"]),
                    previous=_number(raw["previous"]),
                    unit=raw.get("unit", ""),
                )
                for raw in data.get("figures", [])
            ],
            tables=tables,
            charts=[Series(**raw) for raw in data.get("charts", [])],
            note=data.get("note", ""),
        )


# Money travels through JSON as {"decimal": "33.00"}: exact, and told apart from text.
def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def _number(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"decimal"}:
        return Decimal(value["decimal"])
    return value


def _typed_row(row: list[Any], kinds: list[ColumnKind]) -> list[Cell]:
    return [_number(cell) for cell, _kind in zip(row, kinds, strict=False)]


def percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None
