"""POST /rueckmeldung/: "Was this page helpful?" from any public page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from wir.accounts.permissions import region_id_for_page_path
from wir.core.models import Region
from wir.core.origin import cross_site
from wir.portal.feedback import FeedbackInput, rate_limited, record_feedback
from wir.portal.models import DirectoryPage, Event, EventIndexPage, Offer, Place, offer_subpath
from wir.portal.publication import visible


class FeedbackForm(forms.Form):
    page = forms.IntegerField(min_value=1)
    offer = forms.IntegerField(min_value=1, required=False)
    place = forms.IntegerField(min_value=1, required=False)
    event = forms.IntegerField(min_value=1, required=False)
    helpful = forms.ChoiceField(
        choices=[("ja", _("ja")), ("nein", _("nein"))],
        error_messages={"required": _("Bitte wählen Sie „Ja“ oder „Nein“.")},
    )
    comment = forms.CharField(
        required=False,
        max_length=1000,
        error_messages={"max_length": _("Bitte schreiben Sie höchstens 1000 Zeichen.")},
    )


TOO_MANY = _(
    "Sie haben schon viele Rückmeldungen geschickt. Danke! Bitte versuchen Sie es später wieder."
)


# The form sits on cached public pages without a per-visitor token; the browser's origin
# headers protect it instead (wir/core/origin.py).
@csrf_exempt
@require_POST
def feedback_view(request: HttpRequest) -> HttpResponse:
    language = request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        if cross_site(request):
            message = _("Rückmeldungen nehmen wir nur von unseren eigenen Seiten an.")
            return _error(request, [str(message)], 403)
        return _handle(request, language)


def _handle(request: HttpRequest, language: str) -> HttpResponse:
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return _error(request, [str(e) for errors in form.errors.values() for e in errors], 400)
    data = form.cleaned_data
    page = visible(Page.objects.filter(pk=data["page"])).first()
    region_id = region_id_for_page_path(page.path) if page else None
    region = Region.objects.filter(pk=region_id, is_active=True).first() if region_id else None
    if page is None or region is None:
        return _error(request, [str(_("Diese Seite gibt es nicht."))], 400)
    about = _what_about(data, region, page)
    if isinstance(about, str):
        return _error(request, [about], 400)
    if rate_limited(request):
        return _error(request, [str(TOO_MANY)], 429)
    record_feedback(
        FeedbackInput(
            region=region,
            page_id=page.pk,
            offer=about.offer,
            place=about.place,
            event=about.event,
            language_code=language,
            helpful=data["helpful"] == "ja",
            comment=data.get("comment", ""),
        )
    )
    target = f"{page.url or '/'}{about.path}"
    return HttpResponseRedirect(f"{target}?rueckmeldung=danke#rueckmeldung")


@dataclass(frozen=True)
class About:
    """What on a page the feedback is about, and its path below the page."""

    offer: Offer | None = None
    place: Place | None = None
    event: Event | None = None
    path: str = ""


def _what_about(data: dict[str, Any], region: Region, page: Page) -> About | str:
    """The offer or place (below the directory) or event (below the calendar) the feedback
    is about, or a German message why it cannot be taken."""
    if sum(bool(data.get(name)) for name in ("offer", "place", "event")) > 1:
        return str(_("Bitte nur eine Sache auf einmal bewerten."))
    specific = page.specific
    if data.get("offer"):
        offer = Offer.objects.public().filter(region=region, pk=data["offer"]).first()
        if offer is None or not isinstance(specific, DirectoryPage):
            return str(_("Dieses Angebot gibt es nicht oder nicht mehr."))
        return About(offer=offer, path=offer_subpath(offer.pk))
    if data.get("place"):
        place = Place.objects.filter(region=region, pk=data["place"]).first()
        if place is None or not isinstance(specific, DirectoryPage):
            return str(_("Diesen Ort gibt es hier nicht."))
        return About(place=place, path=f"ort/{place.pk}/")
    if data.get("event"):
        event = visible(Event.objects.filter(region=region, pk=data["event"])).first()
        if event is None or not isinstance(specific, EventIndexPage):
            return str(_("Diese Veranstaltung gibt es nicht oder nicht mehr."))
        return About(event=event, path=f"veranstaltung/{event.pk}/")
    return About()


def _error(request: HttpRequest, messages: list[str], status: int) -> HttpResponse:
    return render(request, "portal/feedback_error.html", {"messages_": messages}, status=status)
