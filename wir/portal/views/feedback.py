"""POST /rueckmeldung/: "Was this page helpful?" from any public page."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from wir.accounts.permissions import region_id_for_page_path
from wir.core.models import Region
from wir.portal.feedback import FeedbackInput, rate_limited, record_feedback
from wir.portal.models import DirectoryPage, Offer
from wir.portal.publication import visible


class FeedbackForm(forms.Form):
    page = forms.IntegerField(min_value=1)
    offer = forms.IntegerField(min_value=1, required=False)
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


@require_POST
def feedback_view(request: HttpRequest) -> HttpResponse:
    language = request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        return _handle(request, language)


def _handle(request: HttpRequest, language: str) -> HttpResponse:
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return _error(request, [str(e) for errors in form.errors.values() for e in errors], 400)
    page = visible(Page.objects.filter(pk=form.cleaned_data["page"])).first()
    region_id = region_id_for_page_path(page.path) if page else None
    region = Region.objects.filter(pk=region_id, is_active=True).first() if region_id else None
    if page is None or region is None:
        return _error(request, [str(_("Diese Seite gibt es nicht."))], 400)
    offer = None
    if form.cleaned_data.get("offer"):
        offer = Offer.objects.public().filter(region=region, pk=form.cleaned_data["offer"]).first()
        if offer is None or not isinstance(page.specific, DirectoryPage):
            return _error(request, [str(_("Dieses Angebot gibt es nicht oder nicht mehr."))], 400)
    if rate_limited(request.META.get("REMOTE_ADDR", "")):
        return _error(request, [str(TOO_MANY)], 429)
    record_feedback(
        FeedbackInput(
            region=region,
            page_id=page.pk,
            offer=offer,
            language_code=language,
            helpful=form.cleaned_data["helpful"] == "ja",
            comment=form.cleaned_data.get("comment", ""),
        )
    )
    target = page.url or "/"
    if offer is not None:
        target = f"{target}angebot/{offer.pk}/"
    return HttpResponseRedirect(f"{target}?rueckmeldung=danke#rueckmeldung")


def _error(request: HttpRequest, messages: list[str], status: int) -> HttpResponse:
    return render(request, "portal/feedback_error.html", {"messages_": messages}, status=status)
