"""The "Was ist wo?" directory as a visitor uses it: filters, languages, detail pages."""

import json
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from tests.conftest import CapturedQueries, QueryCount, translate_offer
from tests.portal.helpers import language_of
from wir.core.actions import add_area
from wir.core.models import Area
from wir.portal.models import offer_path, offer_subpath

pytestmark = pytest.mark.django_db

DE = "/testkreis/de/was-ist-wo/"
AR = "/testkreis/ar/was-ist-wo/"


def titles(response) -> list[str]:
    return re.findall(r'<h3 class="kern-heading-small"><a [^>]*>([^<]+)</a>', response.text)


@pytest.fixture
def offers(directory, towns, make_place, make_offer):
    friedberg, nidda, budingen = towns["Friedberg"], towns["Nidda"], towns["Büdingen"]
    open_place = make_place(friedberg, "Beratungszentrum")
    closed_place = make_place(nidda, "Jugendhaus", hours=[])
    return {
        "beratung": make_offer(
            "Migrationsberatung",
            friedberg,
            place=open_place,
            groups=("refugees",),
            languages=("ar", "de"),
        ),
        "jugendtreff": make_offer(
            "Jugendtreff",
            nidda,
            category="leisure_youth",
            place=closed_place,
            groups=("youth",),
            languages=("de", "tr"),
        ),
        "kurs": make_offer(
            "Integrationskurs",
            budingen,
            category="language_course",
            cost="paid",
            languages=("de",),
        ),
        "entwurf": make_offer("Geheimer Entwurf", friedberg, publish_it=False),
        "abgelaufen": make_offer(
            "Alte Beratung", friedberg, valid_until=timezone.localdate() - timedelta(days=1)
        ),
    }


def test_list_shows_public_offers_only(offers) -> None:
    response = Client().get(DE)
    assert response.status_code == 200
    assert titles(response) == ["Integrationskurs", "Jugendtreff", "Migrationsberatung"]
    assert "3 Angebote" in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kategorie=leisure_youth", ["Jugendtreff"]),
        ("kategorie=leisure_families", []),
        ("kategorie=leisure_youth&kategorie=language_course", ["Integrationskurs", "Jugendtreff"]),
        # The category before the split into families and young people: both, no notice.
        ("kategorie=leisure", ["Jugendtreff"]),
        ("zielgruppe=refugees", ["Migrationsberatung"]),
        ("sprache=tr", ["Jugendtreff"]),
        ("kostenlos=1", ["Jugendtreff", "Migrationsberatung"]),
        ("jetzt_offen=1", ["Migrationsberatung"]),
    ],
)
def test_filters(offers, query: str, expected: list[str]) -> None:
    assert titles(Client().get(f"{DE}?{query}")) == expected


def test_filter_by_municipality(offers, towns) -> None:
    response = Client().get(f"{DE}?kommune={towns['Nidda'].pk}")
    assert titles(response) == ["Jugendtreff"]


def test_sort_by_distance_shows_kilometres(offers, towns) -> None:
    response = Client().get(f"{DE}?naehe={towns['Büdingen'].pk}")
    assert titles(response) == ["Integrationskurs", "Jugendtreff", "Migrationsberatung"]
    assert "0,0 km entfernt" in response.text


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        ("kategorie=zauberei", "Unbekannter Filterwert ignoriert: kategorie=zauberei"),
        ("kommune=999999", "Unbekannter Filterwert ignoriert: kommune=999999"),
        ("zielgruppe=%3Cscript%3E", "Unbekannter Filterwert ignoriert: zielgruppe=&lt;script&gt;"),
        ("seite=abc", "Ungültige Seitenzahl ignoriert."),
    ],
)
def test_unknown_filter_values_are_ignored_with_a_notice(offers, query: str, notice: str):
    response = Client().get(f"{DE}?{query}")
    assert response.status_code == 200
    assert notice in response.text
    assert len(titles(response)) == 3


def test_notices_speak_the_visitors_language(offers) -> None:
    response = Client().get(f"{AR}?kategorie=zauberei")
    assert "تم تجاهل قيمة فلتر غير معروفة: kategorie=zauberei" in response.text


def test_page_numbers_beyond_the_end_show_the_last_page(offers) -> None:
    response = Client().get(f"{DE}?seite=99999999")
    assert response.status_code == 200
    assert len(titles(response)) == 3


