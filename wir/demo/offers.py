"""Demo places and offers of the "Was ist wo?" directory (roles and institutions, no people)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone
from wagtail.models import Locale, Page

from wir.core.languages import DEFAULT_LANGUAGE
from wir.core.models import Area, Language, Region
from wir.demo.machine_made import (
    BATCH,
    MACHINE_LANGUAGES,
    add_to_search_index,
    batches,
    machine_locales,
    phrase,
    translated_copy,
)
from wir.portal.actions import add_translation, publish
from wir.portal.models import (
    ContentPage,
    DirectoryPage,
    Offer,
    OpeningSlot,
    PageOffer,
    Place,
    TargetGroup,
)
from wir.portal.models.offers import Category, Cost, CourseLevel, CourseType
from wir.portal.models.places import Accessibility


@dataclass(frozen=True)
class OfferTemplate:
    category: str
    title: str  # "{town}" is replaced
    provider: str
    summary: str
    groups: tuple[str, ...]
    languages: tuple[str, ...]
    cost: str = Cost.FREE
    place_kind: str = "rathaus"
    appointment: bool = False


TEMPLATES: tuple[OfferTemplate, ...] = (
    OfferTemplate(
        Category.FIRST_CONTACT,
        "Bürgerbüro {town}",
        "Stadt- bzw. Gemeindeverwaltung {town}",
        "Anmeldung der Wohnung, Ausweise, Bescheinigungen: die erste Anlaufstelle im Ort.",
        ("everyone",),
        ("de", "en"),
    ),
    OfferTemplate(
        Category.FIRST_CONTACT,
        "Integrationsbüro {town}",
        "WIR-Koordination des Kreises",
        "Fragen zum Ankommen? Wir helfen weiter und zeigen, wer zuständig ist.",
        ("everyone", "refugees"),
        ("de", "en", "ar", "fa"),
    ),
    OfferTemplate(
        Category.COUNSELLING,
        "Migrationsberatung für Erwachsene {town}",
        "Wohlfahrtsverband — Migrationsdienst",
        "Beratung zu Aufenthalt, Arbeit, Wohnen und Familie für Zugewanderte ab 27 Jahren.",
        ("everyone", "refugees"),
        ("de", "ar", "tr", "ru"),
        place_kind="beratung",
        appointment=True,
    ),
    OfferTemplate(
        Category.COUNSELLING,
        "Jugendmigrationsdienst {town}",
        "Jugendmigrationsdienst",
        "Begleitung für junge Zugewanderte von 12 bis 27 Jahren: Schule, Ausbildung, Alltag.",
        ("youth", "young_adults"),
        ("de", "en", "ar", "fa", "uk"),
        place_kind="beratung",
    ),
    OfferTemplate(
        Category.COUNSELLING,
        "Frauenberatung {town}",
        "Beratungsstelle für Frauen",
        "Vertrauliche Beratung für Frauen in schwierigen Lebenslagen, auf Wunsch anonym.",
        ("women",),
        ("de", "en", "ar", "fa", "tr"),
        place_kind="beratung",
        appointment=True,
    ),
    OfferTemplate(
        Category.COUNSELLING,
        "Schuldnerberatung {town}",
        "Fachdienst Soziales des Kreises",
        "Hilfe bei Schulden und Briefen von Inkassobüros; kostenlos und vertraulich.",
        ("everyone",),
        ("de", "ru"),
        place_kind="beratung",
        appointment=True,
    ),
    OfferTemplate(
        Category.LANGUAGE_COURSE,
        "Integrationskurs {town}",
        "Volkshochschule",
        "Deutsch von A1 bis B1 und Orientierungskurs; Kosten übernimmt meist das BAMF.",
        ("everyone", "refugees"),
        ("de",),
        cost=Cost.REDUCED,
        place_kind="vhs",
    ),
    OfferTemplate(
        Category.LANGUAGE_COURSE,
        "Deutschkurs mit Kinderbetreuung {town}",
        "Familienzentrum",
        "Deutsch lernen am Vormittag, während die Kinder nebenan betreut werden.",
        ("families", "women"),
        ("de",),
        place_kind="familienzentrum",
    ),
    OfferTemplate(
        Category.LANGUAGE_COURSE,
        "Sprachcafé {town}",
        "Ehrenamtliche Initiative",
        "Deutsch sprechen üben bei Kaffee und Tee — ohne Anmeldung, für alle Niveaus.",
        ("everyone",),
        ("de", "en", "ar", "uk"),
        place_kind="familienzentrum",
    ),
    OfferTemplate(
        Category.VOCATIONAL_TRAINING,
        "Anerkennungsberatung {town}",
        "IQ-Netzwerk Hessen",
        "Beratung zur Anerkennung ausländischer Berufs- und Studienabschlüsse.",
        ("job_seekers",),
        ("de", "en", "ar", "ru"),
        place_kind="beratung",
        appointment=True,
    ),
    OfferTemplate(
        Category.VOCATIONAL_TRAINING,
        "Bewerbungswerkstatt {town}",
        "Jobcenter Wetterau",
        "Lebenslauf, Anschreiben, Vorstellungsgespräch: Unterstützung in kleinen Gruppen.",
        ("job_seekers", "young_adults"),
        ("de", "en"),
        place_kind="vhs",
    ),
    OfferTemplate(
        Category.APPRENTICESHIP_EXCHANGE,
        "Ausbildungsstellenbörse Wetterau",
        "Kreis und Kammern",
        "Freie Ausbildungsplätze im Kreis, nach Beruf und Ort sortiert.",
        ("youth", "young_adults", "job_seekers"),
        ("de",),
        place_kind="",
    ),
    OfferTemplate(
        Category.LEISURE_FAMILIES,
        "Familiencafé {town}",
        "Familienzentrum",
        "Treffpunkt für Eltern mit kleinen Kindern; Spielecke und Beratung nebenbei.",
        ("families", "children"),
        ("de", "ar", "uk"),
        place_kind="familienzentrum",
    ),
    OfferTemplate(
        Category.LEISURE_YOUTH,
        "Jugendtreff {town}",
        "Jugendpflege {town}",
        "Offener Treff für Jugendliche: Billard, Musik, Hausaufgabenhilfe, Ausflüge.",
        ("youth",),
        ("de", "en", "tr"),
        place_kind="jugendhaus",
    ),
    OfferTemplate(
        Category.LEISURE_FAMILIES,
        "Schwimmkurs für Kinder {town}",
        "Sportverein",
        "Schwimmen lernen in kleinen Gruppen; Zuschuss über Bildung und Teilhabe möglich.",
        ("children",),
        ("de",),
        cost=Cost.REDUCED,
        place_kind="jugendhaus",
    ),
)

# Takes the apprenticeship exchange's turn after the first round: the exchange exists once.
FILLER = OfferTemplate(
    Category.COUNSELLING,
    "Erziehungsberatung {town}",
    "Beratungsstelle für Eltern, Kinder und Jugendliche",
    "Beratung bei Fragen zur Erziehung und in Familienkrisen; vertraulich und kostenlos.",
    ("families", "children", "youth"),
    ("de", "en", "ar"),
    place_kind="beratung",
    appointment=True,
)

PLACE_KINDS = {
    "rathaus": ("Rathaus {town}", "Marktplatz 1", Accessibility.FULL),
    "beratung": ("Beratungszentrum {town}", "Bahnhofstraße 12", Accessibility.PARTIAL),
    "vhs": ("Volkshochschule, Lernort {town}", "Schulstraße 5", Accessibility.FULL),
    "familienzentrum": ("Familienzentrum {town}", "Lindenweg 3", Accessibility.FULL),
    "jugendhaus": ("Jugendhaus {town}", "Am Sportplatz 2", Accessibility.NONE),
}
# Weekly patterns: (weekday, opens, closes)
HOURS = (
    [(d, time(8), time(12)) for d in range(5)] + [(1, time(14), time(18)), (3, time(14), time(18))],
    [(d, time(9), time(16)) for d in range(4)] + [(4, time(9), time(12))],
    [
        (0, time(15), time(20)),
        (2, time(15), time(20)),
        (4, time(15), time(22)),
        (5, time(14), time(18)),
    ],
)
DIRECTORY_TITLES = {
    "de": "Was ist wo?",
    "en": "What is where?",
    "ar": "ماذا يوجد وأين؟",
    "fa": "چه چیزی کجاست؟",
    "uk": "Що де знаходиться?",
}
OFFER_COUNT = 150


def create_directory(homes: dict[str, Page], locales: dict[str, Locale]) -> None:
    source: Page | None = None
    for code, title in DIRECTORY_TITLES.items():
        fields = {"title": title, "slug": "was-ist-wo"}
        if source is None:
            source = DirectoryPage(locale=locales[code], **fields)
            homes[code].add_child(instance=source)
            publish(source)
        else:
            add_translation(source, homes[code], locales[code], **fields)


def create_offers(
    region: Region, rng: random.Random, count: int = OFFER_COUNT, progress: Any = None
) -> int:
    """The German offers (published with revisions) and their machine-made translations."""
    towns = list(Area.objects.filter(region=region, kind=Area.Kind.MUNICIPALITY).order_by("name"))
    places = _create_places(region, towns)
    groups = {g.code: g for g in TargetGroup.objects.all()}
    languages = {language.code: language for language in Language.objects.all()}
    locales = {
        DEFAULT_LANGUAGE: Locale.objects.get(language_code=DEFAULT_LANGUAGE),
        **machine_locales(),
    }
    now = timezone.now()
    translations: list[tuple[Offer, OfferTemplate]] = []
    created = 0
    indexes = progress(range(count), "Angebote") if progress else range(count)
    for index in indexes:
        offer, template, town = demo_offer(region, index, towns, places, locales, rng)
        offer.target_groups.set([groups[code] for code in template.groups])
        offer.languages.set([languages[code] for code in template.languages])
        offer.save()
        offer.save_revision().publish()
        created += 1
        translations += [
            (translation, template)
            for translation in offer_translations(offer, template, town, locales, now)
        ]
    insert_offers(translations)
    return created


def insert_offers(offers: list[tuple[Offer, OfferTemplate]], progress: Any = None) -> None:
    """Insert unsaved offers with their template's target groups and languages, indexed."""
    for batch in batches(offers):
        Offer.objects.bulk_create([offer for offer, _template in batch])
    groups = dict(TargetGroup.objects.values_list("code", "pk"))
    languages = dict(Language.objects.values_list("code", "pk"))
    group_links = Offer.target_groups.through
    language_links = Offer.languages.through
    group_rows, language_rows = [], []
    for offer, template in offers:
        group_rows += [
            group_links(offer_id=offer.pk, targetgroup_id=groups[c]) for c in template.groups
        ]
        language_rows += [
            language_links(offer_id=offer.pk, language_id=languages[c]) for c in template.languages
        ]
    group_links.objects.bulk_create(group_rows, batch_size=BATCH)
    language_links.objects.bulk_create(language_rows, batch_size=BATCH)
    add_to_search_index(Offer, [offer.pk for offer, _template in offers], progress)


