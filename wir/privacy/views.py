"""Privacy screens for coordination of a region (in the back office): the audit log, and a
person's data on request (export, erasure; the reason is logged).

Every screen needs `personal_data.view` in the region (`access_region`: another region, or
one without that right, is "not found").
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wir.accounts.models import Membership, User
from wir.accounts.permissions import access_region, regions_where
from wir.accounts.roles import Perm
from wir.core.models import Region
from wir.privacy import audit, documents, queries, subject
from wir.privacy.forms import AuditFilterForm, EraseForm, ReasonForm
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


# --- a person's data on request: export and erasure by coordination of the region --------

ERASURE_ON_REQUEST = "Löschung auf Antrag"


def access_person(user: Any, region: Region, user_id: int) -> User:
    """A person with a role in `region` (platform administrators excluded), else 404."""
    person = (
        User.objects.filter(pk=user_id, memberships__region=region, is_superuser=False)
        .distinct()
        .first()
    )
    if person is None:
        raise Http404("Person nicht gefunden")
    return person


def people(request: HttpRequest, region: str) -> HttpResponse:
    """Accounts with a role in the region, to answer a person's request."""
    region_obj = access_region(request.user, region, Perm.VIEW_PERSONAL_DATA)
    query = request.GET.get("q", "").strip()[:150]
    found = User.objects.filter(memberships__region=region_obj, is_superuser=False).distinct()
    if query:
        found = found.filter(Q(username__icontains=query) | Q(email__icontains=query))
    page = Paginator(found.order_by("username"), settings.WIR_PAGE_SIZE).get_page(
        request.GET.get("seite")
    )
    return render(
        request,
        "privacy/people.html",
        {"region": region_obj, "page": page, "q": query},
    )


@require_http_methods(["GET", "POST"])
def person(request: HttpRequest, region: str, user_id: int) -> HttpResponse:
    region_obj = access_region(request.user, region, Perm.VIEW_PERSONAL_DATA)
    subject_user = access_person(request.user, region_obj, user_id)
    step = request.POST.get("step", "")
    export_form = ReasonForm(request.POST if step in ("json", "pdf") else None, prefix="export")
    erase_form = EraseForm(request.POST if step == "erase" else None, prefix="erase")
    if step in ("json", "pdf") and export_form.is_valid():
        return _export(request, region_obj, subject_user, step, export_form.cleaned_data["reason"])
    if step == "erase" and erase_form.is_valid():
        if subject_user.pk == request.user.pk:
            messages.error(request, _("Ihr eigenes Konto löschen Sie unter „Meine Daten“."))
            return redirect("privacy_people", region=region_obj.slug)
        result = subject.erase(
            subject_user, request.user, erase_form.cleaned_data["reason"], region=region_obj
        )
        messages.success(
            request,
            _("Die Daten der Person in dieser Region sind gelöscht (%(count)d Einträge).")
            % {"count": sum(result.counts.values())}
            + (" " + _("Das Konto ist gelöscht.") if result.account_erased else ""),
        )
        return redirect("privacy_people", region=region_obj.slug)
    if step and step not in ("json", "pdf", "erase"):
        messages.error(request, _("Diese Aktion gibt es nicht."))
    data = subject.export(subject_user, region_obj)
    audit.record(request.user, AuditAction.VIEWED, subject_user, region_id=region_obj.pk)
    return render(
        request,
        "privacy/person.html",
        {
            "region": region_obj,
            "person": subject_user,
            "data": data,
            "export_form": export_form,
            "erase_form": erase_form,
            "other_regions": Membership.objects.filter(user=subject_user)
            .exclude(region=region_obj)
            .exists(),
        },
    )


def _export(
    request: HttpRequest, region: Region, person: User, fmt: str, reason: str
) -> HttpResponse:
    data = subject.export(person, region)
    audit.record(request.user, AuditAction.EXPORTED, person, reason=reason, region_id=region.pk)
    body = documents.as_json(data) if fmt == "json" else documents.as_pdf(data)
    kind = "application/json" if fmt == "json" else "application/pdf"
    name = f"auskunft-{region.slug}-{person.pk}-{timezone.localdate().isoformat()}.{fmt}"
    return HttpResponse(
        body, content_type=kind, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )
