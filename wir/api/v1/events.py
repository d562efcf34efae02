"""/api/v1/regions/{region}/{language}/events/: occurrences in a date range, and events."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router

from wir.api.http import cached_json
from wir.api.pagination import ApiError, paginate
from wir.api.resolve import home_or_404, region_or_404
from wir.api.v1 import schemas
from wir.api.v1 import serializers as out
from wir.api.v1.params import ISO_DATE, event_window, iso_date
from wir.api.v1.schemas import ERRORS
from wir.portal.events import events_in_language

router = Router()


@router.get(
    "/regions/{region}/{language}/events/",
    response={200: schemas.PageOf[schemas.OccurrenceOut], **ERRORS},
    tags=["events"],
)
def events(
    request: HttpRequest,
    region: str,
    language: str,
    start: str | None = Query(
        None, alias="from", pattern=ISO_DATE, description="First day, YYYY-MM-DD (default: today)."
    ),
    end: str | None = Query(
        None, alias="to", pattern=ISO_DATE, description="Last day (default: from + 90 days)."
    ),
) -> HttpResponse:
    """Occurrences in a date range, recurring events expanded, in time order."""
    found = region_or_404(region)
    home = home_or_404(found, language)
    window_start, window_end = event_window(iso_date(start, "from"), iso_date(end, "to"))

    def build() -> dict[str, Any]:
        sections = out.sections_of(home)
        candidates = (
            events_in_language(found, language)
            .filter(start__lt=window_end)
            .select_related("place", "locale")
        )
        occurrences = sorted(
            (
                (occurrence, event)
                for event in candidates
                for occurrence in event.occurrences_between(window_start, window_end)
            ),
            key=lambda pair: (pair[0].start, pair[1].title, pair[1].pk),
        )
        items = [
            {
                "event_id": event.pk,
                "title": event.title,
                "summary": event.summary,
                "start": occurrence.start,
                "end": occurrence.end,
                "recurring": bool(event.recurrence),
                "place": str(event.place) if event.place else None,
                "online_url": event.online_url,
                "language": event.locale.language_code,
                "path": sections.event_path(event.pk),
            }
            for occurrence, event in occurrences
        ]
        return paginate(request, items, lambda chunk: chunk)

    return cached_json(request, build, region=found)


@router.get(
    "/regions/{region}/{language}/events/{event_id}/",
    response={200: schemas.EventOut, **ERRORS},
    tags=["events"],
)
def event_detail(request: HttpRequest, region: str, language: str, event_id: int) -> HttpResponse:
    found = region_or_404(region)
    home = home_or_404(found, language)
    event = (
        events_in_language(found, language)
        .filter(pk=event_id)
        .select_related("place__area", "area", "locale")
        .prefetch_related(*out.places_prefetch("place__"))
        .first()
    )
    if event is None:
        raise ApiError(404, f"There is no public event {event_id} in this region and language.")
    return cached_json(request, lambda: out.event_out(event, out.sections_of(home)), region=found)
