"""Demo contacts by topic field: roles of the district office, never people."""

from __future__ import annotations

from django.utils import timezone
from wagtail.models import Locale, Page

from wir.core.languages import DEFAULT_LANGUAGE
from wir.core.models import Region
from wir.demo.machine_made import insert, machine_locales, phrase, translated_copy
from wir.portal.actions import add_translation, publish
from wir.portal.models import Contact, ContactsPage, Place
from wir.portal.models.contacts import Topic

TITLES = {
    "de": "Kontakte",
    "en": "Contacts",
    "ar": "جهات الاتصال",
    "fa": "تماس‌ها",
    "uk": "Контакти",
}
# fmt: off
# (topic, role, office hours); translated in data/phrases.py
CONTACTS = [
    (Topic.INTERCULTURAL_OPENING, "WIR-Koordination — Interkulturelle Öffnung",
     "Di und Do 9–12 Uhr"),
    (Topic.WELCOME_CULTURE, "WIR-Koordination — Willkommens- und Anerkennungskultur",
     "Mo–Fr 9–12 Uhr"),
    (Topic.LANGUAGE_POOL, "Sprachpool des Kreises — Vermittlung", "Mo–Do 8–15 Uhr"),
    (Topic.VOLUNTEERING, "WIR-Koordination — Ehrenamt und Patenschaften", "Mi 14–17 Uhr"),
    (Topic.ARRIVAL, "Fachdienst Migration — Ausländerbehörde, Servicetelefon", "Mo–Fr 8–12 Uhr"),
    (Topic.ARRIVAL, "Fachdienst Migration — Einbürgerung", "nach Vereinbarung"),
    (Topic.EDUCATION, "Bildungsberatung des Kreises", "Di 13–16 Uhr"),
    (Topic.WORK, "Jobcenter — Team Integration", "Mo–Fr 8–12 Uhr"),
    (Topic.HOUSING, "Fachdienst Soziales — Wohnungsnotfallhilfe", "Mo–Fr 9–12 Uhr"),
    (Topic.HEALTH, "Gesundheitsamt — Beratung für Zugewanderte", "Do 9–12 Uhr"),
]
# fmt: on
# Where the district's offices receive people: the demo's town hall of the district town, so
# that its place page shows the contacts by role ("Ansprechstellen an diesem Ort").
DISTRICT_OFFICE = "Rathaus Friedberg (Hessen)"
# The contacts that are not at the district office (the job centre, the health office).
ELSEWHERE = {Topic.WORK, Topic.HEALTH}


def create_contacts(region: Region, homes: dict[str, Page], locales: dict[str, Locale]) -> int:
    source: Page | None = None
    for code, title in TITLES.items():
        fields = {"title": title, "slug": "kontakte"}
        if source is None:
            source = ContactsPage(locale=locales[code], **fields)
            homes[code].add_child(instance=source)
            publish(source)
        else:
            add_translation(source, homes[code], locales[code], **fields)
    office = Place.objects.filter(region=region, name=DISTRICT_OFFICE).first()
    now = timezone.now()
    targets = machine_locales()
    translations: list[Contact] = []
    for position, (topic, role, hours) in enumerate(CONTACTS):
        contact = Contact.objects.create(
            region=region,
            locale=locales[DEFAULT_LANGUAGE],
            topic=topic,
            role=role,
            phone=f"+49 6031 000-{300 + position}",
            email=f"kontakt{position}@wetterau.example",
            office_hours=hours,
            place=None if topic in ELSEWHERE else office,
            position=position,
        )
        translations += [
            translated_copy(
                contact,
                locale,
                {"role": phrase(role, code), "office_hours": phrase(hours, code)},
                now,
            )
            for code, locale in targets.items()
        ]
    insert(Contact, translations)
    return len(CONTACTS)
