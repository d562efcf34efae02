"""/sitemap.xml and /robots.txt for search engines."""

import pytest
from defusedxml.ElementTree import fromstring
from django.test import Client
from wagtail.models import Page

from tests.conftest import translate_offer
from wir.portal.actions import add_translation, publish
from wir.portal.models import ContentPage

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def locations(response) -> dict[str, list[tuple[str, str]]]:
    root = fromstring(response.content)
    return {
        url.findtext("s:loc", namespaces=NS).replace("http://127.0.0.1:8000", ""): [
            (link.get("hreflang"), link.get("href")) for link in url.findall("x:link", NS)
        ]
        for url in root.findall("s:url", NS)
    }


def test_sitemap_lists_public_pages_with_alternates_and_offers(
    region, directory, towns, make_offer, make_region
) -> None:
    home_de = Page.objects.get(url_path="/testkreis/de/")
    home_ar = Page.objects.get(url_path="/testkreis/ar/")
    housing = ContentPage(title="Wohnen", slug="wohnen")
    home_de.add_child(instance=housing)
    publish(housing)
    add_translation(housing, home_ar, home_ar.locale, title="السكن", slug="wohnen")
    home_de.add_child(instance=ContentPage(title="Entwurf", slug="entwurf", live=False))
    offer = make_offer("Migrationsberatung", towns["Nidda"])
    arabic = translate_offer(offer, "ar", "استشارة الهجرة")
    make_offer("Entwurf", towns["Nidda"], publish_it=False)
    hidden = make_region("versteckt")
    hidden.is_active = False
    hidden.save(update_fields=["is_active"])

    response = Client().get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    found = locations(response)
    assert ("ar", "http://127.0.0.1:8000/testkreis/ar/wohnen/") in found["/testkreis/de/wohnen/"]
    assert "/testkreis/de/entwurf/" not in found
    assert f"/testkreis/de/was-ist-wo/angebot/{offer.pk}/" in found
    assert f"/testkreis/ar/was-ist-wo/angebot/{arabic.pk}/" in found
    assert not any(path.startswith("/versteckt/") for path in found)
    assert "/testkreis/" not in found  # the region root is a redirect, not a page
    assert "/testkreis/ar/" in found


def test_sitemap_lists_only_languages_with_content(make_region) -> None:
    """Farsi is visible but has no content: the public site does not offer it, nor does the
    sitemap (its home page would be empty)."""
    make_region("leer", ("de", "fa"))
    home_de = Page.objects.get(url_path="/leer/de/")
    page = ContentPage(title="Wohnen", slug="wohnen")
    home_de.add_child(instance=page)
    publish(page)

    found = locations(Client().get("/sitemap.xml"))

    assert "/leer/de/wohnen/" in found
    assert "/leer/de/" in found
    assert not any(path.startswith("/leer/fa/") for path in found)


def test_robots_txt_points_to_the_sitemap(db) -> None:
    text = Client().get("/robots.txt").text
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in text
