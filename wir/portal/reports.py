"""Back-office report: offers that nobody has checked for a long time."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from wir.accounts.permissions import has_perm_somewhere, regions_where
from wir.accounts.roles import Perm
from wir.core.languages import DEFAULT_LANGUAGE
from wir.portal.models import Offer


class StaleOffersReport(ReportView):
    page_title = _("Zu prüfende Angebote")
    header_icon = "warning"
    index_url_name = "portal_stale_offers"
    index_results_url_name = "portal_stale_offers_results"
    list_export = ["title", "area", "last_checked", "provider", "region"]
    export_headings = {"last_checked": _("zuletzt geprüft"), "area": _("Kommune")}
    columns = [
        TitleColumn(
            "title",
            label=_("Titel"),
            url_name="wagtailsnippets_portal_offer:edit",
        ),
        Column("area", label=_("Kommune")),
        Column("provider", label=_("Anbieter")),
        DateColumn("last_checked", label=_("zuletzt geprüft")),
    ]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not has_perm_somewhere(request.user, Perm.EDIT_CONTENT):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[Offer]:
        return (
            Offer.objects.stale(settings.WIR_OFFER_REVIEW_MONTHS)
            .filter(
                region__in=regions_where(self.request.user, Perm.EDIT_CONTENT),
                locale__language_code=DEFAULT_LANGUAGE,
            )
            .select_related("area", "region")
            .order_by("last_checked", "title")
        )
