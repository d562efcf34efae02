"""/sitemap.xml: every public page and offer, with its translations as alternates."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe
from wagtail.models import Page

from wir.core.hotpath import mark_public, region_version
from wir.core.models import Region
from wir.portal.directory import offers_in_language
from wir.portal.models import DirectoryPage, RegionRootPage, offer_path
from wir.portal.publication import visible
from wir.portal.queries import offered_languages


@dataclass
class Entry:
    location: str
    last_modified: str
    alternates: dict[str, str] = field(default_factory=dict)


@require_safe
def sitemap_view(request: HttpRequest) -> HttpResponse:
    version = region_version(None)  # before reading: a change meanwhile renews the answer
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    entries: list[Entry] = []
    regions = Region.objects.filter(is_active=True, root_page__isnull=False).select_related(
        "root_page"
    )
    for region in regions:
        # Languages with content only, as the public site offers them: a language whose
        # home page has nothing below it would send search engines to an empty page.
        codes = [rl.language.code for rl in offered_languages(region)]
        entries.extend(_page_entries(region, codes, base))
        entries.extend(_offer_entries(region, codes, base))
    xml = render_to_string("portal/sitemap.xml", {"entries": entries})
    response = HttpResponse(xml, content_type="application/xml; charset=utf-8")
    return mark_public(response, None, version=version)


def _page_entries(region: Region, codes: list[str], base: str) -> list[Entry]:
    pages = (
        visible(Page.objects.public())
        .descendant_of(region.root_page)
        .not_type(RegionRootPage)
        .filter(locale__language_code__in=codes)
        .select_related("locale")
        .order_by("path")
    )
    by_key: dict[object, dict[str, Page]] = defaultdict(dict)
    for page in pages:
        by_key[page.translation_key][page.locale.language_code] = page
    entries = []
    for translations in by_key.values():
        alternates = {code: base + page.url_path for code, page in translations.items()}
        for page in translations.values():
            modified = page.last_published_at or page.first_published_at
            entries.append(
                Entry(
                    location=base + page.url_path,
                    last_modified=modified.date().isoformat() if modified else "",
                    alternates=alternates if len(alternates) > 1 else {},
                )
            )
    return entries


def _offer_entries(region: Region, codes: list[str], base: str) -> list[Entry]:
    directories = {
        page.locale.language_code: page
        for page in visible(DirectoryPage.objects.descendant_of(region.root_page)).select_related(
            "locale"
        )
    }
    entries = []
    for code in codes:
        directory = directories.get(code)
        if directory is None:
            continue
        offers = offers_in_language(region, code).filter(locale__language_code=code)
        for offer in offers.only("pk", "last_checked"):
            entries.append(
                Entry(
                    location=base + offer_path(directory.url_path, offer.pk),
                    last_modified=offer.last_checked.isoformat(),
                )
            )
    return entries
