"""Admin hooks: status (the matrix "Übersetzungsstand", minor changes)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from wir.accounts.permissions import has_perm_somewhere
from wir.accounts.roles import Perm
from wir.translation.status import views as status_views
from wir.translation.status.dashboard import translation_panel


@hooks.register("register_admin_urls")
def register_status_urls() -> list[Any]:
    return [
        path("uebersetzung/stand/", status_views.index, name="translation_status_index"),
        path("uebersetzung/stand/<slug:region>/", status_views.matrix, name="translation_status"),
        path(
            "uebersetzung/stand/<slug:region>/<str:kind>/<int:object_id>/<str:language>/",
            status_views.cell,
            name="translation_status_cell",
        ),
    ]


class StatusMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return has_perm_somewhere(request.user, Perm.TRANSLATE_CONTENT)


@hooks.register("register_admin_menu_item")
def register_status_menu_item() -> MenuItem:
    return StatusMenuItem(
        gettext_lazy("Übersetzungsstand"),
        reverse("translation_status_index"),
        name="translation-status",
        icon_name="doc-full",
        order=250,
    )


@hooks.register("register_log_actions")
def register_status_log_actions(actions: Any) -> None:
    actions.register_action(
        "wir.translation_minor_change",
        gettext_lazy("Kleine Änderung, Übersetzung übernommen"),
        gettext_lazy("Kleine Änderung"),
    )


@hooks.register("construct_homepage_panels")
def add_translation_panel(request: HttpRequest, panels: list[Any]) -> None:
    panel = translation_panel(request)
    if panel is not None:
        panels.append(panel)
