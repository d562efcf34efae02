"""Region content versions kept in memory: renewed by PostgreSQL notifications, or on
SQLite kept per connection while the database file is unchanged (`sqlite_version`, below).

The hot path (wir/core/hotpath.py) checks on every cached answer that the region's content
version is still the one the answer was rendered from. On SQLite that is a read of a local
file; on PostgreSQL it is a round trip to the server per request, which costs more than the
rest of a cached answer. So each app-server process keeps the versions it has read in
memory and learns of every change from the database itself:

- a trigger on the region table (migration core 0004) sends `NOTIFY wir_region_version,
  '<region id>'` whenever a region row is inserted, updated or deleted. Every content
  change moves `content_changed_at` (`touch_region`), every settings change `updated_at`,
  so every change of a public answer's version notifies. PostgreSQL delivers notifications
  when the writing transaction commits, to every listening connection of every app server;
- the process holds one extra connection that LISTENs. Before each use of the memory the
  request's thread drains that connection without waiting (a `select` on its socket, no
  round trip) and forgets the versions of the regions named, and the "all regions" version;
- a version that is not in memory is read from the primary like before and kept, unless a
  notification arrived while it was read (then it is used once, not kept).

What can go wrong, and what happens then:
- the listening connection breaks (server restart, network): the memory is dropped, every
  check reads the database again, and a new connection is tried after RETRY_SECONDS; the
  memory is trusted only again from a LISTEN that started before the versions were read;
- the process was forked after the connection was opened: the child opens its own;
- the request's own connection is inside a transaction (tests, a management command): its
  uncommitted changes notify nobody yet, so the database is read directly.

The time a change can go unseen is the time PostgreSQL takes to hand a committed
notification to the listening socket (well under a millisecond on one machine), which is
shorter than any round trip of the publisher's answer and a visitor's next request.
"""

from __future__ import annotations

import contextlib
import logging
import os
import select
import threading
import time
from typing import Any

from django.db import connections

log = logging.getLogger(__name__)

CHANNEL = "wir_region_version"
RETRY_SECONDS = 5.0
ALL = -1  # the key of the version of all regions (region_id None)

Reader = Any  # Callable[[int | None, str], tuple[int, ...] | None]


class VersionWatch:
    """One per process and database alias; thread-safe."""

    def __init__(self, using: str = "default") -> None:
        self.using = using
        self._lock = threading.Lock()
        self._conn: Any = None
        self._pid = 0
        self._known: dict[int, tuple[int, ...] | None] = {}
        self._generation = 0  # moves on every notification, connect and drop
        self._heard = 0  # notifications received
        self._retry_at = 0.0
        self._troubled = False
        self._abandoned: list[Any] = []  # a parent's connection: never closed by a child

    # --- the listening connection ------------------------------------------------------
    def _connect(self) -> None:
        import psycopg

        params = connections[self.using].get_connection_params()
        params.pop("cursor_factory", None)
        conn = psycopg.connect(**params, autocommit=True)
        conn.execute(f"LISTEN {CHANNEL}")
        # The server's message before it ends the session (a restart, an administrator)
        # reaches an idle connection as a notice: nothing else is expected here.
        self._troubled = False
        conn.add_notice_handler(self._notice)
        self._conn, self._pid = conn, os.getpid()
        self._known.clear()
        self._generation += 1

    def _notice(self, diagnostic: Any) -> None:
        self._troubled = True

    def _drop(self) -> None:
        conn, self._conn = self._conn, None
        self._known.clear()
        self._generation += 1
        self._retry_at = time.monotonic() + RETRY_SECONDS
        if conn is not None:
            with contextlib.suppress(Exception):  # it is broken already
                conn.close()

    def _ready(self) -> bool:
        """The listening connection is there (opened if needed) and drained."""
        if self._conn is not None and self._pid != os.getpid():
            self._abandoned.append(self._conn)  # the parent's socket: leave it alone
            self._conn = None
            self._known.clear()
        if self._conn is None:
            if time.monotonic() < self._retry_at:
                return False
            try:
                self._connect()
            except Exception:
                log.warning("version watch: cannot listen; reading versions each time")
                self._drop()
                return False
        try:
            self._drain()
        except Exception:
            log.warning("version watch: listening connection lost; reading versions each time")
            self._drop()
            return False
        return True

    def _drain(self) -> None:
        pgconn = self._conn.pgconn
        readable, _w, _x = select.select([pgconn.socket], [], [], 0)
        if not readable:
            return
        pgconn.consume_input()  # raises when the server closed the connection
        while (note := pgconn.notifies()) is not None:  # parses what was read
            self._generation += 1
            self._heard += 1
            try:
                self._known.pop(int(note.extra.decode()), None)
            except ValueError:
                self._known.clear()
            self._known.pop(ALL, None)
        if pgconn.status != 0 or self._troubled:  # not CONNECTION_OK, or a notice came
            raise ConnectionError("listening connection ended")

    # --- reading -----------------------------------------------------------------------
    def version(self, region_id: int | None, read: Reader) -> tuple[int, ...] | None:
        """The region's version (`read(region_id, using)` when memory cannot answer)."""
        if connections[self.using].in_atomic_block:
            return read(region_id, self.using)  # its own changes notify nobody yet
        key = ALL if region_id is None else region_id
        with self._lock:
            if not self._ready():
                return read(region_id, self.using)
            if key in self._known:
                return self._known[key]
            generation = self._generation
        value = read(region_id, self.using)
        with self._lock:
            if self._ready() and self._generation == generation:
                self._known[key] = value
        return value

    def wait(self, timeout: float) -> bool:
        """Block until a notification is waiting (True) or `timeout` passed (False)."""
        with self._lock:
            before = self._heard
            if not self._ready():
                return False
            if self._heard != before:
                return True
            socket = self._conn.pgconn.socket
        readable, _w, _x = select.select([socket], [], [], timeout)
        return bool(readable)

    def close(self) -> None:
        with self._lock:
            self._drop()
            self._retry_at = 0.0


