"""/api/v1/regions/{region}/{language}/feedback/: "Was this helpful?" (the one write)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router
from wagtail.models import Page

from wir.api.http import add_public_headers, dumps, json_error
from wir.api.pagination import ApiError
from wir.api.resolve import home_or_404, region_or_404
from wir.api.v1 import schemas
from wir.portal.feedback import FeedbackInput, rate_limited, record_feedback
from wir.portal.models import Event, Offer, Place
from wir.portal.publication import visible

router = Router()


@router.post(
    "/regions/{region}/{language}/feedback/",
    response={
        201: schemas.FeedbackOut,
        400: schemas.ErrorOut,
        404: schemas.ErrorOut,
        429: schemas.ErrorOut,
    },
    tags=["feedback"],
)
def feedback(
    request: HttpRequest, region: str, language: str, data: schemas.FeedbackIn
) -> HttpResponse:
    """ "Was this helpful?" for a page (or an offer on the directory). Anonymous; at most
    ten per address and hour."""
    found = region_or_404(region)
    home = home_or_404(found, language)
    if rate_limited(request):
        return json_error(request, 429, "Too much feedback from this address; try again later.")
    page = visible(Page.objects.descendant_of(home, inclusive=True)).filter(pk=data.page).first()
    if page is None:
        raise ApiError(400, "'page' must be the id of a page of this region and language.", "page")
    offer = None
    if data.offer is not None:
        offer = Offer.objects.public().filter(region=found, pk=data.offer).first()
        if offer is None:
            raise ApiError(400, "'offer' must be the id of a public offer of the region.", "offer")
    place = None
    if data.place is not None:
        place = Place.objects.filter(region=found, pk=data.place).first()
        if place is None:
            raise ApiError(400, "'place' must be the id of a place of the region.", "place")
    event = None
    if data.event is not None:
        event = visible(Event.objects.filter(region=found, pk=data.event)).first()
        if event is None:
            raise ApiError(400, "'event' must be the id of a public event of the region.", "event")
    record_feedback(
        FeedbackInput(
            region=found,
            page_id=page.pk,
            offer=offer,
            place=place,
            event=event,
            language_code=language,
            helpful=data.helpful,
            comment=data.comment,
        )
    )
    return created(request)


def created(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(dumps({"received": True}), content_type="application/json", status=201)
    response["Cache-Control"] = "no-store"
    return add_public_headers(response)
