"""/api/v1/regions/{region}/{language}/offers/: the directory's offers, with its filters."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query, Router

from wir.api.http import cached_json
from wir.api.pagination import ApiError, paginate
from wir.api.resolve import home_or_404, region_or_404
from wir.api.v1 import schemas
from wir.api.v1 import serializers as out
from wir.api.v1.params import OfferFilters, directory_filters
from wir.api.v1.schemas import ERRORS
from wir.portal.directory import distance_km, find_offers
from wir.portal.models import Offer

router = Router()


@router.get(
    "/regions/{region}/{language}/offers/",
    response={200: schemas.PageOf[schemas.OfferOut], **ERRORS},
    tags=["offers"],
)
def offers(
    request: HttpRequest,
    region: str,
    language: str,
    filters: Query[OfferFilters],
) -> HttpResponse:
    """Offers with the directory's filters; `near` sorts by distance from a municipality.
    Offers not translated into `language` come in German (see each item's `language`)."""
    found = region_or_404(region)
    home = home_or_404(found, language)
    chosen = directory_filters(found, filters)
    now = timezone.localtime()
    sections = out.sections_of(home)

    def serialize(chunk: list[Offer]) -> list[dict[str, Any]]:
        if chosen.near is not None:
            for offer in chunk:
                where = offer.place or offer.area
                offer.distance_km = distance_km(chosen.near, where.latitude, where.longitude)
        return out.offers_out(chunk, sections)

    def build() -> dict[str, Any]:
        rows = find_offers(found, language, chosen, now).select_related("place__area")
        return paginate(request, rows, serialize)

    # "Open now" changes with the clock: such answers are kept for one minute only.
    vary = [now.strftime("%H:%M")] if chosen.open_now else []
    return cached_json(request, build, region=found, vary=vary)


@router.get(
    "/regions/{region}/{language}/offers/{offer_id}/",
    response={200: schemas.OfferOut, **ERRORS},
    tags=["offers"],
)
def offer_detail(request: HttpRequest, region: str, language: str, offer_id: int) -> HttpResponse:
    found = region_or_404(region)
    home = home_or_404(found, language)
    offer = (
        Offer.objects.public()
        .filter(region=found, pk=offer_id)
        .select_related("place__area", "area", "locale")
        .prefetch_related("target_groups", "languages", *out.places_prefetch("place__"))
        .first()
    )
    if offer is None:
        raise ApiError(404, f"There is no public offer {offer_id} in this region.")
    return cached_json(request, lambda: out.offer_out(offer, out.sections_of(home)), region=found)
