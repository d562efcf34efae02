"""Feedback on a page: stored without personal data, validated, rate limited."""

import pytest
from django.test import Client
from wagtail.models import Page

from tests.conftest import verified_client
from wir.accounts.roles import Role
from wir.portal.actions import publish
from wir.portal.feedback import RATE_LIMIT
from wir.portal.models import ContentPage, Feedback

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(region) -> ContentPage:
    home = Page.objects.get(url_path="/testkreis/de/")
    housing = ContentPage(title="Wohnen", slug="wohnen", body="<p>Text</p>")
    home.add_child(instance=housing)
    publish(housing)
    return housing


def post(client: Client, **data):
    return client.post("/rueckmeldung/", {"language": "de", **data})


def test_form_is_on_the_page_and_feedback_is_stored(page) -> None:
    client = Client()
    assert 'action="/rueckmeldung/"' in client.get("/testkreis/de/wohnen/").text
    response = post(client, page=page.pk, helpful="nein", comment="  Die Adresse fehlt.  ")
    assert response.status_code == 302
    assert response["Location"] == "/testkreis/de/wohnen/?rueckmeldung=danke#rueckmeldung"
    stored = Feedback.objects.get()
    assert (stored.helpful, stored.comment, stored.language_code) == (
        False,
        "Die Adresse fehlt.",
        "de",
    )
    assert stored.region.slug == "testkreis"
    assert "Danke für Ihre Rückmeldung!" in client.get(response["Location"]).text


def test_feedback_on_an_offer_returns_to_the_offer(directory, towns, make_offer) -> None:
    offer = make_offer("Migrationsberatung", towns["Nidda"])
    response = post(Client(), page=directory["de"].pk, offer=offer.pk, helpful="ja")
    assert response["Location"] == (
        f"/testkreis/de/was-ist-wo/angebot/{offer.pk}/?rueckmeldung=danke#rueckmeldung"
    )
    assert Feedback.objects.get().offer == offer


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Bitte wählen Sie „Ja“ oder „Nein“."),
        ({"helpful": "vielleicht"}, "Bitte eine gültige Auswahl treffen"),
        ({"helpful": "ja", "comment": "x" * 1001}, "Bitte schreiben Sie höchstens 1000 Zeichen."),
        ({"helpful": "ja", "page": "999999"}, "Diese Seite gibt es nicht."),
        ({"helpful": "ja", "page": "abc"}, "ganze Zahl"),
        ({"helpful": "ja", "offer": "999999"}, "Dieses Angebot gibt es nicht oder nicht mehr."),
    ],
)
def test_bad_input_is_answered_in_german_and_stores_nothing(page, data, message) -> None:
    response = post(Client(), **{"page": page.pk, **data})
    assert response.status_code == 400
    assert message in response.text
    assert not Feedback.objects.exists()


def test_error_page_speaks_the_visitors_language(page) -> None:
    response = Client().post("/rueckmeldung/", {"language": "en", "page": page.pk})
    assert response.status_code == 400
    assert '<html lang="en"' in response.text


def test_draft_pages_take_no_feedback(region) -> None:
    home = Page.objects.get(url_path="/testkreis/de/")
    draft = ContentPage(title="Entwurf", slug="entwurf", live=False)
    home.add_child(instance=draft)
    assert post(Client(), page=draft.pk, helpful="ja").status_code == 400


def test_rate_limit_per_address(page) -> None:
    client = Client(REMOTE_ADDR="192.0.2.7")
    for _ in range(RATE_LIMIT):
        assert post(client, page=page.pk, helpful="ja").status_code == 302
    limited = post(client, page=page.pk, helpful="ja")
    assert limited.status_code == 429
    assert Feedback.objects.count() == RATE_LIMIT
    other = Client(REMOTE_ADDR="192.0.2.8")
    assert post(other, page=page.pk, helpful="ja").status_code == 302


def test_get_is_not_allowed(page) -> None:
    assert Client().get("/rueckmeldung/").status_code == 405


def test_editors_read_their_regions_feedback(page, make_user, region) -> None:
    post(Client(), page=page.pk, helpful="nein", comment="Öffnungszeiten fehlen")
    editor = verified_client(make_user("redaktion", Role.EDITOR, region))
    listing = editor.get("/admin/snippets/portal/feedback/")
    assert listing.status_code == 200
    assert "Öffnungszeiten fehlen" in listing.text
    assert editor.get("/admin/snippets/portal/feedback/add/").status_code in (302, 403)
    clerk = verified_client(make_user("fachdienst", Role.CLERK, region))
    assert clerk.get("/admin/snippets/portal/feedback/").status_code in (302, 403)
