"""Search in the visitor's language across pages and offers."""

import re
from decimal import Decimal

import pytest
from django.test import Client
from wagtail.models import Locale, Page

from tests.conftest import CapturedQueries, QueryCount, translate_offer
from wir.core.actions import add_area
from wir.core.models import Area
from wir.portal.actions import add_translation, publish
from wir.portal.models import ContentPage

pytestmark = pytest.mark.django_db


def hits(response) -> list[str]:
    return re.findall(r'<h3 class="kern-heading-small"><a [^>]*>([^<]+)</a>', response.text)


@pytest.fixture
def content(region, towns, directory, make_offer):
    home_de = Page.objects.get(url_path="/testkreis/de/")
    home_ar = Page.objects.get(url_path="/testkreis/ar/")
    housing = ContentPage(title="Wohnen", slug="wohnen", body="<p>Mietvertrag und Kaution</p>")
    home_de.add_child(instance=housing)
    publish(housing)
    add_translation(
        housing,
        home_ar,
        home_ar.locale,
        title="السكن",
        slug="wohnen",
        body="<p>عقد الإيجار والتأمين</p>",
    )
    draft = ContentPage(title="Geheim", slug="geheim", body="<p>Kaution intern</p>", live=False)
    home_de.add_child(instance=draft)
    course = make_offer("Integrationskurs Nidda", towns["Nidda"], category="language_course")
    advice = make_offer("Mieterberatung", towns["Nidda"], summary="Hilfe bei der Kaution")
    translate_offer(advice, "ar", "استشارة المستأجرين")
    make_offer("Alte Kautionsberatung", towns["Nidda"], publish_it=False)
    return {"course": course, "advice": advice}


def test_german_search_finds_pages_and_offers(content) -> None:
    response = Client().get("/testkreis/de/suche/?q=Kaution")
    assert response.status_code == 200
    assert sorted(hits(response)) == ["Mieterberatung", "Wohnen"]
    assert 'value="Kaution"' in response.text  # the query stays in the field
    assert 'href="/testkreis/de/wohnen/"' in response.text
    assert f'href="/testkreis/de/was-ist-wo/angebot/{content["advice"].pk}/"' in response.text


def test_arabic_search_stays_in_arabic(content) -> None:
    response = Client().get("/testkreis/ar/suche/?q=الإيجار")
    assert hits(response) == ["السكن"]
    assert 'href="/testkreis/ar/wohnen/"' in response.text


def test_untranslated_offers_are_found_in_german_from_other_languages(content) -> None:
    response = Client().get("/testkreis/ar/suche/?q=Integrationskurs")
    assert hits(response) == ["Integrationskurs Nidda"]
    assert re.search(r'<a [^>]*lang="de" dir="ltr">Integrationskurs Nidda</a>', response.text)
    # The translated offer is found in Arabic only, never twice.
    arabic = Client().get("/testkreis/ar/suche/?q=المستأجرين")
    assert hits(arabic) == ["استشارة المستأجرين"]
    assert hits(Client().get("/testkreis/ar/suche/?q=Mieterberatung")) == []


def test_tail_of_a_compound_word_finds_the_compound(content) -> None:
    response = Client().get("/testkreis/de/suche/?q=kurs")
    assert hits(response) == ["Integrationskurs Nidda"]
    assert "Keine genauen Treffer. Ähnliche Ergebnisse:" in response.text


def test_half_typed_words_are_completed(content) -> None:
    assert hits(Client().get("/testkreis/de/suche/?q=Mieterbera")) == ["Mieterberatung"]


def test_drafts_and_other_regions_are_never_found(content, make_region, make_offer) -> None:
    other = make_region("anderswo")
    town = add_area(other, "Gedern", Area.Kind.MUNICIPALITY, Decimal("50.4"), Decimal("9.2"))
    make_offer("Kautionshilfe anderswo", town)
    response = Client().get("/testkreis/de/suche/?q=Kaution")
    assert "Geheim" not in response.text
    assert "Alte Kautionsberatung" not in response.text
    assert "anderswo" not in " ".join(hits(response))


