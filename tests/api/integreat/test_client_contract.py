"""Contract with the current Integreat app (release 2026.8.1): every endpoint it reads, in
every language of a region, checked field by field against `client_types` (written from
the app's own types and mappers), plus the app's rules beyond the types. "A region loads"
means what the app needs to open it: pages, events, locations and news all parse.

Regions checked: the small test district, the region imported from the real older
Integreat answers (when those fixtures are on this machine) and the demo district.
"""

from __future__ import annotations

import json
from io import StringIO
from typing import Any
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.test import Client

from tests.api.integreat import client_types as ct
from tests.api.integreat.shape import fixtures_dir
from wir.api.integreat import locations as places
from wir.core.models import Region

pytestmark = pytest.mark.django_db

API = "/api/v3/"
# Pages of a big region checked one by one (page/, parents/, children/) per language.
PAGES_CHECKED = 12


class Problems(list[str]):
    def check(self, value: Any, kind: ct.Type, where: str) -> None:
        self.extend(f"{where} {problem}" for problem in kind.problems(value, "$"))


def get(client: Client, url: str, problems: Problems) -> Any:
    response = client.get(API + url)
    if response.status_code != 200:
        problems.append(f"{url}: HTTP {response.status_code}")
        return None
    return json.loads(response.content)


def fetch(client: Client, name: str, problems: Problems, **params: str) -> Any:
    """Ask `name` as the app does and check the answer against its type."""
    [endpoint] = [
        e
        for e in ct.ENDPOINTS
        if e.name == name and set(e.needs) == set(params) - {"region", "language"}
    ]
    url = endpoint.url.format(**params)
    found = get(client, url, problems)
    if found is not None:
        problems.check(found, endpoint.answer, url)
    return found


def region_loads(client: Client, region: str, language: str) -> Problems:
    """What the app loads together when a region opens; every one must parse."""
    problems = Problems()
    loaded = {
        name: fetch(client, name, problems, region=region, language=language)
        for name in ct.REGION_LOADS
    }
    if loaded["categories"] is not None:
        problems += ct.category_rules(loaded["categories"], region, language)
    if loaded["events"] is not None and loaded["places"] is not None:
        paths = {place["path"] for place in loaded["places"]}
        problems += ct.event_rules(loaded["events"], paths)
    return problems


def region_problems(client: Client, slug: str) -> Problems:
    """Every endpoint the app reads, in every language the region lists."""
    problems = Problems()
    listed = fetch(client, "regions", problems) or []
    entry = next((r for r in listed if r["path"] == slug), None)
    if entry is None:
        return Problems([f"regions/ does not list {slug}"])
    entry = fetch(client, "region", problems, region=slug) or entry
    codes = [language["code"] for language in entry["languages"]]
    assert codes, f"{slug} lists no language"
    for code in codes:
        params = {"region": slug, "language": code}
        problems += region_loads(client, slug, code)
        fetch(client, "categoryChildren", problems, **params)
        fetch(client, "imprint", problems, **params)
        pages = get(client, f"{slug}/{code}/pages/", problems) or []
        for page in pages[:PAGES_CHECKED]:
            path = quote(page["path"])
            single = fetch(client, "categoryContent", problems, path=path, **params)
            if single is not None and single["path"] != page["path"]:
                problems.append(f"page/?url={page['path']} answers {single['path']}")
            fetch(client, "categoryParents", problems, path=path, **params)
            fetch(client, "categoryChildren", problems, path=path, **params)
        for item in get(client, f"{slug}/{code}/news", problems) or []:
            one = fetch(client, "newsElement", problems, id=item["id"], **params)
            if one is not None and one["id"] != item["id"]:
                problems.append(f"news/{item['id']} answers {one['id']}")
            for other, ref in (item["available_languages"] or {}).items():
                fetch(client, "newsElement", problems, region=slug, language=other, id=ref["id"])
    return problems


def feedback_problems(client: Client, slug: str, language: str) -> Problems:
    """The app's feedback: POST form data to feedback/<type>/, any 2xx is success."""
    problems = Problems()
    base = f"{slug}/{language}"
    pages = get(client, f"{base}/pages/", problems) or []
    events = get(client, f"{base}/events/?combine_recurring=True", problems) or []
    pois = get(client, f"{base}/locations/?on_map=1", problems) or []
    last = lambda item: item["path"].strip("/").split("/")[-1]  # noqa: E731
    sent = [
        ("categories", {}),
        ("search", {"query": "Kita"}),
        ("events", {}),
        ("imprint-page", {}),
        ("map", {}),
        *[("page", {"slug": last(p)}) for p in pages[:1]],
        *[("event", {"slug": last(e)}) for e in events[:1]],
        *[("poi", {"slug": last(p)}) for p in pois[:1]],
        *[("poi", {"slug": last(p)}) for p in pois if "-ort" in p["path"]][:1],
    ]
    for kind, data in sent:
        form = {
            "rating": "up",
            "category": "Inhalte",
            "comment": "Gut    Kontaktadresse: Keine Angabe",
        }
        response = client.post(f"{API}{base}/feedback/{kind}/", {**form, **data})
        if not 200 <= response.status_code < 300:
            problems.append(f"feedback/{kind}/ {data}: HTTP {response.status_code}")
    return problems


# --- the test district -----------------------------------------------------------------


def test_every_endpoint_in_every_language_fits_the_app(district) -> None:
    problems = region_problems(Client(), "testkreis")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", ["de", "en", "ar"])
