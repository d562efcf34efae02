"""Coordination's pages for trainings and network meetings: create, see who is registered
and who waits, change the number of places (people waiting move up)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from wir.accounts.permissions import access_region
from wir.accounts.roles import Perm
from wir.core.models import Area, Region
from wir.volunteers import gathering_queries, gatherings
from wir.volunteers.actions import Refused
from wir.volunteers.models import Network
from wir.volunteers.models_events import Gathering, GatheringRegistration

INPUT = {"class": "kern-form-input__input"}
SELECT = {"class": "kern-form-input__select"}
WHEN = forms.DateTimeInput(attrs={**INPUT, "type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
WHEN_ERRORS = {
    "required": gettext_lazy("Bitte geben Sie Datum und Uhrzeit an."),
    "invalid": gettext_lazy("Bitte Datum und Uhrzeit angeben, z. B. 2027-03-01 18:00."),
}


class GatheringForm(forms.ModelForm):
    class Meta:
        model = Gathering
        fields = [
            "kind",
            "title",
            "description",
            "network",
            "area",
            "location",
            "starts_at",
            "ends_at",
            "places",
        ]
        widgets = {
            "kind": forms.Select(attrs=SELECT),
            "title": forms.TextInput(attrs=INPUT),
            "description": forms.Textarea(attrs={**INPUT, "rows": "4"}),
            "network": forms.Select(attrs=SELECT),
            "area": forms.Select(attrs=SELECT),
            "location": forms.TextInput(attrs=INPUT),
            "starts_at": WHEN,
            "ends_at": WHEN,
            "places": forms.NumberInput(attrs={**INPUT, "min": "1"}),
        }
        error_messages = {
            "title": {"required": gettext_lazy("Bitte geben Sie einen Titel ein.")},
            "location": {"required": gettext_lazy("Bitte geben Sie den Treffpunkt an.")},
            "area": {
                "required": gettext_lazy("Bitte wählen Sie die Kommune."),
                "invalid_choice": gettext_lazy("Bitte wählen Sie eine Kommune der Liste."),
            },
            "network": {"invalid_choice": gettext_lazy("Bitte wählen Sie ein Netzwerk der Liste.")},
            "starts_at": WHEN_ERRORS,
            "ends_at": WHEN_ERRORS,
            "places": {
                "required": gettext_lazy("Bitte geben Sie die Zahl der Plätze an."),
                "invalid": gettext_lazy("Bitte eine ganze Zahl angeben."),
                "min_value": gettext_lazy("Mindestens ein Platz."),
            },
        }

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.region = region
        network = self.fields["network"]
        area = self.fields["area"]
        assert isinstance(network, forms.ModelChoiceField)
        assert isinstance(area, forms.ModelChoiceField)
        network.queryset = Network.objects.filter(region=region).order_by("name")
        network.empty_label = _("für alle Ehrenamtlichen der Region")
        area.queryset = Area.objects.filter(region=region, kind=Area.Kind.MUNICIPALITY).order_by(
            "name"
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if isinstance(starts, datetime) and isinstance(ends, datetime) and ends <= starts:
            self.add_error("ends_at", _("Das Ende muss nach dem Beginn liegen."))
        places = data.get("places")
        if isinstance(places, int) and places < 1:
            self.add_error("places", _("Mindestens ein Platz."))
        return data


def _save(request: HttpRequest, form: GatheringForm) -> Gathering | None:
    if not form.is_valid():
        return None
    try:
        return gatherings.save_gathering(request.user, form.instance)
    except Refused as refused:
        form.add_error(None, refused.message)
        return None


@login_required
@require_http_methods(["GET", "POST"])
def gathering_list(request: HttpRequest, region: str) -> HttpResponse:
    region_obj = access_region(request.user, region, Perm.MANAGE_VOLUNTEERS)
    form = GatheringForm(request.POST or None, region=region_obj)
    if request.method == "POST":
        saved = _save(request, form)
        if saved is not None:
            messages.success(request, _("Die Veranstaltung ist angelegt."))
            return redirect("volunteers:gathering", gathering_id=saved.pk)
    context = {
        "region": region_obj,
        "form": form,
        "gatherings": Gathering.objects.filter(region=region_obj)
        .select_related("area", "network")
        .order_by("-starts_at")[:100],
    }
    status = 400 if form.errors else 200
    return render(request, "volunteers/coordination/gatherings.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def gathering_detail(request: HttpRequest, gathering_id: int) -> HttpResponse:
    gathering = gathering_queries.access_gathering(request.user, gathering_id)
    form = GatheringForm(request.POST or None, instance=gathering, region=gathering.region)
    if request.method == "POST":
        if _save(request, form) is not None:
            messages.success(request, _("Die Veranstaltung ist gespeichert."))
            return redirect("volunteers:gathering", gathering_id=gathering.pk)
        gathering.refresh_from_db()
    registrations = list(
        GatheringRegistration.objects.filter(gathering=gathering)
        .exclude(status=GatheringRegistration.Status.CANCELLED)
        .select_related("volunteer")
        .order_by("created_at", "pk")
    )
    context = {
        "region": gathering.region,
        "gathering": gathering,
        "form": form,
        "registered": [r for r in registrations if r.status == "registered"],
        "waiting": [r for r in registrations if r.status == "waiting"],
    }
    status = 400 if form.errors else 200
    return render(request, "volunteers/coordination/gathering.html", context, status=status)
