"""A small public district for the Integreat API: a page tree in German, English and
Arabic, offers at places, events (one-off and recurring), news, an imprint — and content
that must never appear (drafts, an unpublished branch, expired offers)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Any

import pytest
from django.utils import timezone
from wagtail.models import Locale, Page

from tests.conftest import translate_offer
from wir.core.models import Region
from wir.portal.actions import add_translation, publish
from wir.portal.models import (
    ContentPage,
    Event,
    EventIndexPage,
    LegalPage,
    News,
    Offer,
    PageOffer,
)

BASE = "/api/v3/testkreis"
WEEKDAY_HOURS = [(d, time(9), time(12)) for d in range(5)] + [(1, time(14), time(18))]


@dataclass
class District:
    region: Region
    pages: dict[str, Page]
    offers: dict[str, Offer]
    events: dict[str, Event]
    news: dict[str, News]


def add_page(parent: Page, title: str, slug: str, body: str = "", **fields: Any) -> Page:
    page = ContentPage(title=title, slug=slug, body=body or f"<p>{title}</p>", **fields)
    parent.add_child(instance=page)
    publish(page)
    return page


def make_event(
    region: Region, town: Any, place: Any, title: str, start: Any, **fields: Any
) -> Event:
    event = Event(
        region=region,
        locale=Locale.objects.get(language_code="de"),
        title=title,
        summary=f"Über {title}",
        organiser="Familienzentrum",
        place=place,
        area=town,
        start=start,
        end=start + timedelta(hours=2),
        **fields,
    )
    event.save()
    event.save_revision().publish()
    return event


def make_news(region: Region, title: str, code: str = "de", live: bool = True) -> News:
    item = News(
        region=region,
        locale=Locale.objects.get(language_code=code),
        title=title,
        message=f"{title}: Bitte beachten.",
    )
    item.save()
    if live:
        item.save_revision().publish()
    else:
        News.objects.filter(pk=item.pk).update(live=False)
    return item


@pytest.fixture
def district(region, directory, towns, make_place, make_offer) -> District:
    homes = {code: Page.objects.get(url_path=f"/testkreis/{code}/") for code in ("de", "en", "ar")}
    # Pages: two top-level sections, a child and a grandchild, translations, a hidden branch.
    ankommen = add_page(homes["de"], "Ankommen", "ankommen", intro="Erste Schritte")
    wohnen = add_page(
        ankommen,
        "Wohnen",
        "wohnen",
        body=f'<p>Siehe <a linktype="page" id="{ankommen.pk}">Ankommen</a>.</p>',
    )
    miete = add_page(wohnen, "Miete", "miete")
    arbeit = add_page(homes["de"], "Arbeit", "arbeit")
    arriving = add_translation(
        ankommen,
        homes["en"],
        homes["en"].locale,
        title="Arriving",
        slug="arriving",
        body="<p>Arriving</p>",
    )
    add_translation(
        wohnen, arriving, homes["en"].locale, title="Housing", slug="housing", body="<p>Housing</p>"
    )
    arabic = add_translation(
        ankommen,
        homes["ar"],
        homes["ar"].locale,
        title="الوصول",
        slug="الوصول",
        body="<p>الوصول</p>",
    )
    hidden = add_page(homes["de"], "Verborgen", "verborgen")
    add_page(hidden, "Unter Verborgen", "unter-verborgen")
    hidden.unpublish()
    draft = ContentPage(title="Entwurf", slug="entwurf", body="<p>geheim</p>", live=False)
    homes["de"].add_child(instance=draft)
    imprint = LegalPage(
        title="Impressum",
        slug="impressum",
        kind=LegalPage.Kind.IMPRINT,
        body="<p>Landratsamt, Musterstraße 1</p>",
    )
    homes["de"].add_child(instance=imprint)
    publish(imprint)
    calendar = EventIndexPage(title="Veranstaltungen", slug="veranstaltungen")
    homes["de"].add_child(instance=calendar)
    publish(calendar)

    # Offers at places (locations), one without a place, a draft, an expired one.
    hall = make_place(towns["Friedberg"], "Rathaus Friedberg", hours=WEEKDAY_HOURS)
    centre = make_place(towns["Nidda"], "Familienzentrum Nidda", hours=[])
    counselling = make_offer(
        "Migrationsberatung",
        towns["Friedberg"],
        place=hall,
        contact_phone="06031 1234",
        website="https://example.org/mbe",
    )
    course = make_offer(
        "Integrationskurs",
        towns["Nidda"],
        category="language_course",
        place=centre,
        accessibility="full",
    )
    hotline = make_offer("Telefonberatung", towns["Nidda"])
    secret = make_offer("Entwurfsangebot", towns["Nidda"], place=hall, publish_it=False)
    expired = make_offer(
        "Abgelaufen", towns["Nidda"], place=hall, valid_until=date.today() - timedelta(days=1)
    )
    translate_offer(counselling, "ar", "استشارة الهجرة")
    for position, offer in enumerate((course, hotline, secret)):
        PageOffer.objects.create(page=wohnen, offer=offer, sort_order=position)

    soon = timezone.localtime().replace(hour=18, minute=0, second=0, microsecond=0)
    soon += timedelta(days=2)
    events = {
        "cafe": make_event(
            region, towns["Nidda"], centre, "Sprachcafé", soon, recurrence="FREQ=WEEKLY;COUNT=4"
        ),
        "fest": make_event(
            region,
            towns["Nidda"],
            None,
            "Sommerfest",
            soon + timedelta(days=1),
            online_url="https://example.org/live",
        ),
        "past": make_event(region, towns["Nidda"], centre, "Vorbei", soon - timedelta(days=30)),
    }
    news = {
        "new": make_news(region, "Bürgerbüro geschlossen"),
        "draft": make_news(region, "Noch nicht", live=False),
    }
    region.refresh_from_db()
    return District(
        region=region,
        pages={
            "ankommen": ankommen,
            "wohnen": wohnen,
            "miete": miete,
            "arbeit": arbeit,
            "arriving": arriving,
            "arabic": arabic,
            "hidden": hidden,
            "draft": draft,
            "imprint": imprint,
            "calendar": calendar,
            "directory": directory["de"],
        },
        offers={
            "counselling": counselling,
            "course": course,
            "hotline": hotline,
            "secret": secret,
            "expired": expired,
        },
        events=events,
        news=news,
    )
