"""The catalogue of languages the platform knows (plain data, no Django models).

Settings derive `LANGUAGES` and `WAGTAIL_CONTENT_LANGUAGES` from it, and the `Language`
table is kept in step with it after every migration. A region enables a subset.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

Direction = Literal["ltr", "rtl"]


@dataclass(frozen=True)
class LanguageInfo:
    code: str  # BCP 47 tag in Django's lower-case form
    name_en: str
    name_de: str
    native_name: str
    direction: Direction = "ltr"


CATALOGUE: Final[tuple[LanguageInfo, ...]] = (
    LanguageInfo("de", "German", "Deutsch", "Deutsch"),
    # Easy German ("Leichte Sprache"): a private-use variant of German (BCP 47 "x-ls"),
    # translated from the German original like any other language.
    LanguageInfo("de-x-ls", "Easy German", "Leichte Sprache", "Leichte Sprache"),
    LanguageInfo("en", "English", "Englisch", "English"),
    LanguageInfo("ar", "Arabic", "Arabisch", "العربية", "rtl"),
    LanguageInfo("fa", "Persian (Farsi)", "Persisch (Farsi)", "فارسی", "rtl"),
    LanguageInfo("prs", "Dari", "Dari", "دری", "rtl"),
    LanguageInfo("ps", "Pashto", "Paschtu", "پښتو", "rtl"),
    LanguageInfo("uk", "Ukrainian", "Ukrainisch", "Українська"),
    LanguageInfo("ru", "Russian", "Russisch", "Русский"),
    LanguageInfo("tr", "Turkish", "Türkisch", "Türkçe"),
    LanguageInfo("ti", "Tigrinya", "Tigrinya", "ትግርኛ"),
    LanguageInfo("am", "Amharic", "Amharisch", "አማርኛ"),
    LanguageInfo("so", "Somali", "Somali", "Soomaali"),
    LanguageInfo("kmr", "Kurdish (Kurmanji)", "Kurdisch (Kurmandschi)", "Kurmancî"),
    LanguageInfo("ckb", "Kurdish (Sorani)", "Kurdisch (Sorani)", "کوردیی ناوەندی", "rtl"),
    LanguageInfo("ur", "Urdu", "Urdu", "اردو", "rtl"),
    LanguageInfo("fr", "French", "Französisch", "Français"),
    LanguageInfo("es", "Spanish", "Spanisch", "Español"),
    LanguageInfo("it", "Italian", "Italienisch", "Italiano"),
    LanguageInfo("pt", "Portuguese", "Portugiesisch", "Português"),
    LanguageInfo("pl", "Polish", "Polnisch", "Polski"),
    LanguageInfo("ro", "Romanian", "Rumänisch", "Română"),
    LanguageInfo("bg", "Bulgarian", "Bulgarisch", "Български"),
    LanguageInfo("sq", "Albanian", "Albanisch", "Shqip"),
    LanguageInfo("sr", "Serbian", "Serbisch", "Српски"),
    LanguageInfo("hr", "Croatian", "Kroatisch", "Hrvatski"),
    LanguageInfo("bs", "Bosnian", "Bosnisch", "Bosanski"),
    LanguageInfo("el", "Greek", "Griechisch", "Ελληνικά"),
    LanguageInfo("hu", "Hungarian", "Ungarisch", "Magyar"),
    LanguageInfo("ka", "Georgian", "Georgisch", "ქართული"),
    LanguageInfo("hy", "Armenian", "Armenisch", "Հայերեն"),
    LanguageInfo("vi", "Vietnamese", "Vietnamesisch", "Tiếng Việt"),
    LanguageInfo("zh-hans", "Chinese (simplified)", "Chinesisch (vereinfacht)", "简体中文"),
)

BY_CODE: Final[dict[str, LanguageInfo]] = {info.code: info for info in CATALOGUE}
DEFAULT_LANGUAGE: Final = "de"

# Languages in which the public site's own texts (menus, error pages) are translated.
INTERFACE_LANGUAGES: Final[tuple[str, ...]] = ("de", "en", "ar", "fa", "uk", "tr", "ru", "ti")


def is_rtl(code: str) -> bool:
    info = BY_CODE.get(code)
    return info is not None and info.direction == "rtl"


def extra_lang_info() -> dict[str, dict[str, object]]:
    """Entries for Django's LANG_INFO for catalogue languages Django does not know."""
    from django.conf.locale import LANG_INFO

    return {
        info.code: {
            "bidi": info.direction == "rtl",
            "code": info.code,
            "name": info.name_en,
            "name_local": info.native_name,
        }
        for info in CATALOGUE
        if info.code not in LANG_INFO
    }
