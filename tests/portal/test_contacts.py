"""Contacts by topic field: roles, grouped, in the visitor's language or German."""

import re

import pytest
from django.test import Client
from wagtail.models import Locale, Page

from wir.portal.actions import publish
from wir.portal.models import Contact, ContactsPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def contacts(region):
    for code in ("de", "ar"):
        home = Page.objects.get(url_path=f"/testkreis/{code}/")
        page = ContactsPage(title=f"Kontakte {code}", slug="kontakte", locale=home.locale)
        home.add_child(instance=page)
        publish(page)
    german = Locale.objects.get(language_code="de")
    pool = Contact.objects.create(
        region=region,
        locale=german,
        topic="language_pool",
        role="Sprachpool — Vermittlung",
        phone="+49 6031 000-1",
    )
    Contact.objects.create(
        region=region,
        locale=german,
        topic="volunteering",
        role="WIR-Koordination — Ehrenamt",
        email="ehrenamt@example.org",
    )
    arabic = pool.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic.role = "مجمع الوسطاء اللغويين"
    arabic.save()


def test_contacts_are_grouped_by_topic(contacts) -> None:
    text = Client().get("/testkreis/de/kontakte/").text
    headings = re.findall(r'<h2 class="kern-heading-medium" id="topic-\d+">([^<]+)</h2>', text)
    assert headings == ["Sprachpool", "Ehrenamt"]
    assert 'href="tel:+496031000-1"' in text
    assert 'href="mailto:ehrenamt@example.org"' in text


def test_arabic_page_shows_translations_and_german_originals(contacts) -> None:
    text = Client().get("/testkreis/ar/kontakte/").text
    assert "مجمع الوسطاء اللغويين" in text
    assert "Sprachpool — Vermittlung" not in text
    assert re.search(
        r'<li class="wir-card" lang="de" dir="ltr">\s*<p class="kern-body">'
        r"<strong>WIR-Koordination — Ehrenamt</strong>",
        text,
    )
