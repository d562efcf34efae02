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


# --- every public page type ----------------------------------------------------------


@pytest.fixture
def every_type(region, directory, towns, make_place, make_offer):
    """Home, directory, an offer at a place, the calendar, an event and the contacts page."""
    from datetime import timedelta

    from django.utils import timezone
    from wagtail.models import Locale

    from wir.portal.models import ContactsPage, Event, EventIndexPage

    home = Page.objects.get(url_path="/testkreis/de/")
    calendar = EventIndexPage(title="Veranstaltungen", slug="veranstaltungen")
    home.add_child(instance=calendar)
    publish(calendar)
    contacts = ContactsPage(title="Kontakte", slug="kontakte")
    home.add_child(instance=contacts)
    publish(contacts)
    soon = timezone.now() + timedelta(days=1)
    event = Event.objects.create(
        region=region,
        locale=Locale.objects.get(language_code="de"),
        title="Sprachcafé",
        summary="Deutsch üben",
        organiser="Initiative",
        area=towns["Nidda"],
        start=soon,
        end=soon + timedelta(hours=2),
    )
    event.save_revision().publish()
    place = make_place(towns["Nidda"], "Familienzentrum")
    offer = make_offer("Elterncafé", towns["Nidda"], place=place)
    return {
        "offer": offer,
        "home": home,
        "directory": directory["de"],
        "calendar": calendar,
        "contacts": contacts,
        "event": event,
        "place": place,
    }


def hidden_fields(html: str) -> dict[str, str]:
    import re

    form = html[html.index('action="/rueckmeldung/"') :]
    form = form[: form.index("</form>")]
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))


@pytest.mark.parametrize(
    ("name", "path", "kind"),
    [
        ("home", "/testkreis/de/", None),
        ("directory", "/testkreis/de/was-ist-wo/", None),
        ("directory", "/testkreis/de/was-ist-wo/ort/{place}/", "place"),
        ("directory", "/testkreis/de/was-ist-wo/angebot/{offer}/", "offer"),
        ("calendar", "/testkreis/de/veranstaltungen/", None),
        ("calendar", "/testkreis/de/veranstaltungen/veranstaltung/{event}/", "event"),
        ("contacts", "/testkreis/de/kontakte/", None),
    ],
)
def test_every_page_type_takes_feedback_and_returns_to_itself(every_type, name, path, kind):
    url = path.format(
        place=every_type["place"].pk, event=every_type["event"].pk, offer=every_type["offer"].pk
    )
    client = Client()
    fields = hidden_fields(client.get(url).text)
    assert fields["page"] == str(every_type[name].pk)
    assert {"offer", "place", "event"} & set(fields) == ({kind} if kind else set())
    data = {key: value for key, value in fields.items() if key != "csrfmiddlewaretoken"}
    response = client.post("/rueckmeldung/", {**data, "helpful": "ja", "comment": "gut"})
    assert response.status_code == 302
    assert response["Location"] == f"{url}?rueckmeldung=danke#rueckmeldung"
    stored = Feedback.objects.get()
    assert stored.page_id == every_type[name].pk
    assert stored.offer == (every_type["offer"] if kind == "offer" else None)
    assert stored.place == (every_type["place"] if kind == "place" else None)
    assert stored.event == (every_type["event"] if kind == "event" else None)
    assert "Danke für Ihre Rückmeldung!" in client.get(response["Location"]).text


def test_bad_place_and_event_feedback_is_refused_in_german(every_type, make_region) -> None:
    from django.utils import timezone

    from wir.portal.models import Event

    directory, calendar = every_type["directory"].pk, every_type["calendar"].pk
    place, event = every_type["place"].pk, every_type["event"].pk
    cases = [
        ({"page": directory, "place": 999999}, "Diesen Ort gibt es hier nicht."),
        ({"page": calendar, "place": place}, "Diesen Ort gibt es hier nicht."),  # wrong page
        ({"page": directory, "event": event}, "Diese Veranstaltung gibt es nicht"),
        ({"page": calendar, "event": "abc"}, "ganze Zahl"),
        ({"page": directory, "place": place, "offer": 1}, "Bitte nur eine Sache"),
    ]
    for data, message in cases:
        response = post(Client(), helpful="ja", **data)
        assert response.status_code == 400, data
        assert message in response.text, data
    Event.objects.filter(pk=event).update(expire_at=timezone.now())  # expired, still live
    expired = post(Client(), helpful="ja", page=calendar, event=event)
    assert expired.status_code == 400
    assert not Feedback.objects.exists()


def test_editors_see_which_place_or_event_the_feedback_is_about(every_type, make_user, region):
    post(Client(), page=every_type["calendar"].pk, event=every_type["event"].pk, helpful="nein")
    editor = verified_client(make_user("redaktion", Role.EDITOR, region))
    listing = editor.get("/admin/snippets/portal/feedback/")
    assert "Sprachcafé" in listing.text


def test_contact_data_in_the_comment_is_not_stored(page) -> None:
    comment = "Bitte ruft mich an: 0151 2345678 oder max.muster@web.de, Termin 12.03.2027"
    assert post(Client(), page=page.pk, helpful="nein", comment=comment).status_code == 302
    assert Feedback.objects.get().comment == (
        "Bitte ruft mich an: [Telefonnummer entfernt] oder [E-Mail entfernt], Termin 12.03.2027"
    )
