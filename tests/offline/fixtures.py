"""A small region with every kind of public document, for the offline tests."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone
from wagtail.models import Locale, Page

from tests.conftest import MakeOffer, MakePlace
from wir.core.models import Area
from wir.portal.actions import add_translation, publish
from wir.portal.models import Contact, ContactsPage, ContentPage, Event, EventIndexPage


def build_site(
    towns: dict[str, Area],
    directory: dict[str, Page],
    make_place: MakePlace,
    make_offer: MakeOffer,
) -> dict[str, Any]:
    german = Locale.objects.get(language_code="de")
    home_de = Page.objects.get(url_path="/testkreis/de/")
    home_ar = Page.objects.get(url_path="/testkreis/ar/")
    housing = ContentPage(
        title="Wohnen", slug="wohnen", intro="Eine Wohnung finden", body="<p>Mietvertrag lesen.</p>"
    )
    home_de.add_child(instance=housing)
    publish(housing)
    add_translation(housing, home_ar, home_ar.locale, title="السكن", slug="wohnen")
    draft = ContentPage(title="Entwurf", slug="entwurf", body="<p>Geheimer Entwurfstext</p>")
    home_de.add_child(instance=draft)
    draft.save_revision()  # never published
    draft.live = False
    draft.save(update_fields=["live"])
    for home in (home_de, home_ar):
        for page_type, slug in ((EventIndexPage, "veranstaltungen"), (ContactsPage, "kontakte")):
            extra = page_type(title=f"{slug} {home.slug}", slug=slug, locale=home.locale)
            home.add_child(instance=extra)
            publish(extra)
    region = towns["Friedberg"].region
    Contact.objects.create(
        region=region,
        locale=german,
        topic="volunteering",
        role="WIR-Koordination — Ehrenamt",
        phone="+49 6031 000-1",
        office_hours="Di 9–12 Uhr",
    )
    start = timezone.now() + timedelta(days=1)
    event = Event(
        region=region,
        locale=german,
        title="Sprachcafé",
        summary="Deutsch üben",
        organiser="Initiative",
        area=towns["Friedberg"],
        start=start,
        end=start + timedelta(hours=2),
    )
    event.save()
    event.save_revision().publish()
    place = make_place(towns["Friedberg"], "Beratungszentrum")
    offer = make_offer(
        "Migrationsberatung",
        towns["Friedberg"],
        place=place,
        summary="Beratung zu Aufenthalt und Integrationskurs",
    )
    hidden = make_offer("Unveröffentlichtes Angebot", towns["Nidda"], publish_it=False)
    leisure = make_offer("Jugendtreff", towns["Nidda"], category="leisure_youth")
    return {
        "region": region,
        "housing": housing,
        "draft": draft,
        "event": event,
        "place": place,
        "offer": offer,
        "hidden_offer": hidden,
        "leisure": leisure,
    }
