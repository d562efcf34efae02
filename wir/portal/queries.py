"""Read helpers of the public site."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.cache import cache
from django.db.models import Exists, OuterRef
from django.db.models.functions import Substr
from django.http import HttpRequest
from wagtail.models import Page

from wir.core.languages import DEFAULT_LANGUAGE
from wir.core.memo import remember
from wir.core.models import Region, RegionLanguage
from wir.core.queries import visible_languages
from wir.core.request import region_of
from wir.core.translations import translation_or_original
from wir.portal.directory import offers_in_language
from wir.portal.models import DirectoryPage, offer_path
from wir.portal.models.pages import HOME_PATH_LENGTH
from wir.portal.publication import children, subtree, visible


@dataclass(frozen=True)
class LanguageLink:
    code: str
    native_name: str
    direction: str
    url: str
    is_current: bool
    is_translated: bool  # False: the link leads to the German original instead
    expire_at: datetime | None = None  # of the page it leads to (the link is kept until then)


def home_page_for(region: Region, language_code: str) -> Page | None:
    """The live home page of `region` in `language_code`, or None."""
    root = region.root_page
    if root is None:
        return None
    return remember(
        ("home_page_for", root.path, language_code),
        lambda: (
            visible(Page.objects.filter(children(root.path, root.depth)))
            .filter(locale__language_code=language_code)
            .specific()
            .first()
        ),
    )


def offered_languages(region: Region) -> list[RegionLanguage]:
    """The region's visible languages that have content: a live home page with at least
    one live page below it. A language without content is not offered on the public site
    (its links would lead only to German originals or to "not found").

    Cached per region content version (any publication changes it), so a warm page costs
    no query for this."""
    cached: list[RegionLanguage] | None = getattr(region, "_offered_languages", None)
    if cached is not None:
        return cached
    key = f"wir:portal:offered:{region.pk}:{region.content_version.timestamp()}"
    codes: set[str] | None = cache.get(key)
    if codes is None:
        root = region.root_page
        codes = (
            set()
            if root is None
            else remember(
                ("languages_with_content", root.path, root.depth),
                lambda: _languages_with_content(root),
            )
        )
        cache.set(key, codes, 24 * 3600)
    cached = [rl for rl in visible_languages(region) if rl.language.code in codes]
    region._offered_languages = cached  # type: ignore[attr-defined]
    return cached


def _languages_with_content(root: Page) -> set[str]:
    """Languages with a live page directly below their live home page (one query)."""
    live_home = visible(
        Page.objects.filter(
            depth=root.depth + 1, path=Substr(OuterRef("path"), 1, HOME_PATH_LENGTH)
        )
    )
    filled = visible(Page.objects.filter(subtree(root.path), depth=root.depth + 2)).filter(
        Exists(live_home)
    )
    return set(filled.order_by().values_list("locale__language_code", flat=True).distinct())


def language_switcher(request: HttpRequest, page: Page) -> list[LanguageLink]:
    """One link per offered language: to this page's translation, else to the original."""
    region = region_of(request)
    if region is None:
        return []
    current = getattr(request, "LANGUAGE_CODE", "")
    translations = {
        p.locale.language_code: p
        for p in visible(page.get_translations(inclusive=True)).select_related("locale")
    }
    links = []
    for region_language in offered_languages(region):
        language = region_language.language
        target = translations.get(language.code)
        shown = translation_or_original(translations, language.code) or page
        url = shown.get_url(request) or "/"
        links.append(
            LanguageLink(
                code=language.code,
                native_name=language.native_name,
                direction=language.direction,
                url=url,
                is_current=language.code == current,
                is_translated=target is not None,
                expire_at=shown.expire_at,
            )
        )
    return links


def embedded_offers(request: HttpRequest, page: Page) -> list[tuple[Any, str, bool]]:
    """The offers chosen for a content page, each in the visitor's language (else German),
    with its URL and whether it is shown in German only."""

    region = region_of(request)
    keys = list(page.embedded_offers.values_list("offer__translation_key", flat=True))
    if region is None or not keys:
        return []
    language = getattr(request, "LANGUAGE_CODE", DEFAULT_LANGUAGE)
    directory = visible(
        DirectoryPage.objects.filter(subtree(page.path[:HOME_PATH_LENGTH]), depth=4)
    ).first()
    if directory is None:
        return []
    base = directory.get_url(request)
    found = {
        offer.translation_key: offer
        for offer in offers_in_language(region, language)
        .filter(translation_key__in=keys)
        .select_related("locale", "area")
    }
    return [
        (offer, offer_path(base, offer.pk), offer.locale.language_code != language)
        for key in keys
        if (offer := found.get(key)) is not None
    ]
