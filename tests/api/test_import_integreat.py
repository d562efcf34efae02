"""`manage.py import_integreat`: Integreat API v3 answers into a region of ours.

Most tests read the real answers of Integreat's test region `augsburg` in place (see
../shared/fixtures/integreat-v3/README.md); they skip when that folder is absent. The
tests at the end use small handcrafted answers and run everywhere.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, time
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path
from typing import Any
from urllib.parse import unquote
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from wagtail.models import ModelLogEntry, Page

from wir.api.integreat.import_pages import tree_depths
from wir.api.integreat.importer import PAGES, IntegreatFormatError, parse
from wir.api.integreat.mapping import (
    PlanError,
    coordinates,
    event_plan,
    opening_plan,
    translation_groups,
)
from wir.api.integreat.records import DayHours, EventTimes, PageRecord
from wir.api.integreat.serializers import description_html
from wir.api.models import IntegreatRecord
from wir.core.models import Area, Region
from wir.portal.models import ContentPage, Event, LegalPage, OpeningSlot, Place

BERLIN = ZoneInfo("Europe/Berlin")
PROJECT_ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(
    os.environ.get(
        "WIR_INTEGREAT_FIXTURES", PROJECT_ROOT.parent / "shared" / "fixtures" / "integreat-v3"
    )
)
needs_fixtures = pytest.mark.skipif(
    not (FIXTURES / "augsburg_languages.json").is_file(),
    reason=f"Integreat fixtures not found at {FIXTURES} (set WIR_INTEGREAT_FIXTURES)",
)


def run_import(*args: str) -> str:
    out = StringIO()
    call_command("import_integreat", *args, "--no-progress", stdout=out, stderr=StringIO())
    return out.getvalue()


def import_fixtures(directory: Path = FIXTURES, *args: str) -> str:
    return run_import("augsburg", "--from-dir", str(directory), *args)


def page(language: str, integreat_id: int) -> ContentPage:
    record = IntegreatRecord.objects.get(
        kind="page", integreat_id=str(integreat_id), language=language
    )
    return ContentPage.objects.get(pk=record.object_id)


def counts_line(output: str, label: str) -> str:
    return next(line.strip() for line in output.splitlines() if line.strip().startswith(label))


def snapshot() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "places": Place.objects.count(),
        "slots": OpeningSlot.objects.count(),
        "events": Event.objects.count(),
        "records": IntegreatRecord.objects.count(),
        "regions": Region.objects.count(),
        "areas": Area.objects.count(),
    }


@pytest.fixture
def fixture_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture files (only inside tmp_path, never in the project)."""
    target = tmp_path / "integreat"
    shutil.copytree(FIXTURES, target)
    for path in target.iterdir():
        path.chmod(0o644)
    return target


def edit_json(path: Path, change: Any) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


# --- the real augsburg answers ------------------------------------------------------------


@needs_fixtures
@pytest.mark.django_db
def test_creates_region_and_page_tree_with_parents_and_order() -> None:
    output = import_fixtures()
    region = Region.objects.get(slug="augsburg")
    assert region.name == "Augsburg"
    assert region.prefix == "Stadt"
    assert "Seiten: 33 angelegt, 0 aktualisiert, 0 unverändert, 0 übersprungen" in output
    home_de = Page.objects.get(url_path="/augsburg/de/")
    welcome = page("de", 75)
    assert welcome.get_parent().pk == home_de.pk
    assert welcome.slug == "willkommen"
    children = [p.title for p in welcome.get_children().specific()]
    assert children[:2] == ["Wissenswertes über Augsburg", "Über die App Integreat Augsburg"]
    assert page("de", 36).get_parent().pk == page("de", 35).pk  # Ausländerbehörde
    assert page("de", 35).get_parent().pk == page("de", 34).pk
    top_level = [p.slug for p in ContentPage.objects.child_of(home_de)]
    assert top_level[:3] == ["willkommen", "behörden-und-beratung", "deutsche-sprache"]
    assert ContentPage.objects.filter(locale__language_code="ar", live=True).count() == 14
    assert all(p.live for p in ContentPage.objects.all())


@needs_fixtures
@pytest.mark.django_db
def test_rich_text_is_sanitised_and_intro_plain() -> None:
    import_fixtures()
    bodies = " ".join(ContentPage.objects.values_list("body", flat=True))
    assert "<div" not in bodies
    assert "<span" not in bodies
    assert "<p>" in bodies
    # The excerpt is derived from the content in Integreat: not imported as an intro.
    welcome = page("de", 75)
    assert welcome.intro == ""
    assert welcome.body == "<p>Willkommen in Augsburg</p>"


