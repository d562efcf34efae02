"""Coordination's Sprachpool panel of the back-office start page: requests that still
need a mediator and offers to mediators that are unanswered shortly before the
appointment. The period is the request board's default one, so the board shows the same
requests the panel counts."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wir.accounts.dashboard import Attention, AttentionPanel, regions_for_panel
from wir.accounts.roles import Perm
from wir.sprachpool.board import BoardFilters
from wir.sprachpool.models import MediationRequest

SOON_HOURS = 48


def coordination_panel(request: HttpRequest) -> AttentionPanel | None:
    regions = list(
        regions_for_panel(request.user, Perm.MANAGE_MEDIATION).filter(sprachpool_enabled=True)
    )
    if not regions:
        return None
    now = timezone.now()
    period = BoardFilters.default(timezone.localdate())
    until = datetime.combine(
        period.last_day + timedelta(days=1), time.min, ZoneInfo(settings.TIME_ZONE)
    )
    soon = now + timedelta(hours=SOON_HOURS)
    counts = {
        row["region_id"]: (row["open"], row["waiting"])
        for row in MediationRequest.objects.filter(
            region__in=regions, starts_at__gt=now, starts_at__lt=until
        )
        .values("region_id")
        .annotate(
            open=Count("pk", filter=Q(status=MediationRequest.Status.OPEN)),
            waiting=Count(
                "pk", filter=Q(status=MediationRequest.Status.OFFERED, starts_at__lt=soon)
            ),
        )
    }
    lines: list[Attention] = []
    for region in regions:
        open_requests, waiting = counts.get(region.pk, (0, 0))
        board = reverse("sprachpool_board", args=[region.slug])
        lines += [
            Attention(
                _("Anfragen ohne Sprachmittler/in (nächste %(days)d Tage)")
                % {"days": (period.last_day - period.first_day).days + 1},
                open_requests,
                board,
                region.name,
            ),
            Attention(
                _("Angebote ohne Antwort, Termin in den nächsten %(hours)d Stunden")
                % {"hours": SOON_HOURS},
                waiting,
                f"{board}?{urlencode({'status': 'offered'})}",
                region.name,
            ),
        ]
    return AttentionPanel("dashboard-sprachpool", _("Sprachpool: zu erledigen"), lines, order=70)
