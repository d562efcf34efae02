"""Read helpers remembered for the span of one job that renders many pages of one content
state (the offline bundle build: a few hundred pages of one region and language).

Outside `remembered()` nothing is kept: requests always read the database. Inside, a helper
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
"""

from __future__ import annotations

import copy
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
