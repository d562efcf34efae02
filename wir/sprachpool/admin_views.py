"""Back-office screens of the Sprachpool: mediators (with languages, availability,
absences and documents) and the region's rules. Only coordination of the region
(`mediation.manage`) sees them; rows of other regions are "not found".
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import CreateView

from wir.accounts.admin_views import (
    RegionChoiceFormMixin,
    RegionScopedViewSet,
    ScopedDeleteView,
    ScopedEditView,
    ScopedIndexView,
)
from wir.accounts.models import User
from wir.accounts.permissions import regions_where
from wir.accounts.policies import RegionScopedPolicy
from wir.accounts.roles import Perm
from wir.core.models import Area
from wir.privacy import audit
from wir.privacy.models import AuditAction
from wir.sprachpool.models import GERMAN_LEVELS_FOR_ACTIVE, Mediator, PoolRules


class MediatorForm(RegionChoiceFormMixin, WagtailAdminModelForm):
    region_perm = Perm.MANAGE_MEDIATION
    username = forms.CharField(
        label=_("Benutzerkonto (Benutzername)"),
        max_length=150,
        required=False,
        help_text=_("Für das Portal und die E-Mails; das Konto muss schon bestehen."),
    )

    def __init__(self, *args: Any, for_user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, for_user=for_user, **kwargs)
        self.limit_regions(for_user)
        if for_user is not None and "home_area" in self.fields:
            home = self.fields["home_area"]
            assert isinstance(home, forms.ModelChoiceField)
            home.queryset = Area.objects.filter(
                region__in=regions_where(for_user, Perm.MANAGE_MEDIATION),
                kind=Area.Kind.MUNICIPALITY,
            ).order_by("name")
            home.error_messages["invalid_choice"] = _("Bitte wählen Sie einen Ort aus der Liste.")
            if "areas" in self.fields:
                served = self.fields["areas"]
                assert isinstance(served, forms.ModelMultipleChoiceField)
                served.queryset = home.queryset
                served.error_messages["invalid_choice"] = _("Bitte wählen Sie Orte aus der Liste.")
        if self.instance.pk and self.instance.user is not None:
            self.initial.setdefault("username", self.instance.user.username)

    def clean_username(self) -> User | None:
        username = self.cleaned_data.get("username", "").strip()
        if not username:
            return None
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise ValidationError(_("Es gibt kein aktives Konto mit diesem Benutzernamen."))
        return user

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        region, home = data.get("region"), data.get("home_area")
        if region is not None and home is not None and home.region_id != region.pk:
            self.add_error("home_area", _("Dieser Ort gehört zu einer anderen Region."))
        served = data.get("areas")
        if region is not None and served and any(a.region_id != region.pk for a in served):
            self.add_error("areas", _("Ein Einsatzgebiet gehört zu einer anderen Region."))
        if data.get("status") == Mediator.Status.ACTIVE:
            if data.get("german_level") not in GERMAN_LEVELS_FOR_ACTIVE:
                self.add_error(
                    "german_level", _("Aktiv nur mit Deutschkenntnissen ab B1 (WIR-Programm).")
                )
            if not data.get("confidentiality_signed_on"):
                self.add_error(
                    "confidentiality_signed_on",
                    _("Vor der Aktivierung bitte die Verschwiegenheitserklärung eintragen."),
                )
        if not (data.get("on_site") or data.get("phone") or data.get("video")):
            self.add_error("on_site", _("Bitte mindestens eine Art von Einsatz wählen."))
        self.instance.user = data.get("username")
        return data


# Coordination's views of mediators are logged (wir.privacy.audit): who saw or changed
# which record, never the values.
class MediatorIndexView(ScopedIndexView):
    def get_context_data(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(*args, **kwargs)
        audit.record_many(self.request.user, AuditAction.VIEWED, context["object_list"])
        return context


class MediatorEditView(ScopedEditView):
    def get(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().get(request, *args, **kwargs)
        audit.record(request.user, AuditAction.VIEWED, self.object)
        return response

    @transaction.atomic
    def save_instance(self) -> Mediator:
        instance = super().save_instance()
        changed = list(self.form.changed_data) + [
            name for name, formset in self.form.formsets.items() if formset.has_changed()
        ]
        audit.record(self.request.user, AuditAction.CHANGED, instance, fields=changed)
        return instance


class MediatorCreateView(CreateView):
    @transaction.atomic
    def save_instance(self) -> Mediator:
        instance = super().save_instance()
        audit.record(self.request.user, AuditAction.CREATED, instance)
        return instance


class MediatorDeleteView(ScopedDeleteView):
    @transaction.atomic
    def delete_action(self) -> None:
        audit.record(self.request.user, AuditAction.DELETED, self.object)
        super().delete_action()


class MediatorViewSet(RegionScopedViewSet):
    model = Mediator
    index_view_class = MediatorIndexView
    add_view_class = MediatorCreateView
    edit_view_class = MediatorEditView
    delete_view_class = MediatorDeleteView
    icon = "group"
    menu_label = _("Sprachmittler*innen")
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["code", "status", "german_level", "home_area", "region"]
    list_filter = ["status"]
    search_fields = ["code"]
    edit_handler = ObjectList(
        [
            FieldPanel("region"),
            FieldRowPanel([FieldPanel("code"), FieldPanel("status")]),
            FieldPanel("username"),
            MultiFieldPanel(
                [
                    FieldPanel("german_level"),
                    InlinePanel("languages", heading=_("Sprachen"), label=_("Sprache")),
                ],
                heading=_("Sprachen"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [FieldPanel("on_site"), FieldPanel("phone"), FieldPanel("video")]
                    ),
                    FieldRowPanel([FieldPanel("home_area"), FieldPanel("max_travel_km")]),
                    FieldPanel("areas", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("gender"),
                ],
                heading=_("Einsätze"),
            ),
            InlinePanel("availability", heading=_("Verfügbarkeit je Woche"), label=_("Zeit")),
            InlinePanel("absences", heading=_("Abwesenheiten"), label=_("Abwesenheit")),
            MultiFieldPanel(
                [
                    FieldPanel("confidentiality_signed_on"),
                    FieldPanel("training_completed_on"),
                    FieldPanel("certificate_valid_until"),
                ],
                heading=_("Dokumente"),
            ),
        ],
        base_form_class=MediatorForm,
    )


class PoolRulesForm(RegionChoiceFormMixin, WagtailAdminModelForm):
    region_perm = Perm.MANAGE_MEDIATION

    def __init__(self, *args: Any, for_user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, for_user=for_user, **kwargs)
        self.limit_regions(for_user)


class PoolRulesViewSet(RegionScopedViewSet):
    model = PoolRules
    icon = "cog"
    menu_label = _("Regeln des Sprachpools")
    add_to_admin_menu = True
    menu_order = 320
    list_display = ["region", "lead_time_days", "allowance_limit"]
    edit_handler = ObjectList(
        [
            FieldPanel("region"),
            FieldPanel("lead_time_days"),
            FieldPanel("address_after_acceptance"),
            FieldPanel("unserved_settings"),
            FieldPanel("client_cap"),
            FieldPanel("retention_months"),
            FieldPanel("certificate_settings"),
            FieldRowPanel([FieldPanel("allowance_limit"), FieldPanel("speed_kmh")]),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("tariff_per"), FieldPanel("rate")]),
                    FieldRowPanel([FieldPanel("minimum"), FieldPanel("travel_per_km")]),
                    FieldRowPanel(
                        [FieldPanel("cancellation_fee"), FieldPanel("late_cancellation_hours")]
                    ),
                ],
                heading=_("Tarif"),
            ),
        ],
        base_form_class=PoolRulesForm,
    )


def register_policies() -> None:
    register_permission_policy(Mediator, RegionScopedPolicy(Mediator, Perm.MANAGE_MEDIATION))
    register_permission_policy(PoolRules, RegionScopedPolicy(PoolRules, Perm.MANAGE_MEDIATION))
