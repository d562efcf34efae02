"""Read helpers remembered for the span of one job that renders many pages of one content
state (the offline bundle build: a few hundred pages of one region and language).

Outside `remembered()` `remember` keeps nothing. Inside, a helper
answers the same arguments with the same object, as the content cannot change in a way the
job would publish (a publish meanwhile changes the content version, and the bundle built
under the old one is never served for the new one).

`remember_for_region` (below) is the other kind: kept by the process across requests, per
region content version.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

T = TypeVar("T")
_store: ContextVar[dict[Hashable, Any] | None] = ContextVar("wir_remembered", default=None)


@contextmanager
def remembered() -> Iterator[None]:
    """Let `remember` keep answers until the block ends (per thread and task)."""
    token = _store.set({})
    try:
        yield
    finally:
        _store.reset(token)


def remember(key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, or inside `remembered()` its first answer for `key`."""
    store = _store.get()
    if store is None:
        return compute()
    if key not in store:
        store[key] = compute()
    return store[key]


# --- per region content version, for the life of the process ------------------------------
# Small lookups every public page of a region repeats (the language switcher, the footer's
# legal pages, the directory's filter choices) are kept per process under the region's
# content version as loaded at the start of the request (`updated_at`, `content_changed_at`;
# every publish, unpublish or settings change moves one of them). A request that reads the
# region after a publish gets a new key and reads the database again; the old entries of
# that region are dropped at once. Values computed after the version was read can only be
# newer than the key, never older. Values are shared between requests and threads: read-only.
REGION_ENTRIES_MAX = 512  # per region and version: languages × pages × hosts stay well below
_by_region: dict[int, tuple[tuple[Any, Any], dict[Hashable, Any]]] = {}
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
    version = (region.updated_at, region.content_changed_at)
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
