"""Coordination's team page: who holds which role in the region; invite a person by
e-mail, change a role, take one away. Every write goes through `wir.accounts.actions`
(permission checked there again, atomic, logged); the region needs `Perm.MANAGE_ROLES`,
and a membership of another region is "not found"."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from wir.accounts import actions
from wir.accounts.models import Membership, User
from wir.accounts.permissions import access_region, regions_where
from wir.accounts.roles import Perm, Role
from wir.core.models import Region


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("E-Mail-Adresse"),
        max_length=254,
        error_messages={
            "required": gettext_lazy("Bitte geben Sie eine E-Mail-Adresse an."),
            "invalid": gettext_lazy("Bitte geben Sie eine gültige E-Mail-Adresse an."),
        },
    )
    role = forms.ChoiceField(
        label=gettext_lazy("Rolle"),
        choices=[("", gettext_lazy("Bitte wählen")), *Role.choices],
        error_messages={
            "required": gettext_lazy("Bitte wählen Sie eine Rolle."),
            "invalid_choice": gettext_lazy("Bitte wählen Sie eine Rolle aus der Liste."),
        },
    )
    languages = forms.MultipleChoiceField(
        label=gettext_lazy("Sprachen (nur für die Übersetzung)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": gettext_lazy("Diese Sprache ist in der Region nicht aktiv.")
        },
    )

    def __init__(self, *args: object, region: Region, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["languages"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [
            (language.code, language.name_de)
            for language in region.languages.exclude(code="de").order_by("name_de")
        ]


class RoleForm(forms.Form):
    role = forms.ChoiceField(
        label=gettext_lazy("Neue Rolle"),
        choices=Role.choices,
        error_messages={
            "invalid_choice": gettext_lazy("Bitte wählen Sie eine Rolle aus der Liste."),
            "required": gettext_lazy("Bitte wählen Sie eine Rolle."),
        },
    )


def index(request: HttpRequest) -> HttpResponse:
    regions = list(regions_where(request.user, Perm.MANAGE_ROLES).order_by("name"))
    if not regions:
        raise Http404("Keine Region")
    return redirect("accounts_team", region=regions[0].slug)


def _actor(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # the admin requires a signed-in user
    return request.user


def _report(request: HttpRequest, error: ValidationError | PermissionDenied) -> None:
    for message in getattr(error, "messages", None) or [str(error)]:
        messages.error(request, message)


@require_http_methods(["GET", "POST"])
def team(request: HttpRequest, region: str) -> HttpResponse:
    """The region's roles, and the invitation form (posted here)."""
    region_obj = access_region(request.user, region, Perm.MANAGE_ROLES)
    form = InviteForm(request.POST or None, region=region_obj)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user, created = actions.invite(
                _actor(request),
                region_obj,
                data["email"],
                data["role"],
                data["languages"] if data["role"] == Role.TRANSLATOR else None,
            )
        except (ValidationError, PermissionDenied) as error:
            _report(request, error)
        else:
            if created:
                text = _("Einladung an %(email)s gesendet (Benutzername %(name)s).")
            else:
                text = _("%(email)s (%(name)s) hat die Rolle erhalten und ist benachrichtigt.")
            messages.success(request, text % {"email": user.email, "name": user.username})
            return redirect("accounts_team", region=region_obj.slug)
    memberships = (
        Membership.objects.filter(region=region_obj)
        .select_related("user")
        .prefetch_related("languages")
        .order_by("user__username", "role")
    )
    return render(
        request,
        "accounts/team.html",
        {
            "region": region_obj,
            "form": form,
            "memberships": memberships,
            "roles": Role.choices,
        },
        status=400 if form.errors else 200,
    )


def _membership(region: Region, membership_id: int) -> Membership:
    found = (
        Membership.objects.filter(region=region, pk=membership_id)
        .select_related("user", "region")
        .first()
    )
    if found is None:
        raise Http404("Rolle nicht gefunden")
    return found


@require_POST
def change(request: HttpRequest, region: str, membership_id: int) -> HttpResponse:
    region_obj = access_region(request.user, region, Perm.MANAGE_ROLES)
    membership = _membership(region_obj, membership_id)
    form = RoleForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect("accounts_team", region=region_obj.slug)
    try:
        actions.change_role(_actor(request), membership, form.cleaned_data["role"])
    except (ValidationError, PermissionDenied) as error:
        _report(request, error)
    else:
        messages.success(
            request,
            _("%(name)s hat jetzt die Rolle „%(role)s“.")
            % {"name": membership.user.username, "role": membership.get_role_display()},
        )
    return redirect("accounts_team", region=region_obj.slug)


@require_POST
def revoke(request: HttpRequest, region: str, membership_id: int) -> HttpResponse:
    region_obj = access_region(request.user, region, Perm.MANAGE_ROLES)
    membership = _membership(region_obj, membership_id)
    try:
        actions.revoke_role(_actor(request), membership.user, region_obj, membership.role)
    except (ValidationError, PermissionDenied) as error:
        _report(request, error)
    else:
        messages.success(
            request,
            _("%(name)s hat die Rolle „%(role)s“ nicht mehr.")
            % {"name": membership.user.username, "role": membership.get_role_display()},
        )
    return redirect("accounts_team", region=region_obj.slug)
