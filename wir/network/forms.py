"""Forms of the network. Every message is German; bad input never reaches an action."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wir.accounts.models import User
from wir.accounts.roles import Role
from wir.core import linkables
from wir.core.models import Area, Language, Region
from wir.network.models import (
    ChecklistItem,
    ConceptLink,
    ConceptMeasure,
    ConceptStatus,
    ContactRole,
    Meeting,
    NetworkTask,
    OpeningDocument,
    OpeningMeasure,
    OpeningProcess,
    OpeningStage,
    Organisation,
    OrganisationKind,
    Participation,
    Relation,
    Topic,
    WelcomeConcept,
    WorkStatus,
)

INPUT = {"class": "kern-form-input__input"}
TEXTAREA = {"class": "kern-form-input__textarea", "rows": 4}
SELECT = {"class": "kern-form-input__select"}
DATE = {"class": "kern-form-input__input", "type": "date"}
REQUIRED = _("Bitte füllen Sie dieses Feld aus.")
BAD_CHOICE = _("Bitte wählen Sie einen Eintrag aus der Liste.")


def model_field(form: forms.BaseForm, name: str) -> forms.ModelChoiceField[Any]:
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    return field


def choice_field(form: forms.BaseForm, name: str) -> forms.ChoiceField:
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    return field


def style(form: forms.BaseForm) -> None:
    """KERN-UX classes on every widget that has none yet, German messages for the usual errors."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.RadioSelect):
            widget.attrs["class"] = "kern-form-check__radio"
        elif isinstance(widget, forms.CheckboxSelectMultiple | forms.CheckboxInput):
            widget.attrs.setdefault("class", "kern-form-check__checkbox")
        elif isinstance(widget, forms.Select | forms.SelectMultiple):
            widget.attrs.setdefault("class", "kern-form-input__select")
        elif isinstance(widget, forms.Textarea):
            widget.attrs.setdefault("class", "kern-form-input__textarea")
            widget.attrs.setdefault("rows", 4)
        else:
            widget.attrs.setdefault("class", "kern-form-input__input")
        field.error_messages.setdefault("required", REQUIRED)
        field.error_messages["required"] = REQUIRED
        for key in ("invalid_choice", "invalid_pk_value"):
            field.error_messages[key] = BAD_CHOICE
        if isinstance(field, forms.DateField | forms.DateTimeField):
            field.error_messages["invalid"] = _("Bitte geben Sie ein gültiges Datum an.")
        if isinstance(field, forms.URLField):
            field.error_messages["invalid"] = _(
                "Bitte geben Sie eine vollständige Adresse an (https://…)."
            )
        if isinstance(field, forms.EmailField):
            field.error_messages["invalid"] = _("Bitte geben Sie eine gültige E-Mail-Adresse an.")


