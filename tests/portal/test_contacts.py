"""Contacts by topic field: roles, grouped, in the visitor's language or German."""

import re

import pytest
from django.test import Client
from wagtail.models import Locale, Page

from tests.conftest import CapturedQueries, QueryCount
from tests.portal.helpers import language_of
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
    assert language_of(text, "WIR-Koordination — Ehrenamt") == ("de", "ltr")


# --- contacts on the page of their place ---------------------------------------------


@pytest.fixture
def place_contacts(region, directory, towns, make_place):
    german = Locale.objects.get(language_code="de")
    office = make_place(towns["Friedberg"], "Kreishaus")
    elsewhere = make_place(towns["Nidda"], "Bürgerbüro Nidda")

    def contact(role: str, topic: str, place, **fields) -> Contact:
        return Contact.objects.create(
            region=region, locale=german, topic=topic, role=role, place=place, **fields
        )

    opening = contact(
        "WIR-Koordination — Interkulturelle Öffnung",
        "intercultural_opening",
        office,
        phone="+49 6031 000-7",
        email="oeffnung@example.org",
        office_hours="Di und Do 9–12 Uhr",
    )
    contact("WIR-Koordination — Ehrenamt", "volunteering", office, office_hours="Mi 14–17 Uhr")
    contact("Bürgerbüro — Servicetelefon", "arrival", elsewhere, phone="+49 6043 000-1")
    contact("Sprachpool — Vermittlung", "language_pool", None, phone="+49 6031 000-9")
    arabic = opening.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic.role = "تنسيق WIR — الانفتاح بين الثقافات"
    arabic.save()
    return {"office": office, "elsewhere": elsewhere}


def test_a_place_shows_its_contacts_by_role(place_contacts) -> None:
    text = Client().get(f"/testkreis/de/was-ist-wo/ort/{place_contacts['office'].pk}/").text
    assert "Ansprechstellen an diesem Ort" in text
    section = text[text.index("Ansprechstellen an diesem Ort") :]
    roles = re.findall(r"<strong>([^<]+)</strong>", section)
    # Ordered by topic field like the contacts page; only this place's contacts.
    assert roles == ["WIR-Koordination — Interkulturelle Öffnung", "WIR-Koordination — Ehrenamt"]
    assert "Interkulturelle Öffnung</p>" in section  # the topic field is named
    assert 'href="tel:+496031000-7"' in section
    assert 'href="mailto:oeffnung@example.org"' in section
    assert "Sprechzeiten: Di und Do 9–12 Uhr" in section
    assert "Bürgerbüro" not in section
    assert "Sprachpool" not in section


def test_a_place_shows_contacts_in_the_visitors_language(place_contacts) -> None:
    text = Client().get(f"/testkreis/ar/was-ist-wo/ort/{place_contacts['office'].pk}/").text
    assert "تنسيق WIR — الانفتاح بين الثقافات" in text
    assert "WIR-Koordination — Interkulturelle Öffnung" not in text
    # The untranslated contact is shown in German, marked as such; its topic label is Arabic.
    assert language_of(text, "WIR-Koordination — Ehrenamt") == ("de", "ltr")
    card = text[: text.index("WIR-Koordination — Ehrenamt")].rsplit('<li class="wir-card">', 1)[1]
    topic = re.search(r'<p class="kern-body kern-body--small">([^<]+)</p>', card)
    assert topic is not None
    assert language_of(text, topic.group(1)) == ("ar", "rtl")


def test_a_place_without_contacts_has_no_contact_section(region, directory, towns, make_place):
    place = make_place(towns["Nidda"], "Jugendhaus")
    text = Client().get(f"/testkreis/de/was-ist-wo/ort/{place.pk}/").text
    assert "Ansprechstellen an diesem Ort" not in text


def test_place_page_query_count_does_not_grow_with_its_contacts(
    place_contacts, region, query_count: QueryCount
):
    url = f"/testkreis/de/was-ist-wo/ort/{place_contacts['office'].pk}/"

    def count() -> CapturedQueries:
        client = Client()
        client.get(url)
        with query_count.capture() as queries:
            assert client.get(url).status_code == 200
        return queries

    few = count()
    for number in range(8):
        Contact.objects.create(
            region=region,
            locale=Locale.objects.get(language_code="de"),
            topic="work",
            role=f"Jobcenter — Team {number}",
            place=place_contacts["office"],
        )
    query_count.assert_same(few, count())
