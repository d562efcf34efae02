"""The integration network: organisations by opening stage, welcome-culture concepts by
status, network meetings. Stages and statuses are kept as they are now (the network keeps
no history of them); what happened in a year (processes begun, self-assessments, versions
of concepts, meetings, attendance, tasks) is counted for the year and the year before."""

from __future__ import annotations

from django.db.models import Avg, Count, Q
from django.db.models.functions import ExtractMonth
from django.utils.translation import gettext as _

from wir.core.models import Region
from wir.network.models import (
    AssessmentScore,
    ConceptMeasure,
    ConceptStatus,
    Meeting,
    NetworkTask,
    OpeningProcess,
    OpeningStage,
    Organisation,
    OrganisationKind,
    Participation,
    SelfAssessment,
    WelcomeConcept,
    WorkStatus,
)
from wir.reports.data import Column, Figure, SectionData, Table
from wir.reports.sections.common import (
    in_year,
    pair_chart,
    pair_table,
    pairs,
    until_end_of,
)
from wir.sprachpool.statements import MONTHS


def _both(q_now: Q, q_before: Q, field: str = "pk") -> dict[str, Count]:
    return {
        "current": Count(field, distinct=True, filter=q_now),
        "previous": Count(field, distinct=True, filter=q_before),
    }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(float(value), 2)


def opening_section(region: Region, year: int) -> SectionData:
    begun = _both(
        until_end_of("started_on", year, is_date=True),
        until_end_of("started_on", year - 1, is_date=True),
    )
    processes = OpeningProcess.objects.filter(region=region)
    by_stage = pairs(
        processes.values("stage").annotate(**begun), "stage", dict(OpeningStage.choices),
        every_label=True,
    )  # fmt: skip
    organisations = Organisation.objects.filter(region=region)
    listed = _both(until_end_of("created_at", year), until_end_of("created_at", year - 1))
    by_kind = pairs(
        organisations.values("kind").annotate(**listed), "kind", dict(OrganisationKind.choices),
        every_label=True,
    )  # fmt: skip
    totals = processes.aggregate(
        **begun,
        new_now=Count("pk", filter=in_year("started_on", year, is_date=True)),
        new_before=Count("pk", filter=in_year("started_on", year - 1, is_date=True)),
    )
    assessed = SelfAssessment.objects.filter(process__region=region).aggregate(
        current=Count("pk", filter=in_year("assessed_on", year, is_date=True)),
        previous=Count("pk", filter=in_year("assessed_on", year - 1, is_date=True)),
    )
    scores = AssessmentScore.objects.filter(assessment__process__region=region)
    score_now = in_year("assessment__assessed_on", year, is_date=True)
    score_before = in_year("assessment__assessed_on", year - 1, is_date=True)
    average = scores.aggregate(
        current=Avg("score", filter=score_now), previous=Avg("score", filter=score_before)
    )
    items: list[tuple[str, float | None, float | None]] = [
        (row["item__label"], _rounded(row["current"]), _rounded(row["previous"]))
        for row in scores.values("item__label")
        .annotate(
            current=Avg("score", filter=score_now), previous=Avg("score", filter=score_before)
        )
        .order_by("item__label")
    ]
    # the weakest first: lowest mean of the year; items not assessed in the year last
    weakest = sorted(items, key=lambda item: (item[1] is None, item[1] or 0.0, item[0]))[:10]
    return SectionData(
        key="opening",
        title=_("Interkulturelle Öffnung: Organisationen nach Phase"),
        year=year,
        figures=[
            Figure(
                _("Organisationen im Verzeichnis"),
                sum(p.current for p in by_kind),
                sum(p.previous for p in by_kind),
            ),
            Figure(_("Öffnungsprozesse"), totals["current"], totals["previous"]),
            Figure(_("davon im Jahr begonnen"), totals["new_now"], totals["new_before"]),
            Figure(_("Selbstbewertungen"), assessed["current"], assessed["previous"]),
            Figure(
                _("mittlere Bewertung (0–3)"),
                _rounded(average["current"]),
                _rounded(average["previous"]),
            ),
        ],
        tables=[
            pair_table(
                _("Öffnungsprozesse nach Phase (heutige Phase)"), _("Phase"), year, by_stage
            ),
            pair_table(_("Organisationen nach Art"), _("Art"), year, by_kind),
            Table(
                _("Schwächste Kriterien der Selbstbewertung (Mittelwert 0–3)"),
                [
                    Column(_("Kriterium"), "text"),
                    Column(str(year), "number"),
                    Column(str(year - 1), "number"),
                ],
                [[label, now, before] for label, now, before in weakest],
            ),
        ],
        charts=[
            pair_chart(_("Öffnungsprozesse nach Phase"), by_stage),
            pair_chart(_("Organisationen nach Art"), by_kind),
        ],
        note=_(
            "Die Phase ist die heutige; gezählt werden Prozesse, die bis zum Jahresende "
            "begonnen hatten. Organisationen: bis zum Jahresende ins Verzeichnis aufgenommen."
        ),
    )


