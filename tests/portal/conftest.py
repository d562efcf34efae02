"""Fixtures for the directory: a directory page, places with hours, offers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time
from decimal import Decimal
from typing import Any

import pytest
from wagtail.models import Locale, Page

from wir.core.actions import add_area
from wir.core.models import Area, Language, Region
from wir.portal.actions import add_translation, publish
from wir.portal.models import DirectoryPage, Offer, OpeningSlot, Place, TargetGroup

ALWAYS = [(day, time(0, 0), time(23, 59, 59)) for day in range(7)]


@pytest.fixture
def directory(region: Region) -> dict[str, Page]:
    pages: dict[str, Page] = {}
    source = None
    for code in ("de", "en", "ar"):
        home = Page.objects.get(url_path=f"/testkreis/{code}/")
        fields = {"title": f"Was ist wo? ({code})", "slug": "was-ist-wo"}
        if source is None:
            source = DirectoryPage(locale=home.locale, **fields)
            home.add_child(instance=source)
            publish(source)
            pages[code] = source
        else:
            pages[code] = add_translation(source, home, home.locale, **fields)
    return pages


@pytest.fixture
def towns(region: Region) -> dict[str, Area]:
    return {
        name: add_area(region, name, Area.Kind.MUNICIPALITY, Decimal(lat), Decimal(lon))
        for name, lat, lon in [
            ("Friedberg", "50.3353", "8.7550"),
            ("Nidda", "50.4128", "9.0092"),
            ("Büdingen", "50.2908", "9.1122"),
        ]
    }


MakePlace = Callable[..., Place]


@pytest.fixture
def make_place(region: Region) -> MakePlace:
    def make(town: Area, name: str = "Rathaus", hours: Any = ALWAYS, **fields: Any) -> Place:
        place = Place.objects.create(
            region=town.region,
            name=name,
            street="Marktplatz 1",
            postcode="61169",
            town=town.name,
            area=town,
            latitude=town.latitude,
            longitude=town.longitude,
            **fields,
        )
        OpeningSlot.objects.bulk_create(
            OpeningSlot(place=place, weekday=d, opens=o, closes=c) for d, o, c in hours
        )
        return place

    return make


MakeOffer = Callable[..., Offer]


@pytest.fixture
def make_offer(region: Region) -> MakeOffer:
    def make(
        title: str,
        town: Area,
        category: str = "counselling",
        place: Place | None = None,
        groups: tuple[str, ...] = (),
        languages: tuple[str, ...] = (),
        publish_it: bool = True,
        **fields: Any,
    ) -> Offer:
        offer = Offer(
            region=town.region,
            locale=Locale.objects.get(language_code="de"),
            category=category,
            title=title,
            summary=f"Kurz: {title}",
            provider="Beratungsstelle",
            place=place,
            area=town,
            **fields,
        )
        offer.target_groups.set(TargetGroup.objects.filter(code__in=groups))
        offer.languages.set(Language.objects.filter(code__in=languages))
        offer.save()
        if publish_it:
            offer.save_revision().publish()
        else:
            offer.live = False
            offer.save(update_fields=["live"])
        return offer

    return make


def translate_offer(offer: Offer, code: str, title: str) -> Offer:
    translation = offer.copy_for_translation(Locale.objects.get(language_code=code))
    translation.title = title
    translation.summary = f"{title} (kurz)"
    translation.save()
    translation.save_revision().publish()
    return translation
