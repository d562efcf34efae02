"""Pages of the mentorships: the coordination's overview, households with ranked
suggestions, the proposal for all open households, a mentorship with its check-ins; and
the volunteer's own mentorships with "ask for a new match".

Thin views: matching in `matching`, reading in `mentorship_planning`, writing in
`mentorship_actions`. The coordination needs "volunteers.manage" in the object's region,
a volunteer "volunteers.act_as_volunteer" and to be the mentor; anything else is "not
found". Reads of a household or mentorship are written to the audit log.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from wir.accounts.permissions import AnyUser, access_region, can, regions_where
from wir.accounts.roles import Perm
from wir.privacy import audit
from wir.privacy.models import AuditAction
from wir.volunteers import mentorship_actions as actions
from wir.volunteers import mentorship_planning as planning
from wir.volunteers.mentorship_forms import (
    CheckInForm,
    EndForm,
    HouseholdForm,
    NewMatchForm,
    ScheduleForm,
    StartForm,
)
from wir.volunteers.models_mentorship import CheckIn, Household, Mentorship

OVERVIEW_SUGGESTIONS = 3


def access_household(user: AnyUser, household_id: int) -> Household:
    """A household for the coordination of its region; missing and forbidden alike 404."""
    household = (
        Household.objects.select_related("region", "municipality")
        .prefetch_related("languages")
        .filter(pk=household_id)
        .first()
    )
    if household is None or not can(user, Perm.MANAGE_VOLUNTEERS, household):
        raise Http404("Haushalt nicht gefunden")
    return household


def access_mentorship(user: AnyUser, mentorship_id: int) -> Mentorship:
    mentorship = (
        Mentorship.objects.select_related(
            "household__region", "household__municipality", "volunteer__municipality"
        )
        .filter(pk=mentorship_id)
        .first()
    )
    if mentorship is None or not can(user, Perm.MANAGE_VOLUNTEERS, mentorship.household):
        raise Http404("Patenschaft nicht gefunden")
    return mentorship


def access_own_mentorship(user: AnyUser, mentorship_id: int) -> Mentorship:
    """A mentorship for its volunteer (signed in with a volunteer role in the region)."""
    mentorship = (
        Mentorship.objects.select_related("household__region", "volunteer")
        .filter(pk=mentorship_id, volunteer__user_id=user.pk or 0)
        .first()
    )
    if mentorship is None or not can(user, Perm.ACT_AS_VOLUNTEER, mentorship.household):
        raise Http404("Patenschaft nicht gefunden")
    return mentorship


@login_required
def index(request: HttpRequest) -> HttpResponse:
    regions = list(regions_where(request.user, Perm.MANAGE_VOLUNTEERS).order_by("name"))
    if len(regions) == 1:
        return redirect("mentoring:overview", region=regions[0].slug)
    if not regions:
        return redirect("mentoring:mine")
    return render(request, "volunteers/mentoring/regions.html", {"regions": regions})


@login_required
def overview(request: HttpRequest, region: str) -> HttpResponse:
    region_obj = access_region(request.user, region, Perm.MANAGE_VOLUNTEERS)
    today = timezone.localdate()
    open_households = list(
        Household.objects.filter(region=region_obj, status=Household.Status.OPEN)
        .select_related("municipality", "region")
        .prefetch_related("languages")
        .order_by("created_at", "id")
    )
    suggestions = planning.suggestions_for(open_households, today, OVERVIEW_SUGGESTIONS)
    active = list(
        Mentorship.objects.filter(household__region=region_obj, status=Mentorship.Status.ACTIVE)
        .select_related("household__municipality", "volunteer")
        .prefetch_related(
            Prefetch(
                "checkins",
                queryset=CheckIn.objects.filter(done_on__isnull=True).order_by("due_on"),
                to_attr="open_checkins",
            )
        )
        .order_by("household__code")
    )
    due = [m for m in active if m.open_checkins and m.open_checkins[0].due_on <= today]
    return render(
        request,
        "volunteers/mentoring/overview.html",
        {
            "region": region_obj,
            "suggestions": suggestions,
            "active": active,
            "due": due,
            "today": today,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def new_household(request: HttpRequest, region: str) -> HttpResponse:
    region_obj = access_region(request.user, region, Perm.MANAGE_VOLUNTEERS)
    form = HouseholdForm(request.POST or None, region=region_obj)
    if request.method == "POST" and form.is_valid():
        try:
            household = actions.record_household(request.user, region_obj, form.household_data())
        except actions.MentoringError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Haushalt %(code)s ist erfasst.") % {"code": household.code}
            )
            return redirect("mentoring:household", household_id=household.pk)
    return render(
        request, "volunteers/mentoring/household_form.html", {"region": region_obj, "form": form}
    )


def _volunteer_choice(view: planning.SuggestionView) -> tuple[int, str]:
    return (view.volunteer.pk, view.volunteer.code)


@login_required
@require_http_methods(["GET", "POST"])
def household(request: HttpRequest, household_id: int) -> HttpResponse:
    household = access_household(request.user, household_id)
    today = timezone.localdate()
    (found,) = planning.suggestions_for([household], today)
    form = StartForm(
        request.POST or None, choices=[_volunteer_choice(s) for s in found.suggestions]
    )
    if request.method == "POST":
        if household.status != Household.Status.OPEN:
            messages.error(request, _("Dieser Haushalt sucht keine Patenschaft."))
            return redirect("mentoring:household", household_id=household.pk)
        if form.is_valid():
            volunteer = next(
                s.volunteer
                for s in found.suggestions
                if s.volunteer.pk == form.cleaned_data["volunteer"]
            )
            try:
                mentorship = actions.start_mentorship(
                    request.user,
                    household,
                    volunteer,
                    started_on=form.cleaned_data["started_on"],
                    goals=form.cleaned_data["goals"],
                )
            except actions.MentoringError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    _("Patenschaft für %(household)s mit %(volunteer)s begonnen.")
                    % {"household": household.code, "volunteer": volunteer.code},
                )
                return redirect("mentoring:mentorship", mentorship_id=mentorship.pk)
    audit.record(request.user, AuditAction.VIEWED, household)
    history = household.mentorships.select_related("volunteer").order_by("-started_on")
    return render(
        request,
        "volunteers/mentoring/household.html",
        {
            "region": household.region,
            "household": household,
            "found": found,
            "form": form,
            "history": history,
            "consent": actions.name_consent(household) if household.contact_name else None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def proposal(request: HttpRequest, region: str) -> HttpResponse:
    """The optimal assignment for all open households, shown to confirm pair by pair."""
    region_obj = access_region(request.user, region, Perm.MANAGE_VOLUNTEERS)
    if request.method == "POST":
        pairs = _pairs(request.POST.getlist("pair"))
        if pairs is None:
            messages.error(request, _("Die Auswahl ist ungültig; es wurde nichts geändert."))
        elif not pairs:
            messages.warning(request, _("Kein Vorschlag ausgewählt; es wurde nichts geändert."))
        else:
            result = actions.start_many(request.user, region_obj, pairs)
            _report(request, result)
        return redirect("mentoring:overview", region=region_obj.slug)
    found = planning.proposal_for(region_obj, timezone.localdate())
    return render(
        request, "volunteers/mentoring/proposal.html", {"region": region_obj, "proposal": found}
    )


def _pairs(values: list[str]) -> list[tuple[int, int]] | None:
    pairs = []
    for value in values:
        household_id, _sep, volunteer_id = value.partition(":")
        if not (household_id.isdigit() and volunteer_id.isdigit()):
            return None
        pairs.append((int(household_id), int(volunteer_id)))
    return pairs


def _report(request: HttpRequest, result: actions.BatchResult) -> None:
    if result.started:
        count = len(result.started)
        messages.success(
            request,
            ngettext("%(count)d Patenschaft begonnen.", "%(count)d Patenschaften begonnen.", count)
            % {"count": count},
        )
    for code, why in result.skipped:
        messages.warning(
            request, _("%(code)s nicht vermittelt: %(why)s") % {"code": code, "why": why}
        )


@login_required
@require_http_methods(["GET", "POST"])
def mentorship(request: HttpRequest, mentorship_id: int) -> HttpResponse:
    mentorship = access_mentorship(request.user, mentorship_id)
    action = request.POST.get("action", "")
    forms: dict[str, Any] = {
        "checkin": CheckInForm(request.POST if action == "checkin" else None),
        "schedule": ScheduleForm(request.POST if action == "schedule" else None),
        "end": EndForm(request.POST if action == "end" else None),
        "new_match": NewMatchForm(request.POST if action == "new_match" else None),
    }
    if request.method == "POST":
        done = _mentorship_post(request, mentorship, action, forms)
        if done:
            return redirect("mentoring:mentorship", mentorship_id=mentorship.pk)
    audit.record(request.user, AuditAction.VIEWED, mentorship)
    return render(
        request,
        "volunteers/mentoring/mentorship.html",
        {
            "region": mentorship.household.region,
            "mentorship": mentorship,
            "checkins": mentorship.checkins.order_by("due_on", "id"),
            "forms": forms,
            "action": action,
            "today": timezone.localdate(),
        },
    )


def _mentorship_post(
    request: HttpRequest, mentorship: Mentorship, action: str, forms: dict[str, Any]
) -> bool:
    """Run the posted action; True when it succeeded (the page then redirects)."""
    form = forms.get(action)
    if form is None:
        messages.error(request, _("Unbekannte Aktion; es wurde nichts geändert."))
        return True
    if not form.is_valid():
        return False
    data = form.cleaned_data
    try:
        if action == "checkin":
            checkin = mentorship.checkins.filter(pk=data["checkin"]).first()
            if checkin is None:
                messages.error(request, _("Dieses Gespräch gibt es nicht (mehr)."))
                return True
            actions.record_checkin(
                request.user, checkin, done_on=data["done_on"], notes=data["notes"]
            )
            messages.success(request, _("Gespräch eingetragen."))
        elif action == "schedule":
            actions.schedule_checkin(request.user, mentorship, due_on=data["due_on"])
            messages.success(request, _("Weiteres Gespräch geplant."))
        elif action == "end":
            actions.end_mentorship(
                request.user,
                mentorship,
                reason=data["reason"],
                ended_on=data["ended_on"],
                note=data["note"],
            )
            messages.success(request, _("Patenschaft beendet."))
        else:
            actions.ask_for_new_match(request.user, mentorship, note=data["note"])
            messages.success(
                request,
                _("Patenschaft beendet; Haushalt %(code)s sucht wieder.")
                % {"code": mentorship.household.code},
            )
    except actions.MentoringError as error:
        form.add_error(None, error.message)
        return False
    return True


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """The volunteer's own mentorships (phone-first), with "ask for a new match"."""
    own = list(
        Mentorship.objects.filter(
            volunteer__user_id=request.user.pk or 0, status=Mentorship.Status.ACTIVE
        )
        .select_related("household__municipality", "household__region", "volunteer")
        .prefetch_related("household__languages", "checkins")
        .order_by("started_on")
    )
    own = [m for m in own if can(request.user, Perm.ACT_AS_VOLUNTEER, m.household)]
    return render(
        request,
        "volunteers/mentoring/mine.html",
        {"mentorships": own, "form": NewMatchForm()},
    )


@login_required
@require_POST
def ask_new_match(request: HttpRequest, mentorship_id: int) -> HttpResponse:
    mentorship = access_own_mentorship(request.user, mentorship_id)
    form = NewMatchForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Die Notiz ist zu lang (höchstens 2000 Zeichen)."))
        return redirect("mentoring:mine")
    try:
        actions.ask_for_new_match(request.user, mentorship, note=form.cleaned_data["note"])
    except actions.MentoringError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Die Koordination ist informiert und sucht eine neue Vermittlung. Danke!"),
        )
    return redirect("mentoring:mine")
