from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from wir.accounts.admin_views import (
    AreaViewSet,
    MembershipViewSet,
    RegionViewSet,
    register_policies,
)


@hooks.register("register_log_actions")
def register_role_log_actions(actions: Any) -> None:
    actions.register_action("wir.role_granted", _("Rolle vergeben"), _("Rolle vergeben"))
    actions.register_action("wir.role_revoked", _("Rolle entzogen"), _("Rolle entzogen"))
    actions.register_action(
        "wir.role_languages", _("Sprachen der Übersetzung geändert"), _("Sprachen geändert")
    )


register_policies()
register_snippet(RegionViewSet)
register_snippet(AreaViewSet)
register_snippet(MembershipViewSet)
