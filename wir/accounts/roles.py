"""Roles per region and what each may do. The single table permissions are read from."""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COORDINATION = "coordination", _("Koordination")
    EDITOR = "editor", _("Redaktion")
    TRANSLATOR = "translator", _("Übersetzung")
    CLERK = "clerk", _("Fachdienst (Sachbearbeitung)")
    MEDIATOR = "mediator", _("Sprachmittlung")
    VOLUNTEER = "volunteer", _("Ehrenamt")
    PARTNER = "partner", _("Partnerorganisation")
    OBSERVER = "observer", _("Beobachtung (nur lesen)")


class Perm(StrEnum):
    """Actions a user may be allowed to do within one region."""

    USE_BACKOFFICE = "backoffice.use"  # enter the Wagtail admin
    MANAGE_REGION = "region.manage"  # settings, geography, languages
    MANAGE_ROLES = "roles.manage"  # grant and revoke roles of the region
    VIEW_CONTENT_ADMIN = "content.view_admin"
    EDIT_CONTENT = "content.edit"
    PUBLISH_CONTENT = "content.publish"
    TRANSLATE_CONTENT = "content.translate"
    REQUEST_MEDIATION = "mediation.request"
    MANAGE_MEDIATION = "mediation.manage"
    ACT_AS_MEDIATOR = "mediation.act_as_mediator"
    MANAGE_VOLUNTEERS = "volunteers.manage"
    ACT_AS_VOLUNTEER = "volunteers.act_as_volunteer"
    MANAGE_NETWORK = "network.manage"
    CONTRIBUTE_NETWORK = "network.contribute"
    VIEW_REPORTS = "reports.view"
    VIEW_PERSONAL_DATA = "personal_data.view"


ROLE_PERMS: Final[dict[str, frozenset[Perm]]] = {
    Role.COORDINATION: frozenset(Perm),
    Role.EDITOR: frozenset(
        {
            Perm.USE_BACKOFFICE,
            Perm.VIEW_CONTENT_ADMIN,
            Perm.EDIT_CONTENT,
            Perm.PUBLISH_CONTENT,
            Perm.TRANSLATE_CONTENT,
        }
    ),
    Role.TRANSLATOR: frozenset(
        {Perm.USE_BACKOFFICE, Perm.VIEW_CONTENT_ADMIN, Perm.TRANSLATE_CONTENT}
    ),
    Role.CLERK: frozenset({Perm.REQUEST_MEDIATION}),
    Role.MEDIATOR: frozenset({Perm.ACT_AS_MEDIATOR}),
    Role.VOLUNTEER: frozenset({Perm.ACT_AS_VOLUNTEER}),
    Role.PARTNER: frozenset({Perm.CONTRIBUTE_NETWORK, Perm.REQUEST_MEDIATION}),
    Role.OBSERVER: frozenset({Perm.USE_BACKOFFICE, Perm.VIEW_CONTENT_ADMIN, Perm.VIEW_REPORTS}),
}

# Roles that change public content or see personal data sign in with a second factor.
TWO_FACTOR_ROLES: Final[frozenset[str]] = frozenset({Role.COORDINATION, Role.EDITOR})

# Wagtail page permissions (on the root page of the region's tree) granted per role.
WAGTAIL_PAGE_PERMISSIONS: Final[dict[str, tuple[str, ...]]] = {
    Role.COORDINATION: (
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "bulk_delete_page",
    ),
    Role.EDITOR: ("add_page", "change_page", "publish_page", "lock_page"),
    # Translators write through the translation editor and the XLIFF import only (in their
    # languages, never publishing); Wagtail's page editor and wagtail-localize are not theirs.
    Role.TRANSLATOR: (),
    Role.OBSERVER: (),
}
