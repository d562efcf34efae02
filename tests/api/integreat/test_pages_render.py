"""The fast build of `pages/` answers exactly what the straightforward one answered
(pages_reference.py), byte for byte, and its query count does not grow with the pages."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st
from wagtail.models import Locale, Page

from tests.api.integreat import pages_reference
from tests.api.integreat.conftest import BASE, District, add_page
from wir.api.http import dumps
from wir.api.integreat import queries, serializers, views
from wir.api.integreat.params import base_url
from wir.core.queries import visible_languages
from wir.portal.actions import publish
from wir.portal.models import Contact, ContactsPage, PageExtra, PageOffer, PageOrganisation

pytestmark = pytest.mark.django_db

TRICKY = (
    "<p>Öffnungszeiten:<br>Mo&nbsp;&amp;&nbsp;Di</p><ul><li>eins</li><li>zwei &lt;b&gt;</li></ul>"
    "<h2>Titel</h2><p>a &lt; b &gt; c</p><!-- Notiz --><blockquote>Zitat</blockquote>"
    "<table><tr><td>A</td><th>B</th></tr></table><div>x<br/>y<BR />z</div>"
    "<p>5 < 6 und 7 > 3</p><p><b>fett</b><i>kursiv</i>&#8211;&#x2014;&euro;</p>"
)


def add_everything(district: District) -> None:
    """A contacts page, an organisation, external tools and markup that tests the excerpt."""
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
    organisation = PageOrganisation.objects.create(
        region=district.region, name="Jobcenter", slug="jobcenter", website="https://example.org"
    )
    page = district.pages["arbeit"]
    page.body = TRICKY
    page.intro = "Arbeit & <Beruf>"
    page.organisation = organisation
    page.save()
    publish(page)
    PageExtra.objects.create(page=page, name="Lernen", alias="lernen", url="https://example.org")


def reference(language: str) -> bytes:
    region = queries.active_regions(slug="testkreis")[0]
    codes = tuple(rl.language.code for rl in visible_languages(region))
    scope = queries.Scope(region, language, codes, base_url())
    tree = pages_reference.page_tree(region)
    return dumps(pages_reference.page_dicts(scope, tree, tree.in_language(language)))


def render_pages(language: str) -> bytes:
    """The uncached build, as the view makes it."""
    region = queries.active_regions(slug="testkreis")[0]
    codes = tuple(rl.language.code for rl in visible_languages(region))
    scope = queries.Scope(region, language, codes, base_url())
    tree = queries.page_tree(region)
    return serializers.encode_pages(views.page_dicts(scope, tree, tree.in_language(language)))


def test_pages_are_byte_identical_to_the_reference_build(district) -> None:
    add_everything(district)
    for language in ("de", "en", "ar"):
        response = Client().get(f"{BASE}/{language}/pages/")
        assert response.status_code == 200
        assert response.content == reference(language), language


def add_edge_cases(district: District) -> None:
    """What the plain SQL reads must decide as the ORM did: view restrictions, expiry,
    offers translated, chosen twice, expired; contacts translated, at a place, not."""
    from datetime import timedelta

    from django.utils import timezone
    from wagtail.models import PageViewRestriction

    add_everything(district)
    PageViewRestriction.objects.create(
        page=district.pages["miete"], restriction_type=PageViewRestriction.LOGIN
    )
    arbeit = district.pages["arbeit"]
    gone = add_page(arbeit, "Abgelaufen", "abgelaufen", body="<p>alt</p>")
    gone.expire_at = timezone.now() - timedelta(minutes=1)
    gone.save()
    add_page(gone, "Darunter", "darunter")
    later = add_page(arbeit, "Läuft noch", "laeuft-noch", body="<p>neu</p>")
    later.expire_at = timezone.now() + timedelta(days=1)
    later.save()
    offers = district.offers
    for position, offer in enumerate(
        (offers["counselling"], offers["expired"], offers["counselling"], offers["hotline"])
    ):
        PageOffer.objects.create(page=arbeit, offer=offer, sort_order=position)
    german = Contact.objects.get(region=district.region, role="WIR-Koordination — Ehrenamt")
    german.place = offers["counselling"].place
    german.save()
    Contact.objects.create(
        region=district.region,
        locale=Locale.objects.get(language_code="ar"),
        translation_key=german.translation_key,
        topic="volunteering",
        role="تنسيق التطوع",
        phone="06031 83-0",
        place=offers["course"].place,
    )
    Contact.objects.create(
        region=district.region,
        locale=Locale.objects.get(language_code="de"),
        topic="counselling",
        role="Beratung <Migration> & Integration",
        email="beratung@example.org",
    )


def test_edge_cases_are_byte_identical_to_the_reference_build(district) -> None:
    add_edge_cases(district)
    for language in ("de", "en", "ar"):
        response = Client().get(f"{BASE}/{language}/pages/")
        assert response.status_code == 200
        assert response.content == reference(language), language
    paths = [page["path"] for page in json.loads(Client().get(f"{BASE}/de/pages/").content)]
    assert "/testkreis/de/arbeit/laeuft-noch/" in paths
    assert "/testkreis/de/arbeit/abgelaufen/" not in paths
    assert "/testkreis/de/arbeit/abgelaufen/darunter/" not in paths
    assert "/testkreis/de/ankommen/wohnen/miete/" not in paths


def built(language: str) -> bytes:
    """pages/ as the view builds it, without the answer cache."""
    region = queries.active_regions(slug="testkreis")[0]
    codes = tuple(rl.language.code for rl in visible_languages(region))
    scope = queries.Scope(region, language, codes, base_url())
    tree = queries.page_tree(region)
    pages = views.page_dicts(scope, tree, tree.in_language(language))
    return dumps(serializers.encode_pages(pages))


def test_every_change_shows_in_the_next_build(district) -> None:
    """Excerpts and texts' JSON are remembered by their text: after publishing, unpublishing,
    expiry, a new translation or a changed contact the next build equals the reference."""
    from datetime import timedelta

    from django.utils import timezone

    from wir.portal.actions import add_translation

    add_everything(district)

    def pages(note: str) -> dict[str, dict]:
        for language in ("de", "en"):
            assert built(language) == reference(language), (note, language)
        return {page["path"]: page for page in json.loads(built("de"))}

    before = pages("start")
    arbeit = district.pages["arbeit"]
    arbeit.body = "<p>Neu geschrieben</p>"
    publish(arbeit)
    after = pages("published")["/testkreis/de/arbeit/"]
    assert after["excerpt"] == "Arbeit & <Beruf> Neu geschrieben"
    assert after["excerpt"] != before["/testkreis/de/arbeit/"]["excerpt"]
    district.pages["miete"].unpublish()
    assert "/testkreis/de/ankommen/wohnen/miete/" not in pages("unpublished")
    wohnen = district.pages["wohnen"]
    wohnen.expire_at = timezone.now() - timedelta(seconds=1)
    wohnen.save()
    assert "/testkreis/de/ankommen/wohnen/" not in pages("expired")
    home = Page.objects.get(url_path="/testkreis/en/")
    add_translation(arbeit, home, home.locale, title="Work", slug="work", body="<p>Work</p>")
    assert "en" in pages("translated")["/testkreis/de/arbeit/"]["available_languages"]
    contact = Contact.objects.get(role="WIR-Koordination — Ehrenamt")
    contact.role = "WIR-Koordination — Freiwillige"
    contact.save()
    content = pages("contact")["/testkreis/de/kontakte/"]["content"]
    assert "Freiwillige" in content
    assert "Ehrenamt</strong>" not in content


def test_query_count_does_not_grow_with_the_pages(district, query_count) -> None:
    add_everything(district)
    with query_count.capture() as few:
        assert Client().get(f"{BASE}/de/pages/?few").status_code == 200
    top = district.pages["arbeit"]
    for number in range(6):
        page = add_page(top, f"Seite {number}", f"seite-{number}", body=TRICKY)
        PageExtra.objects.create(page=page, name="Werkzeug", alias=f"w{number}", url="")
    with query_count.capture() as many:
        assert Client().get(f"{BASE}/de/pages/?many").status_code == 200
    query_count.assert_same(few, many)


@pytest.mark.parametrize(
    "markup",
    [
        TRICKY,
        "",
        "plain",
        "<p>a</p><p>b</p>",
        "<scr<script>ipt>alert(1)</script>",
        "<p>unclosed <b>bold",
        "<a href='x>y'>link</a>",
        "&lt;p&gt;escaped&lt;/p&gt;",
        "x <3 y",
        "<![CDATA[x]]>text",
        '<p title="a > b">t</p>',
        "<<p>>double",
        "<?php echo 1 ?>after",
        "<style>p{}</style>styled",
        "tail <",
        "<p>\n\t  spaced\n  out </p>",
    ],
)
def test_excerpt_matches_djangos_strip_tags(markup) -> None:
    assert serializers.plain_text(markup) == pages_reference.plain_text(markup)


PIECES = [
    "<p>",
    "</p>",
    "<br>",
    "<br/>",
    "<b>",
    "</b>",
    '<a href="/x?a=1&amp;b=2">',
    "</a>",
    "<img src='y' alt=\"\">",
    "<!-- c -->",
    "<!--",
    "-->",
    "<",
    ">",
    "&",
    "&amp;",
    "&nbsp;",
    "&#8211;",
    "&#x2014;",
    "&foo",
    "&#12a;",
    "text",
    " ",
    "\n",
    "ä",
    "<script>",
    "</script>",
    "<li>",
    "</li>",
    "<h2>",
    "</h2>",
    '"',
    "'",
    "=",
    "/",
    "<p class=a>",
    "</p >",
    "<P>",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_excerpt_matches_djangos_strip_tags_for_any_mix_of_markup(pieces) -> None:
    markup = "".join(pieces)
    assert serializers.plain_text(markup) == pages_reference.plain_text(markup)


TEXTS = st.text(
    alphabet=st.sampled_from(['"', "\\", "\x00", "\n", "\u2028", "ä", "😀", "<", "a", "/"])
)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(TEXTS, TEXTS, TEXTS), max_size=4))
def test_encoded_pages_are_what_dumps_makes_of_them(triples) -> None:
    pages = [
        {"id": number, "title": title, "excerpt": excerpt, "content": content, "hash": None}
        for number, (title, excerpt, content) in enumerate(triples)
    ]
    expected = dumps(pages)
    assert serializers.encode_pages([dict(page) for page in pages]) == expected


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's prepared statements")
def test_on_postgresql_the_reads_of_pages_are_prepared_once_per_connection(district) -> None:
    """An uncached `pages/` plans nothing after its first build on a connection: its reads
    are prepared statements (wir/core/prepared.py), reused with new values."""
    add_everything(district)

    def statements() -> set[str]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT statement FROM pg_prepared_statements")
            return {row[0] for row in cursor.fetchall()}

    before = statements()
    first = render_pages("de")
    made = statements() - before
    assert any("translation_key" in text and "NOT EXISTS" in text for text in made), made
    for language in ("de", "de", "ar"):  # the same texts again, and other values
        render_pages(language)
    assert render_pages("de") == first
    again = statements() - before
    assert len(again - made) <= len(made)  # Arabic's own counts of pages, nothing per call
    assert render_pages("de") == reference("de")
