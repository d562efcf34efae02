"""After a bulk load: tell PostgreSQL's planner what is now in the tables.

Autovacuum analyzes a table only a while after many rows changed, and never rows that a
still-open transaction wrote. Until then the planner plans with the sizes of before the
load (often empty tables) and can pick plans that are ten or a hundred times slower, such
as nested loops over tables it believes hold a handful of rows. `ANALYZE` (unlike `VACUUM`)
may run inside a transaction and then also samples that transaction's own new rows.
SQLite's planner needs no statistics for our queries; nothing happens there.
"""

from __future__ import annotations

from django.db import connection


def analyze() -> None:
    """Refresh the planner statistics of every table (a second or two for the demo)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
