"""Only prose goes to translators: telephone numbers, recurrence rules and slugs stay as they
are (XLIFF and editor), and the XLIFF export takes its pages from the page tree."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from lxml import etree
from wagtail.models import Locale, Page

from tests.conftest import verified_client
from wir.accounts.roles import Role
from wir.portal.actions import publish
from wir.portal.models import Contact, ContentPage, Event
from wir.translation import segments
from wir.translation.xliff import export, importing
from wir.translation.xliff.formats import NS12

pytestmark = pytest.mark.django_db

URL = "/admin/uebersetzung/xliff/"


def sources_of(data: bytes) -> list[str]:
    root = etree.fromstring(data)
    return ["".join(s.itertext()) for s in root.iter(f"{{{NS12}}}source")]


def translate_all(data: bytes) -> bytes:
    root = etree.fromstring(data)
    for unit in root.iter(f"{{{NS12}}}trans-unit"):
        target = etree.SubElement(unit, f"{{{NS12}}}target")
        target.text = "AR: " + "".join(unit.find(f"{{{NS12}}}source").itertext())
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


@pytest.fixture
def contact(region: Any) -> Contact:
    return Contact.objects.create(
        region=region,
        locale=Locale.objects.get(language_code="de"),
        topic="language_pool",
        role="Sprachpool-Koordination",
        phone="06031 83-1234",
        office_hours="Mo bis Do 9 bis 12 Uhr",
    )


@pytest.fixture
def event(region: Any, towns: Any) -> Event:
    start = timezone.now() + timedelta(days=2)
    event = Event(
        region=region,
        locale=Locale.objects.get(language_code="de"),
        title="Sprachcafé",
        summary="Deutsch sprechen bei Kaffee",
        organiser="Familienzentrum",
        area=towns["Nidda"],
        start=start,
        end=start + timedelta(hours=2),
        recurrence="FREQ=WEEKLY;BYDAY=TH;COUNT=4",
    )
    event.save()
    event.save_revision().publish()
    return event


def test_xliff_leaves_out_phone_numbers_recurrence_rules_and_slugs(
    region: Any, contact: Contact, event: Event
) -> None:
    original = ContentPage(title="Anmelden", slug="anmelden", intro="Kurz", body="<p>Text</p>")
    Page.objects.get(url_path="/testkreis/de/").add_child(instance=original)
    publish(original)
    data, count = export.export([original, contact, event], "ar", "1.2")
    texts = sources_of(data)
    assert count == len(texts)
    assert "Sprachpool-Koordination" in texts
    assert "Deutsch sprechen bei Kaffee" in texts
    assert not [t for t in texts if "1234" in t or "FREQ=" in t or t == "anmelden"]
    report = importing.import_file(translate_all(data), region, "ar")
    assert report.ok, report.errors
    arabic = Locale.objects.get(language_code="ar")
    target = Contact.objects.get(translation_key=contact.translation_key, locale=arabic)
    assert (target.role, target.phone) == ("AR: Sprachpool-Koordination", "06031 83-1234")
    other = Event.objects.get(translation_key=event.translation_key, locale=arabic)
    assert other.recurrence == "FREQ=WEEKLY;BYDAY=TH;COUNT=4"
    page = original.get_translation(arabic)
    assert page.slug == "anmelden"


def test_an_old_file_cannot_change_a_telephone_number(region: Any, contact: Contact) -> None:
    Locale.objects.get_or_create(language_code="ar")
    source = segments.register(contact)
    units = segments.units(source, Locale.objects.get(language_code="ar"))
    key = next(k for k, u in export.keyed(source, units).items() if u.path == "phone")
    data, _count = export.export([contact], "ar", "1.2")
    root = etree.fromstring(translate_all(data))
    body = root.find(f".//{{{NS12}}}body")
    unit = etree.SubElement(body, f"{{{NS12}}}trans-unit", id=key)
    etree.SubElement(unit, f"{{{NS12}}}source").text = "06031 83-1234"
    etree.SubElement(unit, f"{{{NS12}}}target").text = "0000"
    report = importing.import_file(etree.tostring(root), region, "ar")
    assert report.ok, report.errors
    assert "Bleibt unverändert: kein Text zum Übersetzen." in [p.message for p in report.skipped]
    target = Contact.objects.get(
        translation_key=contact.translation_key, locale__language_code="ar"
    )
    assert target.phone == "06031 83-1234"


def test_the_editor_shows_no_phone_field_and_keeps_the_number(
    region: Any, contact: Contact, make_user: Any
) -> None:
    client = verified_client(make_user("redaktion", Role.EDITOR, region))
    url = f"/admin/uebersetzung/bearbeiten/testkreis/contact/{contact.pk}/ar/"
    page = client.get(url).text
    assert "06031" not in page.split('<form method="post" novalidate>', 1)[1]
    fields = [n for n in ("t-role:0", "t-office_hours:0") if f'name="{n}"' in page]
    assert len(fields) == 2
    client.post(url, {"t-role:0": "منسق", "t-office_hours:0": "من الاثنين"})
    target = Contact.objects.get(
        translation_key=contact.translation_key, locale__language_code="ar"
    )
    assert (target.role, target.phone) == ("منسق", "06031 83-1234")


# --- the page tree instead of typed ids ---------------------------------------------------


def test_export_from_the_page_tree_of_the_own_region_only(
    original: ContentPage, region: Any, translator: Any, make_region: Any
) -> None:
    child = ContentPage(title="Unterseite", slug="unterseite", intro="Mehr")
    original.add_child(instance=child)
    publish(child)
    other = make_region("anderkreis")
    foreign = ContentPage(title="Fremde Seite", slug="fremd")
    Page.objects.get(url_path="/anderkreis/de/").add_child(instance=foreign)
    client = verified_client(translator)
    form = client.get(URL).text
    assert f'name="tree" value="{original.pk}"' in form
    assert f'name="tree" value="{child.pk}"' in form
    assert "Fremde Seite" not in form
    assert f'value="{foreign.pk}"' not in form
    data = {"export": "1", "region": region.pk, "language": "ar", "version": "1.2"}
    chosen = client.post(URL, {**data, "scope": "subtree", "tree": [original.pk]})
    assert chosen["Content-Type"] == "application/xliff+xml"
    assert {"Mehr", "Kurz"} <= set(sources_of(chosen.content))
    only = client.post(URL, {**data, "scope": "pages", "tree": [child.pk]})
    assert sources_of(only.content) == ["Unterseite", "Mehr"]
    refused = client.post(URL, {**data, "scope": "pages", "tree": [foreign.pk]})
    assert refused["Content-Type"].startswith("text/html")
    assert "Fremde Seite" not in refused.text
    assert other.pk != region.pk


# --- verbatim changes are carried into the translations ------------------------------------


def arabic_cell(region: Any, contact: Contact) -> str:
    from wir.translation.status import states

    result = states.matrix(region, language="ar")
    row = next(
        r for r in result.rows if r.item.kind == "contact" and r.item.object_id == contact.pk
    )
    return row.cells["ar"].status


def test_a_new_telephone_number_does_not_make_the_translation_outdated(
    region: Any, contact: Contact, make_user: Any
) -> None:
    from wir.translation.status import states

    client = verified_client(make_user("redaktion", Role.EDITOR, region))
    url = f"/admin/uebersetzung/bearbeiten/testkreis/contact/{contact.pk}/ar/"
    client.get(url)
    client.post(url, {"t-role:0": "منسق", "t-office_hours:0": "من الاثنين"})
    assert arabic_cell(region, contact) == states.UP_TO_DATE
    contact.phone = "06031 83-9999"
    contact.save()  # a contact is live when saved: its translations follow at once
    assert arabic_cell(region, contact) == states.UP_TO_DATE
    target = Contact.objects.get(
        translation_key=contact.translation_key, locale__language_code="ar"
    )
    assert (target.role, target.phone) == ("منسق", "06031 83-9999")
    # A change of prose still waits for the translator; the number is carried all the same.
    contact.phone = "06031 83-7777"
    contact.office_hours = "Mo bis Fr 9 bis 12 Uhr"
    contact.save()
    assert arabic_cell(region, contact) == states.OUTDATED
    source = segments.register(contact)
    phone = next(
        u
        for u in segments.units(source, Locale.objects.get(language_code="ar"))
        if u.path == "phone"
    )
    assert phone.target == "06031 83-7777"


def test_a_new_recurrence_rule_is_carried_into_the_published_translation(
    region: Any, event: Event, make_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from wir.translation.status import states

    client = verified_client(make_user("redaktion", Role.EDITOR, region))
    url = f"/admin/uebersetzung/bearbeiten/testkreis/event/{event.pk}/ar/"
    form = client.get(url).text
    names = set(re.findall(r'name="(t-[^"]+)"', form))
    with django_capture_on_commit_callbacks(execute=True):  # publishing happens on commit
        client.post(url, dict.fromkeys(names, "نص"))
    result = states.matrix(region, language="ar")
    row = next(r for r in result.rows if r.item.kind == "event" and r.item.object_id == event.pk)
    assert row.cells["ar"].status == states.UP_TO_DATE
    event.recurrence = "FREQ=WEEKLY;BYDAY=FR;COUNT=4"
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    result = states.matrix(region, language="ar")
    row = next(r for r in result.rows if r.item.kind == "event" and r.item.object_id == event.pk)
    assert row.cells["ar"].status == states.UP_TO_DATE
    target = Event.objects.get(translation_key=event.translation_key, locale__language_code="ar")
    assert target.recurrence == "FREQ=WEEKLY;BYDAY=FR;COUNT=4"
    assert not target.has_unpublished_changes
