"""Import from Integreat keeps everything: re-exported through our /api/v3/, an imported
region equals its source field by field, except ids and the derived fields listed in
docs/integreat-import.md ("Was beim Wiederausliefern anders ist").

Two sources: the real answers of Integreat's test region (../shared/fixtures/integreat-v3/,
skipped without them) and a region of ours, exported by our own API (round trip: build,
export, import as a new region, re-export, compare). No network: the import reads our API
through Django's test client (the --url path itself is tested in test_import_integreat).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from io import StringIO
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.test import Client
from wagtail.models import Page

from tests.api.test_import_integreat import (
    FIXTURES,
    edit_json,
    needs_fixtures,
    write_small_region,
)
from wir.api.integreat.import_actions import import_bundle
from wir.api.integreat.importer import api_path, load_bundle
from wir.core.html import sanitise_rich_text
from wir.core.languages import BY_CODE
from wir.portal.models import (
    ContentPage,
    DirectoryPage,
    Event,
    EventIndexPage,
    LegalPage,
    PageExtra,
    PageOrganisation,
    Place,
)

BERLIN = ZoneInfo("Europe/Berlin")
# Ids are ours, not Integreat's; everything else must survive.
IDS = {"id", "recurrence_id"}
# Derived fields (docs/integreat-import.md): times of publishing here, the excerpt (the
# first words of the content, in Integreat and here), `order` (compared as the order of
# siblings instead).
DERIVED = {"modified_gmt", "last_updated", "excerpt", "order"}
# Fields the current Integreat app (2026.8.1) needs that older answers lack: the time zone of
# opening-hours slots (always Europe/Berlin), `event.only_weekdays` (false) and, on the
# imprint, `embedded_offers` and `organization` (empty). Empty values compare as missing.
ADDED_FOR_CURRENT_APP = {"timezone", "only_weekdays"}
HOSTS = ("http://localhost:8000", "http://testserver", "http://127.0.0.1:8000")


def run_import(*args: str) -> str:
    out = StringIO()
    call_command("import_integreat", *args, "--no-progress", stdout=out, stderr=StringIO())
    return out.getvalue()


def get(path: str) -> Any:
    cache.clear()
    response = Client().get(path)
    assert response.status_code == 200, (path, response.status_code)
    return response.json()


def normal(value: Any, languages: set[str], rename: tuple[str, str] = ("", "")) -> Any:
    """`value` without ids and derived fields; addresses without host, region renamed."""
    if isinstance(value, dict):
        result = {}
        for key, item in value.items():
            if key in IDS or key in DERIVED or key in ADDED_FOR_CURRENT_APP:
                continue
            if key == "available_languages":
                item = {code: link for code, link in item.items() if code in languages}
            if key == "content" and isinstance(item, str):
                item = sanitise_rich_text(item, settings.WIR_IFRAME_HOSTS)
            item = normal(item, languages, rename)
            if item is None or item == [] or item == {}:
                continue
            result[key] = item
        return result
    if isinstance(value, list):
        return [normal(item, languages, rename) for item in value]
    if isinstance(value, str):
        for host in HOSTS:
            value = value.removeprefix(host)
        old, new = rename
        if old and value.startswith(f"/{old}/"):
            value = f"/{new}/" + value[len(old) + 2 :]
        return value
    return value


def sibling_order(pages: list[dict[str, Any]]) -> dict[str | None, list[str]]:
    """Each parent's children (by path) in their order: what `order` means."""
    found: dict[str | None, list[tuple[int, str]]] = {}
    for position, item in enumerate(pages):
        found.setdefault(item["parent"]["path"], []).append((item["order"], position, item["path"]))  # type: ignore[arg-type]
    return {parent: [path for *_rank, path in sorted(items)] for parent, items in found.items()}


def section_paths(region: str) -> set[str]:
    """Our pages that Integreat lists elsewhere: the sections the import adds (directory,
    events) and the imprint (Integreat's imprint/)."""
    sections = [
        *DirectoryPage.objects.all(),
        *EventIndexPage.objects.all(),
        *LegalPage.objects.all(),
    ]
    return {page.url_path for page in sections if page.url_path.startswith(f"/{region}/")}


