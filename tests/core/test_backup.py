"""`manage.py backup` and `manage.py restore` (wir/core/backup.py), on the database the
suite runs on (SQLite, and PostgreSQL under scripts/with_postgres.sh).

The round trip: build a small district (two regions, pages, an offer, a mediator, an
image file), back it up, empty the database into a fresh one (no tables at all), restore,
and compare every table's row count and content hash; then the restored site serves its
public page and the API.
"""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
import tarfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.images import ImageFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from wir.core import backup_crypto, backup_db
from wir.core.backup import database_is_empty, table_hashes
from wir.sprachpool.models import CefrLevel, Mediator

KEY = "ein langer geheimer Sicherungsschlüssel"


@pytest.fixture
def district(
    transactional_db: None, make_region, directory, towns, make_offer, make_user, settings, tmp_path
) -> dict[str, Any]:
    settings.MEDIA_ROOT = tmp_path / "media"
    make_region("nachbarkreis", languages=("de",))
    offer = make_offer("Migrationsberatung Friedberg", towns["Friedberg"])
    region = offer.region
    user = make_user("sm-anna", "mediator", region)
    Mediator.objects.create(
        region=region, code="SM-7", user=user, status=Mediator.Status.ACTIVE,
        german_level=CefrLevel.B2,
    )  # fmt: skip
    Collection.get_first_root_node() or Collection.add_root(name="Root")  # flushed by earlier tests
    buffer = io.BytesIO()
    PillowImage.new("RGB", (40, 30), (10, 45, 82)).save(buffer, "JPEG")
    image = get_image_model().objects.create(
        title="Rathaus", file=ImageFile(buffer, name="rathaus.jpg"), description="Das Rathaus"
    )
    return {"offer": offer, "image_path": Path(image.file.path)}


def wipe_database(tmp_path: Path) -> None:
    """Make the test database a fresh, empty one (no tables)."""
    if connection.vendor == "sqlite":
        empty = tmp_path / "empty.sqlite3"
        sqlite3.connect(empty).close()
        backup_db.sqlite_restore(backup_db.sqlite_connection(connection), empty)
    else:
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    assert connection.introspection.table_names() == []


def test_round_trip_restores_every_table_and_the_site_serves_it(
    district, settings, tmp_path
) -> None:
    settings.WIR_BACKUP_KEY = KEY
    before = table_hashes()
    image_bytes = district["image_path"].read_bytes()
    archive = tmp_path / "sicherung.tar.gz.enc"

    call_command("backup", str(archive), verbosity=0)

    manifest_tables = _manifest(archive, KEY)["tables"]
    assert {name: (t["rows"], t["sha256"]) for name, t in manifest_tables.items()} == {
        name: (t.rows, t.sha256) for name, t in before.items()
    }
    assert manifest_tables["portal_offer"]["rows"] >= 1
    assert manifest_tables["sprachpool_mediator"]["rows"] == 1

    # A database with data is not replaced without --force, and stays as it was.
    with pytest.raises(CommandError, match="enthält schon Daten"):
        call_command("restore", str(archive), verbosity=0)
    assert table_hashes() == before

    wipe_database(tmp_path)
    shutil.rmtree(settings.MEDIA_ROOT)
    assert database_is_empty()
    out = io.StringIO()
    call_command("restore", str(archive), verbosity=0, stdout=out)
    assert "wiederhergestellt und geprüft" in out.getvalue()

    assert table_hashes() == before
    assert district["image_path"].read_bytes() == image_bytes
    client = Client()
    page = client.get("/testkreis/de/was-ist-wo/")
    assert page.status_code == 200
    assert "Migrationsberatung Friedberg" in page.text
    api = client.get("/api/v1/regions/testkreis/de/pages/")
    assert api.status_code == 200
    assert api.json()["count"] >= 1


