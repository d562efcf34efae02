"""Resolving /{region}/{language}/ for both APIs, cheaply: the answer for a language is
kept in the cache per region content version, so a cached API answer costs one query."""

from __future__ import annotations

from django.core.cache import cache
from wagtail.models import Page

from wir.api.pagination import ApiError
from wir.core.models import Region
from wir.core.queries import active_region, visible_languages
from wir.portal.queries import home_page_for

NO_HOME = "none"


def region_or_404(slug: str) -> Region:
    region = active_region(slug)
    if region is None:
        raise ApiError(404, f"There is no region '{slug[:60]}'.")
    return region


def home_or_404(region: Region, language: str) -> Page:
    """The region's live home page in `language`, if the language is visible there."""
    key = f"wir:api:home:{region.pk}:{region.content_version.timestamp()}:{language[:20]}"
    home = cache.get(key)
    if home is None:
        codes = {rl.language.code for rl in visible_languages(region)}
        home = (home_page_for(region, language) if language in codes else None) or NO_HOME
        cache.set(key, home, 3600)
    if home == NO_HOME:
        raise ApiError(404, f"Region '{region.slug}' has no content in language '{language[:20]}'.")
    return home
