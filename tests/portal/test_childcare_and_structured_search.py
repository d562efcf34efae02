"""Childcare in the directory, and search over what offers record as structured data
(category, course type, target groups, childcare) in the visitor's language."""

import re
from urllib.parse import quote

import pytest
from django.test import Client

from tests.conftest import translate_offer

pytestmark = pytest.mark.django_db


def hits(response) -> list[str]:
    return re.findall(r'<h3 class="kern-heading-small"><a [^>]*>([^<]+)</a>', response.text)


@pytest.fixture
def courses(towns, directory, make_offer):
    return {
        "with": make_offer(
            "Abendkurs Friedberg",
            towns["Friedberg"],
            category="language_course",
            course_type="integration",
            childcare=True,
            groups=("women",),
        ),
        "without": make_offer(
            "Morgenkurs Nidda", towns["Nidda"], category="language_course", childcare=False
        ),
        "counselling": make_offer("Schuldnerberatung", towns["Nidda"], category="counselling"),
    }


def test_directory_filters_offers_with_childcare(courses) -> None:
    response = Client().get("/testkreis/de/was-ist-wo/?kinderbetreuung=1")
    assert response.status_code == 200
    text = response.text
    assert 'name="kinderbetreuung" value="1" id="kinderbetreuung" checked' in text
    assert "Abendkurs Friedberg" in text
    assert "Morgenkurs Nidda" not in text
    assert "Schuldnerberatung" not in text
    assert "<li>mit Kinderbetreuung</li>" in text
    everything = Client().get("/testkreis/de/was-ist-wo/").text
    assert "Morgenkurs Nidda" in everything
    assert 'id="kinderbetreuung" checked' not in everything


def test_childcare_filter_in_arabic(courses) -> None:
    text = Client().get("/testkreis/ar/was-ist-wo/?kinderbetreuung=1").text
    assert '<label class="kern-label" for="kinderbetreuung">مع رعاية الأطفال</label>' in text
    assert "Abendkurs Friedberg" in text
    assert "Morgenkurs Nidda" not in text


def test_arabic_search_for_childcare_finds_the_german_course(courses) -> None:
    response = Client().get("/testkreis/ar/suche/?q=" + quote("رعاية الأطفال"))
    assert response.status_code == 200
    assert hits(response) == ["Abendkurs Friedberg"]


def test_search_by_category_and_course_type_in_the_visitors_language(courses) -> None:
    arabic = Client().get("/testkreis/ar/suche/?q=" + quote("دورة لغة"))
    assert sorted(hits(arabic)) == ["Abendkurs Friedberg", "Morgenkurs Nidda"]
    integration = Client().get("/testkreis/ar/suche/?q=" + quote("دورة الاندماج"))
    assert hits(integration) == ["Abendkurs Friedberg"]
    english = Client().get("/testkreis/en/suche/?q=childcare")
    assert hits(english) == ["Abendkurs Friedberg"]
    german = Client().get("/testkreis/de/suche/?q=Kinderbetreuung")
    assert hits(german) == ["Abendkurs Friedberg"]


def test_a_translated_offer_is_found_by_its_own_language(courses) -> None:
    translated = translate_offer(courses["with"], "ar", "دورة مسائية")
    response = Client().get("/testkreis/ar/suche/?q=" + quote("رعاية الأطفال"))
    assert hits(response) == ["دورة مسائية"]  # the translation, not the German original too
    assert translated.structured_search_text().count("رعاية الأطفال") >= 1
    assert "Kinderbetreuung" not in translated.structured_search_text()
