"""The search's own index: current after every publish, unpublish and deletion, scoped to
one region and language, and safe against queries full of search-engine syntax."""

import re
from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone
from wagtail.models import Page

from tests.conftest import translate_offer
from wir.core.actions import add_area
from wir.core.models import Area
from wir.portal import search_index
from wir.portal.actions import add_translation, publish
from wir.portal.models import ContentPage, SearchDocument
from wir.portal.models.search import scope_word
from wir.portal.search import search_region

pytestmark = pytest.mark.django_db


def hits(path: str, query: str) -> list[str]:
    response = Client().get(path, {"q": query})
    assert response.status_code == 200
    return re.findall(r'<h3 class="kern-heading-small"><a [^>]*>([^<]+)</a>', response.text)


def german(query: str) -> list[str]:
    return hits("/testkreis/de/suche/", query)


def api_titles(region: str, query: str) -> list[str]:
    response = Client().get(f"/api/v1/regions/{region}/de/search/", {"q": query})
    assert response.status_code == 200
    return [hit["title"] for hit in response.json()["results"]]


def new_page(title: str, body: str, slug: str, code: str = "de") -> ContentPage:
    home = Page.objects.get(url_path=f"/testkreis/{code}/")
    page = ContentPage(title=title, slug=slug, body=f"<p>{body}</p>")
    home.add_child(instance=page)
    return page


def test_a_published_page_is_found_and_an_unpublished_one_is_gone(region) -> None:
    page = new_page("Schuldnerberatung", "Hilfe bei Mahnungen", "schulden")
    assert german("Mahnungen") == []  # saved, not yet published
    publish(page)
    assert german("Mahnungen") == ["Schuldnerberatung"]
    page.title = "Schuldner- und Insolvenzberatung"
    publish(page)
    assert german("Insolvenzberatung") == ["Schuldner- und Insolvenzberatung"]
    page.unpublish()
    assert german("Mahnungen") == []
    assert not SearchDocument.objects.filter(kind="page", object_id=page.pk).exists()


def test_a_deleted_page_is_gone_from_the_index(region) -> None:
    page = new_page("Tafel", "Lebensmittel", "tafel")
    publish(page)
    page_id = page.pk
    page.delete()
    assert german("Lebensmittel") == []
    assert not SearchDocument.objects.filter(kind="page", object_id=page_id).exists()


def test_a_page_moved_to_another_region_is_found_there_only(region, make_region) -> None:
    make_region("anderswo", languages=("de",))
    page = new_page("Fahrdienst", "Begleitung zum Arzt", "fahrdienst")
    publish(page)
    page.move(Page.objects.get(url_path="/anderswo/de/"), pos="last-child")
    assert german("Fahrdienst") == []
    assert api_titles("anderswo", "Fahrdienst") == ["Fahrdienst"]


def test_an_expired_page_is_not_found_before_it_is_unpublished(region) -> None:
    page = new_page("Sommerferienprogramm", "Ausflüge", "ferien")
    page.expire_at = timezone.now() + timedelta(days=1)
    publish(page)
    assert german("Ausflüge") == ["Sommerferienprogramm"]
    # The expiry passed, and the scheduled unpublishing has not run yet.
    ContentPage.objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(hours=1))
    assert german("Sommerferienprogramm") == []  # (a new query: not a cached answer)


def test_offers_follow_publish_unpublish_and_delete(region, directory, towns, make_offer) -> None:
    offer = make_offer("Fahrradwerkstatt", towns["Nidda"], summary="Reparatur gemeinsam")
    assert german("Reparatur") == ["Fahrradwerkstatt"]
    offer.unpublish()
    assert german("Reparatur") == []
    offer.save_revision().publish()
    assert german("Reparatur") == ["Fahrradwerkstatt"]
    offer.delete()
    assert german("Reparatur") == []
    draft = make_offer("Nähcafé", towns["Nidda"], publish_it=False)
    assert german("Nähcafé") == []
    assert not SearchDocument.objects.filter(kind="offer", object_id=draft.pk).exists()


def test_regions_never_mix(region, directory, towns, make_region, make_offer) -> None:
    other = make_region("anderswo", languages=("de",))
    town = add_area(other, "Gedern", Area.Kind.MUNICIPALITY, Decimal("50.4"), Decimal("9.2"))
    make_offer("Kleiderkammer Nidda", towns["Nidda"])
    make_offer("Kleiderkammer Gedern", town)
    home = Page.objects.get(url_path="/anderswo/de/")
    elsewhere = ContentPage(title="Kleiderkammer anderswo", slug="kleider", body="<p>x</p>")
    home.add_child(instance=elsewhere)
    publish(elsewhere)
    assert german("Kleiderkammer") == ["Kleiderkammer Nidda"]
    # The other region has no directory: its page only, never this region's offer.
    assert api_titles("anderswo", "Kleiderkammer") == ["Kleiderkammer anderswo"]
    assert api_titles("testkreis", "Kleiderkammer") == ["Kleiderkammer Nidda"]


