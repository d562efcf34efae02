"""The actors directory: the coordination's list (search, filters, map, export) and the
organisation page, which a partner login uses to keep its own entry current."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wir.accounts.permissions import has_perm_somewhere, regions_where
from wir.accounts.roles import Perm
from wir.core import linkables
from wir.network import actions, exports, queries
from wir.network.forms import (
    ContactRoleForm,
    DirectoryFilterForm,
    MemberForm,
    OrganisationForm,
    PartnerOrganisationForm,
    RelationForm,
)
from wir.network.models import ContactRole, Organisation, OrganisationKind, Relation
from wir.network.views.common import report_errors, user_of

PAGE_SIZE = 50


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Coordination: its region's directory. Partners: their organisation."""
    regions = list(regions_where(request.user, Perm.MANAGE_NETWORK).order_by("name"))
    if len(regions) == 1:
        return redirect("network:directory", region=regions[0].slug)
    own = list(queries.own_organisations(request.user).order_by("name"))
    if not regions and len(own) == 1:
        return redirect("network:organisation", organisation_id=own[0].pk)
    may_contribute = has_perm_somewhere(request.user, Perm.CONTRIBUTE_NETWORK)
    if not regions and not may_contribute:
        raise Http404("Kein Zugang zum Netzwerk")
    return render(request, "network/home.html", {"regions": regions, "own": own})


def _filter_of(form: DirectoryFilterForm) -> queries.DirectoryFilter:
    if not form.is_valid():
        return queries.DirectoryFilter()
    data = form.cleaned_data
    return queries.DirectoryFilter(
        text=data["q"].strip(),
        kind=data["kind"],
        area_id=data["area"].pk if data["area"] else None,
        topic=data["topic"],
        language_id=data["language"].pk if data["language"] else None,
    )


def map_points(organisations: QuerySet[Organisation]) -> list[dict[str, Any]]:
    """The map's markers (the data the map script reads)."""
    labels = dict(OrganisationKind.choices)
    return [
        {
            "lat": point.latitude,
            "lon": point.longitude,
            "name": point.name,
            "url": reverse("network:organisation", args=[point.pk]),
            "detail": str(labels.get(point.kind, point.kind)),
        }
        for point in queries.map_points(organisations)
    ]


@login_required
def directory(request: HttpRequest, region: str) -> HttpResponse:
    the_region = queries.access_network_region(request.user, region)
    form = DirectoryFilterForm(request.GET or None, region=the_region)
    found = queries.matching(the_region, _filter_of(form))
    # Only the shown page is loaded with its areas, languages, topics and contacts; the
    # map gets all matching organisations from one lean query.
    page = Paginator(queries.listed(found), PAGE_SIZE).get_page(request.GET.get("seite"))
    query = request.GET.copy()
    query.pop("seite", None)
    return render(
        request,
        "network/directory.html",
        {
            "region": the_region,
            "nav_region": the_region,
            "form": form,
            "page": page,
            "count": page.paginator.count,
            "query": query.urlencode(),
            "map_points": map_points(found),
            "map_tiles": settings.WIR_MAP_TILES_URL,
            "map_attribution": getattr(settings, "WIR_MAP_ATTRIBUTION", ""),
        },
    )


EXPORT_HEADER = [
    "Name",
    "Art",
    "Gebiete",
    "Themen",
    "Sprachen",
    "Webseite",
    "Anschrift",
    "Ansprechstellen (Funktion, Telefon, E-Mail)",
    "Phase der interkulturellen Öffnung",
    "zuletzt aktualisiert",
]


def _export_rows(organisations: list[Organisation]) -> list[list[str]]:
    rows = []
    for organisation in organisations:
        process = getattr(organisation, "opening_process", None)
        contacts = " | ".join(
            ", ".join(part for part in (c.role, c.office_phone, c.office_email) if part)
            for c in organisation.contact_roles.all()
        )
        address = ", ".join(
            part
            for part in (
                organisation.street,
                f"{organisation.postcode} {organisation.town}".strip(),
            )
            if part
        )
        rows.append(
            [
                organisation.name,
                str(organisation.get_kind_display()),
                ", ".join(area.name for area in organisation.areas.all()),
                ", ".join(str(t.get_topic_display()) for t in organisation.topics.all()),
                ", ".join(language.name_de for language in organisation.languages.all()),
                organisation.website,
                address,
                contacts,
                str(process.get_stage_display()) if process else "",
                timezone.localtime(organisation.updated_at).strftime("%d.%m.%Y"),
            ]
        )
    return rows


