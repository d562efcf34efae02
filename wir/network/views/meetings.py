"""Network meetings: the coordination plans and invites, partners register, the minutes
and agreed tasks are kept; every organisation has its task list."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wir.network import actions, queries
from wir.network.forms import (
    InviteForm,
    MeetingForm,
    MinutesForm,
    RespondForm,
    StatusForm,
    TaskForm,
)
from wir.network.models import Meeting, NetworkTask, Participation, WorkStatus
from wir.network.views.common import report_errors


@login_required
@require_http_methods(["GET", "POST"])
def meetings(request: HttpRequest, region: str) -> HttpResponse:
    the_region = queries.access_network_region(request.user, region)
    form = MeetingForm(request.POST or None, region=the_region)
    if request.method == "POST" and form.is_valid():
        meeting = actions.create_meeting(form.save(commit=False))
        messages.success(request, _("Das Treffen wurde angelegt. Laden Sie jetzt ein."))
        return redirect("network:meeting", meeting_id=meeting.pk)
    now = timezone.now()
    found = Meeting.objects.filter(region=the_region).order_by("-starts_at")
    return render(
        request,
        "network/meetings.html",
        {
            "region": the_region,
            "nav_region": the_region,
            "form": form,
            "upcoming": list(found.filter(starts_at__gte=now).order_by("starts_at")),
            "past": list(found.filter(starts_at__lt=now)[:50]),
            "open_tasks": NetworkTask.objects.filter(region=the_region)
            .exclude(status=WorkStatus.DONE)
            .select_related("owner", "meeting")
            .order_by("due_on")[:100],
            "today": timezone.localdate(),
        },
        status=400 if form.errors else 200,
    )


def _own_participation(request: HttpRequest, meeting: Meeting) -> Participation | None:
    return (
        meeting.participations.filter(
            organisation_id__in=queries.own_organisation_ids(request.user)
        )
        .select_related("organisation")
        .order_by("organisation__name")
        .first()
    )


@login_required
def meeting(request: HttpRequest, meeting_id: int) -> HttpResponse:
    found = queries.access_meeting(request.user, meeting_id)
    manages = queries.manages(request.user, found)
    return render(
        request,
        "network/meeting.html",
        {
            "meeting": found,
            "manages": manages,
            "nav_region": found.region if manages else None,
            "participations": found.participations.select_related("organisation").order_by(
                "organisation__name"
            ),
            "tasks": found.tasks.select_related("owner").order_by("due_on"),
            "own": _own_participation(request, found),
            "respond_form": RespondForm(),
            "invite_form": InviteForm(meeting=found) if manages else None,
            "minutes_form": MinutesForm(
                meeting=found,
                initial={
                    "minutes": found.minutes,
                    "attended": [
                        p.organisation_id for p in found.participations.all() if p.attended
                    ],
                },
            )
            if manages
            else None,
            "task_form": TaskForm(meeting=found) if manages else None,
            "status_form": StatusForm(),
            "is_past": found.starts_at < timezone.now(),
        },
    )


def _staff_meeting(request: HttpRequest, meeting_id: int) -> Meeting:
    found = queries.access_meeting(request.user, meeting_id)
    if not queries.manages(request.user, found):
        raise Http404("Nicht gefunden")
    return found


@login_required
@require_POST
def invite(request: HttpRequest, meeting_id: int) -> HttpResponse:
    found = _staff_meeting(request, meeting_id)
    form = InviteForm(request.POST, meeting=found)
    if form.is_valid():
        count = actions.invite(found, form.cleaned_data["organisations"])
        messages.success(request, _("Eingeladen: %(count)d Organisation(en).") % {"count": count})
    else:
        report_errors(request, form)
    return redirect("network:meeting", meeting_id=found.pk)


@login_required
@require_POST
def respond(request: HttpRequest, meeting_id: int) -> HttpResponse:
    found = queries.access_meeting(request.user, meeting_id)
    own = _own_participation(request, found)
    if own is None:
        raise Http404("Nicht gefunden")
    form = RespondForm(request.POST)
    if form.is_valid():
        try:
            actions.respond(own, form.cleaned_data["answer"], form.cleaned_data["role"])
        except actions.NetworkError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Ihre Rückmeldung wurde gespeichert."))
    else:
        report_errors(request, form)
    return redirect("network:meeting", meeting_id=found.pk)


@login_required
@require_POST
def minutes(request: HttpRequest, meeting_id: int) -> HttpResponse:
    found = _staff_meeting(request, meeting_id)
    form = MinutesForm(request.POST, meeting=found)
    if form.is_valid():
        actions.save_minutes(
            found, form.cleaned_data["minutes"], [o.pk for o in form.cleaned_data["attended"]]
        )
        messages.success(request, _("Das Protokoll wurde gespeichert."))
    else:
        report_errors(request, form)
    return redirect("network:meeting", meeting_id=found.pk)


@login_required
@require_POST
def add_task(request: HttpRequest, meeting_id: int) -> HttpResponse:
    found = _staff_meeting(request, meeting_id)
    form = TaskForm(request.POST, meeting=found)
    if form.is_valid():
        try:
            actions.add_task(form.save(commit=False))
        except actions.NetworkError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Die Aufgabe wurde eingetragen."))
    else:
        report_errors(request, form)
    return redirect("network:meeting", meeting_id=found.pk)


@login_required
@require_POST
def task_status(request: HttpRequest, network_task_id: int) -> HttpResponse:
    task = queries.access_task(request.user, network_task_id)
    form = StatusForm(request.POST)
    if form.is_valid():
        actions.set_task_status(task, form.cleaned_data["status"])
        messages.success(request, _("Der Stand wurde gespeichert."))
    else:
        report_errors(request, form)
    return redirect("network:organisation_tasks", organisation_id=task.owner_id)


@login_required
def organisation_tasks(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = queries.access_organisation(request.user, organisation_id)
    manages = queries.manages(request.user, organisation)
    return render(
        request,
        "network/tasks.html",
        {
            "organisation": organisation,
            "nav_region": organisation.region if manages else None,
            "tasks": organisation.tasks.select_related("meeting").order_by("status", "due_on"),
            "status_form": StatusForm(),
            "today": timezone.localdate(),
        },
    )
