"""Dates, weekdays and times in the visitor's locale (CLDR data through Babel).

German pages keep their established formats ("Dienstag, 8. Dezember 2026, 17:00",
"05.01.2026"); every other language gets the patterns, names and digits CLDR gives its
locale. Digits follow the locale's *default* numbering system in CLDR: Persian (`fa`) and
Pashto (`ps`) write Extended Arabic-Indic digits (۱۷:۰۰), Sorani (`ckb`) Arabic-Indic ones,
and Arabic (`ar`, no country) Latin digits — CLDR's default for `ar` since version 44
(`ar-EG`, `ar-SY` or `ar-IQ` would give ١٧:٠٠). We keep `ar`: the same digits as on the
phone numbers, addresses and timetables of the district on the same page. `NUMBERING`
below is the one place to choose otherwise.

Free-text course times in the German way ("Di und Do 17:00–19:30", "Mo–Do 8:30–12:00",
"Di 9–12 Uhr") are rewritten for the visitor when the whole text follows that pattern
(`localize_schedule`); any other text is left as it was written.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_interval, format_time, get_day_names
from babel.lists import format_list
from django.utils import formats, timezone
from django.utils.translation import get_language, override

GERMAN = {"de", "de-x-ls"}
# Our language codes that are no CLDR locale of their own → the CLDR locale to use.
CLDR_LOCALE = {"de-x-ls": "de", "prs": "fa_AF", "kmr": "ku"}
# A locale's numbering system where we do not take CLDR's default (see the module doc).
NUMBERING: dict[str, str] = {}
DIGITS = {
    "latn": "0123456789",
    "arab": "٠١٢٣٤٥٦٧٨٩",
    "arabext": "۰۱۲۳۴۵۶۷۸۹",
}


def _language(language: str | None) -> str:
    return (language or get_language() or "de").lower()


def cldr_locale(language: str | None = None) -> Locale:
    """The CLDR locale of one of our language codes (German when CLDR does not know it)."""
    code = _language(language)
    try:
        return Locale.parse(CLDR_LOCALE.get(code, code).replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("de")


def numbering_system(language: str | None = None) -> str:
    code = _language(language)
    return NUMBERING.get(code) or cldr_locale(code).default_numbering_system


def with_digits(text: str, language: str | None = None) -> str:
    """`text` with its Latin digits written in the locale's digits."""
    digits = DIGITS.get(numbering_system(language))
    if digits is None or digits == DIGITS["latn"]:
        return text
    return text.translate(str.maketrans(DIGITS["latn"], digits))


def _local(value: datetime) -> datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


def _hour_skeleton(locale: Locale) -> str:
    """'Hm' where the locale writes 17:00, 'hm' where it writes 5:00 PM."""
    return "hm" if "h" in locale.time_formats["short"].pattern else "Hm"


def format_day(value: date | datetime, language: str | None = None) -> str:
    """Weekday and date in full: "Dienstag, 8. Dezember 2026", "الثلاثاء، 8 ديسمبر 2026"."""
    if isinstance(value, datetime):
        value = _local(value)
    if _language(language) in GERMAN:
        with override("de"):
            return formats.date_format(value, "l, j. F Y")
    return with_digits(format_date(value, "full", locale=cldr_locale(language)), language)


def format_clock(value: time | datetime, language: str | None = None) -> str:
    """A time of day: "17:00", "5:00 م", "۱۷:۰۰"."""
    if isinstance(value, datetime):
        value = _local(value)
    if _language(language) in GERMAN:
        return formats.time_format(value, "H:i")
    return with_digits(format_time(value, "short", locale=cldr_locale(language)), language)


def format_day_and_time(value: datetime, language: str | None = None) -> str:
    """Weekday, date and time: "Dienstag, 8. Dezember 2026, 17:00"."""
    value = _local(value)
    if _language(language) in GERMAN:
        with override("de"):
            return formats.date_format(value, "l, j. F Y, H:i")
    locale = cldr_locale(language)
    glue = str(locale.datetime_formats["medium"])
    return glue.replace("{1}", format_day(value, language)).replace(
        "{0}", format_clock(value, language)
    )