@pytest.mark.parametrize(
    "query",
    ['"', "*", "AND OR NOT", "((", "-", "Kaution*", "a" * 5000, "%00", "NEAR(a b)", "' OR 1=1 --"],
)
def test_odd_queries_never_break_the_search(content, query: str) -> None:
    response = Client().get("/testkreis/de/suche/", {"q": query})
    assert response.status_code == 200


def test_empty_query_shows_just_the_form(content) -> None:
    response = Client().get("/testkreis/de/suche/")
    assert response.status_code == 200
    assert "Treffer" not in response.text
    assert 'role="search"' in response.text


@pytest.fixture
def typo_content(content, towns, make_offer):
    home_de = Page.objects.get(url_path="/testkreis/de/")
    course = ContentPage(title="Sprachkurs für Frauen", slug="sprachkurs", body="<p>Deutsch</p>")
    home_de.add_child(instance=course)
    publish(course)
    make_offer("Beratung für Familien", towns["Nidda"], summary="Erziehung und Alltag")
    return content


@pytest.mark.parametrize(
    ("typed", "found", "corrected"),
    [
        ("Sprachkrus", "Sprachkurs für Frauen", "Sprachkurs"),
        ("Beratnug", "Beratung für Familien", "Beratung"),
        ("Schuldnerberatnug Beratnug", "Beratung für Familien", "Schuldnerberatnug Beratung"),
    ],
)
def test_small_typos_are_corrected_and_said(typo_content, typed, found, corrected) -> None:
    response = Client().get("/testkreis/de/suche/", {"q": typed})
    assert found in hits(response)
    assert f"Ergebnisse für „{corrected}“ (statt „{typed}“)" in response.text
    assert f'value="{typed}"' in response.text  # the field keeps what was typed
    assert "Keine genauen Treffer" not in response.text


def test_an_unrelated_word_finds_nothing_and_is_not_corrected(typo_content) -> None:
    response = Client().get("/testkreis/de/suche/?q=Xylophonunterricht")
    assert hits(response) == []
    assert "statt" not in response.text
    assert "Nichts gefunden" in response.text


def test_correct_words_are_never_corrected(typo_content) -> None:
    response = Client().get("/testkreis/de/suche/?q=Kaution")
    assert "statt" not in response.text


def test_arabic_typos_are_corrected_in_arabic(typo_content) -> None:
    response = Client().get("/testkreis/ar/suche/", {"q": "المستأجرن"})
    assert hits(response) == ["استشارة المستأجرين"]
    assert 'lang="ar"' in response.text
    assert "المستأجرين" in response.text
    assert "المستأجرن" in response.text
    assert "Ergebnisse für" not in response.text  # the note is in Arabic, too


def test_the_vocabulary_follows_new_content(typo_content, towns, make_offer) -> None:
    assert hits(Client().get("/testkreis/de/suche/?q=Schwimkurs")) == []
    make_offer("Schwimmkurs Nidda", towns["Nidda"], category="leisure_families")
    assert hits(Client().get("/testkreis/de/suche/?q=Schwimkurs")) == ["Schwimmkurs Nidda"]


def search_queries(query_count: QueryCount, path: str) -> CapturedQueries:
    client = Client()
    client.get(path)  # warm what lives longer than a request (site root paths, vocabulary)
    with query_count.capture() as queries:
        assert client.get(path).status_code == 200
    return queries


