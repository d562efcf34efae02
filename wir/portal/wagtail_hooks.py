"""Back office for offers and places: region-scoped like every admin screen."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from wir.accounts.admin_views import (
    RegionChoiceFormMixin,
    RegionScopedViewSet,
    ScopedEditView,
    language_column,
    yes_no_column,
)
from wir.accounts.permissions import has_perm_somewhere, regions_where
from wir.accounts.policies import RegionScopedPolicy
from wir.accounts.roles import Perm
from wir.core.models import Area
from wir.portal.dashboard import editor_panel
from wir.portal.feedback_admin import (
    FeedbackFilterSet,
    MarkFeedbackRead,
    MarkFeedbackUnread,
    feedback_buttons,
    read_state,
)
from wir.portal.models import Contact, Event, Feedback, News, Offer, PageOrganisation, Place
from wir.portal.reports import StaleOffersReport


class RegionContentForm(RegionChoiceFormMixin, WagtailAdminModelForm):
    """Region, area and place choices limited to the editor's regions."""

    region_perm = Perm.EDIT_CONTENT

    def __init__(self, *args: Any, for_user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, for_user=for_user, **kwargs)
        self.limit_regions(for_user)
        if for_user is None:
            return
        regions = regions_where(for_user, Perm.EDIT_CONTENT)
        for name, queryset in (
            ("area", Area.objects.filter(region__in=regions)),
            ("place", Place.objects.filter(region__in=regions)),
        ):
            field = self.fields.get(name)
            if isinstance(field, forms.ModelChoiceField):
                field.queryset = queryset


def unpublished_changes(instance: Any) -> str:
    if instance.live and instance.has_unpublished_changes:
        return str(_("Änderungen nicht veröffentlicht"))
    if not instance.live:
        return str(_("nicht veröffentlicht"))
    return ""


def unpublished_column() -> Column:
    """Which rows wait for "Veröffentlichen" (the public site shows the published version)."""
    return Column(
        "unpublished_changes", label=_("Offen"), accessor=unpublished_changes, sort_key=None
    )


class ReviewOnPublishEditView(ScopedEditView):
    """Publishing an offer is its review: "zuletzt geprüft" becomes today."""

    def save_instance(self) -> Any:
        if self.action == "publish":
            self.form.instance.last_checked = timezone.localdate()
        return super().save_instance()


class PlaceViewSet(RegionScopedViewSet):
    model = Place
    icon = "site"
    menu_label = _("Orte")
    add_to_admin_menu = True
    menu_order = 210
    list_display = ["name", "town", "area", "last_checked"]
    search_fields = ["name", "town"]
    edit_handler = ObjectList(Place.panels, base_form_class=RegionContentForm)


class OfferViewSet(RegionScopedViewSet):
    model = Offer
    icon = "list-ul"
    menu_label = _("Angebote")
    add_to_admin_menu = True
    menu_order = 200
    list_display = [
        "title",
        "category",
        "area",
        language_column(),
        unpublished_column(),
        "last_checked",
    ]
    list_filter = ["category", "live", "has_unpublished_changes", "locale"]
    search_fields = ["title", "provider"]
    edit_view_class = ReviewOnPublishEditView
    edit_handler = ObjectList(Offer.panels, base_form_class=RegionContentForm)


class EventViewSet(RegionScopedViewSet):
    model = Event
    icon = "date"
    menu_label = _("Veranstaltungen")
    add_to_admin_menu = True
    menu_order = 205
    list_display = [
        "title",
        "start",
        yes_no_column(
            "recurrence", _("wiederkehrend"), accessor=lambda event: bool(event.recurrence)
        ),
        "area",
        language_column(),
        unpublished_column(),
    ]
    list_filter = ["live", "has_unpublished_changes", "locale"]
    search_fields = ["title", "organiser"]
    edit_handler = ObjectList(Event.panels, base_form_class=RegionContentForm)


class ContactViewSet(RegionScopedViewSet):
    model = Contact
    icon = "user"
    menu_label = _("Kontakte")
    add_to_admin_menu = True
    menu_order = 215
    list_display = ["role", "topic", "phone", "email", language_column()]
    list_filter = ["topic", "locale"]
    search_fields = ["role"]
    edit_handler = ObjectList(Contact.panels, base_form_class=RegionContentForm)


