"""The SQLite half of the no-double-booking guarantee: triggers on the assignment table.

PostgreSQL keeps its exclusion constraint through every migration. SQLite has no
exclusion constraints, and Django rebuilds a SQLite table (new table, copy, drop, rename)
for many schema changes — adding a check constraint, for instance — which drops the
table's triggers. So the triggers are (re)installed after every `migrate`, idempotently.
"""

from __future__ import annotations

from typing import Any

from django.db import connections

SQLITE_TRIGGER = """
CREATE TRIGGER IF NOT EXISTS assignment_no_overlap_{event}
BEFORE {event} ON sprachpool_assignment
WHEN NEW.status IN ('accepted', 'done') AND EXISTS (
    SELECT 1 FROM sprachpool_assignment AS other
    WHERE other.mediator_id = NEW.mediator_id
      AND other.id IS NOT NEW.id
      AND other.status IN ('accepted', 'done')
      AND other.starts_at < NEW.ends_at
      AND NEW.starts_at < other.ends_at
)
BEGIN
    SELECT RAISE(ABORT, 'assignment_overlaps');
END
"""
EVENTS = ("INSERT", "UPDATE")


def ensure_sqlite_triggers(using: str = "default") -> int:
    """Install missing triggers on a SQLite database; returns how many exist afterwards."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return 0
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        if "sprachpool_assignment" not in tables:
            return 0
        for event in EVENTS:
            cursor.execute(SQLITE_TRIGGER.format(event=event))
        cursor.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
            "AND name LIKE 'assignment_no_overlap_%%'"
        )
        return int(cursor.fetchone()[0])


def after_migrate(sender: Any, using: str = "default", **kwargs: Any) -> None:
    ensure_sqlite_triggers(using)