_watches: dict[str, VersionWatch] = {}


def watch_for(using: str = "default") -> VersionWatch | None:
    """The process's watch of `using` when its database can notify (PostgreSQL), else None."""
    watch = _watches.get(using)
    if watch is None and using not in _silent:
        if connections[using].vendor != "postgresql":
            _silent.add(using)  # an alias's engine does not change while the process runs
            return None
        watch = _watches.setdefault(using, VersionWatch(using))
    return watch


_silent: set[str] = set()  # aliases whose database cannot notify


# --- SQLite: the database says whether anything changed ----------------------------------
# SQLite cannot notify, but each connection can ask cheaply whether the database changed:
# `PRAGMA data_version` moves when another connection (thread, worker process, a management
# command) committed since this connection last asked; the connection's `total_changes`
# moves with every row it wrote itself. Both unchanged: every version read on this
# connection is still the version in the file, so it is kept per connection (per worker
# thread) and read again only when one of them moved. The pragma starts a read of its
# own, like the version query it replaces, but costs a few microseconds instead of a
# query with two timestamps to parse.
SQLITE_MEMORY = "_wir_region_versions"  # attribute of Django's connection wrapper


def sqlite_version(region_id: int | None, read: Reader, using: str = "default") -> Any:
    """The region's version on SQLite, from this connection's memory while the database
    is unchanged, else `read(region_id, using)` (and kept)."""
    wrapper = connections[using]
    if wrapper.vendor != "sqlite":
        return read(region_id, using)
    if wrapper.in_atomic_block:
        # Its own uncommitted changes could still be rolled back (a savepoint): read.
        return read(region_id, using)
    raw = wrapper.connection
    if raw is None:
        wrapper.ensure_connection()
        raw = wrapper.connection
    if not wrapper.autocommit:  # a transaction opened by hand: like an atomic block
        return read(region_id, using)
    stamp = (raw.execute("PRAGMA data_version").fetchone()[0], raw.total_changes)
    memory = wrapper.__dict__.get(SQLITE_MEMORY)
    if memory is None or memory[0] is not raw or memory[1] != stamp:
        # Another connection (a reconnect) or a changed database: forget everything.
        memory = (raw, stamp, {})
        setattr(wrapper, SQLITE_MEMORY, memory)
    known: dict[int, Any] = memory[2]
    key = ALL if region_id is None else region_id
    if key in known:
        return known[key]
    # A commit of another connection between the pragma and this read makes the value
    # newer than the stamp: kept, it is dropped at the next check, which sees the commit.
    value = read(region_id, using)
    known[key] = value
    return value


def close_all() -> None:
    """Close every listening connection of this process (tests before their database is
    dropped; a clean shutdown)."""
    for watch in list(_watches.values()):
        watch.close()