@pytest.mark.parametrize("query", ["Beratung", "Beratnug"])
def test_search_query_count_does_not_grow_with_the_hits(
    region, directory, towns, make_offer, query, query_count: QueryCount
):
    from datetime import timedelta

    from django.utils import timezone

    from wir.portal.models import Event, EventIndexPage, Place

    home = Page.objects.get(url_path="/testkreis/de/")
    calendar = EventIndexPage(title="Kalender", slug="veranstaltungen")
    home.add_child(instance=calendar)
    publish(calendar)
    soon = timezone.now() + timedelta(days=1)

    def add(start: int, count: int) -> None:
        for number in range(start, start + count):
            page = ContentPage(title=f"Beratung {number}", slug=f"beratung-{number}", intro="Hilfe")
            home.add_child(instance=page)
            publish(page)
            make_offer(f"Beratung {number}", towns["Nidda"])
            event = Event.objects.create(
                region=region,
                locale=home.locale,
                title=f"Beratung {number}",
                summary="Sprechstunde",
                organiser="Amt",
                area=towns["Nidda"],
                start=soon,
                end=soon + timedelta(hours=1),
                recurrence="FREQ=WEEKLY" if number % 2 else "",
            )
            event.save_revision().publish()
            Place.objects.create(
                region=region,
                name=f"Beratung {number}",
                area=towns["Nidda"],
                latitude=towns["Nidda"].latitude,
                longitude=towns["Nidda"].longitude,
            )

    add(0, 2)
    few = search_queries(query_count, f"/testkreis/de/suche/?q={query}")
    add(2, 10)
    many = search_queries(query_count, f"/testkreis/de/suche/?q={query}")
    query_count.assert_same(few, many)
    # Per kind (page, offer, event, place) one ranked query and one load. A typo costs the
    # gentle tries (4 prefix, 4 title) and the corrected search (8) more.
    assert len(few) <= (23 if query == "Beratung" else 35), few.listing()


# --- events and places -------------------------------------------------------------


@pytest.fixture
def happenings(content, region, towns, make_place, make_region):
    """An events calendar in German and Arabic, events in every state, and two places."""
    from datetime import timedelta

    from django.utils import timezone

    from wir.portal.models import Event, EventIndexPage

    for code in ("de", "ar"):
        home = Page.objects.get(url_path=f"/testkreis/{code}/")
        page = EventIndexPage(title=f"Kalender {code}", slug="veranstaltungen", locale=home.locale)
        home.add_child(instance=page)
        publish(page)
    german = Locale.objects.get(language_code="de")
    soon = timezone.now() + timedelta(days=2)
    long_ago = timezone.now() - timedelta(days=400)

    def make(title: str, start, rule: str = "", live: bool = True, **fields) -> Event:
        event = Event(
            region=fields.pop("region", towns["Nidda"].region),
            locale=german,
            title=title,
            summary=f"Treffen: {title}",
            organiser="Familienzentrum",
            area=fields.pop("area", towns["Nidda"]),
            start=start,
            end=start + timedelta(hours=2),
            recurrence=rule,
            **fields,
        )
        event.save()
        if live:
            event.save_revision().publish()
        else:
            Event.objects.filter(pk=event.pk).update(live=False)
        return event

    cafe = make("Elterncafé Nidda", soon)
    arabic_cafe = cafe.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic_cafe.title = "مقهى الأهالي"
    arabic_cafe.summary = "لقاء الأهالي"
    arabic_cafe.save()
    arabic_cafe.save_revision().publish()
    weekly = make("Elterntreff wöchentlich", long_ago, "FREQ=WEEKLY")
    make("Elternabend vorbei", long_ago)
    make("Elternkurs beendet", long_ago, "FREQ=WEEKLY;COUNT=3")
    make("Elternrunde Entwurf", soon, live=False)
    tent = make_place(towns["Büdingen"], "Bürgerhaus Büdingen")
    tent.street = "Am Elternpfad 3"
    tent.save()
    make_place(towns["Nidda"], "Stadtbücherei Nidda")
    other = make_region("anderswo", languages=("de",))
    town = add_area(other, "Gedern", Area.Kind.MUNICIPALITY, Decimal("50.4"), Decimal("9.2"))
    make("Elterncafé anderswo", soon, region=other, area=town)
    return {"cafe": cafe, "arabic_cafe": arabic_cafe, "weekly": weekly, "tent": tent}


def kinds(response) -> list[tuple[str, str]]:
    """(kind label, title) of every hit, in order."""
    return re.findall(
        r'wir-offer__category">([^<]+)</p>\s*<h3 class="kern-heading-small"><a [^>]*>([^<]+)</a>',
        response.text,
    )


