"""What a visitor may see of content with scheduled expiry.

Wagtail unpublishes pages, offers and events whose `expire_at` has passed only when
`manage.py publish_scheduled` runs; until then they are still `live`. The public site does
not rely on that command having run: its querysets ask for `visible(...)` and the page
view refuses an expired page (see `wir.portal.wagtail_hooks`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from django.db.models import Model, Q, QuerySet
from django.utils import timezone

QS = TypeVar("QS", bound=QuerySet[Any])


def unexpired(now: datetime | None = None) -> Q:
    """Condition "no expiry, or not yet expired" for a model with `expire_at`."""
    return Q(expire_at__isnull=True) | Q(expire_at__gt=now or timezone.now())


def visible(queryset: QS, now: datetime | None = None) -> QS:
    """The live rows of `queryset` (pages, offers, events) whose expiry has not passed."""
    return queryset.filter(Q(live=True) & unexpired(now))


def is_expired(item: Model, now: datetime | None = None) -> bool:
    expire_at = getattr(item, "expire_at", None)
    return expire_at is not None and expire_at <= (now or timezone.now())
