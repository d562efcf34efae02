"""The public sign-up and the volunteer's own page (phone first).

Every write goes through `actions`; refusals come back as messages. Ids are checked
against the signed-in volunteer: what is not theirs is "not found".
"""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wir.accounts.permissions import has_perm_somewhere
from wir.accounts.roles import Perm
from wir.core.models import Region
from wir.core.ratelimit import request_over_limit
from wir.privacy import audit
from wir.privacy.models import AuditAction, Consent
from wir.volunteers import (
    actions,
    data_export,
    gathering_queries,
    gatherings,
    notify,
    queries,
    statements,
)
from wir.volunteers.forms import CONSENT_TEXT, CONSENT_VERSION, HoursForm, ProfileForm, SignupForm
from wir.volunteers.models import HoursEntry, Volunteer, VolunteerRules

SIGNUPS_PER_HOUR = 10


def _report_errors(request: HttpRequest, form: forms.Form) -> None:
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, str(error))


def _region_languages(region: Region) -> list[Any]:
    return list(
        region.region_languages.filter(is_visible=True)
        .select_related("language")
        .order_by("position", "language__code")
    )


def _use_language(request: HttpRequest, codes: list[str]) -> str:
    """The page's language: `?lang=` if the region offers it, else the request's."""
    wanted = request.GET.get("lang", "")
    if wanted in codes:
        translation.activate(wanted)
        request.LANGUAGE_CODE = wanted
        return wanted
    return translation.get_language() or settings.LANGUAGE_CODE