def concepts_section(region: Region, year: int) -> SectionData:
    concepts = WelcomeConcept.objects.filter(region=region)
    edited = _both(in_year("versions__created_at", year), in_year("versions__created_at", year - 1))
    by_status_rows = list(
        concepts.values("status").annotate(**edited, now=Count("pk", distinct=True))
    )
    by_status = pairs(by_status_rows, "status", dict(ConceptStatus.choices), every_label=True)
    standing = {row["status"]: row["now"] for row in by_status_rows}
    by_area = pairs(
        concepts.values("area__name").annotate(**edited).order_by("area__name"), "area__name"
    )
    measures = ConceptMeasure.objects.filter(concept__region=region).aggregate(
        due_now=Count("pk", filter=in_year("due_on", year, is_date=True)),
        due_before=Count("pk", filter=in_year("due_on", year - 1, is_date=True)),
        done_now=Count(
            "pk", filter=in_year("due_on", year, is_date=True) & Q(status=WorkStatus.DONE)
        ),
        done_before=Count(
            "pk", filter=in_year("due_on", year - 1, is_date=True) & Q(status=WorkStatus.DONE)
        ),
    )
    return SectionData(
        key="concepts",
        title=_("Willkommenskultur-Konzepte nach Stand"),
        year=year,
        figures=[
            Figure(_("Konzepte (Stand heute)"), sum(standing.values()), None),
            Figure(
                _("im Jahr bearbeitete Konzepte"),
                sum(p.current for p in by_area),
                sum(p.previous for p in by_area),
            ),
            Figure(_("Maßnahmen mit Termin im Jahr"), measures["due_now"], measures["due_before"]),
            Figure(_("davon erledigt"), measures["done_now"], measures["done_before"]),
        ],
        tables=[
            Table(
                _("Konzepte nach Stand"),
                [
                    Column(_("Stand"), "text"),
                    Column(_("heute")),
                    Column(_("bearbeitet %(year)s") % {"year": year}),
                    Column(_("bearbeitet %(year)s") % {"year": year - 1}),
                ],
                [
                    [p.label, standing.get(value, 0), p.current, p.previous]
                    for p, value in zip(by_status, [*dict(ConceptStatus.choices)], strict=False)
                ],
            ),
            pair_table(_("Bearbeitete Konzepte nach Gebiet"), _("Gebiet"), year, by_area),
        ],
        charts=[pair_chart(_("Bearbeitete Konzepte nach Stand"), by_status)],
        note=_(
            "Der Stand ist der heutige. Bearbeitet: im Jahr entstand mindestens eine neue "
            "Fassung des Konzepts."
        ),
    )


def meetings_section(region: Region, year: int) -> SectionData:
    meetings = Meeting.objects.filter(region=region)
    now, before = in_year("starts_at", year), in_year("starts_at", year - 1)
    by_kind = pairs(
        meetings.values("kind").annotate(**_both(now, before)), "kind",
        dict(Meeting.Kind.choices), every_label=True,
    )  # fmt: skip
    months = {
        row["month"]: row
        for row in meetings.filter(now | before)
        .annotate(month=ExtractMonth("starts_at"))
        .values("month")
        .annotate(**_both(now, before))
    }
    by_month = pairs(
        [{"month": m, **months.get(m, {})} for m in range(1, 13)],
        "month",
        {m: MONTHS[m - 1][:3] for m in range(1, 13)},
    )
    attended = Participation.objects.filter(meeting__region=region, attended=True)
    attendance = attended.aggregate(
        current=Count("pk", filter=in_year("meeting__starts_at", year)),
        previous=Count("pk", filter=in_year("meeting__starts_at", year - 1)),
        organisations_now=Count(
            "organisation", distinct=True, filter=in_year("meeting__starts_at", year)
        ),
        organisations_before=Count(
            "organisation", distinct=True, filter=in_year("meeting__starts_at", year - 1)
        ),
    )
    tasks = NetworkTask.objects.filter(region=region, meeting__isnull=False)
    agreed = _both(in_year("meeting__starts_at", year), in_year("meeting__starts_at", year - 1))
    by_status = pairs(
        tasks.values("status").annotate(**agreed), "status", dict(WorkStatus.choices),
        every_label=True,
    )  # fmt: skip
    return SectionData(
        key="meetings",
        title=_("Netzwerktreffen"),
        year=year,
        figures=[
            Figure(_("Treffen"), sum(p.current for p in by_kind), sum(p.previous for p in by_kind)),
            Figure(
                _("Teilnahmen von Organisationen"), attendance["current"], attendance["previous"]
            ),
            Figure(
                _("beteiligte Organisationen"),
                attendance["organisations_now"],
                attendance["organisations_before"],
            ),
            Figure(
                _("vereinbarte Aufgaben"),
                sum(p.current for p in by_status),
                sum(p.previous for p in by_status),
            ),
        ],
        tables=[
            pair_table(_("Treffen nach Art"), _("Art"), year, by_kind),
            pair_table(_("Treffen nach Monat"), _("Monat"), year, by_month),
            pair_table(_("Vereinbarte Aufgaben nach Stand (heute)"), _("Stand"), year, by_status),
        ],
        charts=[
            pair_chart(_("Treffen je Monat"), by_month, "line"),
            pair_chart(_("Treffen nach Art"), by_kind),
        ],
        note=_(
            "Teilnahmen: als teilgenommen vermerkte Organisationen. Aufgaben: in Treffen "
            "des Jahres vereinbart, mit ihrem heutigen Stand."
        ),
    )
