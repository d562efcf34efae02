"""The "Was ist wo?" directory: reading filters from a URL and finding the offers.

Unknown filter values are dropped with a notice, never an error: links get old, people
type into address bars, and a guide for newcomers must always answer with a page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db.models import Exists, ExpressionWrapper, F, FloatField, OuterRef, Prefetch, Q
from django.db.models.functions import Coalesce
from django.http import QueryDict
from django.utils.translation import gettext as _

from wir.core.languages import BY_CODE as LANGUAGE_CATALOGUE
from wir.core.models import Area, Region
from wir.core.translations import localized
from wir.portal.models import ClosedDay, Offer, OpeningSlot, TargetGroup
from wir.portal.models.offers import (
    LEGACY_CATEGORIES,
    Category,
    Cost,
    OfferQuerySet,
    expand_categories,
)

SORT_CHOICES = ("title", "distance")


@dataclass
class DirectoryFilters:
    categories: list[str] = field(default_factory=list)
    area: Area | None = None
    target_groups: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    free_only: bool = False
    open_now: bool = False
    near: Area | None = None  # sort by distance from this municipality
    page: int = 1
    childcare: bool = False  # only offers with childcare (language courses record it)

    @property
    def active(self) -> bool:
        return bool(
            self.categories
            or self.area
            or self.target_groups
            or self.languages
            or self.free_only
            or self.open_now
            or self.childcare
        )


def parse_filters(
    params: QueryDict, towns: list[Area], target_groups: list[TargetGroup]
) -> tuple[DirectoryFilters, list[str]]:
    """Filters from query parameters, and a notice for every value that was ignored.

    `towns` and `target_groups` are the choices the page shows; the same lists validate.
    """
    notices: list[str] = []
    filters = DirectoryFilters()

    def keep(name: str, allowed: set[str]) -> list[str]:
        values = [v for v in params.getlist(name) if v != ""]
        unknown = [v for v in values if v not in allowed]
        if unknown:
            notices.append(
                _("Unbekannter Filterwert ignoriert: %(name)s=%(values)s")
                % {"name": name, "values": ", ".join(v[:40] for v in unknown[:3])}
            )
        return list(dict.fromkeys(v for v in values if v in allowed))

    filters.categories = expand_categories(
        keep("kategorie", set(Category.values) | set(LEGACY_CATEGORIES))
    )
    filters.target_groups = keep("zielgruppe", {group.code for group in target_groups})
    filters.languages = keep("sprache", set(LANGUAGE_CATALOGUE))
    places = {str(a.pk): a for a in towns}
    for name in ("kommune", "naehe"):
        chosen = keep(name, set(places))
        if chosen:
            setattr(filters, "area" if name == "kommune" else "near", places[chosen[0]])
    filters.free_only = params.get("kostenlos") == "1"
    filters.open_now = params.get("jetzt_offen") == "1"
    filters.childcare = params.get("kinderbetreuung") == "1"
    raw_page = params.get("seite", "1")
    try:
        filters.page = max(1, min(int(raw_page), 10_000))
    except ValueError:
        notices.append(_("Ungültige Seitenzahl ignoriert."))
    return filters, notices


def offers_in_language(region: Region, language_code: str) -> OfferQuerySet:
    """Public offers in the visitor's language, plus German originals not yet translated."""
    return localized(Offer.objects.public().filter(region=region), language_code)


def find_offers(
    region: Region, language_code: str, filters: DirectoryFilters, now: datetime
) -> OfferQuerySet:
    """The matching offers in order, with everything an offer's page shows loaded along."""
    offers = matching_offers(region, language_code, filters, now)
    offers = offers.select_related("place", "area", "locale").prefetch_related(
        "target_groups",
        "languages",
        Prefetch("place__opening_slots", queryset=OpeningSlot.objects.order_by("weekday")),
        Prefetch("place__closed_days", queryset=ClosedDay.objects.filter(date=now.date())),
    )
    return in_order(offers, filters)


# What a card of the list shows (wir/portal/views/directory.py): the offer's own columns,
# its place (for the opening state), its position, its area's name, its language.
CARD_VALUES = (
    "pk",
    "title",
    "summary",
    "category",
    "cost",
    "childcare",
    "place_id",
    "place__latitude",
    "place__longitude",
    "area__name",
    "area__latitude",
    "area__longitude",
    "locale__language_code",
)


def offer_cards(offers: OfferQuerySet, filters: DirectoryFilters) -> Any:
    """The offers of `matching_offers` in order as plain rows with only what a card shows
    (`CARD_VALUES`): no model instances, one query per page of the list."""
    return in_order(offers, filters).values(*CARD_VALUES)


def matching_offers(
    region: Region, language_code: str, filters: DirectoryFilters, now: datetime
) -> OfferQuerySet:
    """The offers that pass `filters`, in no order and with nothing loaded along."""
    offers = offers_in_language(region, language_code)
    if filters.categories:
        offers = offers.filter(category__in=filters.categories)
    if filters.area is not None:
        offers = offers.filter(area=filters.area)
    for code in filters.target_groups:  # all chosen groups must apply
        offers = offers.filter(target_groups__code=code)
    for code in filters.languages:
        offers = offers.filter(languages__code=code)
    if filters.free_only:
        offers = offers.filter(cost=Cost.FREE)
    if filters.open_now:
        offers = offers.filter(open_at_place(now))
    if filters.childcare:
        offers = offers.filter(childcare=True)
    return offers


def in_order(offers: OfferQuerySet, filters: DirectoryFilters) -> OfferQuerySet:
    """By distance from `filters.near` when chosen, else by title."""
    if filters.near is not None:
        return offers.annotate(distance_sq=distance_squared(filters.near)).order_by(
            "distance_sq", "title", "pk"
        )
    return offers.order_by("title", "pk")


def open_at_place(now: datetime) -> Q:
    """SQL condition "the offer's place is open at `now`" (same rules as opening.is_open)."""
    in_slot = OpeningSlot.objects.filter(
        place=OuterRef("place"), weekday=now.weekday(), opens__lte=now.time(), closes__gt=now.time()
    )
    closed_today = ClosedDay.objects.filter(place=OuterRef("place"), date=now.date())
    return (
        Q(place__isnull=False)
        & Q(place__temporarily_closed=False)
        & Q(place__appointment_only=False)
        & Exists(in_slot)
        & ~Exists(closed_today)
    )


def distance_squared(origin: Area) -> ExpressionWrapper:
    """Squared equirectangular distance in degrees² to `origin`: same order as the true
    distance within a district, and plain arithmetic that SQLite and PostgreSQL both have."""
    scale = math.cos(math.radians(float(origin.latitude)))
    latitude = Coalesce(F("place__latitude"), F("area__latitude"))
    longitude = Coalesce(F("place__longitude"), F("area__longitude"))
    d_lat = latitude - Decimal(origin.latitude)
    d_lon = (longitude - Decimal(origin.longitude)) * Decimal(str(round(scale, 6)))
    return ExpressionWrapper(d_lat * d_lat + d_lon * d_lon, output_field=FloatField())


def distance_km(origin: Area, latitude: Any, longitude: Any) -> float:
    """Great-circle distance (haversine) for display."""
    lat1, lon1 = math.radians(float(origin.latitude)), math.radians(float(origin.longitude))
    lat2, lon2 = math.radians(float(latitude)), math.radians(float(longitude))
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(a))