@needs_fixtures
@pytest.mark.django_db
def test_translations_share_translation_key() -> None:
    import_fixtures()
    german, arabic = page("de", 75), page("ar", 13)
    assert german.translation_key == arabic.translation_key
    assert arabic.get_parent().url_path == "/augsburg/ar/"
    # Integreat's own slugs are kept, Arabic letters included (old links keep working).
    assert arabic.slug == "معلومات-الوصول"
    assert arabic.url_path == "/augsburg/ar/معلومات-الوصول/"
    assert page("ar", 38).translation_key == page("de", 36).translation_key
    assert page("ar", 38).get_parent().pk == page("ar", 46).pk
    assert {p.locale.language_code for p in german.get_translations()} == {"ar"}


@needs_fixtures
@pytest.mark.django_db
def test_places_with_monday_first_opening_hours() -> None:
    output = import_fixtures()
    assert "Orte: 1 angelegt" in output
    place = Place.objects.get()
    assert place.name == "Test-Ort"
    assert (place.street, place.postcode, place.town) == ("Wolfgangstraße 2", "86153", "Augsburg")
    assert place.area.name == "Augsburg"
    assert place.accessibility == "full"
    assert not place.appointment_only
    week = [[(s.opens, s.closes) for s in place.opening_slots.filter(weekday=d)] for d in range(7)]
    morning_afternoon = [(time(10), time(13)), (time(15), time(18))]
    assert week[0] == morning_afternoon  # Monday
    assert week[1] == morning_afternoon
    assert week[2] == []  # Wednesday closed
    assert week[3] == morning_afternoon
    assert week[4] == [(time(10), time(14))]  # Friday
    assert week[5] == week[6] == []


@needs_fixtures
@pytest.mark.django_db
def test_recurring_event_occurrences_become_one_event_per_language() -> None:
    output = import_fixtures()
    assert "Veranstaltungen: 3 angelegt" in output
    events = Event.objects.order_by("locale__language_code")
    assert [e.locale.language_code for e in events] == ["ar", "de", "en"]
    german = Event.objects.get(locale__language_code="de")
    assert german.title == "Test-Veranstaltung"
    assert german.live
    assert german.start == datetime(2030, 1, 1, 13, tzinfo=BERLIN)
    assert german.end == datetime(2030, 1, 1, 15, tzinfo=BERLIN)
    # Integreat's UNTIL is in DTSTART's frame (UTC): kept in UTC, so it does not shift.
    assert german.recurrence == "FREQ=WEEKLY;INTERVAL=2;UNTIL=20310101T235959Z;BYDAY=TU,TH"
    assert len({e.translation_key for e in events}) == 1
    january = german.occurrences_between(
        datetime(2030, 1, 1, tzinfo=BERLIN), datetime(2030, 2, 1, tzinfo=BERLIN)
    )
    assert [o.start.day for o in january] == [1, 3, 15, 17, 29, 31]  # as Integreat lists them
    assert german.area.name == "Augsburg"


@needs_fixtures
@pytest.mark.django_db
def test_imprint_per_language_as_linked_legal_pages() -> None:
    import_fixtures()
    imprints = LegalPage.objects.filter(kind="imprint").order_by("locale__language_code")
    assert [p.locale.language_code for p in imprints] == ["de", "en"]
    assert len({p.translation_key for p in imprints}) == 1
    german = imprints.get(locale__language_code="de")
    assert german.title == "Rechtliches"
    assert german.url_path == "/augsburg/de/disclaimer/"
    assert "Stadt Augsburg" in german.body


@needs_fixtures
@pytest.mark.django_db
def test_missing_files_are_reported_not_fatal() -> None:
    output = import_fixtures()
    assert "augsburg_fa_pages.json: nicht gefunden, übersprungen" in output
    assert "augsburg_en_pages.json: nicht gefunden, übersprungen" in output