def format_weekday_and_time(value: datetime, language: str | None = None) -> str:
    """Weekday and time (when a place opens again): "Dienstag, 09:00", "الثلاثاء، 9:00 ص"."""
    value = _local(value)
    if _language(language) in GERMAN:
        with override("de"):
            return formats.date_format(value, "l, H:i")
    locale = cldr_locale(language)
    glue = str(locale.datetime_formats["medium"])
    weekday = get_day_names("wide", locale=locale)[value.weekday()]
    return glue.replace("{1}", weekday).replace("{0}", format_clock(value, language))


def format_numeric_date(value: date | datetime, language: str | None = None) -> str:
    """A date in short form: "05.01.2026", "05‏/01‏/2026", "5 ژانویهٔ 2026"."""
    if isinstance(value, datetime):
        value = _local(value)
    if _language(language) in GERMAN:
        return formats.date_format(value, "d.m.Y")
    return with_digits(format_date(value, "medium", locale=cldr_locale(language)), language)


def format_hours(opens: time, closes: time, language: str | None = None) -> str:
    """Opening hours of one slot: "17:00–19:30", "5:00–7:30 م", "۱۷:۰۰ تا ۱۹:۳۰"."""
    if _language(language) in GERMAN:
        return f"{formats.time_format(opens, 'H:i')}–{formats.time_format(closes, 'H:i')}"
    locale = cldr_locale(language)
    interval = format_interval(opens, closes, _hour_skeleton(locale), locale=locale)
    return with_digits(interval, language)


# --- free-text course times written the German way ------------------------------------

WEEKDAYS = {"mo": 0, "di": 1, "mi": 2, "do": 3, "fr": 4, "sa": 5, "so": 6}
_DAY = r"(?:mo|di|mi|do|fr|sa|so)\.?"
_DAYS = re.compile(rf"^{_DAY}(?:\s*(?:[–-]|bis)\s*{_DAY}|(?:\s*(?:,|und|u\.)\s*{_DAY})*)$", re.I)
_TIME = r"(\d{1,2})(?:[:.](\d{2}))?"
_GROUP = re.compile(
    rf"^(?P<days>.+?)\s+{_TIME}\s*(?:[–-]|bis)\s*{_TIME}(?:\s*Uhr)?$",
    re.I,
)


def _clock(hour: str, minute: str | None) -> time | None:
    h, m = int(hour), int(minute or 0)
    return time(h, m) if h < 24 and m < 60 else None


def _days(text: str) -> list[int] | None:
    """Weekday numbers of "Di und Do", "Mo, Mi, Fr" ([...]) or "Mo–Do" (range as [0, -1, 3])."""
    text = text.strip()
    if not _DAYS.match(text):
        return None
    names = [WEEKDAYS[n.lower()] for n in re.findall(r"mo|di|mi|do|fr|sa|so", text, re.I)]
    if re.search(r"[–-]|bis", text):
        return [names[0], -1, names[-1]]
    return names


def localize_schedule(text: str, language: str | None = None) -> str | None:
    """German course times ("Di und Do 17:00–19:30; Sa 10–12 Uhr") in the visitor's
    language, or None when the text does not follow that pattern (it is then shown as it
    was written) or the visitor reads German."""
    if _language(language) in GERMAN or not text.strip():
        return None
    locale = cldr_locale(language)
    names = get_day_names("wide", locale=locale)
    parts = []
    for group in re.split(r"\s*;\s*", text.strip()):
        match = _GROUP.match(group)
        if match is None:
            return None
        days = _days(match.group("days"))
        opens = _clock(match.group(2), match.group(3))
        closes = _clock(match.group(4), match.group(5))
        if days is None or opens is None or closes is None or closes <= opens:
            return None
        if -1 in days:
            day_text = f"{names[days[0]]}–{names[days[2]]}"
        else:
            day_text = format_list([names[d] for d in days], locale=locale)
        parts.append(f"{day_text} {format_hours(opens, closes, language)}")
    return "; ".join(parts)


def weekday_names(language: str | None = None) -> list[str] | None:
    """Monday to Sunday in the visitor's language, or None for German (whose labels the
    models carry)."""
    if _language(language) in GERMAN:
        return None
    return [get_day_names("wide", locale=cldr_locale(language))[day] for day in range(7)]
