"""/api/v1/regions/: the public regions and their languages."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router

from wir.api.http import cached_json
from wir.api.pagination import paginate
from wir.api.resolve import region_or_404
from wir.api.v1 import schemas
from wir.api.v1 import serializers as out
from wir.api.v1.schemas import ERRORS
from wir.core.models import Region
from wir.core.queries import visible_languages

router = Router()


@router.get(
    "/regions/", response={200: schemas.PageOf[schemas.RegionOut], **ERRORS}, tags=["regions"]
)
def regions(request: HttpRequest) -> HttpResponse:
    """All public regions with their languages."""

    def build() -> dict[str, Any]:
        rows = Region.objects.filter(is_active=True).order_by("name")
        return paginate(
            request,
            rows,
            lambda chunk: [out.region_out(r, visible_languages(r)) for r in chunk],
        )

    return cached_json(request, build, region=None)


@router.get("/regions/{region}/", response={200: schemas.RegionOut, **ERRORS}, tags=["regions"])
def region_detail(request: HttpRequest, region: str) -> HttpResponse:
    found = region_or_404(region)
    return cached_json(
        request, lambda: out.region_out(found, visible_languages(found)), region=found
    )


@router.get(
    "/regions/{region}/languages/",
    response={200: schemas.PageOf[schemas.LanguageOut], **ERRORS},
    tags=["regions"],
)
def languages(request: HttpRequest, region: str) -> HttpResponse:
    found = region_or_404(region)
    codes = [rl.language.code for rl in visible_languages(found)]
    return cached_json(
        request,
        lambda: paginate(request, codes, lambda chunk: [out.language_out(c) for c in chunk]),
        region=found,
    )