def test_languages_never_mix(region) -> None:
    german_page = new_page("Elternbrief", "Schule", "elternbrief")
    publish(german_page)
    arabic_home = Page.objects.get(url_path="/testkreis/ar/")
    add_translation(
        german_page, arabic_home, arabic_home.locale, title="رسالة الوالدين", slug="elternbrief"
    )
    assert german("Elternbrief") == ["Elternbrief"]
    assert hits("/testkreis/ar/suche/", "Elternbrief") == []  # the German page is not shown
    assert hits("/testkreis/ar/suche/", "الوالدين") == ["رسالة الوالدين"]
    assert german("الوالدين") == []


@pytest.mark.parametrize(
    "query",
    [
        "\u200fالسكن",  # a right-to-left mark typed before the word
        "السكن\u200e",
        "«السكن»",
        "السكن؟",
    ],
)
def test_arabic_queries_with_direction_marks_and_punctuation(region, query: str) -> None:
    arabic_home = Page.objects.get(url_path="/testkreis/ar/")
    page = ContentPage(title="السكن", slug="wohnen", body="<p>عقد الإيجار</p>")
    page.locale = arabic_home.locale
    arabic_home.add_child(instance=page)
    publish(page)
    assert hits("/testkreis/ar/suche/", query) == ["السكن"]


ODD_QUERIES = [
    '"',
    '"Kaution',
    "*",
    "Kau*",
    "-Kaution",
    "Kaution -",
    "NEAR(Kaution Miete)",
    "Kaution NEAR Miete",
    "title:Kaution",
    "{title body}: Kaution",
    "^Kaution",
    "Kaution AND",
    "OR",
    "NOT NOT",
    "( )",
    "'; DROP TABLE portal_searchdocument; --",
    "Kaution & | ! :*",
    "\\",
    "\x00",
    "_",
    "-- --",
]


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_search_syntax_in_queries_never_breaks_anything(region, directory, query: str) -> None:
    page = new_page("Kaution", "Miete und Kaution", "kaution")
    publish(page)
    found = german(query)
    assert found in ([], ["Kaution"])
    response = Client().get("/api/v1/regions/testkreis/de/search/", {"q": query})
    assert response.status_code in (200, 422)  # 422: empty after the API's own check
    assert SearchDocument.objects.filter(kind="page", object_id=page.pk).exists()


def test_a_rebuild_equals_what_the_signals_kept(region, directory, towns, make_offer) -> None:
    publish(new_page("Wohngeld", "Antrag", "wohngeld"))
    make_offer("Mieterverein", towns["Nidda"], groups=("families",))
    make_offer("Alt", towns["Nidda"]).unpublish()

    def rows() -> list[tuple]:
        return sorted(
            SearchDocument.objects.values_list("kind", "object_id", "scope", "title", "body")
        )

    kept = rows()
    assert search_index.rebuild() == len(kept)
    assert rows() == kept
    SearchDocument.objects.all().delete()
    out = StringIO()
    call_command("rebuild_search_documents", "testkreis", stdout=out)
    assert out.getvalue() == f"Suchindex aufgebaut: {len(kept)} Dokumente.\n"
    assert rows() == kept


def test_terms_reach_the_engines_as_plain_words() -> None:
    # FTS5: each term a quoted phrase of its words, marked with the scope's region; the scope
    # words alternatives of one column.
    assert search_index.fts5_match(["s1xpagex6465"], ["Kita", "NEAR"], False) == (
        'scope : ("s1xpagex6465") AND {title body} : ("r1xKita" AND "r1xNEAR")'
    )
    assert search_index.fts5_match(["s12xofferx6172", "s12xofferx6465"], ["Kit"], True) == (
        'scope : ("s12xofferx6172" OR "s12xofferx6465") AND title : ("r12xKit"*)'
    )
    assert search_index.fts5_match(["s3xplacex"], ["Covid-19", '"Test"', "_"], False) == (
        'scope : ("s3xplacex") AND {title body} : ("r3xCovid r3x19" AND "r3xTest")'
    )
    # PostgreSQL: quoted letter-and-digit lexemes only.
    assert search_index.tsquery(["Covid-19", "Test"], False) == "'covid' & '19' & 'test'"
    assert search_index.tsquery(["Integrationskurs", "Nid"], True) == (
        "'integrationskurs':A & 'nid':*A"
    )
    assert search_index.query_terms("- -- Kita") == ["Kita"]
    # Title matches: FTS5 its column, PostgreSQL the index of the title's words (no weights).
    assert search_index.fts5_match(["s1xpagex6465"], ["Kita", "Nidda"], False, title=True) == (
        'scope : ("s1xpagex6465") AND title : ("r1xKita" AND "r1xNidda")'
    )
    assert search_index.tsquery(["Kita", "Nid"], False, title=True) == "'kita' & 'nid'"
    assert search_index.tsquery(["Kita", "Nid"], True, title=True) == "'kita' & 'nid':*"


