"""Forms of the volunteer module: every bad input answered with a German message."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wir.accounts.models import User
from wir.core.models import Area, Language, Region
from wir.volunteers.models import (
    WEEKDAYS,
    DayPart,
    Interest,
    Network,
    Opportunity,
    Skill,
    Volunteer,
    VolunteerRules,
)

INPUT = {"class": "kern-form-input__input"}
SELECT = {"class": "kern-form-input__select"}
TEXTAREA = {"class": "kern-form-input__input", "rows": "4"}
CONSENT_VERSION = "2026-12"
CONSENT_TEXT = _(
    "Ich willige ein, dass die WIR-Koordination meine Angaben (Ansprache, E-Mail, freiwillig "
    "Telefon, Wohnort als Kommune, Sprachen, Interessen, Fähigkeiten, Verfügbarkeit) "
    "speichert, um mir ehrenamtliche Einsätze anzubieten und meine Stunden zu bescheinigen. "
    "Ich kann die Einwilligung jederzeit widerrufen; dann werden meine Angaben gelöscht "
    "oder anonymisiert."
)


def kern_checks(form: forms.BaseForm) -> None:
    """KERN-UX's look for check boxes (the widgets render the inputs without classes)."""
    for field in form.fields.values():
        if isinstance(field.widget, forms.CheckboxSelectMultiple | forms.CheckboxInput):
            field.widget.attrs["class"] = "kern-form-check__checkbox"


def half_day_choices() -> list[tuple[str, str]]:
    return [
        (f"{day}-{part}", f"{WEEKDAYS[day]} {label}")
        for day in range(7)
        for part, label in DayPart.choices
    ]


def _choice_errors(what: Any) -> dict[str, Any]:
    return {"invalid_choice": what, "invalid_list": what, "invalid_pk_value": what}


class ProfileFields(forms.Form):
    """What a volunteer tells about themselves (sign-up and profile)."""

    name = forms.CharField(
        label=_("Wie dürfen wir Sie ansprechen?"),
        max_length=100,
        error_messages={"required": _("Bitte geben Sie an, wie wir Sie ansprechen dürfen.")},
        widget=forms.TextInput(attrs={**INPUT, "autocomplete": "given-name"}),
    )
    phone = forms.RegexField(
        label=_("Telefon (freiwillig)"),
        regex=r"^[0-9 +()/-]{5,40}$",
        required=False,
        error_messages={"invalid": _("Bitte nur Ziffern, Leerzeichen und + ( ) / -.")},
        widget=forms.TextInput(attrs={**INPUT, "autocomplete": "tel", "type": "tel"}),
    )
    municipality = forms.ModelChoiceField(
        Area.objects.none(),
        label=_("Wohnort (Kommune)"),
        empty_label=_("Bitte wählen"),
        error_messages={
            "required": _("Bitte wählen Sie Ihren Wohnort."),
            "invalid_choice": _("Bitte wählen Sie einen Ort aus der Liste."),
        },
        widget=forms.Select(attrs=SELECT),
    )
    languages = forms.ModelMultipleChoiceField(
        Language.objects.none(),
        label=_("Welche Sprachen sprechen Sie?"),
        error_messages={
            "required": _("Bitte wählen Sie mindestens eine Sprache."),
            **_choice_errors(_("Bitte wählen Sie Sprachen aus der Liste.")),
        },
        widget=forms.CheckboxSelectMultiple,
    )
    interests = forms.MultipleChoiceField(
        label=_("Wobei möchten Sie helfen?"),
        choices=Interest.choices,
        error_messages={
            "required": _("Bitte wählen Sie mindestens einen Bereich."),
            **_choice_errors(_("Bitte wählen Sie Bereiche aus der Liste.")),
        },
        widget=forms.CheckboxSelectMultiple,
    )
    skills = forms.MultipleChoiceField(
        label=_("Was bringen Sie mit? (freiwillig)"),
        choices=Skill.choices,
        required=False,
        error_messages=_choice_errors(_("Bitte wählen Sie aus der Liste.")),
        widget=forms.CheckboxSelectMultiple,
    )
    availability = forms.MultipleChoiceField(
        label=_("Wann haben Sie meistens Zeit? (freiwillig)"),
        choices=half_day_choices,
        required=False,
        error_messages=_choice_errors(_("Bitte wählen Sie Zeiten aus der Liste.")),
        widget=forms.CheckboxSelectMultiple,
    )
    works_with_minors = forms.BooleanField(
        label=_(
            "Ich kann mir Einsätze mit Kindern und Jugendlichen vorstellen (dafür braucht es "
            "ein erweitertes Führungszeugnis; die Koordination hilft bei der Beantragung)."
        ),
        required=False,
    )
    newsletter = forms.BooleanField(
        label=_("Ich möchte Rundmails über neue Einsätze und Treffen erhalten."), required=False
    )

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.region = region
        municipality = self.fields["municipality"]
        assert isinstance(municipality, forms.ModelChoiceField)
        municipality.queryset = Area.objects.filter(
            region=region, kind=Area.Kind.MUNICIPALITY
        ).order_by("name")
        languages = self.fields["languages"]
        assert isinstance(languages, forms.ModelMultipleChoiceField)
        languages.queryset = Language.objects.order_by("name_de")
        kern_checks(self)


