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


def region_of_content(instance: Model) -> int | None:
    """The region a piece of public content belongs to, for touch_region."""
    region_id = getattr(instance, "region_id", None)
    if region_id is not None:
        return int(region_id)
    place = getattr(instance, "place", None)  # opening slots and closed days
    if place is not None and getattr(instance, "place_id", None) is not None:
        return int(place.region_id)
    return None


def content_changed(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    """An offer, place, event, contact (or part of one) was saved or deleted."""
    from wir.core.actions import touch_region

    if kwargs.get("raw"):  # loaddata
        return
    touch_region(region_of_content(instance))


def page_changed(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    """A page was published, unpublished, moved or deleted."""
    from wir.accounts.permissions import region_id_for_page_path
    from wir.core.actions import touch_region

    path = getattr(instance, "path", "")
    if path:
        touch_region(region_id_for_page_path(path))


def restriction_changed(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    """A page was made private or public again: cached public answers must not keep it."""
    page = getattr(instance, "page", None)
    if page is not None:
        page_changed(sender, page)
