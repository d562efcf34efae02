"""Importing a translated XLIFF file: check everything first, write nothing if anything is
wrong, write a valid file in one transaction (see `wir.translation.xliff.export` for the ids).

The checks of a translated text (markup, glossary, placeholders) and the publishing of a
complete target are shared with the translation editor (`editor_views`).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from wir.accounts.permissions import AnyUser, region_id_of
from wir.core.models import Region
from wir.translation import glossary, publishing, segments
from wir.translation.models import GlossaryTerm, TranslationJob
from wir.translation.xliff.export import (
    MAX_BYTES,
    keyed,
    object_label,
    segments_source_language,
    target_languages,
)
from wir.translation.xliff.formats import FormatError, InDocument, parse
from wir.translation.xliff.inline import InlineError, ids, parse_html, plain_text, to_html

MAX_REPORT_ROWS = 1000
logger = logging.getLogger(__name__)
_UNIT_ID = re.compile(r"^s(\d+):(.+)$")


@dataclass
class Problem:
    unit_id: str
    message: str


@dataclass
class Report:
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    imported: int = 0
    applied: list[str] = field(default_factory=list)
    version: str = ""
    units: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    def error(self, unit: str, message: str) -> None:
        self.errors.append(Problem(unit, message))


@dataclass
class _Prepared:
    source: TranslationSource
    instance: Any
    texts: dict[int, str] = field(default_factory=dict)
    originals: dict[int, tuple[str, segments.Unit]] = field(default_factory=dict)


class _RollbackError(Exception):
    pass


def STRICT_MESSAGE() -> str:  # noqa: N802 (a message, translated when used)
    return _("Strenge Prüfung: Hinweise zu Glossar und Platzhaltern gelten als Fehler.")


def import_file(
    data: bytes,
    region: Region,
    language_code: str,
    *,
    user: AnyUser | None = None,
    strict: bool = False,
) -> Report:
    """Check the XLIFF document `data` and import it if nothing is wrong (see module doc).

    Every attempt is kept as a `TranslationJob` with its report (who, when, what)."""
    report = _import(data, region, language_code, user=user, strict=strict)
    _record(report, region, language_code, user)
    return report


def _import(data: bytes, region: Region, language_code: str, *, user: Any, strict: bool) -> Report:
    report = Report()
    if len(data) > MAX_BYTES:
        report.error("", _("Die Datei ist größer als %(mb)d MB.") % {"mb": MAX_BYTES // 2**20})
        return report
    try:
        document = parse(data)
    except FormatError as error:
        report.error("", str(error))
        return report
    report.version = document.version
    report.units = len(document.units)
    if not document.units:
        report.error("", _("Die Datei enthält keine Übersetzungseinheiten."))
    _check_languages(document, region, language_code, report)
    if not report.ok:
        return report
    locale = Locale.objects.get(language_code=language_code)
    try:
        with transaction.atomic():
            prepared = _validate_units(document, region, locale, report)
            _check_glossary(prepared, region, language_code, report)
            _check_fixed(prepared, report)
            if strict and report.warnings:
                report.error("", STRICT_MESSAGE())
            if not report.ok:
                raise _RollbackError
            _write(prepared, locale, user, report)
    except _RollbackError:
        report.imported, report.applied = 0, []
    except Exception as error:  # the transaction rolled back; the user gets a report, not a 500
        logger.exception("XLIFF import failed")
        report.error(
            "", _("Import abgebrochen, nichts wurde gespeichert: %(error)s") % {"error": error}
        )
        report.imported, report.applied = 0, []
    return report


def _record(report: Report, region: Region, language_code: str, user: Any) -> None:
    rows = [
        {"level": level, "unit": problem.unit_id, "message": problem.message}
        for level, problems in (
            ("error", report.errors),
            ("warning", report.warnings),
            ("skipped", report.skipped),
        )
        for problem in problems
    ]
    TranslationJob.objects.create(
        region=region,
        kind=TranslationJob.Kind.XLIFF_IMPORT,
        language_code=language_code[:16],
        status=TranslationJob.Status.DONE if report.ok else TranslationJob.Status.FAILED,
        total=max(report.units, report.imported),
        done=report.imported,
        report=rows[:MAX_REPORT_ROWS],
        created_by=user if getattr(user, "pk", None) else None,
        finished_at=timezone.now(),
    )


def _check_languages(
    document: InDocument, region: Region, language_code: str, report: Report
) -> None:
    if document.source_language != segments_source_language():
        report.error(
            "",
            _("Die Ausgangssprache der Datei ist „%(code)s“, erwartet wird „de“.")
            % {"code": document.source_language},
        )
    for code in sorted(document.target_languages):
        if code != language_code:
            report.error(
                "",
                _("Die Zielsprache der Datei ist „%(found)s“, gewählt wurde „%(chosen)s“.")
                % {"found": code or "?", "chosen": language_code},
            )
    if language_code not in target_languages(region):
        report.error(
            "",
            _("Die Sprache „%(code)s“ ist in dieser Region nicht freigeschaltet.")
            % {"code": language_code},
        )


def _sources(document: InDocument, region: Region) -> dict[int, _Prepared]:
    pks = set()
    for unit in document.units:
        match = _UNIT_ID.match(unit.unit_id)
        if match:
            pks.add(int(match.group(1)))
    prepared: dict[int, _Prepared] = {}
    originals = TranslationSource.objects.filter(
        pk__in=pks, locale__language_code=segments_source_language()
    )
    for source in originals.select_related("locale"):
        try:
            instance = source.get_source_instance()
        except ObjectDoesNotExist:  # the original was deleted since the export
            continue
        if isinstance(instance, Page):
            instance = instance.specific
        if region_id_of(instance) != region.pk:
            continue
        prepared[source.pk] = _Prepared(segments.register(instance), instance)
    return prepared


def _validate_units(
    document: InDocument, region: Region, locale: Locale, report: Report
) -> list[_Prepared]:
    prepared = _sources(document, region)
    current = {
        pk: keyed(item.source, segments.units(item.source, locale)) for pk, item in prepared.items()
    }
    seen: set[str] = set()
    for unit in document.units:
        if unit.unit_id in seen:
            report.error(unit.unit_id, _("Die Einheit kommt mehrfach vor."))
            continue
        seen.add(unit.unit_id)
        match = _UNIT_ID.match(unit.unit_id)
        item = prepared.get(int(match.group(1))) if match else None
        original = current[item.source.pk].get(unit.unit_id) if item else None
        if item is None or original is None:
            report.error(unit.unit_id, _("Unbekannte Einheit: dieses Segment gibt es nicht mehr."))
            continue
        if segments.is_verbatim(original):
            report.skipped.append(
                Problem(unit.unit_id, _("Bleibt unverändert: kein Text zum Übersetzen."))
            )
            continue
        if unit.problem is not None:
            report.error(
                unit.unit_id,
                _("Fehlerhaftes Markup: nicht unterstütztes Element %(element)s.")
                % {"element": unit.problem},
            )
            continue
        assert unit.source is not None
        if to_html(unit.source) != to_html(parse_html(original.source)):
            report.error(
                unit.unit_id,
                _("Der deutsche Text wurde seit dem Export geändert; bitte neu exportieren."),
            )
            continue
        if unit.target is None:
            report.skipped.append(Problem(unit.unit_id, _("Leere Übersetzung übersprungen.")))
            continue
        html = _checked_target(unit.unit_id, unit.target, original, report)
        if html is not None:
            item.texts[original.segment_id] = html
            item.originals[original.segment_id] = (unit.unit_id, original)
    return [item for item in prepared.values() if item.texts]


def checked_translation(original: segments.Unit, target: Any) -> str:
    """The segment HTML of a translation (inline tree) of `original`, or SegmentError
    saying in German what is wrong with its markup."""
    expected = ids(parse_html(original.source))
    found = ids(target)
    unknown = [i for i, tag in found if (i, tag) not in expected]
    missing = [i for i, tag in expected if (i, tag) not in found]
    counts = Counter(i for i, _t in found)
    doubled = sorted(i for i, n in counts.items() if n > 1)
    if unknown or missing or doubled:
        parts = []
        if unknown:
            parts.append(_("unbekannt: %(ids)s") % {"ids": ", ".join(unknown)})
        if missing:
            parts.append(_("fehlt: %(ids)s") % {"ids": ", ".join(missing)})
        if doubled:
            parts.append(_("doppelt: %(ids)s") % {"ids": ", ".join(doubled)})
        raise segments.SegmentError(
            _("Fehlerhaftes Markup (Inline-Elemente %(details)s).") % {"details": "; ".join(parts)}
        )
    try:
        return segments.check(original, to_html(target))
    except (segments.SegmentError, InlineError) as error:
        raise segments.SegmentError(
            _("Fehlerhaftes Markup: %(error)s") % {"error": error}
        ) from error


def _checked_target(
    unit_id: str, target: Any, original: segments.Unit, report: Report
) -> str | None:
    try:
        return checked_translation(original, target)
    except segments.SegmentError as error:
        report.error(unit_id, str(error))
        return None


def _glossary_pattern(term: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(term)}(?!\w)", re.IGNORECASE)


def _pairs(prepared: list[_Prepared]) -> list[tuple[str, segments.Unit, str]]:
    """(unit key, original, checked translation) of everything about to be imported."""
    return [
        (key, original, html)
        for item in prepared
        for segment_id, html in item.texts.items()
        for key, original in [item.originals[segment_id]]
    ]


def _check_glossary(
    prepared: list[_Prepared], region: Region, language_code: str, report: Report
) -> None:
    report.warnings += glossary_warnings(_pairs(prepared), region, language_code)


def glossary_warnings(
    pairs: Iterable[tuple[str, segments.Unit, str]], region: Region, language_code: str
) -> list[Problem]:
    """Deviations from the region's glossary in (key, original, translated HTML) pairs."""
    terms = list(GlossaryTerm.objects.filter(region=region, language_code=language_code))
    if not terms:
        return []
    patterns = [(term, _glossary_pattern(term.term)) for term in terms]
    problems = []
    for key, original, html in pairs:
        german = plain_text(parse_html(original.source))
        translated = plain_text(parse_html(html)).casefold()
        for term, pattern in patterns:
            required = term.term if term.do_not_translate else term.translation
            if pattern.search(german) and required.casefold() not in translated:
                problems.append(
                    Problem(
                        key,
                        _("Glossar: „%(term)s“ soll als „%(required)s“ übersetzt werden.")
                        % {"term": term.term, "required": required},
                    )
                )
    return problems


