"""Views of the events calendar: upcoming list, one event, iCalendar feeds."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from wir.core.dates import DayError, parse_day
from wir.core.request import region_of
from wir.portal.events import calendar, events_in_language, upcoming
from wir.portal.models import Event, EventIndexPage
from wir.portal.publication import visible
from wir.portal.routes import answers


def _region(request: HttpRequest) -> Any:
    region = region_of(request)
    if region is None:
        raise Http404
    return region


def _window_start(request: HttpRequest) -> tuple[datetime, list[str]]:
    raw = request.GET.get("ab", "")
    if not raw:
        return timezone.now(), []
    try:
        day = parse_day(raw)
    except DayError as error:
        if error.out_of_range:
            return timezone.now(), [
                _("Datum ignoriert: Bitte ein Datum zwischen 1900 und 2199 angeben.")
            ]
        return timezone.now(), [_("Ungültiges Datum ignoriert; erwartet wird JJJJ-MM-TT.")]
    return timezone.make_aware(datetime.combine(day, time.min)), []


@answers("events.listing")
def event_listing(request: HttpRequest, page: EventIndexPage) -> HttpResponse:
    region = _region(request)
    start, notices = _window_start(request)
    listed = upcoming(region, request.LANGUAGE_CODE, start)
    page_obj = Paginator(listed, settings.WIR_PAGE_SIZE).get_page(request.GET.get("seite"))
    context = page.get_context(request)
    context.update(
        {
            "page_obj": page_obj,
            "notices": notices,
            "base_url": page.get_url(request),
            "query_without_page": f"ab={request.GET['ab']}"
            if "ab" in request.GET and not notices
            else "",
        }
    )
    return TemplateResponse(request, "portal/event_index_page.html", context)


def _event(request: HttpRequest, event_id: int) -> Event:
    region = _region(request)
    event = (
        visible(Event.objects.filter(region=region, pk=event_id))
        .select_related("place", "area", "locale")
        .first()
    )
    if event is None:
        raise Http404(_("Diese Veranstaltung gibt es nicht oder nicht mehr."))
    return event


@answers("events.event")
def event_detail(request: HttpRequest, page: EventIndexPage, event_id: int) -> HttpResponse:
    event = _event(request, event_id)
    region = _region(request)
    shown = (
        events_in_language(region, request.LANGUAGE_CODE)
        .filter(translation_key=event.translation_key)
        .first()
    )
    if shown is not None and shown.pk != event.pk:
        return redirect(f"{page.get_url(request)}veranstaltung/{shown.pk}/")
    now = timezone.now()
    context = page.get_context(request)
    context.update(
        {
            "event": event,
            "next_dates": event.occurrences_between(now, now + timedelta(days=365))[:10],
            "in_german_only": event.locale.language_code != request.LANGUAGE_CODE,
            "base_url": page.get_url(request),
        }
    )
    return TemplateResponse(request, "portal/event_detail.html", context)


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@answers("events.feed")
def calendar_feed(request: HttpRequest, page: EventIndexPage) -> HttpResponse:
    region = _region(request)
    base = request.build_absolute_uri(page.get_url(request) or "/")
    events = list(
        events_in_language(region, request.LANGUAGE_CODE).select_related("place", "locale")
    )
    content = calendar(
        events, f"{region.full_name} — {page.title}", lambda e: f"{base}veranstaltung/{e.pk}/"
    )
    return _ics(content, f"{region.slug}-{request.LANGUAGE_CODE}.ics")


@answers("events.event_feed")
def event_calendar(request: HttpRequest, page: EventIndexPage, event_id: int) -> HttpResponse:
    event = _event(request, event_id)
    base = request.build_absolute_uri(page.get_url(request) or "/")
    content = calendar([event], event.title, lambda e: f"{base}veranstaltung/{e.pk}/")
    return _ics(content, f"veranstaltung-{event.pk}.ics")
