"""Backups of a whole installation: the database and the media files in one archive.

`create_backup()` writes one tar file (gzip-compressed, optionally encrypted, see
`backup_crypto.py`) with:

- `database.sqlite3` (SQLite's online backup) or `database.pgdump` (pg_dump, custom format),
  see `backup_db.py`;
- `media/…`: every file under MEDIA_ROOT;
- `manifest.json`, written last: format version, database vendor, time, the database
  file's hash, per table the row count and a content hash, and every media file with its
  size and hash.

`restore_backup()` unpacks the archive into a staging folder and checks every hash there
before it touches anything; it refuses a database that holds data unless `force`, a
database of the other kind, a wrong key and a damaged archive, each with a German message
(`BackupError`). After the restore it compares the tables' row counts and hashes with the
manifest. docs/backup.md is the operator's guide.

Backups are platform operations: this module lives in `core` and imports no other app
(the emptiness check reads the user model through Django's `get_user_model`).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path, PurePosixPath
from typing import IO, Any, BinaryIO, cast

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

from wir.core import backup_crypto, backup_db
from wir.core.backup_db import Progress, TableSummary, no_progress
from wir.core.models import Region

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
MEDIA_PREFIX = "media/"
VENDOR_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is for the operator (German)."""


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _media_files(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file() and not path.is_symlink())


def _vendor(alias: str) -> str:
    vendor = connections[alias].vendor
    if vendor not in DATABASE_FILES:
        raise BackupError(f"Sicherungen gibt es für SQLite und PostgreSQL, nicht für {vendor}.")
    return vendor


def table_hashes(
    alias: str = DEFAULT_DB_ALIAS, progress: Progress = no_progress
) -> dict[str, TableSummary]:
    """Row count and content hash of every table of the live database `alias`."""
    connection = connections[alias]
    if _vendor(alias) == "sqlite":
        with tempfile.TemporaryDirectory(prefix="wir-hash-") as folder:
            copy = Path(folder) / "copy.sqlite3"
            backup_db.sqlite_snapshot(backup_db.sqlite_connection(connection), copy)
            return backup_db.sqlite_table_hashes(copy, progress)
    with connection.cursor() as cursor:
        return backup_db.pg_table_hashes(cursor, progress)


# --- writing -----------------------------------------------------------------------------


@contextmanager
def _output(destination: Path, key: str) -> Iterator[IO[bytes]]:
    """The file to write the tar stream into: `destination` (written under a temporary
    name, renamed when complete), through the encryption when a key is given."""
    partial = destination.with_name(destination.name + ".partial")
    try:
        with partial.open("wb") as raw:
            if key:
                writer = backup_crypto.EncryptingWriter(raw, key)
                yield cast(IO[bytes], writer)  # a file object for tarfile's stream mode
                writer.close()
            else:
                yield raw
        os.replace(partial, destination)
    finally:
        partial.unlink(missing_ok=True)


def _check_key(key: str) -> None:
    if key and len(key) < backup_crypto.MIN_KEY_LENGTH:
        raise BackupError(
            f"Der Schlüssel (WIR_BACKUP_KEY) ist zu kurz: mindestens "
            f"{backup_crypto.MIN_KEY_LENGTH} Zeichen."
        )


