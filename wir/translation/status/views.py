"""Admin screens of the translation status: the matrix of a region and one cell.

Thin views: the status comes from `wir.translation.status.states`, permissions from
`wir.accounts.permissions`; a foreign or unknown object is "not found", never an error.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from wir.accounts.permissions import (
    access_region,
    can_translate,
    regions_where,
    translation_languages,
)
from wir.accounts.roles import Perm
from wir.core.languages import BY_CODE, DEFAULT_LANGUAGE
from wir.core.models import Region
from wir.translation.status import diffs, easy_german, states

ROWS_PER_PAGE = 100
STATUS_ICONS = {
    states.UP_TO_DATE: "success",
    states.OUTDATED: "warning",
    states.MISSING: "cross",
    states.MACHINE_UNREVIEWED: "cogs",
    states.DRAFT: "edit",
    states.UNKNOWN: "help",
}


def language_name(code: str) -> str:
    info = BY_CODE.get(code)
    return info.name_de if info else code


def index(request: HttpRequest) -> HttpResponse:
    regions = list(regions_where(request.user, Perm.TRANSLATE_CONTENT).order_by("name"))
    if len(regions) == 1:
        return redirect("translation_status", region=regions[0].slug)
    return render(request, "translation/status_regions.html", {"regions": regions})


def matrix(request: HttpRequest, region: str) -> HttpResponse:
    region_obj = access_region(request.user, region, Perm.TRANSLATE_CONTENT)
    languages = translation_languages(request.user, region_obj.pk)
    filters = {
        "language": request.GET.get("language", ""),
        "section": request.GET.get("section", ""),
        "status": request.GET.get("status", ""),
    }
    error = ""
    try:
        result = states.matrix(region_obj, languages=languages, **filters)
    except states.FilterError as bad:
        error = _("Unbekannter Filterwert: %(value)s. Es werden alle Einträge gezeigt.") % {
            "value": str(bad)
        }
        result = states.matrix(region_obj, languages=languages)
        filters = dict.fromkeys(filters, "")
    all_languages = states.region_languages(region_obj)
    if languages is not None:
        all_languages = [code for code in all_languages if code in languages]
    page = Paginator(result.rows, ROWS_PER_PAGE).get_page(request.GET.get("p"))
    query = {key: value for key, value in filters.items() if value}
    context = {
        "region": region_obj,
        "matrix": result,
        "page": page,
        "query": urlencode(query),
        "filters": filters,
        "error": error,
        "languages": [(code, language_name(code)) for code in result.languages],
        "language_choices": [(code, language_name(code)) for code in all_languages],
        "status_choices": list(states.STATUSES.items()),
        "easy_german": states.EASY_GERMAN in result.languages,
        "rows": [
            (
                row.item,
                [
                    (
                        code,
                        language_name(code),
                        row.cells[code],
                        STATUS_ICONS[row.cells[code].status],
                    )
                    for code in result.languages
                ],
            )
            for row in page.object_list
        ],
        "counts": [
            (
                code,
                language_name(code),
                [(s, label, result.counts[code][s]) for s, label in states.STATUSES.items()],
            )
            for code in result.languages
        ],
    }
    return render(request, "translation/status.html", context, status=400 if error else 200)


def german_original_or_404(region: Region, kind: str, object_id: int) -> Any:
    """The German original of the region, or 404 (missing and foreign look alike)."""
    german = Locale.objects.filter(language_code=DEFAULT_LANGUAGE).first()
    if kind == "page":
        root = region.root_page
        page = (
            Page.objects.filter(
                pk=object_id, path__startswith=root.path if root else "-", locale=german
            )
            .exclude(depth__lte=(root.depth + 1) if root else 0)
            .first()
        )
        if page is None:
            raise Http404
        return page.specific
    if kind not in states.SNIPPETS:
        raise Http404
    model = states.SNIPPETS[kind][0]
    original = model.objects.filter(pk=object_id, region=region, locale=german).first()
    if original is None:
        raise Http404
    return original


@require_http_methods(["GET", "POST"])
def cell(
    request: HttpRequest, region: str, kind: str, object_id: int, language: str
) -> HttpResponse:
    region_obj = access_region(request.user, region, Perm.TRANSLATE_CONTENT)
    if language not in states.region_languages(region_obj) or not can_translate(
        request.user, region_obj, language
    ):
        raise Http404
    original = german_original_or_404(region_obj, kind, object_id)
    if language == states.EASY_GERMAN:
        return _easy_german_cell(request, region_obj, kind, original)
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        raise Http404
    source = TranslationSource.objects.filter(
        object_id=original.translation_key, locale=original.locale
    ).first()
    found = diffs.changes(source, locale) if source is not None else []
    here = reverse("translation_status_cell", args=[region_obj.slug, kind, object_id, language])
    if request.method == "POST":
        if source is None or not found:
            messages.info(request, _("Es gibt keine Änderungen, die zu übernehmen wären."))
            return redirect(here)
        count = diffs.keep_translations(request.user, source, locale)
        messages.success(
            request,
            _("%(count)s Text(e) als kleine Änderung übernommen; die Übersetzung gilt als aktuell.")
            % {"count": count},
        )
        return redirect(here)
    context = {
        "region": region_obj,
        "original": original,
        "kind": kind,
        "language": language,
        "language_name": language_name(language),
        "registered": source is not None,
        "changes": found,
        "back": reverse("translation_status", args=[region_obj.slug]),
    }
    return render(request, "translation/status_cell.html", context)


def _easy_german_cell(
    request: HttpRequest, region: Region, kind: str, original: Any
) -> HttpResponse:
    """Easy German is compared as a whole version: the German changes since its basis, and
    the confirmation that they were minor."""
    language = states.EASY_GERMAN
    here = reverse("translation_status_cell", args=[region.slug, kind, original.pk, language])
    if request.method == "POST":
        try:
            easy_german.confirm_minor_change(
                request.user, region, original, request.POST.get("german_published_at", "")
            )
        except easy_german.EasyGermanError as refused:
            messages.error(request, str(refused))
        else:
            messages.success(
                request,
                _(
                    "Als kleine Änderung bestätigt: die Fassung in Leichter Sprache gilt für den "
                    "jetzigen deutschen Text."
                ),
            )
        return redirect(here)
    current = easy_german.state(original)
    outdated = current.status == states.OUTDATED
    context = {
        "region": region,
        "original": original,
        "kind": kind,
        "language": language,
        "language_name": language_name(language),
        "state": current,
        "status_label": states.STATUSES[current.status],
        "outdated": outdated,
        "changes": easy_german.german_changes(current) if outdated else [],
        "german_stamp": easy_german.stamp(current.german_at),
        "back": reverse("translation_status", args=[region.slug]),
    }
    return render(request, "translation/status_cell_easy.html", context)
