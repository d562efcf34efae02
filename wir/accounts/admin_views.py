"""Back-office screens for regions, their geography and the roles in them.

Every screen goes through `RegionScopedPolicy`, so coordination of one region never sees
another region's rows; roles are granted and revoked through `wir.accounts.actions`.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, LocaleColumn
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
    SnippetCreateView,
)
from wagtail.snippets.views.snippets import (
    CreateView,
    DeleteView,
    EditView,
    HistoryView,
    IndexView,
    InspectView,
    SnippetViewSet,
    UsageView,
)

from wir.accounts.actions import grant_role, revoke_role
from wir.accounts.models import Membership, User
from wir.accounts.permissions import regions_where
from wir.accounts.policies import (
    RegionScopedChooserMixin,
    RegionScopedPolicy,
    RegionScopedViewMixin,
)
from wir.accounts.roles import Perm
from wir.core.models import Area, Region


def language_column() -> LocaleColumn:
    """The content language of a translatable row, named in German (not "Locale")."""
    return LocaleColumn(label=_("Sprache"))


class YesNoColumn(BooleanColumn):
    """A tick or a cross, read out as "ja"/"nein" (Wagtail's says "True"/"False")."""

    cell_template_name = "accounts/yes_no_cell.html"


def yes_no_column(name: str, label: Any, **kwargs: Any) -> BooleanColumn:
    """A yes/no field as a tick or a cross with its meaning in the header (not "True")."""
    return YesNoColumn(name, label=label, **kwargs)


class RegionChoiceFormMixin:
    """Limit the region field to the regions in which the user holds `region_perm`."""

    region_perm: Perm = Perm.MANAGE_REGION
    fields: dict[str, forms.Field]

    def limit_regions(self, for_user: Any) -> None:
        if for_user is not None and "region" in self.fields:
            field = self.fields["region"]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = regions_where(for_user, self.region_perm)


class AreaForm(RegionChoiceFormMixin, WagtailAdminModelForm):
    def __init__(self, *args: Any, for_user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, for_user=for_user, **kwargs)
        self.limit_regions(for_user)
        if "parent" in self.fields and for_user is not None:
            parent = self.fields["parent"]
            assert isinstance(parent, forms.ModelChoiceField)
            parent.queryset = Area.objects.filter(
                region__in=regions_where(for_user, Perm.MANAGE_REGION)
            ).exclude(kind=Area.Kind.NEIGHBOURHOOD)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        parent, region = data.get("parent"), data.get("region")
        if parent is not None and region is not None and parent.region_id != region.pk:
            self.add_error("parent", _("Das übergeordnete Gebiet gehört zu einer anderen Region."))
        return data


class MembershipForm(RegionChoiceFormMixin, WagtailAdminModelForm):
    region_perm = Perm.MANAGE_ROLES
    username = forms.CharField(
        label=_("Benutzername"),
        max_length=150,
        help_text=_("Das Konto muss schon bestehen."),
    )

    class Meta:
        model = Membership
        fields = ["region", "role", "languages"]

    def __init__(self, *args: Any, for_user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, for_user=for_user, **kwargs)
        self.limit_regions(for_user)

    def clean_username(self) -> User:
        username = self.cleaned_data["username"].strip()
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise ValidationError(_("Es gibt kein aktives Konto mit diesem Benutzernamen."))
        return user

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        user, region, role = data.get("username"), data.get("region"), data.get("role")
        exists = Membership.objects.filter(user=user, region=region, role=role).exists
        if user and region and role and exists():
            raise ValidationError(_("Dieses Konto hat diese Rolle in der Region schon."))
        languages = data.get("languages")
        if languages and region is not None:
            enabled = set(region.languages.values_list("pk", flat=True))
            if any(language.pk not in enabled for language in languages):
                self.add_error("languages", _("Diese Sprache ist in der Region nicht aktiv."))
        return data

    def validate_unique(self) -> None:
        # The user is not a model field of this form; clean() checks the unique triple.
        pass


def still_referenced(instance: Any, refused: ProtectedError | RestrictedError) -> str:
    """The German refusal to delete `instance`, naming the kinds of records that hold it."""
    held_by = refused.protected_objects if isinstance(refused, ProtectedError) else None
    if held_by is None:
        held_by = refused.restricted_objects  # type: ignore[union-attr]
    kinds = sorted({str(capfirst(type(o)._meta.verbose_name_plural)) for o in held_by})
    return _(
        "„%(name)s“ kann nicht gelöscht werden, weil noch Einträge darauf verweisen: "
        "%(kinds)s. Bitte ändern oder löschen Sie zuerst diese Einträge."
    ) % {"name": instance, "kinds": ", ".join(kinds)}


def related_columns(model: type[Any], list_display: Any) -> list[str]:
    """The list's columns that show a foreign key: loaded with the rows (no query a row)."""
    names = []
    for column in list_display:
        name = column if isinstance(column, str) else getattr(column, "name", "")
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        # "locale_id" (Wagtail's LocaleColumn) shows a cached name, not the row
        if field.many_to_one and field.concrete and field.name == name:
            names.append(name)
    return names


# What a list's search box uses of a query: nobody searches a list for more, and SQLite
# refuses LIKE patterns above 50,000 bytes ("pattern too complex": a 500 before).
SEARCH_QUERY_MAX = 200


class ScopedIndexView(RegionScopedViewMixin, IndexView):
    @cached_property
    def search_query(self) -> str:
        return str(super().search_query or "")[:SEARCH_QUERY_MAX]

    def get_base_queryset(self) -> Any:
        queryset = super().get_base_queryset()
        related = related_columns(self.model, self.list_display)
        return queryset.select_related(*related) if related else queryset


class ScopedEditView(RegionScopedViewMixin, EditView):
    """Publishing asks the policy for this object (its region), not for the model."""

    action: str

    def post(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        if not hasattr(self, "object"):
            self.object = self.get_object()
        if self.action == "publish" and not self.permission_policy.user_has_permission_for_instance(
            request.user, "publish", self.object
        ):
            self.action = "edit"  # like Wagtail for an action the user lacks: a draft
        return super().post(request, *args, **kwargs)


class ScopedDeleteView(RegionScopedViewMixin, DeleteView):
    """A row that other records still point to (protected foreign keys: a mediator with
    assignments, an area with networks or opportunities) is not deleted: the coordination
    reads which records hold it, nothing is changed (a 500 before)."""

    def form_valid(self, form: Any) -> Any:
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except (ProtectedError, RestrictedError) as refused:
            messages.error(self.request, still_referenced(self.object, refused))
            return redirect(self.get_delete_url())


class ScopedHistoryView(RegionScopedViewMixin, HistoryView):
    pass


class ScopedUsageView(RegionScopedViewMixin, UsageView):
    pass


class ScopedInspectView(RegionScopedViewMixin, InspectView):
    pass


class ScopedChooseView(RegionScopedChooserMixin, ChooseView):
    pass


class ScopedChooseResultsView(RegionScopedChooserMixin, ChooseResultsView):
    pass


class ScopedChosenView(RegionScopedChooserMixin, SnippetChosenView):
    pass


class ScopedChosenMultipleView(RegionScopedChooserMixin, SnippetChosenMultipleView):
    pass


class NoCreateInChooserView(SnippetCreateView):
    """Region data is created in the model's own "add" view, whose form limits the regions;
    the chooser's "create" tab is not offered (and answers 404 to a hand-made request)."""

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        raise Http404


class RegionScopedChooserViewSet(SnippetChooserViewSet):
    create_view_class = NoCreateInChooserView
    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView
    chosen_view_class = ScopedChosenView
    chosen_multiple_view_class = ScopedChosenMultipleView


class RegionScopedViewSet(SnippetViewSet):
    # Object views (edit, delete, lock, unpublish, revert, compare, ...) are decided by the
    # admin gate (wir/accounts/admin_gate.py) with the object's region; lists and choosers
    # are filtered here.
    chooser_viewset_class = RegionScopedChooserViewSet
    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    inspect_view_class = ScopedInspectView
    # A region's lists are searched in the database over the viewset's `search_fields`
    # (part of a word finds: "Berat" finds "Beratung"), not through Wagtail's search
    # backend: its autocomplete cannot search fields like "provider" (every search in the
    # offers, events and contacts lists was a 500; found by the hostile-input corpus).
    search_backend_name = None


class RegionViewSet(RegionScopedViewSet):
    model = Region
    icon = "site"
    menu_label = _("Regionen")
    add_to_admin_menu = True
    menu_order = 800
    list_display = [
        Column("full_name", label=_("Name")),
        "slug",
        yes_no_column("is_active", _("öffentlich sichtbar")),
    ]
    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("prefix")], heading=_("Name")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldRowPanel([FieldPanel("bbox_south"), FieldPanel("bbox_north")]),
                FieldRowPanel([FieldPanel("bbox_west"), FieldPanel("bbox_east")]),
            ],
            heading=_("Lage"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("events_enabled"),
                FieldPanel("locations_enabled"),
                FieldPanel("sprachpool_enabled"),
                FieldPanel("volunteers_enabled"),
                FieldPanel("is_active"),
            ],
            heading=_("Funktionen"),
        ),
    ]


