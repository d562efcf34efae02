"""Demo news (Neuigkeiten): short notices of the district office, as the apps show them."""

from __future__ import annotations

from wagtail.models import Locale

from wir.core.languages import DEFAULT_LANGUAGE
from wir.core.models import Region
from wir.portal.models import News

# (German title, German message, {language: (title, message)}); the translations are
# machine-made and reviewed like the directory's (see machine_made.py).
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
            "fa": (
                "اداره اتباع خارجی: تغییر ساعات کاری",
                "اداره اتباع خارجی روز جمعه 18 دسامبر بسته است. "
                "لطفاً از دوشنبه به بعد از طریق تلفن خدمات وقت بگیرید.",
            ),
            "uk": (
                "Відомство у справах іноземців: змінені години роботи",
                "Відомство у справах іноземців зачинене в п'ятницю, 18 грудня. "
                "Записатися на прийом з понеділка можна через сервісний телефон.",
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
            "ar": (
                "دورات اندماج جديدة في يناير",
                "تبدأ في يناير دورات اندماج جديدة في Friedberg وBüdingen، "
                "بعضها مع رعاية الأطفال. المعلومات في الدليل تحت «تعلّم اللغة الألمانية».",
            ),
            "fa": (
                "دوره‌های ادغام جدید در ژانویه",
                "در ژانویه دوره‌های ادغام جدید در Friedberg و Büdingen آغاز می‌شوند، "
                "برخی با نگهداری از کودکان. راهنمایی در بخش «یادگیری زبان آلمانی».",
            ),
            "uk": (
                "Нові інтеграційні курси в січні",
                "У січні у Friedberg і Büdingen починаються нові інтеграційні курси, "
                "зокрема з доглядом за дітьми. Докладніше в довіднику, "
                "розділ «Вивчення німецької».",
            ),
        },
    ),
    (
        "Sprachcafés über die Feiertage",
        "Die Sprachcafés machen vom 23. Dezember bis 6. Januar Pause.",
        {
            "en": (
                "Language cafés over the holidays",
                "The language cafés take a break from 23 December to 6 January.",
            ),
            "ar": (
                "مقاهي اللغة خلال العطلات",
                "تتوقف مقاهي اللغة من 23 ديسمبر حتى 6 يناير.",
            ),
            "fa": (
                "کافه‌های زبان در تعطیلات",
                "کافه‌های زبان از 23 دسامبر تا 6 ژانویه تعطیل هستند.",
            ),
            "uk": (
                "Мовні кафе у святкові дні",
                "Мовні кафе не працюють з 23 грудня до 6 січня.",
            ),
        },
    ),
]


def create_news(region: Region, locales: dict[str, Locale]) -> int:
    created = 0
    for title, message, translations in NEWS:
        source = News.objects.create(
            region=region,
            locale=locales[DEFAULT_LANGUAGE],
            title=title,
            message=message,
            live=False,
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
