"""Public URLs /{region}/{language}/...: pages, languages, friendly errors."""

import pytest
from django.test import Client
from wagtail.models import Locale, Page

from tests.conftest import MakeRegion
from wir.portal.actions import add_translation, publish
from wir.portal.models import ContentPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(region):
    home_de = Page.objects.get(url_path="/testkreis/de/")
    home_ar = Page.objects.get(url_path="/testkreis/ar/")
    page = ContentPage(title="Wohnen", slug="wohnen", body="<p>Wohnungssuche im Kreis</p>")
    home_de.add_child(instance=page)
    publish(page)
    arabic = add_translation(
        page,
        home_ar,
        Locale.objects.get(language_code="ar"),
        title="السكن",
        slug="wohnen",
        body="<p>البحث عن سكن</p>",
    )
    draft = ContentPage(title="Entwurf", slug="entwurf", body="<p>geheim</p>", live=False)
    home_de.add_child(instance=draft)
    return {"de": page, "ar": arabic, "draft": draft}


def test_region_page_in_german_has_lang_and_direction(pages) -> None:
    response = Client().get("/testkreis/de/wohnen/")
    assert response.status_code == 200
    assert '<html lang="de" dir="ltr">' in response.text
    assert "Wohnungssuche im Kreis" in response.text
    assert response["Content-Language"] == "de"
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_arabic_page_is_right_to_left(pages) -> None:
    response = Client().get("/testkreis/ar/wohnen/")
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in response.text
    assert "البحث عن سكن" in response.text


def test_page_url_follows_region_and_language(pages) -> None:
    assert pages["de"].url == "/testkreis/de/wohnen/"
    assert pages["ar"].url == "/testkreis/ar/wohnen/"
    assert Page.objects.get(url_path="/testkreis/en/").url == "/testkreis/en/"


def test_language_switcher_says_when_a_page_is_not_translated(pages) -> None:
    home_en = Page.objects.get(url_path="/testkreis/en/")
    english = ContentPage(title="Health", slug="health", body="<p>Doctors</p>")
    home_en.add_child(instance=english)  # English has content, not this page
    publish(english)
    text = Client().get("/testkreis/de/wohnen/").text
    assert 'href="/testkreis/ar/wohnen/" lang="ar" dir="rtl" hreflang="ar">العربية</a>' in text
    # English has no translation of this page: the link leads to the German original and
    # says so visibly, in English.
    assert (
        'href="/testkreis/de/wohnen/" lang="en" dir="ltr" hreflang="en">English '
        '<span class="wir-languages__note">(German only)</span></a>'
    ) in text


def test_languages_without_content_are_not_offered(pages) -> None:
    """English has a home page but nothing on it: not offered, neither by the switcher nor
    by the redirect from the region's address."""
    text = Client().get("/testkreis/de/wohnen/").text
    assert 'lang="ar" dir="rtl" hreflang="ar"' in text
    assert 'hreflang="en"' not in text
    response = Client().get("/testkreis/", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Location"] == "/testkreis/de/"


def test_region_root_redirects_to_the_browser_language(pages) -> None:
    response = Client().get("/testkreis/", HTTP_ACCEPT_LANGUAGE="ar,en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/testkreis/ar/"
    fallback = Client().get("/testkreis/", HTTP_ACCEPT_LANGUAGE="ja")
    assert fallback["Location"] == "/testkreis/de/"


def test_region_list_links_every_active_region(make_region: MakeRegion) -> None:
    make_region("nordkreis")
    make_region("suedkreis")
    text = Client().get("/").text
    assert 'href="/nordkreis/"' in text
    assert 'href="/suedkreis/"' in text


def test_unpublished_page_is_not_shown(pages) -> None:
    response = Client().get("/testkreis/de/entwurf/")
    assert response.status_code == 404
    assert "geheim" not in response.text


@pytest.mark.parametrize(
    ("path", "accept", "lang", "expected"),
    [
        ("/gibtesnicht/de/", "de", "de", "Seite nicht gefunden"),
        ("/gibtesnicht/", "en", "en", "Page not found"),
        ("/testkreis/ar/gibtesnicht/", "de", "ar", "الصفحة غير موجودة"),
        ("/testkreis/xx/", "uk", "uk", "Сторінку не знайдено"),
        ("/testkreis/fa/", "de", "fa", "صفحه پیدا نشد"),  # fa is not enabled in this region
    ],
)
def test_unknown_region_or_language_gives_a_friendly_404_in_the_visitors_language(
    pages, path: str, accept: str, lang: str, expected: str
) -> None:
    response = Client().get(path, HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 404
    assert f'lang="{lang}"' in response.text
    assert expected in response.text


def test_404_links_back_to_the_region_home(pages) -> None:
    text = Client().get("/testkreis/de/nirgendwo/").text
    assert 'href="/testkreis/de/"' in text


@pytest.mark.parametrize(
    "query",
    ["?page=abc", "?page=-1&lang=%00", "?q=" + "x" * 5000, "?category[]=1&%ff=%fe", "?a=%E0%A4%A"],
)
def test_malformed_query_parameters_never_break_a_page(pages, query: str) -> None:
    assert Client().get("/testkreis/de/wohnen/" + query).status_code == 200


def test_other_methods_are_refused_cleanly(pages) -> None:
    assert Client().put("/testkreis/de/wohnen/").status_code == 405
    assert Client().delete("/").status_code == 405


def test_inactive_region_is_not_public(region) -> None:
    region.is_active = False
    region.save(update_fields=["is_active"])
    assert Client().get("/testkreis/de/").status_code == 404
    assert 'href="/testkreis/"' not in Client().get("/").text