def test_a_very_common_word_ranks_a_bounded_set_title_matches_first(region, monkeypatch) -> None:
    """A word in more documents than `CANDIDATES` ranks only the newest of them and the
    newest with it in the title: an old page named by the word is still found, first."""
    monkeypatch.setattr(search_index, "CANDIDATES", 3)
    publish(new_page("Sprachkurs", "Anmeldung im Rathaus", "kurs"))  # the oldest
    for number in range(5):
        publish(new_page(f"Termin {number}", "Sprachkurs am Abend", f"termin-{number}"))
    home = Page.objects.get(url_path="/testkreis/de/")
    scopes = {"page": [scope_word(region.pk, "page", "de")]}
    found = search_index.ranked(scopes, "Sprachkurs", 4, timezone.now(), home=home)
    assert [hit.title for hit in found["page"]] == [
        "Sprachkurs",
        "Termin 4",
        "Termin 3",
        "Termin 2",
    ]
    monkeypatch.undo()
    outcome = search_region(region, "de", "Sprachkurs", None)  # (the view's answer is cached)
    assert len(outcome.hits) == 6  # below the bound: every match


def test_a_cut_kind_with_too_few_hits_is_searched_again_without_the_bound(
    region, monkeypatch, django_assert_num_queries
) -> None:
    """The newest matches within the bound are all dropped by the checks (here: expired);
    the older, public ones are still found, by a second statement."""
    monkeypatch.setattr(search_index, "CANDIDATES", 3)
    for number in range(2):
        publish(new_page(f"Sprachkurs {number}", "Anmeldung", f"kurs-{number}"))
    for number in range(4):
        page = new_page(f"Abgelaufen {number}", "Sprachkurs vorbei", f"alt-{number}")
        page.expire_at = timezone.now() + timedelta(days=1)
        publish(page)
        ContentPage.objects.filter(pk=page.pk).update(expire_at=timezone.now())
        SearchDocument.objects.filter(kind="page", object_id=page.pk).update(
            expire_at=timezone.now()
        )
    home = Page.objects.get(url_path="/testkreis/de/")
    scopes = {"page": [scope_word(region.pk, "page", "de")]}
    with django_assert_num_queries(2):
        found = search_index.ranked(scopes, "Sprachkurs", 60, timezone.now(), home=home)
    assert [hit.title for hit in found["page"]] == ["Sprachkurs 1", "Sprachkurs 0"]
    with django_assert_num_queries(1):  # not cut: one statement
        assert search_index.ranked(scopes, "Anmeldung", 60, timezone.now(), home=home)


def test_title_matches_that_fill_the_limit_come_alone_and_leave_nothing_out(
    region, monkeypatch, django_assert_num_queries
) -> None:
    """Enough title matches pass: the other matches are not needed (and never ranked);
    fewer: the others follow them, best first, without a second statement."""
    monkeypatch.setattr(search_index, "CANDIDATES", 3)
    for number in range(3):
        publish(new_page(f"Sprachkurs {number}", "Anmeldung", f"kurs-{number}"))
    for number in range(3):
        publish(new_page(f"Termin {number}", "Sprachkurs am Abend", f"termin-{number}"))
    home = Page.objects.get(url_path="/testkreis/de/")
    scopes = {"page": [scope_word(region.pk, "page", "de")]}

    def titles(limit: int) -> list[str]:
        with django_assert_num_queries(1):
            found = search_index.ranked(scopes, "Sprachkurs", limit, timezone.now(), home=home)
        return [hit.title for hit in found["page"]]

    assert titles(2) == ["Sprachkurs 2", "Sprachkurs 1"]
    assert titles(4) == ["Sprachkurs 2", "Sprachkurs 1", "Sprachkurs 0", "Termin 2"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's prepared statements")
def test_on_postgresql_the_ranked_statement_is_prepared_once_per_connection(region) -> None:
    publish(new_page("Sprachkurs", "Anmeldung im Rathaus", "kurs"))
    home = Page.objects.get(url_path="/testkreis/de/")
    scopes = {"page": [scope_word(region.pk, "page", "de")]}

    def prepared() -> int:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT COUNT(*) FROM pg_prepared_statements WHERE statement LIKE %s",
                ["%page:matches%"],
            )
            return int(cursor.fetchone()[0])

    before = prepared()
    for query in ("Sprachkurs", "Rathaus", "Anmeldung"):  # one text, other values
        found = search_index.ranked(scopes, query, 60, timezone.now(), home=home)
        assert [hit.title for hit in found["page"]] == ["Sprachkurs"]
    assert prepared() >= 1  # (another test's search on this connection may have prepared it)
    assert prepared() - before <= 1


def arabic_search(region, query: str) -> list[tuple[str, str]]:
    """(kind, title) of the hits of the Arabic search, with a directory to show offers."""
    outcome = search_region(region, "ar", query, "/testkreis/ar/was-ist-wo/")
    return [(hit.kind, hit.title) for hit in outcome.hits]


def test_a_search_is_one_statement_whatever_the_hits(
    region, directory, towns, make_offer, make_place, django_assert_num_queries
) -> None:
    home = Page.objects.get(url_path="/testkreis/de/")

    def add(start: int, count: int) -> None:
        for number in range(start, start + count):
            publish(new_page(f"Sprachcafé {number}", "Treffpunkt", f"cafe-{number}"))
            make_offer(f"Sprachcafé {number}", towns["Nidda"])
            make_place(towns["Nidda"], f"Sprachcafé Haus {number}")

    assert home.url  # the view knows its site (Wagtail caches the site's root paths)

    def search() -> int:
        with django_assert_num_queries(1):  # the ranked statement, nothing else
            outcome = search_region(region, "de", "Sprachcafé", "/testkreis/de/was-ist-wo/", home)
        return len(outcome.hits)

    add(0, 1)
    assert search() == 3
    add(1, 4)
    assert search() == 15


def test_german_originals_give_way_to_public_translations_only(
    region, directory, towns, make_offer
) -> None:
    translated = make_offer("Sprachcafé Nidda", towns["Nidda"], summary="Treffpunkt")
    translate_offer(translated, "ar", "مقهى اللغة")
    waiting = make_offer("Sprachcafé Gedern", towns["Nidda"], summary="Treffpunkt")
    later = translate_offer(waiting, "ar", "مقهى اللغة الجديد")
    later.valid_from = timezone.localdate() + timedelta(days=3)  # not valid yet
    later.save_revision().publish()
    assert sorted(arabic_search(region, "مقهى")) == [("offer", "مقهى اللغة")]
    # Where the translation is not public yet, the German original is shown instead.
    assert arabic_search(region, "Treffpunkt") == [("offer", "Sprachcafé Gedern")]
    assert sorted(german("Treffpunkt")) == ["Sprachcafé Gedern", "Sprachcafé Nidda"]
    ended = make_offer("Sprachcafé Ende", towns["Nidda"], summary="Treffpunkt")
    ended.valid_until = timezone.localdate() - timedelta(days=1)
    ended.save_revision().publish()
    assert "Sprachcafé Ende" not in german("Treffpunkt")


def test_hits_of_another_region_in_the_same_language_never_show(
    region, directory, towns, make_region, make_offer, make_place
) -> None:
    other = make_region("anderswo", languages=("de", "ar"))
    town = add_area(other, "Gedern", Area.Kind.MUNICIPALITY, Decimal("50.4"), Decimal("9.2"))
    translate_offer(make_offer("Sprachcafé Nidda", towns["Nidda"]), "ar", "مقهى نيدا")
    translate_offer(make_offer("Sprachcafé Gedern", town), "ar", "مقهى غيدرن")
    make_place(town, "Sprachcafé Haus Gedern")
    arabic_home = Page.objects.get(url_path="/anderswo/ar/")
    page = ContentPage(title="مقهى هناك", slug="cafe", body="<p>x</p>")
    page.locale = arabic_home.locale
    arabic_home.add_child(instance=page)
    publish(page)
    assert arabic_search(region, "مقهى") == [("offer", "مقهى نيدا")]
    assert german("Sprachcafé") == ["Sprachcafé Nidda"]
