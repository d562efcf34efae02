"""Admin hooks of the programme report: its screens and the menu item."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from wir.accounts.permissions import has_perm_somewhere
from wir.accounts.roles import Perm
from wir.reports import views


@hooks.register("register_admin_urls")
def register_report_urls() -> list[Any]:
    return [
        path("programmbericht/", views.index, name="reports_index"),
        path("programmbericht/<slug:region>/", views.region_reports, name="reports_region"),
        path(
            "programmbericht/<slug:region>/<int:report_run_id>/",
            views.run_detail,
            name="reports_run",
        ),
        path(
            "programmbericht/<slug:region>/<int:report_run_id>/bericht.<str:fmt>",
            views.export,
            name="reports_export",
        ),
    ]


class ReportsMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return has_perm_somewhere(request.user, Perm.VIEW_REPORTS)


@hooks.register("register_admin_menu_item")
def register_reports_menu_item() -> MenuItem:
    return ReportsMenuItem(
        gettext_lazy("Programmbericht"),
        reverse("reports_index"),
        name="programmbericht",
        icon_name="table",
        order=900,
    )