def test_arabic_list_mixes_translations_and_german_originals(offers) -> None:
    translate_offer(offers["beratung"], "ar", "استشارة الهجرة")
    response = Client().get(AR)
    assert response.status_code == 200
    assert "استشارة الهجرة" in titles(response)
    assert "Migrationsberatung" not in titles(response)
    # Untranslated offers appear in German, marked as such, with lang="de".
    assert re.search(r'<a [^>]*lang="de" dir="ltr">Jugendtreff</a>', response.text)
    assert response.text.count('<li class="wir-only-german">بالألمانية فقط</li>') == 2


def test_the_offer_address_is_the_offer_route_filled_in(directory) -> None:
    """One place builds an offer's address; it is what the page's own route reverses to."""
    arabic = directory["ar"].specific
    assert offer_subpath(12) == arabic.reverse_subpage("offer", kwargs={"offer_id": 12})
    assert offer_subpath(12) == "angebot/12/"
    assert offer_path(AR, 12) == f"{AR}angebot/12/"
    assert arabic.offer_url(12) == f"{AR}angebot/12/"
    assert Client().get(arabic.offer_url(99999999)).status_code == 404


def test_offer_page_has_hours_route_and_json_ld(offers) -> None:
    offer = offers["beratung"]
    response = Client().get(f"{DE}angebot/{offer.pk}/")
    assert response.status_code == 200
    assert "Jetzt geöffnet." in response.text
    assert "geo:50.335300,8.755000" in response.text
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', response.text).group(1)
    )
    assert data["@type"] == "Service"
    assert data["name"] == "Migrationsberatung"
    location = data["availableChannel"]["serviceLocation"]
    assert location["geo"]["latitude"] == pytest.approx(50.3353)
    assert len(location["openingHoursSpecification"]) == 7
    assert "Zuletzt geprüft am" in response.text


def test_closed_place_says_so(offers) -> None:
    response = Client().get(f"{DE}angebot/{offers['jugendtreff'].pk}/")
    assert "Jetzt geschlossen." in response.text


def test_offer_in_the_wrong_language_redirects_to_its_translation(offers) -> None:
    translation = translate_offer(offers["beratung"], "ar", "استشارة الهجرة")
    response = Client().get(f"{AR}angebot/{offers['beratung'].pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"{AR}angebot/{translation.pk}/"
    german_only = Client().get(f"{AR}angebot/{offers['kurs'].pk}/")
    assert german_only.status_code == 200
    # The notice speaks the visitor's language and direction; the offer's texts are German
    # blocks inside the right-to-left page.
    html = german_only.text
    assert language_of(html, "هذه الخدمة متوفرة بالألمانية فقط.") == ("ar", "rtl")
    assert language_of(html, offers["kurs"].title) == ("de", "ltr")
    assert '<html lang="ar" dir="rtl">' in html


@pytest.mark.parametrize("name", ["entwurf", "abgelaufen"])
def test_unpublished_or_expired_offers_are_not_found(offers, name: str) -> None:
    assert Client().get(f"{DE}angebot/{offers[name].pk}/").status_code == 404


def test_offer_of_another_region_is_not_found(offers, make_region, make_offer) -> None:
    other = make_region("anderswo")
    town = add_area(other, "Gedern", Area.Kind.MUNICIPALITY, Decimal("50.42"), Decimal("9.2"))
    foreign = make_offer("Fremdes Angebot", town)
    assert Client().get(f"{DE}angebot/{foreign.pk}/").status_code == 404
    assert Client().get(f"{DE}angebot/99999999/").status_code == 404
    assert Client().get(f"{DE}angebot/abc/").status_code == 404


def test_place_page_lists_its_offers(offers) -> None:
    place = offers["beratung"].place
    response = Client().get(f"{DE}ort/{place.pk}/")
    assert response.status_code == 200
    assert "Migrationsberatung" in response.text
    assert '"@type": "Place"' in response.text
    assert Client().get(f"{DE}ort/99999999/").status_code == 404


def test_listing_query_count_does_not_grow_with_offers(
    directory, towns, make_place, make_offer, query_count: QueryCount
):
    def count() -> CapturedQueries:
        client = Client()
        client.get(DE)
        with query_count.capture() as queries:
            # Rendered, not answered from the hot path's cache (wir/core/hotpath.py).
            url = f"{DE}?naehe={towns['Nidda'].pk}"
            assert client.get(url, HTTP_CACHE_CONTROL="no-cache").status_code == 200
        return queries

    place = make_place(towns["Friedberg"])
    for number in range(3):
        make_offer(f"Angebot {number}", towns["Friedberg"], place=place, groups=("youth",))
    few = count()
    for number in range(3, 15):
        make_offer(f"Angebot {number}", towns["Nidda"], place=place, languages=("ar", "de"))
    query_count.assert_same(few, count())
