"""Writes on the page tree of a region (home pages per language, translations) and on
visitors' feedback (read or unread)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from wir.accounts.permissions import can
from wir.accounts.roles import Perm
from wir.core.languages import DEFAULT_LANGUAGE
from wir.core.models import Region
from wir.portal.models import Feedback, RegionHomePage, RegionRootPage
from wir.privacy import audit
from wir.privacy.models import AuditAction


def publish(page: Page) -> None:
    """Publish through a revision, so that the history shows who and when."""
    page.save_revision().publish()


def add_translation(source: Page, parent: Page, locale: Locale, **fields: Any) -> Page:
    """Create and publish the translation of `source` under `parent` (already in `locale`)."""
    page = source.specific_class(translation_key=source.translation_key, locale=locale, **fields)
    parent.add_child(instance=page)
    publish(page)
    return page


@transaction.atomic
def create_home_pages(
    region: Region, titles: dict[str, str], intros: dict[str, str] | None = None
) -> dict[str, Page]:
    """Create the region's page tree: its root page and a home page per language.

    `titles` maps language codes to home page titles and must contain DEFAULT_LANGUAGE, the source
    language; the other home pages are its translations.
    """
    intros = intros or {}
    german = Locale.objects.get_or_create(language_code=DEFAULT_LANGUAGE)[0]
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=german, live=True)
    )
    use_root_as_default_site(root)
    region_root = RegionRootPage(title=region.full_name, slug=region.slug, locale=german)
    root.add_child(instance=region_root)
    publish(region_root)
    region.root_page = region_root
    region.save(update_fields=["root_page"])
    homes: dict[str, Page] = {}
    for code in [DEFAULT_LANGUAGE, *[c for c in titles if c != DEFAULT_LANGUAGE]]:
        homes[code] = add_home_page(region, code, titles[code], intros.get(code, ""))
    return homes


def add_home_page(region: Region, code: str, title: str, intro: str = "") -> Page:
    """Add the home page of one language under the region's root page."""
    assert region.root_page is not None, "create_home_pages() first"
    locale = Locale.objects.get_or_create(language_code=code)[0]
    fields = {"title": title, "slug": code, "intro": intro}
    german = (
        RegionHomePage.objects.child_of(region.root_page)
        .filter(locale__language_code=DEFAULT_LANGUAGE)
        .first()
    )
    if german is None:
        home: Page = RegionHomePage(locale=locale, **fields)
        region.root_page.add_child(instance=home)
        publish(home)
        return home
    return add_translation(german, region.root_page, locale, **fields)


def use_root_as_default_site(root: Page) -> None:
    """Wagtail's first migration makes a 'Welcome' page and a site for it; regions replace it.

    The default site spans all regions, so a page's URL is its url_path: /{region}/{lang}/...
    """
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=root, is_default_site=True)
    elif site.root_page_id != root.pk:
        site.root_page = root
        site.save(update_fields=["root_page"])
    welcome = Page.objects.filter(depth=2, slug="home", content_type__model="page").first()
    if welcome is not None:
        welcome.delete()


def mark_feedback(user: Any, feedback: Sequence[Feedback], *, read: bool) -> int:
    """Mark `feedback` read (or unread again) for the editors of its region; returns how
    many changed. All or nothing: raises PermissionDenied, with nothing written, when
    `user` may not edit content in the region of one of them. The comment may contain
    personal data, so each change is written to the privacy audit log."""
    for item in feedback:
        if not can(user, Perm.EDIT_CONTENT, item):
            raise PermissionDenied
    changed = [item for item in feedback if (item.read_at is None) == read]
    stamp = timezone.now() if read else None
    with transaction.atomic():
        Feedback.objects.filter(pk__in=[item.pk for item in changed]).update(read_at=stamp)
        for item in changed:
            item.read_at = stamp
            audit.record(user, AuditAction.CHANGED, item, fields=["read_at"])
    return len(changed)
