"""The one way to say "this language, else the original in the default language (German)".

Translatable content (Wagtail's `TranslatableMixin`: a `locale` and a `translation_key`
shared by the translations) is written in German first and translated afterwards, so
everything shown in a language falls back to the German original where a translation is
missing, as Wagtail's `localized` does for one object:

- `localized(queryset, code)`: the rows of a translatable queryset in `code`, plus the
  originals of those not translated into it (one query, no loop);
- `translation_or_original(by_language, code)`: of objects (or anything) keyed by language
  code, the one in `code`, else the original.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from django.db.models import Model, Q, QuerySet

from wir.core.languages import DEFAULT_LANGUAGE

QuerySetT = TypeVar("QuerySetT", bound=QuerySet[Model])
T = TypeVar("T")


def localized(queryset: QuerySetT, language_code: str) -> QuerySetT:
    """Rows of a translatable queryset in `language_code`, else the original in
    `DEFAULT_LANGUAGE` (each translation key once)."""
    if language_code == DEFAULT_LANGUAGE:
        return queryset.filter(locale__language_code=DEFAULT_LANGUAGE)
    translated = queryset.filter(locale__language_code=language_code).values("translation_key")
    return queryset.filter(
        Q(locale__language_code=language_code)
        | (Q(locale__language_code=DEFAULT_LANGUAGE) & ~Q(translation_key__in=translated))
    )


def translation_or_original(by_language: Mapping[str, T], language_code: str) -> T | None:
    """The value for `language_code`, else the one for `DEFAULT_LANGUAGE`, else None."""
    return by_language.get(language_code) or by_language.get(DEFAULT_LANGUAGE)
