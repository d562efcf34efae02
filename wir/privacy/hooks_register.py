"""Admin hooks of the register of processing activities: its URLs and menu item."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from wir.accounts.permissions import has_perm_somewhere
from wir.accounts.roles import Perm
from wir.privacy import register_views


@hooks.register("register_admin_urls")
def register_privacy_register_urls() -> list[Any]:
    return [
        path(
            "datenschutz/verzeichnis/",
            register_views.register_index,
            name="privacy_register_index",
        ),
        path(
            "datenschutz/<slug:region>/verzeichnis/",
            register_views.register_page,
            name="privacy_register",
        ),
    ]


class RegisterMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return has_perm_somewhere(request.user, Perm.VIEW_PERSONAL_DATA)


@hooks.register("register_admin_menu_item")
def register_privacy_register_menu_item() -> MenuItem:
    return RegisterMenuItem(
        gettext_lazy("Verarbeitungsverzeichnis"),
        reverse("privacy_register_index"),
        name="privacy-register",
        icon_name="list-ul",
        order=900,
    )