def compare_pages(
    source: list[dict[str, Any]],
    ours: list[dict[str, Any]],
    languages: set[str],
    rename: tuple[str, str] = ("", ""),
) -> None:
    extra = section_paths(rename[1] or "augsburg")
    ours = [item for item in ours if item["path"] not in extra]
    expected = {
        normal(item["path"], languages, rename): normal(item, languages, rename) for item in source
    }
    got = {item["path"]: normal(item, languages) for item in ours}
    assert set(got) - set(expected) == set()
    assert set(expected) - set(got) == set()
    for path, item in expected.items():
        assert got[path] == item, path
    renamed = {
        normal(parent, languages, rename): [normal(p, languages, rename) for p in children]
        for parent, children in sibling_order(source).items()
    }
    assert sibling_order(ours) == renamed


def event_shape(item: dict[str, Any], languages: set[str]) -> dict[str, Any]:
    """An event without its path: ours is `{slug}-{id}` (documented), so are its links."""
    shape = normal(item, languages)
    for key in ("path", "url", "location_url", "location_path"):  # our addresses (documented)
        shape.pop(key, None)
    shape["available_languages"] = sorted(shape.get("available_languages", {}))
    return shape


# --- Integreat's test region -------------------------------------------------------------


@needs_fixtures
@pytest.mark.django_db
def test_reexport_of_the_integreat_test_region_equals_the_source() -> None:
    run_import("augsburg", "--from-dir", str(FIXTURES))
    # available_languages: only the languages imported for that kind (no English pages).
    languages = {"de", "ar", "en"}
    for code in ("de", "ar"):
        source = json.loads((FIXTURES / f"augsburg_{code}_pages.json").read_text())
        compare_pages(source, get(f"/api/v3/augsburg/{code}/pages/"), {"de", "ar"})
    for code in ("de", "en"):
        source = json.loads((FIXTURES / f"augsburg_{code}_imprint.json").read_text())
        ours = get(f"/api/v3/augsburg/{code}/imprint/")
        assert normal(ours, {"de", "en"}) == normal(source, {"de", "en"})
    source = json.loads((FIXTURES / "augsburg_de_events_combine_recurring.json").read_text())
    ours = get("/api/v3/augsburg/de/events/?combine_recurring=True")
    assert [event_shape(e, languages) for e in ours] == [event_shape(e, languages) for e in source]
    # The rule comes back as Integreat wrote it: DTSTART in UTC, UNTIL not shifted.
    assert ours[0]["recurrence_rule"] == source[0]["recurrence_rule"]


@needs_fixtures
@pytest.mark.django_db
def test_organisation_and_embedded_offers_are_kept() -> None:
    run_import("augsburg", "--from-dir", str(FIXTURES))
    organisation = PageOrganisation.objects.get()
    assert (organisation.slug, organisation.name) == ("test-organization", "Test Organization")
    assert organisation.website == "https://integreat-app.de/"
    assert ContentPage.objects.filter(organisation=organisation).count() == 4  # de and ar
    extras = list(PageExtra.objects.filter(page__locale__language_code="de").order_by("name"))
    assert [(e.name, e.alias) for e in extras] == [
        ("IHK Lehrstellenbörse", "ihk-lehrstellenboerse"),
        ("Zammad Formular", "zammad-formular"),
    ]
    assert extras[1].post == {"form-id": "example", "zammad-url": "https://zammad.example.com"}


@needs_fixtures
@pytest.mark.django_db
def test_imported_place_and_event_are_public(client: Client) -> None:
    output = run_import("augsburg", "--from-dir", str(FIXTURES))
    assert "Seite „Orte“ (de) angelegt." in output
    place = Place.objects.get()
    directory = DirectoryPage.objects.get(locale__language_code="de")
    assert directory.live
    assert client.get(f"{directory.url_path}ort/{place.pk}/").status_code == 200
    arabic = DirectoryPage.objects.get(locale__language_code="ar")
    assert arabic.translation_key == directory.translation_key
    calendar = EventIndexPage.objects.get(locale__language_code="de")
    event = Event.objects.get(locale__language_code="de")
    assert client.get(f"{calendar.url_path}veranstaltung/{event.pk}/").status_code == 200
    again = run_import("augsburg", "--from-dir", str(FIXTURES))
    assert "Seite „Orte“" not in again
    assert DirectoryPage.objects.count() == 3


# --- a region of ours, exported by our API and imported again -----------------------------