class SignupForm(ProfileFields):
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
        label=_("E-Mail-Adresse"),
        max_length=200,
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
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={
            "required": _("Ohne Einwilligung können wir Ihre Anmeldung nicht speichern.")
        },
    )

    field_order = ["name", "email", "username", "password"]

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
        return data


class ProfileForm(ProfileFields):
    """The volunteer changes their own data."""


class HoursForm(forms.Form):
    day = forms.DateField(
        label=_("Datum"),
        error_messages={
            "required": _("Bitte geben Sie das Datum an."),
            "invalid": _("Bitte geben Sie ein gültiges Datum an (TT.MM.JJJJ)."),
        },
        widget=forms.DateInput(attrs={**INPUT, "type": "date"}, format="%Y-%m-%d"),
    )
    hours = forms.DecimalField(
        label=_("Stunden"),
        min_value=Decimal("0.25"),
        max_value=Decimal("24"),
        decimal_places=2,
        max_digits=4,
        error_messages={
            "required": _("Bitte geben Sie die Stunden an."),
            "invalid": _("Bitte eine Zahl angeben, z. B. 2,5."),
            "min_value": _("Bitte geben Sie zwischen 0,25 und 24 Stunden an."),
            "max_value": _("Bitte geben Sie zwischen 0,25 und 24 Stunden an."),
            "max_decimal_places": _("Höchstens zwei Stellen nach dem Komma."),
            "max_digits": _("Bitte geben Sie zwischen 0,25 und 24 Stunden an."),
            "max_whole_digits": _("Bitte geben Sie zwischen 0,25 und 24 Stunden an."),
        },
        localize=True,
        widget=forms.TextInput(attrs={**INPUT, "inputmode": "decimal"}),
    )
    activity = forms.CharField(
        label=_("Was haben Sie getan?"),
        max_length=200,
        error_messages={
            "required": _("Bitte beschreiben Sie kurz, was Sie getan haben."),
            "max_length": _("Höchstens 200 Zeichen."),
        },
        widget=forms.TextInput(attrs=INPUT),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Grund"),
        max_length=200,
        required=False,
        error_messages={"max_length": _("Höchstens 200 Zeichen.")},
        widget=forms.TextInput(attrs=INPUT),
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            (Volunteer.Status.ACTIVE, _("begrüßen / aktivieren")),
            (Volunteer.Status.PAUSED, _("pausieren")),
            (Volunteer.Status.LEFT, _("ausgeschieden")),
        ],
        error_messages={"invalid_choice": _("Bitte wählen Sie einen Status aus der Liste.")},
        widget=forms.Select(attrs=SELECT),
    )


class CertificateForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kern_checks(self)

    issued_on = forms.DateField(
        label=_("Ausgestellt am"),
        error_messages={
            "required": _("Bitte geben Sie das Ausstellungsdatum an."),
            "invalid": _("Bitte geben Sie ein gültiges Datum an."),
        },
        widget=forms.DateInput(attrs={**INPUT, "type": "date"}, format="%Y-%m-%d"),
    )
    inspected_on = forms.DateField(
        label=_("Eingesehen am"),
        error_messages={
            "required": _("Bitte geben Sie das Datum der Einsicht an."),
            "invalid": _("Bitte geben Sie ein gültiges Datum an."),
        },
        widget=forms.DateInput(attrs={**INPUT, "type": "date"}, format="%Y-%m-%d"),
    )
    disqualifying = forms.BooleanField(
        label=_("Enthält eine Eintragung nach § 72a Abs. 1 SGB VIII"), required=False
    )


class FilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("alle")), *Volunteer.Status.choices],
        widget=forms.Select(attrs=SELECT),
    )
    municipality = forms.ModelChoiceField(
        Area.objects.none(),
        label=_("Kommune"),
        required=False,
        empty_label=_("alle"),
        widget=forms.Select(attrs=SELECT),
    )
    interest = forms.ChoiceField(
        label=_("Interesse"),
        required=False,
        choices=[("", _("alle")), *Interest.choices],
        widget=forms.Select(attrs=SELECT),
    )
    language = forms.ModelChoiceField(
        Language.objects.order_by("name_de"),
        label=_("Sprache"),
        required=False,
        empty_label=_("alle"),
        widget=forms.Select(attrs=SELECT),
    )

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        municipality = self.fields["municipality"]
        assert isinstance(municipality, forms.ModelChoiceField)
        municipality.queryset = Area.objects.filter(
            region=region, kind=Area.Kind.MUNICIPALITY
        ).order_by("name")


class NetworkForm(forms.ModelForm):
    class Meta:
        model = Network
        fields = ["name", "kind", "municipality", "description", "partner_organisations", "members"]
        widgets = {
            "name": forms.TextInput(attrs=INPUT),
            "kind": forms.Select(attrs=SELECT),
            "municipality": forms.Select(attrs=SELECT),
            "description": forms.Textarea(attrs=TEXTAREA),
            "partner_organisations": forms.Textarea(attrs=TEXTAREA),
            "members": forms.CheckboxSelectMultiple,
        }
        error_messages = {
            "name": {"required": _("Bitte geben Sie einen Namen an.")},
            "kind": {"required": _("Bitte wählen Sie die Art.")},
            "municipality": {
                "required": _("Bitte wählen Sie eine Kommune."),
                "invalid_choice": _("Bitte wählen Sie eine Kommune aus der Liste."),
            },
        }

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.region = region
        municipality = self.fields["municipality"]
        assert isinstance(municipality, forms.ModelChoiceField)
        municipality.queryset = Area.objects.filter(region=region, kind=Area.Kind.MUNICIPALITY)
        members = self.fields["members"]
        assert isinstance(members, forms.ModelMultipleChoiceField)
        members.queryset = Volunteer.objects.filter(region=region).exclude(
            status=Volunteer.Status.ANONYMISED
        )
        members.error_messages.update(_choice_errors(_("Bitte wählen Sie aus der Liste.")))
        kern_checks(self)


class OpportunityForm(forms.ModelForm):
    class Meta:
        model = Opportunity
        fields = [
            "title",
            "description",
            "area",
            "network",
            "interest",
            "needs",
            "languages",
            "with_minors",
            "organiser",
            "published",
        ]
        widgets = {
            "title": forms.TextInput(attrs=INPUT),
            "description": forms.Textarea(attrs=TEXTAREA),
            "area": forms.Select(attrs=SELECT),
            "network": forms.Select(attrs=SELECT),
            "interest": forms.Select(attrs=SELECT),
            "needs": forms.Textarea(attrs=TEXTAREA),
            "languages": forms.CheckboxSelectMultiple,
            "organiser": forms.TextInput(attrs=INPUT),
        }
        error_messages = {
            "title": {"required": _("Bitte geben Sie einen Titel an.")},
            "description": {"required": _("Bitte beschreiben Sie den Einsatz.")},
            "area": {
                "required": _("Bitte wählen Sie den Ort."),
                "invalid_choice": _("Bitte wählen Sie einen Ort aus der Liste."),
            },
            "organiser": {"required": _("Bitte nennen Sie, wer den Einsatz veranstaltet.")},
        }

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.region = region
        area = self.fields["area"]
        assert isinstance(area, forms.ModelChoiceField)
        area.queryset = Area.objects.filter(region=region).order_by("name")
        network = self.fields["network"]
        assert isinstance(network, forms.ModelChoiceField)
        network.queryset = Network.objects.filter(region=region)
        languages = self.fields["languages"]
        assert isinstance(languages, forms.ModelMultipleChoiceField)
        languages.queryset = Language.objects.order_by("name_de")
        for field in ("network", "languages", "interest"):
            self.fields[field].error_messages.update(
                _choice_errors(_("Bitte wählen Sie aus der Liste."))
            )
        kern_checks(self)


