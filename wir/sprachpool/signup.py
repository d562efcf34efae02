"""Sign-up of language mediators: an account, a pseudonymous pool record, the consent.

The record starts as "beworben"; coordination checks the documents and activates it.
Only what matching needs is asked; gender is optional and used only when a request
states a preference. The consent is recorded with the exact text version (wir.privacy.consent).
"""

from __future__ import annotations

from datetime import time
from typing import Any

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wir.accounts.actions import grant_role
from wir.accounts.models import User
from wir.accounts.roles import Role
from wir.core import writes
from wir.core.models import Area, Language, Region
from wir.privacy import consent
from wir.privacy.models import Consent
from wir.sprachpool.forms import INPUT, NOT_ASKED, SELECT, out_of_range
from wir.sprachpool.models import (
    CefrLevel,
    Gender,
    Mediator,
    MediatorLanguage,
    WeeklyAvailability,
)
from wir.sprachpool.privacy import CONSENT_TEXT, PURPOSE

HALF_DAYS = [
    (f"{day}-{part}", f"{name} {label}")
    for day, name in enumerate(["Mo", "Di", "Mi", "Do", "Fr", "Sa"])
    for part, label in (("vm", "vormittags"), ("nm", "nachmittags"))
]
PARTS = {"vm": (time(8), time(12, 30)), "nm": (time(12, 30), time(17))}
LEVELS = list(CefrLevel.choices)


