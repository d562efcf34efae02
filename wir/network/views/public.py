"""The public summary of a welcome-culture concept, if the region publishes it: in the
public site's frame and in every visible language of the region (the summary itself is
written in German and marked so)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation

from wir.core.models import RegionLanguage
from wir.network.models import WelcomeConcept


def concept_summary(request: HttpRequest, welcome_concept_id: int, language: str) -> HttpResponse:
    concept = (
        WelcomeConcept.objects.select_related("region", "area")
        .filter(pk=welcome_concept_id, is_public=True, region__is_active=True)
        .exclude(public_summary="")
        .first()
    )
    if concept is None:
        raise Http404("Nicht gefunden")
    visible = list(
        RegionLanguage.objects.filter(region=concept.region, is_visible=True)
        .select_related("language")
        .order_by("position")
    )
    if language not in {entry.language.code for entry in visible}:
        raise Http404("Sprache nicht verfügbar")
    links = [
        {
            "url": reverse("network_public_concept", args=[concept.pk, entry.language.code]),
            "code": entry.language.code,
            "direction": entry.language.direction,
            "native_name": entry.language.native_name,
            "is_current": entry.language.code == language,
            "is_translated": entry.language.code == "de",
        }
        for entry in visible
    ]
    with translation.override(language):
        response = render(
            request,
            "network/public_concept.html",
            {
                "concept": concept,
                "region": concept.region,
                "language_links": links,
                "language_code": language,
                "language_dir": "rtl" if translation.get_language_bidi() else "ltr",
                "paragraphs": [p for p in concept.public_summary.split("\n\n") if p.strip()],
            },
        )
    response["Content-Language"] = language
    return response
