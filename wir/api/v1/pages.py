"""/api/v1/regions/{region}/{language}/pages/: the page tree and its pages."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router
from wagtail.models import Page

from wir.api.http import cached_json
from wir.api.pagination import paginate
from wir.api.resolve import home_or_404, region_or_404
from wir.api.v1 import schemas
from wir.api.v1 import serializers as out
from wir.api.v1.params import page_or_404
from wir.api.v1.schemas import ERRORS
from wir.portal.publication import visible

router = Router()


def pages_below(home: Page) -> Any:
    return (
        visible(Page.objects.descendant_of(home))
        .filter(locale=home.locale)
        .select_related("content_type")
        .order_by("path")
    )


@router.get(
    "/regions/{region}/{language}/pages/",
    response={200: schemas.PageOf[schemas.PageSummaryOut], **ERRORS},
    tags=["pages"],
)
def pages(request: HttpRequest, region: str, language: str) -> HttpResponse:
    """Every page of the region in this language, in tree order (parents before children)."""
    found = region_or_404(region)
    home = home_or_404(found, language)
    return cached_json(
        request,
        lambda: paginate(request, pages_below(home), lambda c: out.page_summaries(c, home)),
        region=found,
    )


@router.get(
    "/regions/{region}/{language}/pages/tree/",
    response={200: list[schemas.PageTreeOut], **ERRORS},
    tags=["pages"],
)
def page_tree(
    request: HttpRequest,
    region: str,
    language: str,
    depth: int = Query(3, ge=1, le=10, description="How many levels to include."),
) -> HttpResponse:
    """The page tree (titles and addresses), down to `depth` levels."""
    found = region_or_404(region)
    home = home_or_404(found, language)
    return cached_json(
        request,
        lambda: out.page_tree(
            list(pages_below(home).filter(depth__lte=home.depth + depth)), home, depth
        ),
        region=found,
    )


@router.get(
    "/regions/{region}/{language}/pages/{page_id}/",
    response={200: schemas.PageOut, **ERRORS},
    tags=["pages"],
)
def page_detail(request: HttpRequest, region: str, language: str, page_id: int) -> HttpResponse:
    """One page with its text and the offers embedded in it."""
    found = region_or_404(region)
    home = home_or_404(found, language)
    page = page_or_404(home, page_id)
    return cached_json(request, lambda: out.page_detail(page, home, language), region=found)


@router.get(
    "/regions/{region}/{language}/pages/{page_id}/children/",
    response={200: schemas.PageOf[schemas.PageSummaryOut], **ERRORS},
    tags=["pages"],
)
def page_children(request: HttpRequest, region: str, language: str, page_id: int) -> HttpResponse:
    found = region_or_404(region)
    home = home_or_404(found, language)
    page = page_or_404(home, page_id)
    rows = visible(Page.objects.child_of(page)).select_related("content_type").order_by("path")
    return cached_json(
        request,
        lambda: paginate(request, rows, lambda chunk: out.page_summaries(chunk, home)),
        region=found,
    )


@router.get(
    "/regions/{region}/{language}/pages/{page_id}/ancestors/",
    response={200: schemas.PageOf[schemas.PageSummaryOut], **ERRORS},
    tags=["pages"],
)
def page_ancestors(request: HttpRequest, region: str, language: str, page_id: int) -> HttpResponse:
    """The pages above this one, from the top level down to its parent."""
    found = region_or_404(region)
    home = home_or_404(found, language)
    page = page_or_404(home, page_id)
    rows = (
        Page.objects.ancestor_of(page)
        .filter(depth__gt=home.depth)
        .select_related("content_type")
        .order_by("depth")
    )
    return cached_json(
        request,
        lambda: paginate(request, rows, lambda chunk: out.page_summaries(chunk, home)),
        region=found,
    )
