"""Mailings: coordination composes one, sees the recipient count, sends; and the public
one-click unsubscribe page behind the link in every mailing."""

from __future__ import annotations

import secrets
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from wir.accounts.permissions import access_region
from wir.accounts.roles import Perm
from wir.core.models import Area, Region
from wir.volunteers import mailing
from wir.volunteers.actions import Refused
from wir.volunteers.models import Interest, Network

INPUT = {"class": "kern-form-input__input"}
SELECT = {"class": "kern-form-input__select"}


class MailingForm(forms.Form):
    network = forms.ModelChoiceField(
        Network.objects.none(),
        label=gettext_lazy("An ein Netzwerk"),
        required=False,
        empty_label=gettext_lazy("alle Netzwerke"),
        widget=forms.Select(attrs=SELECT),
        error_messages={"invalid_choice": gettext_lazy("Bitte wählen Sie ein Netzwerk der Liste.")},
    )
    interest = forms.ChoiceField(
        label=gettext_lazy("Mit dem Interesse"),
        required=False,
        choices=[("", gettext_lazy("alle Interessen")), *Interest.choices],
        widget=forms.Select(attrs=SELECT),
        error_messages={
            "invalid_choice": gettext_lazy("Bitte wählen Sie ein Interesse der Liste.")
        },
    )
    municipality = forms.ModelChoiceField(
        Area.objects.none(),
        label=gettext_lazy("Wohnort"),
        required=False,
        empty_label=gettext_lazy("alle Kommunen"),
        widget=forms.Select(attrs=SELECT),
        error_messages={"invalid_choice": gettext_lazy("Bitte wählen Sie eine Kommune der Liste.")},
    )
    subject = forms.CharField(
        label=gettext_lazy("Betreff"),
        max_length=150,
        widget=forms.TextInput(attrs=INPUT),
        error_messages={
            "required": gettext_lazy("Bitte geben Sie einen Betreff ein."),
            "max_length": gettext_lazy("Der Betreff ist zu lang (höchstens 150 Zeichen)."),
        },
    )
    body = forms.CharField(
        label=gettext_lazy("Text"),
        max_length=10000,
        help_text=gettext_lazy(
            "Ohne Namen anderer Personen. Anrede und Abmeldelink setzt die Plattform dazu."
        ),
        widget=forms.Textarea(attrs={**INPUT, "rows": "8"}),
        error_messages={
            "required": gettext_lazy("Bitte geben Sie den Text der Rundmail ein."),
            "max_length": gettext_lazy("Der Text ist zu lang (höchstens 10.000 Zeichen)."),
        },
    )

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        network = self.fields["network"]
        municipality = self.fields["municipality"]
        assert isinstance(network, forms.ModelChoiceField)
        assert isinstance(municipality, forms.ModelChoiceField)
        network.queryset = Network.objects.filter(region=region).order_by("name")
        municipality.queryset = Area.objects.filter(
            region=region, kind=Area.Kind.MUNICIPALITY
        ).order_by("name")

    def audience(self) -> mailing.Audience:
        data = self.cleaned_data
        return mailing.Audience(data["network"], data["interest"], data["municipality"])


def _render(request: HttpRequest, context: dict[str, Any], status: int = 200) -> HttpResponse:
    return render(request, "volunteers/coordination/mailings.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def mailings(request: HttpRequest, region: str) -> HttpResponse:
    region_obj = access_region(request.user, region, Perm.MANAGE_VOLUNTEERS)
    form = MailingForm(request.POST or None, region=region_obj)
    key = request.POST.get("key", "") if request.method == "POST" else ""
    context: dict[str, Any] = {
        "region": region_obj,
        "form": form,
        "key": key or secrets.token_urlsafe(24),
        "history": mailing.history(region_obj),
        "count": None,
    }
    if request.method != "POST":
        return _render(request, context)
    if not form.is_valid():
        return _render(request, context, status=400)
    audience = form.audience()
    if request.POST.get("step") != "send":
        context["count"] = mailing.recipients(region_obj, audience).distinct().count()
        context["audience"] = audience.describe()
        return _render(request, context)
    data = form.cleaned_data
    try:
        sent = mailing.send_mailing(
            request.user, region_obj, audience, subject=data["subject"], body=data["body"], key=key
        )
    except Refused as refused:
        form.add_error(None, refused.message)
        return _render(request, context, status=400)
    count = sent.mailing.recipient_count
    if sent.repeated:
        messages.info(
            request,
            _(
                "Diese Rundmail ist schon verschickt (an %(count)s Personen); "
                "niemand bekommt sie doppelt."
            )
            % {"count": count},
        )
    else:
        messages.success(request, _("Die Rundmail geht an %(count)s Personen.") % {"count": count})
    return redirect("volunteers:mailings", region=region_obj.slug)


# The token is the authorisation (no sign-in, no cookie): mail programs send the RFC 8058
# one-click POST without a CSRF token, and a forged POST can only unsubscribe.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    volunteer = mailing.volunteer_of(token)
    context: dict[str, Any] = {"token": token, "volunteer": volunteer}
    if volunteer is None:
        return render(request, "volunteers/unsubscribe.html", context, status=404)
    if request.method == "POST":
        mailing.unsubscribe(token)
        context["done"] = True
    return render(request, "volunteers/unsubscribe.html", context)