OFFERS_CHECKED_BEFORE = date(2026, 11, 1)


def demo_offer(
    region: Region,
    index: int,
    towns: list[Area],
    places: dict[tuple[str, int], Place],
    locales: dict[str, Locale],
    rng: random.Random,
) -> tuple[Offer, OfferTemplate, Area]:
    """The German offer number `index` of the demo (unsaved), its template and town."""
    template = TEMPLATES[index % len(TEMPLATES)]
    # Every template meets a different municipality each round, so no offer repeats.
    rounds, position = divmod(index, len(TEMPLATES))
    town = towns[(position * 7 + rounds * 2) % len(towns)]
    if template.category == Category.APPRENTICESHIP_EXCHANGE and index >= len(TEMPLATES):
        template = FILLER
    place = places.get((template.place_kind, town.pk))
    offer = Offer(
        region=region,
        locale=locales[DEFAULT_LANGUAGE],
        category=template.category,
        title=template.title.format(town=town.name),
        summary=template.summary,
        provider=template.provider.format(town=town.name),
        place=place,
        area=town,
        cost=template.cost,
        price_note="Zuschuss möglich" if template.cost == Cost.REDUCED else "",
        accessibility=place.accessibility if place else Accessibility.UNKNOWN,
        appointment_needed=template.appointment,
        contact_role=f"{template.provider.format(town=town.name)} — Servicetelefon",
        contact_phone=f"+49 6031 000-{100 + index}",
        contact_email=f"angebot{index}@wetterau.example",
        website="https://ausbildung.wetterau.example/"
        if template.category == Category.APPRENTICESHIP_EXCHANGE
        else "",
        # Some offers were checked long ago, so the freshness report has something to show.
        last_checked=OFFERS_CHECKED_BEFORE
        - timedelta(days=rng.choice([20, 90, 200, 300, 420, 500])),
        **_course_fields(template, index),
    )
    return offer, template, town


