"""The translation memory of one region and language, loaded for the translation editor.

Region isolation: only translations of the region's own originals (its German pages
below its root page and its snippets) are loaded, so another region's text is never
suggested. The matching itself is pure (`wir.translation.memory`).

The index is built once per region and language and kept in this process under the
region's translation version (`wir.translation.version`, one query per request): the next
editor request uses it again until a translation is saved (or the content changes).
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from django.db.models import Q
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation

from wir.core.models import Region
from wir.translation import memory
from wir.translation.status.states import SNIPPETS
from wir.translation.version import translation_version

KEPT = 32  # indexes kept per process (region × language), least recently used dropped

_indexes: OrderedDict[tuple[int, int], tuple[str, memory.Memory]] = OrderedDict()
_lock = threading.Lock()


def region_originals(region: Region) -> Q:
    """StringTranslation rows whose original belongs to `region` (subqueries, no ids)."""
    condition = Q(pk__in=[])
    if region.root_page is not None:
        pages = Page.objects.filter(path__startswith=region.root_page.path)
        condition |= Q(context__object_id__in=pages.values("translation_key"))
    for model, _label, _group in SNIPPETS.values():
        owned = model.objects.filter(region=region).values("translation_key")
        condition |= Q(context__object_id__in=owned)
    return condition


def region_memory(region: Region, locale: Locale) -> memory.Memory:
    """The region's earlier translations into `locale`, indexed: from this process's
    cache while the region's translation version is the same, else loaded (one query)."""
    key = (region.pk, locale.pk)
    version = translation_version(region.pk)
    with _lock:
        kept = _indexes.get(key)
        if kept is not None and kept[0] == version:
            _indexes.move_to_end(key)
            return kept[1]
    index = load_memory(region, locale)
    with _lock:
        _indexes[key] = (version, index)
        _indexes.move_to_end(key)
        while len(_indexes) > KEPT:
            _indexes.popitem(last=False)
    return index


def load_memory(region: Region, locale: Locale) -> memory.Memory:
    """The region's earlier translations into `locale` (one query), indexed."""
    rows = (
        StringTranslation.objects.filter(region_originals(region), locale=locale, has_error=False)
        .order_by("-updated_at", "pk")
        .values_list("translation_of__data", "data")
    )
    return memory.Memory(memory.Entry(source, target) for source, target in rows)