def create_backup(
    destination: Path,
    *,
    key: str = "",
    alias: str = DEFAULT_DB_ALIAS,
    progress: Progress = no_progress,
) -> dict[str, Any]:
    """Write a backup of database `alias` and MEDIA_ROOT to `destination`; the manifest."""
    _check_key(key)
    vendor = _vendor(alias)
    connection = connections[alias]
    if destination.is_dir():
        raise BackupError(f"{destination} ist ein Ordner; bitte einen Dateinamen angeben.")
    if not destination.parent.is_dir():
        raise BackupError(f"Den Ordner {destination.parent} gibt es nicht.")
    created_at = timezone.now()
    with tempfile.TemporaryDirectory(prefix="wir-backup-") as folder:
        database_file = Path(folder) / DATABASE_FILES[vendor]
        if vendor == "sqlite":
            backup_db.sqlite_snapshot(backup_db.sqlite_connection(connection), database_file)
            tables = backup_db.sqlite_table_hashes(database_file, progress)
        else:
            tables = backup_db.pg_snapshot(connection, database_file, progress)
        manifest: dict[str, Any] = {
            "format": FORMAT_VERSION,
            "vendor": vendor,
            "created_at": created_at.isoformat(),
            "encrypted": bool(key),
            "database": {
                "file": database_file.name,
                "size": database_file.stat().st_size,
                "sha256": _sha256_file(database_file),
            },
            "tables": {name: asdict(summary) for name, summary in tables.items()},
            "media": [],
        }
        media_root = Path(settings.MEDIA_ROOT)
        with _output(destination, key) as out, tarfile.open(fileobj=out, mode="w|gz") as tar:
            tar.add(database_file, arcname=database_file.name)
            for path in progress(_media_files(media_root), "Mediendateien"):
                relative = path.relative_to(media_root).as_posix()
                manifest["media"].append(_add_file(tar, path, MEDIA_PREFIX + relative))
            body = json.dumps(manifest, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(body)
            info.mtime = int(created_at.timestamp())
            tar.addfile(info, _BytesReader(body))
    return manifest


class _HashingReader:
    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.digest.update(data)
        return data


class _BytesReader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.position = 0

    def read(self, size: int = -1) -> bytes:
        end = len(self.data) if size < 0 else self.position + size
        chunk = self.data[self.position : end]
        self.position += len(chunk)
        return chunk


def _add_file(tar: tarfile.TarFile, path: Path, name: str) -> dict[str, Any]:
    """Add one media file, hashing what is written (a file changed meanwhile is caught)."""
    info = tar.gettarinfo(str(path), arcname=name)
    with path.open("rb") as handle:
        reader = _HashingReader(handle)
        tar.addfile(info, reader)
    return {
        "path": name[len(MEDIA_PREFIX) :],
        "size": info.size,
        "sha256": reader.digest.hexdigest(),
    }


# --- reading -----------------------------------------------------------------------------


def _safe_member_path(name: str) -> PurePosixPath | None:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        return None
    if name in (MANIFEST, *DATABASE_FILES.values()) or (
        name.startswith(MEDIA_PREFIX) and len(path.parts) > 1
    ):
        return path
    return None


@contextmanager
def _input(source: Path, key: str) -> Iterator[IO[bytes]]:
    with source.open("rb") as raw:
        encrypted = backup_crypto.is_encrypted(raw.read(len(backup_crypto.MAGIC)))
        raw.seek(0)
        if not encrypted:
            yield raw
            return
        if not key:
            raise BackupError(
                "Die Sicherung ist verschlüsselt. Bitte den Schlüssel in WIR_BACKUP_KEY angeben."
            )
        try:
            yield cast(IO[bytes], backup_crypto.DecryptingReader(raw, key))
        except backup_crypto.WrongKeyError as exc:
            raise BackupError(
                "Der Schlüssel (WIR_BACKUP_KEY) passt nicht zu dieser Sicherung. "
                "Es wurde nichts verändert."
            ) from exc


def _damaged(detail: str) -> BackupError:
    return BackupError(
        f"Die Sicherung ist beschädigt oder unvollständig ({detail}). Es wurde nichts verändert."
    )


def unpack(
    source: Path, staging: Path, key: str = "", progress: Progress = no_progress
) -> dict[str, Any]:
    """Unpack the archive `source` into `staging` and check every hash; the manifest."""
    _check_key(key)
    if not source.is_file():
        raise BackupError(f"Die Datei {source} gibt es nicht.")
    try:
        with _input(source, key) as stream, tarfile.open(fileobj=stream, mode="r|gz") as tar:
            for member in progress(tar, "Entpacken"):
                path = _safe_member_path(member.name)
                if path is None or not member.isfile():
                    raise _damaged(f"unerwarteter Eintrag {member.name!r}")
                target = staging.joinpath(*path.parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                extracted = tar.extractfile(member)
                assert extracted is not None
                with target.open("wb") as handle:
                    shutil.copyfileobj(extracted, handle)
    except backup_crypto.DamagedError as exc:
        raise _damaged(str(exc)) from exc
    except (tarfile.TarError, EOFError, OSError) as exc:
        raise _damaged(str(exc) or type(exc).__name__) from exc
    return _check_staging(staging)


def _check_staging(staging: Path) -> dict[str, Any]:
    try:
        manifest = json.loads((staging / MANIFEST).read_text())
        database = manifest["database"]
        vendor = manifest["vendor"]
        tables, media = manifest["tables"], manifest["media"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise _damaged("Inhaltsverzeichnis fehlt oder ist unlesbar") from exc
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(
            f"Diese Sicherung hat das Format {manifest.get('format')!r}; "
            f"diese Version liest Format {FORMAT_VERSION}."
        )
    if vendor not in DATABASE_FILES or database.get("file") != DATABASE_FILES[vendor]:
        raise _damaged("unbekannte Datenbank")
    database_file = staging / database["file"]
    if not database_file.is_file() or _sha256_file(database_file) != database["sha256"]:
        raise _damaged("die Datenbankdatei stimmt nicht mit dem Inhaltsverzeichnis überein")
    if not isinstance(tables, dict):
        raise _damaged("Tabellenliste unlesbar")
    listed = set()
    for entry in media:
        if _safe_member_path(MEDIA_PREFIX + str(entry["path"])) is None:
            raise _damaged(f"unzulässiger Pfad {entry['path']!r}")
        path = staging / "media" / entry["path"]
        listed.add(path)
        if not path.is_file() or _sha256_file(path) != entry["sha256"]:
            raise _damaged(f"Mediendatei {entry['path']} stimmt nicht")
    unlisted = set(_media_files(staging / "media")) - listed
    if unlisted:
        raise _damaged(f"{len(unlisted)} Mediendateien stehen nicht im Inhaltsverzeichnis")
    return dict(manifest)


def database_is_empty(alias: str = DEFAULT_DB_ALIAS) -> bool:
    """No tables yet, or only what `migrate` creates: no accounts and no regions."""
    connection = connections[alias]
    existing = set(connection.introspection.table_names())
    for model in (get_user_model(), Region):
        table = model._meta.db_table
        if table in existing and model._default_manager.using(alias).exists():
            return False
    return True


def restore_backup(
    source: Path,
    *,
    key: str = "",
    force: bool = False,
    alias: str = DEFAULT_DB_ALIAS,
    progress: Progress = no_progress,
) -> dict[str, Any]:
    """Restore the archive `source` into database `alias` and MEDIA_ROOT; the manifest.

    Raises BackupError before anything is changed when the archive is damaged, the key is
    wrong, the database is of the other kind or holds data (unless `force`); and after the
    restore when a table does not match the manifest.
    """
    vendor = _vendor(alias)
    connection = connections[alias]
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="wir-restore-") as folder:
        staging = Path(folder)
        manifest = unpack(source, staging, key, progress)
        if manifest["vendor"] != vendor:
            raise BackupError(
                f"Die Sicherung stammt aus {VENDOR_NAMES[manifest['vendor']]}, die Datenbank "
                f"ist {VENDOR_NAMES[vendor]}. Es wurde nichts verändert."
            )
        if not force and not database_is_empty(alias):
            raise BackupError(
                "Die Datenbank enthält schon Daten (Konten oder Regionen). Wiederherstellen "
                "ersetzt sie vollständig; dafür --force angeben. Es wurde nichts verändert."
            )
        database_file = staging / manifest["database"]["file"]
        try:
            if vendor == "sqlite":
                backup_db.sqlite_restore(backup_db.sqlite_connection(connection), database_file)
            else:
                backup_db.pg_restore(connection, database_file)
        except backup_db.DatabaseToolError as exc:
            raise BackupError(str(exc)) from exc
        for entry in progress(manifest["media"], "Mediendateien"):
            target = media_root / entry["path"]
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(staging / "media" / entry["path"], target)
    _verify(manifest, alias, media_root, progress)
    return manifest


def _verify(manifest: dict[str, Any], alias: str, media_root: Path, progress: Progress) -> None:
    expected = {name: TableSummary(**summary) for name, summary in manifest["tables"].items()}
    found = table_hashes(alias, progress)
    wrong = sorted(
        name for name in expected.keys() | found.keys() if expected.get(name) != found.get(name)
    )
    if wrong:
        raise BackupError(
            "Nach dem Wiederherstellen stimmen diese Tabellen nicht mit der Sicherung überein: "
            + ", ".join(wrong[:20])
        )
    for entry in manifest["media"]:
        if _sha256_file(media_root / entry["path"]) != entry["sha256"]:
            raise BackupError(
                f"Die Mediendatei {entry['path']} stimmt nach dem Wiederherstellen nicht."
            )
