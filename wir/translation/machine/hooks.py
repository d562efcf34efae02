"""Admin hooks of machine translation: URLs, menu item, page-listing button, log action."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from wir.accounts.permissions import ROOT_PATH_LENGTH, has_perm_somewhere, regions_where
from wir.accounts.roles import Perm
from wir.translation.machine import views as views_machine
from wir.translation.machine.actions import REVIEWED_ACTION


@hooks.register("register_admin_urls")
def register_machine_urls() -> list[Any]:
    return [
        path("uebersetzung/maschinell/", views_machine.batch, name="translation_machine"),
        path(
            "uebersetzung/maschinell/seite/<int:page_id>/",
            views_machine.translate_page,
            name="translation_machine_page",
        ),
        path(
            "uebersetzung/maschinell/auftrag/<int:job_id>/",
            views_machine.job_detail,
            name="translation_machine_job",
        ),
        path(
            "uebersetzung/maschinell/geprueft/<int:mark_id>/",
            views_machine.review,
            name="translation_machine_review",
        ),
    ]


class MachineMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return has_perm_somewhere(request.user, Perm.TRANSLATE_CONTENT)


@hooks.register("register_admin_menu_item")
def register_machine_menu_item() -> MenuItem:
    return MachineMenuItem(
        _("Maschinelle Übersetzung"),
        reverse("translation_machine"),
        name="machine-translation",
        icon_name="globe",
        order=330,
    )


def _translatable_roots(user: Any) -> frozenset[str]:
    """Paths of the region roots where `user` may translate, once per user object (the
    listing asks for every row)."""
    cached: frozenset[str] | None = getattr(user, "_wir_translatable_roots", None)
    if cached is None:
        cached = frozenset(
            regions_where(user, Perm.TRANSLATE_CONTENT)
            .exclude(root_page=None)
            .values_list("root_page__path", flat=True)
        )
        user._wir_translatable_roots = cached
    return cached


@hooks.register("register_page_listing_more_buttons")
def machine_translate_button(page: Any, user: Any, next_url: str | None = None) -> Iterator[Button]:
    # Pages below a region's home page (home pages exist per language already); the view
    # translates the German original of whichever language version this is.
    if page.depth > 3 and page.path[:ROOT_PATH_LENGTH] in _translatable_roots(user):
        yield Button(
            _("Maschinell übersetzen"),
            reverse("translation_machine_page", args=[page.pk]),
            icon_name="globe",
            priority=45,
        )


@hooks.register("register_log_actions")
def register_machine_log_actions(actions: Any) -> None:
    actions.register_action(
        REVIEWED_ACTION,
        _("Maschinelle Übersetzung geprüft"),
        _("Maschinelle Übersetzung als geprüft vermerkt"),
    )
