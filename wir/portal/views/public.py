"""The thin resolver: /{region}/{language}/{path} → that region's Wagtail page in that locale."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail import hooks
from wagtail.models import Page, Site

from wir.core.hotpath import mark_public, region_version
from wir.core.languages import DEFAULT_LANGUAGE
from wir.core.memo import remember_for_region
from wir.core.models import Region
from wir.core.queries import active_region, visible_languages
from wir.core.request import notes_of
from wir.portal.publication import is_expired
from wir.portal.queries import home_page_for, offered_languages


@require_safe
def region_list(request: HttpRequest) -> HttpResponse:
    version = region_version(None)
    regions = Region.objects.filter(is_active=True).order_by("name")
    response = render(request, "portal/region_list.html", {"regions": regions})
    return mark_public(response, None, version=version)


@require_safe
def region_root(request: HttpRequest, region: str) -> HttpResponse:
    found = active_region(region)
    if found is None:
        raise Http404(_("Diese Region gibt es hier nicht."))
    codes = [rl.language.code for rl in offered_languages(found)]
    preferred = translation.get_language_from_request(request)
    return redirect(f"/{found.slug}/{preferred if preferred in codes else DEFAULT_LANGUAGE}/")


def _route(request: HttpRequest, region: Region, home: Page, components: list[str]) -> Any:
    """Wagtail's routing from the home page (its own sub-routes first, then its children),
    with the child that `components[0]` names remembered per region content version.
    Expiry is checked by the caller on the page routed to, as before."""
    if not components or _home_answers(home, components):
        return home.route(request, components)
    child = remember_for_region(
        region,
        ("home_child", home.pk, components[0]),
        lambda: _child(home, components[0]),
        keep_if=_without_expiry,
    )
    if child is None:
        raise Http404
    return child.route(request, components[1:])


def _without_expiry(page: Page | None) -> bool:
    """A page with an expiry date is read every time (it may expire without a publish)."""
    return page is None or page.expire_at is None


def _home_answers(home: Page, components: list[str]) -> bool:
    try:
        home.resolve_subpage("/" + "/".join(components) + "/")
    except Http404:
        return False
    return True


def _child(home: Page, slug: str) -> Page | None:
    child = home.get_children().filter(slug=slug).first()
    if child is None:
        return None
    child._cached_parent_obj = home  # as Wagtail's Page.route does: no query for the parent
    return child.specific


def _remember_region_settings(request: HttpRequest, region: Region) -> None:
    """The region's public languages and the Wagtail site of this host, kept per region
    content version instead of two queries a request: a change of a region language moves
    the version (wir.core.signals.region_settings_changed), so does a change of a site
    (wir.core.signals.site_changed, for every region)."""
    region._visible_languages = remember_for_region(  # type: ignore[attr-defined]
        region, ("visible_languages",), lambda: visible_languages(region)
    )
    if not hasattr(request, "_wagtail_site"):  # Wagtail's own place for it on the request
        hostname = split_domain_port(request._get_raw_host())[0]  # type: ignore[attr-defined]
        request._wagtail_site = remember_for_region(  # type: ignore[attr-defined]
            region,
            ("site", hostname, request.get_port()),
            lambda: Site.find_for_request(request),
        )


def serve(request: HttpRequest, path: str) -> HttpResponse:
    """Every public page: /{region}/ redirects to a language, /{region}/{language}/... serves."""
    parts = [part for part in path.split("/") if part]
    if not parts:
        raise Http404(_("Diese Seite gibt es nicht."))
    if len(parts) == 1:
        return region_root(request, parts[0])
    region, language, components = parts[0], parts[1], parts[2:]
    found = active_region(region)
    if found is None:
        raise Http404(_("Diese Region gibt es hier nicht."))
    notes_of(request).region = found
    _remember_region_settings(request, found)
    if language not in {rl.language.code for rl in visible_languages(found)}:
        raise Http404(_("Diese Sprache wird in dieser Region nicht angeboten."))
    translation.activate(language)
    request.LANGUAGE_CODE = language
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    # The home page and its children are the same for every visitor until the next publish:
    # kept per region content version (wir.core.memo.remember_for_region).
    home = remember_for_region(
        found,
        ("home_page", language),
        lambda: home_page_for(found, language),
        keep_if=_without_expiry,
    )
    if home is None:
        raise Http404(_("Diese Seite ist in dieser Sprache noch nicht verfügbar."))
    route_result = _route(request, found, home, components)
    page, args, kwargs = route_result.page, route_result.args, route_result.kwargs
    if is_expired(page):  # even before `publish_scheduled` has unpublished it
        raise Http404(_("Diese Seite gibt es nicht oder nicht mehr."))
    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    response = page.serve(request, *args, **kwargs)
    # Rendered from the region as loaded above (its content version), valid until the page
    # expires; the hot path keeps it for the next visitor who is not signed in.
    return mark_public(response, found, valid_until=page.expire_at)
