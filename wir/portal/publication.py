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


# Treebeard's path alphabet is 0-9A-Z: no path below `path` sorts after path + "ZZZ…".
PATH_MAX_LENGTH = 255


def subtree(path: str) -> Q:
    """Pages at or below the tree path `path`, as an index range as well as a prefix.

    Treebeard's `descendant_of` and `path__startswith` become `LIKE 'p%'`, which SQLite
    answers by scanning the whole page table (its LIKE is case-insensitive, so the path
    index cannot serve it): every region's request would cost more with every other
    region. The range lets both databases read only the region's part of the index."""
    return Q(path__startswith=path, path__gte=path, path__lte=path.ljust(PATH_MAX_LENGTH, "Z"))


def children(path: str, depth: int) -> Q:
    """The children of the page at `path` and `depth` (Wagtail's `child_of` is a LIKE)."""
    return subtree(path) & Q(depth=depth + 1)


def descendants(path: str, depth: int) -> Q:
    """The pages below the page at `path` and `depth`, without it."""
    return subtree(path) & Q(depth__gt=depth)
