"""Keep the fixed catalogue of target groups in the database after each migration."""

from __future__ import annotations

from typing import Any

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS


def sync_target_groups(
    sender: object, using: str = DEFAULT_DB_ALIAS, apps: Any = global_apps, **kwargs: Any
) -> None:
    from wir.portal.models.offers import TARGET_GROUPS

    try:
        model = apps.get_model("portal", "TargetGroup")
    except LookupError:
        return
    for position, (code, name) in enumerate(TARGET_GROUPS):
        model.objects.using(using).update_or_create(
            code=code, defaults={"name": name, "position": position}
        )
