"""The database side of backups: a consistent snapshot, its restore, and a content hash
per table, for SQLite and PostgreSQL (the two databases the platform runs on).

- SQLite: the `sqlite3` online backup API copies the database in one step inside one read
  transaction. In WAL mode writers go on meanwhile; the copy is the state at its start.
- PostgreSQL: a REPEATABLE READ transaction exports its snapshot; `pg_dump --snapshot`
  dumps exactly that state (custom format), and the table hashes are read in the same
  transaction, so that dump and hashes agree while the server keeps writing.

Table hashes are computed on plain database-API rows ordered by the primary key (all
columns where a table has none); they compare a database with another of the same kind.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.backends.base.base import BaseDatabaseWrapper

Progress = Callable[[Iterable[Any], str], Iterator[Any]]


def no_progress(items: Iterable[Any], label: str) -> Iterator[Any]:
    yield from items


class DatabaseToolError(RuntimeError):
    """pg_dump, pg_restore or psql failed or is missing (message in German)."""


@dataclass(frozen=True)
class TableSummary:
    rows: int
    sha256: str


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _canonical(value: Any) -> bytes:
    if value is None:
        return b"\x00"
    if isinstance(value, memoryview):
        value = bytes(value)
    if isinstance(value, bytes | bytearray):
        return b"b" + bytes(value).hex().encode()
    if isinstance(value, dict | list):
        return b"j" + json.dumps(value, sort_keys=True, default=str).encode()
    return b"s" + str(value).encode()


def _row_bytes(row: Iterable[Any]) -> bytes:
    parts = [_canonical(value) for value in row]
    return b"".join(len(part).to_bytes(8, "big") + part for part in parts)


def hash_rows(rows: Iterable[Iterable[Any]]) -> TableSummary:
    digest = hashlib.sha256()
    count = 0
    for row in rows:
        digest.update(_row_bytes(row))
        count += 1
    return TableSummary(rows=count, sha256=digest.hexdigest())


def _select_all(table: str, order: str) -> str:
    """Every row of `table` (a name from the database's own catalogue, quoted)."""
    return f"SELECT * FROM {quote(table)} ORDER BY {order}"  # noqa: S608


def _fetch(cursor: Any, sql: str, params: Iterable[Any] = ()) -> Iterator[Any]:
    cursor.execute(sql, tuple(params))
    while batch := cursor.fetchmany(2000):
        yield from batch


# --- SQLite ------------------------------------------------------------------------------


def sqlite_tables(db: sqlite3.Connection) -> list[str]:
    rows = db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    ).fetchall()
    return [row[0] for row in rows]


def sqlite_table_hashes(path: Path, progress: Progress = no_progress) -> dict[str, TableSummary]:
    """Hashes of every table of the SQLite file `path`, read with plain `sqlite3` (no type
    converters), so that a backup's copy and a restored database compare alike."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        result = {}
        for table in progress(sqlite_tables(db), "Tabellen prüfen"):
            info = db.execute(f"PRAGMA table_info({quote(table)})").fetchall()
            keys = [quote(row[1]) for row in sorted(info, key=lambda r: r[5]) if row[5] > 0]
            order = ", ".join(keys) or ", ".join(str(i + 1) for i in range(len(info)))
            result[table] = hash_rows(_fetch(db.cursor(), _select_all(table, order)))
        return result
    finally:
        db.close()


def sqlite_connection(connection: BaseDatabaseWrapper) -> sqlite3.Connection:
    """The `sqlite3` connection under Django's connection `connection`."""
    connection.ensure_connection()
    raw = connection.connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def sqlite_snapshot(source: sqlite3.Connection, target: Path) -> None:
    """Copy the live database of `source` into the new file `target` (online)."""
    destination = sqlite3.connect(target)
    try:
        # One step (pages=-1): the whole copy in one read transaction, so it is consistent
        # however much other connections write meanwhile (WAL lets the writers go on).
        source.backup(destination)
    finally:
        destination.close()


def sqlite_restore(target: sqlite3.Connection, source: Path) -> None:
    """Replace the database of `target` by the copy `source`, page by page."""
    copy = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        copy.backup(target)
    finally:
        copy.close()


# --- PostgreSQL --------------------------------------------------------------------------


