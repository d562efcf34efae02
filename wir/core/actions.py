"""Writes on regions, their languages and geography."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Locale

from wir.core.languages import BY_CODE, DEFAULT_LANGUAGE
from wir.core.models import Area, Language, Region, RegionLanguage


@transaction.atomic
def create_region(
    *,
    slug: str,
    name: str,
    prefix: str,
    centre: tuple[Decimal, Decimal],
    bbox: tuple[Decimal, Decimal, Decimal, Decimal],
    language_codes: list[str],
    **features: bool,
) -> Region:
    """Create a region with its languages (German always first). bbox = (W, S, E, N)."""
    unknown = [code for code in language_codes if code not in BY_CODE]
    if unknown:
        raise ValidationError(_("Unbekannte Sprachen: %(codes)s") % {"codes": ", ".join(unknown)})
    west, south, east, north = bbox
    region = Region(
        slug=slug,
        name=name,
        prefix=prefix,
        latitude=centre[0],
        longitude=centre[1],
        bbox_west=west,
        bbox_south=south,
        bbox_east=east,
        bbox_north=north,
        **features,
    )
    region.full_clean()
    region.save()
    codes = [DEFAULT_LANGUAGE] + [c for c in language_codes if c != DEFAULT_LANGUAGE]
    for position, code in enumerate(codes):
        enable_language(region, code, position=position)
    return region


def enable_language(region: Region, code: str, position: int | None = None) -> RegionLanguage:
    """Enable a language for a region and make sure Wagtail has a locale for it."""
    language = Language.objects.filter(code=code).first()
    if language is None:
        raise ValidationError(_("Unbekannte Sprache: %(code)s") % {"code": code})
    Locale.objects.get_or_create(language_code=code)
    if position is None:
        position = RegionLanguage.objects.filter(region=region).count()
    region_language, _created = RegionLanguage.objects.get_or_create(
        region=region, language=language, defaults={"position": position}
    )
    return region_language


def add_area(
    region: Region,
    name: str,
    kind: str,
    latitude: Decimal,
    longitude: Decimal,
    parent: Area | None = None,
    official_key: str = "",
) -> Area:
    if parent is not None and parent.region_id != region.pk:
        raise ValidationError(_("Das übergeordnete Gebiet gehört zu einer anderen Region."))
    area = Area(
        region=region,
        parent=parent,
        kind=kind,
        name=name,
        slug=slugify(name.replace("ß", "ss")) or "gebiet",
        latitude=latitude,
        longitude=longitude,
        official_key=official_key,
    )
    area.full_clean()
    area.save()
    return area


_batched: ContextVar[set[int] | None] = ContextVar("wir_touch_batch", default=None)


@contextmanager
def touches_batched() -> Iterator[None]:
    """For bulk writes in one transaction (the demo, an import): each region's content
    version moves once, at the end, instead of once per saved page or offer.

    Every version move is an UPDATE of the region's row. On PostgreSQL, thousands of them
    in one transaction leave thousands of row versions that no one may clean up before the
    commit, and every later read of the region walks them all (the demo's 5,000 touches
    made its test take up to twenty minutes). Caches keyed by the version are never stale
    for it: the one move at the end comes after every change of the block, so a value kept
    under the version of before is never read after it. Inside the block, reads see the
    version of before the block — do not read cached public answers there. On an error
    nothing is moved (the transaction rolls back anyway). Nested blocks join the outer one.
    """
    if _batched.get() is not None:
        yield
        return
    regions: set[int] = set()
    token = _batched.set(regions)
    try:
        yield
    finally:
        _batched.reset(token)
    for region_id in sorted(regions):
        touch_region(region_id)


def touch_region(region_id: int | None) -> None:
    """Note that public content of a region changed, so cached API answers are renewed.

    Always moves forward by at least a microsecond, so that two changes within one clock
    tick still give two versions. Inside `touches_batched()` only noted, moved at its end.
    """
    if region_id is None:
        return
    batch = _batched.get()
    if batch is not None:
        batch.add(region_id)
        return
    now = timezone.now()
    region = Region.objects.filter(pk=region_id).values_list("content_changed_at", flat=True)
    previous = region.first()
    if previous is None:
        return
    stamp = max(now, previous + timedelta(microseconds=1))
    Region.objects.filter(pk=region_id).update(content_changed_at=stamp)
