"""Shared fixtures: regions with home pages, users with roles, signed-in clients."""

from __future__ import annotations

import difflib
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import time
from decimal import Decimal
from typing import Any

import pytest
from django.core.cache import caches
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Browser, sync_playwright
from wagtail.models import Locale, Page

from wir.accounts.actions import grant_role, sync_region_groups
from wir.accounts.models import User
from wir.core.actions import add_area, create_region
from wir.core.models import Area, Language, Region
from wir.portal.actions import add_translation, create_home_pages, publish
from wir.portal.models import DirectoryPage, Offer, OpeningSlot, Place, TargetGroup

TEST_PASSWORD = "korrekt-Pferd-Batterie-42"


@pytest.fixture(autouse=True)
def _plain_static_and_empty_cache(settings: Any) -> Iterator[None]:
    # The manifest storage needs `collectstatic`; tests find static files directly.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    for alias in settings.CACHES:
        caches[alias].clear()
    # The hot path's memory of 304s is per process, like a cache that is not cleared.
    from wir.core.hotpath import forget_revalidations

    forget_revalidations()
    # A request may leave its language active in this thread (a view's `?lang=ar`, the
    # portal's /ar/ pages): every test starts in the site's language, as a request does.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
    for alias in settings.CACHES:
        caches[alias].clear()


MakeRegion = Callable[..., Region]


@pytest.fixture
def make_region(db: None) -> MakeRegion:
    """Create a region with its home pages (German plus the given languages)."""

    def make(slug: str = "testkreis", languages: tuple[str, ...] = ("de", "en", "ar")) -> Region:
        region = create_region(
            slug=slug,
            name=f"Testkreis {slug}",
            prefix=Region.Prefix.LANDKREIS,
            centre=(Decimal("50.30"), Decimal("8.80")),
            bbox=(Decimal("8.60"), Decimal("50.10"), Decimal("9.30"), Decimal("50.50")),
            language_codes=list(languages),
        )
        create_home_pages(region, {code: f"Start {slug} {code}" for code in languages})
        sync_region_groups(region)
        region.refresh_from_db()
        return region

    return make


@pytest.fixture(autouse=True)
def _close_version_watches() -> Iterator[None]:
    """The hot path's listening connections (PostgreSQL, wir/core/versionwatch.py; opened by
    requests outside a transaction: transactional and live-server tests) end with the test,
    so none is left when the test database is dropped, which refuses while connected."""
    yield
    from wir.core import versionwatch

    if versionwatch._watches:
        versionwatch.close_all()


@pytest.fixture
def region(make_region: MakeRegion) -> Region:
    return make_region()


MakeUser = Callable[..., User]


@pytest.fixture
def make_user(db: None) -> MakeUser:
    def make(username: str, role: str | None = None, region: Region | None = None) -> User:
        user = User.objects.create_user(username=username, password=TEST_PASSWORD)
        if role is not None:
            assert region is not None
            grant_role(None, user, region, role)
        return user

    return make


def verified_client(user: User) -> Client:
    """A client signed in as `user` with a confirmed second factor, as after the login."""
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, name="Test", defaults={"confirmed": True}
    )
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


# --- the directory: a directory page, places with hours, offers ---------------------

ALWAYS = [(day, time(0, 0), time(23, 59, 59)) for day in range(7)]


@pytest.fixture
def directory(region: Region) -> dict[str, Page]:
    pages: dict[str, Page] = {}
    source = None
    for code in ("de", "en", "ar"):
        home = Page.objects.get(url_path=f"/testkreis/{code}/")
        fields = {"title": f"Was ist wo? ({code})", "slug": "was-ist-wo"}
        if source is None:
            source = DirectoryPage(locale=home.locale, **fields)
            home.add_child(instance=source)
            publish(source)
            pages[code] = source
        else:
            pages[code] = add_translation(source, home, home.locale, **fields)
    return pages


@pytest.fixture
def towns(region: Region) -> dict[str, Area]:
    return {
        name: add_area(region, name, Area.Kind.MUNICIPALITY, Decimal(lat), Decimal(lon))
        for name, lat, lon in [
            ("Friedberg", "50.3353", "8.7550"),
            ("Nidda", "50.4128", "9.0092"),
            ("Büdingen", "50.2908", "9.1122"),
        ]
    }


MakePlace = Callable[..., Place]


