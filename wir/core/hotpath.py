"""The hot path: anonymous public GETs answered from the cache before Django runs at all.

A view that renders a public answer marks it with `mark_public(response, region, ...)`:
"this answer depends only on the URL, the region's public content and the date". The
middleware (first in MIDDLEWARE) stores marked answers (headers and body, per URL and
content coding); HTML is stored compressed in the coding the visitor accepts (brotli or
gzip), as the API does. The next identical request is answered by `HotPathApplication`,
the WSGI wrapper around Django in wir/wsgi.py, before any request object, signal or
middleware exists: a cache lookup, one freshness check and the stored bytes. The check:
the region's content version must still be the version the answer was rendered from, and
the answer's `valid_until` (the next midnight, a page's expiry) must not have passed. On
SQLite each worker thread's persistent connection keeps the versions it read and asks
SQLite (`PRAGMA data_version`, its own `total_changes`) whether anything was committed
since; on PostgreSQL each process keeps the versions in memory and the database notifies
every process of every change as it commits (wir/core/versionwatch.py). So a hit costs
no query while nothing changed. The cache holds plain tuples (`Stored.entry`) with what a
304 needs worked out in advance, and a key once answered with a 304 keeps that data in the
process (`_revalidations`) under the same freshness check; the settings the key depends on
are read once (`conf`).
Anything unusual (an unknown host, a cookie, a database error) goes to Django instead,
whose middleware does the same lookup for the test client and for `runserver`.

Why it is never stale, on any worker or app server: the version lives in the database
(`Region.content_changed_at`, moved forward by `touch_region` on every publish, unpublish
and change; `Region.updated_at` for settings), which every worker reads on every hit, or,
on PostgreSQL, hears of from the primary when it changes (with `DATABASE_REPLICA_URL` too:
see wir/core/dbrouter.py); the cache only holds bodies. A cache that lost entries or a
worker with its own memory cache costs a render, never a stale answer.

Never shared between people: requests carrying the session cookie (signed-in staff) or
an Authorization header bypass the hot path both ways; only views that promise an answer
depends on nothing but URL and public content mark it; answers that set a cookie, say
`private`/`no-store`, or are not 200 are not stored. Answers are keyed by scheme, the
validated host, script name, path and query, and the chosen content coding (Vary:
Accept-Encoding); HEAD uses the GET entry without its body.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import brotli
from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.signals import setting_changed
from django.db import connections
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.http.request import split_domain_port, validate_host
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.http import parse_http_date_safe

from wir.core.models import Region
from wir.core.versionwatch import sqlite_version, watch_for

log = logging.getLogger(__name__)

MARK = "_wir_public"
PREFIX = "wir:hot2:"  # 2: entries are plain tuples (Stored.entry)
# Set by the WSGI wrapper when it looked and missed: the middleware does not look again.
LOOKED_UP = "wir.hotpath.looked_up"
# Headers a stored answer must not carry to another visitor.
NOT_STORED_HEADERS = frozenset({"set-cookie", "date", "content-length"})
# Headers a 304 repeats (RFC 9110 §15.4.5).
NOT_MODIFIED_HEADERS = frozenset({"etag", "cache-control", "last-modified", "vary", "expires"})
# Bodies worth compressing, and how hard (brotli 5 is about gzip's speed and smaller).
COMPRESSIBLE = ("text/", "application/json", "application/xml", "image/svg+xml")
MIN_COMPRESS = 512
BROTLI_QUALITY = 5
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

Version = tuple[int, ...]


@dataclass(frozen=True)
class Mark:
    region_id: int | None  # None: the answer depends on every active region (lists)
    version: Version
    valid_until: float  # epoch seconds


@dataclass(frozen=True)
class Stored:
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    etag: str
    mark: Mark

    def entry(self) -> Entry:
        """What the cache holds: a plain tuple (unpickled in a fifth of a dataclass's time),
        with what a revalidation needs worked out in advance: the entity tag's base and the
        headers of a 304."""
        not_modified = tuple((n, v) for n, v in self.headers if n.lower() in NOT_MODIFIED_HEADERS)
        modified = parse_http_date_safe(dict(self.headers).get("Last-Modified", ""))
        mark = self.mark
        return (
            self.status,
            self.headers,
            self.body,
            self.etag,
            _base(self.etag),
            not_modified,
            modified,
            mark.region_id,
            mark.version,
            mark.valid_until,
        )

    @classmethod
    def of(cls, entry: Entry) -> Stored:
        status, headers, body, etag, _tag, _nm, _modified, region_id, version, until = entry
        return cls(status, headers, body, etag, Mark(region_id, version, until))


# status, headers, body, etag, tag base, 304 headers, Last-Modified (epoch s), region id,
# version, valid until (epoch s)
Entry = tuple[
    int,
    tuple[tuple[str, str], ...],
    bytes,
    str,
    str,
    tuple[tuple[str, str], ...],
    int | None,
    int | None,
    Version,
    float,
]


# --- the version ------------------------------------------------------------------------
def instant(value: datetime | str | None) -> int:
    """A timestamp as microseconds since 1970, from the ORM or from a raw cursor (SQLite
    gives text, PostgreSQL an aware datetime)."""
    if value is None:
        return 0
    if isinstance(value, str):
        parsed = parse_datetime(value)
        if parsed is None:
            raise ValueError(f"not a timestamp: {value!r}")
        value = parsed
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return (value - EPOCH) // timedelta(microseconds=1)


def version_of(region: Region) -> Version:
    """The content version of a region object as loaded (read it before rendering)."""
    return (instant(region.updated_at), instant(region.content_changed_at))


def _version_sql(region_id: int | None) -> tuple[str, list[Any]]:
    table = Region._meta.db_table  # the model's own table name, never input
    if region_id is None:
        return (
            f"SELECT MAX(updated_at), MAX(content_changed_at), COUNT(*) FROM {table} "  # noqa: S608
            "WHERE is_active",
            [],
        )
    return (
        f"SELECT updated_at, content_changed_at FROM {table} WHERE id = %s AND is_active",  # noqa: S608
        [region_id],
    )


def region_version(region_id: int | None, using: str = "default") -> Version | None:
    """The public content version: of one active region, or of all (one small query).

    Read from `using`, the primary by default: a replica that lags would answer an old
    version and keep an old answer alive."""
    sql, params = _version_sql(region_id)
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return None
    if region_id is None:
        return (instant(row[0]), instant(row[1]), int(row[2]))
    return (instant(row[0]), instant(row[1]))


def next_midnight(now: datetime | None = None) -> datetime:
    local = timezone.localtime(now)
    return (local + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)


def mark_public(
    response: HttpResponse,
    region: Region | None,
    *,
    version: Version | None = None,
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
        version = version_of(region)
    until = next_midnight()
    if valid_until is not None and valid_until < until:
        until = valid_until
    setattr(response, MARK, Mark(region.pk if region else None, version, until.timestamp()))
    return response


# --- the key ----------------------------------------------------------------------------
def coding_of(accept_encoding: str) -> str:
    coding = _codings.get(accept_encoding)
    if coding is None:
        coding = _coding_of(accept_encoding)
        _keep(_codings, accept_encoding, coding, CODINGS_KEPT)
    return coding


def _keep(memory: dict[Any, Any], key: Any, value: Any, most: int) -> None:
    """Note `value` in a memory filled from what visitors send (any header, any key): once
    it holds `most` entries it is emptied, so it never grows past that."""
    if len(memory) >= most:
        memory.clear()
    memory[key] = value


CODINGS_KEPT = 64
_codings: dict[str, str] = {}


def _coding_of(accept_encoding: str) -> str:
    codings = {
        part.split(";")[0].strip()
        for part in accept_encoding.lower().split(",")
        if part.strip() and not part.replace(" ", "").endswith(";q=0")
    }
    for coding in ("br", "gzip"):
        if coding in codings:
            return coding
    return "identity"


@dataclass(frozen=True)
class Conf:
    """The settings the key depends on, read once (and again after `setting_changed`, which
    only tests send): a hit must not pay a dozen lookups in Django's settings object."""

    session_cookie: str
    not_cached: tuple[str, ...]  # path prefixes
    proxy_header: tuple[str, str] | None
    forwarded_host: bool
    allowed_hosts: tuple[str, ...]
    hosts: dict[str, bool]  # host header → valid (bounded; filled as hosts are seen)


HOSTS_KEPT = 64  # distinct host headers remembered; more empty the memory (any can be sent)
_conf: Conf | None = None


def conf() -> Conf:
    global _conf
    current = _conf
    if current is None:
        allowed = list(settings.ALLOWED_HOSTS)
        if settings.DEBUG and not allowed:
            allowed = [".localhost", "127.0.0.1", "[::1]"]
        current = _conf = Conf(
            session_cookie=settings.SESSION_COOKIE_NAME + "=",
            not_cached=(settings.STATIC_URL or "/static/", "/admin/"),
            proxy_header=getattr(settings, "SECURE_PROXY_SSL_HEADER", None) or None,
            forwarded_host=bool(settings.USE_X_FORWARDED_HOST),
            allowed_hosts=tuple(allowed),
            hosts={},
        )
    return current


def _forget_conf(**_kwargs: Any) -> None:
    global _conf
    _conf = None


setting_changed.connect(_forget_conf, dispatch_uid="wir.core.hotpath.conf")


def _scheme(meta: dict[str, Any], config: Conf) -> str:
    proxy_header = config.proxy_header
    if proxy_header:
        header, secure = proxy_header
        if meta.get(header) is not None:
            return "https" if meta.get(header, "").split(",")[0].strip() == secure else "http"
    return str(meta.get("wsgi.url_scheme", "http"))


def _host(meta: dict[str, Any], config: Conf, scheme: str) -> str | None:
    """The host as Django would take it, or None when Django would refuse it (a 400)."""
    if config.forwarded_host and "HTTP_X_FORWARDED_HOST" in meta:
        host = str(meta["HTTP_X_FORWARDED_HOST"])
    elif "HTTP_HOST" in meta:
        host = str(meta["HTTP_HOST"])
    else:
        host = str(meta.get("SERVER_NAME", ""))
        port = str(meta.get("SERVER_PORT", ""))
        if port != ("443" if scheme == "https" else "80"):
            host = f"{host}:{port}"
    valid = config.hosts.get(host)
    if valid is None:
        domain, _port = split_domain_port(host)
        valid = bool(domain) and validate_host(domain, config.allowed_hosts)
        _keep(config.hosts, host, valid, HOSTS_KEPT)
    return host if valid else None


def key_of(meta: dict[str, Any]) -> str | None:
    """The cache key of a request from its WSGI environ (`request.META`), or None when the
    request may not be answered from the cache."""
    if meta.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return None
    config = conf()
    if "HTTP_AUTHORIZATION" in meta or config.session_cookie in meta.get("HTTP_COOKIE", ""):
        return None
    # A client that asks for an answer from the origin (a hard reload) gets one.
    if "no-cache" in meta.get("HTTP_CACHE_CONTROL", "") or "no-cache" in meta.get(
        "HTTP_PRAGMA", ""
    ):
        return None
    path = str(meta.get("PATH_INFO", ""))
    if path.startswith(config.not_cached):
        return None
    scheme = _scheme(meta, config)
    host = _host(meta, config, scheme)
    if host is None:
        return None
    raw = "\n".join(
        [
            scheme,
            host,
            str(meta.get("SCRIPT_NAME", "")),
            path,
            str(meta.get("QUERY_STRING", "")),
            coding_of(str(meta.get("HTTP_ACCEPT_ENCODING", ""))),
        ]
    )
    # 128 bits: a second request that hits another's key by chance or on purpose would
    # need about 2**128 tries; short keys are checked faster by the cache.
    digest = hashlib.blake2b(raw.encode("utf-8", "surrogateescape"), digest_size=16)
    return PREFIX + digest.hexdigest()


def cache_key(request: HttpRequest) -> str | None:
    return key_of(request.META)


# --- answering ---------------------------------------------------------------------------
def _base(tag: str) -> str:
    """The hash of an entity tag without its coding ("…-br"): one content, any coding."""
    return tag.strip().removeprefix("W/").strip('"').split("-")[0]


def _tag_matches(condition: str, tag: str) -> bool:
    """If-None-Match names the tag (any coding of it) or says "*"."""
    if condition.strip() == "*":
        return True
    return any(_base(each) == tag for each in condition.split(","))


def _not_modified(meta: dict[str, Any], tag: str, modified: int | None) -> bool:
    """RFC 9110 §13.2.2: If-None-Match decides when present, else If-Modified-Since."""
    condition = meta.get("HTTP_IF_NONE_MATCH")
    if condition is not None:
        return _tag_matches(condition, tag)
    since = meta.get("HTTP_IF_MODIFIED_SINCE")
    if since is None or modified is None:
        return False
    since_seconds = parse_http_date_safe(since)
    return since_seconds is not None and modified <= since_seconds


def current_version(region_id: int | None) -> Version | None:
    """The version a stored answer is checked against: from the process's memory kept
    current by the database's notifications on PostgreSQL, on SQLite from the connection's
    memory while the database file is unchanged (wir/core/versionwatch.py); else read."""
    watch = watch_for("default")
    if watch is None:
        return sqlite_version(region_id, region_version)
    return watch.version(region_id, region_version)


def stored_answer(key: str) -> Stored | None:
    """The answer kept under `key` (tests, inspection)."""
    entry = cache.get(key)
    return None if entry is None else Stored.of(entry)


def keep_answer(key: str, stored: Stored) -> None:
    """Keep `stored` under `key` until its mark's end."""
    seconds = max(1, int(stored.mark.valid_until - time.time()))
    cache.set(key, stored.entry(), seconds)


# What a revalidation needs, per cache key, kept by the process: the entity tag's base, the
# 304's headers and the version and end of the answer they were taken from. A client that
# sends If-None-Match for it gets its 304 without a cache lookup while that version is
# current and the end lies ahead: the same check the stored answer would have to pass, and
# a tag is true for as long as its version is. Filled from answers sent as a 304 already.
Revalidation = tuple[str, tuple[tuple[str, str], ...], int | None, Version, float]
REVALIDATIONS_KEPT = 1024  # more empty the memory
_revalidations: dict[str, Revalidation] = {}


def fresh_answer(meta: dict[str, Any], key: str) -> tuple[int, list[tuple[str, str]], bytes] | None:
    """Status, headers and body for this request from the cache, or None."""
    condition = meta.get("HTTP_IF_NONE_MATCH")
    if condition is not None:
        known = _revalidations.get(key)
        if known is not None:
            tag, not_modified, region_id, version, until = known
            if (
                _tag_matches(condition, tag)
                and time.time() < until
                and current_version(region_id) == version
            ):
                return 304, list(not_modified), b""
    entry: Entry | None = caches[DEFAULT_CACHE_ALIAS].get(key)
    if entry is None:
        return None
    status, headers, body, _etag, tag, not_modified, modified, region_id, version, until = entry
    if time.time() >= until or current_version(region_id) != version:
        return None
    if _not_modified(meta, tag, modified):
        if condition is not None:
            revalidation = (tag, not_modified, region_id, version, until)
            _keep(_revalidations, key, revalidation, REVALIDATIONS_KEPT)
        return 304, list(not_modified), b""
    sent = [*headers, ("Content-Length", str(len(body)))]
    return status, sent, b"" if meta.get("REQUEST_METHOD") == "HEAD" else body


def forget_revalidations() -> None:
    """Drop the process's revalidation memory (tests that rebuild the database)."""
    _revalidations.clear()


def _as_response(status: int, headers: list[tuple[str, str]], body: bytes) -> HttpResponse:
    response = HttpResponseNotModified() if status == 304 else HttpResponse(body, status=status)
    for name, value in headers:
        response[name] = value
    return response


# --- storing -----------------------------------------------------------------------------
def _storable(response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    # `Vary: Cookie` is not a reason: the answer was built for a request without a session
    # cookie (an empty session at most), as every request the hot path answers is.
    cache_control = response.get("Cache-Control", "").lower()
    return "private" not in cache_control and "no-store" not in cache_control


def _add_vary(response: HttpResponse, header: str) -> None:
    present = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
    if header.lower() not in {v.lower() for v in present}:
        response["Vary"] = ", ".join([*present, header])


def compress(response: HttpResponse, coding: str) -> None:
    """Compress an uncompressed text answer into `coding` (br or gzip), in place."""
    if coding == "identity" or response.has_header("Content-Encoding"):
        return
    if not response.get("Content-Type", "").startswith(COMPRESSIBLE):
        return
    body = response.content
    if len(body) < MIN_COMPRESS:
        return
    if coding == "br":
        packed = brotli.compress(body, quality=BROTLI_QUALITY)
    else:
        packed = gzip.compress(body, compresslevel=6, mtime=0)
    response.content = packed
    response["Content-Length"] = str(len(packed))
    response["Content-Encoding"] = coding
    _add_vary(response, "Accept-Encoding")
    tag = response.get("ETag")
    if tag:  # one content, another coding: the tag's base stays, its coding is appended
        response["ETag"] = '"' + _base(tag) + "-" + coding + '"'


def _store(key: str, response: HttpResponse, mark: Mark, coding: str) -> None:
    if not response.has_header("ETag"):
        digest = hashlib.sha256(response.content).hexdigest()[:32]
        response["ETag"] = f'"{digest}"'
    compress(response, coding)
    headers = tuple(
        (name, value) for name, value in response.items() if name.lower() not in NOT_STORED_HEADERS
    )
    stored = Stored(response.status_code, headers, response.content, response["ETag"], mark)
    try:
        keep_answer(key, stored)
    except Exception:  # a cache that is down costs renders, never the answer
        log.warning("hot path could not store an answer", exc_info=True)


class PublicAnswerCacheMiddleware:
    """First in MIDDLEWARE: stores marked answers; answers from the cache when the WSGI
    wrapper did not already look (test client, runserver)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = key_of(request.META)
        if key is None:
            return self.get_response(request)
        if not request.META.get(LOOKED_UP):
            try:
                answer = fresh_answer(request.META, key)
            except Exception:  # the cache is down: Django answers
                log.warning("hot path lookup failed; Django answers", exc_info=True)
                answer = None
            if answer is not None:
                return _as_response(*answer)
        response = self.get_response(request)
        mark: Mark | None = getattr(response, MARK, None)
        if mark is not None and _storable(response) and request.method == "GET":
            _store(key, response, mark, coding_of(request.headers.get("Accept-Encoding", "")))
        return response


STATUS_LINES = {200: "200 OK", 304: "304 Not Modified"}


class HotPathApplication:
    """WSGI wrapper around Django: a fresh cached answer is sent without building a request.

    Every failure (cache or database unreachable, a broken connection) falls through to
    Django, which answers the request itself, so the hot path can only make things faster.
    """

    def __init__(self, application: Callable[..., Iterable[bytes]]) -> None:
        self.application = application

    def __call__(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        try:
            key = key_of(environ)
            answer = fresh_answer(environ, key) if key is not None else None
        except Exception:  # the cache or database failed: Django answers
            log.warning("hot path lookup failed; Django answers", exc_info=True)
            connections["default"].close()  # a broken connection is opened anew next time
            answer = None
        if answer is None:
            environ[LOOKED_UP] = True
            return self.application(environ, start_response)
        status, headers, body = answer
        start_response(STATUS_LINES.get(status, f"{status} "), headers)
        return [body]
