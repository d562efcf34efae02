"""Public pages need a fixed number of queries, however many pages a region has."""

import pytest
from django.test import Client
from wagtail.models import Locale, Page

from tests.conftest import CapturedQueries, QueryCount
from wir.portal.actions import add_translation, publish
from wir.portal.models import ContentPage

pytestmark = pytest.mark.django_db


def add_sections(count: int, start: int = 0) -> None:
    home_de = Page.objects.get(url_path="/testkreis/de/")
    home_ar = Page.objects.get(url_path="/testkreis/ar/")
    arabic = Locale.objects.get(language_code="ar")
    for number in range(start, start + count):
        page = ContentPage(title=f"Thema {number}", slug=f"thema-{number}", intro="Kurz")
        home_de.add_child(instance=page)
        publish(page)
        add_translation(page, home_ar, arabic, title=f"موضوع {number}", slug=f"thema-{number}")
        child = ContentPage(title=f"Unterseite {number}", slug="unterseite")
        page.add_child(instance=child)
        publish(child)


def queries_for(query_count: QueryCount, path: str) -> CapturedQueries:
    client = Client()
    client.get(path)  # warm caches that live longer than a request (site root paths)
    with query_count.capture() as queries:
        assert client.get(path).status_code == 200
    return queries


@pytest.mark.parametrize("path", ["/testkreis/de/", "/testkreis/ar/", "/testkreis/de/thema-0/"])
def test_query_count_does_not_grow_with_the_number_of_pages(
    region, path: str, query_count: QueryCount
) -> None:
    add_sections(2)
    few = queries_for(query_count, path)
    add_sections(10, start=2)
    many = queries_for(query_count, path)
    query_count.assert_same(few, many)
    # 13: a content page also loads its external tools (PageExtra, from Integreat).
    assert len(few) <= 13, few.listing()
