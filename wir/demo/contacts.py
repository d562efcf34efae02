"""Demo contacts by topic field: roles of the district office, never people."""

from __future__ import annotations

from wagtail.models import Locale, Page

from wir.core.models import Region
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
# (topic, role, office hours, English role)
CONTACTS = [
    (Topic.INTERCULTURAL_OPENING, "WIR-Koordination — Interkulturelle Öffnung",
     "Di und Do 9–12 Uhr", "WIR coordination — intercultural opening"),
    (Topic.WELCOME_CULTURE, "WIR-Koordination — Willkommens- und Anerkennungskultur",
     "Mo–Fr 9–12 Uhr", "WIR coordination — welcome culture"),
    (Topic.LANGUAGE_POOL, "Sprachpool des Kreises — Vermittlung", "Mo–Do 8–15 Uhr",
     "Language mediator pool — bookings"),
    (Topic.VOLUNTEERING, "WIR-Koordination — Ehrenamt und Patenschaften", "Mi 14–17 Uhr",
     "WIR coordination — volunteering and mentoring"),
    (Topic.ARRIVAL, "Fachdienst Migration — Ausländerbehörde, Servicetelefon", "Mo–Fr 8–12 Uhr",
     "Immigration office — service line"),
    (Topic.ARRIVAL, "Fachdienst Migration — Einbürgerung", "nach Vereinbarung",
     "Immigration office — naturalisation"),
    (Topic.EDUCATION, "Bildungsberatung des Kreises", "Di 13–16 Uhr", "Education advice"),
    (Topic.WORK, "Jobcenter — Team Integration", "Mo–Fr 8–12 Uhr", "Job centre — integration team"),
    (Topic.HOUSING, "Fachdienst Soziales — Wohnungsnotfallhilfe", "Mo–Fr 9–12 Uhr",
     "Social services — housing emergencies"),
    (Topic.HEALTH, "Gesundheitsamt — Beratung für Zugewanderte", "Do 9–12 Uhr",
     "Health office — advice for newcomers"),
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
    for position, (topic, role, hours, english) in enumerate(CONTACTS):
        contact = Contact.objects.create(
            region=region,
            locale=locales["de"],
            topic=topic,
            role=role,
            phone=f"+49 6031 000-{300 + position}",
            email=f"kontakt{position}@wetterau.example",
            office_hours=hours,
            place=None if topic in ELSEWHERE else office,
            position=position,
        )
        translation = contact.copy_for_translation(locales["en"])
        translation.role = english
        translation.save()
    return len(CONTACTS)
