"""The hot path: anonymous public GETs answered from the cache before any other middleware.

A view that renders a public answer marks it with `mark_public(response, region, ...)`:
"this answer depends only on the URL, the region's public content and the date". The
middleware stores marked answers (headers and body, per URL and content coding) and
answers the next identical request from the cache after one freshness check: the
region's content version, read from the database in one small query, must still be the
version the answer was rendered from, and the answer's `valid_until` (the next midnight,
a page's expiry) must not have passed. Nothing else runs: no session, no CSRF, no
template.

Why it is never stale, on any worker or app server: the version lives in the database
(`Region.content_changed_at`, moved forward by `touch_region` on every publish, unpublish
and change; `Region.updated_at` for settings), which every worker reads; the cache only
holds bodies. A cache that lost entries or a worker with its own memory cache costs a
render, never a stale answer.

Never shared between people: requests carrying the session cookie (signed-in staff) or
an Authorization header bypass the hot path both ways; only views that promise an answer
depends on nothing but URL and public content mark it; answers that set a cookie, say
`private`/`no-store`, or are not 200 are not stored. Answers are keyed by
scheme, host, path and query, the chosen content coding (Vary: Accept-Encoding) and the
method's body-less HEAD variant uses the same entry.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils import timezone

from wir.core.models import Region

MARK = "_wir_public"
PREFIX = "wir:hot:"
# Headers a stored answer must not carry to another visitor.
NOT_STORED_HEADERS = frozenset({"set-cookie", "date"})
# Headers a 304 repeats (RFC 9110 §15.4.5).
NOT_MODIFIED_HEADERS = ("etag", "cache-control", "last-modified", "vary", "expires")


@dataclass(frozen=True)
class Mark:
    region_id: int | None  # None: the answer depends on every active region (lists)
    version: tuple[Any, ...]
    valid_until: float  # epoch seconds


@dataclass(frozen=True)
class Stored:
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    etag: str
    mark: Mark


def region_version(region_id: int | None) -> tuple[Any, ...] | None:
    """The public content version: of one active region, or of all (one query)."""
    if region_id is None:
        found = Region.objects.filter(is_active=True).aggregate(
            updated=Max("updated_at"), changed=Max("content_changed_at"), count=Count("pk")
        )
        return (found["updated"], found["changed"], found["count"])
    row = (
        Region.objects.filter(pk=region_id, is_active=True)
        .values_list("updated_at", "content_changed_at")
        .first()
    )
    return None if row is None else tuple(row)


def next_midnight(now: datetime | None = None) -> datetime:
    local = timezone.localtime(now)
    return (local + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)


def mark_public(
    response: HttpResponse,
    region: Region | None,
    *,
    version: tuple[Any, ...] | None = None,
    valid_until: datetime | None = None,
) -> HttpResponse:
    """Allow the hot path to keep `response` for anonymous visitors.

    `region` is the region whose public content the answer shows (None: every region's,
    e.g. the region list); its version must be read before the answer was built (the
    region object loaded at the start of the request carries it). The answer is kept at
    most until the next midnight, or `valid_until` if earlier.
    """
    if version is None:
        if region is None:
            # Read after building would miss a change made meanwhile: the caller reads it
            # first (`region_version(None)`) and passes it.
            raise ValueError("An answer about every region needs the version read before it.")
        version = (region.updated_at, region.content_changed_at)
    until = next_midnight()
    if valid_until is not None and valid_until < until:
        until = valid_until
    setattr(response, MARK, Mark(region.pk if region else None, version, until.timestamp()))
    return response


def _coding(request: HttpRequest) -> str:
    accepted = request.headers.get("Accept-Encoding", "").lower()
    codings = {
        part.split(";")[0].strip()
        for part in accepted.split(",")
        if part.strip() and not part.replace(" ", "").endswith(";q=0")
    }
    for coding in ("br", "gzip"):
        if coding in codings:
            return coding
    return "identity"


def cache_key(request: HttpRequest) -> str:
    raw = "\n".join(
        [request.scheme or "", request.get_host(), request.get_full_path(), _coding(request)]
    )
    return PREFIX + hashlib.sha256(raw.encode()).hexdigest()


def _eligible(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "Authorization" in request.headers:
        return False
    return not request.path.startswith((settings.STATIC_URL or "/static/", "/admin/"))


def _storable(response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    # `Vary: Cookie` is not a reason: the answer was built for a request without a session
    # cookie (an empty session at most), as every request the hot path answers is.
    cache_control = response.get("Cache-Control", "").lower()
    return "private" not in cache_control and "no-store" not in cache_control


def _base(tag: str) -> str:
    """The hash of an entity tag without its coding ("…-br"): one content, any coding."""
    return tag.strip().removeprefix("W/").strip('"').split("-")[0]


def _matches(request: HttpRequest, etag: str) -> bool:
    header = request.headers.get("If-None-Match")
    if header is None:
        return False
    if header.strip() == "*":
        return True
    return any(_base(tag) == _base(etag) for tag in header.split(","))


def _answer(request: HttpRequest, stored: Stored) -> HttpResponse:
    response: HttpResponse
    if _matches(request, stored.etag):
        response = HttpResponseNotModified()
        for name, value in stored.headers:
            if name.lower() in NOT_MODIFIED_HEADERS:
                response[name] = value
        return response
    response = HttpResponse(b"" if request.method == "HEAD" else stored.body, status=stored.status)
    for name, value in stored.headers:
        response[name] = value
    if request.method == "HEAD":
        response["Content-Length"] = str(len(stored.body))
    return response


def _store(key: str, response: HttpResponse, mark: Mark) -> None:
    etag = response.get("ETag") or '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
    response["ETag"] = etag
    headers = tuple(
        (name, value) for name, value in response.items() if name.lower() not in NOT_STORED_HEADERS
    )
    seconds = max(1, int(mark.valid_until - timezone.now().timestamp()))
    cache.set(key, Stored(response.status_code, headers, response.content, etag, mark), seconds)


class PublicAnswerCacheMiddleware:
    """First in MIDDLEWARE: a cached anonymous answer costs a lookup and one small query."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _eligible(request):
            return self.get_response(request)
        key = cache_key(request)
        stored: Stored | None = cache.get(key)
        if stored is not None and self._fresh(stored.mark):
            return _answer(request, stored)
        response = self.get_response(request)
        mark: Mark | None = getattr(response, MARK, None)
        if mark is not None and _storable(response) and request.method == "GET":
            _store(key, response, mark)
        return response

    @staticmethod
    def _fresh(mark: Mark) -> bool:
        if timezone.now().timestamp() >= mark.valid_until:
            return False
        return region_version(mark.region_id) == mark.version
