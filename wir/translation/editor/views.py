"""The translation editor: translate one page or snippet into one language in the browser.

Text by text, with the German original (its inline markup visible as tags), what changed
since the last translation, and the same checks as an XLIFF import: the markup of the
original (links, bold, line breaks) must be kept, nothing new may be added. A form with
any faulty text saves nothing; a valid one is saved in one transaction, and the target is
published once every text is translated. Glossary and placeholder deviations are shown as
hints after saving. Translators reach only their assigned languages (404 otherwise).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import DatabaseError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale, Page

from wir.accounts.permissions import access_region, can_translate, region_id_of
from wir.accounts.roles import Perm
from wir.core.languages import is_rtl
from wir.core.models import Region
from wir.translation import memory, publishing, segments
from wir.translation.editor import actions, rules, suggestions
from wir.translation.editor.rules import Row
from wir.translation.machine import jobs
from wir.translation.models import PendingTranslation
from wir.translation.status import diffs, states
from wir.translation.status.views import german_original_or_404, language_name
from wir.translation.xliff import export, importing


def _limit(original: Any, path: str) -> int | None:
    try:
        field = original._meta.get_field(path.split(".", 1)[0])
    except FieldDoesNotExist:
        return None
    return getattr(field, "max_length", None)


def _rows(
    original: Any,
    source: Any,
    units: list[segments.Unit],
    changes: list[diffs.Change],
    tm: memory.Memory | None,
) -> list[Row]:
    """One row per text to translate (not the verbatim ones): a changed text is pre-filled
    with its earlier translation, an untranslated one gets the memory's suggestions."""
    by_segment = {change.segment_id: change for change in changes}
    rows = []
    for key, unit in export.keyed(source, units).items():
        if segments.is_verbatim(unit):
            continue  # slug, telephone number, recurrence rule: stay as they are
        links = [
            (link_id, attrs.get("href", ""))
            for link_id, attrs in sorted((unit.attrs or {}).items())
            if isinstance(attrs, dict)
        ]
        change = by_segment.get(unit.segment_id)
        prefill = change.old_translation if change and unit.target is None else ""
        rows.append(
            Row(
                unit,
                "t-" + key.split(":", 1)[1],
                export.field_label(original, unit.path),
                unit.target or prefill,
                links,
                change,
                limit=_limit(original, unit.path),
                prefill=prefill,
                suggestions=tm.suggest(unit.source) if tm and unit.target is None else [],
            )
        )
    return rows


def _url(region: Region, kind: str, object_id: int, language: str) -> str:
    return reverse("translation_editor", args=[region.slug, kind, object_id, language])


@require_http_methods(["GET", "POST"])
def edit(
    request: HttpRequest, region: str, kind: str, object_id: int, language: str
) -> HttpResponse:
    region_obj = access_region(request.user, region, Perm.TRANSLATE_CONTENT)
    if language not in states.region_languages(region_obj) or not can_translate(
        request.user, region_obj, language
    ):
        raise Http404
    original = german_original_or_404(region_obj, kind, object_id)
    here = _url(region_obj, kind, object_id, language)
    if language == jobs.EASY_GERMAN:
        messages.info(
            request,
            _(
                "Leichte Sprache wird nicht Satz für Satz übersetzt, sondern neu geschrieben: "
                "bitte im Seiten-Editor."
            ),
        )
        return redirect("translation_status", region=region_obj.slug)
    locale, _created = Locale.objects.get_or_create(language_code=language)
    source = segments.register(original)
    units = segments.units(source, locale)
    waiting = any(unit.target is None and not segments.is_verbatim(unit) for unit in units)
    tm = suggestions.region_memory(region_obj, locale) if waiting else None
    rows = _rows(original, source, units, diffs.changes(source, locale), tm)
    if request.method == "POST" and "publish" in request.POST:
        return _publish(request, original, source, locale, here)
    if request.method == "POST":
        response = _save(request, region_obj, original, source, locale, units, rows)
        if response is not None:
            return response
        return redirect(here)
    return _render(request, region_obj, original, kind, language, rows, 200)


def _publish(
    request: HttpRequest, original: Any, source: Any, locale: Locale, here: str
) -> HttpResponse:
    """An editor publishes texts a translator completed (or any complete translation)."""
    if not publishing.may_publish(request.user, original):
        messages.error(request, _("Veröffentlichen darf die Redaktion oder die Koordination."))
        return redirect(here)
    try:
        held = actions.publish_translation(source, original, locale, request.user)
    except (segments.SegmentError, ValidationError, DatabaseError) as error:
        messages.error(request, _("Nicht veröffentlicht: %(error)s") % {"error": _reason(error)})
        return redirect(here)
    if held is None:
        messages.success(request, _("Die Übersetzung ist veröffentlicht."))
    else:
        messages.warning(request, held.message)
    return redirect(here)


