"""Admin hooks of the privacy core: the audit log and people's data for coordination of a
region (here), the register of processing activities (hooks_register, loaded here, as
Wagtail finds only `wagtail_hooks`)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from wir.accounts.permissions import has_perm_somewhere
from wir.accounts.roles import Perm
from wir.privacy import (
    hooks_register,  # noqa: F401 (registers its URLs and menu item)
    views,
)


@hooks.register("register_admin_urls")
def register_privacy_urls() -> list[Any]:
    return [
        path("datenschutz/", views.index, name="privacy_index"),
        path("datenschutz/<slug:region>/protokoll/", views.audit_log, name="privacy_audit_log"),
        path("datenschutz/<slug:region>/personen/", views.people, name="privacy_people"),
        path(
            "datenschutz/<slug:region>/personen/<int:user_id>/",
            views.person,
            name="privacy_person",
        ),
    ]


class PrivacyMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return has_perm_somewhere(request.user, Perm.VIEW_PERSONAL_DATA)


@hooks.register("register_admin_menu_item")
def register_privacy_menu_item() -> MenuItem:
    return PrivacyMenuItem(
        gettext_lazy("Datenschutz"),
        reverse("privacy_index"),
        name="privacy",
        icon_name="lock",
        order=900,
    )
