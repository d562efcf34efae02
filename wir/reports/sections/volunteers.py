"""Volunteers: who gave time in the year (approved hours), how many hours, where they live,
new sign-ups and shift places taken; the year before next to it."""

from __future__ import annotations

from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractMonth
from django.utils.translation import gettext as _

from wir.core.models import Region
from wir.reports.data import Figure, SectionData
from wir.reports.sections.common import in_year, pair_chart, pair_table, pairs
from wir.sprachpool.statements import MONTHS
from wir.volunteers.models import HoursEntry, ShiftSignup, Volunteer


def volunteers_section(region: Region, year: int) -> SectionData:
    approved = HoursEntry.objects.filter(volunteer__region=region, approved_at__isnull=False)
    now, before = in_year("date", year, is_date=True), in_year("date", year - 1, is_date=True)
    hours = {"current": Sum("hours", filter=now), "previous": Sum("hours", filter=before)}
    people = {
        "current": Count("volunteer", distinct=True, filter=now),
        "previous": Count("volunteer", distinct=True, filter=before),
    }
    totals = approved.aggregate(
        hours_now=hours["current"], hours_before=hours["previous"],
        people_now=people["current"], people_before=people["previous"],
    )  # fmt: skip
    months = {
        row["month"]: row
        for row in approved.filter(now | before)
        .annotate(month=ExtractMonth("date"))
        .values("month")
        .annotate(**hours)
    }
    by_month = pairs(
        [{"month": m, **months.get(m, {})} for m in range(1, 13)],
        "month",
        {m: MONTHS[m - 1][:3] for m in range(1, 13)},
    )
    by_place_people = pairs(
        approved.values("volunteer__municipality__name")
        .annotate(**people)
        .order_by("volunteer__municipality__name"),
        "volunteer__municipality__name",
    )
    by_place_hours = pairs(
        approved.values("volunteer__municipality__name")
        .annotate(**hours)
        .order_by("volunteer__municipality__name"),
        "volunteer__municipality__name",
    )
    joined = (
        Volunteer.objects.filter(region=region)
        .exclude(status=Volunteer.Status.UNCONFIRMED)
        .aggregate(
            current=Count("pk", filter=in_year("created_at", year)),
            previous=Count("pk", filter=in_year("created_at", year - 1)),
            active=Count("pk", filter=Q(status=Volunteer.Status.ACTIVE)),
        )
    )
    places = ShiftSignup.objects.filter(
        shift__opportunity__region=region, status=ShiftSignup.Status.SIGNED_UP
    ).aggregate(
        current=Count("pk", filter=in_year("starts_at", year)),
        previous=Count("pk", filter=in_year("starts_at", year - 1)),
    )
    return SectionData(
        key="volunteers",
        title=_("Ehrenamt: aktive Ehrenamtliche und Stunden"),
        year=year,
        figures=[
            Figure(
                _("Ehrenamtliche mit bestätigten Stunden"),
                totals["people_now"],
                totals["people_before"],
            ),
            Figure(
                _("bestätigte Stunden"), totals["hours_now"] or 0, totals["hours_before"] or 0, "h"
            ),
            Figure(_("neu angemeldet"), joined["current"], joined["previous"]),
            Figure(_("Schichtplätze besetzt"), places["current"], places["previous"]),
            Figure(_("derzeit aktiv (Stand heute)"), joined["active"], None),
        ],
        tables=[
            pair_table(_("Stunden nach Monat"), _("Monat"), year, by_month, "number"),
            pair_table(
                _("Ehrenamtliche nach Wohnort"),
                _("Kommune"),
                year,
                [row for row in by_place_people if row.current or row.previous],
            ),
            pair_table(
                _("Stunden nach Wohnort"),
                _("Kommune"),
                year,
                [row for row in by_place_hours if row.current or row.previous],
                "number",
            ),
        ],
        charts=[
            pair_chart(_("Stunden je Monat"), by_month, "line"),
            pair_chart(
                _("Ehrenamtliche nach Wohnort"),
                [row for row in by_place_people if row.current or row.previous],
            ),
        ],
        note=_(
            "Gezählt werden von der Koordination bestätigte Stunden nach dem Datum der "
            "Tätigkeit; aktiv im Jahr ist, wer im Jahr bestätigte Stunden hat. Wohnort: "
            "die Kommune, keine Adresse."
        ),
    )
