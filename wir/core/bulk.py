"""After a bulk load: tell PostgreSQL's planner what is now in the tables.

Autovacuum analyzes a table only a while after many rows changed, and never rows that a
still-open transaction wrote. Until then the planner plans with the sizes of before the
load (often empty tables) and can pick plans that are ten or a hundred times slower, such
as nested loops over tables it believes hold a handful of rows. `ANALYZE` (unlike `VACUUM`)
may run inside a transaction and then also samples that transaction's own new rows.
SQLite's planner needs no statistics for our queries; nothing happens there.

Inside the load's transaction only the tables it wrote are analyzed
(`pg_stat_xact_user_tables`): a plain `ANALYZE` of every table took 60 s once in the test
suite, where the scaled demo follows the demo test (a database full of the rows that
rolled-back tests left behind). After the load committed (a command that runs it in its
own transactions) every table is, as the statistics of committed changes may not have
been reported yet.
"""

from __future__ import annotations

from django.db import connection

WRITTEN_HERE = (
    "SELECT relid::regclass::text FROM pg_stat_xact_user_tables "
    "WHERE n_tup_ins + n_tup_upd + n_tup_del > 0 ORDER BY 1"
)


def analyze() -> list[str]:
    """Refresh the planner statistics of the tables this transaction wrote (outside one: of
    every table); returns the tables named (nothing on SQLite, none for every table)."""
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        if not connection.in_atomic_block:
            cursor.execute("ANALYZE")
            return []
        cursor.execute(WRITTEN_HERE)
        tables = [row[0] for row in cursor.fetchall()]
        if tables:
            cursor.execute(f"ANALYZE {', '.join(tables)}")
    return tables