def _course_fields(template: OfferTemplate, index: int) -> dict[str, Any]:
    if template.category != Category.LANGUAGE_COURSE:
        return {}
    levels = [CourseLevel.A1, CourseLevel.A2, CourseLevel.B1]
    return {
        "course_type": CourseType.VOLUNTEER
        if "Sprachcafé" in template.title
        else CourseType.INTEGRATION,
        "course_level_from": levels[index % 2],
        "course_level_to": CourseLevel.B1,
        "childcare": "Kinderbetreuung" in template.title,
        "schedule": "Mo–Do 8:30–12:00" if index % 2 else "Di und Do 17:00–19:30",
    }


def _create_places(region: Region, towns: list[Area]) -> dict[tuple[str, int], Place]:
    places: dict[tuple[str, int], Place] = {}
    for town_index, town in enumerate(towns):
        for kind_index, (kind, (name, street, accessibility)) in enumerate(PLACE_KINDS.items()):
            offset = Decimal(kind_index) * Decimal("0.0015")
            place = Place.objects.create(
                region=region,
                name=name.format(town=town.name),
                street=street,
                postcode=f"6{1100 + town_index * 10 + kind_index:04d}"[:5],
                town=town.name,
                area=town,
                latitude=town.latitude + offset,
                longitude=town.longitude + offset,
                accessibility=accessibility,
                appointment_only=kind == "beratung" and town_index % 5 == 0,
                temporarily_closed=kind == "jugendhaus" and town_index % 11 == 3,
            )
            pattern = HOURS[(town_index + kind_index) % len(HOURS)]
            OpeningSlot.objects.bulk_create(
                OpeningSlot(place=place, weekday=d, opens=o, closes=c, sort_order=i)
                for i, (d, o, c) in enumerate(pattern)
            )
            places[(kind, town.pk)] = place
    return places


