"""On PostgreSQL the hot path keeps region versions in memory and the database tells every
process of every change as it commits (wir/core/versionwatch.py, migration core 0004).

These tests commit for real (transactional tests): notifications are sent at commit."""

import pytest
from django.db import connection, transaction
from wagtail.models import Page

from tests.core.test_hotpath import wsgi_get
from wir.core.actions import touch_region
from wir.core.hotpath import current_version, region_version
from wir.core.models import Region
from wir.core.versionwatch import VersionWatch, watch_for
from wir.portal.actions import publish
from wir.portal.models import ContentPage

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def watch():
    if connection.vendor != "postgresql":
        pytest.skip("Nur PostgreSQL benachrichtigt (SQLite: test_sqlite_versions.py).")
    watch = VersionWatch()
    yield watch
    watch.close()


def seen_after_commit(watch: VersionWatch, region_id: int | None, old: object) -> object:
    """The version the watch answers once the commit's notification has arrived."""
    assert watch.wait(10), "no notification within 10 s of the commit"
    return watch.version(region_id, region_version)


def test_sqlite_has_no_watch(region) -> None:
    if connection.vendor == "postgresql":
        pytest.skip("on PostgreSQL the watch answers")
    assert watch_for("default") is None
    assert current_version(region.pk) == region_version(region.pk)


def test_a_known_version_costs_no_query(watch, region, query_count) -> None:
    first = watch.version(region.pk, region_version)
    assert first == region_version(region.pk)
    with query_count.exactly(0):
        assert watch.version(region.pk, region_version) == first
        assert watch.version(region.pk, region_version) == first


def test_a_committed_change_is_heard_and_read_anew(watch, region) -> None:
    old = watch.version(region.pk, region_version)
    old_all = watch.version(None, region_version)
    touch_region(region.pk)  # autocommit: committed here, as another app server would
    new = seen_after_commit(watch, region.pk, old)
    assert new != old
    assert new == region_version(region.pk)
    assert watch.version(None, region_version) == region_version(None) != old_all


def test_a_settings_change_and_a_deactivation_are_heard(watch, region) -> None:
    old = watch.version(region.pk, region_version)
    region.name = "Umbenannt"
    region.save()  # moves updated_at: the settings' part of the version
    assert seen_after_commit(watch, region.pk, old) == region_version(region.pk) != old
    Region.objects.filter(pk=region.pk).update(is_active=False)
    assert watch.wait(10)
    assert watch.version(region.pk, region_version) is None


def test_other_regions_keep_their_versions(watch, region, make_region, query_count) -> None:
    other = make_region(slug="anderkreis")
    kept = watch.version(other.pk, region_version)
    old = watch.version(region.pk, region_version)
    touch_region(region.pk)
    seen_after_commit(watch, region.pk, old)
    with query_count.exactly(0):
        assert watch.version(other.pk, region_version) == kept


def test_inside_a_transaction_the_own_change_is_read(watch, region) -> None:
    old = watch.version(region.pk, region_version)
    with transaction.atomic():
        touch_region(region.pk)  # not committed: nobody is notified yet
        assert watch.version(region.pk, region_version) == region_version(region.pk) != old


def test_a_lost_listener_falls_back_to_reading(watch, region) -> None:
    old = watch.version(region.pk, region_version)
    pid = watch._conn.pgconn.backend_pid
    with connection.cursor() as cursor:  # the database server ends the listening session
        cursor.execute("SELECT pg_terminate_backend(%s, 10000)", [pid])  # and waits for it
    touch_region(region.pk)  # a change nobody hears
    assert watch.version(region.pk, region_version) == region_version(region.pk) != old


def test_the_wsgi_hot_path_on_postgresql_serves_a_publish_at_once(watch, region) -> None:
    home = Page.objects.get(url_path="/testkreis/de/")
    page = ContentPage(title="Wohnen", slug="wohnen", intro="Erste Fassung")
    home.add_child(instance=page)
    publish(page)
    url = "/testkreis/de/wohnen/"
    assert b"Erste Fassung" in wsgi_get(url)[2]
    assert b"Erste Fassung" in wsgi_get(url)[2]  # from the hot path, version in memory
    page.intro = "Zweite Fassung"
    publish(page)
    process_watch = watch_for("default")
    assert process_watch is not None
    process_watch.wait(10)
    assert b"Zweite Fassung" in wsgi_get(url)[2]
