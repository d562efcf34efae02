"""A per-address, per-hour limit that stores no address: for public forms.

The counters live in the cache alias "limits" (`WIR_LIMITS_CACHE_URL`), apart from the
rendered answers, so that many distinct public requests cannot push them out. The address
is the visitor's, also behind proxies (`client_address`); the sign-in lock-out uses the same.
"""

from __future__ import annotations

import hashlib
import ipaddress

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest
from django.utils import timezone

LIMITS_CACHE = "limits"


def _valid_address(text: str) -> str | None:
    """The address in canonical form, or None when `text` is no IP address."""
    text = text.strip()
    if text.startswith("[") and "]" in text:  # "[2001:db8::1]:443"
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # "192.0.2.1:443"
        text = text.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str:
    """The visitor's address: behind `WIR_TRUSTED_PROXIES` = N proxies the N-th entry of
    X-Forwarded-For from the right (each trusted proxy appends the address it saw, so
    anything further left may be forged by the visitor); without proxies, or when the
    header is missing or malformed, the connection's own address."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    proxies: int = getattr(settings, "WIR_TRUSTED_PROXIES", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies <= 0 or not forwarded:
        return remote
    entries = [entry for entry in forwarded.split(",") if entry.strip()]
    if not entries:
        return remote
    # Fewer entries than proxies: the request skipped an outer proxy; every entry present
    # was still appended by a trusted one, the left-most is the nearest to the visitor.
    chosen = entries[-proxies] if len(entries) >= proxies else entries[0]
    return _valid_address(chosen) or remote


def over_limit(scope: str, remote_address: str, per_hour: int) -> bool:
    """Count one attempt of this address in `scope`; True when it exceeds `per_hour`.

    The address is only hashed with the secret key and the hour into a cache key; it is
    never stored in the database or logs.
    """
    cache = caches[LIMITS_CACHE]
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


def request_over_limit(scope: str, request: HttpRequest, per_hour: int) -> bool:
    """`over_limit` for the visitor of `request` (see `client_address`)."""
    return over_limit(scope, client_address(request), per_hour)
