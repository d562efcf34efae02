"""Offers of the "Was ist wo?" directory by category and municipality.

An offer counts for a year when its German original is published now, was first published
before the year ended, and was valid during the year (validity and expiry). "New" offers
were first published in the year. Two aggregate queries (by category, by municipality)
give both years at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from wir.core.models import Region
from wir.portal.models import Offer
from wir.portal.models.offers import Category
from wir.reports.data import Cell, Column, Figure, SectionData, Series, Table
from wir.reports.period import year_bounds


def _counted_in(year: int) -> Q:
    start, end = year_bounds(year)
    return (
        Q(first_published_at__lt=end)
        & (Q(valid_from__isnull=True) | Q(valid_from__lte=date(year, 12, 31)))
        & (Q(valid_until__isnull=True) | Q(valid_until__gte=date(year, 1, 1)))
        & (Q(expire_at__isnull=True) | Q(expire_at__gte=start))
    )


def _new_in(year: int) -> Q:
    start, end = year_bounds(year)
    return Q(first_published_at__gte=start, first_published_at__lt=end)


@dataclass
class Counts:
    label: str
    current: int = 0
    previous: int = 0
    new: int = 0
    new_previous: int = 0

    def cells(self) -> list[Cell]:
        return [self.label, self.current, self.previous, self.new]


def _total(rows: list[Counts]) -> Counts:
    return Counts(
        _("Summe"),
        sum(row.current for row in rows),
        sum(row.previous for row in rows),
        sum(row.new for row in rows),
        sum(row.new_previous for row in rows),
    )


def _chart(title: str, rows: list[Counts]) -> Series:
    return Series(
        title,
        "bar",
        [row.label for row in rows],
        [float(row.current) for row in rows],
        [float(row.previous) for row in rows],
    )


def offers_section(region: Region, year: int) -> SectionData:
    offers = Offer.objects.filter(region=region, live=True, locale__language_code="de")
    counts = {
        "current": Count("pk", filter=_counted_in(year)),
        "previous": Count("pk", filter=_counted_in(year - 1)),
        "new": Count("pk", filter=_new_in(year)),
        "new_previous": Count("pk", filter=_new_in(year - 1)),
    }
    found = {
        row.pop("category"): row
        for row in offers.values("category").annotate(**counts).order_by("category")
    }
    categories = [Counts(str(label), **found.get(value, {})) for value, label in Category.choices]
    areas = [
        Counts(row.pop("area__name"), **row)
        for row in offers.values("area__name").annotate(**counts).order_by("area__name")
    ]
    areas = [row for row in areas if row.current or row.previous]
    total = _total(categories)
    columns = [
        Column(_("Kategorie"), "text"),
        Column(str(year)),
        Column(str(year - 1)),
        Column(_("neu im Jahr")),
    ]
    return SectionData(
        key="offers",
        title=_("Angebote nach Kategorie und Kommune"),
        year=year,
        figures=[
            Figure(_("Angebote im Jahr"), total.current, total.previous),
            Figure(_("davon neu veröffentlicht"), total.new, total.new_previous),
            Figure(
                _("Kommunen mit Angeboten"),
                sum(1 for row in areas if row.current),
                sum(1 for row in areas if row.previous),
            ),
        ],
        tables=[
            Table(
                _("Angebote nach Kategorie"),
                columns,
                [row.cells() for row in categories],
                total.cells(),
            ),
            Table(
                _("Angebote nach Kommune"),
                [Column(_("Kommune"), "text"), *columns[1:]],
                [row.cells() for row in areas],
                _total(areas).cells(),
            ),
        ],
        charts=[
            _chart(_("Angebote nach Kategorie"), categories),
            _chart(_("Angebote nach Kommune"), areas),
        ],
        note=_(
            "Gezählt werden veröffentlichte deutsche Angebote, die im Jahr gültig waren; "
            "Übersetzungen zählen nicht extra."
        ),
    )