class OrganisationForm(forms.ModelForm):
    website = forms.URLField(
        label=_("Webseite"), required=False, max_length=200, assume_scheme="https"
    )
    topics = forms.MultipleChoiceField(
        label=_("Themen"),
        choices=Topic.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "kind",
            "description",
            "areas",
            "topics",
            "languages",
            "website",
            "street",
            "postcode",
            "town",
            "latitude",
            "longitude",
        ]
        widgets = {
            "areas": forms.CheckboxSelectMultiple,
            "languages": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.region = region
        model_field(self, "areas").queryset = Area.objects.filter(region=region).order_by(
            "kind", "name"
        )
        model_field(self, "languages").queryset = Language.objects.exclude(
            code__startswith="de-"
        ).order_by("name_de")
        if self.instance.pk:
            self.initial["topics"] = list(self.instance.topics.values_list("topic", flat=True))
        style(self)
        for name in ("latitude", "longitude"):
            if name in self.fields:
                self.fields[name].error_messages["invalid"] = _("Bitte geben Sie eine Zahl an.")

    def clean_name(self) -> str:
        name = " ".join(str(self.cleaned_data["name"]).split())
        clash = Organisation.objects.filter(region=self.instance.region, name__iexact=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("Eine Organisation mit diesem Namen gibt es schon."))
        return name

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (data.get("latitude") is None) != (data.get("longitude") is None):
            raise forms.ValidationError(
                _("Bitte geben Sie Breiten- und Längengrad an, oder keinen von beiden.")
            )
        return data

    def validate_unique(self) -> None:
        # The name is checked in clean_name (case-insensitive, with a German message).
        pass


class PartnerOrganisationForm(OrganisationForm):
    """What a partner keeps current itself: not the type or name (the coordination's)."""

    class Meta(OrganisationForm.Meta):
        fields = [
            "description",
            "areas",
            "topics",
            "languages",
            "website",
            "street",
            "postcode",
            "town",
        ]

    def clean_name(self) -> str:  # not in the form
        return self.instance.name


class ContactRoleForm(forms.ModelForm):
    class Meta:
        model = ContactRole
        fields = ["role", "office_phone", "office_email", "person_name", "consent_on"]
        widgets = {"consent_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("person_name") and not data.get("consent_on"):
            self.add_error(
                "consent_on",
                _("Ein Name darf nur mit Einwilligung gespeichert werden: Datum der Einwilligung?"),
            )
        return data


class MemberForm(forms.Form):
    username = forms.CharField(label=_("Benutzername des Partnerzugangs"), max_length=150)

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.region = region
        style(self)

    def clean_username(self) -> User:
        user = User.objects.filter(
            username=self.cleaned_data["username"].strip(),
            memberships__region=self.region,
            memberships__role=Role.PARTNER,
        ).first()
        if user is None:
            raise forms.ValidationError(
                _("Einen Partnerzugang mit diesem Namen gibt es in dieser Region nicht.")
            )
        return user


class RelationForm(forms.ModelForm):
    """Member of a network (named freely) or carrier of one of the region's offers (chosen
    from the directory's offers: wir/core/linkables.py)."""

    class Meta:
        model = Relation
        fields = ["kind", "network", "offer_id"]

    def __init__(self, *args: Any, region_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "kind").choices = [
            (Relation.Kind.NETWORK_MEMBER, Relation.Kind.NETWORK_MEMBER.label),
            (Relation.Kind.OFFER_CARRIER, Relation.Kind.OFFER_CARRIER.label),
        ]
        self.fields["offer_id"] = forms.TypedChoiceField(
            label=_("Angebot"),
            required=False,
            coerce=int,
            empty_value=None,
            choices=[("", "—"), *linkables.choices(linkables.OFFER, region_id)],
        )
        style(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("kind")
        if kind == Relation.Kind.NETWORK_MEMBER and not data.get("network"):
            self.add_error("network", _("Bitte nennen Sie das Netzwerk."))
        missing = not data.get("offer_id") and "offer_id" not in self.errors
        if kind == Relation.Kind.OFFER_CARRIER and missing:
            self.add_error("offer_id", _("Bitte wählen Sie das Angebot aus."))
        return data


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Suche"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Art"), required=False, choices=[("", _("alle")), *OrganisationKind.choices]
    )
    area = forms.ModelChoiceField(
        label=_("Gebiet"), required=False, queryset=Area.objects.none(), empty_label=_("alle")
    )
    topic = forms.ChoiceField(
        label=_("Thema"), required=False, choices=[("", _("alle")), *Topic.choices]
    )
    language = forms.ModelChoiceField(
        label=_("Sprache"), required=False, queryset=Language.objects.none(), empty_label=_("alle")
    )

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_field(self, "area").queryset = Area.objects.filter(region=region).order_by("name")
        model_field(self, "language").queryset = (
            Language.objects.filter(organisations__region=region).distinct().order_by("name_de")
        )
        style(self)


# --- intercultural opening ------------------------------------------------------------

SCORE_CHOICES = [
    ("0", _("0 — noch nicht begonnen")),
    ("1", _("1 — erste Schritte")),
    ("2", _("2 — weitgehend umgesetzt")),
    ("3", _("3 — vollständig umgesetzt")),
]
DOCUMENT_TYPES = (".pdf", ".odt", ".docx", ".ods", ".xlsx", ".png", ".jpg", ".jpeg", ".txt")
DOCUMENT_MAX_BYTES = 10 * 1024 * 1024


class AssessmentForm(forms.Form):
    """A self-assessment: one 0–3 score per checklist item of the organisation's type."""

    assessed_on = forms.DateField(
        label=_("Datum der Selbstbewertung"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    note = forms.CharField(
        label=_("Anmerkung"), required=False, max_length=2000, widget=forms.Textarea
    )

    def __init__(self, *args: Any, items: list[ChecklistItem], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[f"item_{item.pk}"] = forms.TypedChoiceField(
                label=item.label,
                help_text=item.guidance,
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Bitte bewerten Sie dieses Kriterium (0 bis 3).")},
            )
        style(self)
        for item in items:
            field = self.fields[f"item_{item.pk}"]
            field.error_messages["required"] = _("Bitte bewerten Sie dieses Kriterium (0 bis 3).")

    def clean_assessed_on(self) -> date:
        day: date = self.cleaned_data["assessed_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Eine Selbstbewertung kann nicht in der Zukunft liegen."))
        if day.year < 2000:
            raise forms.ValidationError(_("Bitte geben Sie ein gültiges Datum an."))
        return day

    def scores(self) -> dict[ChecklistItem, int]:
        return {item: self.cleaned_data[f"item_{item.pk}"] for item in self.items}

    def item_fields(self) -> list[forms.BoundField]:
        return [self[f"item_{item.pk}"] for item in self.items]


class StageForm(forms.Form):
    stage = forms.ChoiceField(label=_("Phase"), choices=OpeningStage.choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)


class MeasureForm(forms.ModelForm):
    class Meta:
        model = OpeningMeasure
        fields = ["title", "item", "owner_role", "owner_organisation", "due_on"]
        widgets = {"due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args: Any, process: OpeningProcess, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_field(self, "item").queryset = ChecklistItem.objects.filter(
            region_id=process.region_id,
            organisation_kind=process.organisation.kind,
            is_active=True,
        )
        model_field(self, "owner_organisation").queryset = Organisation.objects.filter(
            region_id=process.region_id
        ).order_by("name")
        style(self)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Stand"), choices=WorkStatus.choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)


class DocumentForm(forms.ModelForm):
    class Meta:
        model = OpeningDocument
        fields = ["title", "file"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)
        self.fields["file"].error_messages["required"] = _("Bitte wählen Sie eine Datei aus.")
        self.fields["file"].error_messages["empty"] = _("Die Datei ist leer.")

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        name = str(getattr(upload, "name", "")).lower()
        if not name.endswith(DOCUMENT_TYPES):
            raise forms.ValidationError(
                _("Bitte laden Sie ein Dokument hoch (PDF, Word, OpenDocument, Excel, Bild, Text).")
            )
        if getattr(upload, "size", 0) > DOCUMENT_MAX_BYTES:
            raise forms.ValidationError(_("Die Datei ist größer als 10 MB."))
        return upload


class ChecklistItemForm(forms.ModelForm):
    class Meta:
        model = ChecklistItem
        fields = ["organisation_kind", "label", "guidance", "position"]

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.region = region
        style(self)
        self.fields["position"].error_messages["invalid"] = _("Bitte geben Sie eine Zahl an.")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        label = data.get("label")
        if label and not self.instance.key:
            key = slugify(label)[:50] or "kriterium"
            taken = ChecklistItem.objects.filter(
                region=self.instance.region,
                organisation_kind=data.get("organisation_kind", ""),
                key__startswith=key,
            ).count()
            self.instance.key = f"{key}-{taken + 1}" if taken else key
        return data


# --- welcome-culture concepts -----------------------------------------------------------


class AreaField(forms.ModelChoiceField[Area]):
    """An Ortsteil or Wohngebiet, shown with its municipality."""

    def label_from_instance(self, obj: Area) -> str:
        return f"{obj.parent.name} — {obj.name}" if obj.parent else obj.name


class NewConceptForm(forms.ModelForm):
    area = AreaField(label=_("Gebiet"), queryset=Area.objects.none())

    class Meta:
        model = WelcomeConcept
        fields = ["area", "title", "status"]

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.region = region
        model_field(self, "area").queryset = (
            Area.objects.filter(
                region=region, kind__in=[Area.Kind.DISTRICT, Area.Kind.NEIGHBOURHOOD]
            )
            .select_related("parent")
            .order_by("parent__name", "name")
        )
        self.fields["area"].help_text = _("Ein Ortsteil oder Wohngebiet.")
        style(self)


class ConceptForm(forms.Form):
    """The concept's text. `version` is the version the edit began with (optimistic lock)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    title = forms.CharField(label=_("Titel"), max_length=200)
    status = forms.ChoiceField(label=_("Stand"), choices=ConceptStatus.choices)
    needs_analysis = forms.CharField(
        label=_("Bedarfsanalyse"), required=False, max_length=20000, widget=forms.Textarea
    )
    goals = forms.CharField(
        label=_("Ziele"), required=False, max_length=20000, widget=forms.Textarea
    )
    public_summary = forms.CharField(
        label=_("Öffentliche Zusammenfassung"),
        required=False,
        max_length=5000,
        widget=forms.Textarea,
        help_text=_("Erscheint auf der öffentlichen Seite, wenn die Region sie veröffentlicht."),
    )
    is_public = forms.BooleanField(label=_("Zusammenfassung öffentlich zeigen"), required=False)
    summary = forms.CharField(
        label=_("Was haben Sie geändert? (kurz, für die Versionen)"), required=False, max_length=200
    )

    def __init__(self, *args: Any, partner: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if partner:  # partners write the text; title, status and publishing stay with staff
            for name in ("title", "status", "public_summary", "is_public"):
                del self.fields[name]
        style(self)
        self.fields["version"].error_messages["invalid"] = _(
            "Das Formular ist unvollständig. Bitte laden Sie die Seite neu."
        )
        self.fields["version"].error_messages["required"] = self.fields["version"].error_messages[
            "invalid"
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("is_public") and not (data.get("public_summary") or "").strip():
            self.add_error(
                "public_summary",
                _("Zum Veröffentlichen braucht das Konzept eine öffentliche Zusammenfassung."),
            )
        return data

    def changes(self) -> dict[str, Any]:
        return {
            name: self.cleaned_data[name]
            for name in (
                "title",
                "status",
                "needs_analysis",
                "goals",
                "public_summary",
                "is_public",
            )
            if name in self.fields
        }


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Kommentar"), max_length=4000, widget=forms.Textarea)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)
        self.fields["text"].error_messages["required"] = _("Bitte schreiben Sie einen Kommentar.")


class ConceptMeasureForm(forms.ModelForm):
    class Meta:
        model = ConceptMeasure
        fields = ["title", "responsible", "due_on", "status"]
        widgets = {"due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args: Any, region_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_field(self, "responsible").queryset = Organisation.objects.filter(
            region_id=region_id
        ).order_by("name")
        style(self)


class ConceptLinkForm(forms.ModelForm):
    """A link to one of the region's offers or volunteer networks, chosen from a list
    (wir/core/linkables.py); the label defaults to the target's name."""

    KINDS = (linkables.OFFER, linkables.VOLUNTEER_NETWORK)

    target = forms.ChoiceField(label=_("Verknüpfen mit"))

    class Meta:
        model = ConceptLink
        fields = ["label"]

    def __init__(self, *args: Any, region_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The region's targets, read once: the select's options and, by their value
        # ("offer:12"), the name a link without a label gets.
        self.names: dict[str, str] = {}
        groups: list[Any] = [("", "—")]
        for kind in self.KINDS:
            options = [(f"{kind}:{pk}", name) for pk, name in linkables.choices(kind, region_id)]
            if options:
                groups.append((linkables.title(kind), options))
                self.names.update(options)
        choice_field(self, "target").choices = groups
        self.fields["label"].required = False
        self.fields["label"].help_text = _("Leer lassen: der Name des gewählten Eintrags.")
        self.order_fields(["target", "label"])
        style(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        target = data.get("target")
        if not target:  # the field answered already: empty or not one of the options
            return data
        kind, _sep, number = target.partition(":")
        self.instance.kind = kind
        self.instance.target_id = int(number)
        if not data.get("label"):
            data["label"] = self.names[target][:200]
        return data


class PartnerForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )

    def __init__(self, *args: Any, region_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_field(self, "organisation").queryset = Organisation.objects.filter(
            region_id=region_id
        ).order_by("name")
        style(self)


# --- network meetings -----------------------------------------------------------------


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["kind", "title", "starts_at", "location", "agenda"]
        widgets = {
            "starts_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            )
        }

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.region = region
        style(self)
        self.fields["starts_at"].error_messages["invalid"] = _(
            "Bitte geben Sie Datum und Uhrzeit an."
        )


class InviteForm(forms.Form):
    organisations = forms.ModelMultipleChoiceField(
        label=_("Organisationen einladen"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_field(self, "organisations").queryset = (
            Organisation.objects.filter(region_id=meeting.region_id)
            .exclude(participations__meeting=meeting)
            .order_by("name")
        )
        style(self)
        self.fields["organisations"].error_messages["required"] = _(
            "Bitte wählen Sie mindestens eine Organisation."
        )


class RespondForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Rückmeldung"),
        choices=[
            (Participation.Answer.REGISTERED, _("Wir nehmen teil")),
            (Participation.Answer.DECLINED, _("Wir sagen ab")),
        ],
        widget=forms.RadioSelect,
    )
    role = forms.CharField(
        label=_("Wer kommt? (Funktion, kein Name nötig)"), required=False, max_length=160
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)
        self.fields["answer"].error_messages["required"] = _(
            "Bitte wählen Sie: teilnehmen oder absagen."
        )


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=_("Protokoll"), required=False, max_length=50000, widget=forms.Textarea
    )
    attended = forms.ModelMultipleChoiceField(
        label=_("Teilgenommen haben"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_field(self, "attended").queryset = Organisation.objects.filter(
            participations__meeting=meeting
        ).order_by("name")
        style(self)
        self.fields["minutes"].widget.attrs["rows"] = 10


class TaskForm(forms.ModelForm):
    class Meta:
        model = NetworkTask
        fields = ["title", "owner", "due_on"]
        widgets = {"due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.region_id = meeting.region_id
        self.instance.meeting = meeting
        model_field(self, "owner").queryset = Organisation.objects.filter(
            region_id=meeting.region_id
        ).order_by("name")
        style(self)
