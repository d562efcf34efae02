"""Forms of the mentorship pages: they parse and check input, the actions write."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wir.core.models import Area, Language, Region
from wir.volunteers.mentorship_actions import HouseholdData
from wir.volunteers.mentorship_planning import slot_label
from wir.volunteers.models import HALF_DAY_CODES
from wir.volunteers.models_mentorship import Mentorship, Need

INPUT = {"class": "kern-form-input__input"}
SELECT = {"class": "kern-form-input__select"}
TEXTAREA = {"class": "kern-form-input__input", "rows": "4"}
CHECK = {"class": "kern-form-check__input"}


def _date_field(label: Any, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=forms.DateInput(attrs={**INPUT, "type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "invalid": _("Bitte ein Datum angeben, z. B. 2027-03-01."),
            "required": _("Bitte ein Datum angeben."),
        },
    )


class HouseholdForm(forms.Form):
    municipality = forms.ModelChoiceField(
        Area.objects.none(),
        label=_("Wohnort (Kommune)"),
        widget=forms.Select(attrs=SELECT),
        error_messages={
            "required": _("Bitte wählen Sie eine Kommune."),
            "invalid_choice": _("Bitte wählen Sie eine Kommune aus der Liste."),
        },
    )
    languages = forms.ModelMultipleChoiceField(
        Language.objects.order_by("name_de"),
        label=_("Sprachen des Haushalts"),
        to_field_name="code",
        widget=forms.CheckboxSelectMultiple(attrs=CHECK),
        error_messages={
            "required": _("Bitte wählen Sie mindestens eine Sprache."),
            "invalid_choice": _("Bitte wählen Sie Sprachen aus der Liste."),
            "invalid_pk_value": _("Bitte wählen Sie Sprachen aus der Liste."),
        },
    )
    needs = forms.MultipleChoiceField(
        choices=Need.choices,
        label=_("Unterstützung gewünscht bei"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs=CHECK),
        error_messages={"invalid_choice": _("Bitte wählen Sie aus der Liste.")},
    )
    size = forms.IntegerField(
        label=_("Personen im Haushalt"),
        min_value=1,
        max_value=30,
        initial=1,
        widget=forms.NumberInput(attrs=INPUT),
        error_messages=dict.fromkeys(
            ("invalid", "min_value", "max_value", "required"),
            _("Bitte eine Zahl von 1 bis 30 angeben."),
        ),
    )
    has_minors = forms.BooleanField(
        label=_("Kinder oder Jugendliche im Haushalt"),
        required=False,
        widget=forms.CheckboxInput(attrs=CHECK),
    )
    availability = forms.MultipleChoiceField(
        choices=[(code, slot_label(code)) for code in HALF_DAY_CODES],
        label=_("Gut erreichbar"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs=CHECK),
        error_messages={"invalid_choice": _("Bitte wählen Sie aus der Liste.")},
    )
    wishes = forms.CharField(
        label=_("Wünsche (ohne Namen)"),
        required=False,
        max_length=2000,
        help_text=_("Bitte keine Namen, Adressen oder Gesundheitsangaben eintragen."),
        widget=forms.Textarea(attrs=TEXTAREA),
        error_messages={"max_length": _("Höchstens 2000 Zeichen.")},
    )
    without_shared_language = forms.BooleanField(
        label=_("Auch ohne gemeinsame Sprache vermitteln"),
        required=False,
        widget=forms.CheckboxInput(attrs=CHECK),
    )
    contact_name = forms.CharField(
        label=_("Ansprache (nur mit Einwilligung)"),
        required=False,
        max_length=80,
        widget=forms.TextInput(attrs=INPUT),
        error_messages={"max_length": _("Höchstens 80 Zeichen.")},
    )
    name_consent = forms.BooleanField(
        label=_("Der Haushalt hat schriftlich eingewilligt, dass ein Name gespeichert wird."),
        required=False,
        widget=forms.CheckboxInput(attrs=CHECK),
    )

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        municipality = self.fields["municipality"]
        assert isinstance(municipality, forms.ModelChoiceField)
        municipality.queryset = Area.objects.filter(
            region=region, kind=Area.Kind.MUNICIPALITY
        ).order_by("name")

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if (data.get("contact_name") or "").strip() and not data.get("name_consent"):
            self.add_error(
                "contact_name",
                _("Einen Namen nur mit Einwilligung des Haushalts eintragen – sonst leer lassen."),
            )
        return data

    def household_data(self) -> HouseholdData:
        data = self.cleaned_data
        return HouseholdData(
            municipality_id=data["municipality"].pk,
            language_codes=[lang.code for lang in data["languages"]],
            needs=data["needs"],
            size=data["size"],
            has_minors=data["has_minors"],
            availability=data["availability"],
            wishes=data["wishes"],
            without_shared_language=data["without_shared_language"],
            contact_name=data["contact_name"],
            name_consent=data["name_consent"],
        )


class StartForm(forms.Form):
    volunteer = forms.TypedChoiceField(
        coerce=int,
        label=_("Patin oder Pate"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Bitte wählen Sie eine Person aus den Vorschlägen."),
            "invalid_choice": _("Bitte wählen Sie eine Person aus den Vorschlägen."),
        },
    )
    started_on = _date_field(_("Beginn"))
    goals = forms.CharField(
        label=_("Vereinbarte Ziele"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs=TEXTAREA),
        error_messages={"max_length": _("Höchstens 2000 Zeichen.")},
    )

    def __init__(self, *args: Any, choices: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        volunteer = self.fields["volunteer"]
        assert isinstance(volunteer, forms.TypedChoiceField)
        volunteer.choices = choices
        self.fields["started_on"].initial = timezone.localdate()


def _not_future(value: date | None) -> None:
    if value is not None and value > timezone.localdate():
        raise forms.ValidationError(_("Das Datum darf nicht in der Zukunft liegen."))


class CheckInForm(forms.Form):
    checkin = forms.IntegerField(widget=forms.HiddenInput)
    done_on = _date_field(_("Gespräch geführt am"))
    notes = forms.CharField(
        label=_("Notizen (ohne Namen)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={**TEXTAREA, "rows": "3"}),
        error_messages={"max_length": _("Höchstens 2000 Zeichen.")},
    )

    def clean_done_on(self) -> date:
        value: date = self.cleaned_data["done_on"]
        _not_future(value)
        return value


class ScheduleForm(forms.Form):
    due_on = _date_field(_("Weiteres Gespräch am"))


class EndForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Grund"),
        choices=[("", _("– bitte wählen –"))]
        + [
            (value, label)
            for value, label in Mentorship.EndReason.choices
            if value
            not in (
                Mentorship.EndReason.NEW_MATCH_VOLUNTEER,
                Mentorship.EndReason.NEW_MATCH_HOUSEHOLD,
            )
        ],
        widget=forms.Select(attrs=SELECT),
        error_messages={
            "required": _("Bitte wählen Sie einen Grund."),
            "invalid_choice": _("Bitte wählen Sie einen Grund aus der Liste."),
        },
    )
    ended_on = _date_field(_("Ende am"))
    note = forms.CharField(
        label=_("Notiz (ohne Namen)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={**TEXTAREA, "rows": "3"}),
        error_messages={"max_length": _("Höchstens 2000 Zeichen.")},
    )

    def clean_ended_on(self) -> date:
        value: date = self.cleaned_data["ended_on"]
        _not_future(value)
        return value


class NewMatchForm(forms.Form):
    note = forms.CharField(
        label=_("Warum? (freiwillig, ohne Namen)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={**TEXTAREA, "rows": "3"}),
        error_messages={"max_length": _("Höchstens 2000 Zeichen.")},
    )
