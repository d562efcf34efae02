"""The uncached directory list: few queries whatever the number of offers, and what the
process keeps per region content version (filter choices, opening hours, the page chrome)
never outlives a publish."""

from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import Page

from tests.conftest import CapturedQueries, QueryCount
from wir.core.actions import add_area
from wir.core.memo import remember_for_region
from wir.core.models import Area
from wir.portal.actions import publish
from wir.portal.models import ClosedDay, LegalPage

pytestmark = pytest.mark.django_db

DE = "/testkreis/de/was-ist-wo/"
FILTERED = f"{DE}?kategorie=counselling&kategorie=leisure_families&zielgruppe=youth&kostenlos=1"
OPEN = '<li class="wir-open">jetzt geöffnet</li>'
NO_CACHE = {"Cache-Control": "no-cache"}  # rendered, never answered by the hot path


def test_a_filtered_list_needs_the_same_few_queries_for_3_and_15_offers(
    directory, towns, make_place, make_offer, query_count: QueryCount
) -> None:
    def count(query: str) -> CapturedQueries:
        client = Client()
        client.get(DE)  # warm what lives longer than a request
        with query_count.capture() as queries:
            assert client.get(f"{FILTERED}&{query}", headers=NO_CACHE).status_code == 200
        return queries

    place = make_place(towns["Friedberg"])
    for number in range(3):
        make_offer(f"Angebot {number}", towns["Friedberg"], place=place, groups=("youth",))
    few = count("_=1")
    for number in range(3, 15):
        make_offer(f"Angebot {number}", towns["Nidda"], place=place, groups=("youth",))
    many = count("_=2")
    query_count.assert_same(few, many)
    # The region's version (the region itself is kept while it holds), the map's places
    # with the count, one page of cards. The region's languages and the host's site are
    # kept per region content version.
    assert len(many) <= 3, many.listing()


def test_filter_choices_and_cards_follow_a_publish_at_once(
    directory, towns, make_place, make_offer
) -> None:
    client = Client()
    place = make_place(towns["Friedberg"], "Beratungszentrum")
    make_offer("Migrationsberatung", towns["Friedberg"], place=place, languages=("de",))
    first = client.get(DE, headers=NO_CACHE).text
    assert 'value="tr"' not in first
    assert OPEN in first

    make_offer("Jugendtreff", towns["Nidda"], languages=("tr",))
    ClosedDay.objects.create(place=place, date=timezone.localdate(), note="Betriebsausflug")
    add_area(
        towns["Nidda"].region,
        "Ortenberg",
        Area.Kind.MUNICIPALITY,
        Decimal("50.35"),
        Decimal("9.05"),
    )
    second = client.get(DE, headers=NO_CACHE).text
    assert 'value="tr" lang="tr"' in second  # the new offer's language is a choice now
    assert ">Ortenberg</option>" in second  # so is the new town
    assert "Jugendtreff" in second
    assert OPEN not in second  # closed today, from the very next request
    assert "<li>jetzt geschlossen</li>" in second


def test_the_footer_follows_a_publish_at_once(directory) -> None:
    client = Client()
    assert "Impressum" not in client.get(DE, headers=NO_CACHE).text
    home = Page.objects.get(url_path="/testkreis/de/")
    imprint = LegalPage(title="Impressum", slug="impressum", kind="imprint", body="<p>x</p>")
    home.add_child(instance=imprint)
    publish(imprint)
    footer = client.get(DE, headers=NO_CACHE).text.split('<footer class="wir-footer">')[1]
    assert "Impressum" in footer


def test_a_value_naming_a_page_with_an_expiry_date_is_read_every_time(region) -> None:
    reads: list[int] = []

    def compute() -> int:
        reads.append(1)
        return len(reads)

    def read(expires: bool) -> int:
        return remember_for_region(
            region, ("expiring", expires), compute, keep_if=lambda _v: not expires
        )

    assert read(expires=False) == read(expires=False) == 1  # kept
    assert read(expires=True) == 2
    assert read(expires=True) == 3  # never kept


