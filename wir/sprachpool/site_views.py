"""The Sprachpool for departments and mediators (outside the back office).

Departments (role "Fachdienst" or partner: `mediation.request`) ask for a mediator and
follow their requests; mediators see their offers and bookings and answer them, also
through the signed link in the offer mail. Every id is checked against the user; what
is not theirs is "not found".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from wir.accounts.models import User
from wir.accounts.permissions import has_perm_somewhere, regions_where
from wir.accounts.roles import Perm
from wir.core.models import Region
from wir.core.ratelimit import request_over_limit
from wir.sprachpool import actions, notify, planning, statements
from wir.sprachpool.forms import (
    AbsenceForm,
    CancelForm,
    DepartmentConfirmForm,
    MediatorConfirmForm,
    RequestForm,
)
from wir.sprachpool.models import Absence, Assignment, MediationRequest, Mediator
from wir.sprachpool.signup import SignupForm


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # the views require a signed-in user
    return request.user


def _report_errors(request: HttpRequest, form: forms.Form) -> None:
    """A form answered by a redirect: its errors go with the messages."""
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, str(error))


def _own_requests(request: HttpRequest) -> QuerySet[MediationRequest]:
    return (
        MediationRequest.objects.filter(
            requested_by=_user(request),
            region__in=regions_where(request.user, Perm.REQUEST_MEDIATION),
        )
        .select_related("language", "area", "region")
        .order_by("-starts_at")
    )


def _own_assignments(request: HttpRequest) -> QuerySet[Assignment]:
    return (
        Assignment.objects.filter(
            mediator__user=_user(request),
            mediator__region__in=regions_where(request.user, Perm.ACT_AS_MEDIATOR),
        )
        .select_related("request__language", "request__area", "mediator__home_area")
        .order_by("starts_at")
    )


@login_required
def home(request: HttpRequest) -> HttpResponse:
    may_request = regions_where(request.user, Perm.REQUEST_MEDIATION)
    now = timezone.now()
    assignments = _own_assignments(request)
    offers = [a for a in assignments if a.status == Assignment.Status.OFFERED and a.starts_at > now]
    bookings = [
        a for a in assignments if a.status == Assignment.Status.ACCEPTED and a.ends_at > now
    ]
    details = planning.offer_details(offers + bookings)
    context: dict[str, Any] = {
        "request_regions": list(may_request.order_by("name")),
        "requests": list(_own_requests(request)[:100]),
        "offers": [(a, details[a.pk]) for a in offers],
        "bookings": [(a, details[a.pk]) for a in bookings],
        "is_mediator": has_perm_somewhere(request.user, Perm.ACT_AS_MEDIATOR),
        "to_confirm": [
            a
            for a in assignments
            if a.status == Assignment.Status.ACCEPTED
            and a.ends_at <= now
            and a.mediator_confirmed_at is None
        ],
        "confirm_form": MediatorConfirmForm(),
    }
    profiles = list(Mediator.objects.filter(user=_user(request)).order_by("pk"))
    if profiles:
        today = timezone.localdate()
        earlier = today.replace(day=1) - timedelta(days=1)
        context["absences"] = Absence.objects.filter(
            mediator__in=profiles, last_day__gte=timezone.localdate()
        ).order_by("first_day")
        context["absence_form"] = AbsenceForm()
        context["statements"] = [
            statements.statements(profiles[:1], day.year, day.month)[0] for day in (today, earlier)
        ]
    if not context["request_regions"] and not context["is_mediator"]:
        raise Http404("Kein Zugang zum Sprachpool")
    return render(request, "sprachpool/site/home.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def new_request(request: HttpRequest) -> HttpResponse:
    regions = list(regions_where(request.user, Perm.REQUEST_MEDIATION).order_by("name"))
    if not regions:
        raise Http404("Kein Zugang zum Sprachpool")
    slug = request.POST.get("region") or request.GET.get("region") or regions[0].slug
    region = next((r for r in regions if r.slug == slug), None)
    if region is None:
        raise Http404("Region nicht gefunden")
    form = RequestForm(request.POST or None, region=region)
    if request.method == "POST" and form.is_valid():
        created = actions.create_request(_user(request), region, form.cleaned_data)
        messages.success(
            request,
            _("Ihre Anfrage #%(id)d ist eingegangen. Die Koordination meldet sich.")
            % {"id": created.pk},
        )
        return redirect("sprachpool_site:request", request_id=created.pk)
    return render(
        request,
        "sprachpool/site/request_form.html",
        {"form": form, "region": region, "regions": regions},
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_detail(request: HttpRequest, request_id: int) -> HttpResponse:
    mediation = _own_requests(request).filter(pk=request_id).first()
    if mediation is None:
        raise Http404("Anfrage nicht gefunden")
    if request.method == "POST" and request.POST.get("step") == "bestaetigen":
        confirm_form = DepartmentConfirmForm(request.POST)
        if not confirm_form.is_valid():
            _report_errors(request, confirm_form)
        else:
            try:
                data = confirm_form.cleaned_data
                actions.confirm_by_department(
                    mediation.pk,
                    _user(request),
                    data.get("minutes"),
                    data.get("rating"),
                    data.get("comment", ""),
                )
            except actions.BookingConflict as conflict:
                messages.error(request, conflict.message)
            else:
                messages.success(request, _("Danke! Der Einsatz ist bestätigt."))
        return redirect("sprachpool_site:request", request_id=mediation.pk)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.cancel_request(mediation.pk, request.user, form.cleaned_data["reason"])
        except actions.BookingConflict as conflict:
            messages.error(request, conflict.message)
        else:
            messages.success(request, _("Die Anfrage ist abgesagt."))
        return redirect("sprachpool_site:request", request_id=mediation.pk)
    booking = mediation.assignments.filter(
        status__in=[Assignment.Status.ACCEPTED, Assignment.Status.DONE]
    ).first()
    return render(
        request,
        "sprachpool/site/request.html",
        {
            "mediation": mediation,
            "booking": booking,
            "may_confirm": booking is not None
            and booking.status == Assignment.Status.ACCEPTED
            and booking.ends_at <= timezone.now()
            and booking.department_confirmed_at is None,
            "confirm_form": DepartmentConfirmForm(),
            "form": form,
            "may_cancel": mediation.status
            not in (MediationRequest.Status.CANCELLED, MediationRequest.Status.DONE),
            "may_change": _may_change(mediation),
            "duration": int((mediation.ends_at - mediation.starts_at).total_seconds() // 60),
        },
    )


ANSWERED: dict[str, Any] = {
    "annehmen": gettext_lazy("Sie haben den Einsatz übernommen. Danke!"),
    "ablehnen": gettext_lazy("Sie haben das Angebot abgelehnt."),
    "absagen": gettext_lazy("Sie haben den Einsatz abgesagt."),
}


@login_required
@require_http_methods(["GET", "POST"])
def edit_request(request: HttpRequest, request_id: int) -> HttpResponse:
    """The department changes or reschedules its request; the rules are checked again."""
    mediation = _own_requests(request).filter(pk=request_id).first()
    if mediation is None:
        raise Http404("Anfrage nicht gefunden")
    if not _may_change(mediation):
        messages.error(request, _("Diese Anfrage lässt sich nicht mehr ändern."))
        return redirect("sprachpool_site:request", request_id=mediation.pk)
    form = RequestForm(request.POST or None, region=mediation.region, current=mediation)
    if request.method == "POST" and form.is_valid():
        try:
            change = actions.change_request(mediation.pk, request.user, form.cleaned_data)
        except actions.BookingConflict as conflict:
            messages.error(request, conflict.message)
        else:
            messages.success(request, _change_message(change))
        return redirect("sprachpool_site:request", request_id=mediation.pk)
    return render(
        request,
        "sprachpool/site/request_form.html",
        {"form": form, "region": mediation.region, "regions": [], "mediation": mediation},
    )


def _may_change(mediation: MediationRequest) -> bool:
    return mediation.starts_at > timezone.now() and mediation.status not in (
        MediationRequest.Status.CANCELLED,
        MediationRequest.Status.DONE,
    )


def _change_message(change: actions.RequestChange) -> str:
    if change.booking_cancelled:
        return _(
            "Die Änderung ist gespeichert. Die gebuchte Sprachmittlung kann den neuen Termin "
            "nicht übernehmen; der Sprachpool sucht neu."
        )
    if change.booking_kept:
        return _("Die Änderung ist gespeichert; die Sprachmittlung ist benachrichtigt.")
    return _("Die Änderung ist gespeichert.")


def _answer(request: HttpRequest, assignment: Assignment, action: str, reason: str = "") -> None:
    """Run accept/decline/cancel for the mediator (the actions send the mails)."""
    user = assignment.mediator.user
    if user is None:  # links go only to mediators with an account
        raise Http404("Angebot nicht gefunden")
    steps: dict[str, Callable[[], Assignment]] = {
        "annehmen": lambda: actions.accept_offer(assignment.pk, user),
        "ablehnen": lambda: actions.decline_offer(assignment.pk, user),
        "absagen": lambda: actions.cancel_assignment(assignment.pk, user, reason),
    }
    if action not in steps:
        messages.error(request, _("Diese Aktion gibt es nicht."))
        return
    try:
        steps[action]()
    except actions.BookingConflict as conflict:
        messages.error(request, conflict.message)
    except Assignment.DoesNotExist:
        raise Http404("Angebot nicht gefunden") from None
    else:
        messages.success(request, str(ANSWERED[action]))


@login_required
@require_POST
def confirm(request: HttpRequest, assignment_id: int) -> HttpResponse:
    """The mediator reports duration and kilometres after the appointment."""
    assignment = _own_assignments(request).filter(pk=assignment_id).first()
    if assignment is None:
        raise Http404("Einsatz nicht gefunden")
    form = MediatorConfirmForm(request.POST)
    if not form.is_valid():
        _report_errors(request, form)
        return redirect("sprachpool_site:home")
    try:
        actions.confirm_by_mediator(
            assignment.pk,
            _user(request),
            form.cleaned_data["minutes"],
            form.cleaned_data["km"],
            form.cleaned_data.get("rating"),
            form.cleaned_data.get("comment", ""),
        )
    except actions.BookingConflict as conflict:
        messages.error(request, conflict.message)
    else:
        messages.success(request, _("Danke! Dauer und Fahrt sind gemeldet."))
    return redirect("sprachpool_site:home")


@login_required
@require_POST
def absence(request: HttpRequest) -> HttpResponse:
    """The mediator enters an absence (or removes a future one)."""
    profiles = list(Mediator.objects.filter(user=_user(request)))
    if not profiles:
        raise Http404("Kein Eintrag im Sprachpool")
    remove = request.POST.get("remove", "")
    if remove:
        if remove.isdigit() and actions.remove_absence(_user(request), int(remove)):
            messages.success(request, _("Die Abwesenheit ist gelöscht."))
        else:
            messages.error(request, _("Diese Abwesenheit gibt es nicht."))
        return redirect("sprachpool_site:home")
    form = AbsenceForm(request.POST)
    if not form.is_valid():
        _report_errors(request, form)
        return redirect("sprachpool_site:home")
    actions.add_absence(
        _user(request), form.cleaned_data["first_day"], form.cleaned_data["last_day"]
    )
    messages.success(
        request, _("Die Abwesenheit ist eingetragen; in dieser Zeit kommen keine Angebote.")
    )
    return redirect("sprachpool_site:home")


@login_required
def statement(request: HttpRequest, year: int, month: int, fmt: str) -> HttpResponse:
    """The mediator's own monthly statement as CSV or PDF."""
    profiles = list(Mediator.objects.filter(user=_user(request)).order_by("pk"))
    known = fmt in statements.DOWNLOAD_TYPES
    if not profiles or not known or not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise Http404("Abrechnung nicht gefunden")
    items = statements.statements(profiles[:1], year, month)
    body = statements.as_csv(items) if fmt == "csv" else statements.as_pdf(items[0])
    return HttpResponse(
        body, headers=statements.download_headers(profiles[0].code, year, month, fmt)
    )


