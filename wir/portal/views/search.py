"""The search page of a region in one language."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail.models import Page

from wir.core.request import region_of
from wir.portal.routes import answers
from wir.portal.search import MAX_QUERY_LENGTH, search_region
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
            "query_without_page": f"q={outcome.query}" if outcome else "",
        }
    )
    return TemplateResponse(request, "portal/search.html", context)
