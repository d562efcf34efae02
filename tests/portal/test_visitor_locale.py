"""What newcomers see in their language: German originals as German blocks inside a
right-to-left page, and dates, weekdays and times in the visitor's locale."""

from datetime import date, datetime, time, timedelta

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale, Page

from tests.portal.helpers import language_of
from wir.portal import localformat
from wir.portal.actions import add_translation, publish
from wir.portal.models import Event, EventIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def region(make_region):
    return make_region(languages=("de", "en", "ar", "fa"))


@pytest.fixture
def directory(directory):
    """The directory page in Farsi, too."""
    home = Page.objects.get(url_path="/testkreis/fa/")
    directory["fa"] = add_translation(
        directory["de"], home, home.locale, title="چه چیزی کجاست؟", slug="was-ist-wo"
    )
    return directory


# --- German originals inside the Arabic and Farsi pages ---------------------------------


@pytest.mark.parametrize("lang", ["ar", "fa"])
def test_german_offer_is_a_german_block_inside_a_right_to_left_page(
    directory, towns, make_place, make_offer, lang: str
) -> None:
    offer = make_offer(
        "Deutschkurs am Abend",
        towns["Friedberg"],
        category="language_course",
        childcare=True,
        schedule="Di und Do 17:00–19:30",
        place=make_place(towns["Friedberg"], "Volkshochschule"),
    )
    offer.provider = "Volkshochschule Wetterau"
    offer.save(update_fields=["provider"])
    html = Client().get(f"/testkreis/{lang}/was-ist-wo/angebot/{offer.pk}/").text
    assert f'<html lang="{lang}" dir="rtl">' in html
    assert language_of(html, "Deutschkurs am Abend") == ("de", "ltr")  # the title
    assert language_of(html, "Volkshochschule Wetterau") == ("de", "ltr")
    # The labels around it stay in the page's language and direction.
    label = {"ar": "الجهة المقدِّمة", "fa": "ارائه‌دهنده"}[lang]
    assert language_of(html, label) == (lang, "rtl")
    notice = {"ar": "هذه الخدمة متوفرة بالألمانية فقط.", "fa": "این خدمت فقط به زبان آلمانی است."}
    assert language_of(html, notice[lang]) == (lang, "rtl")
    # Course times written the German way are shown in the visitor's language.
    assert "Di und Do" not in html
    expected = {"ar": "الثلاثاء والخميس 5:00–7:30 م", "fa": "سه‌شنبه و پنجشنبه ۱۷:۰۰ تا ۱۹:۳۰"}
    assert expected[lang] in html


def test_german_page_shows_the_offer_as_before(directory, towns, make_offer) -> None:
    offer = make_offer(
        "Deutschkurs",
        towns["Friedberg"],
        category="language_course",
        schedule="Di und Do 17:00–19:30",
    )
    html = Client().get(f"/testkreis/de/was-ist-wo/angebot/{offer.pk}/").text
    assert language_of(html, "Deutschkurs") == ("de", "ltr")
    assert "Di und Do 17:00–19:30" in html
    assert f"Zuletzt geprüft am {timezone.localdate():%d.%m.%Y}." in html


# --- dates and times ----------------------------------------------------------------


@pytest.fixture
def calendar(region, towns):
    """An events page in every language and a German event on 8 December 2026, 17:00."""
    home = Page.objects.get(url_path="/testkreis/de/")
    source = EventIndexPage(title="Veranstaltungen", slug="veranstaltungen")
    home.add_child(instance=source)
    publish(source)
    for code in ("ar", "fa"):
        target = Page.objects.get(url_path=f"/testkreis/{code}/")
        add_translation(
            source, target, target.locale, title=f"Events {code}", slug="veranstaltungen"
        )
    start = timezone.make_aware(datetime(2026, 12, 8, 17, 0))
    event = Event(
        region=region,
        locale=Locale.objects.get(language_code="de"),
        title="Elterncafé",
        summary="Für Eltern",
        organiser="Familienzentrum",
        area=towns["Nidda"],
        start=start,
        end=start + timedelta(hours=2, minutes=30),
    )
    event.save()
    event.save_revision().publish()
    return event


