"""Cursors for the few hot, fixed statements of the public reads: on PostgreSQL each text is
prepared once per connection and planned once for every value.

Django's own cursors bind the values on the client and never prepare, so PostgreSQL plans
every statement anew. For the public search's ranked statement (wir/portal/search_index.py)
planning was about a third of its time; for the six reads of the Integreat `pages/` answer
(wir/api/integreat/sql.py) 0.1–0.3 ms each, a fifth of an uncached build. Preparing needs
psycopg's `prepare_threshold`, which wir/settings.py sets unless
WIR_PG_PREPARED_STATEMENTS=0 (PgBouncer in transaction mode before 1.21); without it, and on
SQLite, these are Django's plain cursors.

The plans are generic (`plan_cache_mode = force_generic_plan`, set once per connection):
the statements that use this cursor are written so that one plan fits every value (ranges
and `IN` lists over indexed columns, bounded tiers), instead of five custom plans first to
compare. The setting concerns prepared statements only, i.e. these.
"""

from __future__ import annotations

import weakref
from functools import cache
from typing import Any

from django.db import connection

# The connections (psycopg's) told to plan prepared statements once for every value.
GENERIC_PLANS: weakref.WeakSet[Any] = weakref.WeakSet()


def cursor() -> Any:
    """A cursor of the default connection that prepares what it executes (PostgreSQL with
    `prepare_threshold` set), else Django's plain cursor."""
    if connection.vendor != "postgresql":
        return connection.cursor()
    connection.ensure_connection()
    if connection.connection.prepare_threshold is None:
        return connection.cursor()
    if not connection.in_atomic_block and connection.connection not in GENERIC_PLANS:
        # Outside a transaction: a rollback would take the setting back.
        with connection.cursor() as plain:
            plain.execute("SET plan_cache_mode = force_generic_plan")
        GENERIC_PLANS.add(connection.connection)
    connection.validate_thread_sharing()
    prepared = _prepared_cursor_class()(connection.connection)
    if connection.queries_logged:
        return connection.make_debug_cursor(prepared)
    return connection.make_cursor(prepared)


@cache
def _prepared_cursor_class() -> type:
    from django.db.backends.postgresql.base import ServerBindingCursor

    class PreparedCursor(ServerBindingCursor):
        """Prepares every statement it executes (Django's wrapper passes no options)."""

        def execute(self, query: Any, params: Any = None, **kwargs: Any) -> Any:
            return super().execute(query, params, prepare=True)  # type: ignore[misc]

    return PreparedCursor
