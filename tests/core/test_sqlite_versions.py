"""On SQLite the hot path keeps region versions per connection while the database is
unchanged (`PRAGMA data_version` for other connections' commits, `total_changes` for the
connection's own writes; wir/core/versionwatch.py). Every change is seen by the next
request, whoever made it.

These tests commit for real (transactional tests): other connections see only commits."""

import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from django.db import connection, connections, transaction
from django.db.backends.sqlite3.base import DatabaseWrapper
from wagtail.models import Page

from tests.core.test_hotpath import wsgi_get
from wir.core.actions import touch_region
from wir.core.hotpath import current_version, region_version
from wir.core.versionwatch import sqlite_version
from wir.portal.actions import publish
from wir.portal.models import ContentPage

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _sqlite_only() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL benachrichtigt (tests/core/test_versionwatch.py)")


def in_another_thread(work: Callable[[], None]) -> None:
    """Run `work` on another thread: its own database connection, like another worker
    thread of the app server; committed when it returns."""
    failures: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as error:  # handed to the test
            failures.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if failures:
        raise failures[0]


def test_a_known_version_costs_no_query(region, query_count) -> None:
    first, first_all = current_version(region.pk), current_version(None)
    assert (first, first_all) == (region_version(region.pk), region_version(None))
    with query_count.exactly(0):
        assert current_version(region.pk) == first
        assert current_version(None) == first_all


def test_a_write_of_this_connection_is_seen_at_once(region) -> None:
    old = current_version(region.pk)
    touch_region(region.pk)  # the same thread, the same connection, committed
    assert current_version(region.pk) == region_version(region.pk) != old


def test_a_commit_of_another_connection_is_seen_at_once(region) -> None:
    old = current_version(region.pk)
    old_all = current_version(None)
    in_another_thread(lambda: touch_region(region.pk))
    assert current_version(region.pk) == region_version(region.pk) != old
    assert current_version(None) == region_version(None) != old_all


def test_a_commit_outside_django_is_seen_at_once(region) -> None:
    import sqlite3

    old = current_version(region.pk)
    other = sqlite3.connect(connection.settings_dict["NAME"], uri=True, isolation_level=None)
    try:
        other.execute(
            "UPDATE core_region SET is_active = 0 WHERE id = ?",  # a switched-off region
            [region.pk],
        )
    finally:
        other.close()
    assert old is not None
    assert current_version(region.pk) is None


def test_a_rolled_back_change_is_not_remembered(region) -> None:
    old = current_version(region.pk)
    seen_inside: list[object] = []

    def change_and_fail() -> None:
        with transaction.atomic():
            touch_region(region.pk)
            seen_inside.append(current_version(region.pk))  # its own change: read
            raise RuntimeError("abgebrochen")

    with pytest.raises(RuntimeError):
        change_and_fail()
    assert seen_inside[0] != old
    assert current_version(region.pk) == region_version(region.pk) == old


def test_a_commit_of_another_process_is_seen_at_once(tmp_path: Path) -> None:
    """The same on a database file in WAL mode (as in production) written by another
    process, e.g. a management command."""
    path = tmp_path / "versionen.sqlite3"
    settings_dict = {**connection.settings_dict, "NAME": str(path)}
    connections["versionen"] = DatabaseWrapper(settings_dict, alias="versionen")
    try:
        with connections["versionen"].cursor() as cursor:
            cursor.execute("CREATE TABLE stand (id INTEGER PRIMARY KEY, wert INTEGER)")
            cursor.execute("INSERT INTO stand VALUES (1, 1)")
        reads: list[int] = []

        def read(region_id: int | None, using: str) -> tuple[int, ...]:
            reads.append(1)
            with connections[using].cursor() as cursor:
                cursor.execute("SELECT wert FROM stand WHERE id = %s", [region_id])
                return (cursor.fetchone()[0],)

        assert sqlite_version(1, read, "versionen") == (1,)
        assert sqlite_version(1, read, "versionen") == (1,)
        assert len(reads) == 1  # the second from memory
        script = (
            "import sqlite3, sys\n"
            "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "db.execute('UPDATE stand SET wert = 2 WHERE id = 1')\n"
        )
        subprocess.run([sys.executable, "-c", script, str(path)], check=True)
        assert sqlite_version(1, read, "versionen") == (2,)
    finally:
        connections["versionen"].close()
        del connections["versionen"]


def test_the_wsgi_hot_path_serves_a_publish_of_another_worker_at_once(region) -> None:
    home = Page.objects.get(url_path="/testkreis/de/")
    page = ContentPage(title="Wohnen", slug="wohnen", intro="Erste Fassung")
    home.add_child(instance=page)
    publish(page)
    url = "/testkreis/de/wohnen/"
    assert b"Erste Fassung" in wsgi_get(url)[2]
    assert b"Erste Fassung" in wsgi_get(url)[2]  # from the hot path, version in memory

    def publish_elsewhere() -> None:
        fresh = ContentPage.objects.get(pk=page.pk)
        fresh.intro = "Zweite Fassung"
        publish(fresh)

    etag = wsgi_get(url)[1]["ETag"]
    assert wsgi_get(url, HTTP_IF_NONE_MATCH=etag)[0].startswith("304")
    assert wsgi_get(url, HTTP_IF_NONE_MATCH=etag)[0].startswith("304")  # remembered
    in_another_thread(publish_elsewhere)
    status, _headers, body = wsgi_get(url, HTTP_IF_NONE_MATCH=etag)
    assert status.startswith("200")
    assert b"Zweite Fassung" in body
    assert b"Zweite Fassung" in wsgi_get(url)[2]
    page.refresh_from_db()
    page.intro = "Dritte Fassung"
    publish(page)  # this thread's own connection
    assert b"Dritte Fassung" in wsgi_get(url)[2]