def _reason(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(error.messages)
    if isinstance(error, DatabaseError):
        return _("die Datenbank hat die Übersetzung abgelehnt (z. B. ein Text zu lang).")
    return str(error)


def _render(
    request: HttpRequest,
    region: Region,
    original: Any,
    kind: str,
    language: str,
    rows: list[Row],
    code: int,
) -> HttpResponse:
    pending = PendingTranslation.objects.filter(
        translation_key=original.translation_key, language_code=language
    ).first()
    context = {
        "region": region,
        "original": original,
        "pending": pending,
        "may_publish": publishing.may_publish(request.user, original),
        "label": export.object_label(original),
        "language": language,
        "language_name": language_name(language),
        "direction": "rtl" if is_rtl(language) else "ltr",
        "rows": rows,
        "translated": sum(1 for row in rows if row.unit.target is not None),
        "back": reverse("translation_status", args=[region.slug]) + f"?language={language}",
        "changes_url": reverse(
            "translation_status_cell", args=[region.slug, kind, original.pk, language]
        ),
    }
    return render(request, "translation/editor.html", context, status=code)


def _save(
    request: HttpRequest,
    region: Region,
    original: Any,
    source: Any,
    locale: Locale,
    units: list[segments.Unit],
    rows: list[Row],
) -> HttpResponse | None:
    """Check every submitted text, then save all or nothing; None means: saved, redirect."""
    texts, changed = rules.checked_texts(rows, request.POST)
    kind = request.resolver_match.kwargs["kind"] if request.resolver_match else ""
    faulty = sum(1 for row in rows if row.error)
    if faulty:
        messages.error(
            request,
            _("Nichts gespeichert: %(count)d Text(e) enthalten Fehler (siehe unten).")
            % {"count": faulty},
        )
        return _render(request, region, original, kind, locale.language_code, rows, 400)
    if not texts and not rules.verbatim_waiting(units):
        messages.info(request, _("Keine Änderungen: nichts gespeichert."))
        return None
    try:
        held = actions.save_texts(source, original, locale, texts, request.user, len(changed))
    except (segments.SegmentError, ValidationError, DatabaseError) as error:
        messages.error(request, _("Nichts gespeichert: %(error)s") % {"error": _reason(error)})
        return _render(request, region, original, kind, locale.language_code, rows, 400)
    _report_saved(request, region, locale, changed, texts, held)
    return None


def _report_saved(
    request: HttpRequest,
    region: Region,
    locale: Locale,
    changed: list[Row],
    texts: dict[int, str],
    held: publishing.Held | None,
) -> None:
    """What the saving did, and the glossary and placeholder hints of the saved texts."""
    pairs = [(row.label, row.unit, texts[row.unit.segment_id]) for row in changed]
    hints = importing.glossary_warnings(pairs, region, locale.language_code)
    hints += importing.fixed_warnings(pairs)
    if held is None:
        messages.success(
            request,
            _("%(count)d Text(e) gespeichert; die Übersetzung ist vollständig und veröffentlicht.")
            % {"count": len(changed)},
        )
    elif held.code == publishing.PENDING:
        messages.success(
            request,
            _(
                "%(count)d Text(e) gespeichert; die Übersetzung ist vollständig und wartet "
                "darauf, dass die Redaktion sie veröffentlicht."
            )
            % {"count": len(changed)},
        )
    else:
        messages.success(request, _("%(count)d Text(e) gespeichert.") % {"count": len(changed)})
        messages.warning(request, held.message)
    for hint in hints:
        messages.warning(request, f"{hint.unit_id}: {hint.message}")


def edit_target(request: HttpRequest, content_type_id: int, object_id: int) -> HttpResponse:
    """From a translated object (e.g. in the list of machine translations) to its editor."""
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist:
        model = None
    target = model._default_manager.filter(pk=object_id).first() if model else None
    if target is None:
        raise Http404
    if isinstance(target, Page):
        target, kind = target.specific, "page"
    else:  # only snippets the workflow translates (others have no locale)
        kind = next(
            (name for name, (model, *_r) in states.SNIPPETS.items() if isinstance(target, model)),
            "",
        )
    if not kind:
        raise Http404
    try:
        original = jobs.german_original(target)
    except jobs.MachineTranslationError as error:
        raise Http404 from error
    region_id = region_id_of(original)
    region = Region.objects.filter(pk=region_id).first() if region_id else None
    if region is None:
        raise Http404
    access_region(request.user, region.slug, Perm.TRANSLATE_CONTENT)
    language = Locale.objects.get(pk=target.locale_id).language_code  # type: ignore[union-attr]
    return redirect(_url(region, kind, original.pk, language))
