"""A per-address, per-hour limit that stores no address: for public forms."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone


def over_limit(scope: str, remote_address: str, per_hour: int) -> bool:
    """Count one attempt of this address in `scope`; True when it exceeds `per_hour`.

    The address is only hashed with the secret key and the hour into a cache key; it is
    never stored in the database or logs.
    """
    hour = timezone.now().strftime("%Y%m%d%H")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{hour}:{remote_address}".encode()).hexdigest()
    key = f"{scope}:{digest[:32]}"
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=3600)
        count = 1
    return count > per_hour