class NewsViewSet(RegionScopedViewSet):
    model = News
    icon = "info-circle"
    menu_label = _("Neuigkeiten")
    add_to_admin_menu = True
    menu_order = 217
    list_display = ["title", language_column(), unpublished_column(), "first_published_at"]
    list_filter = ["live", "has_unpublished_changes", "locale"]
    search_fields = ["title"]
    edit_handler = ObjectList(News.panels, base_form_class=RegionContentForm)


class PageOrganisationViewSet(RegionScopedViewSet):
    model = PageOrganisation
    icon = "group"
    menu_label = _("Verantwortliche Organisationen")
    add_to_admin_menu = True
    menu_order = 218
    list_display = ["name", "slug", "website"]
    edit_handler = ObjectList(
        [
            FieldPanel("region"),
            FieldPanel("name"),
            FieldPanel("slug"),
            FieldPanel("website"),
            FieldPanel("logo_url"),
        ],
        base_form_class=RegionContentForm,
    )


class FeedbackPolicy(RegionScopedPolicy):
    """Visitors write feedback; editors read and delete it, nobody edits it."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        return action not in ("add", "change") and super().user_has_permission(user, action)


class FeedbackViewSet(RegionScopedViewSet):
    model = Feedback
    icon = "comment"
    menu_label = _("Rückmeldungen")
    add_to_admin_menu = True
    menu_order = 220
    list_display = [
        "created_at",
        Column("read_state", label=_("Gelesen"), accessor=read_state, sort_key="read_at"),
        yes_no_column("helpful", _("hilfreich")),
        "comment",
        "page",
        "offer",
        "place",
        "event",
        "language_code",
    ]
    filterset_class = FeedbackFilterSet
    inspect_view_enabled = True


hooks.register("register_bulk_action", MarkFeedbackRead)
hooks.register("register_bulk_action", MarkFeedbackUnread)
hooks.register("register_snippet_listing_buttons", feedback_buttons)


register_permission_policy(Offer, RegionScopedPolicy(Offer, Perm.EDIT_CONTENT))
register_permission_policy(Event, RegionScopedPolicy(Event, Perm.EDIT_CONTENT))
register_permission_policy(Contact, RegionScopedPolicy(Contact, Perm.EDIT_CONTENT))
register_permission_policy(News, RegionScopedPolicy(News, Perm.EDIT_CONTENT))
register_permission_policy(Feedback, FeedbackPolicy(Feedback, Perm.EDIT_CONTENT))
register_permission_policy(Place, RegionScopedPolicy(Place, Perm.EDIT_CONTENT))
register_permission_policy(
    PageOrganisation, RegionScopedPolicy(PageOrganisation, Perm.EDIT_CONTENT)
)
register_snippet(OfferViewSet)
register_snippet(PlaceViewSet)
register_snippet(EventViewSet)
register_snippet(ContactViewSet)
register_snippet(NewsViewSet)
register_snippet(FeedbackViewSet)
register_snippet(PageOrganisationViewSet)


@hooks.register("register_admin_urls")
def register_report_urls() -> list[Any]:
    return [
        path("berichte/zu-pruefen/", StaleOffersReport.as_view(), name="portal_stale_offers"),
        path(
            "berichte/zu-pruefen/results/",
            StaleOffersReport.as_view(results_only=True),
            name="portal_stale_offers_results",
        ),
    ]


class StaleOffersMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return has_perm_somewhere(request.user, Perm.EDIT_CONTENT)


@hooks.register("register_reports_menu_item")
def register_stale_offers_menu_item() -> MenuItem:
    return StaleOffersMenuItem(
        _("Zu prüfende Angebote"),
        reverse("portal_stale_offers"),
        name="stale-offers",
        icon_name="warning",
        order=100,
    )


@hooks.register("construct_homepage_panels")
def add_editor_panel(request: HttpRequest, panels: list[Any]) -> None:
    panel = editor_panel(request)
    if panel is not None:
        panels.append(panel)
