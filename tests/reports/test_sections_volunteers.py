"""The volunteers' section against hand-counted hours and people."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tests.reports.conftest import YEAR, in_year
from tests.reports.test_sections import figures, table
from wir.core.actions import add_area
from wir.core.models import Area
from wir.reports.sections.volunteers import volunteers_section
from wir.volunteers.models import HoursEntry, Volunteer


def person(region, code: str, town: Area, created, status=Volunteer.Status.ACTIVE) -> Volunteer:
    return Volunteer.objects.create(
        region=region, code=code, name=f"Person {code}", municipality=town, status=status,
        created_at=created,
    )  # fmt: skip


def hours(volunteer: Volunteer, day: date, amount: str, approved: bool = True) -> None:
    HoursEntry.objects.create(
        volunteer=volunteer, date=day, hours=Decimal(amount), activity="Hausaufgabenhilfe",
        approved_at=in_year(day.year, day.month) if approved else None,
    )  # fmt: skip


def test_active_volunteers_and_hours(region, towns, make_region, query_count) -> None:
    friedberg, nidda = towns["Friedberg"], towns["Nidda"]
    one = person(region, "EA-1", friedberg, in_year(YEAR - 1, 5))
    two = person(region, "EA-2", nidda, in_year(YEAR, 2))
    person(region, "EA-3", nidda, in_year(YEAR, 2), Volunteer.Status.UNCONFIRMED)
    hours(one, date(YEAR, 3, 4), "3.5")
    hours(one, date(YEAR, 7, 1), "2")
    hours(one, date(YEAR - 1, 11, 20), "1.5")
    hours(one, date(YEAR, 3, 5), "4", approved=False)  # not approved: not counted
    hours(two, date(YEAR, 3, 9), "1")
    elsewhere = make_region("anderkreis", languages=("de",))
    town = add_area(elsewhere, "Anderstadt", Area.Kind.MUNICIPALITY, Decimal("50.1"),
                    Decimal("8.7"))  # fmt: skip
    hours(person(elsewhere, "EA-X", town, in_year(YEAR, 1)), date(YEAR, 3, 1), "5")

    with query_count.capture() as few:
        section = volunteers_section(region, YEAR)
    assert figures(section) == {
        "Ehrenamtliche mit bestätigten Stunden": (2, 1),
        "bestätigte Stunden": (Decimal("6.50"), Decimal("1.50")),
        "neu angemeldet": (1, 1),
        "Schichtplätze besetzt": (0, 0),
        "derzeit aktiv (Stand heute)": (2, None),
    }
    months = table(section, "Stunden nach Monat")
    assert months[2] == ["Mär", Decimal("4.50"), 0]
    assert months[6] == ["Jul", Decimal("2.00"), 0]
    assert months[10] == ["Nov", 0, Decimal("1.50")]
    assert table(section, "Ehrenamtliche nach Wohnort") == [["Friedberg", 1, 1], ["Nidda", 1, 0]]
    assert table(section, "Stunden nach Wohnort") == [
        ["Friedberg", Decimal("5.50"), Decimal("1.50")],
        ["Nidda", Decimal("1.00"), 0],
    ]
    for index in range(10):
        extra = person(region, f"EA-V{index}", nidda, in_year(YEAR, 4))
        hours(extra, date(YEAR, 1 + index, 2), "1")
    with query_count.capture() as many:
        volunteers_section(region, YEAR)
    query_count.assert_same(few, many)
