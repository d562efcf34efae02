"""The departments' request form: what they ask for, checked against the region's rules."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wir.core.dates import validate_day_in_range
from wir.core.models import Area, Language, Region
from wir.sprachpool.holidays import is_working_day
from wir.sprachpool.models import Gender, MediationRequest, PoolRules

INPUT = {"class": "kern-form-input__input"}
SELECT = {"class": "kern-form-input__select"}
DURATIONS = [(30, "30 Minuten"), (45, "45 Minuten"), (60, "1 Stunde"), (90, "1,5 Stunden"),
             (120, "2 Stunden"), (180, "3 Stunden"), (240, "4 Stunden")]  # fmt: skip
NOT_ASKED = {"de", "de-x-ls"}  # the pool mediates into German, not from it


def working_days_between(first: date, last: date) -> int:
    """Working days after `first` up to and including `last`: Monday to Friday without
    the public holidays of Hesse."""
    days = 0
    current = first
    while current < last:
        current += timedelta(days=1)
        if is_working_day(current):
            days += 1
    return days


def out_of_range(message: Any) -> dict[str, Any]:
    """The same message for a number that is no number, too small or too large."""
    return dict.fromkeys(("invalid", "min_value", "max_value"), message)


def _split(text: str) -> set[str]:
    return {part.strip() for part in text.split(",") if part.strip()}


class RequestForm(forms.Form):
    language = forms.ModelChoiceField(
        Language.objects.exclude(code__in=NOT_ASKED).order_by("name_de"),
        label=_("Sprache"),
        empty_label=_("Bitte wählen"),
        error_messages={
            "required": _("Bitte wählen Sie die Sprache."),
            "invalid_choice": _("Bitte wählen Sie eine Sprache aus der Liste."),
        },
        widget=forms.Select(attrs=SELECT),
    )
    dialect = forms.CharField(
        label=_("Dialekt (falls wichtig)"),
        max_length=80,
        required=False,
        widget=forms.TextInput(attrs=INPUT),
    )
    day = forms.DateField(
        label=_("Datum"),
        error_messages={
            "required": _("Bitte geben Sie das Datum an."),
            "invalid": _("Bitte geben Sie das Datum als TT.MM.JJJJ an."),
        },
        widget=forms.DateInput(attrs={**INPUT, "type": "date"}, format="%Y-%m-%d"),
        validators=[validate_day_in_range],
    )
    start = forms.TimeField(
        label=_("Beginn"),
        error_messages={
            "required": _("Bitte geben Sie die Uhrzeit an."),
            "invalid": _("Bitte geben Sie die Uhrzeit als HH:MM an."),
        },
        widget=forms.TimeInput(attrs={**INPUT, "type": "time"}, format="%H:%M"),
    )
    duration = forms.TypedChoiceField(
        label=_("Voraussichtliche Dauer"),
        choices=DURATIONS,
        coerce=int,
        initial=60,
        error_messages={"invalid_choice": _("Bitte wählen Sie eine Dauer aus der Liste.")},
        widget=forms.Select(attrs=SELECT),
    )
    mode = forms.ChoiceField(
        label=_("Art"),
        choices=MediationRequest.Mode.choices,
        initial=MediationRequest.Mode.ON_SITE,
        error_messages={"invalid_choice": _("Bitte wählen Sie eine Art aus der Liste.")},
        widget=forms.Select(attrs=SELECT),
    )
    area = forms.ModelChoiceField(
        Area.objects.none(),
        label=_("Ort (Kommune)"),
        required=False,
        error_messages={"invalid_choice": _("Bitte wählen Sie einen Ort aus der Liste.")},
        empty_label=_("Bitte wählen"),
        widget=forms.Select(attrs=SELECT),
    )
    address = forms.CharField(
        label=_("Adresse (Dienststelle, Straße, Raum)"),
        max_length=200,
        required=False,
        help_text=_("Für Termine vor Ort; die Sprachmittlung sieht sie nach der Zusage."),
        widget=forms.TextInput(attrs=INPUT),
    )
    setting = forms.ChoiceField(
        label=_("Bereich"),
        choices=[("", _("Bitte wählen")), *MediationRequest.Setting.choices],
        error_messages={
            "required": _("Bitte wählen Sie den Bereich."),
            "invalid_choice": _("Bitte wählen Sie einen Bereich aus der Liste."),
        },
        widget=forms.Select(attrs=SELECT),
    )
    urgent = forms.BooleanField(
        label=_("Dringend (kürzer als der übliche Vorlauf)"),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "kern-form-check__input"}),
    )
    gender_preference = forms.ChoiceField(
        label=_("Wunsch Geschlecht der Sprachmittlung"),
        choices=[("", _("kein Wunsch")), *Gender.choices],
        required=False,
        error_messages={"invalid_choice": _("Bitte wählen Sie aus der Liste.")},
        widget=forms.Select(attrs=SELECT),
    )
    client_reference = forms.CharField(
        label=_("Aktenzeichen (pseudonym, keine Namen)"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs=INPUT),
    )
    notes = forms.CharField(
        label=_("Hinweise für die Sprachmittlung (keine Namen)"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"class": "kern-form-input__textarea", "rows": 3}),
    )

    def __init__(
        self,
        *args: Any,
        region: Region,
        current: MediationRequest | None = None,
        **kwargs: Any,
    ) -> None:
        """`current`: the request being changed (its values are the form's initial data,
        and the lead time applies only when its time moves)."""
        if current is not None:
            kwargs.setdefault("initial", initial_for(current))
        super().__init__(*args, **kwargs)
        self.region = region
        self.current = current
        if current is not None:
            minutes = initial_for(current)["duration"]
            duration = self.fields["duration"]
            assert isinstance(duration, forms.TypedChoiceField)
            if minutes not in dict(DURATIONS):
                duration.choices = sorted([*DURATIONS, (minutes, f"{minutes} Minuten")])
        area = self.fields["area"]
        assert isinstance(area, forms.ModelChoiceField)
        area.queryset = Area.objects.filter(region=region, kind=Area.Kind.MUNICIPALITY).order_by(
            "name"
        )
        self.rules = PoolRules.for_region(region.pk)
        # The lead-time rule up front, not only after a refused request.
        day = self.fields["day"]
        day.help_text = _(
            "Bitte mindestens %(days)d Werktage (Montag bis Freitag ohne Feiertage) im Voraus "
            "anfragen. Kürzer nur, wenn Sie die Anfrage unten als dringend markieren."
        ) % {"days": self.rules.lead_time_days}
        day.widget.attrs["aria-describedby"] = "id_day-hint"

    def clean_client_reference(self) -> str:
        value = str(self.cleaned_data.get("client_reference", "")).strip()
        if "@" in value:
            raise forms.ValidationError(_("Bitte keine E-Mail-Adresse, nur ein Aktenzeichen."))
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day, start, duration = data.get("day"), data.get("start"), data.get("duration")
        if day and start and duration:
            starts_at = datetime.combine(day, start, ZoneInfo(settings.TIME_ZONE))
            data["starts_at"] = starts_at
            data["ends_at"] = starts_at + timedelta(minutes=int(duration))
            now = timezone.now()
            if starts_at <= now:
                self.add_error("day", _("Der Termin liegt in der Vergangenheit."))
            elif self.current is not None and starts_at == self.current.starts_at:
                pass  # an unchanged time keeps the lead time it was asked with
            elif not data.get("urgent"):
                lead = working_days_between(timezone.localdate(), day)
                if lead < self.rules.lead_time_days:
                    self.add_error(
                        "day",
                        _(
                            "Bitte mindestens %(days)d Werktage im Voraus anfragen "
                            "(oder als dringend markieren)."
                        )
                        % {"days": self.rules.lead_time_days},
                    )
        if data.get("mode") == MediationRequest.Mode.ON_SITE and not data.get("area"):
            self.add_error("area", _("Für einen Termin vor Ort bitte den Ort wählen."))
        setting = data.get("setting")
        if setting and setting in _split(self.rules.unserved_settings):
            self.add_error(
                "setting", _("Für diesen Bereich vermittelt der Sprachpool keine Termine.")
            )
        reference = data.get("client_reference")
        cap = self.rules.client_cap
        if reference and cap is not None and day:
            others = MediationRequest.objects.all()
            if self.current is not None:
                others = others.exclude(pk=self.current.pk)
            used = (
                others.filter(
                    region=self.region,
                    client_reference=reference,
                    starts_at__year=day.year,
                )
                .exclude(status=MediationRequest.Status.CANCELLED)
                .count()
            )
            if used >= cap:
                self.add_error(
                    "client_reference",
                    _(
                        "Für dieses Aktenzeichen sind in diesem Jahr schon "
                        "%(cap)d Termine angefragt."
                    )
                    % {"cap": cap},
                )
        return data


def initial_for(request: MediationRequest) -> dict[str, Any]:
    """The request form's values for an existing request (times in the region's clock)."""
    starts = timezone.localtime(request.starts_at)
    minutes = int((request.ends_at - request.starts_at).total_seconds() // 60)
    return {
        "language": request.language_id,
        "dialect": request.dialect,
        "day": starts.date(),
        "start": starts.time().replace(second=0, microsecond=0),
        "duration": minutes,
        "mode": request.mode,
        "area": request.area_id,
        "setting": request.setting,
        "urgent": request.urgent,
        "gender_preference": request.gender_preference,
        "client_reference": request.client_reference,
        "notes": request.notes,
        "address": request.address,
    }


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Grund der Absage"),
        max_length=200,
        error_messages={"required": _("Bitte geben Sie einen Grund an.")},
        widget=forms.TextInput(attrs=INPUT),
    )


RATINGS = [("", _("keine Angabe")), ("5", "5 – sehr gut"), ("4", "4"), ("3", "3"), ("2", "2"),
           ("1", "1 – schlecht")]  # fmt: skip


class FeedbackFields(forms.Form):
    """Optional feedback after the appointment, for both sides."""

    rating = forms.TypedChoiceField(
        label=_("Wie lief der Einsatz? (freiwillig)"),
        choices=RATINGS,
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": _("Bitte eine Bewertung von 1 bis 5 wählen.")},
        widget=forms.Select(attrs=SELECT),
    )
    comment = forms.CharField(
        label=_("Rückmeldung (freiwillig, keine Namen)"),
        max_length=300,
        required=False,
        error_messages={"max_length": _("Bitte höchstens 300 Zeichen.")},
        widget=forms.Textarea(attrs={"class": "kern-form-input__textarea", "rows": 2}),
    )


class MediatorConfirmForm(FeedbackFields):
    """Duration and kilometres, plus the optional feedback."""

    minutes = forms.IntegerField(
        label=_("Tatsächliche Dauer (Minuten)"),
        min_value=1,
        max_value=600,
        error_messages={
            "required": _("Bitte geben Sie die Dauer in Minuten an."),
            **out_of_range(_("Bitte die Dauer als ganze Zahl von 1 bis 600 Minuten angeben.")),
        },
        widget=forms.NumberInput(attrs=INPUT),
    )
    km = forms.DecimalField(
        label=_("Gefahrene km (hin und zurück, 0 bei Telefon/Video)"),
        min_value=0,
        max_value=500,
        decimal_places=1,
        initial=0,
        error_messages={
            "required": _("Bitte geben Sie die gefahrenen Kilometer an (0, wenn keine)."),
            **out_of_range(_("Bitte die Kilometer als Zahl von 0 bis 500 angeben.")),
            "max_decimal_places": _("Bitte höchstens eine Nachkommastelle angeben."),
        },
        widget=forms.NumberInput(attrs={**INPUT, "step": "0.1"}),
    )


class DepartmentConfirmForm(FeedbackFields):
    """A correction of the duration, plus the optional feedback."""

    minutes = forms.IntegerField(
        label=_("Dauer korrigieren (Minuten, leer: wie gemeldet)"),
        min_value=1,
        max_value=600,
        required=False,
        error_messages={
            **out_of_range(_("Bitte die Dauer als ganze Zahl von 1 bis 600 Minuten angeben.")),
        },
        widget=forms.NumberInput(attrs=INPUT),
    )


class AbsenceForm(forms.Form):
    first_day = forms.DateField(
        label=_("Abwesend von"),
        error_messages={
            "required": _("Bitte den ersten Tag angeben."),
            "invalid": _("Bitte das Datum als TT.MM.JJJJ angeben."),
        },
        widget=forms.DateInput(attrs={**INPUT, "type": "date"}, format="%Y-%m-%d"),
        validators=[validate_day_in_range],
    )
    last_day = forms.DateField(
        label=_("bis einschließlich"),
        error_messages={
            "required": _("Bitte den letzten Tag angeben."),
            "invalid": _("Bitte das Datum als TT.MM.JJJJ angeben."),
        },
        widget=forms.DateInput(attrs={**INPUT, "type": "date"}, format="%Y-%m-%d"),
        validators=[validate_day_in_range],
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, last = data.get("first_day"), data.get("last_day")
        if first and last:
            if last < first:
                self.add_error("last_day", _("Der letzte Tag liegt vor dem ersten."))
            elif last < timezone.localdate():
                self.add_error("last_day", _("Die Abwesenheit liegt schon in der Vergangenheit."))
            elif (last - first).days > 366:
                self.add_error("last_day", _("Bitte höchstens ein Jahr am Stück eintragen."))
        return data