def _language_links(request: HttpRequest, region: Region) -> dict[str, Any]:
    languages = [rl.language for rl in _region_languages(region)]
    current = _use_language(request, [language.code for language in languages])
    return {
        "language_links": [
            {
                "code": language.code,
                "name": language.native_name,
                "dir": language.direction,
                "url": f"{request.path}?lang={language.code}",
                "current": language.code == current,
            }
            for language in languages
        ],
        "lang_query": f"?lang={current}",
    }


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest, region: str) -> HttpResponse:
    """Public sign-up in a region: an unconfirmed profile and the opt-in mail."""
    region_obj = Region.objects.filter(slug=region, is_active=True).first()
    if region_obj is None:
        raise Http404("Region nicht gefunden")
    context: dict[str, Any] = {"region": region_obj, **_language_links(request, region_obj)}
    form = SignupForm(request.POST or None, region=region_obj)
    context["form"] = form
    if request.method == "POST":
        if request_over_limit("volunteers-signup", request, SIGNUPS_PER_HOUR):
            context["limited"] = True
            return render(request, "volunteers/signup.html", context, status=429)
        if form.is_valid():
            data = form.cleaned_data
            try:
                actions.register(
                    region_obj,
                    username=data["username"],
                    email=data["email"],
                    password=data["password"],
                    name=data["name"],
                    phone=data.get("phone", ""),
                    municipality=data["municipality"],
                    languages=data["languages"],
                    interests=data["interests"],
                    skills=data.get("skills", []),
                    availability=data.get("availability", []),
                    works_with_minors=data.get("works_with_minors", False),
                    newsletter=data.get("newsletter", False),
                    consent_version=CONSENT_VERSION,
                    consent_text=str(CONSENT_TEXT),
                )
            except actions.Refused as refused:
                form.add_error(None, refused.message)
            else:
                days = VolunteerRules.for_region(region_obj.pk).unconfirmed_days
                context["days"] = days
                return render(request, "volunteers/signup_done.html", context, status=201)
        return render(request, "volunteers/signup.html", context, status=400)
    return render(request, "volunteers/signup.html", context)


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The opt-in link. A GET shows a button (mail scanners follow links); POST confirms."""
    context: dict[str, Any] = {"token": token}
    if request.method != "POST" and not actions.confirmation_pending(token):
        context["done"] = True
        return render(request, "volunteers/confirm.html", context, status=404)
    if request.method == "POST":
        volunteer = actions.confirm(token)
        context["volunteer"] = volunteer
        context["done"] = True
        return render(request, "volunteers/confirm.html", context, status=200 if volunteer else 404)
    return render(request, "volunteers/confirm.html", context)


# --- the volunteer's page ----------------------------------------------------------------


def _profile(request: HttpRequest) -> Volunteer:
    return queries.own_profile(request.user)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    if not queries.own_profiles(request.user).exists() and has_perm_somewhere(
        request.user, Perm.MANAGE_VOLUNTEERS
    ):
        # Coordination has no volunteer profile of its own: its page is the back office.
        return redirect("volunteers:coordination")
    if not queries.own_profiles(request.user).exists() and has_perm_somewhere(
        request.user, Perm.ACT_AS_VOLUNTEER
    ):
        # A volunteer role without a profile yet (granted by hand): the coordination
        # is setting it up; say so instead of "not found".
        return redirect("accounts:area_pending")
    volunteer = _profile(request)
    context: dict[str, Any] = {
        "volunteer": volunteer,
        **_language_links(request, volunteer.region),
        "signups": queries.upcoming_signups(volunteer),
        "shifts": queries.open_shifts(volunteer)
        if volunteer.status == Volunteer.Status.ACTIVE
        else [],
        "hours": list(HoursEntry.objects.filter(volunteer=volunteer)[:20]),
        "hours_total": queries.approved_total(
            volunteer, timezone.localdate().replace(month=1, day=1)
        ),
        "hours_form": HoursForm(initial={"day": timezone.localdate()}),
        "certificate": queries.certificate_status(volunteer),
        "gatherings": gathering_queries.for_volunteer(volunteer),
        "coordinated": queries.coordinated_networks(request.user),
        "feed_url": request.build_absolute_uri(
            reverse("volunteers:feed", args=[volunteer.calendar_token])
        ),
    }
    return render(request, "volunteers/home.html", context)


def _back(request: HttpRequest) -> HttpResponse:
    lang = request.POST.get("lang", "")
    url = reverse("volunteers:home")
    return redirect(
        f"{url}?lang={lang}" if lang.isascii() and lang.replace("-", "").isalnum() else url
    )


@login_required
@require_POST
def sign_up(request: HttpRequest, shift_id: int) -> HttpResponse:
    volunteer = _profile(request)
    shift = queries.visible_shift(volunteer, shift_id)
    try:
        actions.sign_up_for_shift(shift.pk, volunteer.pk, request.user)
    except actions.Refused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Sie sind angemeldet. Eine Bestätigung kommt per E-Mail."))
    return _back(request)


@login_required
@require_POST
def cancel(request: HttpRequest, shiftsignup_id: int) -> HttpResponse:
    volunteer = _profile(request)
    signup = queries.own_signup(volunteer, shiftsignup_id)
    try:
        actions.cancel_signup(signup.pk, request.user)
    except actions.Refused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Sie sind abgemeldet."))
    return _back(request)


@login_required
@require_POST
def register_gathering(request: HttpRequest, gathering_id: int) -> HttpResponse:
    volunteer = _profile(request)
    gathering = gathering_queries.visible_gathering(volunteer, gathering_id)
    try:
        registration = gatherings.register(gathering.pk, volunteer.pk, request.user)
    except actions.Refused as refused:
        messages.error(request, refused.message)
    else:
        position = gatherings.waiting_position(registration)
        if position:
            messages.info(
                request,
                _(
                    "Die Veranstaltung ist voll. Sie stehen auf der Warteliste (Platz %(n)s) "
                    "und rücken automatisch nach, wenn ein Platz frei wird."
                )
                % {"n": position},
            )
        else:
            messages.success(request, _("Sie sind angemeldet. Eine Bestätigung kommt per E-Mail."))
    return _back(request)


@login_required
@require_POST
def cancel_gathering(request: HttpRequest, gatheringregistration_id: int) -> HttpResponse:
    volunteer = _profile(request)
    registration = gathering_queries.own_registration(volunteer, gatheringregistration_id)
    try:
        gatherings.cancel(registration.pk, request.user)
    except actions.Refused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Sie sind abgemeldet."))
    return _back(request)


@login_required
def shift_calendar(request: HttpRequest, shift_id: int) -> HttpResponse:
    volunteer = _profile(request)
    shift = queries.visible_shift(volunteer, shift_id)
    response = HttpResponse(notify.calendar([shift]), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="schicht-{shift.pk}.ics"'
    return response


def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The personal calendar feed behind a secret URL (calendar apps cannot sign in)."""
    volunteer = (
        Volunteer.objects.filter(calendar_token=token)
        .exclude(status=Volunteer.Status.ANONYMISED)
        .first()
        if len(token) >= 20
        else None
    )
    if volunteer is None:
        raise Http404("Nicht gefunden")
    body = notify.calendar(queries.feed_shifts(volunteer), name=_("Ehrenamt"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=300"
    return response


@login_required
@require_POST
def log_hours(request: HttpRequest) -> HttpResponse:
    volunteer = _profile(request)
    form = HoursForm(request.POST)
    if not form.is_valid():
        _report_errors(request, form)
        return _back(request)
    data = form.cleaned_data
    try:
        actions.log_hours(
            volunteer.pk,
            request.user,
            day=data["day"],
            hours=data["hours"],
            activity=data["activity"],
        )
    except actions.Refused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(
            request, _("Ihre Stunden sind eingetragen; die Koordination bestätigt sie.")
        )
    return _back(request)


@login_required
def certificate_pdf(request: HttpRequest) -> HttpResponse:
    volunteer = _profile(request)
    year = request.GET.get("jahr", "")
    pdf = statements.engagement_pdf(volunteer, int(year) if year.isdigit() else None)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="ehrenamtsnachweis.pdf"'
    return response


# --- their data --------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def my_data(request: HttpRequest) -> HttpResponse:
    volunteer = _profile(request)
    form = ProfileForm(
        request.POST or None,
        region=volunteer.region,
        initial={
            "name": volunteer.name,
            "phone": volunteer.phone,
            "municipality": volunteer.municipality,
            "languages": list(volunteer.languages.all()),
            "interests": volunteer.interests,
            "skills": volunteer.skills,
            "availability": volunteer.availability,
            "works_with_minors": volunteer.works_with_minors,
            "newsletter": volunteer.newsletter,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        values = {
            key: data[key]
            for key in ("name", "phone", "municipality", "works_with_minors", "newsletter")
        }
        values["availability"] = sorted(set(data["availability"]))
        actions.update_profile(
            volunteer.pk,
            request.user,
            changed=form.changed_data,
            values=values,
            languages=data["languages"],
            interests=data["interests"],
            skills=data["skills"],
        )
        messages.success(request, _("Ihre Angaben sind gespeichert."))
        return redirect("volunteers:my_data")
    context = {
        "volunteer": volunteer,
        "form": form,
        **_language_links(request, volunteer.region),
        "consents": Consent.objects.filter(user_id=volunteer.user_id or 0).select_related("text"),
    }
    return render(request, "volunteers/my_data.html", context, status=400 if form.errors else 200)


@login_required
def export(request: HttpRequest) -> HttpResponse:
    volunteer = _profile(request)
    audit.record(request.user, AuditAction.EXPORTED, volunteer)
    body = json.dumps(
        data_export.own_data(volunteer), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    )
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="meine-daten-ehrenamt.json"'
    return response


@login_required
@require_POST
def withdraw(request: HttpRequest) -> HttpResponse:
    volunteer = _profile(request)
    if request.POST.get("sure") != "ja":
        messages.error(request, _("Bitte bestätigen Sie, dass Sie Ihre Einwilligung widerrufen."))
        return redirect("volunteers:my_data")
    actions.withdraw(volunteer.pk, request.user)
    messages.success(
        request,
        _("Ihre Einwilligung ist widerrufen; Ihre Angaben sind gelöscht oder anonymisiert."),
    )
    return redirect("/")