def test_a_language_hidden_and_shown_again_follows_at_once(directory) -> None:
    from wir.core.models import RegionLanguage

    client = Client()
    english = "/testkreis/en/was-ist-wo/"
    assert client.get(english, headers=NO_CACHE).status_code == 200
    setting = RegionLanguage.objects.get(region__slug="testkreis", language__code="en")
    setting.is_visible = False
    setting.save()
    assert client.get(english, headers=NO_CACHE).status_code == 404
    setting.is_visible = True
    setting.save()
    assert client.get(english, headers=NO_CACHE).status_code == 200


def test_the_search_shows_offers_once_a_directory_is_published(region, towns, make_offer) -> None:
    from wir.portal.models import DirectoryPage

    client = Client()
    offer = make_offer("Mietkautionsberatung", towns["Nidda"])
    link = f'href="/testkreis/de/was-ist-wo/angebot/{offer.pk}/"'
    assert link not in client.get("/testkreis/de/suche/?q=Mietkautionsberatung").text
    home = Page.objects.get(url_path="/testkreis/de/")
    page = DirectoryPage(title="Was ist wo?", slug="was-ist-wo")
    home.add_child(instance=page)
    publish(page)
    assert link in client.get("/testkreis/de/suche/?q=Mietkautionsberatung&_=2").text


def test_a_region_changed_or_made_inactive_is_read_again(directory) -> None:
    from wir.core.models import Region

    client = Client()
    assert "Testkreis testkreis" in client.get(DE, headers=NO_CACHE).text
    region = Region.objects.get(slug="testkreis")
    region.name = "Wetteraukreis"
    region.save()
    assert "Wetteraukreis" in client.get(DE, headers=NO_CACHE).text
    Region.objects.filter(pk=region.pk).update(is_active=False)  # no save(): no new stamp
    assert client.get(DE, headers=NO_CACHE).status_code == 404


def test_a_changed_site_renews_every_region(make_region) -> None:
    from wagtail.models import Site

    from wir.core.hotpath import version_of
    from wir.core.models import Region

    first, second = make_region("erster"), make_region("zweiter")
    before = {r.pk: version_of(r) for r in (first, second)}
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Integrationsportal"
    site.save()
    after = {r.pk: version_of(r) for r in Region.objects.filter(pk__in=before)}
    assert all(after[pk] > before[pk] for pk in before)


def test_the_filter_form_marks_the_visitors_choices_and_escapes_names(
    directory, towns, make_offer
) -> None:
    odd = add_area(
        towns["Nidda"].region,
        'Ober-<Mörlen> & "Co"',
        Area.Kind.MUNICIPALITY,
        Decimal("50.37"),
        Decimal("8.69"),
    )
    make_offer("Sprachcafé", odd, category="language_course", languages=("tr",))
    query = f"?kommune={odd.pk}&sprache=tr&kostenlos=1&kategorie=language_course"
    html = Client().get(DE + query, headers=NO_CACHE).text
    form = html.split('<form method="get" action="" class="wir-filters"')[1].split("</form>")[0]
    assert "Ober-&lt;Mörlen&gt; &amp; &quot;Co&quot;</option>" in form
    assert "<Mörlen>" not in form
    assert f'<option value="{odd.pk}" selected>Ober-&lt;' in form  # the chosen town
    assert form.count(" selected>") == 2  # the town and the language, not the sort
    assert 'value="tr" lang="tr" selected>' in form
    assert 'id="kostenlos" checked>' in form
    assert 'id="kategorie-language_course" checked>' in form
    assert 'id="kinderbetreuung">' in form  # not chosen: not checked


def test_search_hits_show_their_kind_and_escape_titles(directory, towns, make_offer) -> None:
    offer = make_offer("Kurs <Deutsch> & Beruf", towns["Nidda"], category="language_course")
    html = Client().get("/testkreis/de/suche/?q=Beruf").text
    hits = html.split('<ul class="wir-offer-list">')[1].split("</ul>")[0]
    assert '<p class="kern-body kern-body--small wir-offer__category">Angebot</p>' in hits
    assert f'href="/testkreis/de/was-ist-wo/angebot/{offer.pk}/">' in hits
    assert "Kurs &lt;Deutsch&gt; &amp; Beruf</a>" in hits
    assert "<Deutsch>" not in hits
