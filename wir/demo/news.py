"""Demo news (Neuigkeiten): short notices of the district office, as the apps show them."""

from __future__ import annotations

from wagtail.models import Locale

from wir.core.models import Region
from wir.portal.models import News

# (German title, German message, {language: (title, message)})
NEWS = [
    (
        "Ausländerbehörde: geänderte Öffnungszeiten",
        "Die Ausländerbehörde ist am Freitag, 18. Dezember, geschlossen. "
        "Termine ab Montag bitte über das Servicetelefon vereinbaren.",
        {
            "en": (
                "Immigration office: changed opening hours",
                "The immigration office is closed on Friday, 18 December. "
                "Please book appointments from Monday through the service line.",
            ),
            "ar": (
                "مكتب شؤون الأجانب: تغيير مواعيد العمل",
                "مكتب شؤون الأجانب مغلق يوم الجمعة 18 ديسمبر. "
                "يرجى حجز المواعيد من يوم الاثنين عبر خط الخدمة.",
            ),
        },
    ),
    (
        "Neue Integrationskurse im Januar",
        "Im Januar beginnen neue Integrationskurse in Friedberg und Büdingen, "
        "auch mit Kinderbetreuung. Beratung im Wegweiser unter „Deutsch lernen“.",
        {
            "en": (
                "New integration courses in January",
                "New integration courses start in January in Friedberg and Büdingen, "
                "some with childcare. See “Learning German” in the guide.",
            ),
        },
    ),
    (
        "Sprachcafés über die Feiertage",
        "Die Sprachcafés machen vom 23. Dezember bis 6. Januar Pause.",
        {},
    ),
]


def create_news(region: Region, locales: dict[str, Locale]) -> int:
    created = 0
    for title, message, translations in NEWS:
        source = News.objects.create(
            region=region, locale=locales["de"], title=title, message=message, live=False
        )
        source.save_revision().publish()
        created += 1
        for code, (translated_title, translated_message) in translations.items():
            if code not in locales:
                continue
            translation = source.copy_for_translation(locales[code])
            translation.title = translated_title
            translation.message = translated_message
            translation.save()
            translation.save_revision().publish()
            created += 1
    return created
