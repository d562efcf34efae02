from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_role_log_actions(actions: Any) -> None:
    actions.register_action("wir.role_granted", _("Rolle vergeben"), _("Rolle vergeben"))
    actions.register_action("wir.role_revoked", _("Rolle entzogen"), _("Rolle entzogen"))
