"""The demo's machine-made translations: every text of an offer, event, contact and news item
has a written translation in each language (no database; the loaded demo is checked in
test_load_demo)."""

import re

import pytest

from wir.core.models import Area
from wir.demo.contacts import CONTACTS
from wir.demo.data.phrases import PHRASES
from wir.demo.events import EVENTS, event_texts
from wir.demo.machine_made import MACHINE_LANGUAGES, UNREVIEWED_EVERY, is_reviewed, phrase
from wir.demo.news import NEWS
from wir.demo.offers import FILLER, TEMPLATES, offer_texts
from wir.portal.models import Offer

SCRIPTS = {  # a letter of the language's script must occur in its translations
    "ar": re.compile("[\u0600-\u06ff]"),
    "fa": re.compile("[\u0600-\u06ff]"),
    "uk": re.compile("[\u0400-\u04ff]"),
    "en": re.compile("[a-z]"),
}
KEPT_AS_NAMES = {"Jobcenter Wetterau"}  # the glossary keeps it untranslated
TOWN = Area(name="Bad Nauheim")


def numbers(text: str) -> set[int]:
    """The numbers in a text (ages, times, levels), "9 Uhr" and "9:00" alike."""
    return {int(number) for number in re.findall(r"\d+", text)} - {0}


def test_the_phrase_book_has_every_language_with_its_script_and_placeholders() -> None:
    for german, translations in PHRASES.items():
        assert set(translations) == set(MACHINE_LANGUAGES), german
        for code, text in translations.items():
            assert text, (german, code)
            assert text.strip() == text, (german, code)
            assert ("{town}" in text) == ("{town}" in german), (german, code)
            if german not in KEPT_AS_NAMES:
                assert text != german, (german, code)
                assert SCRIPTS[code].search(text), (german, code)
            assert numbers(text) == numbers(german), (german, code)


@pytest.mark.parametrize("code", MACHINE_LANGUAGES)
def test_every_offer_event_and_contact_text_is_translated(code: str) -> None:
    for template in (*TEMPLATES, FILLER):
        german = Offer(
            title=template.title.format(town=TOWN.name),
            price_note="Zuschuss möglich",
            schedule="Di und Do 17:00–19:30",
        )
        texts = offer_texts(german, template, TOWN, code)
        assert set(texts) == {
            "title",
            "summary",
            "provider",
            "contact_role",
            "price_note",
            "schedule",
        }
        assert texts["title"].endswith(TOWN.name) or "{town}" not in template.title
        assert "Servicetelefon" not in texts["contact_role"]
    for title, organiser, summary, *_when in EVENTS:
        texts = event_texts(title, organiser, summary, TOWN, code)
        assert TOWN.name in texts["title"]
        assert "Kontakt" not in texts["contact_role"]
    for _topic, role, hours in CONTACTS:
        assert phrase(role, code) != role
        assert phrase(hours, code) != hours
    for _title, _message, translations in NEWS:
        assert set(translations) == set(MACHINE_LANGUAGES)


def test_most_translations_are_reviewed_a_few_are_not_in_every_language() -> None:
    for code in MACHINE_LANGUAGES:
        unreviewed = [n for n in range(150) if not is_reviewed(n, code)]
        assert 0 < len(unreviewed) <= 150 // UNREVIEWED_EVERY + 1
