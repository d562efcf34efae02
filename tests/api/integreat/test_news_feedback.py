"""News (our News snippet) and feedback from the app (stored without personal data)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from wagtail.models import Locale

from tests.api.integreat.conftest import BASE, make_news
from wir.portal.feedback import RATE_LIMIT
from wir.portal.models import Feedback

pytestmark = pytest.mark.django_db


def get(url: str) -> Any:
    response = Client().get(url)
    assert response.status_code == 200, response.content
    return json.loads(response.content)


# --- news ------------------------------------------------------------------------------


def test_news_lists_live_news_newest_first(district) -> None:
    later = make_news(district.region, "Neue Sprechzeiten")
    items = get(f"{BASE}/de/news")
    assert [i["title"] for i in items] == ["Neue Sprechzeiten", "Bürgerbüro geschlossen"]
    first = items[0]
    assert first["id"] == f"local-{later.pk}"
    assert first["content"] == "<p>Neue Sprechzeiten: Bitte beachten.</p>"
    assert first["source"] == "local"
    assert first["display_date"].endswith(("+01:00", "+02:00"))
    assert first["externalUrl"].endswith("/testkreis/de/")
    assert get(f"{BASE}/de/news?page=2&count=1")[0]["title"] == "Bürgerbüro geschlossen"
    assert get(f"{BASE}/de/news?page=3&count=1") == []


def test_the_app_gets_all_news_without_paging(district) -> None:
    """The app (2026.8) asks `news` without page and count and shows what it gets."""
    for n in range(22):
        make_news(district.region, f"Meldung {n}")
    assert len(get(f"{BASE}/de/news")) == 23
    assert len(get(f"{BASE}/de/news?page=1&count=20")) == 20  # older apps page
    assert len(get(f"{BASE}/de/fcm/?channel=news")) == 23


def test_news_content_is_escaped_html_with_line_breaks(district) -> None:
    item = make_news(district.region, "Zwei Zeilen")
    item.message = "Erste <Zeile>\nZweite & letzte\n\nNeuer Absatz"
    item.save()
    item.save_revision().publish()
    content = get(f"{BASE}/de/news/local-{item.pk}")["content"]
    assert content == ("<p>Erste &lt;Zeile&gt;<br>Zweite &amp; letzte</p>\n\n<p>Neuer Absatz</p>")


def test_older_apps_keep_the_push_notification_list(district) -> None:
    later = make_news(district.region, "Neue Sprechzeiten")
    items = get(f"{BASE}/de/fcm/?channel=news")
    assert [i["title"] for i in items] == ["Neue Sprechzeiten", "Bürgerbüro geschlossen"]
    first = items[0]
    assert first["id"] == later.pk
    assert first["message"] == "Neue Sprechzeiten: Bitte beachten."
    assert first["channel"] == "news"
    assert first["timestamp"].endswith("Z")
    assert get(f"{BASE}/de/fcm/?channel=all") == items


def test_push_notification_list_with_an_id_holds_just_that_item(district) -> None:
    make_news(district.region, "Neue Sprechzeiten")
    wanted = district.news["new"]
    assert [i["id"] for i in get(f"{BASE}/de/fcm/?id={wanted.pk}")] == [wanted.pk]
    assert get(f"{BASE}/de/fcm/?id={district.news['draft'].pk}") == []  # not public
    assert get(f"{BASE}/de/fcm/?id=999999") == []
    response = Client().get(f"{BASE}/de/fcm/?id=abc")
    assert response.status_code == 400
    assert response.json()["parameter"] == "id"


def test_news_translations_and_single_news(district) -> None:
    news = district.news["new"]
    english = news.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Citizens' office closed"
    english.save()
    english.save_revision().publish()
    german = get(f"{BASE}/de/news/local-{news.pk}")
    assert german["id"] == f"local-{news.pk}"
    assert german["available_languages"] == {"en": {"id": f"local-{english.pk}"}}
    assert get(f"{BASE}/en/news/local-{news.pk}")["title"] == "Citizens' office closed"
    assert get(f"{BASE}/de/news/{news.pk}") == german  # plain numbers from older links
    assert get(f"{BASE}/de/fcm/?id={news.pk}")[0]["available_languages"] == {
        "en": {"id": english.pk}
    }
    assert get(f"{BASE}/ar/news")[0]["title"] == "Bürgerbüro geschlossen"  # German fallback


def test_unpublished_news_is_not_found(district) -> None:
    draft = district.news["draft"]
    assert "Noch nicht" not in Client().get(f"{BASE}/de/news").content.decode()
    response = Client().get(f"{BASE}/de/news/{draft.pk}")
    assert response.status_code == 404
    assert "detail" in response.json()


# --- feedback --------------------------------------------------------------------------


def post(url: str, data: dict[str, str], **extra: Any) -> Any:
    return Client(enforce_csrf_checks=True).post(url, data, **extra)


def test_page_feedback_is_stored_without_contact_data(district) -> None:
    response = post(
        f"{BASE}/de/feedback/page/",
        {
            "rating": "up",
            "slug": "wohnen",
            "category": "Inhalte",
            "comment": "Sehr hilfreich, ruft mich an: 0171 2345678    "
            "Kontaktadresse: anna@example.org",
        },
    )
    assert response.status_code == 201, response.content
    assert response.json() == {"success": "Feedback successfully submitted"}
    stored = Feedback.objects.get()
    assert stored.helpful is True
    assert stored.page_id == district.pages["wohnen"].pk
    assert stored.language_code == "de"
    assert "anna" not in stored.comment
    assert "2345678" not in stored.comment
    assert stored.comment.startswith("Sehr hilfreich")


@pytest.mark.parametrize(
    ("kind", "data", "target"),
    [
        ("categories", {"rating": "down"}, "home"),
        ("region", {"rating": "up"}, "home"),
        ("search", {"comment": "Nichts gefunden", "query": "Kita"}, "home"),
        ("imprint-page", {"rating": "up"}, "imprint"),
        ("events", {"rating": "up"}, "calendar"),
        ("map", {"rating": "down"}, "directory"),
    ],
)
def test_feedback_types(district, kind, data, target) -> None:
    response = post(f"{BASE}/de/feedback/{kind}", data)  # with or without the slash
    assert response.status_code == 201, response.content
    stored = Feedback.objects.get()
    if target == "home":
        assert stored.page.url_path == "/testkreis/de/"
    else:
        assert stored.page_id == district.pages[target].pk
    if kind == "search":
        assert stored.helpful is None
        assert stored.comment == "[Suche: Kita] Nichts gefunden"


def test_feedback_on_a_location_and_an_event(district) -> None:
    offer = district.offers["counselling"]
    assert (
        post(
            f"{BASE}/de/feedback/poi/", {"rating": "up", "slug": f"migrationsberatung-{offer.pk}"}
        ).status_code
        == 201
    )
    assert Feedback.objects.get().offer == offer
    cafe = district.events["cafe"]
    slug = f"sprachcafé-{cafe.pk}$2030-01-01"
    assert post(f"{BASE}/de/feedback/event/", {"rating": "down", "slug": slug}).status_code == 201


def test_feedback_on_a_place_of_its_own(district) -> None:
    place = district.offers["course"].place
    slug = f"familienzentrum-nidda-ort{place.pk}"
    response = post(f"{BASE}/de/feedback/poi/", {"rating": "up", "slug": slug})
    assert response.status_code == 201, response.content
    stored = Feedback.objects.get()
    assert stored.page_id == district.pages["directory"].pk
    assert stored.offer is None
    gone = post(f"{BASE}/de/feedback/poi/", {"rating": "up", "slug": "weg-ort999999"})
    assert gone.status_code == 404


def test_feedback_as_json(district) -> None:
    response = post(
        f"{BASE}/de/feedback/categories/",
        json.dumps({"rating": "up", "comment": ""}),
        content_type="application/json",
    )
    assert response.status_code == 201


@pytest.mark.parametrize(
    ("kind", "data", "parameter"),
    [
        ("page", {"rating": "maybe", "slug": "wohnen"}, "rating"),
        ("categories", {"comment": ""}, "rating"),
        ("page", {"rating": "up"}, "slug"),
    ],
)
def test_bad_feedback_is_400(district, kind, data, parameter) -> None:
    response = post(f"{BASE}/de/feedback/{kind}/", data)
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter
    assert not Feedback.objects.exists()


def test_feedback_on_unknown_things_is_404(district) -> None:
    assert (
        post(f"{BASE}/de/feedback/page/", {"rating": "up", "slug": "gibt-es-nicht"}).status_code
        == 404
    )
    assert post(f"{BASE}/de/feedback/poi/", {"rating": "up", "slug": "x-99999"}).status_code == 404
    assert post(f"{BASE}/de/feedback/nonsense/", {"rating": "up"}).status_code == 404
    gone = {"rating": "up", "slug": "treffen-99999$2030-01-01"}
    assert post(f"{BASE}/de/feedback/event/", gone).status_code == 404
    assert post("/api/v3/xx/de/feedback/page/", {"rating": "up"}).status_code == 404
    assert not Feedback.objects.exists()


def test_feedback_is_rate_limited(district) -> None:
    for _ in range(RATE_LIMIT):
        assert post(f"{BASE}/de/feedback/categories/", {"rating": "up"}).status_code == 201
    response = post(f"{BASE}/de/feedback/categories/", {"rating": "up"})
    assert response.status_code == 429
    assert "detail" in response.json()
    assert Feedback.objects.count() == RATE_LIMIT


def test_feedback_only_by_post_and_never_shown(district) -> None:
    response = Client().get(f"{BASE}/de/feedback/categories/")
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    post(f"{BASE}/de/feedback/categories/", {"rating": "up", "comment": "Geheimer Hinweis"})
    for url in ("pages/", "events/", "locations/", "news"):
        assert "Geheimer Hinweis" not in Client().get(f"{BASE}/de/{url}").content.decode()


def test_feedback_keeps_no_contact_data(district) -> None:
    data = {
        "rating": "down",
        "comment": "Falsche Nummer, richtig ist 06031 831234. Kontaktadresse: a@b.de",
        "query": "kita max@web.de",
    }
    assert post(f"{BASE}/de/feedback/search/", data).status_code == 201
    assert Feedback.objects.get().comment == (
        "[Suche: kita [E-Mail entfernt]] Falsche Nummer, richtig ist [Telefonnummer entfernt]."
    )
