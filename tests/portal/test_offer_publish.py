"""Editors and coordination publish offers from the snippet editor (issue 14); publishing
is the review, so "zuletzt geprüft" becomes today. Translators and observers do not."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.utils import timezone

from tests.api.integreat.conftest import make_news
from tests.conftest import verified_client
from wir.accounts.roles import Role
from wir.core.actions import add_area
from wir.core.models import Area
from wir.portal.models import Offer
from wir.portal.templatetags.portal_tags import local_numeric_date

pytestmark = pytest.mark.django_db

OFFERS = "/admin/snippets/portal/offer/"
LONG_AGO = timezone.localdate() - timedelta(days=400)


class FormData(HTMLParser):
    """The values the edit form would send, as a browser would (no JavaScript)."""

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        name = a.get("name")
        if tag == "input" and name and not name.startswith("action-"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            if a.get("type") in ("submit", "button", "file"):
                return
            default = "on" if a.get("type") in ("checkbox", "radio") else ""
            self.data.setdefault(name, []).append(a.get("value", default))
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in a:
            self.data[self._select].append(a.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = [""]

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.data[self._textarea][0] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def edit_form(client: Client, offer: Offer) -> dict[str, list[str]]:
    response = client.get(f"{OFFERS}edit/{offer.pk}/")
    assert response.status_code == 200
    parser = FormData()
    parser.feed(response.text)
    return {k: v for k, v in parser.data.items() if k != "csrfmiddlewaretoken"}


@pytest.fixture
def offer(region, towns, directory, make_offer) -> Offer:
    return make_offer("Migrationsberatung", towns["Nidda"], last_checked=LONG_AGO)


def public(offer: Offer) -> str:
    response = Client().get(f"/testkreis/de/was-ist-wo/angebot/{offer.pk}/")
    assert response.status_code == 200
    return response.text


@pytest.mark.parametrize("role", [Role.EDITOR, Role.COORDINATION])
def test_editors_and_coordination_publish_and_the_review_date_is_today(
    offer, region, make_user, role
) -> None:
    client = verified_client(make_user("person", role, region))
    page = client.get(f"{OFFERS}edit/{offer.pk}/").text
    assert 'name="action-publish"' in page
    assert "Veröffentlichen" in page

    data = edit_form(client, offer)
    data["title"] = ["Migrationsberatung für Erwachsene"]
    response = client.post(f"{OFFERS}edit/{offer.pk}/", {**data, "action-publish": "1"})
    assert response.status_code == 302

    offer.refresh_from_db()
    assert offer.live
    assert not offer.has_unpublished_changes
    assert offer.title == "Migrationsberatung für Erwachsene"
    assert offer.last_checked == timezone.localdate()
    text = public(offer)
    assert "Migrationsberatung für Erwachsene" in text
    assert f"Zuletzt geprüft am {local_numeric_date(timezone.localdate())}" in text
    # the editor reopens the form and sees the new date, not the old one
    assert edit_form(client, offer)["last_checked"] == [timezone.localdate().isoformat()]


def test_saving_a_draft_keeps_the_public_offer_and_the_list_says_so(
    offer, region, make_user
) -> None:
    client = verified_client(make_user("redaktion", Role.EDITOR, region))
    data = edit_form(client, offer)
    data["title"] = ["Neue Beratung (Entwurf)"]
    assert client.post(f"{OFFERS}edit/{offer.pk}/", data).status_code == 302

    offer.refresh_from_db()
    assert offer.title == "Migrationsberatung"
    assert offer.has_unpublished_changes
    assert offer.last_checked == LONG_AGO
    assert "Neue Beratung" not in public(offer)
    listing = client.get(OFFERS).text
    assert "Änderungen nicht veröffentlicht" in listing
    only_open = client.get(f"{OFFERS}?has_unpublished_changes=true").text
    assert "Migrationsberatung" in only_open


def test_an_editor_unpublishes(offer, region, make_user) -> None:
    client = verified_client(make_user("redaktion", Role.EDITOR, region))
    assert (
        'href="/admin/snippets/portal/offer/unpublish/'
        in client.get(f"{OFFERS}edit/{offer.pk}/").text
    )
    response = client.post(f"{OFFERS}unpublish/{offer.pk}/")
    assert response.status_code == 302
    offer.refresh_from_db()
    assert not offer.live


@pytest.mark.parametrize("role", [Role.TRANSLATOR, Role.OBSERVER])
def test_translators_and_observers_cannot_publish(offer, region, make_user, role) -> None:
    editor = verified_client(make_user("redaktion", Role.EDITOR, region))
    data = edit_form(editor, offer)
    data["title"] = ["Übernommen?"]
    client = verified_client(make_user("person", role, region))
    assert client.get(f"{OFFERS}edit/{offer.pk}/").status_code == 404
    response = client.post(f"{OFFERS}edit/{offer.pk}/", {**data, "action-publish": "1"})
    assert response.status_code == 404
    assert client.post(f"{OFFERS}unpublish/{offer.pk}/").status_code == 404
    offer.refresh_from_db()
    assert offer.title == "Migrationsberatung"
    assert offer.live
    assert offer.last_checked == LONG_AGO


def test_an_editor_of_another_region_gets_404(offer, region, make_region, make_user) -> None:
    editor = verified_client(make_user("redaktion", Role.EDITOR, region))
    data = edit_form(editor, offer)
    data["title"] = ["Übernommen?"]
    other = make_region("anderswo")
    add_area(other, "Gedern", Area.Kind.MUNICIPALITY, Decimal("50.42"), Decimal("9.2"))
    stranger = verified_client(make_user("fremd", Role.EDITOR, other))
    response = stranger.post(f"{OFFERS}edit/{offer.pk}/", {**data, "action-publish": "1"})
    assert response.status_code == 404
    assert stranger.post(f"{OFFERS}unpublish/{offer.pk}/").status_code == 404
    offer.refresh_from_db()
    assert offer.title == "Migrationsberatung"
    assert offer.last_checked == LONG_AGO


def test_editors_publish_changes_to_news_too(region, make_user) -> None:
    item = make_news(region, "Alte Nachricht")
    news = "/admin/snippets/portal/news/"
    client = verified_client(make_user("redaktion", Role.EDITOR, region))
    assert 'name="action-publish"' in client.get(f"{news}edit/{item.pk}/").text
    data = {"region": region.pk, "title": "Neue Nachricht", "message": item.message}
    assert client.post(f"{news}edit/{item.pk}/", data).status_code == 302
    item.refresh_from_db()
    assert item.title == "Alte Nachricht"
    assert "Änderungen nicht veröffentlicht" in client.get(news).text
    response = client.post(f"{news}edit/{item.pk}/", {**data, "action-publish": "1"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "Neue Nachricht"
    assert not item.has_unpublished_changes
