"""Demo events: recurring meeting points and one-off dates (no people, only organisers)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from wagtail.models import Locale, Page

from wir.core.languages import DEFAULT_LANGUAGE
from wir.core.models import Area, Region
from wir.demo.machine_made import insert, machine_locales, phrase, translated_copy
from wir.portal.actions import add_translation, publish
from wir.portal.models import Event, EventIndexPage, Place

BERLIN = ZoneInfo("Europe/Berlin")
TITLES = {
    "de": "Veranstaltungen",
    "en": "Events",
    "ar": "الفعاليات",
    "fa": "رویدادها",
    "uk": "Події",
}
# fmt: off
# (title, organiser, summary, weekday offset, hour, minutes long, rule or "")
EVENTS = [
    (
        "Sprachcafé {town}",
        "Ehrenamtliche Initiative",
        "Deutsch sprechen bei Tee und Kaffee.",
        1,
        17,
        90,
        "FREQ=WEEKLY;BYDAY=TU;UNTIL=20271231",
    ),
    (
        "Elterncafé {town}",
        "Familienzentrum",
        "Austausch für Eltern, Kinderbetreuung vor Ort.",
        3,
        9,
        120,
        "FREQ=WEEKLY;BYDAY=TH;UNTIL=20271231",
    ),
    (
        "Offene Sprechstunde Migrationsberatung {town}",
        "Migrationsdienst",
        "Fragen ohne Termin stellen.",
        0,
        14,
        180,
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;UNTIL=20271231",
    ),
    (
        "Infoabend Ausbildung {town}",
        "Jobcenter und Kammern",
        "Wie funktioniert die Ausbildung in Deutschland?",
        2,
        18,
        90,
        "FREQ=MONTHLY;BYDAY=1WE;COUNT=12",
    ),
    (
        "Bewerbungstraining {town}",
        "Volkshochschule",
        "Lebenslauf und Vorstellungsgespräch üben.",
        4,
        10,
        180,
        "",
    ),
    (
        "Interkulturelles Fest {town}",
        "Integrationsbüro",
        "Musik, Essen und Begegnung für alle.",
        5,
        14,
        300,
        "",
    ),
]


def create_events(
    region: Region, homes: dict[str, Page], locales: dict[str, Locale], count: int = 40
) -> int:
    _create_index(homes, locales)
    towns = list(Area.objects.filter(region=region, kind=Area.Kind.MUNICIPALITY).order_by("name"))
    places = {
        place.area_id: place
        for place in Place.objects.filter(region=region, name__startswith="Familienzentrum")
    }
    first_monday = datetime(2026, 11, 30, tzinfo=BERLIN)
    now = timezone.now()
    targets = machine_locales()
    translations: list[Event] = []
    for index in range(count):
        title, organiser, summary, weekday, hour, minutes, rule = EVENTS[index % len(EVENTS)]
        town = towns[(index * 3) % len(towns)]
        week = index // len(EVENTS)
        start = (first_monday + timedelta(weeks=week * 3 if not rule else 0, days=weekday)).replace(
            hour=hour
        )
        event = Event(
            region=region,
            locale=locales[DEFAULT_LANGUAGE],
            title=title.format(town=town.name),
            summary=summary,
            organiser=organiser,
            place=places.get(town.pk),
            area=town,
            start=start,
            end=start + timedelta(minutes=minutes),
            recurrence=rule,
            contact_role=f"{organiser} — Kontakt",
        )
        event.save()
        event.save_revision().publish()
        translations += [
            translated_copy(event, locale, event_texts(title, organiser, summary, town, code), now)
            for code, locale in targets.items()
        ]
    insert(Event, translations)
    return count


def event_texts(title: str, organiser: str, summary: str, town: Area, code: str) -> dict[str, str]:
    """The translated texts of a demo event (field → text)."""
    translated_organiser = phrase(organiser, code)
    return {
        "title": phrase(title, code, town.name),
        "summary": phrase(summary, code),
        "organiser": translated_organiser,
        "contact_role": f"{translated_organiser} — {phrase('Kontakt', code)}",
    }


def _create_index(homes: dict[str, Page], locales: dict[str, Locale]) -> None:
    source: Page | None = None
    for code, title in TITLES.items():
        fields = {"title": title, "slug": "veranstaltungen"}
        if source is None:
            source = EventIndexPage(locale=locales[code], **fields)
            homes[code].add_child(instance=source)
            publish(source)
        else:
            add_translation(source, homes[code], locales[code], **fields)
