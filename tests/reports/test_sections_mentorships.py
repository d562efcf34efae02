"""The mentorships' section against hand-counted mentorships and check-ins."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tests.reports.conftest import YEAR
from tests.reports.test_sections import figures, table
from wir.core.actions import add_area
from wir.core.models import Area
from wir.reports.sections.mentorships import mentorships_section
from wir.volunteers.models import Volunteer
from wir.volunteers.models_mentorship import CheckIn, Household, Mentorship


def mentorship(region, number: int, town: Area, mentor: Volunteer, start: date, end=None):
    household = Household.objects.create(region=region, code=f"HH-{number:04d}", municipality=town)
    return Mentorship.objects.create(
        household=household, volunteer=mentor, started_on=start, ended_on=end,
        status=Mentorship.Status.ENDED if end else Mentorship.Status.ACTIVE,
    )  # fmt: skip


def mentor(region, code: str, town: Area) -> Volunteer:
    return Volunteer.objects.create(region=region, code=code, municipality=town, status="active")


def test_mentorships_started_ended_and_check_ins(region, towns, make_region, query_count) -> None:
    friedberg, nidda = towns["Friedberg"], towns["Nidda"]
    one, two = mentor(region, "EA-1", friedberg), mentor(region, "EA-2", nidda)
    old = mentorship(region, 1, friedberg, one, date(YEAR - 1, 3, 1), date(YEAR, 2, 1))
    mentorship(region, 2, nidda, two, date(YEAR, 5, 1))
    mentorship(region, 3, nidda, one, date(YEAR - 2, 1, 1), date(YEAR - 1, 6, 30))
    CheckIn.objects.create(
        mentorship=old, due_on=date(YEAR - 1, 4, 15), done_on=date(YEAR - 1, 4, 20)
    )
    CheckIn.objects.create(mentorship=old, due_on=date(YEAR, 1, 10), done_on=date(YEAR, 1, 12))
    CheckIn.objects.create(mentorship=old, due_on=date(YEAR, 1, 31))  # not held: not counted
    elsewhere = make_region("anderkreis", languages=("de",))
    town = add_area(elsewhere, "Anderstadt", Area.Kind.MUNICIPALITY, Decimal("50.1"),
                    Decimal("8.7"))  # fmt: skip
    mentorship(elsewhere, 9, town, mentor(elsewhere, "EA-X", town), date(YEAR, 1, 1))

    with query_count.capture() as few:
        section = mentorships_section(region, YEAR)
    assert figures(section) == {
        "Patenschaften im Jahr": (2, 2),
        "begonnen": (1, 1),
        "beendet": (1, 1),
        "Patinnen und Paten": (2, 1),
        "Gespräche geführt": (1, 1),
    }
    assert table(section, "Patenschaften nach Wohnort des Haushalts") == [
        ["Friedberg", 1, 1],
        ["Nidda", 1, 1],
    ]
    months = table(section, "Gespräche nach Monat")
    assert months[0] == ["Jan", 1, 0]
    assert months[3] == ["Apr", 0, 1]
    for index in range(10):
        mentorship(region, 20 + index, friedberg, two, date(YEAR, 1 + index, 3))
    with query_count.capture() as many:
        mentorships_section(region, YEAR)
    query_count.assert_same(few, many)
