"""Easy German ("Leichte Sprache", de-x-ls): a content language with its own status.

Easy German texts are rewrites with their own structure, so the status matrix compares
whole versions (publication times) instead of segments, and shows the German changes since.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from wagtail.models import Locale, ModelLogEntry, Page, PageLogEntry

from tests.conftest import MakeRegion, MakeUser, translate_offer, verified_client
from tests.translation.test_status import make_page
from wir.accounts.actions import grant_role
from wir.accounts.roles import Role
from wir.core.actions import add_area
from wir.core.models import Area, Region
from wir.portal.actions import publish
from wir.portal.models import Contact, ContentPage, Offer
from wir.translation import legacy
from wir.translation.models import EasyGermanCheck
from wir.translation.status import easy_german, states

pytestmark = pytest.mark.django_db

EASY = "de-x-ls"


@pytest.fixture
def easy_region(make_region: MakeRegion) -> Region:
    return make_region("leichtkreis", languages=("de", EASY, "en"))


@pytest.fixture
def doctor(easy_region: Region) -> ContentPage:
    return make_page(
        easy_region,
        "arzt",
        {
            "de": ("Zum Arzt gehen", "<p>Die Krankenkasse übernimmt die Kosten.</p>"),
            EASY: ("Zum Arzt gehen", "<p>Sie sind krank.</p><p>Sie gehen zum Arzt.</p>"),
        },
    )


def easy_cell(region: Region, kind: str, object_id: int) -> states.Cell:
    result = states.matrix(region)
    row = next(r for r in result.rows if r.item.kind == kind and r.item.object_id == object_id)
    return row.cells[EASY]


def cell_url(page: Any, kind: str = "page") -> str:
    return f"/admin/uebersetzung/stand/leichtkreis/{kind}/{page.pk}/{EASY}/"


def seen_stamp(html: str) -> str:
    found = re.search(r'name="german_published_at" value="([^"]*)"', html)
    assert found, "the form carries the German publication the editor compared"
    return found.group(1)


def test_public_page_in_easy_german(easy_region: Region, doctor: ContentPage) -> None:
    assert Page.objects.filter(url_path="/leichtkreis/de-x-ls/arzt/").exists()
    response = Client().get("/leichtkreis/de-x-ls/arzt/")
    assert response.status_code == 200
    assert '<html lang="de-x-ls" dir="ltr"' in response.text
    assert "Sie gehen zum Arzt." in response.text
    home = Client().get("/leichtkreis/de-x-ls/")
    assert home.status_code == 200
    assert 'hreflang="de-x-ls"' in home.text
    assert "Leichte Sprache" in home.text
    sitemap = Client().get("/sitemap.xml")
    assert sitemap.status_code == 200
    assert 'hreflang="de-x-ls"' in sitemap.text
    legacy.sync_region(easy_region)
    result = states.matrix(easy_region)
    assert result.languages == [EASY, "en"]
    row = next(r for r in result.rows if r.item.title == "Zum Arzt gehen")
    # Two paragraphs for one: as a whole version it is complete and current.
    assert row.cells[EASY].status == states.UP_TO_DATE
    assert row.cells[EASY].whole
    assert row.cells["en"].status == states.MISSING


def test_status_follows_publications_and_minor_changes(
    easy_region: Region, doctor: ContentPage
) -> None:
    only_german = make_page(easy_region, "schule", {"de": ("Schule", "<p>Schulpflicht.</p>")})
    assert easy_cell(easy_region, "page", only_german.pk).status == states.MISSING
    assert easy_cell(easy_region, "page", doctor.pk).status == states.UP_TO_DATE

    doctor.body = "<p>Die Krankenkasse übernimmt fast alle Kosten.</p>"
    publish(doctor)
    assert easy_cell(easy_region, "page", doctor.pk).status == states.OUTDATED

    easy_page = Page.objects.get(url_path="/leichtkreis/de-x-ls/arzt/").specific
    publish(easy_page)  # the Easy German version was revised after the German change
    assert easy_cell(easy_region, "page", doctor.pk).status == states.UP_TO_DATE

    publish(doctor)
    doctor.refresh_from_db()
    assert easy_cell(easy_region, "page", doctor.pk).status == states.OUTDATED
    seen = easy_german.stamp(easy_german.state(doctor).german_at)
    easy_german.confirm_minor_change(None, easy_region, doctor, seen)
    assert easy_cell(easy_region, "page", doctor.pk).status == states.UP_TO_DATE

    publish(doctor)  # a confirmation covers the German text it was made for, not later ones
    assert easy_cell(easy_region, "page", doctor.pk).status == states.OUTDATED


def test_snippets_compare_their_publication_or_change_times(easy_region: Region) -> None:
    german = Locale.objects.get(language_code="de")
    town = add_area(easy_region, "Friedberg", Area.Kind.MUNICIPALITY, 50, 8)
    offer = Offer(
        region=easy_region,
        locale=german,
        category="counselling",
        title="Beratung",
        summary="Kurz",
        provider="Träger",
        area=town,
    )
    offer.save()
    offer.save_revision().publish()
    translate_offer(offer, EASY, "Beratung in Leichter Sprache")
    contact = Contact.objects.create(
        region=easy_region, locale=german, topic="health", role="Gesundheitsamt — Beratung"
    )
    easy_contact = contact.copy_for_translation(Locale.objects.get(language_code=EASY))
    easy_contact.role = "Gesundheits-Amt: Beratung"
    easy_contact.save()
    assert easy_cell(easy_region, "offer", offer.pk).status == states.UP_TO_DATE
    assert easy_cell(easy_region, "contact", contact.pk).status == states.UP_TO_DATE

    offer.summary = "Kurz und neu"
    offer.save_revision().publish()
    contact.phone = "06031 000-100"
    contact.save()
    assert easy_cell(easy_region, "offer", offer.pk).status == states.OUTDATED
    assert easy_cell(easy_region, "contact", contact.pk).status == states.OUTDATED


def test_matrix_counts_filters_and_labels(
    easy_region: Region, make_user: MakeUser, doctor: ContentPage
) -> None:
    make_page(easy_region, "schule", {"de": ("Schule", "<p>Schulpflicht.</p>")})
    doctor.body = "<p>Die Krankenkasse übernimmt fast alle Kosten.</p>"
    publish(doctor)
    result = states.matrix(easy_region, language=EASY)
    assert result.counts[EASY][states.OUTDATED] == 1
    assert result.counts[EASY][states.MISSING] >= 1
    client = verified_client(make_user("koord", Role.COORDINATION, easy_region))
    outdated = client.get(f"/admin/uebersetzung/stand/leichtkreis/?language={EASY}&status=outdated")
    assert outdated.status_code == 200
    assert '<th scope="row">Zum Arzt gehen</th>' in outdated.text
    assert '<th scope="row">Schule</th>' not in outdated.text
    assert cell_url(doctor) in outdated.text
    assert "als ganze Fassung verglichen" in outdated.text
    missing = client.get(f"/admin/uebersetzung/stand/leichtkreis/?language={EASY}&status=missing")
    assert '<th scope="row">Schule</th>' in missing.text
    assert '<th scope="row">Zum Arzt gehen</th>' not in missing.text


def test_cell_shows_the_german_changes_and_a_minor_change_is_a_logged_post(
    easy_region: Region, make_user: MakeUser, doctor: ContentPage
) -> None:
    doctor.body = "<p>Die Krankenkasse übernimmt fast alle Kosten.</p>"
    publish(doctor)
    client = verified_client(make_user("koord", Role.COORDINATION, easy_region))
    detail = client.get(cell_url(doctor))
    assert detail.status_code == 200
    assert "[eingefügt: </span>fast alle" in detail.text
    assert "Deutsch vorher" in detail.text
    assert "Die Krankenkasse übernimmt die Kosten." in detail.text
    assert "Kleine Änderung – keine neue Fassung in Leichter Sprache nötig" in detail.text

    response = client.post(cell_url(doctor), {"german_published_at": seen_stamp(detail.text)})
    assert response.status_code == 302
    entry = PageLogEntry.objects.get(page=doctor, action="wir.translation_minor_change")
    assert entry.data["language"] == EASY
    check = EasyGermanCheck.objects.get(translation_key=doctor.translation_key)
    assert check.checked_by is not None
    assert check.german_revision_id == Page.objects.get(pk=doctor.pk).live_revision_id
    assert easy_cell(easy_region, "page", doctor.pk).status == states.UP_TO_DATE
    after = client.get(cell_url(doctor))
    assert "auf dem Stand des deutschen Textes" in after.text


def test_bad_minor_change_posts_are_german_messages(
    easy_region: Region, make_user: MakeUser, doctor: ContentPage
) -> None:
    client = verified_client(make_user("koord", Role.COORDINATION, easy_region))
    current = client.post(cell_url(doctor), {"german_published_at": "x"}, follow=True)
    assert current.status_code == 200
    assert "schon aktuell" in current.text

    doctor.body = "<p>Die Krankenkasse übernimmt fast alle Kosten.</p>"
    publish(doctor)
    for value in ("kaputt", "", "2020-01-01T00:00:00+00:00"):
        response = client.post(cell_url(doctor), {"german_published_at": value}, follow=True)
        assert response.status_code == 200
        assert "inzwischen wieder veröffentlicht" in response.text
    assert client.post(cell_url(doctor)).status_code == 302  # no field at all: refused, no 500

    lonely = make_page(easy_region, "schule", {"de": ("Schule", "<p>Schulpflicht.</p>")})
    missing = client.post(cell_url(lonely), {"german_published_at": "x"}, follow=True)
    assert "noch keine Fassung in Leichter Sprache" in missing.text
    assert not EasyGermanCheck.objects.exists()
    assert easy_cell(easy_region, "page", doctor.pk).status == states.OUTDATED


def test_translator_of_another_language_may_not_confirm(
    easy_region: Region, make_user: MakeUser, doctor: ContentPage
) -> None:
    doctor.body = "<p>Die Krankenkasse übernimmt fast alle Kosten.</p>"
    publish(doctor)
    doctor.refresh_from_db()
    stamp = easy_german.stamp(doctor.last_published_at)
    english = make_user("englisch")
    grant_role(None, english, easy_region, Role.TRANSLATOR, languages=["en"])
    other = verified_client(english)
    assert other.get(cell_url(doctor)).status_code == 404
    assert other.post(cell_url(doctor), {"german_published_at": stamp}).status_code == 404
    assert not EasyGermanCheck.objects.exists()
    easy = make_user("leicht")
    grant_role(None, easy, easy_region, Role.TRANSLATOR, languages=[EASY])
    allowed = verified_client(easy)
    assert allowed.get(cell_url(doctor)).status_code == 200
    assert allowed.post(cell_url(doctor), {"german_published_at": stamp}).status_code == 302
    assert EasyGermanCheck.objects.filter(translation_key=doctor.translation_key).exists()


def test_without_an_earlier_german_revision_the_cell_says_so(
    easy_region: Region, make_user: MakeUser, doctor: ContentPage
) -> None:
    PageLogEntry.objects.filter(page=doctor).delete()  # e.g. imported without history
    doctor.body = "<p>Die Krankenkasse übernimmt fast alle Kosten.</p>"
    publish(doctor)
    client = verified_client(make_user("koord", Role.COORDINATION, easy_region))
    detail = client.get(cell_url(doctor))
    assert detail.status_code == 200
    assert "keine frühere Fassung des deutschen Textes" in detail.text
    assert "Kleine Änderung – keine neue Fassung in Leichter Sprache nötig" in detail.text

    german = Locale.objects.get(language_code="de")
    contact = Contact.objects.create(
        region=easy_region, locale=german, topic="health", role="Gesundheitsamt — Beratung"
    )
    easy_contact = contact.copy_for_translation(Locale.objects.get(language_code=EASY))
    easy_contact.save()
    contact.phone = "06031 000-100"
    contact.save()
    contact_detail = client.get(cell_url(contact, "contact"))
    assert "keine frühere Fassung des deutschen Textes" in contact_detail.text
    client.post(
        cell_url(contact, "contact"), {"german_published_at": seen_stamp(contact_detail.text)}
    )
    assert ModelLogEntry.objects.filter(action="wir.translation_minor_change").exists()
    assert easy_cell(easy_region, "contact", contact.pk).status == states.UP_TO_DATE