# Content page slug → offers shown on it (title starts, German originals)
EMBEDDED = {
    "integrationskurse": ("Integrationskurs",),
    "sprachcafes": ("Sprachcafé",),
    "kinderbetreuung-im-kurs": ("Deutschkurs mit Kinderbetreuung",),
    "anerkennung-abschluesse": ("Anerkennungsberatung",),
    "ausbildungsstellenboerse": ("Ausbildungsstellenbörse",),
    "bewerbung": ("Bewerbungswerkstatt",),
    "migrationsberatung": ("Migrationsberatung",),
    "jugendmigrationsdienst": ("Jugendmigrationsdienst",),
    "frauenberatung": ("Frauenberatung",),
    "schuldnerberatung": ("Schuldnerberatung",),
    "freizeit-fuer-familien": ("Familiencafé",),
    "jugendtreffs": ("Jugendtreff",),
    "anmeldung-buergerbuero": ("Bürgerbüro",),
}


def embed_offers(region: Region) -> int:
    """Show a few matching offers at the end of fitting content pages, in every language."""
    embedded = 0
    for slug, prefixes in EMBEDDED.items():
        offers = list(
            Offer.objects.filter(
                region=region, locale__language_code=DEFAULT_LANGUAGE, title__startswith=prefixes[0]
            ).order_by("title")[:3]
        )
        pages = ContentPage.objects.filter(
            slug=slug, path__startswith=region.root_page.path if region.root_page else "-"
        )
        for page in pages:
            PageOffer.objects.bulk_create(
                PageOffer(page=page, offer=offer, sort_order=i) for i, offer in enumerate(offers)
            )
            embedded += len(offers)
    return embedded


def existing_places(region: Region, towns: list[Area]) -> dict[tuple[str, int], Place]:
    """The demo places of `region` by (kind, town), as `_create_places` made them."""
    by_name = {place.name: place for place in Place.objects.filter(region=region)}
    found: dict[tuple[str, int], Place] = {}
    for town in towns:
        for kind, (name, _street, _accessibility) in PLACE_KINDS.items():
            place = by_name.get(name.format(town=town.name))
            if place is not None:
                found[(kind, town.pk)] = place
    return found


def offer_translations(
    offer: Offer,
    template: OfferTemplate,
    town: Area,
    locales: dict[str, Locale],
    now: datetime,
    codes: tuple[str, ...] = MACHINE_LANGUAGES,
) -> list[Offer]:
    """The machine-made translations of the German `offer` (unsaved), one per language."""
    return [
        translated_copy(offer, locales[code], offer_texts(offer, template, town, code), now)
        for code in codes
    ]


def offer_texts(offer: Offer, template: OfferTemplate, town: Area, code: str) -> dict[str, str]:
    """The translated texts of the German `offer` of `template` in `town` (field → text)."""
    provider = phrase(template.provider, code, town.name)
    texts = {
        "title": phrase(template.title, code, town.name),
        "summary": phrase(template.summary, code),
        "provider": provider,
        "contact_role": f"{provider} — {phrase('Servicetelefon', code)}",
    }
    for name in ("price_note", "schedule"):
        if getattr(offer, name):
            texts[name] = phrase(getattr(offer, name), code)
    return texts
