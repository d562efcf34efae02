"""The volunteer's pages in every portal language: no German left, sign-up is not "log in"."""

from __future__ import annotations

import re
from datetime import timedelta
from html.parser import HTMLParser
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from tests.volunteers.conftest import START, MakeShift, MakeVolunteer
from wir.core.languages import CATALOGUE
from wir.core.models import Area, Region
from wir.volunteers.models import Gathering, HoursEntry, Volunteer

pytestmark = pytest.mark.django_db

PORTAL_LANGUAGES = ("en", "ar", "fa", "uk", "tr", "ru", "ti")
# Data, not interface text: the same in every language.
DATA = {
    "Sprachcafé",
    "Friedberg",
    "· Friedberg",
    "Schulung Erste Hilfe",
    "Familienzentrum",
    "Ehrenamt EA-001",
    "Deutsch üben bei Kaffee und Tee.",
    "· Familienzentrum, Friedberg",
}
# Words that are the same in German and the language.
SAME_WORD = {"en": {"Sport"}}
NATIVE_NAMES = {info.native_name for info in CATALOGUE}
LANGUAGE_CHOICE = re.compile(r".+ \([a-z-]+\)")


@pytest.fixture
def region(make_region: Any) -> Region:
    return make_region("testkreis", ("de", *PORTAL_LANGUAGES))


class Texts(HTMLParser):
    """The visible text pieces of a page and the texts of its labelling attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.pieces: set[str] = set()
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if name in ("aria-label", "title", "placeholder", "alt") and value:
                self._add(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._add(data)

    def _add(self, text: str) -> None:
        text = " ".join(text.split())
        # Letters make it text; single words like a time or "·" are not interface text.
        if sum(ch.isalpha() for ch in text) >= 3:
            self.pieces.add(text)


def texts(html: str) -> set[str]:
    parser = Texts()
    parser.feed(html)
    return parser.pieces


def still_german(client: Client, url: str, lang: str) -> set[str]:
    german = texts(client.get(f"{url}?lang=de").text)
    page = client.get(f"{url}?lang={lang}")
    assert page.status_code == 200
    assert f'lang="{lang}"' in page.text
    # The region's name, the site's name (marked lang="de"), language names (the
    # switcher's in their own script, the choices' as "Name (code)"), links and data
    # are the same in every language.
    same = {
        piece
        for piece in german
        if "Testkreis" in piece
        or piece == settings.WAGTAIL_SITE_NAME
        or piece in NATIVE_NAMES
        or LANGUAGE_CHOICE.fullmatch(piece)
        or piece.startswith("http")
    }
    return (german & texts(page.text)) - DATA - SAME_WORD.get(lang, set()) - same


@pytest.fixture
def volunteer_page(
    region: Region, town: Area, make_volunteer: MakeVolunteer, make_shift: MakeShift
) -> Client:
    volunteer = make_volunteer("EA-001")
    make_shift(places=2)
    Gathering.objects.create(
        region=region,
        area=town,
        places=1,
        title="Schulung Erste Hilfe",
        location="Familienzentrum",
        starts_at=START,
        ends_at=START + timedelta(hours=3),
    )
    HoursEntry.objects.create(
        volunteer=volunteer, date=START.date(), hours=2, activity="Sprachcafé"
    )
    client = Client()
    assert volunteer.user is not None
    client.force_login(volunteer.user)
    return client


@pytest.mark.parametrize("lang", PORTAL_LANGUAGES)
def test_join_page_has_no_german_left(region: Region, lang: str) -> None:
    assert still_german(Client(), "/ehrenamt/testkreis/mitmachen/", lang) == set()


@pytest.mark.parametrize("lang", PORTAL_LANGUAGES)
def test_own_pages_have_no_german_left(volunteer_page: Client, lang: str) -> None:
    assert still_german(volunteer_page, "/ehrenamt/", lang) == set()
    assert still_german(volunteer_page, "/ehrenamt/meine-daten/", lang) == set()


def test_signing_up_for_a_shift_is_not_logging_in(volunteer_page: Client) -> None:
    page = volunteer_page.get("/ehrenamt/?lang=en").text
    assert ">Sign up</span>" in page
    assert ">Cancel sign-up</span>" not in page  # nothing signed up yet
    assert "Log in" not in page
    assert ">Register</span>" in Client().get("/ehrenamt/testkreis/mitmachen/?lang=en").text
    login = Client().get("/konto/anmelden/", headers={"accept-language": "en"}).text
    assert ">Log in</span>" in login


def test_cancelling_a_sign_up_is_not_logging_out(
    volunteer_page: Client, make_shift: MakeShift
) -> None:
    shift = make_shift(start=START + timedelta(days=1))
    volunteer_page.post(f"/ehrenamt/schichten/{shift.pk}/anmelden/")
    page = volunteer_page.get("/ehrenamt/?lang=en").text
    assert ">Cancel sign-up</span>" in page
    assert page.count(">Log out</span>") == 1  # the header's, nothing else
    assert Volunteer.objects.get().signups.count() == 1
