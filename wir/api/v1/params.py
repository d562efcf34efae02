"""Parsing and resolving the parameters the /api/v1/ resources share: pages of the
region's tree, municipalities, the directory's filters, date windows. Each raises `ApiError`
(answered as 400 or 404 with the parameter named)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone
from wagtail.models import Page

from wir.api.pagination import ApiError
from wir.api.v1 import schemas
from wir.core.dates import EARLIEST_DAY, LATEST_DAY, DayError, parse_day
from wir.core.languages import BY_CODE
from wir.core.models import Area, Region
from wir.core.queries import municipalities
from wir.portal.directory import DirectoryFilters
from wir.portal.models import TargetGroup
from wir.portal.models.offers import LEGACY_CATEGORIES, Category, expand_categories
from wir.portal.publication import visible

MAX_EVENT_DAYS = 366


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
