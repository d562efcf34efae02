"""/api/v1/regions/{region}/{language}/places/: places with their opening hours."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router

from wir.api.http import cached_json
from wir.api.pagination import ApiError, paginate
from wir.api.resolve import home_or_404, region_or_404
from wir.api.v1 import schemas
from wir.api.v1 import serializers as out
from wir.api.v1.params import choose_area
from wir.api.v1.schemas import ERRORS
from wir.core.models import Region
from wir.portal.models import Place

router = Router()


def public_places(region: Region) -> Any:
    return (
        Place.objects.filter(region=region)
        .select_related("area")
        .prefetch_related(*out.places_prefetch())
        .order_by("name", "pk")
    )


@router.get(
    "/regions/{region}/{language}/places/",
    response={200: schemas.PageOf[schemas.PlaceOut], **ERRORS},
    tags=["places"],
)
def places(
    request: HttpRequest,
    region: str,
    language: str,
    municipality: int | None = None,
) -> HttpResponse:
    """Places with opening hours (seven days, Monday first)."""
    found = region_or_404(region)
    home = home_or_404(found, language)
    rows = public_places(found)
    area = choose_area(found, municipality, "municipality")
    if area is not None:
        rows = rows.filter(area=area)

    def build() -> dict[str, Any]:
        sections = out.sections_of(home)
        return paginate(request, rows, lambda chunk: [out.place_out(p, sections) for p in chunk])

    return cached_json(request, build, region=found)


@router.get(
    "/regions/{region}/{language}/places/{place_id}/",
    response={200: schemas.PlaceOut, **ERRORS},
    tags=["places"],
)
def place_detail(request: HttpRequest, region: str, language: str, place_id: int) -> HttpResponse:
    found = region_or_404(region)
    home = home_or_404(found, language)
    place = public_places(found).filter(pk=place_id).first()
    if place is None:
        raise ApiError(404, f"There is no place {place_id} in this region.")
    return cached_json(request, lambda: out.place_out(place, out.sections_of(home)), region=found)
