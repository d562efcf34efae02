"""Imprint and privacy notice in the footer of every language: the page in the visitor's
language, else the German original, marked visibly as German."""

import pytest
from django.test import Client
from wagtail.models import Page

from tests.portal.helpers import language_of
from wir.portal.actions import add_translation, publish
from wir.portal.models import ContentPage, LegalPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def legal(region):
    home_de = Page.objects.get(url_path="/testkreis/de/")
    pages = {}
    for kind, title, slug in (
        ("imprint", "Impressum", "impressum"),
        ("privacy", "Datenschutz", "datenschutz"),
    ):
        page = LegalPage(title=title, slug=slug, kind=kind, body="<p>Kreisverwaltung</p>")
        home_de.add_child(instance=page)
        publish(page)
        pages[kind] = page
    home_ar = Page.objects.get(url_path="/testkreis/ar/")
    add_translation(
        pages["imprint"],
        home_ar,
        home_ar.locale,
        title="بيانات الناشر",
        slug="impressum",
        kind="imprint",
        body="<p>إدارة المقاطعة</p>",
    )
    for code in ("de", "en", "ar"):
        home = Page.objects.get(url_path=f"/testkreis/{code}/")
        start = ContentPage(title=f"Start {code}", slug="start", body="<p>x</p>")
        home.add_child(instance=start)
        publish(start)
    return pages


def footer(html: str) -> str:
    return html[html.index('<footer class="wir-footer">') :]


def test_german_footer_links_the_german_pages(legal) -> None:
    text = footer(Client().get("/testkreis/de/start/").text)
    assert '<a class="kern-link" href="/testkreis/de/impressum/">Impressum</a>' in text
    assert '<a class="kern-link" href="/testkreis/de/datenschutz/">Datenschutz</a>' in text
    assert "wir-lang-note" not in text


def test_translated_imprint_and_german_privacy_in_arabic(legal) -> None:
    html = Client().get("/testkreis/ar/start/").text
    text = footer(html)
    assert '<a class="kern-link" href="/testkreis/ar/impressum/">بيانات الناشر</a>' in text
    # No Arabic privacy notice: the German one, named in Arabic and marked as German.
    assert (
        '<a class="kern-link" href="/testkreis/de/datenschutz/" hreflang="de">سياسة الخصوصية '
        '<span class="wir-lang-note">(بالألمانية فقط)</span></a>'
    ) in text
    assert language_of(html, "(بالألمانية فقط)") == ("ar", "rtl")


def test_a_language_without_any_legal_page_links_both_german_ones(legal) -> None:
    text = footer(Client().get("/testkreis/en/start/").text)
    assert 'href="/testkreis/de/impressum/" hreflang="de">Legal notice' in text
    assert 'href="/testkreis/de/datenschutz/" hreflang="de">Privacy notice' in text
    assert text.count("(German only)") == 2
