"""The SQLite half of the no-overlap guarantee: triggers on the sign-up table.

PostgreSQL keeps its exclusion constraint (migration 0001) through every migration.
SQLite has no exclusion constraints, and Django rebuilds a SQLite table for many schema
changes, which drops its triggers; so they are (re)installed after every `migrate`,
idempotently (as `sprachpool/guard.py` does for assignments).
"""

from __future__ import annotations

from typing import Any

from django.db import connections

TABLE = "volunteers_shiftsignup"
SQLITE_TRIGGER = """
CREATE TRIGGER IF NOT EXISTS shiftsignup_no_overlap_{event}
BEFORE {event} ON volunteers_shiftsignup
WHEN NEW.status = 'signed_up' AND EXISTS (
    SELECT 1 FROM volunteers_shiftsignup AS other
    WHERE other.volunteer_id = NEW.volunteer_id
      AND other.id IS NOT NEW.id
      AND other.status = 'signed_up'
      AND other.starts_at < NEW.ends_at
      AND NEW.starts_at < other.ends_at
)
BEGIN
    SELECT RAISE(ABORT, 'shiftsignup_overlaps');
END
"""
EVENTS = ("INSERT", "UPDATE")
# The name the database reports when the guarantee refuses a write (both databases).
OVERLAP = "shiftsignup_no_overlap"


def ensure_sqlite_triggers(using: str = "default") -> int:
    """Install missing triggers on a SQLite database; returns how many exist afterwards."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return 0
    with connection.cursor() as cursor:
        if TABLE not in connection.introspection.table_names(cursor):
            return 0
        for event in EVENTS:
            cursor.execute(SQLITE_TRIGGER.format(event=event))
        cursor.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
            "AND name LIKE 'shiftsignup_no_overlap_%%'"
        )
        return int(cursor.fetchone()[0])


def after_migrate(sender: Any, using: str = "default", **kwargs: Any) -> None:
    ensure_sqlite_triggers(using)