@dataclass(frozen=True)
class OurApi:
    """Reads our own /api/v3/ the way the import reads an Integreat CMS (same paths, same
    404 rule), through Django's test client: no network, not even loopback sockets."""

    region: str

    def read(self, kind: str, language: str | None = None) -> tuple[str, bytes | None]:
        path = api_path(self.region, kind, language)
        cache.clear()
        answer = Client().get(path)
        if answer.status_code == 404:
            return path, None
        assert answer.status_code == 200, (path, answer.status_code)
        return path, answer.content


def build_region(tmp_path: Path) -> None:
    """A region of ours with Unicode slugs, an organisation, an external tool and a
    recurring event, made through the import (the quickest way to all of it)."""
    directory = tmp_path / "quelle"
    directory.mkdir()

    def put(name: str, data: Any) -> None:
        (directory / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    put(
        "quelle_languages.json",
        [
            {"id": 1, "code": "de", "native_name": "Deutsch", "dir": "LEFT_TO_RIGHT"},
            {"id": 2, "code": "fa", "native_name": "فارسی", "dir": "RIGHT_TO_LEFT"},
        ],
    )
    organisation = {
        "id": 4,
        "slug": "caritas-wetterau",
        "name": "Caritas Wetterau",
        "logo": "https://example.org/logo.png",
        "website": "https://example.org/",
    }
    tool = {"name": "Jobbörse", "alias": "jobboerse", "url": "https://jobs.example.org/",
            "post": {"plz": "61169"}, "thumbnail": ""}  # fmt: skip

    def page(pid: int, path: str, title: str, parent: tuple[int, str | None], **more: Any) -> Any:
        return {
            "id": pid, "path": path, "title": title, "excerpt": title,
            "content": f"<p>{title}</p><p>Mehr zu {title}.</p>",
            "parent": {"id": parent[0], "url": None, "path": parent[1]}, "order": pid,
            "available_languages": more.pop("translations", {}), "organization": None,
            "embedded_offers": [], "thumbnail": None, "hash": None, **more,
        }  # fmt: skip

    put(
        "quelle_de_pages.json",
        [
            page(1, "/quelle/de/behörden/", "Behörden", (0, None),
                 translations={"fa": {"id": 11, "path": "/quelle/fa/ادارات/"}},
                 organization=organisation),
            page(2, "/quelle/de/behörden/ausländerbehörde/", "Ausländerbehörde",
                 (1, "/quelle/de/behörden/"), embedded_offers=[tool]),
            page(3, "/quelle/de/arbeit/", "Arbeit", (0, None)),
        ],
    )  # fmt: skip
    put(
        "quelle_fa_pages.json",
        [
            page(11, "/quelle/fa/ادارات/", "ادارات", (0, None),
                 translations={"de": {"id": 1, "path": "/quelle/de/behörden/"}},
                 organization=organisation),
        ],
    )  # fmt: skip
    put(
        "quelle_de_events.json",
        [
            {
                "id": 5, "path": "/quelle/de/events/treff/", "title": "Sprachtreff",
                "excerpt": "Jeden Dienstag.", "content": "<p>Jeden Dienstag.</p>",
                "available_languages": {}, "location": None,
                "event": {"id": 50, "start": "2030-03-05T18:00:00+01:00",
                          "end": "2030-03-05T20:00:00+01:00", "all_day": False,
                          "recurrence_id": 50, "timezone": "Europe/Berlin"},
                "recurrence_rule": "DTSTART:20300305T170000\nRRULE:FREQ=WEEKLY;"
                                   "UNTIL=20300630T235959;BYDAY=TU",
            }
        ],
    )  # fmt: skip
    run_import("quelle", "--from-dir", str(directory), "--name", "Stadt Quelle")


@pytest.mark.django_db
def test_round_trip_through_our_own_api(tmp_path: Path) -> None:
    build_region(tmp_path)
    languages = {"de", "fa"}
    first = {code: get(f"/api/v3/quelle/{code}/pages/") for code in languages}
    events = get("/api/v3/quelle/de/events/?combine_recurring=True")
    assert first["de"][0]["path"] == "/quelle/de/behörden/"
    assert first["de"][0]["organization"]["name"] == "Caritas Wetterau"
    assert events[0]["recurrence_rule"].endswith("UNTIL=20300630T235959;BYDAY=TU")

    bundle = load_bundle(OurApi("quelle"), "quelle", None, set(BY_CODE))
    report = import_bundle(bundle, into="kopie", name="Stadt Kopie")
    assert report.counts["page"].skipped == 0
    assert report.counts["event"].skipped == 0, report.skipped
    for code in languages:
        compare_pages(
            first[code], get(f"/api/v3/kopie/{code}/pages/"), languages, ("quelle", "kopie")
        )
    again = get("/api/v3/kopie/de/events/?combine_recurring=True")
    assert [event_shape(e, languages) for e in again] == [event_shape(e, languages) for e in events]
    copy = Event.objects.get(region__slug="kopie", locale__language_code="de")
    assert copy.start == datetime(2030, 3, 5, 18, tzinfo=BERLIN)
    assert Page.objects.get(url_path="/kopie/fa/ادارات/").live


@pytest.mark.django_db
def test_organisation_is_kept_current_and_odd_values_are_cleaned(tmp_path: Path) -> None:
    directory = write_small_region(tmp_path / "answers")
    pages_file = directory / "kleinstadt_de_pages.json"

    def add(pages: list[dict[str, Any]]) -> None:
        pages[1]["organization"] = {
            "id": 3, "slug": "stadt", "name": "Stadt Kleinstadt",
            "logo": "kein Link", "website": "https://kleinstadt.example/",
        }  # fmt: skip
        pages[1]["embedded_offers"] = [
            {"name": "Formular", "alias": "Mein Formular", "url": None, "thumbnail": None,
             "post": None},
        ]  # fmt: skip

    edit_json(pages_file, add)
    args = ("kleinstadt", "--from-dir", str(directory), "--name", "Kleinstadt")
    output = run_import(*args)
    assert "Organisation „Stadt Kleinstadt“ angelegt." in output
    organisation = PageOrganisation.objects.get()
    assert (organisation.slug, organisation.logo_url) == ("stadt", "")
    ankommen = ContentPage.objects.get(url_path="/kleinstadt/de/ankommen/")
    assert ankommen.organisation == organisation
    extra = PageExtra.objects.get(page=ankommen)
    assert (extra.alias, extra.url, extra.thumbnail, extra.post) == ("mein-formular", "", "", None)

    edit_json(pages_file, lambda pages: pages[1]["organization"].update(name="Stadt K."))
    run_import(*args)
    assert PageOrganisation.objects.get().pk == organisation.pk
    assert PageOrganisation.objects.get().name == "Stadt K."
    assert PageExtra.objects.filter(page=ankommen).count() == 1

    edit_json(pages_file, lambda pages: pages[1]["embedded_offers"][0].update(name=""))
    with pytest.raises(CommandError, match=r"\[1\]\.embedded_offers\[0\]\.name: must not be empty"):
        run_import(*args)


PLACE_FIELDS = ("opening_hours", "temporarily_closed", "barrier_free")


def rounded(location: dict[str, Any]) -> dict[str, Any]:
    """Coordinates to our precision (6 decimal places, about 10 cm): documented."""
    return {
        key: round(value, 6) if key in ("latitude", "longitude") and value else value
        for key, value in location.items()
    }


@needs_fixtures
@pytest.mark.django_db
def test_imported_place_is_served_again_in_locations() -> None:
    run_import("augsburg", "--from-dir", str(FIXTURES))
    [source] = json.loads((FIXTURES / "augsburg_de_locations.json").read_text())
    ours = get("/api/v3/augsburg/de/locations/")
    [place] = [item for item in ours if item["location"]["name"] == "Test-Ort"]
    assert rounded(normal(place["location"], set())) == rounded(normal(source["location"], set()))
    for field in PLACE_FIELDS:
        assert normal(place[field], set()) == normal(source[field], set()), field


@needs_fixtures
@pytest.mark.django_db
def test_public_page_shows_organisation_and_external_tools(client: Client) -> None:
    run_import("augsburg", "--from-dir", str(FIXTURES))
    board = PageExtra.objects.get(name="IHK Lehrstellenbörse", page__locale__language_code="de")
    text = client.get(board.page.url_path).text
    assert f'href="{board.url.replace("&", "&amp;")}"' in text
    assert "Zammad Formular" not in text  # no address: a form only the app can send
    organised = ContentPage.objects.filter(organisation__isnull=False, locale__language_code="de")
    text = client.get(organised.first().url_path).text  # type: ignore[union-attr]
    assert '<a class="kern-link" href="https://integreat-app.de/"' in text
    assert "Test Organization" in text
