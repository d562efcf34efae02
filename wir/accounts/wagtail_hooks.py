from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.urls import Resolver404, path, resolve, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.snippets.action_menu import PublishMenuItem, UnpublishMenuItem
from wagtail.snippets.models import register_snippet

from wir.accounts import team_views
from wir.accounts.admin_gate import allowed, region_policy_of
from wir.accounts.admin_views import (
    AreaViewSet,
    MembershipViewSet,
    RegionViewSet,
    register_policies,
)
from wir.accounts.permissions import has_perm_somewhere, regions_where
from wir.accounts.roles import Perm


@hooks.register("register_log_actions")
def register_role_log_actions(actions: Any) -> None:
    actions.register_action("wir.role_granted", _("Rolle vergeben"), _("Rolle vergeben"))
    actions.register_action("wir.role_revoked", _("Rolle entzogen"), _("Rolle entzogen"))
    actions.register_action("wir.role_changed", _("Rolle geändert"), _("Rolle geändert"))
    actions.register_action("wir.staff_invited", _("Person eingeladen"), _("Person eingeladen"))
    actions.register_action(
        "wir.role_languages", _("Sprachen der Übersetzung geändert"), _("Sprachen geändert")
    )


register_policies()


def _may_publish(context: dict[str, Any]) -> bool:
    """Ask the model's policy (its region) whether the user may publish, not Django's
    model permissions, which our roles do not grant."""
    policy = region_policy_of(context.get("model"))
    user = context["request"].user
    if policy is None or context.get("locked_for_user"):
        return False
    instance = context.get("instance")
    if instance is None:
        return policy.user_has_permission(user, "publish")
    return policy.user_has_permission_for_instance(user, "publish", instance)


class RegionPublishMenuItem(PublishMenuItem):
    def is_shown(self, context: dict[str, Any]) -> bool:
        return _may_publish(context)


class RegionUnpublishMenuItem(UnpublishMenuItem):
    def is_shown(self, context: dict[str, Any]) -> bool:
        instance = context.get("instance")
        live = context["view"] == "edit" and instance is not None and instance.live
        return live and _may_publish(context)


@hooks.register("construct_snippet_action_menu")
def publish_by_region(menu_items: list[Any], request: HttpRequest, context: Any) -> None:
    """Wagtail shows "Veröffentlichen" to holders of the Django permission
    `publish_<model>`; for region-scoped content the region's roles decide
    (`PUBLISH_CONTENT`: editors and coordination)."""
    if not context.get("draftstate_enabled") or region_policy_of(context.get("model")) is None:
        return
    menu_items[:] = [
        item for item in menu_items if not isinstance(item, PublishMenuItem | UnpublishMenuItem)
    ]
    for item in (RegionUnpublishMenuItem(order=20), RegionPublishMenuItem(order=30)):
        if item.is_shown(context):
            menu_items.append(item)
    menu_items.sort(key=lambda item: item.order)


register_snippet(RegionViewSet)
register_snippet(AreaViewSet)
register_snippet(MembershipViewSet)


def _pages_of_own_regions(user: Any, pages: QuerySet[Any]) -> QuerySet[Any]:
    """Pages below the root pages of the regions whose content the user may see."""
    if user.is_superuser:
        return pages
    roots = regions_where(user, Perm.VIEW_CONTENT_ADMIN).values_list("root_page__path", flat=True)
    scope = Q(depth=1)
    for root_path in roots:
        if root_path:
            scope |= Q(path__startswith=root_path)
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


@hooks.register("register_admin_urls")
def register_team_urls() -> list[Any]:
    return [
        path("rollen/", team_views.index, name="accounts_team_index"),
        path("rollen/<slug:region>/", team_views.team, name="accounts_team"),
        path(
            "rollen/<slug:region>/<int:membership_id>/aendern/",
            team_views.change,
            name="accounts_role_change",
        ),
        path(
            "rollen/<slug:region>/<int:membership_id>/entziehen/",
            team_views.revoke,
            name="accounts_role_revoke",
        ),
    ]


class TeamMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return has_perm_somewhere(request.user, Perm.MANAGE_ROLES)


@hooks.register("register_admin_menu_item")
def register_team_menu_item() -> MenuItem:
    return TeamMenuItem(
        _("Team und Rollen"),
        reverse("accounts_team_index"),
        name="team",
        icon_name="user",
        order=900,
    )


@hooks.register("construct_homepage_summary_items", order=100)  # after Wagtail's own
def drop_page_summary(request: HttpRequest, summary_items: list[Any]) -> None:
    """Wagtail's "N pages in <host>" counts every region's pages under the host's name
    ("localhost"); each role's panels say what matters in its own regions instead."""
    summary_items[:] = [item for item in summary_items if not isinstance(item, PagesSummaryItem)]
