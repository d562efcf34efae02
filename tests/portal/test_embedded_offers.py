"""Offers chosen for a content page appear at its end, in the visitor's language."""

import re

import pytest
from django.test import Client
from wagtail.models import Page

from tests.conftest import translate_offer
from tests.portal.helpers import language_of
from wir.portal.actions import add_translation, publish
from wir.portal.models import ContentPage, PageOffer

pytestmark = pytest.mark.django_db


def test_embedded_offers_follow_the_language(directory, towns, make_offer) -> None:
    course = make_offer("Integrationskurs Nidda", towns["Nidda"], category="language_course")
    cafe = make_offer("Sprachcafé Nidda", towns["Nidda"], category="language_course")
    hidden = make_offer("Entwurf", towns["Nidda"], publish_it=False)
    translate_offer(course, "ar", "دورة الاندماج")
    home_de = Page.objects.get(url_path="/testkreis/de/")
    home_ar = Page.objects.get(url_path="/testkreis/ar/")
    page = ContentPage(title="Deutsch lernen", slug="deutsch-lernen")
    home_de.add_child(instance=page)
    publish(page)
    arabic = add_translation(
        page, home_ar, home_ar.locale, title="تعلم الألمانية", slug="deutsch-lernen"
    )
    for target in (page, arabic):
        for position, offer in enumerate((cafe, course, hidden)):
            PageOffer.objects.create(page=target, offer=offer, sort_order=position)

    german = Client().get("/testkreis/de/deutsch-lernen/").text
    assert re.findall(r'wir-card__link" href="[^"]+"[^>]*>([^<]+)<', german) == [
        "Sprachcafé Nidda",
        "Integrationskurs Nidda",
    ]
    text = Client().get("/testkreis/ar/deutsch-lernen/").text
    assert re.findall(r'wir-card__link" href="[^"]+"[^>]*>([^<]+)<', text) == [
        "Sprachcafé Nidda",
        "دورة الاندماج",
    ]
    # The untranslated one is a German block inside the Arabic page.
    assert language_of(text, "Sprachcafé Nidda") == ("de", "ltr")
    assert language_of(text, "دورة الاندماج") == ("ar", "rtl")
    assert "/testkreis/ar/was-ist-wo/angebot/" in text
