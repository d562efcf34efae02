"""The translators' panel of the back-office start page: per region and language of the
user, how many originals have an outdated or a missing translation (from the status
matrix, so the panel and the matrix never disagree)."""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlencode

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from wir.accounts.dashboard import Attention, AttentionPanel, regions_for_panel
from wir.accounts.permissions import translation_languages
from wir.accounts.roles import Perm
from wir.core.models import Language
from wir.translation.status import states


def translation_panel(request: HttpRequest) -> AttentionPanel | None:
    regions = list(regions_for_panel(request.user, Perm.TRANSLATE_CONTENT))
    if not regions:
        return None
    names = dict(Language.objects.values_list("code", "name_de"))
    lines: list[Attention] = []
    for region in regions:
        result = states.matrix(region, languages=translation_languages(request.user, region.pk))
        base = reverse("translation_status", args=[region.slug])
        for code in result.languages:
            counts = result.counts.get(code) or Counter()
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