def _check_fixed(prepared: list[_Prepared], report: Report) -> None:
    report.warnings += fixed_warnings(_pairs(prepared))


def _ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits as 0–9: a phone number written in them is the same."""
    return "".join(
        str(unicodedata.digit(c)) if c.isdigit() and not c.isascii() else c for c in text
    )


def fixed_warnings(pairs: Iterable[tuple[str, segments.Unit, str]]) -> list[Problem]:
    """Placeholders, addresses and phone numbers of the German text belong in the
    translation as they are (glossary.FIXED); each missing one is a warning."""
    problems = []
    for key, original, html in pairs:
        translated = _ascii_digits(plain_text(parse_html(html)))
        for token in glossary.fixed_tokens(plain_text(parse_html(original.source))):
            if token not in translated:
                problems.append(
                    Problem(
                        key,
                        _(
                            "„%(token)s“ fehlt in der Übersetzung (Platzhalter oder Angabe, "
                            "die unverändert bleiben soll)."
                        )
                        % {"token": token},
                    )
                )
    return problems


def _apply_order(item: _Prepared) -> tuple[int, str]:
    instance = item.instance
    return (0, instance.path) if isinstance(instance, Page) else (1, str(item.source.pk))


def _write(prepared: list[_Prepared], locale: Locale, user: Any, report: Report) -> None:
    for item in prepared:
        report.imported += segments.write(
            item.source, locale, item.texts, user=user, kind=segments.MANUAL, tool_name="XLIFF"
        )
    for item in sorted(prepared, key=_apply_order):
        held = publishing.publish_if_complete(item.source, item.instance, locale, user)
        if held is None:
            report.applied.append(object_label(item.instance))
        else:
            report.warnings.append(Problem("", held.message))
