from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.urls import Resolver404, resolve
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from wir.accounts.admin_gate import allowed
from wir.accounts.admin_views import (
    AreaViewSet,
    MembershipViewSet,
    RegionViewSet,
    register_policies,
)
from wir.accounts.permissions import regions_where
from wir.accounts.roles import Perm


@hooks.register("register_log_actions")
def register_role_log_actions(actions: Any) -> None:
    actions.register_action("wir.role_granted", _("Rolle vergeben"), _("Rolle vergeben"))
    actions.register_action("wir.role_revoked", _("Rolle entzogen"), _("Rolle entzogen"))
    actions.register_action(
        "wir.role_languages", _("Sprachen der Übersetzung geändert"), _("Sprachen geändert")
    )


register_policies()
register_snippet(RegionViewSet)
register_snippet(AreaViewSet)
register_snippet(MembershipViewSet)


def _pages_of_own_regions(user: Any, pages: QuerySet[Any]) -> QuerySet[Any]:
    """Pages below the root pages of the regions whose content the user may see."""
    if user.is_superuser:
        return pages
    roots = regions_where(user, Perm.VIEW_CONTENT_ADMIN).values_list("root_page__path", flat=True)
    scope = Q(depth=1)
    for path in roots:
        if path:
            scope |= Q(path__startswith=path)
    return pages.filter(scope)


@hooks.register("construct_page_chooser_queryset")
def scope_page_chooser(pages: QuerySet[Any], request: HttpRequest) -> QuerySet[Any]:
    return _pages_of_own_regions(request.user, pages)


@hooks.register("construct_explorer_page_queryset")
def scope_explorer(parent_page: Any, pages: QuerySet[Any], request: HttpRequest) -> QuerySet[Any]:
    return _pages_of_own_regions(request.user, pages)


def _hide_refused(request: HttpRequest, menu_items: list[Any]) -> None:
    """Menu entries whose route the admin gate refuses are not shown."""
    for item in list(menu_items):
        url = getattr(item, "url", "")
        try:
            match = resolve(url)
        except Resolver404:
            continue
        if not allowed(request.user, request, match):
            menu_items.remove(item)


@hooks.register("construct_reports_menu")
def hide_refused_reports(request: HttpRequest, menu_items: list[Any]) -> None:
    _hide_refused(request, menu_items)
