"""Reading and validating an Integreat region's API v3 answers (no database writes).

Everything is read and validated before anything is written: `load_bundle` returns typed
records or raises `IntegreatFormatError` naming the file and the first offending path,
e.g. ``augsburg_de_pages.json: [3].parent.id: expected integer, got string``.

Sources are a folder of saved answers (file names as in the shared fixtures) or a running
Integreat CMS (``--url``), read with urllib.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar
from urllib.parse import quote, urlsplit

from pydantic import TypeAdapter, ValidationError

from wir.api.integreat.records import (
    EventRecord,
    ImprintRecord,
    LanguageRecord,
    LocationRecord,
    PageRecord,
    RegionRecord,
)
from wir.core.languages import DEFAULT_LANGUAGE

R = TypeVar("R")

# Integreat language codes that our catalogue spells differently.
LANGUAGE_ALIASES = {"zh-cn": "zh-hans", "ku": "kmr"}
CONTENT_KINDS = ("pages", "locations", "events", "imprint")
FETCH_TIMEOUT = 30.0  # seconds per request
MAX_ANSWER_BYTES = 50 * 1024 * 1024


class IntegreatError(Exception):
    """The import cannot go on; nothing has been written."""


class IntegreatFormatError(IntegreatError):
    def __init__(self, file: str, path: str, message: str) -> None:
        self.file, self.path, self.message = file, path, message
        super().__init__(f"{file}: {path}: {message}" if path else f"{file}: {message}")


class IntegreatSourceError(IntegreatError):
    """A file or URL could not be read (other than "not there")."""


@dataclass(frozen=True)
class Problem:
    """Something skipped and why (German, for the operator)."""

    what: str
    reason: str

    def __str__(self) -> str:
        return f"{self.what}: {self.reason}"


@dataclass(frozen=True)
class ImportLanguage:
    integreat_code: str  # as in Integreat's URLs and file names
    code: str  # our catalogue's code


@dataclass
class IntegreatBundle:
    """All validated answers of one Integreat region, per language (our codes)."""

    region_slug: str
    region: RegionRecord | None
    languages: list[ImportLanguage]
    pages: dict[str, list[PageRecord]] = field(default_factory=dict)
    locations: dict[str, list[LocationRecord]] = field(default_factory=dict)
    events: dict[str, list[EventRecord]] = field(default_factory=dict)
    imprints: dict[str, ImprintRecord] = field(default_factory=dict)
    skipped: list[Problem] = field(default_factory=list)

    def has_content(self, code: str) -> bool:
        return any(
            code in found for found in (self.pages, self.locations, self.events, self.imprints)
        )


# --- sources ---------------------------------------------------------------------------


class Source(Protocol):
    def read(self, kind: str, language: str | None = None) -> tuple[str, bytes | None]:
        """(name for messages, content); content None: the source does not have it."""


def file_name(region: str, kind: str, language: str | None = None) -> str:
    if kind == "region":
        return f"regions_{region}.json"
    if language is None:
        return f"{region}_{kind}.json"
    return f"{region}_{language}_{kind}.json"


def api_path(region: str, kind: str, language: str | None = None) -> str:
    if kind == "region":
        return f"/api/v3/regions/{quote(region)}/"
    if language is None:
        return f"/api/v3/{quote(region)}/{kind}/"
    # A series once, with its rule: a listing of single dates may stop at a horizon (ours:
    # 90 days), so a series far ahead would be missing. Occurrences are merged all the same.
    query = "?combine_recurring=True" if kind == "events" else ""
    return f"/api/v3/{quote(region)}/{quote(language)}/{kind}/{query}"


@dataclass(frozen=True)
class DirectorySource:
    directory: Path
    region: str

    def read(self, kind: str, language: str | None = None) -> tuple[str, bytes | None]:
        name = file_name(self.region, kind, language)
        path = self.directory / name
        if not path.is_file():
            return name, None
        try:
            return name, path.read_bytes()
        except OSError as error:
            raise IntegreatSourceError(f"{name}: nicht lesbar ({error})") from error


@dataclass(frozen=True)
class UrlSource:
    base_url: str
    region: str
    timeout: float = FETCH_TIMEOUT

    def read(self, kind: str, language: str | None = None) -> tuple[str, bytes | None]:
        url = self.base_url.rstrip("/") + api_path(self.region, kind, language)
        request = urllib.request.Request(  # noqa: S310 (scheme checked in check_base_url)
            url, headers={"Accept": "application/json", "User-Agent": "wir-integreat-import"}
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                return url, response.read(MAX_ANSWER_BYTES + 1)
        except urllib.error.HTTPError as error:
            if error.code == 404:
                return url, None
            raise IntegreatSourceError(f"{url}: HTTP {error.code}") from error
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise IntegreatSourceError(f"{url}: nicht erreichbar ({error})") from error


def check_base_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise IntegreatSourceError(f"--url braucht eine http(s)-Adresse, nicht {url!r}.")
    return url


# --- validation ------------------------------------------------------------------------

_EXPECTED = {
    "int_type": "expected integer",
    "int_parsing": "expected integer",
    "int_from_float": "expected integer",
    "string_type": "expected string",
    "bool_type": "expected boolean",
    "float_type": "expected number",
    "list_type": "expected list",
    "dict_type": "expected object",
    "model_type": "expected object",
    "model_attributes_type": "expected object",
    "datetime_type": "expected date-time",
    "datetime_parsing": "expected date-time",
    "datetime_from_date_parsing": "expected date-time",
    "missing": "missing",
    "string_pattern_mismatch": "expected time HH:MM",
    "string_too_short": "must not be empty",
}


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "list"
    return "object"


def format_location(location: Sequence[int | str]) -> str:
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def first_error(error: ValidationError) -> tuple[str, str]:
    """(path, message) of the first problem pydantic found."""
    detail = error.errors()[0]
    kind = detail["type"]
    if kind == "json_invalid":
        return "", f"kein gültiges JSON ({detail['ctx'].get('error', detail['msg'])})"
    message = _EXPECTED.get(kind)
    if message is None:
        message = str(detail["msg"]).removeprefix("Value error, ")
    elif kind == "string_pattern_mismatch":
        message = f"{message}, got {detail.get('input')!r}"
    elif kind not in ("missing", "string_too_short"):
        message = f"{message}, got {json_type(detail.get('input'))}"
    return format_location(detail["loc"]), message


def parse(name: str, raw: bytes, adapter: TypeAdapter[R]) -> R:
    if len(raw) > MAX_ANSWER_BYTES:
        raise IntegreatFormatError(name, "", "Antwort zu groß")
    try:
        return adapter.validate_json(raw)
    except ValidationError as error:
        path, message = first_error(error)
        raise IntegreatFormatError(name, path, message) from None


LANGUAGES = TypeAdapter(list[LanguageRecord])
REGION = TypeAdapter(RegionRecord)
PAGES = TypeAdapter(list[PageRecord])
LOCATIONS = TypeAdapter(list[LocationRecord])
EVENTS = TypeAdapter(list[EventRecord])
IMPRINT = TypeAdapter(ImprintRecord)


def our_language_code(integreat_code: str) -> str:
    code = integreat_code.lower()
    return LANGUAGE_ALIASES.get(code, code)


def select_languages(
    offered: list[LanguageRecord], wanted: list[str] | None, catalogue: set[str]
) -> tuple[list[ImportLanguage], list[Problem]]:
    """The languages to import, German first, and the ones skipped with the reason."""
    chosen: list[ImportLanguage] = []
    skipped: list[Problem] = []
    offered_codes = {language.code for language in offered}
    for code in wanted or []:
        if code not in offered_codes:
            skipped.append(Problem(f"Sprache {code}", "bietet die Integreat-Region nicht an"))
    for language in offered:
        if wanted and language.code not in wanted:
            continue
        ours = our_language_code(language.code)
        if ours not in catalogue:
            skipped.append(
                Problem(f"Sprache {language.code}", "nicht im Sprachkatalog der Plattform")
            )
            continue
        chosen.append(ImportLanguage(language.code, ours))
    chosen.sort(key=lambda item: item.code != DEFAULT_LANGUAGE)
    return chosen, skipped


def load_bundle(
    source: Source, region_slug: str, wanted: list[str] | None, catalogue: set[str]
) -> IntegreatBundle:
    """Read and validate everything first. Raises IntegreatError on anything fatal."""
    name, raw = source.read("languages")
    if raw is None:
        raise IntegreatSourceError(f"{name}: nicht gefunden — ohne Sprachliste kein Import.")
    languages, skipped = select_languages(parse(name, raw, LANGUAGES), wanted, catalogue)
    region_name, region_raw = source.read("region")
    region = parse(region_name, region_raw, REGION) if region_raw is not None else None
    bundle = IntegreatBundle(region_slug, region, languages, skipped=skipped)
    for language in languages:
        _load_language(source, bundle, language)
    # A language without any content would only get an empty home page.
    for language in list(bundle.languages):
        if not bundle.has_content(language.code):
            bundle.languages.remove(language)
            bundle.skipped.append(
                Problem(f"Sprache {language.integreat_code}", "keine Inhalte gefunden")
            )
    if not bundle.languages:
        reasons = "; ".join(str(problem) for problem in bundle.skipped) or "keine Sprachen"
        raise IntegreatSourceError(f"Nichts zu importieren ({reasons}).")
    return bundle


def _load_language(source: Source, bundle: IntegreatBundle, language: ImportLanguage) -> None:
    lang, code = language.integreat_code, language.code
    for kind in CONTENT_KINDS:
        name, raw = source.read(kind, lang)
        if raw is None:
            bundle.skipped.append(Problem(name, "nicht gefunden, übersprungen"))
            continue
        if kind == "pages":
            bundle.pages[code] = parse(name, raw, PAGES)
        elif kind == "locations":
            bundle.locations[code] = parse(name, raw, LOCATIONS)
        elif kind == "events":
            bundle.events[code] = parse(name, raw, EVENTS)
        else:
            bundle.imprints[code] = parse(name, raw, IMPRINT)
