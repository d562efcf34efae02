"""The network's sections (opening, concepts, meetings) against hand-counted records."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.utils import timezone

from tests.reports.conftest import YEAR, in_year
from tests.reports.test_sections import figures, table
from wir.core.actions import add_area
from wir.core.models import Area
from wir.network.models import (
    AssessmentScore,
    ChecklistItem,
    ConceptMeasure,
    ConceptStatus,
    ConceptVersion,
    Meeting,
    NetworkTask,
    OpeningProcess,
    OpeningStage,
    Organisation,
    Participation,
    SelfAssessment,
    WelcomeConcept,
    WorkStatus,
)
from wir.reports.sections.network import concepts_section, meetings_section, opening_section


def organisation(region, name: str, kind: str, created) -> Organisation:
    made = Organisation.objects.create(region=region, name=name, kind=kind)
    Organisation.objects.filter(pk=made.pk).update(created_at=created)
    return made


def version(concept: WelcomeConcept, number: int, created) -> None:
    made = ConceptVersion.objects.create(concept=concept, number=number, text=f"Fassung {number}")
    ConceptVersion.objects.filter(pk=made.pk).update(created_at=created)


def network_history(region, towns, make_region) -> dict[str, Organisation]:
    club = organisation(region, "TSV", "sports_club", in_year(YEAR - 1, 2))
    welfare = organisation(region, "Caritas", "welfare", in_year(YEAR, 2))
    later = organisation(region, "SV Neu", "sports_club", timezone.now())  # this year: later
    elsewhere = make_region("anderkreis", languages=("de",))
    stranger = organisation(elsewhere, "Fremd", "sports_club", in_year(YEAR, 1))
    first = OpeningProcess.objects.create(region=region, organisation=club,
        stage=OpeningStage.MEASURES, started_on=date(YEAR - 1, 6, 1))  # fmt: skip
    second = OpeningProcess.objects.create(region=region, organisation=welfare,
        stage=OpeningStage.FIRST_CONTACT, started_on=date(YEAR, 3, 1))  # fmt: skip
    OpeningProcess.objects.create(region=region, organisation=later,
        stage=OpeningStage.STOCKTAKING, started_on=timezone.localdate())  # fmt: skip
    OpeningProcess.objects.create(region=elsewhere, organisation=stranger,
        stage=OpeningStage.REVIEW, started_on=date(YEAR, 3, 1))  # fmt: skip
    info = ChecklistItem.objects.create(region=region, organisation_kind="sports_club",
        key="info", label="Mehrsprachige Informationen")  # fmt: skip
    board = ChecklistItem.objects.create(region=region, organisation_kind="sports_club",
        key="vorstand", label="Vielfalt im Vorstand")  # fmt: skip
    for process, day, scores in [
        (first, date(YEAR - 1, 7, 1), {info: 1, board: 0}),
        (first, date(YEAR, 5, 1), {info: 3, board: 1}),
        (second, date(YEAR, 6, 1), {info: 2}),
    ]:
        assessment = SelfAssessment.objects.create(process=process, assessed_on=day)
        for item, score in scores.items():
            AssessmentScore.objects.create(assessment=assessment, item=item, score=score)
    return {"club": club, "welfare": welfare, "stranger": stranger}


def test_organisations_by_opening_stage(region, towns, make_region, query_count) -> None:
    network_history(region, towns, make_region)
    with query_count.capture() as counted:
        section = opening_section(region, YEAR)
    assert figures(section) == {
        "Organisationen im Verzeichnis": (2, 1),
        "Öffnungsprozesse": (2, 1),
        "davon im Jahr begonnen": (1, 1),
        "Selbstbewertungen": (2, 1),
        "mittlere Bewertung (0–3)": (2.0, 0.5),
    }
    assert table(section, "Öffnungsprozesse nach Phase (heutige Phase)") == [
        ["Erstkontakt", 1, 0], ["Bestandsaufnahme", 0, 0], ["Zielvereinbarung", 0, 0],
        ["Maßnahmen", 1, 1], ["Überprüfung", 0, 0],
    ]  # fmt: skip
    kinds = {row[0]: row[1:] for row in table(section, "Organisationen nach Art")}
    assert kinds["Sportverein"] == [1, 1]
    assert kinds["Wohlfahrtsverband"] == [1, 0]
    assert kinds["Schule"] == [0, 0]
    assert table(section, "Schwächste Kriterien der Selbstbewertung (Mittelwert 0–3)") == [
        ["Vielfalt im Vorstand", 1.0, 0.0],
        ["Mehrsprachige Informationen", 2.5, 1.0],
    ]
    assert len(counted) <= 6


def test_concepts_by_status(region, towns, make_region) -> None:
    friedberg, nidda = towns["Friedberg"], towns["Nidda"]
    adopted = WelcomeConcept.objects.create(region=region, area=friedberg, title="Kernstadt",
        status=ConceptStatus.ADOPTED)  # fmt: skip
    version(adopted, 1, in_year(YEAR - 1, 9))
    version(adopted, 2, in_year(YEAR, 2))
    draft = WelcomeConcept.objects.create(region=region, area=nidda, title="Nidda-Süd")
    version(draft, 1, in_year(YEAR, 4))
    WelcomeConcept.objects.create(region=region, area=nidda, title="Nidda-Nord",
        status=ConceptStatus.IMPLEMENTATION)  # fmt: skip
    ConceptMeasure.objects.create(concept=adopted, title="Lotsen", due_on=date(YEAR, 4, 1),
        status=WorkStatus.DONE)  # fmt: skip
    ConceptMeasure.objects.create(concept=adopted, title="Fest", due_on=date(YEAR, 9, 1))
    ConceptMeasure.objects.create(concept=draft, title="Umfrage", due_on=date(YEAR - 1, 10, 1),
        status=WorkStatus.DONE)  # fmt: skip
    other = make_region("anderkreis", languages=("de",))
    town = add_area(other, "Anderstadt", Area.Kind.MUNICIPALITY, Decimal("50.1"), Decimal("8.7"))
    version(WelcomeConcept.objects.create(region=other, area=town, title="Fremd"), 1,
            in_year(YEAR, 3))  # fmt: skip
    section = concepts_section(region, YEAR)
    assert figures(section) == {
        "Konzepte (Stand heute)": (3, None),
        "im Jahr bearbeitete Konzepte": (2, 1),
        "Maßnahmen mit Termin im Jahr": (2, 1),
        "davon erledigt": (1, 1),
    }
    assert table(section, "Konzepte nach Stand") == [
        ["Entwurf", 1, 1, 0], ["in Abstimmung", 0, 0, 0], ["beschlossen", 1, 1, 1],
        ["in Umsetzung", 1, 0, 0], ["ausgewertet", 0, 0, 0],
    ]  # fmt: skip
    assert table(section, "Bearbeitete Konzepte nach Gebiet") == [
        ["Friedberg", 1, 1], ["Nidda", 1, 0],
    ]  # fmt: skip


def test_network_meetings(region, towns, make_region, query_count) -> None:
    people = network_history(region, towns, make_region)
    club, welfare = people["club"], people["welfare"]

    def meeting(region_, kind, when) -> Meeting:
        return Meeting.objects.create(region=region_, kind=kind, title="Treffen",
            starts_at=when, location="Kreishaus")  # fmt: skip

    spring = meeting(region, Meeting.Kind.NETWORK, in_year(YEAR, 3, 15))
    autumn = meeting(region, Meeting.Kind.ROUND_TABLE, in_year(YEAR, 9, 10))
    last = meeting(region, Meeting.Kind.NETWORK, in_year(YEAR - 1, 11, 5))
    foreign = meeting(people["stranger"].region, Meeting.Kind.NETWORK, in_year(YEAR, 3, 1))
    for held, who, came in [
        (spring, club, True), (spring, welfare, True), (autumn, club, True),
        (autumn, welfare, False), (last, club, True), (foreign, people["stranger"], True),
    ]:  # fmt: skip
        Participation.objects.create(meeting=held, organisation=who, attended=came)
    for held, owner, status in [
        (spring, club, WorkStatus.DONE), (autumn, welfare, WorkStatus.OPEN),
        (last, club, WorkStatus.IN_PROGRESS), (None, club, WorkStatus.OPEN),
    ]:  # fmt: skip
        NetworkTask.objects.create(region=region, meeting=held, title="Aufgabe", owner=owner,
            due_on=date(YEAR, 12, 1), status=status)  # fmt: skip
    with query_count.capture() as few:
        section = meetings_section(region, YEAR)
    assert figures(section) == {
        "Treffen": (2, 1),
        "Teilnahmen von Organisationen": (3, 1),
        "beteiligte Organisationen": (2, 1),
        "vereinbarte Aufgaben": (2, 1),
    }
    assert table(section, "Treffen nach Art") == [
        ["WIR-Netzwerktreffen", 1, 1], ["Runder Tisch", 1, 0], ["Arbeitsgruppe", 0, 0],
    ]  # fmt: skip
    months = table(section, "Treffen nach Monat")
    assert (months[2], months[8], months[10]) == (["Mär", 1, 0], ["Sep", 1, 0], ["Nov", 0, 1])
    assert table(section, "Vereinbarte Aufgaben nach Stand (heute)") == [
        ["offen", 1, 0], ["in Arbeit", 0, 1], ["erledigt", 1, 0],
    ]  # fmt: skip
    for day in range(1, 20):
        meeting(region, Meeting.Kind.WORKSHOP, in_year(YEAR, 1 + day % 12, day))
    with query_count.capture() as many:
        meetings_section(region, YEAR)
    query_count.assert_same(few, many)
