"""Receiving feedback: validation, a rate limit that stores no address, the write."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest

from wir.core.models import Region
from wir.core.personal_data import without_contact_data
from wir.core.ratelimit import request_over_limit
from wir.portal.models import Event, Feedback, Offer, Place

RATE_LIMIT = 10  # submissions per address and hour


def rate_limited(request: HttpRequest) -> bool:
    """True when this visitor sent too much feedback this hour (no address is stored)."""
    return request_over_limit("feedback", request, RATE_LIMIT)


@dataclass(frozen=True)
class FeedbackInput:
    region: Region
    page_id: int | None
    offer: Offer | None
    language_code: str
    helpful: bool | None  # None: a comment without a rating (Integreat app)
    comment: str
    place: Place | None = None
    event: Event | None = None


def record_feedback(data: FeedbackInput) -> Feedback:
    """Store feedback from any channel; e-mail addresses and phone numbers written into
    the comment are removed here, so that no channel keeps them."""
    return Feedback.objects.create(
        region=data.region,
        page_id=data.page_id,
        offer=data.offer,
        place=data.place,
        event=data.event,
        language_code=data.language_code,
        helpful=data.helpful,
        comment=without_contact_data(data.comment).strip()[:1000],
    )
