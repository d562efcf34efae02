"""Keep the fixed catalogue of target groups in the database after each migration."""

from __future__ import annotations

from typing import Any

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Model


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


def sanitise_rich_text_fields(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    """Clean every rich-text field before it is stored (see wir.core.html)."""
    from django.conf import settings
    from wagtail.fields import RichTextField

    from wir.core.html import sanitise_rich_text

    for field in sender._meta.concrete_fields:
        if isinstance(field, RichTextField):
            value = getattr(instance, field.attname)
            if value:
                setattr(
                    instance, field.attname, sanitise_rich_text(value, settings.WIR_IFRAME_HOSTS)
                )
