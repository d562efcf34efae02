"""Coordination screens of the Sprachpool: the plan for a period, candidates of a request.

Thin views: matching lives in `matching`, reading and writing in `planning`; every screen
needs "mediation.manage" in the region, and a foreign or unknown id is "not found".
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from wir.accounts.permissions import access_region, regions_where
from wir.accounts.roles import Perm
from wir.sprachpool import planning
from wir.sprachpool.models import MediationRequest

DEFAULT_DAYS = 7


def index(request: HttpRequest) -> HttpResponse:
    regions = list(regions_where(request.user, Perm.MANAGE_MEDIATION).order_by("name"))
    if len(regions) == 1:
        return redirect("sprachpool_plan", region=regions[0].slug)
    return render(request, "sprachpool/regions.html", {"regions": regions})


def _pairs(values: list[str]) -> list[tuple[int, int]] | None:
    pairs = []
    for value in values:
        request_id, _sep, mediator_id = value.partition(":")
        if not (request_id.isdigit() and mediator_id.isdigit()):
            return None
        pairs.append((int(request_id), int(mediator_id)))
    return pairs


def _report(request: HttpRequest, result: planning.SendResult) -> None:
    if result.sent:
        messages.success(
            request,
            ngettext(
                "%(count)d Angebot gesendet.", "%(count)d Angebote gesendet.", len(result.sent)
            )
            % {"count": len(result.sent)},
        )
    for request_id, why in result.skipped:
        messages.warning(
            request,
            _("Anfrage #%(id)d nicht angeboten: %(why)s") % {"id": request_id, "why": why},
        )
    if not result.sent and not result.skipped:
        messages.warning(request, _("Keine Anfrage ausgewählt."))


@require_http_methods(["GET", "POST"])
def plan(request: HttpRequest, region: str) -> HttpResponse:
    region_obj = access_region(request.user, region, Perm.MANAGE_MEDIATION)
    today = timezone.localdate()
    first = request.GET.get("von", "")
    last = request.GET.get("bis", "")
    if request.method == "POST":
        pairs = _pairs(request.POST.getlist("pair"))
        if pairs is None:
            messages.error(request, _("Die Auswahl ist ungültig; es wurde nichts gesendet."))
        else:
            _report(request, planning.send_offers(region_obj, pairs, request.user))
        query = f"?von={request.POST.get('von', '')}&bis={request.POST.get('bis', '')}"
        return redirect(reverse("sprachpool_plan", args=[region_obj.slug]) + query)
    context: dict[str, object] = {
        "region": region_obj,
        "von": first or today.isoformat(),
        "bis": last or (today + timedelta(days=DEFAULT_DAYS - 1)).isoformat(),
        "plan": None,
        "error": "",
    }
    if first or last:
        try:
            first_day, last_day = planning.parse_period(first, last)
        except planning.PlanningError as bad:
            context["error"] = bad.message
        else:
            result = planning.plan(region_obj, first_day, last_day)
            context["plan"] = result
            context["filled"] = len(result.proposal.assignments)
    return render(request, "sprachpool/plan.html", context)


@require_http_methods(["GET", "POST"])
def request_detail(request: HttpRequest, region: str, request_id: int) -> HttpResponse:
    region_obj = access_region(request.user, region, Perm.MANAGE_MEDIATION)
    mediation = (
        MediationRequest.objects.filter(region=region_obj, pk=request_id)
        .select_related("language", "area", "region")
        .first()
    )
    if mediation is None:
        raise Http404("Anfrage nicht gefunden")
    if request.method == "POST":
        mediator = request.POST.get("mediator", "")
        if not mediator.isdigit():
            messages.error(request, _("Bitte wählen Sie eine Person aus."))
        else:
            _report(
                request,
                planning.send_offers(region_obj, [(mediation.pk, int(mediator))], request.user),
            )
        return redirect("sprachpool_request", region=region_obj.slug, request_id=mediation.pk)
    found = planning.candidates_for(mediation)
    return render(
        request,
        "sprachpool/request.html",
        {
            "region": region_obj,
            "mediation": mediation,
            "found": found,
            "offers": mediation.assignments.select_related("mediator").order_by("offered_at"),
            "may_offer": mediation.status == MediationRequest.Status.OPEN,
        },
    )
