"""Keeping the `Language` table in step with the catalogue after each migration."""

from __future__ import annotations

from typing import Any

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS

from wir.core.languages import CATALOGUE


def sync_language_catalogue(
    sender: object, using: str = DEFAULT_DB_ALIAS, apps: Any = global_apps, **kwargs: Any
) -> None:
    try:
        language_model = apps.get_model("core", "Language")
    except LookupError:  # migrating backwards past the model
        return
    for info in CATALOGUE:
        language_model.objects.using(using).update_or_create(
            code=info.code,
            defaults={
                "name_de": info.name_de,
                "name_en": info.name_en,
                "native_name": info.native_name,
                "direction": info.direction,
            },
        )


def region_settings_changed(sender: object, instance: Any, **kwargs: Any) -> None:
    """A language of a region (or an area) changed: public answers of the region change."""
    from wir.core.actions import touch_region

    if not kwargs.get("raw"):
        touch_region(instance.region_id)


def site_changed(sender: object, instance: Any, **kwargs: Any) -> None:
    """A Wagtail site (host name, port, root page) changed: every public address may
    change, so every region's public answers are renewed."""
    from wir.core.actions import touch_region
    from wir.core.models import Region

    if kwargs.get("raw"):
        return
    for region_id in Region.objects.values_list("pk", flat=True):
        touch_region(region_id)
