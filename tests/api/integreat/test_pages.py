"""Pages in Integreat's terms: paths, parents, order, translations, what is left out."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import Page

from tests.api.integreat.conftest import BASE

pytestmark = pytest.mark.django_db
ORIGIN = "http://127.0.0.1:8000"


def get(url: str) -> Any:
    response = Client().get(url)
    assert response.status_code == 200, response.content
    return json.loads(response.content)


def by_path(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {item["path"]: item for item in items}


def test_pages_are_the_tree_below_the_home_page(district, settings) -> None:
    settings.WAGTAILADMIN_BASE_URL = ORIGIN
    pages = by_path(get(f"{BASE}/de/pages/"))
    assert list(pages) == [
        "/testkreis/de/was-ist-wo/",
        "/testkreis/de/ankommen/",
        "/testkreis/de/ankommen/wohnen/",
        "/testkreis/de/ankommen/wohnen/miete/",
        "/testkreis/de/arbeit/",
        "/testkreis/de/impressum/",
        "/testkreis/de/veranstaltungen/",
    ]
    for path, item in pages.items():
        assert item["url"] == ORIGIN + path
        assert item["id"] > 0


def test_top_level_pages_have_parent_zero_and_children_their_parent(district) -> None:
    pages = by_path(get(f"{BASE}/de/pages/"))
    top = pages["/testkreis/de/ankommen/"]
    assert top["parent"] == {"id": 0, "url": None, "path": None}
    child = pages["/testkreis/de/ankommen/wohnen/"]
    assert child["parent"]["id"] == top["id"] == district.pages["ankommen"].pk
    assert child["parent"]["path"] == "/testkreis/de/ankommen/"
    assert child["parent"]["url"].endswith("/testkreis/de/ankommen/")
    assert pages["/testkreis/de/ankommen/wohnen/miete/"]["parent"]["id"] == child["id"]


def test_order_follows_the_tree(district) -> None:
    pages = by_path(get(f"{BASE}/de/pages/"))
    tops = [p for p in pages.values() if p["parent"]["id"] == 0]
    assert [p["order"] for p in tops] == sorted(p["order"] for p in tops)
    assert len({p["order"] for p in tops}) == len(tops)


def test_available_languages_are_keyed_by_code(district) -> None:
    page = by_path(get(f"{BASE}/de/pages/"))["/testkreis/de/ankommen/"]
    assert set(page["available_languages"]) == {"en", "ar"}
    english = page["available_languages"]["en"]
    assert english["id"] == district.pages["arriving"].pk
    assert english["path"] == "/testkreis/en/arriving/"
    assert english["url"].endswith(english["path"])
    assert page["available_languages"]["ar"]["path"] == "/testkreis/ar/الوصول/"
    # Only real translations count for pages: "Arbeit" has none.
    assert by_path(get(f"{BASE}/de/pages/"))["/testkreis/de/arbeit/"]["available_languages"] == {}
    english_page = by_path(get(f"{BASE}/en/pages/"))["/testkreis/en/arriving/"]
    assert set(english_page["available_languages"]) == {"de", "ar"}


def test_unpublished_and_unreachable_pages_are_left_out(district) -> None:
    text = Client().get(f"{BASE}/de/pages/").content.decode()
    assert "Entwurf" not in text
    assert "geheim" not in text
    assert "Verborgen" not in text  # unpublished, and its live child cannot be reached
    page = district.pages["arbeit"]
    page.expire_at = timezone.now() - timedelta(minutes=1)
    page.save(update_fields=["expire_at"])
    from django.core.cache import cache

    cache.clear()
    assert "/testkreis/de/arbeit/" not in by_path(get(f"{BASE}/de/pages/"))


def test_content_is_public_html_with_absolute_links(district, settings) -> None:
    settings.WAGTAILADMIN_BASE_URL = ORIGIN
    page = get(f"{BASE}/de/page/?url=/testkreis/de/ankommen/wohnen/")
    assert f'href="{ORIGIN}/testkreis/de/ankommen/"' in page["content"]
    assert "linktype" not in page["content"]
    assert page["excerpt"] == "Siehe Ankommen."
    top = get(f"{BASE}/de/page/?url=/testkreis/de/ankommen/")
    assert top["excerpt"] == "Erste Schritte Ankommen"  # the intro, then the body


def test_embedded_offers_are_public_ones_in_the_language(district) -> None:
    offers = get(f"{BASE}/de/page/?url=/testkreis/de/ankommen/wohnen/")["embedded_offers"]
    assert [o["name"] for o in offers] == ["Integrationskurs", "Telefonberatung"]  # no draft
    course = district.offers["course"]
    assert offers[0]["url"].endswith(f"/testkreis/de/was-ist-wo/angebot/{course.pk}/")
    assert offers[0]["post"] is None
    assert offers[0]["alias"] == f"integrationskurs-{course.pk}"


def test_single_page_by_url_or_id(district) -> None:
    wohnen = district.pages["wohnen"]
    by_url = get(f"{BASE}/de/page/?url=/testkreis/de/ankommen/wohnen/")
    assert by_url["id"] == wohnen.pk
    full_url = get(f"{BASE}/de/page/?url=https://example.org/testkreis/de/ankommen/wohnen")
    assert full_url["id"] == wohnen.pk
    assert get(f"{BASE}/de/page/?id={wohnen.pk}")["path"] == "/testkreis/de/ankommen/wohnen/"
    # The id of another language's version gives the page in the language asked for.
    english = get(f"{BASE}/en/page/?id={wohnen.pk}")
    assert english["path"] == "/testkreis/en/arriving/housing/"


def test_children_follow_integreats_depth_rule(district) -> None:
    def paths(query: str) -> list[str]:
        return [item["path"] for item in get(f"{BASE}/de/children/{query}")]

    assert paths("?depth=1") == [
        "/testkreis/de/was-ist-wo/",
        "/testkreis/de/ankommen/",
        "/testkreis/de/arbeit/",
        "/testkreis/de/impressum/",
        "/testkreis/de/veranstaltungen/",
    ]
    assert "/testkreis/de/ankommen/wohnen/" in paths("?depth=2")
    assert "/testkreis/de/ankommen/wohnen/miete/" not in paths("?depth=2")
    assert paths("?depth=0") == []
    assert paths("?url=/testkreis/de/ankommen/") == [
        "/testkreis/de/ankommen/",
        "/testkreis/de/ankommen/wohnen/",
    ]
    assert (
        paths("?url=/testkreis/de/ankommen/&depth=2")[-1] == "/testkreis/de/ankommen/wohnen/miete/"
    )


def test_parents_from_the_top_down(district) -> None:
    parents = get(f"{BASE}/de/parents/?url=/testkreis/de/ankommen/wohnen/miete/")
    assert [p["path"] for p in parents] == [
        "/testkreis/de/ankommen/",
        "/testkreis/de/ankommen/wohnen/",
    ]
    assert get(f"{BASE}/de/parents/?url=/testkreis/de/ankommen/") == []


def test_imprint_in_the_language_or_the_german_one(district) -> None:
    german = get(f"{BASE}/de/imprint/")
    assert german["id"] == district.pages["imprint"].pk
    assert german["parent"] is None
    assert "Musterstraße" in german["content"]
    english = get(f"{BASE}/en/disclaimer/")
    assert english["id"] is None  # the German imprint, shown for English
    assert english["path"] == "/testkreis/de/impressum/"
    assert english["available_languages"]["de"]["id"] == district.pages["imprint"].pk


def test_no_personal_data_in_pages(district, make_user) -> None:
    editor = make_user("redakteurin.mueller")
    page = district.pages["arbeit"]
    page.owner = editor
    page.save_revision(user=editor).publish()
    text = Client().get(f"{BASE}/de/pages/").content.decode()
    assert "mueller" not in text
    assert "owner" not in text
    assert "revision" not in text


def test_links_follow_the_language_and_drop_hidden_targets(district) -> None:
    from tests.api.integreat.conftest import add_page

    hidden, ankommen = district.pages["hidden"], district.pages["ankommen"]
    home = Page.objects.get(url_path="/testkreis/en/")
    add_page(
        home,
        "Links",
        "links",
        body=f'<p><a linktype="page" id="{hidden.pk}">gone</a> '
        f'<a linktype="page" id="{ankommen.pk}">arriving</a></p>',
    )
    content = get(f"{BASE}/en/page/?url=/testkreis/en/links/")["content"]
    assert "<a>gone</a>" in content
    assert '/testkreis/en/arriving/">arriving</a>' in content


def test_contacts_page_lists_the_contacts(district) -> None:
    from wagtail.models import Locale

    from wir.portal.actions import publish
    from wir.portal.models import Contact, ContactsPage

    home = Page.objects.get(url_path="/testkreis/de/")
    contacts = ContactsPage(title="Kontakte", slug="kontakte", intro="<p>Wir helfen.</p>")
    home.add_child(instance=contacts)
    publish(contacts)
    Contact.objects.create(
        region=district.region,
        locale=Locale.objects.get(language_code="de"),
        topic="volunteering",
        role="WIR-Koordination — Ehrenamt",
        phone="06031 83-0",
        email="ehrenamt@example.org",
        office_hours="Mo–Do 9–12 Uhr",
    )
    content = get(f"{BASE}/de/page/?url=/testkreis/de/kontakte/")["content"]
    assert content.startswith("<p>Wir helfen.</p><h2>Ehrenamt</h2>")
    assert "<strong>WIR-Koordination — Ehrenamt</strong>" in content
    assert 'href="mailto:ehrenamt@example.org"' in content


def test_pages_behind_a_view_restriction_are_left_out(district) -> None:
    from wagtail.models import PageViewRestriction

    before = Client().get(f"{BASE}/de/pages/")
    PageViewRestriction.objects.create(
        page=district.pages["ankommen"], restriction_type=PageViewRestriction.LOGIN
    )
    after = Client().get(f"{BASE}/de/pages/", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200  # the cached answer is not served again
    paths = list(by_path(json.loads(after.content)))
    assert "/testkreis/de/ankommen/" not in paths
    assert "/testkreis/de/ankommen/wohnen/" not in paths  # below the restricted page
    assert "/testkreis/de/arbeit/" in paths