class RulesForm(forms.ModelForm):
    class Meta:
        model = VolunteerRules
        fields = [
            "retention_months",
            "unconfirmed_days",
            "certificate_valid_years",
            "certificate_max_age_months",
            "certificate_reminder_days",
            "card_hours_per_week",
            "card_hours_per_year",
            "card_years",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limits = {
            "retention_months": (1, 120),
            "unconfirmed_days": (1, 90),
            "certificate_valid_years": (1, 10),
            "certificate_max_age_months": (1, 12),
            "certificate_reminder_days": (0, 365),
            "card_hours_per_week": (0, 80),
            "card_hours_per_year": (0, 4000),
            "card_years": (1, 20),
        }
        for name, (low, high) in limits.items():
            field = self.fields[name]
            message = _("Bitte eine Zahl von %(low)s bis %(high)s angeben.") % {
                "low": low,
                "high": high,
            }
            field.validators += [MinValueValidator(low), MaxValueValidator(high)]
            field.error_messages.update(
                dict.fromkeys(("required", "invalid", "min_value", "max_value"), message)
            )
            field.widget.attrs.update(INPUT)
            field.localize = True


class ShiftForm(forms.Form):
    day = forms.DateField(
        label=_("Tag"),
        error_messages={
            "required": _("Bitte geben Sie den Tag an."),
            "invalid": _("Bitte geben Sie ein gültiges Datum an."),
        },
        widget=forms.DateInput(attrs={**INPUT, "type": "date"}, format="%Y-%m-%d"),
    )
    start = forms.TimeField(
        label=_("Beginn"),
        error_messages={
            "required": _("Bitte geben Sie den Beginn an."),
            "invalid": _("Bitte eine Uhrzeit angeben, z. B. 14:30."),
        },
        widget=forms.TimeInput(attrs={**INPUT, "type": "time"}, format="%H:%M"),
    )
    end = forms.TimeField(
        label=_("Ende"),
        error_messages={
            "required": _("Bitte geben Sie das Ende an."),
            "invalid": _("Bitte eine Uhrzeit angeben, z. B. 16:00."),
        },
        widget=forms.TimeInput(attrs={**INPUT, "type": "time"}, format="%H:%M"),
    )
    places = forms.IntegerField(
        label=_("Plätze"),
        min_value=1,
        max_value=500,
        initial=2,
        error_messages={
            "required": _("Bitte geben Sie die Zahl der Plätze an."),
            "invalid": _("Bitte eine Zahl von 1 bis 500 angeben."),
            "min_value": _("Bitte eine Zahl von 1 bis 500 angeben."),
            "max_value": _("Bitte eine Zahl von 1 bis 500 angeben."),
        },
        widget=forms.NumberInput(attrs=INPUT),
    )
    note = forms.CharField(
        label=_("Hinweis (freiwillig)"),
        max_length=200,
        required=False,
        error_messages={"max_length": _("Höchstens 200 Zeichen.")},
        widget=forms.TextInput(attrs=INPUT),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day, start, end = data.get("day"), data.get("start"), data.get("end")
        if isinstance(day, date) and isinstance(start, time) and isinstance(end, time):
            if end <= start:
                self.add_error("end", _("Das Ende muss nach dem Beginn liegen."))
            elif day < timezone.localdate() - timedelta(days=1):
                self.add_error("day", _("Der Tag liegt in der Vergangenheit."))
        return data

    def times(self) -> tuple[datetime, datetime]:
        data = self.cleaned_data
        zone = timezone.get_current_timezone()
        return (
            datetime.combine(data["day"], data["start"], tzinfo=zone),
            datetime.combine(data["day"], data["end"], tzinfo=zone),
        )