def pg_tool(name: str) -> str:
    """The path of a PostgreSQL client program: PATH first, else Debian's newest version."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    if not candidates:
        raise DatabaseToolError(
            f"Das Programm {name} wurde nicht gefunden (Paket postgresql-client installieren)."
        )
    return candidates[-1]


def pg_environment(connection: BaseDatabaseWrapper) -> dict[str, str]:
    """Connection settings for the client programs, passed in the environment (the
    password never appears in a process list)."""
    settings = connection.settings_dict
    env = dict(os.environ)
    for variable, key in (
        ("PGDATABASE", "NAME"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
    ):
        if settings.get(key):
            env[variable] = str(settings[key])
    if settings.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = str(settings["OPTIONS"]["sslmode"])
    return env


def pg_tables(cursor: Any) -> list[str]:
    cursor.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
    )
    return [row[0] for row in cursor.fetchall()]


def pg_table_hashes(cursor: Any, progress: Progress = no_progress) -> dict[str, TableSummary]:
    result = {}
    for table in progress(pg_tables(cursor), "Tabellen prüfen"):
        cursor.execute(
            "SELECT a.attname FROM pg_index i JOIN pg_attribute a "
            "ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
            "WHERE i.indrelid = %s::regclass AND i.indisprimary "
            "ORDER BY array_position(i.indkey::int2[], a.attnum)",
            (quote(table),),
        )
        keys = [quote(row[0]) for row in cursor.fetchall()]
        if keys:
            order = ", ".join(keys)
        else:
            cursor.execute(_select_all(table, "1") + " LIMIT 0")
            order = ", ".join(str(i + 1) for i in range(len(cursor.description)))
        result[table] = hash_rows(_fetch(cursor, _select_all(table, order)))
    return result


def _run(command: list[str], env: dict[str, str], what: str) -> None:
    done = subprocess.run(  # noqa: S603 (our own arguments, no shell)
        command, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise DatabaseToolError(f"{what} ist fehlgeschlagen: {done.stderr.strip()[-2000:]}")


def pg_snapshot(
    connection: BaseDatabaseWrapper, target: Path, progress: Progress = no_progress
) -> dict[str, TableSummary]:
    """Dump the database into `target` (pg_dump custom format) and hash its tables, both
    from one snapshot."""
    dump = pg_tool("pg_dump")
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        _run(
            [dump, "--format=custom", f"--snapshot={snapshot}", "--file", str(target)],
            pg_environment(connection),
            "pg_dump",
        )
        return pg_table_hashes(cursor, progress)


def pg_restore(connection: BaseDatabaseWrapper, source: Path) -> None:
    """Replace the current schema's contents by the dump `source`, in one transaction:
    psql drops and recreates the schema and runs pg_restore's script with ON_ERROR_STOP, so
    a failure leaves the database as it was."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_schema()")
        schema = quote(cursor.fetchone()[0])
    connection.close()  # holds no locks that the DROP would wait for
    env = pg_environment(connection)
    psql = subprocess.Popen(  # noqa: S603 (no shell; arguments are ours)
        [pg_tool("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    restore = subprocess.Popen(  # noqa: S603 (no shell; arguments are ours)
        [pg_tool("pg_restore"), "--no-owner", "--no-privileges", "--file=-", str(source)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert psql.stdin is not None
    assert restore.stdout is not None
    try:
        psql.stdin.write(f"DROP SCHEMA {schema} CASCADE; CREATE SCHEMA {schema};\n".encode())
        while chunk := restore.stdout.read(1 << 16):
            psql.stdin.write(chunk)
    except BrokenPipeError:
        pass  # psql stopped at an error; its message follows
    restore_error = restore.stderr.read().decode() if restore.stderr else ""
    if restore.wait() != 0:
        # psql's transaction is still open (its input not closed): killing it rolls back.
        psql.kill()
        psql.wait()
        raise DatabaseToolError(f"pg_restore ist fehlgeschlagen: {restore_error.strip()[-2000:]}")
    with contextlib.suppress(BrokenPipeError):
        psql.stdin.close()
    psql_error = psql.stderr.read().decode() if psql.stderr else ""
    if psql.wait() != 0:
        raise DatabaseToolError(
            f"Das Einspielen (psql) ist fehlgeschlagen, die Datenbank ist unverändert: "
            f"{psql_error.strip()[-2000:]}"
        )