def test_restore_with_force_replaces_changed_data(district, settings, tmp_path) -> None:
    archive = tmp_path / "sicherung.tar.gz"
    call_command("backup", str(archive), verbosity=0)
    before = table_hashes()
    district["offer"].delete()
    assert table_hashes() != before

    call_command("restore", str(archive), "--force", verbosity=0)

    assert table_hashes() == before


def test_wrong_or_missing_key_is_refused_and_nothing_changes(district, settings, tmp_path) -> None:
    settings.WIR_BACKUP_KEY = KEY
    archive = tmp_path / "sicherung.enc"
    call_command("backup", str(archive), verbosity=0)
    before = table_hashes()
    assert not tarfile.is_tarfile(archive)  # encrypted: not readable as a tar

    settings.WIR_BACKUP_KEY = "ein anderer langer Schlüssel"
    with pytest.raises(CommandError, match=r"Schlüssel .*passt nicht"):
        call_command("restore", str(archive), "--force", verbosity=0)
    settings.WIR_BACKUP_KEY = ""
    with pytest.raises(CommandError, match=r"verschlüsselt.*WIR_BACKUP_KEY"):
        call_command("restore", str(archive), "--force", verbosity=0)
    settings.WIR_BACKUP_KEY = "kurz"
    with pytest.raises(CommandError, match="zu kurz"):
        call_command("backup", str(tmp_path / "x"), verbosity=0)
    settings.WIR_BACKUP_KEY = KEY
    with pytest.raises(CommandError, match=r"Den Ordner .* gibt es nicht"):
        call_command("backup", str(tmp_path / "fehlt" / "x"), verbosity=0)
    with pytest.raises(CommandError, match="ist ein Ordner"):
        call_command("backup", str(tmp_path), verbosity=0)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["media", "sicherung.enc"]
    assert table_hashes() == before


