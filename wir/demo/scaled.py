"""Benchmark-sized demos: copies of the demo's pages and offers, written in bulk.

`load_demo --scale N` builds the normal demo once (through Wagtail, with revisions) and adds
N-1 copies here: pages and offers go in with bulk inserts, tree paths computed directly,
and the search index is filled in batches at the end. The copies are live but have no
revisions (editing one in the admin starts its history). Deterministic like the demo.
"""

from __future__ import annotations

import random
import uuid
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F
from django.utils import timezone
from wagtail.models import Locale, Page

from wir.core.actions import touch_region
from wir.core.languages import DEFAULT_LANGUAGE
from wir.core.models import Area, Region
from wir.demo.data.content import SECTIONS, PageText
from wir.demo.data.district import MUNICIPALITIES
from wir.demo.machine_made import add_to_search_index, batches, machine_locales
from wir.demo.offers import (
    OFFER_COUNT,
    OfferTemplate,
    demo_offer,
    existing_places,
    insert_offers,
    offer_translations,
)
from wir.demo.text import first_paragraph_text
from wir.portal.models import ContentPage, Offer

NAMESPACE = uuid.UUID("6f1f0c56-52c1-4b8e-9a55-7c0d2d3c1a10")  # of the demo's translation keys
# The offer copies are translated as the demo's offers once were (every other one, into
# English and Arabic), so the benchmarks keep the size they are documented with.
SCALED_LANGUAGES = ("en", "ar")


def add_scaled_copies(
    region: Region, homes: dict[str, Page], scale: int, seed: int, progress: Any
) -> tuple[dict[str, int], int]:
    """Add copies 2..scale of the pages and offers; returns (pages per language, German
    offers)."""
    rng = random.Random(seed + 1)
    page_counts = _copy_pages(homes, scale, rng, progress)
    offers = _copy_offers(region, scale, rng, progress)
    touch_region(region.pk)
    return page_counts, offers


def _child_path(parent_path: str, step: int) -> str:
    return parent_path + Page._int2str(step).rjust(Page.steplen, Page.alphabet[0])


def _last_step(parent: Page) -> int:
    last = parent.get_last_child()
    return Page._str2int(last.path[-Page.steplen :]) if last is not None else 0


def _copy_pages(
    homes: dict[str, Page], scale: int, rng: random.Random, progress: Any
) -> dict[str, int]:
    content_type = ContentType.objects.get_for_model(ContentPage)
    locales = {code: Locale.objects.get(language_code=code) for code in homes}
    now = timezone.now()
    towns = [name for name, *_rest in MUNICIPALITIES]
    home_steps = {code: _last_step(home) for code, home in homes.items()}
    first_steps = dict(home_steps)
    counts = dict.fromkeys(homes, 0)
    pages: list[Page] = []
    bodies: list[tuple[str, str]] = []  # (intro, body) in the order of `pages`

    def add(parent: Page, step: int, slug: str, text: PageText, suffix: str,
            code: str, key: uuid.UUID) -> Page:  # fmt: skip
        title = text["title"] + suffix
        page = Page(
            title=title,
            draft_title=title,
            slug=slug,
            path=_child_path(parent.path, step),
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{slug}/",
            locale=locales[code],
            translation_key=key,
            content_type=content_type,
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
        )
        pages.append(page)
        bodies.append((first_paragraph_text(text["body"]), text["body"]))
        counts[code] += 1
        return page

    for copy in progress(range(1, scale), "Seiten (Kopien)"):
        suffix = f" — {rng.choice(towns)} ({copy + 1})"
        for section in SECTIONS:
            slug = f"{section['slug']}-{copy + 1}"
            key = uuid.uuid5(NAMESPACE, f"page:{slug}")
            parents: dict[str, Page] = {}
            for code, text in section["texts"].items():
                if code in homes:
                    home_steps[code] += 1
                    parents[code] = add(homes[code], home_steps[code], slug, text, suffix, code,
                                        key)  # fmt: skip
            for item in section["pages"]:
                key = uuid.uuid5(NAMESPACE, f"page:{slug}/{item['slug']}")
                for code, text in item["texts"].items():
                    parent = parents.get(code)
                    if parent is not None:
                        parent.numchild += 1
                        add(parent, parent.numchild, item["slug"], text, suffix, code, key)
    _insert_content_pages(pages, bodies)
    for code, home in homes.items():
        added = home_steps[code] - first_steps[code]
        Page.objects.filter(pk=home.pk).update(numchild=F("numchild") + added)
    add_to_search_index(ContentPage, [page.pk for page in pages], progress)
    return counts


def _insert_content_pages(pages: list[Page], bodies: list[tuple[str, str]]) -> None:
    """Wagtail's page rows in bulk, then the ContentPage rows (Django cannot bulk-create a
    multi-table model in one go)."""
    table = connection.ops.quote_name(ContentPage._meta.db_table)
    for batch_pages, batch_bodies in zip(batches(pages), batches(bodies), strict=True):
        Page.objects.bulk_create(batch_pages)
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {table} (page_ptr_id, intro, body) VALUES (%s, %s, %s)",  # noqa: S608
                [
                    (page.pk, intro, body)
                    for page, (intro, body) in zip(batch_pages, batch_bodies, strict=True)
                ],
            )


def _copy_offers(region: Region, scale: int, rng: random.Random, progress: Any) -> int:
    towns = list(Area.objects.filter(region=region, kind=Area.Kind.MUNICIPALITY).order_by("name"))
    places = existing_places(region, towns)
    locales = {
        DEFAULT_LANGUAGE: Locale.objects.get(language_code=DEFAULT_LANGUAGE),
        **machine_locales(),
    }
    now = timezone.now()
    offers: list[tuple[Offer, OfferTemplate]] = []
    for index in progress(range(OFFER_COUNT, OFFER_COUNT * scale), "Angebote (Kopien)"):
        offer, template, town = demo_offer(region, index, towns, places, locales, rng)
        offer.translation_key = uuid.uuid5(NAMESPACE, f"offer:{index}")
        offer.live, offer.has_unpublished_changes = True, False
        offer.first_published_at = offer.last_published_at = now
        offers.append((offer, template))
        codes = SCALED_LANGUAGES if index % 2 == 0 else ()
        offers += [
            (translation, template)
            for translation in offer_translations(offer, template, town, locales, now, codes)
        ]
    insert_offers(offers, progress)
    return OFFER_COUNT * (scale - 1)  # German offers, as the summary counts them
