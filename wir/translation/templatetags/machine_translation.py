"""Public marking of machine translations: `{% machine_translation_notice page %}`.

Takes objects (a page, an offer, an event, ...) or lists of them, also nested as the
contacts page groups them, and shows the notice once if any of them is machine-translated
and not reviewed yet. One query, whatever the number of objects.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import template
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q
from django.utils import translation
from wagtail.models import Page

from wir.core.languages import DEFAULT_LANGUAGE
from wir.translation.models import MachineTranslation

register = template.Library()


def _keys(values: Any) -> Iterator[tuple[int, int]]:
    """(content type id, object id) of the model instances among `values`, nested or not."""
    for value in values:
        if isinstance(value, Page):
            # A page's content_type is its specific type, which the marks use.
            yield value.content_type_id, value.pk
        elif isinstance(value, Model):
            yield ContentType.objects.get_for_model(value).pk, value.pk
        elif hasattr(value, "__iter__") and not isinstance(value, str | bytes | dict):
            yield from _keys(value)


def unreviewed(*values: Any) -> bool:
    """True if any of the objects is a machine translation nobody has reviewed yet."""
    if translation.get_language() == DEFAULT_LANGUAGE:
        return False  # machine translations are never German; no query for the originals
    by_type: dict[int, set[int]] = {}
    for content_type_id, object_id in _keys(values):
        if object_id is not None:
            by_type.setdefault(content_type_id, set()).add(int(object_id))
    if not by_type:
        return False
    condition = Q()
    for content_type_id, ids in by_type.items():
        condition |= Q(content_type_id=content_type_id, object_id__in=ids)
    return MachineTranslation.objects.filter(condition, reviewed_at=None).exists()


@register.inclusion_tag("translation/machine_notice.html")
def machine_translation_notice(*values: Any) -> dict[str, Any]:
    return {"machine_translated": unreviewed(*values)}