@pytest.mark.parametrize("encrypted", [False, True])
def test_damaged_archive_is_refused_and_nothing_changes(
    district, settings, tmp_path, encrypted: bool
) -> None:
    settings.WIR_BACKUP_KEY = KEY if encrypted else ""
    archive = tmp_path / "sicherung"
    call_command("backup", str(archive), verbosity=0)
    before = table_hashes()
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged = tmp_path / "beschaedigt"
    damaged.write_bytes(bytes(data))
    truncated = tmp_path / "abgeschnitten"
    truncated.write_bytes(bytes(data[: len(data) // 3]))

    for path in (damaged, truncated):
        with pytest.raises(CommandError, match="beschädigt oder unvollständig"):
            call_command("restore", str(path), "--force", verbosity=0)
    with pytest.raises(CommandError, match="gibt es nicht"):
        call_command("restore", str(tmp_path / "fehlt"), "--force", verbosity=0)
    assert table_hashes() == before


def test_an_archive_whose_content_does_not_match_its_manifest_is_refused(
    district, tmp_path
) -> None:
    archive = tmp_path / "sicherung.tar.gz"
    call_command("backup", str(archive), verbosity=0)
    forged = tmp_path / "verfaelscht.tar.gz"
    with tarfile.open(archive, "r:gz") as source, tarfile.open(forged, "w:gz") as target:
        for member in source.getmembers():
            body = source.extractfile(member).read()  # type: ignore[union-attr]
            if member.name.startswith("media/"):
                body = b"anders" + body
                member.size = len(body)
            target.addfile(member, io.BytesIO(body))
    with pytest.raises(CommandError, match=r"Mediendatei .* stimmt nicht"):
        call_command("restore", str(forged), "--force", verbosity=0)


def _manifest(archive: Path, key: str) -> dict[str, Any]:
    with archive.open("rb") as raw:
        stream = backup_crypto.DecryptingReader(raw, key) if key else raw
        with tarfile.open(fileobj=stream, mode="r|gz") as tar:  # type: ignore[call-overload]
            for member in tar:
                if member.name == "manifest.json":
                    return json.loads(tar.extractfile(member).read())  # type: ignore[union-attr]
    raise AssertionError("no manifest")


# --- consistency while the server writes (SQLite, WAL) --------------------------------


def wait_until(condition: Callable[[], bool], seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the writer thread stopped"
        time.sleep(0.001)


def test_a_snapshot_taken_while_another_thread_writes_is_consistent(tmp_path) -> None:
    """A writer keeps adding an order and its line in one transaction each, and a counter
    row; the snapshot, taken meanwhile, holds whole transactions only."""
    path = tmp_path / "live.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(
        "PRAGMA journal_mode=WAL;"
        "CREATE TABLE orders (id INTEGER PRIMARY KEY, note TEXT);"
        "CREATE TABLE lines (id INTEGER PRIMARY KEY, order_id INTEGER, note TEXT);"
        "CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER);"
        "INSERT INTO counter VALUES (1, 0);"
    )
    db.executemany("INSERT INTO orders (note) VALUES (?)", [("x" * 500,) for _ in range(20_000)])
    db.execute("INSERT INTO lines (order_id, note) SELECT id, note FROM orders")
    db.execute("UPDATE counter SET n = (SELECT COUNT(*) FROM orders)")
    db.commit()
    stop = threading.Event()
    written = [0]

    def write() -> None:
        writer = sqlite3.connect(path, timeout=20, isolation_level=None)
        while not stop.is_set():
            writer.execute("BEGIN IMMEDIATE")
            order = writer.execute("INSERT INTO orders (note) VALUES ('neu')").lastrowid
            writer.execute("INSERT INTO lines (order_id, note) VALUES (?, 'neu')", (order,))
            writer.execute("UPDATE counter SET n = n + 1")
            writer.execute("COMMIT")
            written[0] += 1
        writer.close()

    thread = threading.Thread(target=write)
    thread.start()
    try:
        wait_until(lambda: written[0] >= 50)  # the writer is running
        at_start = written[0]
        copy = tmp_path / "copy.sqlite3"
        backup_db.sqlite_snapshot(db, copy)
        wait_until(lambda: written[0] >= at_start + 50)  # and goes on after the snapshot
    finally:
        stop.set()
        thread.join()

    snapshot = sqlite3.connect(copy)
    orders = snapshot.execute("SELECT COUNT(*) FROM orders").fetchone()[0]
    lines = snapshot.execute("SELECT COUNT(*) FROM lines").fetchone()[0]
    counted = snapshot.execute("SELECT n FROM counter").fetchone()[0]
    snapshot.close()
    assert orders == lines == counted
    assert 20_000 + at_start <= orders < 20_000 + written[0]
    hashes = backup_db.sqlite_table_hashes(copy)
    assert hashes["orders"].rows == orders
    # The live database has moved on; its hashes differ from the snapshot's.
    assert backup_db.sqlite_table_hashes(path)["orders"] != hashes["orders"]
    db.close()


def test_encryption_round_trip_and_tampering() -> None:
    plain = bytes(range(256)) * 1000  # several chunks
    sealed = io.BytesIO()
    writer = backup_crypto.EncryptingWriter(sealed, KEY)
    writer.write(plain)
    writer.close()
    data = sealed.getvalue()
    assert plain[:64] not in data
    assert backup_crypto.DecryptingReader(io.BytesIO(data), KEY).read() == plain
    with pytest.raises(backup_crypto.WrongKeyError):
        backup_crypto.DecryptingReader(io.BytesIO(data), "ein ganz anderer Schlüssel")
    # Dropping the last chunk (a cut at a chunk boundary) is noticed.
    cut = data[: backup_crypto.HEADER_BYTES + 2 * (backup_crypto.CHUNK + backup_crypto.TAG)]
    with pytest.raises(backup_crypto.DamagedError):
        backup_crypto.DecryptingReader(io.BytesIO(cut), KEY).read()
