"""Privacy screens for coordination of a region (in the back office): the audit log.

Every screen needs `personal_data.view` in the region (`access_region`: another region, or
one without that right, is "not found").
"""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from wir.accounts.permissions import access_region, regions_where
from wir.accounts.roles import Perm
from wir.privacy import queries
from wir.privacy.forms import AuditFilterForm
from wir.privacy.models import AuditAction
from wir.privacy.registry import declaration_of


def index(request: HttpRequest) -> HttpResponse:
    regions = list(regions_where(request.user, Perm.VIEW_PERSONAL_DATA).order_by("name"))
    if len(regions) == 1:
        return redirect("privacy_audit_log", region=regions[0].slug)
    return render(request, "privacy/regions.html", {"regions": regions})


def audit_log(request: HttpRequest, region: str) -> HttpResponse:
    """The region's audit log: filter by account, record, action and period; CSV."""
    region_obj = access_region(request.user, region, Perm.VIEW_PERSONAL_DATA)
    form = AuditFilterForm(request.GET or None)
    valid = form.is_valid() if request.GET else True
    chosen = form.chosen() if request.GET and valid else queries.AuditFilter()
    events = queries.audit_events(region_obj, chosen)
    if request.GET.get("format") == "csv" and valid:
        name = f"protokoll-{region_obj.slug}-{timezone.localdate().isoformat()}.csv"
        return HttpResponse(
            queries.as_csv(events),
            content_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )
    page = Paginator(events, settings.WIR_PAGE_SIZE * 2).get_page(request.GET.get("seite"))
    names = queries.actor_names(page.object_list)
    labels = dict(AuditAction.choices)
    rows = [
        {
            "event": event,
            "actor": names.get(event.actor_id, "") if event.actor_id else "System",
            "action": labels.get(event.action, event.action),
            "type": _type_label(event.record_type),
        }
        for event in page.object_list
    ]
    query = request.GET.copy()
    query.pop("seite", None)
    query.pop("format", None)
    return render(
        request,
        "privacy/audit_log.html",
        {
            "region": region_obj,
            "form": form,
            "page": page,
            "rows": rows,
            "query": query.urlencode(),
            "retention_days": settings.WIR_AUDIT_RETENTION_DAYS,
        },
    )


def _type_label(record_type: str) -> str:
    declaration = declaration_of(record_type)
    return str(declaration.model._meta.verbose_name) if declaration else record_type
