"""The HTTP layer every public API answer goes through.

One place decides validators, caching, compression and CORS, so that /api/v1/ and the
Integreat-compatible /api/v3/ behave the same:

- The body is JSON, rendered once per region content version (`Region.content_version`)
  and day (offers expire and events pass at midnight), and kept in the cache together
  with its gzip and brotli forms. A conditional request whose validator still matches is
  answered 304 without building anything.
- Strong ETags: the hash of the identity body; a compressed form carries the same hash
  with the coding appended ("…-br"), because it is another representation.
- Last-Modified is the region's content version (or midnight, when the day changed it).
- GET answers carry `Access-Control-Allow-Origin: *`: the data is public.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import brotli
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.http import http_date, parse_http_date_safe
from django.views.decorators.csrf import csrf_exempt

from wir.core.hotpath import mark_public, region_version, version_of
from wir.core.models import Region

# Bodies smaller than this are sent as they are: compressing them costs more than it saves.
COMPRESS_MIN_BYTES = 512
CACHE_SECONDS = 24 * 60 * 60
# Browsers and the Integreat app may keep an answer for a minute, then must revalidate.
MAX_AGE = 60

JSON_TYPE = "application/json"


@dataclass(frozen=True)
class Representation:
    """A rendered answer in every coding we offer."""

    etag: str  # the hash, without quotes
    last_modified: datetime
    identity: bytes
    gzip: bytes | None
    br: bytes | None


class Encoded(bytes):
    """An answer already encoded as JSON, the bytes `dumps` would make of it (`dumps`
    passes it through): for builders that assemble their JSON from remembered parts."""


def dumps_text(data: Any) -> str:
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))


def dumps(data: Any) -> bytes:
    if isinstance(data, Encoded):
        return data
    return dumps_text(data).encode()


def represent(body: bytes, last_modified: datetime) -> Representation:
    etag = hashlib.sha256(body).hexdigest()[:32]
    compressed_gzip = compressed_br = None
    if len(body) >= COMPRESS_MIN_BYTES:
        compressed_gzip = gzip.compress(body, compresslevel=6, mtime=0)
        compressed_br = brotli.compress(body, quality=5)
    return Representation(etag, last_modified, body, compressed_gzip, compressed_br)


def content_last_modified(region: Region | None) -> datetime:
    """The validator's time: the region's content version, but not before today's midnight."""
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    if region is None:
        stamp = Region.objects.order_by().values_list("content_changed_at", "updated_at")
        latest = max((max(pair) for pair in stamp), default=midnight)
        return max(latest, midnight)
    return max(region.content_version, midnight)


def cache_key(request: HttpRequest, last_modified: datetime, vary: Iterable[str] = ()) -> str:
    query = sorted(request.GET.lists())
    raw = json.dumps(
        [request.path, query, last_modified.isoformat(), list(vary)], separators=(",", ":")
    )
    return "wir:api:" + hashlib.sha256(raw.encode()).hexdigest()


@dataclass(frozen=True)
class Validator:
    """What a conditional request is decided on, kept apart from the (large) bodies so
    that a 304 never loads them from the cache."""

    etag: str
    last_modified: datetime
    codings: tuple[str, ...]  # those with a body: "identity", and "gzip"/"br" if compressed

    @classmethod
    def of(cls, rep: Representation) -> Validator:
        codings = ("identity", *(c for c in ("gzip", "br") if getattr(rep, c) is not None))
        return cls(rep.etag, rep.last_modified, codings)


def choose_coding(request: HttpRequest, validator: Validator) -> str:
    accepted = request.headers.get("Accept-Encoding", "")
    codings = {
        part.split(";")[0].strip().lower()
        for part in accepted.split(",")
        if part.strip() and not part.strip().endswith(";q=0")
    }
    for coding in ("br", "gzip"):
        if coding in validator.codings and coding in codings:
            return coding
    return "identity"


