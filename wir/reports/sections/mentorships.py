"""Mentorships (Patenschaften): how many ran in the year, started and ended, check-ins
held, by the household's municipality and by month; the year before next to it."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q
from django.db.models.functions import ExtractMonth
from django.utils.translation import gettext as _

from wir.core.models import Region
from wir.reports.data import Figure, SectionData
from wir.reports.sections.common import in_year, pair_chart, pair_table, pairs
from wir.sprachpool.statements import MONTHS
from wir.volunteers.models_mentorship import CheckIn, Mentorship


def running_in(year: int) -> Q:
    """The mentorship ran on at least one day of the year."""
    return Q(started_on__lte=date(year, 12, 31)) & (
        Q(ended_on__isnull=True) | Q(ended_on__gte=date(year, 1, 1))
    )


def mentorships_section(region: Region, year: int) -> SectionData:
    mentorships = Mentorship.objects.filter(household__region=region)
    counts = {
        "current": Count("pk", filter=running_in(year)),
        "previous": Count("pk", filter=running_in(year - 1)),
    }
    totals = mentorships.aggregate(
        running_now=counts["current"],
        running_before=counts["previous"],
        started_now=Count("pk", filter=in_year("started_on", year, is_date=True)),
        started_before=Count("pk", filter=in_year("started_on", year - 1, is_date=True)),
        ended_now=Count("pk", filter=in_year("ended_on", year, is_date=True)),
        ended_before=Count("pk", filter=in_year("ended_on", year - 1, is_date=True)),
        mentors_now=Count("volunteer", distinct=True, filter=running_in(year)),
        mentors_before=Count("volunteer", distinct=True, filter=running_in(year - 1)),
    )
    done = CheckIn.objects.filter(mentorship__household__region=region, done_on__isnull=False)
    now, before = in_year("done_on", year, is_date=True), in_year("done_on", year - 1, is_date=True)
    held = {"current": Count("pk", filter=now), "previous": Count("pk", filter=before)}
    checkins = done.aggregate(**held)
    months = {
        row["month"]: row
        for row in done.filter(now | before)
        .annotate(month=ExtractMonth("done_on"))
        .values("month")
        .annotate(**held)
    }
    by_month = pairs(
        [{"month": m, **months.get(m, {})} for m in range(1, 13)],
        "month",
        {m: MONTHS[m - 1][:3] for m in range(1, 13)},
    )
    by_place = [
        row
        for row in pairs(
            mentorships.values("household__municipality__name")
            .annotate(**counts)
            .order_by("household__municipality__name"),
            "household__municipality__name",
        )
        if row.current or row.previous
    ]
    return SectionData(
        key="mentorships",
        title=_("Patenschaften"),
        year=year,
        figures=[
            Figure(_("Patenschaften im Jahr"), totals["running_now"], totals["running_before"]),
            Figure(_("begonnen"), totals["started_now"], totals["started_before"]),
            Figure(_("beendet"), totals["ended_now"], totals["ended_before"]),
            Figure(_("Patinnen und Paten"), totals["mentors_now"], totals["mentors_before"]),
            Figure(_("Gespräche geführt"), checkins["current"], checkins["previous"]),
        ],
        tables=[
            pair_table(_("Patenschaften nach Wohnort des Haushalts"), _("Kommune"), year, by_place),
            pair_table(_("Gespräche nach Monat"), _("Monat"), year, by_month),
        ],
        charts=[
            pair_chart(_("Patenschaften nach Wohnort des Haushalts"), by_place),
            pair_chart(_("Gespräche je Monat"), by_month, "line"),
        ],
        note=_(
            "Im Jahr zählt jede Patenschaft, die an mindestens einem Tag des Jahres lief. "
            "Haushalte sind pseudonym; gezählt wird nach der Kommune des Haushalts. "
            "Gespräche: von der Koordination als geführt eingetragen, nach dem Datum."
        ),
    )
