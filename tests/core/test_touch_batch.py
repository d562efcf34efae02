"""Bulk writes in one transaction move the region's content version once, at the end,
and a visitor still never gets an answer from before the last change."""

import pytest
from django.db import connection
from django.test import Client
from wagtail.models import Page

from wir.core.actions import touches_batched
from wir.core.models import Region
from wir.portal.actions import publish
from wir.portal.models import ContentPage

pytestmark = pytest.mark.django_db

URL = "/testkreis/de/wohnen/"


@pytest.fixture
def page(region) -> ContentPage:
    home = Page.objects.get(url_path="/testkreis/de/")
    page = ContentPage(title="Wohnen", slug="wohnen", intro="Fassung 0")
    home.add_child(instance=page)
    publish(page)
    return page


class RegionUpdates:
    """Counts the UPDATE statements on the region table."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        if sql.startswith(f'UPDATE "{Region._meta.db_table}"'):
            self.count += 1
        return execute(sql, params, many, context)


def stamp(region: Region):  # type: ignore[no-untyped-def]
    return Region.objects.values_list("content_changed_at", flat=True).get(pk=region.pk)


def test_many_publishes_in_a_batch_update_the_region_once(page, region) -> None:
    client = Client()
    assert "Fassung 0" in client.get(URL).text  # kept in the answer cache
    before = stamp(region)
    updates = RegionUpdates()
    with connection.execute_wrapper(updates), touches_batched():
        for number in range(1, 6):
            page.intro = f"Fassung {number}"
            publish(page)
        assert updates.count == 0
        assert stamp(region) == before  # noted, not yet moved
    assert updates.count == 1
    assert stamp(region) > before
    shown = client.get(URL).text
    assert "Fassung 5" in shown
    assert "Fassung 0" not in shown


def test_without_a_batch_every_publish_moves_the_version(page, region) -> None:
    before = stamp(region)
    updates = RegionUpdates()
    with connection.execute_wrapper(updates):
        for number in range(1, 4):
            page.intro = f"Fassung {number}"
            publish(page)
    assert updates.count == 3
    assert stamp(region) > before


def test_a_failing_batch_moves_nothing_and_nested_blocks_join_the_outer(page, region) -> None:
    before = stamp(region)

    def publish_then_fail() -> None:
        with touches_batched():
            page.intro = "Fassung 1"
            publish(page)
            raise RuntimeError("Abbruch")

    with pytest.raises(RuntimeError, match="Abbruch"):
        publish_then_fail()
    assert stamp(region) == before
    updates = RegionUpdates()
    with connection.execute_wrapper(updates), touches_batched():
        with touches_batched():
            page.intro = "Fassung 2"
            publish(page)
        assert updates.count == 0  # the inner block's end moved nothing
        page.intro = "Fassung 3"
        publish(page)
    assert updates.count == 1
    assert "Fassung 3" in Client().get(URL).text
