"""Incremental bundle builds: a document is rendered again only when something it read changed.

Every build records, per document, what the rendering read: each SQL query with its
parameters (Django's execute wrapper on every connection), and whether it read the clock.
At the end it runs each distinct query once more and keeps a digest of its rows. The next
build of the same region, language and day (in the same process: the worker builds one
after the other) runs the recorded queries again before it renders; a document is reused
(its bytes from the blob store, not rendered) when

- every query it ran answers the same rows now (digests equal), and
- it did not read the clock other than through the checks listed in `CLOCK_CHECKS`
  (expiry filters, "open now" that offline copies never show, today's date), and
- no row of a table with `expire_at` expired since the previous build started (the expiry
  filters compare with the time of the build, which the digests cannot see), and
- it wrote nothing (a write makes a render something else than a read of the content).

Why that gives the bytes of a cold build: a document is a function of the rows its queries
return, the day, the code and the deployed static files. Nothing else of one document is
known to another: what the build remembers across documents (wir/core/memo.py) is charged
to each document that uses it and handed out as a copy of what was computed, the
Django caches answer nothing during a build (so a cached answer can never hide a query),
and the region object the search page and the index use is read inside the document. The
day, the static files and the bundle format are in the bundle key; the code is the code of
this process (records are kept in memory only, a restart builds cold once). What the rows
of a query contain is compared without the bookkeeping columns no page shows (`UNSHOWN`:
the publish and revision stamps of pages and snippets, the region's version stamps),
otherwise every publish would touch every page that lists the edited one.

A record is kept only when the region's content version did not move between the start of
the build and the digests: a publish meanwhile leaves the next build cold.
"""

from __future__ import annotations

import hashlib
import re
import sys
import threading
from collections.abc import Callable, Hashable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.db import DatabaseError, connections, models
from django.utils import timezone

from wir.core.memo import note_read, reads_into, recording, remembered
from wir.core.models import Region
from wir.offline.documents import Document

CLOCK: Hashable = ("clock",)  # the document read the time of day
UNTRACKED: Hashable = ("untracked",)  # a write, or a query whose parameters we cannot key

# Columns no public page or bundle file shows, by table ("*": any table).
UNSHOWN = {
    "*": {
        "last_published_at",
        "latest_revision_created_at",
        "latest_revision_id",
        "live_revision_id",
        "has_unpublished_changes",
    },
    Region._meta.db_table: {"updated_at", "content_changed_at"},
}

# Reads of the clock that cannot change a saved document within one day: the expiry
# filters (see `expired_since`), the "open now" of directory and place pages (offline
# copies never show it; their queries use the date), the cache headers' next midnight.
CLOCK_CHECKS = {
    ("wir/portal/publication.py", "unexpired"),
    ("wir/portal/publication.py", "is_expired"),
    ("wir/portal/models/offers.py", "public"),
    ("wir/portal/views/directory.py", "directory_listing"),
    ("wir/portal/views/directory.py", "_place_context"),
    ("wir/core/hotpath.py", "next_midnight"),
}


@dataclass(frozen=True)
class Entry:
    """A document of the previous build: where its bytes are, and what it read (None: it
    cannot be reused)."""

    hash: str
    content_type: str
    reads: frozenset[Hashable] | None


@dataclass
class Record:
    day: date
    started: datetime
    entries: dict[str, Entry] = field(default_factory=dict)
    digests: dict[Hashable, str | None] = field(default_factory=dict)


_records: dict[tuple[str, int, str], Record] = {}
_records_lock = threading.Lock()


def _record_key(region: Region, language: str) -> tuple[str, int, str]:
    return (str(settings.WIR_OFFLINE_DIR), region.pk, language)


def forget(region: Region | None = None, language: str | None = None) -> None:
    """Drop the records (of one region and language): the next build is cold."""
    with _records_lock:
        if region is None:
            _records.clear()
        else:
            _records.pop(_record_key(region, language or ""), None)