@needs_fixtures
@pytest.mark.django_db
def test_rerun_changes_nothing_and_counts_unchanged() -> None:
    import_fixtures()
    before = snapshot()
    revisions = {p.pk: p.latest_revision_id for p in Page.objects.all()}
    output = import_fixtures()
    assert snapshot() == before
    assert {p.pk: p.latest_revision_id for p in Page.objects.all()} == revisions
    assert "Seiten: 0 angelegt, 0 aktualisiert, 33 unverändert" in output
    assert "Orte: 0 angelegt, 0 aktualisiert, 1 unverändert" in output
    assert "Veranstaltungen: 0 angelegt, 0 aktualisiert, 3 unverändert" in output
    assert "Impressum: 0 angelegt, 0 aktualisiert, 2 unverändert" in output


@needs_fixtures
@pytest.mark.django_db
def test_upstream_edit_updates_with_a_new_published_revision(fixture_copy: Path) -> None:
    import_fixtures(fixture_copy)
    welcome = page("de", 75)
    revision = welcome.latest_revision_id

    def retitle(pages: list[dict[str, Any]]) -> None:
        pages[0]["title"] = "Herzlich willkommen"
        pages[0]["content"] = "<p>Neu</p><script>alert(1)</script>"

    edit_json(fixture_copy / "augsburg_de_pages.json", retitle)
    edit_json(
        fixture_copy / "augsburg_de_locations.json",
        lambda places: places[0]["opening_hours"][6].update(
            closed=False, timeSlots=[{"start": "11:00", "end": "12:00"}]
        ),
    )
    output = import_fixtures(fixture_copy)
    assert "Seiten: 0 angelegt, 1 aktualisiert, 32 unverändert" in output
    assert "Orte: 0 angelegt, 1 aktualisiert" in output
    welcome = page("de", 75)
    assert welcome.title == "Herzlich willkommen"
    assert welcome.body == "<p>Neu</p>"
    assert welcome.live
    assert not welcome.has_unpublished_changes
    assert welcome.latest_revision_id != revision
    assert welcome.translation_key == page("ar", 13).translation_key
    sunday = Place.objects.get().opening_slots.filter(weekday=6)
    assert [(s.opens, s.closes) for s in sunday] == [(time(11), time(12))]


@needs_fixtures
@pytest.mark.django_db
def test_invalid_file_is_rejected_with_path_and_nothing_changes(fixture_copy: Path) -> None:
    edit_json(
        fixture_copy / "augsburg_ar_events.json",
        lambda events: events[2]["event"].update(start="bald"),
    )
    edit_json(
        fixture_copy / "augsburg_de_pages.json",
        lambda pages: pages[3]["parent"].update(id="1"),
    )
    before = snapshot()
    with pytest.raises(CommandError) as error:
        import_fixtures(fixture_copy)
    assert "augsburg_de_pages.json: [3].parent.id: expected integer, got string" in str(error.value)
    assert snapshot() == before


@needs_fixtures
@pytest.mark.django_db
def test_invalid_file_on_rerun_keeps_the_first_import(fixture_copy: Path) -> None:
    import_fixtures(fixture_copy)
    before = snapshot()
    edit_json(
        fixture_copy / "augsburg_en_locations.json",
        lambda places: places[0]["opening_hours"].pop(),
    )
    with pytest.raises(CommandError, match=r"\[0\]\.opening_hours: expected 7 days"):
        import_fixtures(fixture_copy)
    assert snapshot() == before


@needs_fixtures
@pytest.mark.django_db
def test_dry_run_counts_but_stores_nothing() -> None:
    before = snapshot()
    output = import_fixtures(FIXTURES, "--dry-run")
    assert "Probelauf" in output
    assert "Seiten: 33 angelegt" in output
    assert snapshot() == before


@needs_fixtures
@pytest.mark.django_db
def test_languages_option_limits_the_import() -> None:
    output = import_fixtures(FIXTURES, "--languages", "de,ar", "--into", "augsburg-test")
    region = Region.objects.get(slug="augsburg-test")
    codes = set(region.region_languages.values_list("language__code", flat=True))
    assert codes == {"de", "ar"}
    assert not Event.objects.filter(locale__language_code="en").exists()
    assert "Veranstaltungen: 2 angelegt" in output
    assert page("ar", 13).url_path == "/augsburg-test/ar/معلومات-الوصول/"