class SignupForm(forms.Form):
    username = forms.RegexField(
        label=_("Benutzername"),
        regex=r"^[a-z0-9._-]{3,40}$",
        error_messages={
            "required": _("Bitte wählen Sie einen Benutzernamen."),
            "invalid": _("3 bis 40 Zeichen: kleine Buchstaben, Ziffern, Punkt, Strich."),
        },
        widget=forms.TextInput(attrs={**INPUT, "autocomplete": "username"}),
    )
    email = forms.EmailField(
        label=_("E-Mail für Angebote"),
        error_messages={
            "required": _("Bitte geben Sie Ihre E-Mail-Adresse an."),
            "invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an."),
        },
        widget=forms.EmailInput(attrs={**INPUT, "autocomplete": "email"}),
    )
    password = forms.CharField(
        label=_("Passwort"),
        strip=False,
        error_messages={"required": _("Bitte wählen Sie ein Passwort.")},
        widget=forms.PasswordInput(attrs={**INPUT, "autocomplete": "new-password"}),
    )
    language_1 = forms.ModelChoiceField(
        Language.objects.exclude(code__in=NOT_ASKED).order_by("name_de"),
        label=_("Sprache"),
        empty_label=_("Bitte wählen"),
        error_messages={
            "required": _("Bitte geben Sie mindestens eine Sprache an."),
            "invalid_choice": _("Bitte wählen Sie eine Sprache aus der Liste."),
        },
        widget=forms.Select(attrs=SELECT),
    )
    level_1 = forms.ChoiceField(
        label=_("Niveau"), choices=LEVELS, initial="native", widget=forms.Select(attrs=SELECT)
    )
    dialects_1 = forms.CharField(
        label=_("Dialekte"), max_length=200, required=False, widget=forms.TextInput(attrs=INPUT)
    )
    language_2 = forms.ModelChoiceField(
        Language.objects.exclude(code__in=NOT_ASKED).order_by("name_de"),
        label=_("Weitere Sprache (freiwillig)"),
        required=False,
        empty_label=_("keine"),
        error_messages={"invalid_choice": _("Bitte wählen Sie eine Sprache aus der Liste.")},
        widget=forms.Select(attrs=SELECT),
    )
    level_2 = forms.ChoiceField(
        label=_("Niveau"), choices=LEVELS, initial="native", widget=forms.Select(attrs=SELECT)
    )
    german_level = forms.ChoiceField(
        label=_("Deutschkenntnisse"),
        choices=[("", _("Bitte wählen")), *CefrLevel.choices],
        error_messages={"required": _("Bitte geben Sie Ihre Deutschkenntnisse an.")},
        widget=forms.Select(attrs=SELECT),
    )
    modes = forms.MultipleChoiceField(
        label=_("Einsatzarten"),
        choices=[("on_site", _("vor Ort")), ("phone", _("Telefon")), ("video", _("Video"))],
        error_messages={
            "required": _("Bitte wählen Sie mindestens eine Einsatzart."),
            "invalid_choice": _("Bitte wählen Sie Einsatzarten aus der Liste."),
        },
        widget=forms.CheckboxSelectMultiple,
    )
    home_area = forms.ModelChoiceField(
        Area.objects.none(),
        label=_("Wohnort (Kommune)"),
        empty_label=_("Bitte wählen"),
        error_messages={
            "required": _("Bitte wählen Sie Ihren Wohnort."),
            "invalid_choice": _("Bitte wählen Sie einen Ort aus der Liste."),
        },
        widget=forms.Select(attrs=SELECT),
    )
    areas = forms.ModelMultipleChoiceField(
        Area.objects.none(),
        label=_("Vor Ort nur in diesen Kommunen (freiwillig; leer: alle im Umkreis)"),
        required=False,
        error_messages={"invalid_choice": _("Bitte wählen Sie Orte aus der Liste.")},
        widget=forms.CheckboxSelectMultiple,
    )
    max_travel_km = forms.IntegerField(
        label=_("Höchstens so weit fahre ich (km)"),
        min_value=0,
        max_value=200,
        initial=20,
        error_messages={
            **out_of_range(_("Bitte eine Zahl von 0 bis 200 angeben.")),
        },
        widget=forms.NumberInput(attrs=INPUT),
    )
    availability = forms.MultipleChoiceField(
        label=_("Wann können Sie meistens?"),
        choices=HALF_DAYS,
        required=False,
        error_messages={"invalid_choice": _("Bitte wählen Sie Zeiten aus der Liste.")},
        widget=forms.CheckboxSelectMultiple,
    )
    gender = forms.ChoiceField(
        label=_("Geschlecht (freiwillig)"),
        choices=[("", _("keine Angabe")), *Gender.choices],
        required=False,
        widget=forms.Select(attrs=SELECT),
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={
            "required": _("Ohne Einwilligung können wir Ihnen keine Einsätze anbieten.")
        },
    )

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.region = region
        home = self.fields["home_area"]
        assert isinstance(home, forms.ModelChoiceField)
        home.queryset = Area.objects.filter(region=region, kind=Area.Kind.MUNICIPALITY).order_by(
            "name"
        )
        served = self.fields["areas"]
        assert isinstance(served, forms.ModelMultipleChoiceField)
        served.queryset = home.queryset

    def clean_username(self) -> str:
        username = str(self.cleaned_data["username"])
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("Dieser Benutzername ist schon vergeben."))
        return username

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        password = data.get("password")
        if password:
            try:
                validate_password(password, User(username=data.get("username", "")))
            except forms.ValidationError as problems:
                self.add_error("password", problems)
        first, second = data.get("language_1"), data.get("language_2")
        if first is not None and second is not None and first == second:
            self.add_error("language_2", _("Diese Sprache steht schon oben."))
        return data

    @transaction.atomic
    def save(self) -> Mediator:
        data = self.cleaned_data
        user = User.objects.create_user(
            username=data["username"], email=data["email"], password=data["password"]
        )
        grant_role(None, user, self.region, Role.MEDIATOR)
        modes = set(data["modes"])

        def create() -> Mediator:
            taken = set(Mediator.objects.filter(region=self.region).values_list("code", flat=True))
            number = len(taken) + 1
            while f"SM-{number:03d}" in taken:
                number += 1
            return Mediator.objects.create(
                region=self.region,
                code=f"SM-{number:03d}",
                user=user,
                status=Mediator.Status.APPLIED,
                german_level=data["german_level"],
                max_travel_km=data["max_travel_km"],
                home_area=data["home_area"],
                on_site="on_site" in modes,
                phone="phone" in modes,
                video="video" in modes,
                gender=data.get("gender", ""),
            )

        # Two sign-ups at once may pick the same next code: the second picks again.
        mediator = writes.with_free_code(create, "mediator_code_unique", "sprachpool_mediator.code")
        consent.give(user, PURPOSE, self.region, channel=Consent.Channel.WEB)
        mediator.areas.set(data.get("areas") or [])
        MediatorLanguage.objects.create(
            mediator=mediator,
            language=data["language_1"],
            level=data["level_1"],
            dialects=data.get("dialects_1", ""),
        )
        if data.get("language_2") is not None:
            MediatorLanguage.objects.create(
                mediator=mediator, language=data["language_2"], level=data["level_2"]
            )
        for slot in data.get("availability", []):
            day, part = slot.split("-")
            start, end = PARTS[part]
            WeeklyAvailability.objects.create(
                mediator=mediator, weekday=int(day), start=start, end=end
            )
        return mediator
