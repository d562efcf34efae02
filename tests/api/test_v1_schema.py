"""Every /api/v1/ operation answers what its OpenAPI document declares: each one is called
on a region with content of every kind, and each answer (errors included) is validated
against the document's schema, strictly (tests/api/openapi.py). The answers of the other
API tests (test_v1.py) go through the same check."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from wagtail.models import Locale, Page

from tests.api.openapi import check_answer, operations
from tests.conftest import translate_offer
from wir.portal.actions import publish
from wir.portal.models import Contact, Event, EventIndexPage, PageOffer

pytestmark = pytest.mark.django_db

BASE = "/api/v1/regions/testkreis"


@pytest.fixture
def world(
    tree: dict[str, Page], directory: Any, towns: Any, make_place: Any, make_offer: Any
) -> dict[str, Any]:
    """A region with pages, an offer (translated, at a place, embedded in a page), a
    recurring event and a contact."""
    german = Locale.objects.get(language_code="de")
    town = towns["Nidda"]
    place = make_place(town, name="Bürgerhaus Nidda")
    offer = make_offer(
        "Beratung", town, place=place, groups=("women",), languages=("ar", "en"), price_note=""
    )
    translate_offer(offer, "ar", "استشارة")
    PageOffer.objects.create(page=tree["first"], offer=offer, sort_order=0)
    calendar = EventIndexPage(title="Veranstaltungen", slug="veranstaltungen")
    Page.objects.get(url_path="/testkreis/de/").add_child(instance=calendar)
    publish(calendar)
    start = datetime(2027, 3, 1, 18, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    event = Event(
        region=town.region,
        locale=german,
        title="Sprachcafé",
        summary="Kurz",
        organiser="Verein",
        area=town,
        place=place,
        start=start,
        end=start + timedelta(hours=2),
        recurrence="FREQ=WEEKLY;BYDAY=MO",
    )
    event.save()
    event.save_revision().publish()
    Contact.objects.create(
        region=town.region,
        locale=german,
        topic="volunteering",
        role="WIR-Koordination — Ehrenamt",
        phone="+49 6031 000-1",
        place=place,
    )
    return {"page": tree["child"], "offer": offer, "place": place, "event": event, "town": town}


def test_every_operation_answers_as_its_schema_says(world: dict[str, Any]) -> None:
    page, offer, place, event = world["page"], world["offer"], world["place"], world["event"]
    ok = [
        "/api/v1/regions/",
        f"{BASE}/",
        f"{BASE}/languages/",
        f"{BASE}/de/pages/",
        f"{BASE}/de/pages/tree/",
        f"{BASE}/de/pages/{page.pk}/",
        f"{BASE}/de/pages/{page.get_parent().pk}/children/",
        f"{BASE}/de/pages/{page.pk}/ancestors/",
        f"{BASE}/de/offers/?near={world['town'].pk}",
        f"{BASE}/ar/offers/",
        f"{BASE}/de/offers/{offer.pk}/",
        f"{BASE}/de/places/",
        f"{BASE}/de/places/{place.pk}/",
        f"{BASE}/de/events/?from=2027-03-01&to=2027-03-14",
        f"{BASE}/de/events/{event.pk}/",
        f"{BASE}/de/contacts/",
        f"{BASE}/de/search/?q=Beratung",
    ]
    bad = [
        ("/api/v1/regions/nirgendwo/", 404),
        (f"{BASE}/xx/pages/", 404),
        (f"{BASE}/de/offers/?category=nichts", 400),
        (f"{BASE}/de/events/?from=morgen", 400),
        (f"{BASE}/de/search/", 400),
    ]
    covered = set()
    for path in ok:
        response = Client().get(path)
        assert response.status_code == 200, (path, response.content)
        assert json.loads(response.content), path  # something to validate, not an empty list
        covered.add(check_answer("get", path, response))
    for path, status in bad:
        response = Client().get(path)
        assert response.status_code == status, path
        check_answer("get", path, response)
    feedback = f"{BASE}/de/feedback/"
    for body, status in (
        ({"page": page.pk, "helpful": True, "offer": offer.pk}, 201),
        ({"page": page.pk, "helpful": "vielleicht"}, 400),
    ):
        response = Client().post(feedback, json.dumps(body), content_type="application/json")
        assert response.status_code == status, response.content
        covered.add(check_answer("post", feedback, response))
    assert covered == operations()  # a new operation must be added above


def test_the_check_finds_an_undeclared_field() -> None:
    response = Client().get("/api/v1/regions/nirgendwo/")
    response.content = json.dumps({"detail": "x", "secret": "y"}).encode()
    with pytest.raises(AssertionError, match="breaks the schema"):
        check_answer("get", "/api/v1/regions/nirgendwo/", response)