def test_events_and_places_are_found_with_their_pages(happenings) -> None:
    response = Client().get("/testkreis/de/suche/?q=Elterncafé")
    assert kinds(response) == [("Veranstaltung", "Elterncafé Nidda")]
    cafe = happenings["cafe"].pk
    assert f'href="/testkreis/de/veranstaltungen/veranstaltung/{cafe}/"' in response.text
    response = Client().get("/testkreis/de/suche/?q=Bürgerhaus")
    assert kinds(response) == [("Ort", "Bürgerhaus Büdingen")]
    place = happenings["tent"].pk
    assert f'href="/testkreis/de/was-ist-wo/ort/{place}/"' in response.text
    assert "Am Elternpfad 3, 61169 Büdingen" in response.text


def test_one_search_finds_every_kind(happenings, make_offer, towns) -> None:
    make_offer("Elternberatung", towns["Nidda"])
    found = kinds(Client().get("/testkreis/de/suche/?q=Eltern"))
    assert {kind for kind, _title in found} >= {"Angebot", "Veranstaltung"}
    # "Elternpfad" is only in the place's street: the place is found by its address, too.
    by_street = kinds(Client().get("/testkreis/de/suche/?q=Elternpfad"))
    assert ("Ort", "Bürgerhaus Büdingen") in by_street


def test_past_draft_and_foreign_events_are_never_found(happenings) -> None:
    titles = [title for _kind, title in kinds(Client().get("/testkreis/de/suche/?q=Eltern"))]
    # A weekly event that began long ago still has dates; one whose dates are over has not.
    assert "Elterntreff wöchentlich" in titles
    for hidden in ("Elternabend vorbei", "Elternkurs beendet", "Elternrunde Entwurf"):
        assert hidden not in titles
    assert "Elterncafé anderswo" not in titles
    for typed in ("Elternabend", "Elternkurs", "Elternrunde"):
        assert kinds(Client().get(f"/testkreis/de/suche/?q={typed}")) == []


def test_events_are_found_in_the_visitors_language_places_in_german(happenings) -> None:
    arabic = Client().get("/testkreis/ar/suche/?q=الأهالي")
    assert kinds(arabic) == [("فعالية", "مقهى الأهالي")]
    cafe = happenings["arabic_cafe"].pk
    assert f'href="/testkreis/ar/veranstaltungen/veranstaltung/{cafe}/"' in arabic.text
    # The German original of a translated event is not found twice from Arabic ...
    assert kinds(Client().get("/testkreis/ar/suche/?q=Elterncafé")) == []
    # ... an untranslated one is, marked as German.
    weekly = Client().get("/testkreis/ar/suche/?q=Elterntreff")
    assert [title for _kind, title in kinds(weekly)] == ["Elterntreff wöchentlich"]
    assert re.search(r'<a [^>]*lang="de" dir="ltr">Elterntreff wöchentlich</a>', weekly.text)
    place = Client().get("/testkreis/ar/suche/?q=Stadtbücherei")
    assert re.search(r'<a [^>]*lang="de" dir="ltr">Stadtbücherei Nidda</a>', place.text)


def test_half_typed_and_misspelt_places_and_events_are_found(happenings) -> None:
    assert kinds(Client().get("/testkreis/de/suche/?q=Stadtbüch")) == [
        ("Ort", "Stadtbücherei Nidda")
    ]
    response = Client().get("/testkreis/de/suche/?q=Stadtbücherie")
    assert kinds(response) == [("Ort", "Stadtbücherei Nidda")]
    assert "statt" in response.text


def test_the_api_search_finds_events_and_places(happenings) -> None:
    found = Client().get("/api/v1/regions/testkreis/de/search/?q=Elterncafé").json()
    assert [(hit["kind"], hit["title"]) for hit in found["results"]] == [
        ("event", "Elterncafé Nidda")
    ]
    place = Client().get("/api/v1/regions/testkreis/de/search/?q=Bürgerhaus").json()
    assert place["results"][0]["kind"] == "place"
    assert place["results"][0]["path"] == f"/testkreis/de/was-ist-wo/ort/{happenings['tent'].pk}/"
