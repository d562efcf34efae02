"""Bad input gives clear JSON errors, never a 500; answers are cached and revalidated
through the shared HTTP layer; list endpoints run a fixed number of queries."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client
from wagtail.models import Page

from tests.api.integreat.conftest import BASE, add_page, make_event, make_news
from tests.conftest import CapturedQueries, QueryCount
from wir.portal.models import PageOffer

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/api/v3/nirgendwo/de/pages/",
        "/api/v3/regions/nirgendwo/",
        "/api/v3/nirgendwo/languages/",
        f"{BASE}/fa/pages/",  # a language the region does not offer
        f"{BASE}/xx/events/",
        f"{BASE}/de/page/?url=/testkreis/de/gibt-es-nicht/",
        f"{BASE}/de/page/?id=999999",
        f"{BASE}/de/page/?url=/testkreis/de/verborgen/unter-verborgen/",
        f"{BASE}/de/news/999999",
        f"{BASE}/de/news/local-999999",
        f"{BASE}/de/gibt-es-nicht/",
    ],
)
def test_unknown_things_are_json_404(district, url) -> None:
    response = Client().get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"]


def test_the_404_names_what_is_unknown(district) -> None:
    assert "nirgendwo" in Client().get("/api/v3/nirgendwo/de/pages/").json()["detail"]
    missing = Client().get(f"{BASE}/fa/pages/").json()
    assert "fa" in missing["detail"]
    assert missing["languages"] == ["de", "en", "ar"]


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        (f"{BASE}/de/children/?depth=abc", "depth"),
        (f"{BASE}/de/children/?depth=-1", "depth"),
        (f"{BASE}/de/children/?url=/anderswo/de/ankommen/", "url"),
        (f"{BASE}/de/children/?url=/testkreis/en/arriving/", "url"),
        (f"{BASE}/de/page/?id=x", "id"),
        (f"{BASE}/de/page/", "url"),
        (f"{BASE}/de/page/?url=https://example.org/anderswo/de/x/", "url"),
        (f"{BASE}/de/parents/", "url"),
        (f"{BASE}/de/events/?combine_recurring=vielleicht", "combine_recurring"),
        (f"{BASE}/de/locations/?on_map=2", "on_map"),
        (f"{BASE}/de/news?page=0", "page"),
        (f"{BASE}/de/news?count=viele", "count"),
        (f"{BASE}/de/news/abc", "id"),
        (f"{BASE}/de/news/tunews-12", "id"),
        (f"{BASE}/de/news/local-", "id"),
        (f"{BASE}/de/fcm/?id=-3", "id"),
        (f"{BASE}/de/news/99999999999999999999999", "id"),
        (f"{BASE}/de/page/?url=http://[", "url"),
        (f"{BASE}/de/page/?id=99999999999999999999999", "id"),
    ],
)
def test_malformed_parameters_are_400_naming_the_parameter(district, url, parameter) -> None:
    response = Client().get(url)
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["parameter"] == parameter
    assert parameter in body["detail"]


def test_other_methods_are_405(district) -> None:
    response = Client().post(f"{BASE}/de/pages/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


# --- caching ---------------------------------------------------------------------------


def test_answers_are_cached_and_revalidated(district) -> None:
    first = Client().get(f"{BASE}/de/pages/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert first["Content-Encoding"] == "br"
    assert first["Access-Control-Allow-Origin"] == "*"
    plain = Client().get(f"{BASE}/de/pages/")
    again = Client().get(f"{BASE}/de/pages/", HTTP_IF_NONE_MATCH=plain["ETag"])
    assert again.status_code == 304


def test_publishing_a_page_changes_the_etag_of_pages(district) -> None:
    before = Client().get(f"{BASE}/de/pages/")
    home = Page.objects.get(url_path="/testkreis/de/")
    add_page(home, "Gesundheit", "gesundheit")
    after = Client().get(f"{BASE}/de/pages/", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert "/testkreis/de/gesundheit/" in after.content.decode()


def test_unpublishing_a_page_changes_the_etag_of_pages(district) -> None:
    before = Client().get(f"{BASE}/de/pages/")
    district.pages["arbeit"].unpublish()
    after = Client().get(f"{BASE}/de/pages/", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert "/testkreis/de/arbeit/" not in after.content.decode()


def test_publishing_news_changes_the_etag_of_news(district) -> None:
    before = Client().get(f"{BASE}/de/news")
    make_news(district.region, "Neu")
    assert Client().get(f"{BASE}/de/news", HTTP_IF_NONE_MATCH=before["ETag"]).status_code == 200


# --- query counts ----------------------------------------------------------------------

LISTS = [
    "/api/v3/regions/",
    f"{BASE}/de/pages/",
    f"{BASE}/ar/pages/",
    f"{BASE}/de/children/?depth=3",
    f"{BASE}/de/events/",
    f"{BASE}/de/events/?combine_recurring=True",
    f"{BASE}/ar/locations/?on_map=1",
    f"{BASE}/de/news",
]


def query_counts(query_count: QueryCount) -> dict[str, CapturedQueries]:
    counts = {}
    for url in LISTS:
        cache.clear()
        with query_count.capture() as queries:
            assert Client().get(url).status_code == 200
        counts[url] = queries
    return counts


def test_list_queries_do_not_grow_with_the_rows(
    district, make_offer, make_place, towns, query_count: QueryCount
) -> None:
    small = query_counts(query_count)
    region = district.region
    home = Page.objects.get(url_path="/testkreis/de/")
    place = make_place(towns["Büdingen"], "Bürgerhaus")
    for n in range(4):
        section = add_page(home, f"Thema {n}", f"thema-{n}")
        page = add_page(section, f"Unterthema {n}", f"unterthema-{n}")
        offer = make_offer(f"Angebot {n}", towns["Büdingen"], place=place)
        PageOffer.objects.create(page=page, offer=offer)
        make_event(
            region,
            towns["Büdingen"],
            place,
            f"Treffen {n}",
            district.events["fest"].start,
            recurrence="FREQ=DAILY;COUNT=3",
        )
        make_news(region, f"Nachricht {n}")
    large = query_counts(query_count)
    for url in LISTS:
        query_count.assert_same(small[url], large[url])
    most = max(large.values(), key=len)
    assert len(most) <= 16, most.listing()


def test_inactive_regions_are_not_served(district, make_region) -> None:
    hidden = make_region("versteckt")
    hidden.is_active = False
    hidden.save()
    paths = [item["path"] for item in Client().get("/api/v3/regions/").json()]
    assert paths == ["testkreis"]
    assert Client().get("/api/v3/regions/versteckt/").status_code == 404
    assert Client().get("/api/v3/versteckt/de/pages/").status_code == 404


GARBAGE = [
    "",
    "-1",
    "0",
    "abc",
    "ü",
    "1e9",
    "../..",
    "http://[",
    "9" * 30,
    "/testkreis/de/",
    "\x00",
]
ENDPOINTS = [
    "pages/",
    "children/",
    "page/",
    "parents/",
    "events/",
    "locations/",
    "news",
    "news/local-1",
    "fcm/",
    "imprint/",
]
PARAMETERS = ["url", "id", "depth", "page", "count", "combine_recurring", "on_map"]


def test_garbage_never_gives_a_server_error(district) -> None:
    client = Client()
    for endpoint in ENDPOINTS:
        for name in PARAMETERS:
            for value in GARBAGE:
                response = client.get(f"{BASE}/de/{endpoint}", {name: value})
                assert response.status_code in (200, 400, 404), (endpoint, name, value)
                assert response["Content-Type"] == "application/json"
