"""Admin hooks: status (the matrix "Übersetzungsstand", minor changes, translator limits)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem

from wir.accounts.permissions import can, can_translate, regions_where
from wir.accounts.roles import Perm
from wir.translation import status_views


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
        return regions_where(request.user, Perm.TRANSLATE_CONTENT).exists()


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


def _translator_may_not(request: HttpRequest, page: Any) -> HttpResponse | None:
    """Translators edit pages of their languages only; German originals stay read-only for
    them. Editors and coordination (EDIT_CONTENT) are not limited here."""
    user = request.user
    if user.is_superuser or can(user, Perm.EDIT_CONTENT, page):
        return None
    if can_translate(user, page, page.locale.language_code):
        return None
    messages.error(
        request, _("Sie dürfen nur Übersetzungen in Ihren zugewiesenen Sprachen bearbeiten.")
    )
    return redirect("wagtailadmin_explore", page.get_parent().pk if page.get_parent() else page.pk)


@hooks.register("before_edit_page")
def limit_translators_edit(request: HttpRequest, page: Any) -> HttpResponse | None:
    return _translator_may_not(request, page)


@hooks.register("before_create_page")
def limit_translators_create(
    request: HttpRequest, parent_page: Any, page_class: Any
) -> HttpResponse | None:
    return _translator_may_not(request, parent_page)
