from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_import_log_actions(actions: Any) -> None:
    actions.register_action(
        "wir.integreat_import", _("Import aus Integreat"), _("Import aus Integreat")
    )
