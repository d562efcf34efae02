"""/api/v1/: the platform's own read-only API (and feedback), documented as OpenAPI 3.1.

Every GET goes through `wir.api.http.cached_json`: strong ETags, 304, Last-Modified,
gzip/br, CORS. Every list is paginated (?page=&page_size=). Bad parameters answer 400
with the parameter named; unknown regions, languages and ids answer 404.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import NinjaAPI, Query
from ninja.errors import ValidationError
from ninja.openapi.docs import Swagger
from wagtail.models import Page

from wir.api.http import add_public_headers, cached_json, dumps, json_error
from wir.api.pagination import ApiError, paginate
from wir.api.resolve import home_or_404, region_or_404
from wir.api.v1 import schemas
from wir.api.v1 import serializers as out
from wir.core.dates import EARLIEST_DAY, LATEST_DAY, DayError, parse_day
from wir.core.languages import BY_CODE
from wir.core.models import Area, Region
from wir.core.queries import municipalities, visible_languages
from wir.core.translations import localized
from wir.portal.directory import DirectoryFilters, distance_km, find_offers
from wir.portal.events import events_in_language
from wir.portal.feedback import FeedbackInput, rate_limited, record_feedback
from wir.portal.models import Contact, Event, Offer, Place, TargetGroup
from wir.portal.models.contacts import Topic
from wir.portal.models.offers import LEGACY_CATEGORIES, Category, expand_categories
from wir.portal.publication import visible
from wir.portal.search import search_region

MAX_EVENT_DAYS = 366

api = NinjaAPI(
    title="WIR-Plattform – öffentliche API",
    version="1",
    description=(
        "Read-only public content of the regions: pages, offers, places, events, contacts "
        "and search, per region and language. No personal data. Lists are paginated; "
        "answers carry strong ETags and Last-Modified and honour conditional requests. "
        "The Integreat-compatible API is at /api/v3/."
    ),
    urls_namespace="api-v1",
    docs=Swagger(settings={"persistAuthorization": False}),
    docs_url="/docs/",
    openapi_url="/openapi.json",
)

ERRORS: dict[int, Any] = {400: schemas.ErrorOut, 404: schemas.ErrorOut}


@api.exception_handler(ApiError)
def api_error(request: HttpRequest, error: ApiError) -> HttpResponse:
    extra = {"parameter": error.parameter} if error.parameter else {}
    return json_error(request, error.status, error.detail, **extra)


@api.exception_handler(ValidationError)
def invalid_input(request: HttpRequest, error: ValidationError) -> HttpResponse:
    first = error.errors[0] if error.errors else {}
    location = [str(part) for part in first.get("loc", ())]
    parameter = location[-1] if location else None
    if location and location[0] == "body":
        # ("body", "<argument>", "field", ...): name the field, not our argument
        parameter = ".".join(location[2:]) or "body"
    message = first.get("msg", "invalid value")
    return json_error(request, 400, f"Invalid '{parameter}': {message}.", parameter=parameter)


# --- resolving the address ------------------------------------------------------------


def page_or_404(home: Page, page_id: int) -> Page:
    page = (
        visible(Page.objects.descendant_of(home))
        .filter(pk=page_id)
        .select_related("content_type")
        .first()
    )
    if page is None:
        raise ApiError(404, f"There is no page {page_id} in this region and language.")
    return page


# --- regions --------------------------------------------------------------------------


@api.get("/regions/", response={200: schemas.PageOf[schemas.RegionOut], **ERRORS}, tags=["regions"])
def regions(request: HttpRequest) -> HttpResponse:
    """All public regions with their languages."""

    def build() -> dict[str, Any]:
        rows = Region.objects.filter(is_active=True).order_by("name")
        return paginate(
            request,
            rows,
            lambda chunk: [out.region_out(r, visible_languages(r)) for r in chunk],
        )

    return cached_json(request, build, region=None)


@api.get("/regions/{region}/", response={200: schemas.RegionOut, **ERRORS}, tags=["regions"])
def region_detail(request: HttpRequest, region: str) -> HttpResponse:
    found = region_or_404(region)
    return cached_json(
        request, lambda: out.region_out(found, visible_languages(found)), region=found
    )


@api.get(
    "/regions/{region}/languages/",
    response={200: schemas.PageOf[schemas.LanguageOut], **ERRORS},
    tags=["regions"],
)
def languages(request: HttpRequest, region: str) -> HttpResponse:
    found = region_or_404(region)
    codes = [rl.language.code for rl in visible_languages(found)]
    return cached_json(
        request,
        lambda: paginate(request, codes, lambda chunk: [out.language_out(c) for c in chunk]),
        region=found,
    )


# --- pages ----------------------------------------------------------------------------


def pages_below(home: Page) -> Any:
    return (
        visible(Page.objects.descendant_of(home))
        .filter(locale=home.locale)
        .select_related("content_type")
        .order_by("path")
    )


@api.get(
    "/regions/{region}/{language}/pages/",
    response={200: schemas.PageOf[schemas.PageSummaryOut], **ERRORS},
    tags=["pages"],
)
def pages(request: HttpRequest, region: str, language: str) -> HttpResponse:
    """Every page of the region in this language, in tree order (parents before children)."""
    found = region_or_404(region)
    home = home_or_404(found, language)
    return cached_json(
        request,
        lambda: paginate(request, pages_below(home), lambda c: out.page_summaries(c, home)),
        region=found,
    )


@api.get(
    "/regions/{region}/{language}/pages/tree/",
    response={200: list[schemas.PageTreeOut], **ERRORS},
    tags=["pages"],
)
def page_tree(
    request: HttpRequest,
    region: str,
    language: str,
    depth: int = Query(3, ge=1, le=10, description="How many levels to include."),
) -> HttpResponse:
    """The page tree (titles and addresses), down to `depth` levels."""
    found = region_or_404(region)
    home = home_or_404(found, language)
    return cached_json(
        request,
        lambda: out.page_tree(
            list(pages_below(home).filter(depth__lte=home.depth + depth)), home, depth
        ),
        region=found,
    )


@api.get(
    "/regions/{region}/{language}/pages/{page_id}/",
    response={200: schemas.PageOut, **ERRORS},
    tags=["pages"],
)
def page_detail(request: HttpRequest, region: str, language: str, page_id: int) -> HttpResponse:
    """One page with its text and the offers embedded in it."""
    found = region_or_404(region)
    home = home_or_404(found, language)
    page = page_or_404(home, page_id)
    return cached_json(request, lambda: out.page_detail(page, home, language), region=found)


@api.get(
    "/regions/{region}/{language}/pages/{page_id}/children/",
    response={200: schemas.PageOf[schemas.PageSummaryOut], **ERRORS},
    tags=["pages"],
)
def page_children(request: HttpRequest, region: str, language: str, page_id: int) -> HttpResponse:
    found = region_or_404(region)
    home = home_or_404(found, language)
    page = page_or_404(home, page_id)
    rows = visible(Page.objects.child_of(page)).select_related("content_type").order_by("path")
    return cached_json(
        request,
        lambda: paginate(request, rows, lambda chunk: out.page_summaries(chunk, home)),
        region=found,
    )


@api.get(
    "/regions/{region}/{language}/pages/{page_id}/ancestors/",
    response={200: schemas.PageOf[schemas.PageSummaryOut], **ERRORS},
    tags=["pages"],
)
def page_ancestors(request: HttpRequest, region: str, language: str, page_id: int) -> HttpResponse:
    """The pages above this one, from the top level down to its parent."""
    found = region_or_404(region)
    home = home_or_404(found, language)
    page = page_or_404(home, page_id)
    rows = (
        Page.objects.ancestor_of(page)
        .filter(depth__gt=home.depth)
        .select_related("content_type")
        .order_by("depth")
    )
    return cached_json(
        request,
        lambda: paginate(request, rows, lambda chunk: out.page_summaries(chunk, home)),
        region=found,
    )


# --- offers and places ----------------------------------------------------------------


class OfferFilters(schemas.Schema):
    category: list[str] = []
    municipality: int | None = None
    target_group: list[str] = []
    language: list[str] = []
    free: bool = False
    open_now: bool = False
    near: int | None = None


def choose_area(region: Region, area_id: int | None, parameter: str) -> Area | None:
    if area_id is None:
        return None
    area = municipalities(region).filter(pk=area_id).first()
    if area is None:
        raise ApiError(
            400, f"'{parameter}' must be the id of a municipality of the region.", parameter
        )
    return area


def directory_filters(region: Region, given: OfferFilters) -> DirectoryFilters:
    unknown = set(given.category) - set(Category.values) - set(LEGACY_CATEGORIES)
    if unknown:
        raise ApiError(
            400,
            f"Unknown 'category': {', '.join(sorted(unknown))[:80]}. "
            f"Known: {', '.join(Category.values)}.",
            "category",
        )
    groups = set(TargetGroup.objects.values_list("code", flat=True))
    if set(given.target_group) - groups:
        raise ApiError(
            400, f"Unknown 'target_group'. Known: {', '.join(sorted(groups))}.", "target_group"
        )
    if set(given.language) - set(BY_CODE):
        raise ApiError(400, "Unknown 'language' (use ISO 639 codes such as 'ar').", "language")
    return DirectoryFilters(
        categories=expand_categories(given.category),
        area=choose_area(region, given.municipality, "municipality"),
        target_groups=given.target_group,
        languages=given.language,
        free_only=given.free,
        open_now=given.open_now,
        near=choose_area(region, given.near, "near"),
    )


@api.get(
    "/regions/{region}/{language}/offers/",
    response={200: schemas.PageOf[schemas.OfferOut], **ERRORS},
    tags=["offers"],
)
def offers(
    request: HttpRequest,
    region: str,
    language: str,
    filters: Query[OfferFilters],
) -> HttpResponse:
    """Offers with the directory's filters; `near` sorts by distance from a municipality.
    Offers not translated into `language` come in German (see each item's `language`)."""
    found = region_or_404(region)
    home = home_or_404(found, language)
    chosen = directory_filters(found, filters)
    now = timezone.localtime()
    sections = out.sections_of(home)

    def serialize(chunk: list[Offer]) -> list[dict[str, Any]]:
        if chosen.near is not None:
            for offer in chunk:
                where = offer.place or offer.area
                offer.distance_km = distance_km(chosen.near, where.latitude, where.longitude)
        return out.offers_out(chunk, sections)

    def build() -> dict[str, Any]:
        rows = find_offers(found, language, chosen, now).select_related("place__area")
        return paginate(request, rows, serialize)

    # "Open now" changes with the clock: such answers are kept for one minute only.
    vary = [now.strftime("%H:%M")] if chosen.open_now else []
    return cached_json(request, build, region=found, vary=vary)


@api.get(
    "/regions/{region}/{language}/offers/{offer_id}/",
    response={200: schemas.OfferOut, **ERRORS},
    tags=["offers"],
)
def offer_detail(request: HttpRequest, region: str, language: str, offer_id: int) -> HttpResponse:
    found = region_or_404(region)
    home = home_or_404(found, language)
    offer = (
        Offer.objects.public()
        .filter(region=found, pk=offer_id)
        .select_related("place__area", "area", "locale")
        .prefetch_related("target_groups", "languages", *out.places_prefetch("place__"))
        .first()
    )
    if offer is None:
        raise ApiError(404, f"There is no public offer {offer_id} in this region.")
    return cached_json(request, lambda: out.offer_out(offer, out.sections_of(home)), region=found)


def public_places(region: Region) -> Any:
    return (
        Place.objects.filter(region=region)
        .select_related("area")
        .prefetch_related(*out.places_prefetch())
        .order_by("name", "pk")
    )


@api.get(
    "/regions/{region}/{language}/places/",
    response={200: schemas.PageOf[schemas.PlaceOut], **ERRORS},
    tags=["places"],
)
def places(
    request: HttpRequest,
    region: str,
    language: str,
    municipality: int | None = None,
) -> HttpResponse:
    """Places with opening hours (seven days, Monday first)."""
    found = region_or_404(region)
    home = home_or_404(found, language)
    rows = public_places(found)
    area = choose_area(found, municipality, "municipality")
    if area is not None:
        rows = rows.filter(area=area)

    def build() -> dict[str, Any]:
        sections = out.sections_of(home)
        return paginate(request, rows, lambda chunk: [out.place_out(p, sections) for p in chunk])

    return cached_json(request, build, region=found)


@api.get(
    "/regions/{region}/{language}/places/{place_id}/",
    response={200: schemas.PlaceOut, **ERRORS},
    tags=["places"],
)
def place_detail(request: HttpRequest, region: str, language: str, place_id: int) -> HttpResponse:
    found = region_or_404(region)
    home = home_or_404(found, language)
    place = public_places(found).filter(pk=place_id).first()
    if place is None:
        raise ApiError(404, f"There is no place {place_id} in this region.")
    return cached_json(request, lambda: out.place_out(place, out.sections_of(home)), region=found)


# --- events ---------------------------------------------------------------------------


ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"


def iso_date(value: str | None, parameter: str) -> date | None:
    """YYYY-MM-DD only: pydantic's lenient dates would take "0" for 1 January 1970."""
    if value is None:
        return None
    try:
        return parse_day(value)
    except DayError as error:
        if error.out_of_range:
            raise ApiError(
                400,
                f"'{parameter}' must be a date from {EARLIEST_DAY} to {LATEST_DAY}.",
                parameter,
            ) from None
        raise ApiError(400, f"'{parameter}' must be a date as YYYY-MM-DD.", parameter) from None


def event_window(start: date | None, end: date | None) -> tuple[datetime, datetime]:
    first = start or timezone.localdate()
    last = end or first + timedelta(days=90)
    if last < first:
        raise ApiError(400, "'to' must not be before 'from'.", "to")
    if (last - first).days > MAX_EVENT_DAYS:
        raise ApiError(400, f"'to' may be at most {MAX_EVENT_DAYS} days after 'from'.", "to")
    zone = timezone.get_current_timezone()
    return (
        datetime.combine(first, time.min, tzinfo=zone),
        datetime.combine(last + timedelta(days=1), time.min, tzinfo=zone),
    )


@api.get(
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


@api.get(
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


# --- contacts and search ----------------------------------------------------------------


@api.get(
    "/regions/{region}/{language}/contacts/",
    response={200: schemas.PageOf[schemas.ContactOut], **ERRORS},
    tags=["contacts"],
)
def contacts(
    request: HttpRequest, region: str, language: str, topic: str | None = None
) -> HttpResponse:
    """Contacts by topic field: roles of offices, never persons."""
    found = region_or_404(region)
    home_or_404(found, language)
    if topic is not None and topic not in Topic.values:
        raise ApiError(400, f"Unknown 'topic'. Known: {', '.join(Topic.values)}.", "topic")
    rows = localized(Contact.objects.filter(region=found), language).select_related(
        "place", "locale"
    )
    if topic is not None:
        rows = rows.filter(topic=topic)
    rows = rows.order_by("topic", "position", "role", "pk")
    return cached_json(
        request,
        lambda: paginate(request, rows, lambda chunk: [out.contact_out(c) for c in chunk]),
        region=found,
    )


@api.get(
    "/regions/{region}/{language}/search/",
    response={200: schemas.SearchOut, **ERRORS},
    tags=["search"],
)
def search(
    request: HttpRequest,
    region: str,
    language: str,
    q: str = Query(..., min_length=1, max_length=200, description="What to look for."),
) -> HttpResponse:
    """Full-text search over pages, offers, events and places in this language (German
    originals where a translation is missing), like the site's search."""
    found = region_or_404(region)
    home = home_or_404(found, language)

    def build() -> dict[str, Any]:
        sections = out.sections_of(home)
        outcome = search_region(
            found, language, q, sections.directory, home=home, events_url=sections.events
        )
        listing = paginate(request, outcome.hits, lambda chunk: [out.hit_out(h) for h in chunk])
        return {"query": outcome.query, "approximate": outcome.approximate, **listing}

    return cached_json(request, build, region=found)


# --- feedback -------------------------------------------------------------------------


@api.post(
    "/regions/{region}/{language}/feedback/",
    response={
        201: schemas.FeedbackOut,
        400: schemas.ErrorOut,
        404: schemas.ErrorOut,
        429: schemas.ErrorOut,
    },
    tags=["feedback"],
)
def feedback(
    request: HttpRequest, region: str, language: str, data: schemas.FeedbackIn
) -> HttpResponse:
    """ "Was this helpful?" for a page (or an offer on the directory). Anonymous; at most
    ten per address and hour."""
    found = region_or_404(region)
    home = home_or_404(found, language)
    if rate_limited(request):
        return json_error(request, 429, "Too much feedback from this address; try again later.")
    page = visible(Page.objects.descendant_of(home, inclusive=True)).filter(pk=data.page).first()
    if page is None:
        raise ApiError(400, "'page' must be the id of a page of this region and language.", "page")
    offer = None
    if data.offer is not None:
        offer = Offer.objects.public().filter(region=found, pk=data.offer).first()
        if offer is None:
            raise ApiError(400, "'offer' must be the id of a public offer of the region.", "offer")
    place = None
    if data.place is not None:
        place = Place.objects.filter(region=found, pk=data.place).first()
        if place is None:
            raise ApiError(400, "'place' must be the id of a place of the region.", "place")
    event = None
    if data.event is not None:
        event = visible(Event.objects.filter(region=found, pk=data.event)).first()
        if event is None:
            raise ApiError(400, "'event' must be the id of a public event of the region.", "event")
    record_feedback(
        FeedbackInput(
            region=found,
            page_id=page.pk,
            offer=offer,
            place=place,
            event=event,
            language_code=language,
            helpful=data.helpful,
            comment=data.comment,
        )
    )
    return created(request)


def created(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(dumps({"received": True}), content_type="application/json", status=201)
    response["Cache-Control"] = "no-store"
    return add_public_headers(response)
