"""/api/v1/regions/{region}/{language}/search/: full-text search, as the site's."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router

from wir.api.http import cached_json
from wir.api.pagination import paginate
from wir.api.resolve import home_or_404, region_or_404
from wir.api.v1 import schemas
from wir.api.v1 import serializers as out
from wir.api.v1.schemas import ERRORS
from wir.portal.search import search_region

router = Router()


@router.get(
    "/regions/{region}/{language}/search/",
    response={200: schemas.SearchOut, **ERRORS},
    tags=["search"],
)
def search(
    request: HttpRequest,
    region: str,
    language: str,
    q: str = Query(..., min_length=1, max_length=200, description="What to look for."),
) -> HttpResponse:
    """Full-text search over pages, offers, events and places in this language (German
    originals where a translation is missing), like the site's search."""
    found = region_or_404(region)
    home = home_or_404(found, language)

    def build() -> dict[str, Any]:
        sections = out.sections_of(home)
        outcome = search_region(
            found, language, q, sections.directory, home=home, events_url=sections.events
        )
        listing = paginate(request, outcome.hits, lambda chunk: [out.hit_out(h) for h in chunk])
        return {"query": outcome.query, "approximate": outcome.approximate, **listing}

    return cached_json(request, build, region=found)
