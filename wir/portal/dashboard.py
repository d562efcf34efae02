"""The editors' panel of the back-office start page: what waits in their regions.

Unpublished changes (pages and offers), unread feedback and offers whose validity ends
soon; a fixed number of queries whatever the number of regions (grouped counts).
"""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Count, Q
from django.db.models.functions import Substr
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from wir.accounts.dashboard import Attention, AttentionPanel, regions_for_panel
from wir.accounts.permissions import ROOT_PATH_LENGTH
from wir.accounts.roles import Perm
from wir.core.languages import DEFAULT_LANGUAGE
from wir.portal.models import Feedback, Offer

EXPIRY_DAYS = 30


def editor_panel(request: HttpRequest) -> AttentionPanel | None:
    regions = list(regions_for_panel(request.user, Perm.EDIT_CONTENT).select_related("root_page"))
    if not regions:
        return None
    ids = [region.pk for region in regions]
    roots = {region.root_page.path: region.pk for region in regions if region.root_page}
    pages = dict(
        Page.objects.filter(has_unpublished_changes=True, depth__gt=2)
        .annotate(root=Substr("path", 1, ROOT_PATH_LENGTH))
        .filter(root__in=list(roots))
        .values("root")
        .annotate(n=Count("pk"))
        .values_list("root", "n")
    )
    today = timezone.localdate()
    offers = {
        row["region_id"]: row
        for row in Offer.objects.filter(region_id__in=ids, locale__language_code=DEFAULT_LANGUAGE)
        .values("region_id")
        .annotate(
            unpublished=Count("pk", filter=Q(has_unpublished_changes=True) | Q(live=False)),
            expiring=Count(
                "pk",
                filter=Q(
                    live=True,
                    valid_until__gte=today,
                    valid_until__lte=today + timedelta(days=EXPIRY_DAYS),
                ),
            ),
        )
    }
    feedback = dict(
        Feedback.objects.filter(region_id__in=ids, read_at__isnull=True)
        .values("region_id")
        .annotate(n=Count("pk"))
        .values_list("region_id", "n")
    )
    offer_list = reverse("wagtailsnippets_portal_offer:list")
    unread = reverse("wagtailsnippets_portal_feedback:list") + "?read=unread"
    lines: list[Attention] = []
    for region in regions:
        row: dict[str, int] = offers.get(region.pk, {})
        root = region.root_page
        explorer = (
            reverse("wagtailadmin_explore", args=[root.pk])
            if root
            else reverse("wagtailadmin_explore_root")
        )
        lines += [
            Attention(
                _("Seiten mit unveröffentlichten Änderungen"),
                pages.get(root.path, 0) if root else 0,
                explorer,
                region.name,
            ),
            Attention(
                _("Angebote mit unveröffentlichten Änderungen"),
                row.get("unpublished", 0),
                offer_list,
                region.name,
            ),
            Attention(
                _("Ungelesene Rückmeldungen"),
                feedback.get(region.pk, 0),
                unread,
                region.name,
            ),
            Attention(
                _("Angebote, deren Gültigkeit in %(days)d Tagen endet") % {"days": EXPIRY_DAYS},
                row.get("expiring", 0),
                offer_list,
                region.name,
            ),
        ]
    return AttentionPanel("dashboard-redaktion", _("Redaktion: zu erledigen"), lines, order=50)