# --- what a rendering reads -------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return tuple(_plain(item) for item in value)
    if isinstance(value, memoryview):
        return bytes(value)
    if isinstance(value, dict):
        return tuple(sorted((key, _plain(item)) for key, item in value.items()))
    return value


def _wrapper(alias: str, texts: dict[str, str]) -> Callable[..., Any]:
    def record(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        if recording():
            if many or sql.lstrip()[:6].upper() != "SELECT":
                note_read(UNTRACKED)
            else:
                key: Hashable = ("q", alias, texts.setdefault(sql, sql), _plain(params or ()))
                try:
                    hash(key)
                except TypeError:
                    key = UNTRACKED
                note_read(key)
        return execute(sql, params, many, context)

    return record


_clock_lock = threading.Lock()
_clock_installed = False
_django_now = timezone.now  # Django's own, whatever a test puts in its place later
_timezone_file = timezone.__file__


def _clock_check(frame: Any) -> bool:
    """Whether the caller that asked for the time (skipping Django's own helpers) is one of
    `CLOCK_CHECKS`, or asked for today's date only."""
    while frame is not None and frame.f_code.co_filename == _timezone_file:
        if frame.f_code.co_name == "localdate":
            return True  # the day: in the bundle key and in the record
        frame = frame.f_back
    if frame is None:
        return False
    filename = frame.f_code.co_filename.replace("\\", "/")
    return any(
        filename.endswith(path) and frame.f_code.co_name == name for path, name in CLOCK_CHECKS
    )


def _install_clock() -> None:
    """Let reads of `django.utils.timezone.now` during a recording mark the document (once
    per process; not while something else stands in for Django's clock, e.g. in a test)."""
    global _clock_installed
    with _clock_lock:
        if _clock_installed or timezone.now is not _django_now:
            return

        def now() -> datetime:
            if recording() and not _clock_check(sys._getframe(1)):
                note_read(CLOCK)
            return _django_now()

        timezone.now = now
        _clock_installed = True


@contextmanager
def _recording_build() -> Iterator[None]:
    """Every connection records its queries; the caches of this thread answer nothing."""
    _install_clock()
    with ExitStack() as stack:
        for connection in connections.all():
            stack.enter_context(connection.execute_wrapper(_wrapper(connection.alias, {})))
        saved = {alias: caches[alias] for alias in settings.CACHES}
        for alias in settings.CACHES:
            caches[alias] = DummyCache("", {})
        try:
            yield
        finally:
            for alias, cache in saved.items():
                caches[alias] = cache


# --- digests of query results -------------------------------------------------------------

_COLUMN = re.compile(r'"(\w+)"\."(\w+)"')
_SELECT_LIST = re.compile(r"\s*SELECT\s+(?:DISTINCT\s+)?(.*?)\s+FROM\s", re.S)


@lru_cache(maxsize=4096)
def _unshown_positions(sql: str, count: int) -> frozenset[int]:
    """Positions of `UNSHOWN` columns in the select list (none when it is not a plain list
    of columns: then every column counts)."""
    match = _SELECT_LIST.match(sql)
    if match is None:
        return frozenset()
    items = match.group(1).split(", ")
    if len(items) != count:
        return frozenset()
    positions = set()
    for position, item in enumerate(items):
        column = _COLUMN.fullmatch(item.strip())
        if column is None:
            continue
        table, name = column.groups()
        if name in UNSHOWN["*"] or name in UNSHOWN.get(table, ()):
            positions.add(position)
    return frozenset(positions)


def _digest(key: Hashable) -> str | None:
    """The digest of what the recorded query answers now; None when it fails."""
    query: tuple[str, str, str, Any] = key  # type: ignore[assignment]
    _kind, alias, sql, params = query
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
            count = len(cursor.description or ())
    except DatabaseError:
        return None
    skip = _unshown_positions(sql, count)
    digest = hashlib.sha256()
    for row in rows:
        kept = tuple(_plain(value) for position, value in enumerate(row) if position not in skip)
        digest.update(repr(kept).encode())
        digest.update(b"\n")
    return digest.hexdigest()


def expired_since(started: datetime, now: datetime) -> bool:
    """Whether a row of any table with `expire_at` expired in (started, now]."""
    owners = {
        model._meta.get_field("expire_at").model
        for model in apps.get_models()
        if any(f.name == "expire_at" for f in model._meta.concrete_fields)
    }
    for owner in owners:
        if not isinstance(owner._meta.get_field("expire_at"), models.DateTimeField):
            continue
        manager = owner._base_manager
        if manager.filter(expire_at__gt=started, expire_at__lte=now).exists():
            return True
    return False


def _version(region_id: int) -> tuple[Any, ...] | None:
    return (
        Region.objects.filter(pk=region_id).values_list("updated_at", "content_changed_at").first()
    )


# --- the build ------------------------------------------------------------------------


class Builder:
    """Produces the documents of one build (`through` for `render_documents`): reuses what
    the previous record shows unchanged, renders and records the rest."""

    def __init__(
        self, region: Region, language: str, stored: Callable[[str, str], Path], *, reuse: bool
    ) -> None:
        self.stored = stored  # where the blob of (hash, content type) is
        self.region = region
        self.language = language
        self.started = timezone.now()
        self.day = timezone.localdate()
        self.version = _version(region.pk)
        self.record = Record(self.day, self.started)
        self.reusable: dict[str, Entry] = {}
        self.rendered = 0
        self.reused = 0
        previous = None
        if reuse:
            with _records_lock:
                previous = _records.get(_record_key(region, language))
        if previous is not None:
            self._check(previous)

    def _check(self, previous: Record) -> None:
        if previous.day != self.day or expired_since(previous.started, self.started):
            return
        needed: set[Hashable] = set()
        for entry in previous.entries.values():
            if entry.reads is not None:
                needed |= entry.reads
        now = {key: _digest(key) for key in needed}
        changed = {
            key for key in needed if now[key] is None or now[key] != previous.digests.get(key)
        }
        self.record.digests.update(
            {key: digest for key, digest in now.items() if key not in changed}
        )
        self.reusable = {
            url: entry
            for url, entry in previous.entries.items()
            if entry.reads is not None and not entry.reads & changed
        }

    def through(self, url: str, render: Callable[[], Document | None]) -> Document | None:
        entry = self.reusable.get(url)
        if entry is not None:
            try:
                content = self.stored(entry.hash, entry.content_type).read_bytes()
            except FileNotFoundError:
                content = None  # the blob directory was cleared: render
            if content is not None and hashlib.sha256(content).hexdigest() == entry.hash:
                self.record.entries[url] = entry
                self.reused += 1
                return Document(url, content, entry.content_type)
        reads: set[Hashable] = set()
        with reads_into(reads):
            document = render()
        self.rendered += 1
        if document is not None:
            reusable = CLOCK not in reads and UNTRACKED not in reads
            self.record.entries[url] = Entry(
                hashlib.sha256(document.content).hexdigest(),
                document.content_type,
                frozenset(reads) if reusable else None,
            )
        return document

    @contextmanager
    def recording(self) -> Iterator[None]:
        with _recording_build(), remembered():
            yield

    def finish(self) -> None:
        """Digest what the new documents read; keep the record when nothing was published
        meanwhile."""
        needed: set[Hashable] = set()
        for entry in self.record.entries.values():
            if entry.reads is not None:
                needed |= entry.reads
        for key in needed - self.record.digests.keys():
            self.record.digests[key] = _digest(key)
        for key in list(self.record.digests):
            if key not in needed:
                del self.record.digests[key]
        unchanged = _version(self.region.pk) == self.version and timezone.localdate() == self.day
        with _records_lock:
            key = _record_key(self.region, self.language)
            if unchanged:
                _records[key] = self.record
            else:
                _records.pop(key, None)