@pytest.fixture
def integreat_server() -> Iterator[str]:
    """A local stand-in for the Integreat CMS on 127.0.0.1, answering from the fixtures."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            name = file_for(unquote(self.path.split("?")[0]))
            path = FIXTURES / name if name else None
            if path is None or not path.is_file():
                self.send_error(404)
                return
            body = path.read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def file_for(url_path: str) -> str | None:
    parts = [p for p in url_path.split("/") if p]
    if parts[:2] != ["api", "v3"]:
        return None
    rest = parts[2:]
    if len(rest) == 2 and rest[0] == "regions":
        return f"regions_{rest[1]}.json"
    if len(rest) == 2 and rest[1] == "languages":
        return f"{rest[0]}_languages.json"
    if len(rest) == 3:
        return f"{rest[0]}_{rest[1]}_{rest[2]}.json"
    return None


@needs_fixtures
@pytest.mark.django_db
def test_imports_from_url(integreat_server: str) -> None:
    output = run_import("augsburg", "--url", integreat_server, "--timeout", "5")
    assert "Seiten: 33 angelegt" in output
    assert f"{integreat_server}/api/v3/augsburg/fa/pages/: nicht gefunden" in output
    assert page("de", 75).title == "Willkommen"
    assert LegalPage.objects.filter(kind="imprint").count() == 2
    again = run_import("augsburg", "--url", integreat_server)
    assert "Seiten: 0 angelegt, 0 aktualisiert, 33 unverändert" in again


@pytest.mark.django_db
def test_unreachable_url_aborts() -> None:
    with pytest.raises(CommandError, match="nicht erreichbar"):
        # Port 9 (discard) on loopback: nothing listens there in the test environment.
        run_import("augsburg", "--url", "http://127.0.0.1:9", "--timeout", "2")
    assert not Region.objects.exists()


# --- small handcrafted answers (no fixtures needed) ----------------------------------------


def link(integreat_id: int | None, path: str) -> dict[str, Any]:
    return {"id": integreat_id, "url": f"https://cms.example{path}", "path": path}


def page_json(
    integreat_id: int,
    path: str,
    title: str,
    parent: tuple[int, str | None] = (0, None),
    order: int = 0,
    translations: dict[str, tuple[int, str]] | None = None,
) -> dict[str, Any]:
    return {
        "id": integreat_id,
        "url": f"https://cms.example{path}",
        "path": path,
        "title": title,
        "excerpt": title,
        "content": f"<p>{title}</p>",
        "parent": {"id": parent[0], "url": None, "path": parent[1]},
        "order": order,
        "available_languages": {k: link(i, p) for k, (i, p) in (translations or {}).items()},
        "hash": None,
    }


def day(closed: bool = False, slots: tuple[tuple[str, str], ...] = (), **flags: bool) -> Any:
    return {
        "allDay": flags.get("allDay", False),
        "closed": closed,
        "appointmentOnly": flags.get("appointmentOnly", False),
        "timeSlots": [{"start": s, "end": e} for s, e in slots],
    }


def write_small_region(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)

    def put(name: str, data: Any) -> None:
        (directory / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    put(
        "kleinstadt_languages.json",
        [
            {"id": 1, "code": "de", "native_name": "Deutsch", "dir": "LEFT_TO_RIGHT"},
            {"id": 2, "code": "uk", "native_name": "Українська", "dir": "LEFT_TO_RIGHT"},
            {"id": 3, "code": "xx", "native_name": "Unbekannt", "dir": "LEFT_TO_RIGHT"},
        ],
    )
    put(
        "kleinstadt_de_pages.json",
        [
            page_json(2, "/kleinstadt/de/ankommen/erste-schritte/", "Erste Schritte",
                      (1, "/kleinstadt/de/ankommen/"), 1, {"uk": (12, "/kleinstadt/uk/pershi/")}),
            page_json(1, "/kleinstadt/de/ankommen/", "Ankommen", order=1,
                      translations={"uk": (11, "/kleinstadt/uk/prybuttia/")}),
            page_json(3, "/kleinstadt/de/waise/", "Waise", (9, "/kleinstadt/de/gibt-es-nicht/")),
            page_json(4, "/kleinstadt/de/straße/", "Straße", order=0),
        ],
    )  # fmt: skip
    put(
        "kleinstadt_uk_pages.json",
        [
            page_json(11, "/kleinstadt/uk/прибуття/", "Прибуття", order=1,
                      translations={"de": (1, "/kleinstadt/de/ankommen/")}),
            page_json(12, "/kleinstadt/uk/прибуття/перші-кроки/", "Перші кроки",
                      (1, "/kleinstadt/uk/прибуття/"), 1,
                      {"de": (2, "/kleinstadt/de/ankommen/erste-schritte/")}),
        ],
    )  # fmt: skip
    week = [
        day(slots=(("08:00", "12:00"),), appointmentOnly=True),
        day(allDay=True),
        day(slots=(("22:00", "02:00"),)),
        day(closed=True),
        day(closed=True),
        day(closed=True),
        day(closed=True),
    ]
    put(
        "kleinstadt_de_locations.json",
        [
            {
                "id": 5,
                "path": "/kleinstadt/de/locations/rathaus/",
                "title": "Rathaus",
                "excerpt": "",
                "content": "",
                "available_languages": {},
                "temporarily_closed": False,
                "opening_hours": week,
                "barrier_free": None,
                "location": {
                    "id": 50, "name": "Rathaus", "address": "Markt 1", "town": "Kleinstadt",
                    "postcode": "01234", "country": "Deutschland",
                    "latitude": 50.1, "longitude": 8.7,
                },
            }
        ],
    )  # fmt: skip
    event_base = {
        "path": "/kleinstadt/de/events/fest/",
        "excerpt": "",
        "content": "<p>Fest</p>",
        "available_languages": {},
        "location": {"id": 50},
        "recurrence_rule": None,
    }
    put(
        "kleinstadt_de_events.json",
        [
            {**event_base, "id": 7, "title": "Stadtfest",
             "event": {"id": 70, "start": "2030-06-01T00:00:00+02:00",
                       "end": "2030-06-02T23:59:00+02:00", "all_day": True,
                       "recurrence_id": None, "timezone": "Europe/Berlin"}},
            {**event_base, "id": 8, "title": "Ohne Datum", "event": None},
        ],
    )  # fmt: skip
    return directory


@pytest.mark.django_db
def test_small_region_needs_a_name_without_region_data(tmp_path: Path) -> None:
    directory = write_small_region(tmp_path / "answers")
    with pytest.raises(CommandError, match="--name"):
        run_import("kleinstadt", "--from-dir", str(directory))
    assert not Region.objects.exists()


@pytest.mark.django_db
def test_small_region_skips_and_reports_recoverable_problems(tmp_path: Path) -> None:
    directory = write_small_region(tmp_path / "answers")
    output = run_import("kleinstadt", "--from-dir", str(directory), "--name", "Stadt Kleinstadt")
    region = Region.objects.get(slug="kleinstadt")
    assert (region.prefix, region.name) == ("Stadt", "Kleinstadt")
    assert "Sprache xx: nicht im Sprachkatalog der Plattform" in output
    assert "übergeordnete Seite fehlt (parent.id=9)" in output
    assert "Ohne Datum" in output
    assert "Veranstaltung ohne Datum" in output
    assert "Seiten: 5 angelegt, 0 aktualisiert, 0 unverändert, 1 übersprungen" in output
    entry = ModelLogEntry.objects.get(action="wir.integreat_import")
    assert entry.object_id == str(region.pk)
    assert entry.data["counts"]["page"]["created"] == 5
    assert entry.data["source"] == str(directory)
    german = Page.objects.get(url_path="/kleinstadt/de/ankommen/")
    child = Page.objects.get(url_path="/kleinstadt/de/ankommen/erste-schritte/")
    assert child.get_parent().pk == german.pk
    assert Page.objects.filter(url_path="/kleinstadt/de/straße/").exists()
    ukrainian = Page.objects.get(url_path="/kleinstadt/uk/прибуття/перші-кроки/")
    assert ukrainian.translation_key == child.translation_key
    assert ukrainian.title == "Перші кроки"
    # Order: "Straße" (order 0) comes before "Ankommen" (order 1).
    home = Page.objects.get(url_path="/kleinstadt/de/")
    assert [p.slug for p in ContentPage.objects.child_of(home)] == ["straße", "ankommen"]


@pytest.mark.django_db
def test_small_region_place_hours_and_all_day_event(tmp_path: Path) -> None:
    directory = write_small_region(tmp_path / "answers")
    run_import("kleinstadt", "--from-dir", str(directory), "--name", "Kleinstadt")
    place = Place.objects.get()
    assert place.area.name == "Kleinstadt"
    assert place.accessibility == "unknown"
    assert place.hours_note == "Nur mit Termin: Mo"
    slots = [(s.weekday, s.opens, s.closes) for s in place.opening_slots.all()]
    assert slots == [
        (0, time(8), time(12)),
        (1, time(0), time(23, 59, 59)),
        (2, time(22), time(23, 59, 59)),
        (3, time(0), time(2)),
    ]
    event = Event.objects.get()
    assert event.place == place
    assert event.start == datetime(2030, 6, 1, tzinfo=BERLIN)
    assert event.end == datetime(2030, 6, 3, tzinfo=BERLIN)  # all day: to the next midnight
    assert event.recurrence == ""


@pytest.mark.django_db
def test_small_region_rerun_after_page_moved_upstream(tmp_path: Path) -> None:
    directory = write_small_region(tmp_path / "answers")
    run_import("kleinstadt", "--from-dir", str(directory), "--name", "Kleinstadt")

    def move_to_top(pages: list[dict[str, Any]]) -> None:
        pages[0]["parent"] = {"id": 0, "url": None, "path": None}
        pages[0]["path"] = "/kleinstadt/de/erste-schritte/"

    edit_json(directory / "kleinstadt_de_pages.json", move_to_top)
    output = run_import("kleinstadt", "--from-dir", str(directory))
    assert "Seiten: 0 angelegt, 1 aktualisiert, 4 unverändert, 1 übersprungen" in output
    assert Page.objects.filter(url_path="/kleinstadt/de/erste-schritte/").exists()
    assert ContentPage.objects.count() == 5


def test_first_error_names_the_path() -> None:
    pages = [page_json(1, "/r/de/a/", "A"), page_json(2, "/r/de/b/", "B")]
    pages[1]["available_languages"] = {"en": {"id": "zwei", "url": None, "path": None}}
    with pytest.raises(IntegreatFormatError) as error:
        parse("r_de_pages.json", json.dumps(pages).encode(), PAGES)
    assert str(error.value) == (
        "r_de_pages.json: [1].available_languages.en.id: expected integer, got string"
    )
    with pytest.raises(IntegreatFormatError, match="kein gültiges JSON"):
        parse("r_de_pages.json", b"[{", PAGES)
    with pytest.raises(IntegreatFormatError, match=r"^r_de_pages.json: \[0\].title: missing$"):
        parse("r_de_pages.json", b'[{"id": 1, "path": "/x/"}]', PAGES)


def test_translation_groups_follow_available_languages() -> None:
    de = PageRecord.model_validate(page_json(1, "/r/de/a/", "A", translations={"ar": (5, "/")}))
    ar = PageRecord.model_validate(page_json(5, "/r/ar/a/", "A"))
    alone = PageRecord.model_validate(page_json(2, "/r/de/b/", "B"))
    groups = translation_groups({"de": [de, alone], "ar": [ar]}, str.lower)
    assert groups[("de", 1)] == groups[("ar", 5)]
    assert groups[("de", 2)] != groups[("de", 1)]


def test_opening_plan_only_by_appointment() -> None:
    days = [DayHours(appointmentOnly=True)] * 5 + [DayHours(closed=True)] * 2
    plan = opening_plan(days)
    assert plan.appointment_only
    assert plan.slots == ()
    assert opening_plan(None).slots == ()


def test_event_plan_reads_integreat_dtstart_as_utc() -> None:
    times = EventTimes(
        start=datetime(2030, 3, 5, 19, tzinfo=BERLIN), end=datetime(2030, 3, 5, 21, tzinfo=BERLIN)
    )
    plan = event_plan(times, "DTSTART:20300101T170000\nRRULE:FREQ=WEEKLY;BYDAY=TU")
    assert plan.start == datetime(2030, 1, 1, 18, tzinfo=BERLIN)
    assert plan.end == datetime(2030, 1, 1, 20, tzinfo=BERLIN)
    assert plan.rule == "FREQ=WEEKLY;BYDAY=TU"


@pytest.mark.parametrize(
    ("start", "end", "all_day", "rule"),
    [
        (datetime(9999, 12, 31, 10, tzinfo=UTC), datetime(9999, 12, 31, 23, tzinfo=UTC), True, ""),
        (datetime(9999, 12, 31, 22, tzinfo=UTC), datetime(9999, 12, 31, 23, tzinfo=UTC), False, ""),
        (datetime(1, 1, 1, 10, tzinfo=UTC), datetime(1, 1, 1, 12, tzinfo=UTC), False, ""),
        (
            datetime(2030, 3, 5, 19, tzinfo=BERLIN),
            datetime(2030, 3, 5, 21, tzinfo=BERLIN),
            False,
            "DTSTART:99991231T230000\nRRULE:FREQ=WEEKLY",
        ),
    ],
)
def test_event_plan_refuses_far_dates_instead_of_overflowing(
    start: datetime, end: datetime, all_day: bool, rule: str
) -> None:
    times = EventTimes(start=start, end=end, all_day=all_day)
    with pytest.raises(PlanError, match="1900"):
        event_plan(times, rule)


def test_event_plan_reads_until_in_the_frame_of_dtstart() -> None:
    times = EventTimes(
        start=datetime(2030, 1, 1, 13, tzinfo=BERLIN), end=datetime(2030, 1, 1, 15, tzinfo=BERLIN)
    )
    utc = event_plan(times, "DTSTART:20300101T120000\nRRULE:FREQ=DAILY;UNTIL=20300105T235959")
    assert utc.rule == "FREQ=DAILY;UNTIL=20300105T235959Z"
    zoned = "DTSTART;TZID=Europe/Berlin:20300101T130000\nRRULE:FREQ=DAILY;UNTIL=20300105T235959"
    assert event_plan(times, zoned).rule == "FREQ=DAILY;UNTIL=20300105T225959Z"
    for kept in ("FREQ=DAILY;UNTIL=20300105", "FREQ=DAILY;UNTIL=20300105T100000Z"):
        assert event_plan(times, f"DTSTART:20300101T120000\nRRULE:{kept}").rule == kept
    with pytest.raises(PlanError, match="UNTIL=20301345T000000"):
        event_plan(times, "DTSTART:20300101T120000\nRRULE:FREQ=DAILY;UNTIL=20301345T000000")


def test_description_is_not_repeated_after_its_own_summary() -> None:
    text = "<p>Dies ist die Beschreibung einer Test-Veranstaltung.</p>"
    assert description_html("Dies ist die Beschreibung einer Test-Veranstaltung.", text) == text
    assert description_html("Dies ist die …", text) == text  # a shortened summary
    assert description_html("Kurz & gut", text) == f"<p>Kurz &amp; gut</p>{text}"
    assert description_html("", text) == text


@pytest.mark.django_db
def test_small_region_follows_a_new_order_upstream(tmp_path: Path) -> None:
    directory = write_small_region(tmp_path / "answers")
    run_import("kleinstadt", "--from-dir", str(directory), "--name", "Kleinstadt")

    def swap(pages: list[dict[str, Any]]) -> None:
        pages[1]["order"], pages[3]["order"] = 0, 5  # Ankommen first, Straße last

    edit_json(directory / "kleinstadt_de_pages.json", swap)
    output = run_import("kleinstadt", "--from-dir", str(directory))
    assert "Seiten: 0 angelegt, 2 aktualisiert" in output
    home = Page.objects.get(url_path="/kleinstadt/de/")
    assert [p.slug for p in ContentPage.objects.child_of(home)] == ["ankommen", "straße"]


@pytest.mark.django_db
def test_small_region_later_language_links_to_earlier_import(tmp_path: Path) -> None:
    directory = write_small_region(tmp_path / "answers")
    args = ("kleinstadt", "--from-dir", str(directory), "--name", "Kleinstadt")
    run_import(*args, "--languages", "de")
    assert not ContentPage.objects.filter(locale__language_code="uk").exists()
    run_import(*args, "--languages", "uk")
    german = Page.objects.get(url_path="/kleinstadt/de/ankommen/")
    ukrainian = Page.objects.get(url_path="/kleinstadt/uk/прибуття/")
    assert ukrainian.translation_key == german.translation_key


@pytest.mark.django_db
def test_small_region_notes_pages_gone_upstream(tmp_path: Path) -> None:
    directory = write_small_region(tmp_path / "answers")
    run_import("kleinstadt", "--from-dir", str(directory), "--name", "Kleinstadt")
    edit_json(directory / "kleinstadt_de_pages.json", lambda pages: pages.pop())
    output = run_import("kleinstadt", "--from-dir", str(directory))
    assert "1 Seite(n) (de) gibt es in Integreat nicht mehr" in output
    assert Page.objects.filter(url_path="/kleinstadt/de/straße/").exists()


@needs_fixtures
@pytest.mark.django_db
def test_imports_into_an_existing_region_and_takes_over_its_imprint(region: Region) -> None:
    home = Page.objects.get(url_path="/testkreis/de/")
    old = LegalPage(title="Impressum", slug="impressum", kind="imprint", body="<p>alt</p>")
    old.locale = home.locale
    home.add_child(instance=old)
    output = import_fixtures(FIXTURES, "--into", "testkreis")
    assert "Vorhandenes Impressum (de) durch Integreat ersetzt." in output
    assert "Sprache fa: keine Inhalte gefunden" in output
    codes = set(region.region_languages.values_list("language__code", flat=True))
    assert "fa" not in codes
    imprints = LegalPage.objects.filter(kind="imprint", locale__language_code="de")
    assert [p.pk for p in imprints] == [old.pk]
    assert imprints.get().title == "Rechtliches"
    assert page("de", 75).url_path == "/testkreis/de/willkommen/"
    assert Region.objects.count() == 1


@needs_fixtures
@pytest.mark.django_db
def test_imported_pages_are_served_publicly(client: Client) -> None:
    import_fixtures()
    welcome = client.get("/augsburg/de/willkommen/")
    assert welcome.status_code == 200
    assert "Willkommen in Augsburg" in welcome.text
    arabic = client.get("/augsburg/ar/معلومات-الوصول/")
    assert arabic.status_code == 200
    assert 'dir="rtl"' in arabic.text
    assert client.get("/augsburg/de/behörden-und-beratung/behörden/").status_code == 200
    # as a browser sends it: percent-encoded UTF-8
    encoded = "/augsburg/de/beh%C3%B6rden-und-beratung/beh%C3%B6rden/"
    assert client.get(encoded).status_code == 200
    imprint = client.get("/augsburg/de/disclaimer/")
    assert imprint.status_code == 200
    assert "Oberbürgermeisterin" in imprint.text


@pytest.mark.django_db
def test_failure_while_writing_rolls_back_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = write_small_region(tmp_path / "answers")
    before = snapshot()

    def broken(run: Any) -> None:
        raise RuntimeError("Festplatte voll")

    monkeypatch.setattr("wir.api.integreat.import_actions.import_events", broken)
    with pytest.raises(RuntimeError, match="Festplatte voll"):
        run_import("kleinstadt", "--from-dir", str(directory), "--name", "Kleinstadt")
    assert snapshot() == before


def test_tree_depths_follow_parents_not_path_length() -> None:
    records = [
        PageRecord.model_validate(data)
        for data in [
            page_json(3, "/r/de/kind/", "Kind", (1, "/r/de/a/b/")),  # short path, deep page
            page_json(2, "/r/de/a/b/", "B", (1, "/r/de/a/")),
            page_json(1, "/r/de/a/", "A"),
            page_json(4, "/r/de/x/", "X", (5, "/r/de/y/")),  # a cycle in broken data
            page_json(5, "/r/de/y/", "Y", (4, "/r/de/x/")),
        ]
    ]
    depths = tree_depths(records)
    assert (depths[1], depths[2], depths[3]) == (0, 1, 2)
    assert {depths[4], depths[5]} == {1, 2}


def test_unusable_coordinates_are_recoverable() -> None:
    for latitude, longitude in [(None, 8.7), (0.0, 0.0), (123.0, 8.7)]:
        with pytest.raises(PlanError):
            coordinates(latitude, longitude)
    assert coordinates(50.1234567, 8.7) == (Decimal("50.123457"), Decimal("8.700000"))


@pytest.mark.django_db
def test_nothing_to_import_is_fatal(tmp_path: Path) -> None:
    directory = write_small_region(tmp_path / "answers")
    with pytest.raises(CommandError, match=r"Nichts zu importieren.*Sprache xx"):
        run_import("kleinstadt", "--from-dir", str(directory), "--name", "K", "--languages", "xx")
    assert not Region.objects.exists()


@needs_fixtures
@pytest.mark.django_db
def test_series_listed_once_or_per_occurrence_is_the_same_event(fixture_copy: Path) -> None:
    import_fixtures(fixture_copy)
    german = Event.objects.get(locale__language_code="de")
    # Integreat's ?combine_recurring=True lists a series once, with event.id set.
    shutil.copy(
        FIXTURES / "augsburg_de_events_combine_recurring.json",
        fixture_copy / "augsburg_de_events.json",
    )
    output = import_fixtures(fixture_copy)
    assert "Veranstaltungen: 0 angelegt, 0 aktualisiert, 3 unverändert" in output
    assert Event.objects.get(locale__language_code="de").pk == german.pk
