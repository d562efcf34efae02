"""Template helpers of the public site: German blocks inside other languages' pages, and
dates, weekdays and times in the visitor's locale (`wir.portal.localformat`)."""

from __future__ import annotations

from datetime import date, datetime, time

from django import template
from django.utils.safestring import SafeString, mark_safe

from wir.portal import localformat

register = template.Library()

GERMAN_BLOCK = mark_safe(' lang="de" dir="ltr"')


@register.simple_tag
def german_block(is_german: bool | str, page_language: str = "") -> SafeString:
    """` lang="de" dir="ltr"` on a block of German text inside a page in another language:
    only that block runs left to right, the page around it keeps its direction.

    `{% german_block in_german_only as de %}`, or with the text's language and the page's:
    `{% german_block contact.locale.language_code language_code as de %}`."""
    if page_language:
        is_german = is_german != page_language
    return GERMAN_BLOCK if is_german else mark_safe("")


@register.filter
def local_date(value: date | datetime | None) -> str:
    return localformat.format_day(value) if value else ""


@register.filter
def local_datetime(value: datetime | None) -> str:
    return localformat.format_day_and_time(value) if value else ""


@register.filter
def local_time(value: time | datetime | None) -> str:
    return localformat.format_clock(value) if value is not None else ""


@register.filter
def local_weekday_time(value: datetime | None) -> str:
    return localformat.format_weekday_and_time(value) if value else ""


@register.filter
def local_numeric_date(value: date | datetime | None) -> str:
    return localformat.format_numeric_date(value) if value else ""


@register.simple_tag
def local_hours(opens: time, closes: time) -> str:
    return localformat.format_hours(opens, closes)


@register.filter
def local_schedule(text: str) -> str:
    """Course times or office hours written the German way, in the visitor's language
    when the text follows that pattern; otherwise the text as written."""
    return localformat.localize_schedule(text) or text
