"""Receiving feedback: validation, a rate limit that stores no address, the write."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from wir.core.models import Region
from wir.portal.models import Event, Feedback, Offer, Place

RATE_LIMIT = 10  # submissions per address and hour


def rate_limited(remote_address: str) -> bool:
    """True when this address sent too much feedback this hour.

    The address is only hashed with the secret key and the hour into a cache key; it is
    never stored in the database or logs.
    """
    hour = timezone.now().strftime("%Y%m%d%H")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{hour}:{remote_address}".encode()).hexdigest()
    key = f"feedback:{digest[:32]}"
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=3600)
        count = 1
    return count > RATE_LIMIT


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
    return Feedback.objects.create(
        region=data.region,
        page_id=data.page_id,
        offer=data.offer,
        place=data.place,
        event=data.event,
        language_code=data.language_code,
        helpful=data.helpful,
        comment=data.comment.strip()[:1000],
    )
