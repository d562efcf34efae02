"""Coordination's back office for volunteers, under /ehrenamt/koordination/.

Region-scoped: every view decides through `can(user, Perm.MANAGE_VOLUNTEERS, obj)` with
the object's region (the `access_*` loaders of queries.py); another region's records
answer 404. Reads of a volunteer's record are written to the audit log.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wir.accounts.permissions import access_region, regions_where
from wir.accounts.roles import Perm
from wir.core.models import Region
from wir.privacy import audit
from wir.privacy.models import AuditAction
from wir.volunteers import actions, queries, statements
from wir.volunteers.forms import (
    CertificateForm,
    FilterForm,
    NetworkForm,
    OpportunityForm,
    ReasonForm,
    RulesForm,
    ShiftForm,
    StatusForm,
)
from wir.volunteers.models import (
    HoursEntry,
    Network,
    Opportunity,
    Shift,
    ShiftSignup,
    Volunteer,
    VolunteerRules,
)

PAGE_SIZE = 50


def _report_errors(request: HttpRequest, form: forms.Form) -> None:
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, str(error))


def _region(request: HttpRequest, region: str) -> Region:
    return access_region(request.user, region, Perm.MANAGE_VOLUNTEERS)


def _render(
    request: HttpRequest, template: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    return render(request, f"volunteers/coordination/{template}", context, status=status)


@login_required
def start(request: HttpRequest) -> HttpResponse:
    regions = list(regions_where(request.user, Perm.MANAGE_VOLUNTEERS).order_by("name"))
    if not regions:
        raise Http404("Kein Zugang")
    if len(regions) == 1:
        return redirect("volunteers:volunteers", region=regions[0].slug)
    return _render(request, "regions.html", {"regions": regions})


@login_required
def volunteer_list(request: HttpRequest, region: str) -> HttpResponse:
    region_obj = _region(request, region)
    form = FilterForm(request.GET or None, region=region_obj)
    volunteers = (
        Volunteer.objects.filter(region=region_obj)
        .exclude(status=Volunteer.Status.ANONYMISED)
        .select_related("municipality")
        .prefetch_related("languages", "tags")
        .order_by("code")
    )
    if form.is_valid():
        data = form.cleaned_data
        if data.get("status"):
            volunteers = volunteers.filter(status=data["status"])
        if data.get("municipality"):
            volunteers = volunteers.filter(municipality=data["municipality"])
        if data.get("interest"):
            volunteers = volunteers.filter(tags__kind="interest", tags__code=data["interest"])
        if data.get("language"):
            volunteers = volunteers.filter(languages=data["language"])
    page = Paginator(volunteers, PAGE_SIZE).get_page(request.GET.get("seite"))
    counts = dict(
        Volunteer.objects.filter(region=region_obj)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return _render(
        request,
        "volunteers.html",
        {
            "region": region_obj,
            "form": form,
            "page": page,
            "waiting": counts.get(Volunteer.Status.REGISTERED, 0),
            "pending_hours": HoursEntry.objects.filter(
                volunteer__region=region_obj, approved_at__isnull=True, rejected_reason=""
            ).count(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def volunteer_detail(request: HttpRequest, volunteer_id: int) -> HttpResponse:
    volunteer = queries.access_volunteer(request.user, volunteer_id)
    status_form = StatusForm(prefix="status")
    certificate_form = CertificateForm(prefix="cert")
    if request.method == "POST":
        what = request.POST.get("what")
        try:
            if what == "status":
                status_form = StatusForm(request.POST, prefix="status")
                if status_form.is_valid():
                    actions.set_status(
                        volunteer.pk, request.user, status_form.cleaned_data["status"]
                    )
                    messages.success(request, _("Der Status ist geändert."))
                    return redirect("volunteers:volunteer", volunteer_id=volunteer.pk)
            elif what == "certificate":
                certificate_form = CertificateForm(request.POST, prefix="cert")
                if certificate_form.is_valid():
                    actions.record_certificate(
                        volunteer.pk, request.user, **certificate_form.cleaned_data
                    )
                    messages.success(request, _("Die Einsicht ist vermerkt."))
                    return redirect("volunteers:volunteer", volunteer_id=volunteer.pk)
            elif what == "notes":
                notes = request.POST.get("notes", "")[:2000]
                actions.update_profile(
                    volunteer.pk, request.user, changed=["notes"], values={"notes": notes}
                )
                messages.success(request, _("Die Notizen sind gespeichert."))
                return redirect("volunteers:volunteer", volunteer_id=volunteer.pk)
            else:
                messages.error(request, _("Unbekannte Aktion."))
        except actions.Refused as refused:
            messages.error(request, refused.message)
    audit.record(request.user, AuditAction.VIEWED, volunteer)
    context = {
        "region": volunteer.region,
        "volunteer": volunteer,
        "status_form": status_form,
        "certificate_form": certificate_form,
        "certificate": queries.certificate_status(volunteer),
        "signups": list(
            volunteer.signups.select_related("shift__opportunity").order_by("-starts_at")[:20]
        ),
        "hours": list(volunteer.hours.all()[:20]),
        "hours_total": queries.approved_total(volunteer),
    }
    errors = status_form.errors or certificate_form.errors
    return _render(request, "volunteer.html", context, status=400 if errors else 200)


@login_required
def volunteer_pdf(request: HttpRequest, volunteer_id: int) -> HttpResponse:
    volunteer = queries.access_volunteer(request.user, volunteer_id)
    audit.record(request.user, AuditAction.EXPORTED, volunteer, reason="Ehrenamtsnachweis")
    response = HttpResponse(statements.engagement_pdf(volunteer), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="ehrenamtsnachweis-{volunteer.code}.pdf"'
    )
    return response


# --- networks ----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def network_list(request: HttpRequest, region: str) -> HttpResponse:
    region_obj = _region(request, region)
    form = NetworkForm(request.POST or None, region=region_obj)
    if request.method == "POST" and form.is_valid():
        try:
            network = actions.save_network(
                request.user,
                form.save(commit=False),
                members=form.cleaned_data["members"],
                coordinators=[],
            )
        except actions.Refused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("Das Netzwerk ist angelegt."))
            return redirect("volunteers:network", network_id=network.pk)
    networks = (
        Network.objects.filter(region=region_obj)
        .select_related("municipality")
        .annotate(size=Count("members"))
        .order_by("municipality__name", "name")
    )
    return _render(
        request,
        "networks.html",
        {"region": region_obj, "networks": networks, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def network_detail(request: HttpRequest, network_id: int) -> HttpResponse:
    network = queries.access_network(request.user, network_id)
    form = NetworkForm(request.POST or None, instance=network, region=network.region)
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_network(
                request.user,
                form.save(commit=False),
                members=form.cleaned_data["members"],
                coordinators=network.coordinators.all(),
            )
        except actions.Refused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("Das Netzwerk ist gespeichert."))
            return redirect("volunteers:network", network_id=network.pk)
    return _render(
        request,
        "network.html",
        {"region": network.region, "network": network, "form": form},
        status=400 if form.errors else 200,
    )


# --- opportunities and shifts ------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def opportunity_list(request: HttpRequest, region: str) -> HttpResponse:
    region_obj = _region(request, region)
    form = OpportunityForm(request.POST or None, region=region_obj)
    if request.method == "POST" and form.is_valid():
        try:
            opportunity = actions.save_opportunity(
                request.user, form.save(commit=False), languages=form.cleaned_data["languages"]
            )
        except actions.Refused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("Der Einsatz ist angelegt. Legen Sie jetzt Schichten an."))
            return redirect("volunteers:opportunity", opportunity_id=opportunity.pk)
    opportunities = (
        Opportunity.objects.filter(region=region_obj)
        .select_related("area", "network")
        .annotate(
            upcoming=Count("shifts", filter=Q(shifts__status=Shift.Status.SCHEDULED)),
        )
        .order_by("-published", "title")
    )
    return _render(
        request,
        "opportunities.html",
        {"region": region_obj, "opportunities": opportunities, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def opportunity_detail(request: HttpRequest, opportunity_id: int) -> HttpResponse:
    opportunity = queries.access_opportunity(request.user, opportunity_id)
    form = OpportunityForm(
        request.POST if request.POST.get("what") == "opportunity" else None,
        instance=opportunity,
        region=opportunity.region,
    )
    shift_form = ShiftForm(
        request.POST if request.POST.get("what") == "shift" else None, prefix="shift"
    )
    if request.method == "POST":
        try:
            if form.is_bound and form.is_valid():
                actions.save_opportunity(
                    request.user, form.save(commit=False), languages=form.cleaned_data["languages"]
                )
                messages.success(request, _("Der Einsatz ist gespeichert."))
                return redirect("volunteers:opportunity", opportunity_id=opportunity.pk)
            if shift_form.is_bound and shift_form.is_valid():
                starts_at, ends_at = shift_form.times()
                actions.save_shift(
                    request.user,
                    opportunity.pk,
                    starts_at=starts_at,
                    ends_at=ends_at,
                    places=shift_form.cleaned_data["places"],
                    note=shift_form.cleaned_data["note"],
                )
                messages.success(request, _("Die Schicht ist angelegt."))
                return redirect("volunteers:opportunity", opportunity_id=opportunity.pk)
        except actions.Refused as refused:
            messages.error(request, refused.message)
    shifts = list(opportunity.shifts.order_by("-starts_at")[:100])
    return _render(
        request,
        "opportunity.html",
        {
            "region": opportunity.region,
            "opportunity": opportunity,
            "form": form,
            "shift_form": shift_form,
            "shifts": shifts,
        },
        status=400 if form.errors or shift_form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def shift_detail(request: HttpRequest, shift_id: int) -> HttpResponse:
    shift = queries.access_shift(request.user, shift_id)
    local_start = shift.starts_at.astimezone()
    form = ShiftForm(
        request.POST if request.POST.get("what") == "change" else None,
        initial={
            "day": local_start.date(),
            "start": local_start.time(),
            "end": shift.ends_at.astimezone().time(),
            "places": shift.places,
            "note": shift.note,
        },
    )
    reason_form = ReasonForm(request.POST if request.POST.get("what") == "cancel" else None)
    if request.method == "POST":
        try:
            if form.is_bound and form.is_valid():
                starts_at, ends_at = form.times()
                actions.save_shift(
                    request.user,
                    shift.opportunity_id,
                    shift_id=shift.pk,
                    starts_at=starts_at,
                    ends_at=ends_at,
                    places=form.cleaned_data["places"],
                    note=form.cleaned_data["note"],
                )
                messages.success(
                    request, _("Die Schicht ist geändert; die Angemeldeten sind informiert.")
                )
                return redirect("volunteers:shift", shift_id=shift.pk)
            if reason_form.is_bound and reason_form.is_valid():
                actions.cancel_shift(shift.pk, request.user, reason_form.cleaned_data["reason"])
                messages.success(
                    request, _("Die Schicht ist abgesagt; die Angemeldeten sind informiert.")
                )
                return redirect("volunteers:opportunity", opportunity_id=shift.opportunity_id)
        except actions.Refused as refused:
            messages.error(request, refused.message)
    signups = list(
        shift.signups.filter(status=ShiftSignup.Status.SIGNED_UP).select_related("volunteer")
    )
    return _render(
        request,
        "shift.html",
        {
            "region": shift.opportunity.region,
            "shift": shift,
            "form": form,
            "reason_form": reason_form,
            "signups": signups,
        },
        status=400 if form.errors or reason_form.errors else 200,
    )


# --- hours -------------------------------------------------------------------------------


@login_required
def hours_list(request: HttpRequest, region: str) -> HttpResponse:
    region_obj = _region(request, region)
    pending = (
        HoursEntry.objects.filter(
            volunteer__region=region_obj, approved_at__isnull=True, rejected_reason=""
        )
        .select_related("volunteer")
        .order_by("date", "pk")
    )
    page = Paginator(pending, PAGE_SIZE).get_page(request.GET.get("seite"))
    return _render(request, "hours.html", {"region": region_obj, "page": page})


@login_required
@require_POST
def hours_decide(request: HttpRequest, hoursentry_id: int) -> HttpResponse:
    entry = queries.access_hoursentry(request.user, hoursentry_id)
    approve = request.POST.get("decision") == "approve"
    try:
        actions.approve_hours(
            entry.pk, request.user, approve=approve, reason=request.POST.get("reason", "")
        )
    except actions.Refused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, "Bestätigt." if approve else "Nicht bestätigt.")
    return redirect("volunteers:hours", region=entry.volunteer.region.slug)


@login_required
def card_report(request: HttpRequest, region: str) -> HttpResponse:
    region_obj = _region(request, region)
    rule, rows = statements.card_report(region_obj)
    return _render(request, "card.html", {"region": region_obj, "rule": rule, "rows": rows})


@login_required
@require_http_methods(["GET", "POST"])
def rules(request: HttpRequest, region: str) -> HttpResponse:
    region_obj = _region(request, region)
    form = RulesForm(request.POST or None, instance=VolunteerRules.for_region(region_obj.pk))
    if request.method == "POST" and form.is_valid():
        actions.save_rules(request.user, form.save(commit=False))
        messages.success(request, _("Die Regeln sind gespeichert."))
        return redirect("volunteers:rules", region=region_obj.slug)
    return _render(
        request,
        "rules.html",
        {"region": region_obj, "form": form},
        status=400 if form.errors else 200,
    )
