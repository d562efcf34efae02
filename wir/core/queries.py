"""Read helpers for regions, languages and areas."""

from __future__ import annotations

import copy

from django.db.models import QuerySet

from wir.core.memo import remember
from wir.core.models import Area, Region, RegionLanguage


def active_region(slug: str) -> Region | None:
    """The active region with this address name (with its root page), or None."""
    return remember(("active_region", slug), lambda: _active_region(slug))


# The regions as last read, by slug: one is used again (a copy, so that what a request
# notes on it stays with that request) while its content version is still the database's
# (the hot path's check: the process's memory kept current by the database's notifications
# on PostgreSQL, else one small query), instead of building and running the full query on
# every uncached request. Every change of a region moves its version (`updated_at` on
# save, `content_changed_at` by touch_region), and a region made inactive has none.
_held: dict[str, Region] = {}


def _active_region(slug: str) -> Region | None:
    from wir.core.hotpath import current_version, version_of  # the one version definition
    from wir.core.memo import recording

    held = _held.get(slug)
    if held is not None and not recording() and current_version(held.pk) == version_of(held):
        return copy.copy(held)
    found = Region.objects.filter(slug=slug, is_active=True).select_related("root_page").first()
    if found is None:
        _held.pop(slug, None)
    else:
        _held[slug] = copy.copy(found)
    return found


def visible_languages(region: Region) -> list[RegionLanguage]:
    """The region's public languages in their order, German first; cached on the region."""
    cached: list[RegionLanguage] | None = getattr(region, "_visible_languages", None)
    if cached is None:
        region_id = region.pk
        cached = remember(
            ("visible_languages", region_id),
            lambda: list(
                RegionLanguage.objects.filter(region_id=region_id, is_visible=True)
                .select_related("language")
                .order_by("position", "language__code")
            ),
        )
        region._visible_languages = cached  # type: ignore[attr-defined]
    return cached


def municipalities(region: Region) -> QuerySet[Area]:
    return Area.objects.filter(region=region, kind=Area.Kind.MUNICIPALITY).order_by("name")