def etag_for(validator: Validator, coding: str) -> str:
    return f'"{validator.etag}"' if coding == "identity" else f'"{validator.etag}-{coding}"'


def not_modified(request: HttpRequest, validator: Validator) -> bool:
    """RFC 9110 §13.2.2: If-None-Match wins over If-Modified-Since."""
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        if if_none_match.strip() == "*":
            return True
        for tag in if_none_match.split(","):
            tag = tag.strip().removeprefix("W/").strip('"')
            if tag.split("-")[0] == validator.etag:
                return True
        return False
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return since is not None and int(validator.last_modified.timestamp()) <= since


def add_public_headers(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag, Last-Modified"
    response["Vary"] = "Accept-Encoding"
    return response


def send(
    request: HttpRequest, validator: Validator, body_of: Callable[[str], bytes | None]
) -> HttpResponse | None:
    """The answer for `validator`: 304, or the body in the chosen coding (None when the
    body is no longer in the cache)."""
    coding = choose_coding(request, validator)
    headers = {
        "ETag": etag_for(validator, coding),
        "Last-Modified": http_date(validator.last_modified.timestamp()),
        "Cache-Control": f"public, max-age={MAX_AGE}",
    }
    response: HttpResponse
    if not_modified(request, validator):
        response = HttpResponseNotModified()
    else:
        body = body_of(coding)
        if body is None:
            return None
        response = HttpResponse(body, content_type=JSON_TYPE)
        if coding != "identity":
            response["Content-Encoding"] = coding
    for name, value in headers.items():
        response[name] = value
    return add_public_headers(response)


def cached_json(
    request: HttpRequest,
    build: Callable[[], Any],
    *,
    region: Region | None,
    vary: Iterable[str] = (),
) -> HttpResponse:
    """Answer with `build()` as JSON, rendered at most once per content version and day.

    `build` must depend only on the request's path and query, the region's public
    content and the date; anything else it depends on belongs in `vary`.
    """
    # The version is read before anything is built: the hot path (wir/core/hotpath.py)
    # keeps the answer for this version only.
    version = version_of(region) if region is not None else region_version(None)
    last_modified = content_last_modified(region)
    key = cache_key(request, last_modified, vary)
    validator: Validator | None = cache.get(key)
    if validator is not None:
        answer = send(request, validator, lambda coding: cache.get(f"{key}:{coding}"))
        if answer is not None:
            return _hot(answer, region, version, vary)
    rep = represent(dumps(build()), last_modified)
    validator = Validator.of(rep)
    bodies = {f"{key}:{coding}": getattr(rep, coding) for coding in validator.codings}
    cache.set_many({**bodies, key: validator}, CACHE_SECONDS)
    answer = send(request, validator, lambda coding: getattr(rep, coding))
    assert answer is not None  # every coding of the validator has its body here
    return _hot(answer, region, version, vary)


def _hot(
    answer: HttpResponse, region: Region | None, version: tuple[Any, ...] | None, vary: Any
) -> HttpResponse:
    """Let the hot path keep the answer, unless it depends on more than URL and content."""
    if list(vary) or version is None:
        return answer
    return mark_public(answer, region, version=version)


def json_error(request: HttpRequest, status: int, detail: str, **extra: Any) -> HttpResponse:
    """An error answer: {"detail": "...", ...}; never cached, always CORS-readable."""
    payload = {"detail": detail, **extra}
    response = HttpResponse(dumps(payload), content_type=JSON_TYPE, status=status)
    response["Cache-Control"] = "no-store"
    return add_public_headers(response)


@csrf_exempt
def unknown_address(request: HttpRequest) -> HttpResponse:
    """Any address below /api/ that no endpoint has: a JSON 404 like the endpoints' own,
    for every method (without this, a POST fell through to the site and got an HTML 403
    of the CSRF check, a GET the site's HTML 404)."""
    return json_error(request, 404, "No API endpoint at this address.")