def _export(request: HttpRequest, region: str, fmt: str) -> HttpResponse:
    the_region = queries.access_network_region(request.user, region)
    form = DirectoryFilterForm(request.GET or None, region=the_region)
    rows = _export_rows(list(queries.directory(the_region, _filter_of(form))))
    name = f"akteure-{the_region.slug}-{timezone.localdate():%Y-%m-%d}"
    if fmt == "csv":
        body = exports.csv_bytes(EXPORT_HEADER, rows)
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    else:
        body = exports.xlsx_bytes("Akteure", EXPORT_HEADER, rows)
        response = HttpResponse(
            body,
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@login_required
def export_csv(request: HttpRequest, region: str) -> HttpResponse:
    return _export(request, region, "csv")


@login_required
def export_xlsx(request: HttpRequest, region: str) -> HttpResponse:
    return _export(request, region, "xlsx")


@login_required
@require_http_methods(["GET", "POST"])
def new_organisation(request: HttpRequest, region: str) -> HttpResponse:
    the_region = queries.access_network_region(request.user, region)
    form = OrganisationForm(request.POST or None, region=the_region)
    if request.method == "POST" and form.is_valid():
        organisation = actions.save_organisation(
            form.save(commit=False),
            areas=form.cleaned_data["areas"],
            languages=form.cleaned_data["languages"],
            topics=form.cleaned_data["topics"],
        )
        messages.success(request, _("Die Organisation wurde angelegt."))
        return redirect("network:organisation", organisation_id=organisation.pk)
    return render(
        request,
        "network/organisation_form.html",
        {"form": form, "region": the_region, "nav_region": the_region, "organisation": None},
        status=400 if form.errors else 200,
    )


def _with_offer_titles(found: Organisation) -> list[Relation]:
    """The organisation's relations; an offer it carries with the offer's current title
    (None when the offer is gone)."""
    relations = list(found.relations.select_related("concept").order_by("kind", "pk"))
    if any(r.kind == Relation.Kind.OFFER_CARRIER for r in relations):
        titles = dict(linkables.choices(linkables.OFFER, found.region_id))
        for relation in relations:
            relation.offer_title = titles.get(relation.offer_id or 0)  # type: ignore[attr-defined]
    return relations


@login_required
def organisation(request: HttpRequest, organisation_id: int) -> HttpResponse:
    found = queries.access_organisation(request.user, organisation_id)
    manages = queries.manages(request.user, found)
    process = getattr(found, "opening_process", None) if hasattr(found, "opening_process") else None
    context = {
        "organisation": found,
        "manages": manages,
        "contacts": found.contact_roles.all(),
        "contact_form": ContactRoleForm(),
        "relations": _with_offer_titles(found),
        "relation_form": RelationForm(region_id=found.region_id),
        "members": found.members.select_related("user") if manages else [],
        "member_form": MemberForm(region=found.region) if manages else None,
        "process": process,
        "concepts": found.relations.filter(kind=Relation.Kind.CONCEPT_PARTNER)
        .select_related("concept__area")
        .order_by("concept__title"),
        "participations": found.participations.select_related("meeting").order_by(
            "-meeting__starts_at"
        )[:20],
        "tasks": found.tasks.exclude(status="done").select_related("meeting").order_by("due_on"),
        "nav_region": found.region if manages else None,
    }
    return render(request, "network/organisation.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def edit_organisation(request: HttpRequest, organisation_id: int) -> HttpResponse:
    found = queries.access_organisation(request.user, organisation_id)
    form_class = (
        OrganisationForm if queries.manages(request.user, found) else PartnerOrganisationForm
    )
    form = form_class(request.POST or None, instance=found, region=found.region)
    if request.method == "POST" and form.is_valid():
        actions.save_organisation(
            form.save(commit=False),
            areas=form.cleaned_data["areas"],
            languages=form.cleaned_data["languages"],
            topics=form.cleaned_data["topics"],
        )
        messages.success(request, _("Die Angaben wurden gespeichert."))
        return redirect("network:organisation", organisation_id=found.pk)
    return render(
        request,
        "network/organisation_form.html",
        {
            "form": form,
            "region": found.region,
            "organisation": found,
            "nav_region": found.region if queries.manages(request.user, found) else None,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def add_contact(request: HttpRequest, organisation_id: int) -> HttpResponse:
    found = queries.access_organisation(request.user, organisation_id)
    form = ContactRoleForm(request.POST)
    if form.is_valid():
        actions.add_contact_role(user_of(request), found, form.save(commit=False))
        messages.success(request, _("Die Ansprechstelle wurde hinzugefügt."))
    else:
        report_errors(request, form)
    return redirect("network:organisation", organisation_id=found.pk)


@login_required
@require_POST
def remove_contact(
    request: HttpRequest, organisation_id: int, contact_role_id: int
) -> HttpResponse:
    found = queries.access_organisation(request.user, organisation_id)
    contact = get_object_or_404(ContactRole, pk=contact_role_id, organisation=found)
    actions.remove_contact_role(user_of(request), contact)
    messages.success(request, _("Die Ansprechstelle wurde entfernt."))
    return redirect("network:organisation", organisation_id=found.pk)


@login_required
@require_POST
def add_member(request: HttpRequest, organisation_id: int) -> HttpResponse:
    found = queries.access_organisation(request.user, organisation_id)
    if not queries.manages(request.user, found):
        raise Http404("Nicht gefunden")
    form = MemberForm(request.POST, region=found.region)
    if form.is_valid():
        actions.link_member(found, form.cleaned_data["username"])
        messages.success(request, _("Der Partnerzugang ist jetzt mit der Organisation verbunden."))
    else:
        report_errors(request, form)
    return redirect("network:organisation", organisation_id=found.pk)


@login_required
@require_POST
def add_relation(request: HttpRequest, organisation_id: int) -> HttpResponse:
    found = queries.access_organisation(request.user, organisation_id)
    form = RelationForm(request.POST, region_id=found.region_id)
    if form.is_valid():
        actions.add_relation(found, form.save(commit=False))
        messages.success(request, _("Die Verbindung wurde eingetragen."))
    else:
        report_errors(request, form)
    return redirect("network:organisation", organisation_id=found.pk)


@login_required
@require_POST
def remove_relation(request: HttpRequest, organisation_id: int, relation_id: int) -> HttpResponse:
    found = queries.access_organisation(request.user, organisation_id)
    relation = get_object_or_404(
        Relation, pk=relation_id, organisation=found, kind__in=["network_member", "offer_carrier"]
    )
    actions.remove_relation(relation)
    messages.success(request, _("Die Verbindung wurde entfernt."))
    return redirect("network:organisation", organisation_id=found.pk)