@pytest.fixture
def before_the_event(settings, monkeypatch):
    """Today is 1 December 2026 (the event lies ahead)."""
    fixed = timezone.make_aware(datetime(2026, 12, 1, 9, 0))
    monkeypatch.setattr(timezone, "now", lambda: fixed)


@pytest.mark.parametrize(
    ("lang", "day", "end"),
    [
        ("de", "Dienstag, 8. Dezember 2026, 17:00", "19:30"),
        ("ar", "الثلاثاء، 8 ديسمبر 2026، 5:00 م", "7:30 م"),
        ("fa", "سه‌شنبه ۸ دسامبر ۲۰۲۶،\u200f ۱۷:۰۰", "۱۹:۳۰"),
    ],
)
def test_event_dates_in_the_visitors_locale(calendar, before_the_event, lang, day, end) -> None:
    listing = Client().get(f"/testkreis/{lang}/veranstaltungen/").text
    assert f">{day}</time>" in listing
    assert f">{end}</time>" in listing
    detail = Client().get(f"/testkreis/{lang}/veranstaltungen/veranstaltung/{calendar.pk}/").text
    assert f">{day}</time>" in detail
    if lang != "de":
        assert "Dezember" not in listing


def test_formats_per_locale() -> None:
    when = timezone.make_aware(datetime(2026, 12, 8, 17, 0))
    assert localformat.format_day(when, "de") == "Dienstag, 8. Dezember 2026"
    assert localformat.format_day(when, "de-x-ls") == "Dienstag, 8. Dezember 2026"
    assert localformat.format_day(when, "uk") == "вівторок, 8 грудня 2026\u202fр."
    assert localformat.format_day(when, "tr") == "8 Aralık 2026 Salı"
    assert localformat.format_clock(time(17, 0), "en") == "5:00\u202fPM"
    assert localformat.format_hours(time(9, 0), time(12, 0), "de") == "09:00–12:00"
    assert localformat.format_hours(time(17, 0), time(19, 30), "ar") == "5:00–7:30 م"
    assert localformat.format_numeric_date(date(2026, 1, 5), "de") == "05.01.2026"
    assert localformat.format_weekday_and_time(when, "de") == "Dienstag, 17:00"
    assert localformat.format_weekday_and_time(when, "uk") == "вівторок, 17:00"


def test_digits_follow_cldr_default_numbering() -> None:
    assert localformat.numbering_system("ar") == "latn"  # CLDR's `ar` (not `ar-EG`)
    assert localformat.numbering_system("fa") == "arabext"
    assert localformat.with_digits("17:00", "fa") == "۱۷:۰۰"
    assert localformat.with_digits("17:00", "ckb") == "١٧:٠٠"
    assert localformat.with_digits("17:00", "uk") == "17:00"
    assert localformat.numbering_system("de-x-ls") == "latn"  # Easy German is German


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Di und Do 17:00–19:30", "ar", "الثلاثاء والخميس 5:00–7:30 م"),
        ("Di und Do 17:00–19:30", "uk", "вівторок і четвер 17:00–19:30"),
        ("Mo–Do 8:30–12:00", "uk", "понеділок–четвер 08:30–12:00"),
        ("Di 9–12 Uhr", "en", "Tuesday 9:00\u202fAM\u2009–\u200912:00\u202fPM"),
        (
            "Mo, Mi, Fr 9–12 Uhr; Sa 10–11",
            "uk",
            "понеділок, середа і пʼятниця 09:00–12:00; субота 10:00–11:00",
        ),
        ("Di und Do 17:00–19:30", "de", None),  # German stays as written
        ("nach Vereinbarung", "ar", None),  # anything else is left as it is
        ("Di 19–17 Uhr", "ar", None),
        ("Di 25–26 Uhr", "ar", None),
    ],
)
def test_german_course_times_in_other_languages(text, lang, expected) -> None:
    assert localformat.localize_schedule(text, lang) == expected