@pytest.fixture
def make_place(region: Region) -> MakePlace:
    def make(town: Area, name: str = "Rathaus", hours: Any = ALWAYS, **fields: Any) -> Place:
        place = Place.objects.create(
            region=town.region,
            name=name,
            street="Marktplatz 1",
            postcode="61169",
            town=town.name,
            area=town,
            latitude=town.latitude,
            longitude=town.longitude,
            **fields,
        )
        OpeningSlot.objects.bulk_create(
            OpeningSlot(place=place, weekday=d, opens=o, closes=c) for d, o, c in hours
        )
        return place

    return make


MakeOffer = Callable[..., Offer]


@pytest.fixture
def make_offer(region: Region) -> MakeOffer:
    def make(
        title: str,
        town: Area,
        category: str = "counselling",
        place: Place | None = None,
        groups: tuple[str, ...] = (),
        languages: tuple[str, ...] = (),
        publish_it: bool = True,
        **fields: Any,
    ) -> Offer:
        offer = Offer(
            region=town.region,
            locale=Locale.objects.get(language_code="de"),
            category=category,
            title=title,
            summary=fields.pop("summary", f"Kurz: {title}"),
            provider="Beratungsstelle",
            place=place,
            area=town,
            **fields,
        )
        offer.target_groups.set(TargetGroup.objects.filter(code__in=groups))
        offer.languages.set(Language.objects.filter(code__in=languages))
        offer.save()
        if publish_it:
            offer.save_revision().publish()
        else:
            offer.live = False
            offer.save(update_fields=["live"])
        return offer

    return make


def translate_offer(offer: Offer, code: str, title: str) -> Offer:
    translation = offer.copy_for_translation(Locale.objects.get(language_code=code))
    translation.title = title
    translation.summary = f"{title} (kurz)"
    translation.save()
    translation.save_revision().publish()
    return translation


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Print the size of the authorisation matrix (recorded by its tests, on any worker)."""
    lines = [
        value
        for reports in terminalreporter.stats.values()
        for report in reports
        if getattr(report, "when", None) == "call"
        for key, value in getattr(report, "user_properties", [])
        if key == "matrix"
    ]
    if lines:
        terminalreporter.section("Berechtigungsmatrix")
        for line in sorted(lines):
            terminalreporter.write_line(line)


# --- query counts -----------------------------------------------------------------------


@dataclass
class CapturedQueries:
    """The SQL one block of code ran (filled in when the block ends)."""

    sql: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.sql)

    def listing(self) -> str:
        return "\n".join(f"{number:3}. {sql}" for number, sql in enumerate(self.sql, 1))


class QueryCount:
    """The one helper for query-count assertions; every failure shows the SQL.

    with query_count.exactly(4):          # exact number, like Zulip's
        client.get(url)                   # assert_database_query_count
    with query_count.capture() as few:    # counted, compared later:
        client.get(url)                   # query_count.assert_same(few, many)
    """

    @contextmanager
    def capture(self, using: str = "default") -> Iterator[CapturedQueries]:
        captured = CapturedQueries()
        with CaptureQueriesContext(connections[using]) as context:
            yield captured
        captured.sql = [query["sql"] for query in context.captured_queries]

    @contextmanager
    def exactly(self, expected: int, using: str = "default") -> Iterator[CapturedQueries]:
        with self.capture(using) as captured:
            yield captured
        if len(captured) != expected:
            pytest.fail(f"{len(captured)} queries, expected {expected}:\n{captured.listing()}")

    @contextmanager
    def at_most(self, limit: int, using: str = "default") -> Iterator[CapturedQueries]:
        with self.capture(using) as captured:
            yield captured
        if len(captured) > limit:
            pytest.fail(f"{len(captured)} queries, at most {limit} expected:\n{captured.listing()}")

    def assert_same(self, expected: CapturedQueries, actual: CapturedQueries) -> None:
        """The same number of queries as before (e.g. with more rows); else the difference."""
        if len(actual) != len(expected):
            diff = "\n".join(
                difflib.unified_diff(expected.sql, actual.sql, "before", "after", lineterm="")
            )
            pytest.fail(f"{len(actual)} queries instead of {len(expected)}:\n{diff}")


@pytest.fixture
def query_count() -> QueryCount:
    return QueryCount()


# Playwright's sync API runs an event loop in this thread; the ORM calls of the test itself
# are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("WIR_CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# One Chromium per test process, for every package's browser tests (tests/browser,
# tests/hostile): a second session fixture of the same name in another package started a
# second Playwright in the same thread, which Playwright refuses ("Sync API inside the
# asyncio loop").
@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium fehlt unter {CHROMIUM}: `make test` installiert Debians chromium.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
