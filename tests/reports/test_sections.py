"""The sections' figures against hand-counted data, and their query counts."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from tests.conftest import translate_offer
from tests.reports.conftest import YEAR, in_year, published
from wir.core.actions import add_area
from wir.core.models import Area
from wir.reports.data import SectionData
from wir.reports.registry import SECTIONS
from wir.reports.sections.portal import offers_section
from wir.reports.sections.sprachpool import sprachpool_section


def table(section: SectionData, title: str) -> list[list[Any]]:
    return next(t.rows for t in section.tables if t.title == title)


def figures(section: SectionData) -> dict[str, tuple[Any, Any]]:
    return {f.label: (f.value, f.previous) for f in section.figures}


def offer_history(make_offer: Any, towns: dict[str, Area], make_region: Any) -> None:
    friedberg, nidda, buedingen = towns["Friedberg"], towns["Nidda"], towns["Büdingen"]
    a = published(make_offer("A", friedberg), in_year(YEAR, 2))
    translate_offer(a, "en", "A (en)")  # a translation is not a second offer
    published(make_offer("B", nidda), in_year(YEAR - 1, 6))
    published(
        make_offer("C", friedberg, category="language_course"),
        in_year(YEAR - 1, 6),
        valid_until=date(YEAR - 1, 12, 1),
    )
    published(
        make_offer("H", nidda, category="leisure_youth"),
        in_year(YEAR - 1, 3),
        expire_at=in_year(YEAR - 1, 8),
    )
    make_offer("D", buedingen, category="language_course")  # published this year: later
    make_offer("E", friedberg, publish_it=False)  # a draft
    elsewhere = make_region("anderkreis", languages=("de",))
    town = add_area(elsewhere, "Anderstadt", Area.Kind.MUNICIPALITY, Decimal("50.1"),
                    Decimal("8.7"))  # fmt: skip
    published(make_offer("X", town), in_year(YEAR, 2))


def test_offers_by_category_and_municipality(region, towns, make_offer, make_region) -> None:
    offer_history(make_offer, towns, make_region)
    section = offers_section(region, YEAR)
    assert figures(section) == {
        "Angebote im Jahr": (2, 3),
        "davon neu veröffentlicht": (1, 3),
        "Kommunen mit Angeboten": (2, 2),
    }
    rows = {row[0]: row[1:] for row in table(section, "Angebote nach Kategorie")}
    assert rows["Beratung"] == [2, 1, 1]
    assert rows["Sprachkurs"] == [0, 1, 0]
    assert rows["Freizeit für Jugendliche"] == [0, 1, 0]
    assert rows["Erste Anlaufstelle"] == [0, 0, 0]  # every category is listed
    assert table(section, "Angebote nach Kommune") == [
        ["Friedberg", 1, 1, 1],
        ["Nidda", 1, 2, 0],  # Büdingen has nothing in either year: left out
    ]
    chart = section.charts[1]
    assert (chart.labels, chart.current, chart.previous) == (
        ["Friedberg", "Nidda"], [1.0, 1.0], [1.0, 2.0],
    )  # fmt: skip


def test_sprachpool_section_is_the_pools_report_with_the_year_before(region, pool_history) -> None:
    section = sprachpool_section(region, YEAR)
    assert figures(section) == {
        "Anfragen": (3, 1),
        "Einsätze (besetzte Anfragen)": (2, 1),
        "Besetzungsquote": (66.7, 100.0),
        "Stunden Sprachmittlung": (2.0, 1.0),
        "Aufwandsentschädigungen": (Decimal("45.00"), Decimal("20.00")),
    }
    assert table(section, "Nach Sprache") == [
        ["Arabisch", 2, 1, 2, 1, 0, 100.0, 2.0, Decimal("45.00")],
        ["Tigrinya", 1, 0, 0, 0, 1, 0.0, 0.0, Decimal("0")],
    ]
    assert table(section, "Nach Bereich") == [
        ["Gesundheit", 2, 1, 1, 1, 1, 50.0, 1.5, Decimal("33.00")],
        ["Schule", 1, 0, 1, 0, 0, 100.0, 0.5, Decimal("12.00")],
    ]
    months = table(section, "Nach Monat")
    assert months[2] == ["März", 2, 0, 2.0, 0.0]
    assert months[10] == ["November", 0, 1, 0.0, 1.0]
    line = section.charts[0]
    assert line.kind == "line"
    assert line.current[2] == 2.0
    assert line.previous[10] == 1.0


def test_sections_survive_json_exactly(region, towns, make_offer, make_region, pool_history):
    offer_history(make_offer, towns, make_region)
    for spec in SECTIONS:
        section = spec.compute(region, YEAR)
        assert SectionData.from_json(section.to_json()) == section


def test_query_count_does_not_grow_with_the_data(
    region, towns, make_offer, make_region, pool, ask, query_count
) -> None:
    offer_history(make_offer, towns, make_region)
    with query_count.capture() as few:
        for spec in SECTIONS:
            spec.compute(region, YEAR)
    mediator = pool("SM-VIEL", languages="ar,fa,uk")
    for index in range(12):
        town = add_area(region, f"Ort {index}", Area.Kind.MUNICIPALITY, Decimal("50.2"),
                        Decimal("8.8"))  # fmt: skip
        published(make_offer(f"Viel {index}", town, category="counselling"), in_year(YEAR, 4))
        when: datetime = in_year(YEAR, 1 + index % 12, 3 + index)
        ask(when, language=("ar", "fa", "uk")[index % 3], town="Nidda")
    assert mediator.pk
    with query_count.capture() as many:
        for spec in SECTIONS:
            spec.compute(region, YEAR)
    query_count.assert_same(few, many)
