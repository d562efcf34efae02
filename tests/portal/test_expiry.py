"""Expired content is never shown, even before `manage.py publish_scheduled` has run.

Wagtail unpublishes pages, offers and events whose `expire_at` has passed only when that
command runs; until then they are still `live`. These tests set `expire_at` in the past
on live content (as if the command were late) and look at every public way in.
"""

import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale, Page

from wir.portal.actions import add_translation, publish
from wir.portal.models import ContentPage, Event, EventIndexPage, Offer

pytestmark = pytest.mark.django_db
PAST = timedelta(minutes=5)


def expire(item, delta: timedelta = -PAST) -> None:
    """Set expire_at on live content without unpublishing it (the command has not run)."""
    type(item).objects.filter(pk=item.pk).update(expire_at=timezone.now() + delta)
    item.refresh_from_db()


@pytest.fixture
def content(region, towns, directory, make_place, make_offer):
    home_de = Page.objects.get(url_path="/testkreis/de/")
    home_ar = Page.objects.get(url_path="/testkreis/ar/")
    pages = {}
    for slug, title in (("winterhilfe", "Winterhilfe"), ("mietrecht", "Mietrecht")):
        page = ContentPage(title=title, slug=slug, intro="Wärmestube", body="<p>Wärmestube</p>")
        home_de.add_child(instance=page)
        publish(page)
        pages[slug] = page
    arabic = add_translation(
        pages["winterhilfe"], home_ar, home_ar.locale, title="مساعدة الشتاء", slug="winterhilfe"
    )
    calendar = EventIndexPage(title="Veranstaltungen", slug="veranstaltungen")
    home_de.add_child(instance=calendar)
    publish(calendar)
    place = make_place(towns["Nidda"], "Wärmestube Nidda")
    old_offer = make_offer("Wärmestube Winter", towns["Nidda"], place=place)
    offer = make_offer("Wärmestube Sommer", towns["Nidda"])
    soon = timezone.now() + timedelta(days=1)
    events = {}
    for title in ("Wärmestubenfest", "Wärmestubentreff"):
        event = Event.objects.create(
            region=region,
            locale=Locale.objects.get(language_code="de"),
            title=title,
            summary="Warm essen",
            organiser="Tafel",
            area=towns["Nidda"],
            start=soon,
            end=soon + timedelta(hours=2),
        )
        event.save_revision().publish()
        events[title] = event
    expire(pages["winterhilfe"])
    expire(pages["mietrecht"], timedelta(days=1))  # expires tomorrow: still shown today
    expire(old_offer)
    expire(events["Wärmestubenfest"])
    return {
        "page": pages["winterhilfe"],
        "arabic": arabic,
        "later": pages["mietrecht"],
        "offer": old_offer,
        "current_offer": offer,
        "event": events["Wärmestubenfest"],
        "current_event": events["Wärmestubentreff"],
        "place": place,
    }


def test_an_expired_page_is_not_served_but_one_expiring_later_is(content) -> None:
    assert content["page"].live  # the command has not run
    assert Client().get("/testkreis/de/winterhilfe/").status_code == 404
    assert Client().get("/testkreis/de/mietrecht/").status_code == 200


def test_expired_pages_are_not_linked_listed_or_found(content) -> None:
    home = Client().get("/testkreis/de/").text
    assert "/testkreis/de/mietrecht/" in home
    assert "/testkreis/de/winterhilfe/" not in home
    # The Arabic translation (not expired) no longer offers the German original as its twin.
    arabic = Client().get("/testkreis/ar/winterhilfe/")
    assert arabic.status_code == 200
    assert 'href="/testkreis/de/winterhilfe/"' not in arabic.text
    search = Client().get("/testkreis/de/suche/?q=Wärmestube").text
    assert "Mietrecht" in search
    assert "Winterhilfe" not in search
    sitemap = Client().get("/sitemap.xml").text
    assert "/testkreis/de/mietrecht/" in sitemap
    assert "/testkreis/de/winterhilfe/" not in sitemap


def test_expired_pages_are_not_in_the_api(content) -> None:
    pages = Client().get("/api/v1/regions/testkreis/de/pages/").json()
    titles = json.dumps(pages, ensure_ascii=False)
    assert "Mietrecht" in titles
    assert "Winterhilfe" not in titles
    one = Client().get(f"/api/v1/regions/testkreis/de/pages/{content['page'].pk}/")
    assert one.status_code == 404


def test_expired_offers_are_not_in_directory_map_search_or_api(content) -> None:
    listing = Client().get("/testkreis/de/was-ist-wo/").text
    assert "Wärmestube Sommer" in listing
    assert "Wärmestube Winter" not in listing
    assert "Wärmestube Nidda" not in listing  # its only offer expired: no map marker
    detail = Client().get(f"/testkreis/de/was-ist-wo/angebot/{content['offer'].pk}/")
    assert detail.status_code == 404
    place = Client().get(f"/testkreis/de/was-ist-wo/ort/{content['place'].pk}/").text
    assert "Wärmestube Winter" not in place
    search = Client().get("/testkreis/de/suche/?q=Wärmestube").text
    assert "Wärmestube Sommer" in search
    assert "Wärmestube Winter" not in search
    api = json.dumps(Client().get("/api/v1/regions/testkreis/de/offers/").json())
    assert f'"id": {content["current_offer"].pk}' in api
    assert f'"id": {content["offer"].pk}' not in api


def test_expired_events_are_not_listed_shown_found_or_in_the_calendar(content) -> None:
    listing = Client().get("/testkreis/de/veranstaltungen/").text
    assert "Wärmestubentreff" in listing
    assert "Wärmestubenfest" not in listing
    detail = Client().get(f"/testkreis/de/veranstaltungen/veranstaltung/{content['event'].pk}/")
    assert detail.status_code == 404
    feed = Client().get("/testkreis/de/veranstaltungen/kalender.ics/").content.decode()
    assert "Wärmestubentreff" in feed
    assert "Wärmestubenfest" not in feed
    search = Client().get("/testkreis/de/suche/?q=Wärmestubenfest").text
    assert "veranstaltung/" not in search


def test_publish_scheduled_then_unpublishes_them_for_good(content) -> None:
    call_command("publish_scheduled")
    assert not Page.objects.get(pk=content["page"].pk).live
    assert not Offer.objects.get(pk=content["offer"].pk).live
    assert not Event.objects.get(pk=content["event"].pk).live
    assert Page.objects.get(pk=content["later"].pk).live
    assert Offer.objects.get(pk=content["current_offer"].pk).live
