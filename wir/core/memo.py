"""Read helpers remembered for the span of one job that renders many pages of one content
state (the offline bundle build: a few hundred pages of one region and language).

Outside `remembered()` `remember` keeps nothing. Inside, a helper
answers the same arguments with the same object, as the content cannot change in a way the
job would publish (a publish meanwhile changes the content version, and the bundle built
under the old one is never served for the new one).

A job may also want to know what each of its pages read (the offline build reuses a page
whose reads answer the same, wir/offline/reuse.py): inside `reads_into(target)` every
`note_read(key)` lands in `target` (and in the targets of enclosing blocks). While reads
are collected, a remembered answer is charged to every block that gets it with the reads of
its computation, and each gets its own copy of the answer as it was computed: what one page
loads later on its copy (a related row, a cached attribute) is that page's read alone, and
another page never sees it.

`remember_for_region` (below) is the other kind: kept by the process across requests, per
region content version; while reads are collected it keeps and answers nothing, so every
page of an offline build reads (and records) what it shows.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

T = TypeVar("T")
_store: ContextVar[dict[Hashable, Any] | None] = ContextVar("wir_remembered", default=None)
_READS = object()  # keys of answers kept with their reads
_reads: ContextVar[tuple[set[Hashable], ...]] = ContextVar("wir_reads", default=())


@contextmanager
def remembered() -> Iterator[None]:
    """Let `remember` keep answers until the block ends (per thread and task)."""
    token = _store.set({})
    try:
        yield
    finally:
        _store.reset(token)


@contextmanager
def reads_into(target: set[Hashable]) -> Iterator[None]:
    """Collect the keys of `note_read` in `target` until the block ends."""
    token = _reads.set((*_reads.get(), target))
    try:
        yield
    finally:
        _reads.reset(token)


def recording() -> bool:
    """Whether some block collects reads right now."""
    return bool(_reads.get())


def note_read(key: Hashable) -> None:
    for target in _reads.get():
        target.add(key)


def remember(key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, or inside `remembered()` its first answer for `key`."""
    store = _store.get()
    if store is None:
        return compute()
    if not _reads.get():
        if key not in store:
            store[key] = compute()
        return store[key]
    entry = store.get((_READS, key))
    if entry is None:
        reads: set[Hashable] = set()
        with reads_into(reads):
            value = compute()
        entry = (copy.deepcopy(value), frozenset(reads))
        store[(_READS, key)] = entry
    else:
        value = copy.deepcopy(entry[0])
    for target in _reads.get():
        target.update(entry[1])
    return value


# --- per region content version, for the life of the process ------------------------------
# Small lookups every public page of a region repeats (the language switcher, the footer's
# legal pages, the directory's filter choices) are kept per process under the region's
# content version as loaded at the start of the request (`updated_at`, `content_changed_at`;
# every publish, unpublish or settings change moves one of them). A request that reads the
# region after a publish gets a new key and reads the database again; the old entries of
# that region are dropped at once. Values computed after the version was read can only be
# newer than the key, never older. Values are shared between requests and threads: read-only.
REGION_ENTRIES_MAX = 512  # per region and version: languages × pages × hosts stay well below
_by_region: dict[int, tuple[tuple[int, ...], dict[Hashable, Any]]] = {}
_by_region_lock = threading.Lock()


def remember_for_region(
    region: Any,
    key: Hashable,
    compute: Callable[[], T],
    keep_if: Callable[[T], bool] | None = None,
) -> T:
    """`compute()`, kept for `region`'s content version as loaded (`region.updated_at`,
    `region.content_changed_at`). A value for which `keep_if(value)` is false is not kept
    (one that names a page with an expiry date: it stops being true without a publish)."""
    if recording():  # an offline build records each page's reads: no shortcut past them
        return compute()
    from wir.core.hotpath import version_of  # the hot path's version: one definition

    version = version_of(region)
    with _by_region_lock:
        held = _by_region.get(region.pk)
        if held is not None and held[0] == version and key in held[1]:
            return held[1][key]
    value = compute()
    if keep_if is not None and not keep_if(value):
        return value
    with _by_region_lock:
        held = _by_region.get(region.pk)
        if held is None or held[0] != version:
            if held is not None and held[0] > version:
                return value  # a newer version is already kept: do not push it out
            held = (version, {})
            _by_region[region.pk] = held
        if len(held[1]) >= REGION_ENTRIES_MAX:
            held[1].clear()
        held[1][key] = value
    return value


def forget_regions() -> None:
    """Drop everything `remember_for_region` keeps (tests that rebuild the database)."""
    with _by_region_lock:
        _by_region.clear()
