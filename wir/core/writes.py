"""One transaction that waits its turn: constraint violations become the caller's refusal,
SQLite's "database is locked" is retried until a deadline.

SQLite has one writer at a time. With `transaction_mode=IMMEDIATE` a second writer waits
for the busy timeout; the shared-cache database of the tests answers "locked" at once.
Counting attempts made the outcome depend on how loaded the machine was (twelve parallel
bookings on a busy CI machine all gave up); a deadline does not. PostgreSQL never answers
"locked", so there the step runs once.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TypeVar

from django.db import IntegrityError, OperationalError, transaction

T = TypeVar("T")

# How long a write may wait for its turn before the user is asked to try again.
PATIENCE_SECONDS = 20.0


def is_locked(exc: OperationalError) -> bool:
    return "locked" in str(exc)


def atomic_with_retries(
    step: Callable[[], T],
    *,
    refusal: Callable[[IntegrityError], Exception],
    busy: Callable[[], Exception],
    patience: float | None = None,
) -> T:
    """Run `step` in one transaction.

    An IntegrityError (a database guarantee said no) raises `refusal(exc)`; a lock error is
    retried with jitter until `patience` seconds (default `PATIENCE_SECONDS`) have
    passed, then `busy()` is raised.
    Nothing of a failed attempt stays: each attempt is its own transaction.
    """
    deadline = time.monotonic() + (PATIENCE_SECONDS if patience is None else patience)
    while True:
        try:
            with transaction.atomic():
                return step()
        except IntegrityError as exc:
            raise refusal(exc) from exc
        except OperationalError as exc:
            if not is_locked(exc):
                raise
            if time.monotonic() >= deadline:
                raise busy() from exc
            time.sleep(random.uniform(0.005, 0.05))  # noqa: S311 (jitter, not secrets)


def with_free_code(make: Callable[[], T], *constraint: str, attempts: int = 5) -> T:
    """Run `make` — which picks the next free code (EA-042, SM-017) and inserts the row — in
    a savepoint; when a parallel sign-up took the same code first (the unique constraint
    named in `constraint`, or SQLite's column list, says no), pick again. PostgreSQL lets
    two transactions read the same "next" code; found by the load run (bench_load.py)."""
    for attempt in range(attempts):
        try:
            with transaction.atomic():
                return make()
        except IntegrityError as error:
            if attempt == attempts - 1 or not any(c in str(error) for c in constraint):
                raise
    raise AssertionError("unreachable")