class AreaViewSet(RegionScopedViewSet):
    model = Area
    icon = "globe"
    menu_label = _("Gebiete")
    add_to_admin_menu = True
    menu_order = 810
    list_display = ["name", "kind", Column("parent", label=_("gehört zu")), "region"]
    list_filter = ["kind"]
    search_fields = ["name"]
    edit_handler = ObjectList(
        [
            FieldPanel("region"),
            FieldPanel("kind"),
            FieldPanel("parent"),
            FieldPanel("name"),
            FieldPanel("slug"),
            FieldPanel("official_key"),
            FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        ],
        base_form_class=AreaForm,
    )


class MembershipCreateView(CreateView):
    def save_instance(self) -> Membership:
        data = self.form.cleaned_data
        codes = [language.code for language in data.get("languages") or []]
        return grant_role(
            self.request.user, data["username"], data["region"], data["role"], languages=codes
        )


class MembershipIndexView(ScopedIndexView):
    """The roles list loads person, region and languages with the rows (no query per row)."""

    def get_base_queryset(self) -> Any:
        return (
            super()
            .get_base_queryset()
            .select_related("user", "region")
            .prefetch_related("languages")
        )


class MembershipDeleteView(ScopedDeleteView):
    def post(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        """A refused revocation (the region's last coordinator) is a message, not an error."""
        try:
            return super().post(request, *args, **kwargs)
        except ValidationError as refused:
            for message in refused.messages:
                messages.error(request, message)
            return redirect(self.index_url_name)

    def delete_action(self) -> None:
        membership = self.object
        revoke_role(self.request.user, membership.user, membership.region, membership.role)


class MembershipPolicy(RegionScopedPolicy):
    """Roles are granted or revoked, never edited in place."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        return action != "change" and super().user_has_permission(user, action)


class MembershipViewSet(RegionScopedViewSet):
    model = Membership
    icon = "group"
    menu_label = _("Rollen")
    add_to_admin_menu = True
    menu_order = 820
    add_view_class = MembershipCreateView
    index_view_class = MembershipIndexView
    delete_view_class = MembershipDeleteView
    list_display = [
        Column("user", label=_("Benutzerkonto")),
        "role",
        "region",
        Column("language_codes", label=_("Sprachen der Übersetzung")),
        "granted_at",
    ]
    list_filter = ["role"]
    edit_handler = ObjectList(
        [
            FieldPanel("region"),
            FieldPanel("username"),
            FieldPanel("role"),
            FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
        ],
        base_form_class=MembershipForm,
    )


def register_policies() -> None:
    # Creating or deleting a whole region is the platform operator's job (it builds a tree).
    register_permission_policy(
        Region, RegionScopedPolicy(Region, Perm.MANAGE_REGION, operator_actions=("add", "delete"))
    )
    register_permission_policy(Area, RegionScopedPolicy(Area, Perm.MANAGE_REGION))
    register_permission_policy(Membership, MembershipPolicy(Membership, Perm.MANAGE_ROLES))
