"""Admin hooks of the translation editor: its URLs and log action."""

from __future__ import annotations

from typing import Any

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from wir.translation.editor import views as editor_views
from wir.translation.editor.actions import EDITED_ACTION


@hooks.register("register_admin_urls")
def register_editor_urls() -> list[Any]:
    return [
        path(
            "uebersetzung/bearbeiten/<slug:region>/<str:kind>/<int:object_id>/<str:language>/",
            editor_views.edit,
            name="translation_editor",
        ),
        path(
            "uebersetzung/bearbeiten/ziel/<int:content_type_id>/<int:object_id>/",
            editor_views.edit_target,
            name="translation_editor_target",
        ),
    ]


@hooks.register("register_log_actions")
def register_editor_log_actions(actions: Any) -> None:
    actions.register_action(
        EDITED_ACTION,
        _("Übersetzung bearbeitet"),
        _("Übersetzung im Übersetzungs-Editor bearbeitet"),
    )
