"""Admin hooks of the Sprachpool: the coordination screens and their menu item."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from wir.accounts.permissions import has_perm_somewhere
from wir.accounts.roles import Perm
from wir.sprachpool import views
from wir.sprachpool.admin_views import MediatorViewSet, PoolRulesViewSet, register_policies
from wir.sprachpool.dashboard import coordination_panel


@hooks.register("register_admin_urls")
def register_sprachpool_urls() -> list[Any]:
    return [
        path("sprachpool/", views.index, name="sprachpool_index"),
        path("sprachpool/<slug:region>/vermittlung/", views.plan, name="sprachpool_plan"),
        path(
            "sprachpool/<slug:region>/abrechnung/",
            views.statements_overview,
            name="sprachpool_statements",
        ),
        path("sprachpool/<slug:region>/berichte/", views.report, name="sprachpool_report"),
        path(
            "sprachpool/<slug:region>/anfrage/<int:request_id>/",
            views.request_detail,
            name="sprachpool_request",
        ),
        path("sprachpool/<slug:region>/anfragen/", views.board_view, name="sprachpool_board"),
        path(
            "sprachpool/<slug:region>/anfrage/<int:request_id>/absagen/",
            views.request_cancel,
            name="sprachpool_request_cancel",
        ),
        path(
            "sprachpool/<slug:region>/anfrage/<int:request_id>/neu-suchen/",
            views.request_search,
            name="sprachpool_request_search",
        ),
    ]


class SprachpoolMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return has_perm_somewhere(request.user, Perm.MANAGE_MEDIATION)


@hooks.register("register_admin_menu_item")
def register_sprachpool_menu_item() -> MenuItem:
    return SprachpoolMenuItem(
        gettext_lazy("Sprachpool"),
        reverse("sprachpool_index"),
        name="sprachpool",
        icon_name="group",
        order=300,
    )


@hooks.register("register_log_actions")
def register_sprachpool_log_actions(actions: Any) -> None:
    actions.register_action(
        "wir.sprachpool_offer_sent",
        gettext_lazy("Angebot an Sprachmittlung gesendet"),
        gettext_lazy("Angebot gesendet"),
    )


register_policies()
register_snippet(MediatorViewSet)
register_snippet(PoolRulesViewSet)


@hooks.register("construct_homepage_panels")
def add_coordination_panel(request: HttpRequest, panels: list[Any]) -> None:
    panel = coordination_panel(request)
    if panel is not None:
        panels.append(panel)
