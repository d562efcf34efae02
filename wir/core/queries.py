"""Read helpers for regions, languages and areas."""

from __future__ import annotations

from django.db.models import QuerySet

from wir.core.memo import remember
from wir.core.models import Area, Region, RegionLanguage


def active_region(slug: str) -> Region | None:
    found = Region.objects.filter(slug=slug, is_active=True).select_related("root_page")
    return remember(("active_region", slug), found.first)


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
