"""The search page of a region in one language."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from wir.core.request import region_of
from wir.portal.routes import answers
from wir.portal.search import MAX_QUERY_LENGTH, Hit, search_region
from wir.portal.views.pages import directory_and_calendar


@answers("home.search")
def search_view(request: HttpRequest, home: Page) -> HttpResponse:
    region = region_of(request)
    directory, events = directory_and_calendar(request, home)
    raw_query = request.GET.get("q", "")
    outcome = (
        search_region(
            region,
            request.LANGUAGE_CODE,
            raw_query,
            directory.get_url(request) if directory else None,
            home=home,
            events_url=events.get_url(request) if events else None,
        )
        if region is not None
        else None
    )
    hits = outcome.hits if outcome else []
    page_obj = Paginator(hits, settings.WIR_PAGE_SIZE).get_page(request.GET.get("seite"))
    context = home.get_context(request)
    context.update(
        {
            "outcome": outcome,
            "raw_query": raw_query[:MAX_QUERY_LENGTH],
            "page_obj": page_obj,
            "hit_cards": _hit_cards(page_obj.object_list, get_language()),
            "query_without_page": f"q={outcome.query}" if outcome else "",
        }
    )
    return TemplateResponse(request, "portal/search.html", context)


def _hit_cards(hits: Iterable[Hit], language_code: str) -> SafeString:
    """This page of hits as HTML, built here rather than by a template loop: the same
    markup the template had, every value escaped."""
    kinds = {
        "offer": escape(_("Angebot")),
        "event": escape(_("Veranstaltung")),
        "place": escape(_("Ort")),
    }
    other_kind = escape(_("Seite"))
    parts = []
    for hit in hits:
        kind = kinds.get(hit.kind, other_kind)
        other = (
            f' lang="{escape(hit.language_code)}" dir="ltr"'
            if hit.language_code != language_code
            else ""
        )
        summary = f'<p class="kern-body"{other}>{escape(hit.summary)}</p>' if hit.summary else ""
        parts.append(
            '\n    <li class="wir-card">'
            f'\n      <p class="kern-body kern-body--small wir-offer__category">{kind}</p>'
            f'\n      <h3 class="kern-heading-small"><a class="kern-link" href="{escape(hit.url)}"'
            f"{other}>{escape(hit.title)}</a></h3>"
            f"\n      {summary}\n    </li>\n    "
        )
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped
