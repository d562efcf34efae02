"""The template context of the public page types, added to what Wagtail's `get_context`
gives (registered in `wir.portal.routes`, which the page models call)."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from django.http import HttpRequest
from wagtail.models import Page

from wir.core.memo import remember_for_region
from wir.core.request import region_of
from wir.core.translations import localized
from wir.portal.models import (
    Contact,
    ContactsPage,
    ContentPage,
    DirectoryPage,
    EventIndexPage,
    PortalPage,
    RegionHomePage,
)
from wir.portal.models.contacts import Topic
from wir.portal.models.pages import legal_pages_for
from wir.portal.publication import children, visible
from wir.portal.queries import embedded_offers, language_switcher
from wir.portal.routes import provides_context


@provides_context("page")
def page_context(request: HttpRequest, page: PortalPage) -> dict[str, Any]:
    """What every public template needs: the region, the language switcher, the footer's
    legal pages."""
    region = region_of(request)
    if region is None:
        return {
            "region": None,
            "language_links": [],
            "legal_pages": legal_pages_for(page),
            "breadcrumb_pages": list(page.get_ancestors()[2:]) if page.depth > 3 else [],
        }
    # The same for every visitor of this page, language and host until the next publish:
    # kept per region content version (wir.core.memo.remember_for_region), unless it
    # names a page with an expiry date.
    links, legal, ancestors = remember_for_region(
        region,
        ("page_chrome", page.pk, getattr(request, "LANGUAGE_CODE", ""), request.get_host()),
        lambda: (
            language_switcher(request, page),
            legal_pages_for(page),
            # The breadcrumbs: the pages above from the home page on (none above a home page).
            list(page.get_ancestors()[2:]) if page.depth > 3 else [],
        ),
        keep_if=_without_expiry,
    )
    return {
        "region": region,
        "language_links": links,
        "legal_pages": legal,
        "breadcrumb_pages": ancestors,
    }


def _without_expiry(chrome: tuple[list[Any], list[Any], list[Any]]) -> bool:
    """Chrome that names a page with an expiry date is read every time."""
    links, legal, _ancestors = chrome
    return all(link.expire_at is None for link in links) and all(
        page.expire_at is None for page in legal
    )


@provides_context("home")
def home_context(request: HttpRequest, page: RegionHomePage) -> dict[str, Any]:
    """The start page's sections and its links to the directory and the calendar."""
    directory, events_page = directory_and_calendar(request, page)
    return {
        "sections": visible(ContentPage.objects.filter(children(page.path, page.depth))),
        "directory": directory,
        "events_page": events_page,
    }


def directory_and_calendar(
    request: HttpRequest, home: Page
) -> tuple[DirectoryPage | None, EventIndexPage | None]:
    """The directory and the events calendar below a home page (the start page links them,
    the search finds offers and events only with them): kept per region content version
    like the page chrome, unless one of them has an expiry date."""

    def read() -> tuple[DirectoryPage | None, EventIndexPage | None]:
        below = children(home.path, home.depth)
        return (
            visible(DirectoryPage.objects.filter(below)).first(),
            visible(EventIndexPage.objects.filter(below)).first(),
        )

    region = region_of(request)
    if region is None:
        return read()
    return remember_for_region(
        region,
        ("directory_and_calendar", home.pk),
        read,
        keep_if=lambda pages: all(p is None or p.expire_at is None for p in pages),
    )


@provides_context("content")
def content_context(request: HttpRequest, page: ContentPage) -> dict[str, Any]:
    return {
        "embedded_offers": embedded_offers(request, page),
        # External tools with an address (one posting form data only works in the app).
        "extras": list(page.extras.exclude(url="")),
    }


@provides_context("contacts")
def contacts_context(request: HttpRequest, page: ContactsPage) -> dict[str, Any]:
    """All contacts of the region in the visitor's language, grouped by topic field."""
    region = region_of(request)
    contacts = (
        localized(Contact.objects.filter(region=region), request.LANGUAGE_CODE)
        .select_related("place", "locale")
        .order_by("topic", "position", "role")
    )
    labels = dict(Topic.choices)
    return {
        "topics": [
            (labels[topic], list(items))
            for topic, items in groupby(contacts, key=lambda c: c.topic)
        ]
    }