@login_required
def calendar(request: HttpRequest, assignment_id: int) -> HttpResponse:
    """The calendar file of one of the mediator's accepted bookings."""
    booking = (
        _own_assignments(request)
        .filter(pk=assignment_id, status=Assignment.Status.ACCEPTED)
        .select_related("request__region")
        .first()
    )
    if booking is None:
        raise Http404("Einsatz nicht gefunden")
    return HttpResponse(
        notify.calendar_file(booking),
        content_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="einsatz-{booking.pk}.ics"'},
    )


@login_required
@require_POST
def answer(request: HttpRequest, assignment_id: int, action: str) -> HttpResponse:
    assignment = _own_assignments(request).filter(pk=assignment_id).first()
    if assignment is None:
        raise Http404("Angebot nicht gefunden")
    _answer(request, assignment, action, request.POST.get("reason", ""))
    return redirect("sprachpool_site:home")


@require_http_methods(["GET", "POST"])
def offer_link(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the offer mail: answer without signing in, while the offer is open."""
    assignment = notify.assignment_from_token(token)
    if assignment is None:
        return render(request, "sprachpool/site/offer_link.html", {"invalid": True}, status=404)
    still_open = (
        assignment.status == Assignment.Status.OFFERED
        and assignment.request.starts_at > timezone.now()
    )
    if request.method == "POST":
        if not still_open:
            messages.error(request, _("Dieses Angebot ist nicht mehr offen."))
        else:
            _answer(request, assignment, request.POST.get("action", ""))
        return redirect("sprachpool_offer_link", token=token)
    return render(
        request,
        "sprachpool/site/offer_link.html",
        {
            "assignment": assignment,
            "still_open": still_open,
            "details": planning.offer_details([assignment])[assignment.pk],
        },
    )


SIGNUPS_PER_HOUR = 5


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest, region: str) -> HttpResponse:
    """Public sign-up of a language mediator in a region that runs a pool."""
    region_obj = Region.objects.filter(slug=region, is_active=True, sprachpool_enabled=True).first()
    if region_obj is None:
        raise Http404("Region nicht gefunden")
    form = SignupForm(request.POST or None, region=region_obj)
    if request.method == "POST":
        if request_over_limit("sprachpool-signup", request, SIGNUPS_PER_HOUR):
            return render(
                request,
                "sprachpool/site/signup.html",
                {"form": form, "region": region_obj, "limited": True},
                status=429,
            )
        if form.is_valid():
            mediator = form.save()
            return render(
                request, "sprachpool/site/signup_done.html", {"mediator": mediator}, status=201
            )
    return render(request, "sprachpool/site/signup.html", {"form": form, "region": region_obj})
