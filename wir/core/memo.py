"""Read helpers remembered for the span of one job that renders many pages of one content
state (the offline bundle build: a few hundred pages of one region and language).

Outside `remembered()` nothing is kept: requests always read the database. Inside, a helper
answers the same arguments with the same object, as the content cannot change in a way the
job would publish (a publish meanwhile changes the content version, and the bundle built
under the old one is never served for the new one).
"""

from __future__ import annotations

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
