"""Contract: every endpoint answers in the shape of the real Integreat CMS answers.

The fixtures (real Integreat answers, Apache-2.0, not part of this project) are read from
WIR_INTEGREAT_FIXTURES, by default ../shared/fixtures/integreat-v3 beside the project;
without them these tests are skipped.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.test import Client

from tests.api.integreat.conftest import BASE
from tests.api.integreat.shape import assert_same_shape, fixture, shape_problems

pytestmark = pytest.mark.django_db

EVENT_FIXTURES = (
    "augsburg_de_events.json",
    "augsburg_en_events.json",
    "augsburg_ar_events.json",
    "augsburg_de_events_combine_recurring.json",
)
PAGE_FIXTURES = ("augsburg_de_pages.json", "augsburg_ar_pages.json")


def get(url: str) -> Any:
    response = Client().get(url)
    assert response.status_code == 200, response.content
    return json.loads(response.content)


def all_events() -> list[Any]:
    return [item for name in EVENT_FIXTURES for item in fixture(name)]


# --- the comparer itself ---------------------------------------------------------------


def test_the_comparer_finds_differences() -> None:
    sample = {"id": 1, "parent": {"id": 0, "url": None}, "tags": [{"a": "x"}], "n": None}
    assert (
        shape_problems({"id": 2, "parent": {"id": 3, "url": None}, "tags": [], "n": None}, [sample])
        == []
    )
    assert shape_problems(
        {"id": "2", "parent": {"id": 3, "url": None}, "tags": [], "n": None}, [sample]
    )
    assert shape_problems({"id": 2, "parent": {"id": 3}, "tags": [], "n": None}, [sample])
    assert shape_problems(
        {"id": 2, "parent": {"id": 3, "url": None}, "tags": [{"b": 1}], "n": None}, [sample]
    )
    assert shape_problems(
        {"id": 2, "parent": {"id": 3, "url": None}, "tags": [], "n": None, "x": 1}, [sample]
    )
    assert shape_problems(
        {"id": None, "parent": {"id": 3, "url": None}, "tags": [], "n": None}, [sample]
    )


# --- regions and languages -------------------------------------------------------------


def test_regions(district) -> None:
    assert_same_shape(get("/api/v3/regions/"), fixture("regions.json"))


def test_region(district) -> None:
    assert_same_shape(get("/api/v3/regions/testkreis/"), fixture("regions_augsburg.json"))


@pytest.mark.parametrize("url", [f"{BASE}/languages/", f"{BASE}/de/languages/"])
def test_languages(district, url) -> None:
    assert_same_shape(get(url), fixture("augsburg_languages.json"))


# --- pages -----------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["de", "ar"])
def test_pages(district, language) -> None:
    ours = get(f"{BASE}/{language}/pages/")
    assert ours
    assert_same_shape(ours, *[fixture(name) for name in PAGE_FIXTURES])


def test_children(district) -> None:
    ours = get(f"{BASE}/de/children/?depth=2")
    assert_same_shape(ours, fixture("augsburg_de_children_depth_2.json"))


def test_single_page(district) -> None:
    ours = get(f"{BASE}/de/page/?url=/testkreis/de/ankommen/wohnen/")
    assert ours["embedded_offers"]
    assert_same_shape(ours, fixture("augsburg_de_page_1.json"), *fixture("augsburg_de_pages.json"))


def test_parents(district) -> None:
    ours = get(f"{BASE}/de/parents/?url=/testkreis/de/ankommen/wohnen/miete/")
    assert len(ours) == 2
    assert_same_shape(ours, fixture("augsburg_de_pages.json"))


def test_embedded_offers(district) -> None:
    ours = get(f"{BASE}/de/page/?url=/testkreis/de/ankommen/wohnen/")["embedded_offers"]
    assert_same_shape(ours, fixture("augsburg-offers.json"))


def test_page_paths_have_integreats_format(district) -> None:
    pattern = r"^/{region}/{language}/(?:[^/]+/)+$"
    for item in fixture("augsburg_de_pages.json"):
        assert re.match(pattern.format(region="augsburg", language="de"), item["path"])
        assert item["url"].endswith(item["path"])
    for item in get(f"{BASE}/de/pages/"):
        assert re.match(pattern.format(region="testkreis", language="de"), item["path"])
        assert item["url"].endswith(item["path"])


# --- imprint ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["de", "en"])
def test_imprint(district, language) -> None:
    ours = get(f"{BASE}/{language}/imprint/")
    assert_same_shape(ours, fixture(f"augsburg_{language}_imprint.json"))


# --- events ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query", ["", "?combine_recurring=True"], ids=["expanded", "combine_recurring"]
)
@pytest.mark.parametrize("language", ["de", "en", "ar"])
def test_events(district, language, query) -> None:
    ours = get(f"{BASE}/{language}/events/{query}")
    assert any(item["location"]["id"] is None for item in ours)  # an event without a place
    assert any(item["location"]["id"] is not None for item in ours)
    assert_same_shape(ours, all_events())


def test_event_paths_have_integreats_format(district) -> None:
    pattern = r"^/{region}/{language}/events/[^/$]+(?:\$\d{{4}}-\d{{2}}-\d{{2}})?/$"
    for item in all_events():
        assert re.match(pattern.format(region="augsburg", language=r"\w+"), item["path"])
    for item in get(f"{BASE}/de/events/"):
        assert re.match(pattern.format(region="testkreis", language="de"), item["path"])


def test_recurrence_rule_has_integreats_format(district) -> None:
    pattern = r"^DTSTART:\d{8}T\d{6}\nRRULE:FREQ=\w+(;[A-Z]+=[^;\n]+)*$"
    assert re.match(
        pattern, fixture("augsburg_de_events_combine_recurring.json")[0]["recurrence_rule"]
    )
    rules = [i["recurrence_rule"] for i in get(f"{BASE}/de/events/?combine_recurring=True")]
    assert any(rule and re.match(pattern, rule) for rule in rules)


# --- locations -------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["de", "en", "ar"])
def test_locations(district, language) -> None:
    ours = get(f"{BASE}/{language}/locations/?on_map=1")
    assert any(item["opening_hours"] for item in ours)
    assert_same_shape(ours, fixture(f"augsburg_{language}_locations.json"))


def test_location_paths_have_integreats_format(district) -> None:
    pattern = r"^/{region}/{language}/locations/[^/]+/$"
    for item in fixture("augsburg_de_locations.json"):
        assert re.match(pattern.format(region="augsburg", language="de"), item["path"])
    for item in get(f"{BASE}/de/locations/"):
        assert re.match(pattern.format(region="testkreis", language="de"), item["path"])


# --- news (no fixture: the older shape of Integreat's local news, still served by fcm/) -

PUSH_NEWS_SHAPE = {
    "id": 1,
    "title": "",
    "message": "",
    "timestamp": "",
    "last_updated": "",
    "display_date": "",
    "channel": "",
    "available_languages": {"de": {"id": 1}},
    "source": "",
    "link": None,
}


def test_push_news_shape(district) -> None:
    ours = get(f"{BASE}/de/fcm/?channel=news")
    assert ours
    assert_same_shape(ours, [PUSH_NEWS_SHAPE])
    assert_same_shape(get(f"{BASE}/de/fcm/?id={ours[0]['id']}"), [PUSH_NEWS_SHAPE])