def test_the_region_loads(district, language) -> None:
    problems = region_loads(Client(), "testkreis", language)
    assert not problems, "\n".join(problems)
    answer = Client().get(f"{API}testkreis/{language}/locations/?on_map=1").json()
    assert any(item["contacts"] for item in answer)
    events = Client().get(f"{API}testkreis/{language}/events/?combine_recurring=True").json()
    assert any(item["location_path"] for item in events)  # checked to resolve above


def test_feedback_as_the_app_sends_it(district) -> None:
    problems = feedback_problems(Client(), "testkreis", "de")
    assert not problems, "\n".join(problems)


def test_a_region_without_content_loads(district, make_region) -> None:
    """No pages, events, places or news: every list is empty and parses. Only the
    imprint is missing (404; the app shows "not found" on that page alone)."""
    make_region("leerkreis")
    for language in ("de", "en", "ar"):
        assert not region_loads(Client(), "leerkreis", language)
    problems = region_problems(Client(), "leerkreis")
    assert problems == [f"leerkreis/{code}/imprint/: HTTP 404" for code in ("de", "en", "ar")]


# --- the validator can fail ------------------------------------------------------------


def test_the_validator_rejects_a_location_without_contacts(district) -> None:
    answer = Client().get(f"{API}testkreis/de/locations/?on_map=1").json()
    assert not ct.ListOf(ct.PLACE).problems(answer, "$")
    del answer[0]["contacts"]
    assert ct.ListOf(ct.PLACE).problems(answer, "$") == ["$[0].contacts: missing"]


def test_the_region_no_longer_loads_when_locations_lack_contacts(district, monkeypatch) -> None:
    real = places.location_dict

    def without_contacts(*args: Any, **kwargs: Any) -> dict[str, Any]:
        entry = real(*args, **kwargs)
        del entry["contacts"]
        return entry

    monkeypatch.setattr(places, "location_dict", without_contacts)
    problems = region_loads(Client(), "testkreis", "de")
    assert problems
    assert all(problem.endswith(".contacts: missing") for problem in problems)


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        (ct.NEWS, {"id": 1}, "$.id: int 1, expected string"),
        (ct.NEWS, {"source": "fcm"}, "$.source: 'fcm' is none of"),
        (ct.NEWS, {"externalUrl": None}, "$.externalUrl: null"),
        (ct.NEWS, {"display_date": "gestern"}, "$.display_date: 'gestern' is not an ISO"),
        (ct.EVENT, {"recurrence_rule": "RRULE:FREQ=SOMETIMES"}, "$.recurrence_rule:"),
        (ct.EVENT, {"meeting_url": 3}, "$.meeting_url: int"),
        (ct.REGION, {"is_chat_enabled": None}, "$.is_chat_enabled: null"),
        (ct.CATEGORY, {"parent": None}, "$.parent: NoneType"),
        (ct.CONTACT, {"name": 5}, "$.name: int"),
        (ct.TIME_SLOT, {"timezone": "Mitteleuropa"}, "$.timezone: 'Mitteleuropa' is not an IANA"),
        (ct.TIME_SLOT, {"start": "9 Uhr"}, "$.start: '9 Uhr' is not HH:mm"),
    ],
)
def test_the_validator_rejects_wrong_fields(kind, value, expected) -> None:
    samples = {
        id(ct.NEWS): {
            "id": "local-1",
            "title": "t",
            "content": "<p>c</p>",
            "display_date": "2026-08-01T10:00:00+02:00",
            "source": "local",
            "externalUrl": "https://example.org/",
            "available_languages": None,
        },
        id(ct.TIME_SLOT): {"start": "09:00", "end": "12:00", "timezone": "Europe/Berlin"},
        id(ct.CONTACT): dict.fromkeys(ct.CONTACT.fields),
    }
    sample = samples.get(id(kind), {})
    problems = kind.problems({**sample, **value}, "$")
    assert any(problem.startswith(expected) for problem in problems), problems
    if sample:
        assert not kind.problems(sample, "$")  # the unchanged sample fits


def test_the_clients_rules_catch_orphans_and_dangling_place_paths() -> None:
    page = {"path": "/r/de/a/b/", "parent": {"path": "/r/de/a/"}}
    assert ct.category_rules([page], "r", "de") == [
        "$[0].parent.path '/r/de/a' is not a page of this answer"
    ]
    top = {"path": "/r/de/a/", "parent": {"path": None}}
    assert ct.category_rules([top, page], "r", "de") == []
    assert ct.category_rules([{**top, "path": "/x/de/a/"}], "r", "de")
    twins = [top, {**top, "path": "/r/de/A/"}]
    assert ct.category_rules(twins, "r", "de") == ["two pages share one path"]
    event = {"location_path": "/r/de/locations/weg-ort1/"}
    assert ct.event_rules([event], set()) == [
        "$[0].location_path '/r/de/locations/weg-ort1/' is no place of the places answer"
    ]
    assert ct.event_rules([event], {"/r/de/locations/weg-ort1/"}) == []


# --- regions built from other data -----------------------------------------------------


def test_the_region_imported_from_integreat_answers_fits_the_app(db) -> None:
    folder = fixtures_dir()
    if not (folder / "augsburg_languages.json").is_file():
        pytest.skip(f"Integreat fixtures not found at {folder}")
    call_command(
        "import_integreat",
        "augsburg",
        "--from-dir",
        str(folder),
        "--no-progress",
        stdout=StringIO(),
        stderr=StringIO(),
    )
    Region.objects.filter(slug="augsburg").update(is_active=True)
    client = Client()
    problems = region_problems(client, "augsburg")
    problems += feedback_problems(client, "augsburg", "de")
    assert not problems, "\n".join(problems)


# The demo district is checked with these rules in tests/demo/test_load_demo.py, on the
# build that test makes anyway (a demo build is the slowest thing in the suite).
