"""Forms of the privacy screens: the audit log's filter, erasure and withdrawal."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wir.privacy.models import AuditAction
from wir.privacy.queries import AuditFilter
from wir.privacy.registry import declarations

DATE = {"type": "date"}


def record_type_choices() -> list[tuple[str, Any]]:
    return [("", _("alle"))] + [(d.label, str(d.model._meta.verbose_name)) for d in declarations()]


class AuditFilterForm(forms.Form):
    person = forms.CharField(label=_("Konto (Benutzername)"), max_length=150, required=False)
    record_type = forms.ChoiceField(
        label=_("Datensatzart"),
        required=False,
        error_messages={"invalid_choice": _("Bitte eine Datensatzart aus der Liste wählen.")},
    )
    record_id = forms.RegexField(
        label=_("Datensatz-Nr."),
        regex=r"^[0-9]{1,20}$",
        required=False,
        error_messages={"invalid": _("Die Datensatz-Nr. besteht nur aus Ziffern.")},
    )
    action = forms.ChoiceField(
        label=_("Aktion"),
        choices=[("", _("alle")), *AuditAction.choices],
        required=False,
        error_messages={"invalid_choice": _("Bitte eine Aktion aus der Liste wählen.")},
    )
    von = forms.DateField(
        label=_("von"),
        required=False,
        widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
        error_messages={"invalid": _("Bitte ein Datum angeben, z. B. 2027-03-01.")},
    )
    bis = forms.DateField(
        label=_("bis"),
        required=False,
        widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
        error_messages={"invalid": _("Bitte ein Datum angeben, z. B. 2027-03-31.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["record_type"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = record_type_choices()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, last = data.get("von"), data.get("bis")
        if first and last and last < first:
            self.add_error("bis", _("Das Ende liegt vor dem Anfang."))
        return data

    def chosen(self) -> AuditFilter:
        data = self.cleaned_data
        return AuditFilter(
            person=data.get("person", "").strip(),
            record_type=data.get("record_type", ""),
            record_id=data.get("record_id", ""),
            action=data.get("action", ""),
            first_day=data.get("von"),
            last_day=data.get("bis"),
        )


class ReasonForm(forms.Form):
    """Export or erasure on a person's request by coordination: the reason is logged."""

    reason = forms.CharField(
        label=_("Grund (z. B. Antrag vom …, Aktenzeichen)"),
        max_length=300,
        error_messages={
            "required": _("Bitte geben Sie den Grund an (z. B. den Antrag der Person)."),
            "max_length": _("Bitte höchstens 300 Zeichen."),
        },
    )

    def clean_reason(self) -> str:
        reason = str(self.cleaned_data.get("reason", "")).strip()
        if not reason:
            raise forms.ValidationError(
                _("Bitte geben Sie den Grund an (z. B. den Antrag der Person).")
            )
        return reason


class EraseForm(ReasonForm):
    confirm = forms.BooleanField(
        label=_("Ich habe geprüft, dass die Person gemeint ist, und lösche ihre Daten."),
        error_messages={"required": _("Bitte bestätigen Sie die Löschung.")},
    )


class ConfirmForm(forms.Form):
    """A person's own erasure or withdrawal: one box to tick, so nothing goes by accident."""

    confirm = forms.BooleanField(
        label=_("Ja, ich bin sicher."),
        error_messages={"required": _("Bitte bestätigen Sie mit dem Häkchen.")},
    )


class DeleteAccountForm(ConfirmForm):
    """Deleting one's own account: the password as well, so that a forgotten open session
    cannot be used to delete it."""

    password = forms.CharField(
        label=_("Ihr Passwort"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Bitte geben Sie Ihr Passwort ein.")},
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.order_fields(["password", "confirm"])

    def clean_password(self) -> str:
        password = str(self.cleaned_data.get("password", ""))
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Das Passwort stimmt nicht."))
        return password
