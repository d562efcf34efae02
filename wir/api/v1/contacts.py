"""/api/v1/regions/{region}/{language}/contacts/: contacts by topic field (roles, never persons)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router

from wir.api.http import cached_json
from wir.api.pagination import ApiError, paginate
from wir.api.resolve import home_or_404, region_or_404
from wir.api.v1 import schemas
from wir.api.v1 import serializers as out
from wir.api.v1.schemas import ERRORS
from wir.core.translations import localized
from wir.portal.models import Contact
from wir.portal.models.contacts import Topic

router = Router()


@router.get(
    "/regions/{region}/{language}/contacts/",
    response={200: schemas.PageOf[schemas.ContactOut], **ERRORS},
    tags=["contacts"],
)
def contacts(
    request: HttpRequest, region: str, language: str, topic: str | None = None
) -> HttpResponse:
    """Contacts by topic field: roles of offices, never persons."""
    found = region_or_404(region)
    home_or_404(found, language)
    if topic is not None and topic not in Topic.values:
        raise ApiError(400, f"Unknown 'topic'. Known: {', '.join(Topic.values)}.", "topic")
    rows = localized(Contact.objects.filter(region=found), language).select_related(
        "place", "locale"
    )
    if topic is not None:
        rows = rows.filter(topic=topic)
    rows = rows.order_by("topic", "position", "role", "pk")
    return cached_json(
        request,
        lambda: paginate(request, rows, lambda chunk: [out.contact_out(c) for c in chunk]),
        region=found,
    )
