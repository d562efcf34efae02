"""The translators' panel of the back-office start page: per region and language of the
user, how many originals have an outdated or a missing translation (from the status
matrix, so the panel and the matrix never disagree).

The matrix's counts of a region (all its languages) are cached under the region's
translation version (`wir.translation.version`): the start page reads one query per
region instead of the matrix's dozen, and the first request after any change that could
move a count computes them again."""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlencode

from django.core.cache import cache
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from wir.accounts.dashboard import Attention, AttentionPanel, regions_for_panel
from wir.accounts.permissions import translation_languages
from wir.accounts.roles import Perm
from wir.core.models import Language, Region
from wir.translation.status import states
from wir.translation.version import translation_version

CACHE_SECONDS = 24 * 3600  # a version that is never asked for again ages out


def region_counts(region: Region) -> dict[str, dict[str, int]]:
    """language → status → number of originals, over all the region's languages (cached
    under the region's translation version)."""
    key = f"wir:translation-counts:{region.pk}:{translation_version(region.pk)}"
    counts: dict[str, dict[str, int]] | None = cache.get(key)
    if counts is None:
        result = states.matrix(region)
        counts = {code: dict(result.counts.get(code) or Counter()) for code in result.languages}
        cache.set(key, counts, CACHE_SECONDS)
    return counts


def translation_panel(request: HttpRequest) -> AttentionPanel | None:
    regions = list(regions_for_panel(request.user, Perm.TRANSLATE_CONTENT))
    if not regions:
        return None
    names = dict(Language.objects.values_list("code", "name_de"))
    lines: list[Attention] = []
    for region in regions:
        allowed = translation_languages(request.user, region.pk)
        base = reverse("translation_status", args=[region.slug])
        for code, counts in region_counts(region).items():
            if allowed is not None and code not in allowed:
                continue
            name = names.get(code, code)
            for status, label in (
                (states.OUTDATED, _("%(language)s: veraltete Übersetzungen")),
                (states.MISSING, _("%(language)s: fehlende Übersetzungen")),
            ):
                query = urlencode({"language": code, "status": status})
                lines.append(
                    Attention(
                        label % {"language": name},
                        counts.get(status, 0),
                        f"{base}?{query}",
                        region.name,
                    )
                )
    return AttentionPanel("dashboard-uebersetzung", _("Übersetzung: zu erledigen"), lines, order=60)
