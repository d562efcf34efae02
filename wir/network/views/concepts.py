"""Welcome-culture concepts: the coordination's list, a concept's page (text, measures,
linked offers and volunteer networks, partners, comments, versions), editing with an
optimistic lock, the diff between versions, the PDF and the public summary."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wir.network import actions, pdf, queries, versions
from wir.network.forms import (
    CommentForm,
    ConceptForm,
    ConceptLinkForm,
    ConceptMeasureForm,
    NewConceptForm,
    PartnerForm,
    StatusForm,
)
from wir.network.models import (
    ConceptMeasure,
    ConceptStatus,
    ConceptVersion,
    Organisation,
    Relation,
    WelcomeConcept,
)
from wir.network.views.common import report_errors, user_of


@login_required
def concepts(request: HttpRequest, region: str) -> HttpResponse:
    the_region = queries.access_network_region(request.user, region)
    found = (
        WelcomeConcept.objects.filter(region=the_region)
        .select_related("area__parent")
        .annotate(measure_count=Count("measures", distinct=True))
        .order_by("area__name", "title")
    )
    status = request.GET.get("stand", "")
    if status in ConceptStatus.values:
        found = found.filter(status=status)
    return render(
        request,
        "network/concepts.html",
        {
            "region": the_region,
            "nav_region": the_region,
            "concepts": found,
            "statuses": ConceptStatus.choices,
            "status": status,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def new_concept(request: HttpRequest, region: str) -> HttpResponse:
    the_region = queries.access_network_region(request.user, region)
    form = NewConceptForm(request.POST or None, region=the_region)
    if request.method == "POST" and form.is_valid():
        concept = actions.create_concept(user_of(request), form.save(commit=False))
        messages.success(request, _("Das Konzept wurde angelegt."))
        return redirect("network:edit_concept", welcome_concept_id=concept.pk)
    return render(
        request,
        "network/concept_new.html",
        {"form": form, "region": the_region, "nav_region": the_region},
        status=400 if form.errors else 200,
    )


def _own_partner_organisation(request: HttpRequest, concept: WelcomeConcept) -> Organisation | None:
    own = queries.own_organisation_ids(request.user) & queries.concept_partner_ids(concept)
    return Organisation.objects.filter(pk__in=own).order_by("name").first() if own else None


@login_required
def concept(request: HttpRequest, welcome_concept_id: int) -> HttpResponse:
    found = queries.access_concept(request.user, welcome_concept_id)
    manages = queries.manages(request.user, found)
    return render(
        request,
        "network/concept.html",
        {
            "concept": found,
            "manages": manages,
            "nav_region": found.region if manages else None,
            "measures": found.measures.select_related("responsible"),
            "links": found.links.order_by("kind", "label"),
            "partners": Relation.objects.filter(kind=Relation.Kind.CONCEPT_PARTNER, concept=found)
            .select_related("organisation")
            .order_by("organisation__name"),
            "comments": found.comments.select_related("organisation", "author"),
            "versions": found.versions.select_related("created_by")[:30],
            "comment_form": CommentForm(),
            "measure_form": ConceptMeasureForm(region_id=found.region_id),
            "status_form": StatusForm(),
            "link_form": ConceptLinkForm(region_id=found.region_id),
            "partner_form": PartnerForm(region_id=found.region_id) if manages else None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_concept(request: HttpRequest, welcome_concept_id: int) -> HttpResponse:
    found = queries.access_concept(request.user, welcome_concept_id)
    partner = not queries.manages(request.user, found)
    initial = {
        "version": found.version,
        "title": found.title,
        "status": found.status,
        "needs_analysis": found.needs_analysis,
        "goals": found.goals,
        "public_summary": found.public_summary,
        "is_public": found.is_public,
    }
    form = ConceptForm(request.POST or None, initial=initial, partner=partner)
    conflict_diff = ""
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_concept(
                user_of(request),
                found,
                form.cleaned_data["version"],
                form.changes(),
                form.cleaned_data["summary"],
            )
        except actions.ConceptConflict as error:
            found.refresh_from_db()
            # The user's text stays in the form; the lock moves to the current version so
            # that saving again (after comparing) is possible. The diff shows what changed.
            data = request.POST.copy()
            data["version"] = str(found.version)
            mine = dict(initial)
            mine.update(form.cleaned_data)
            form = ConceptForm(data, initial=initial, partner=partner)
            form.is_valid()
            form.add_error(None, error.message)
            found_state = actions.concept_state(found)
            current = versions.as_text(found_state)
            yours = versions.as_text(
                versions.ConceptState(
                    title=str(mine["title"]),
                    area=found_state.area,
                    status=str(ConceptStatus(str(mine["status"])).label),
                    needs_analysis=str(mine["needs_analysis"]),
                    goals=str(mine["goals"]),
                    public_summary=str(mine["public_summary"]),
                    measures=found_state.measures,
                )
            )
            conflict_diff = versions.diff_table(
                current, yours, _("aktuelle Fassung"), _("Ihre Fassung")
            )
        except actions.NetworkError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Das Konzept wurde gespeichert."))
            return redirect("network:concept", welcome_concept_id=found.pk)
    return render(
        request,
        "network/concept_form.html",
        {
            "form": form,
            "concept": found,
            "partner": partner,
            "conflict_diff": mark_safe(conflict_diff),  # noqa: S308 - difflib escapes the text
        },
        status=409 if conflict_diff else (400 if form.errors else 200),
    )


@login_required
@require_POST
def comment(request: HttpRequest, welcome_concept_id: int) -> HttpResponse:
    found = queries.access_concept(request.user, welcome_concept_id)
    form = CommentForm(request.POST)
    if form.is_valid():
        actions.add_comment(
            user_of(request),
            found,
            form.cleaned_data["text"],
            _own_partner_organisation(request, found),
        )
        messages.success(request, _("Ihr Kommentar wurde gespeichert."))
    else:
        report_errors(request, form)
    return redirect("network:concept", welcome_concept_id=found.pk)


@login_required
@require_POST
def add_measure(request: HttpRequest, welcome_concept_id: int) -> HttpResponse:
    found = queries.access_concept(request.user, welcome_concept_id)
    form = ConceptMeasureForm(request.POST, region_id=found.region_id)
    if form.is_valid():
        actions.add_concept_measure(found, form.save(commit=False))
        messages.success(request, _("Die Maßnahme wurde eingetragen."))
    else:
        report_errors(request, form)
    return redirect("network:concept", welcome_concept_id=found.pk)


@login_required
@require_POST
def measure_status(
    request: HttpRequest, welcome_concept_id: int, concept_measure_id: int
) -> HttpResponse:
    found = queries.access_concept(request.user, welcome_concept_id)
    measure = get_object_or_404(ConceptMeasure, pk=concept_measure_id, concept=found)
    form = StatusForm(request.POST)
    if form.is_valid():
        actions.set_concept_measure_status(measure, form.cleaned_data["status"])
        messages.success(request, _("Der Stand wurde gespeichert."))
    else:
        report_errors(request, form)
    return redirect("network:concept", welcome_concept_id=found.pk)


@login_required
@require_POST
def add_link(request: HttpRequest, welcome_concept_id: int) -> HttpResponse:
    found = queries.access_concept(request.user, welcome_concept_id)
    form = ConceptLinkForm(request.POST, region_id=found.region_id)
    if form.is_valid():
        try:
            actions.add_concept_link(found, form.save(commit=False))
        except actions.NetworkError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Die Verknüpfung wurde eingetragen."))
    else:
        report_errors(request, form)
    return redirect("network:concept", welcome_concept_id=found.pk)


@login_required
@require_POST
def add_partner(request: HttpRequest, welcome_concept_id: int) -> HttpResponse:
    found = queries.access_concept(request.user, welcome_concept_id)
    if not queries.manages(request.user, found):
        raise Http404("Nicht gefunden")
    form = PartnerForm(request.POST, region_id=found.region_id)
    if form.is_valid():
        actions.add_concept_partner(found, form.cleaned_data["organisation"])
        messages.success(request, _("Die Organisation ist jetzt am Konzept beteiligt."))
    else:
        report_errors(request, form)
    return redirect("network:concept", welcome_concept_id=found.pk)


@login_required
def version(request: HttpRequest, concept_version_id: int) -> HttpResponse:
    """One version against the one before it."""
    shown = queries.access_version(request.user, concept_version_id)
    concept = queries.access_concept(request.user, shown.concept_id)
    previous = (
        ConceptVersion.objects.filter(concept=concept, number__lt=shown.number)
        .order_by("-number")
        .first()
    )
    table = versions.diff_table(
        previous.text if previous else "",
        shown.text,
        _("Fassung %(number)s") % {"number": previous.number} if previous else _("leer"),
        _("Fassung %(number)s") % {"number": shown.number},
    )
    return render(
        request,
        "network/concept_version.html",
        {
            "concept": concept,
            "shown": shown,
            "previous": previous,
            "diff": mark_safe(table),  # noqa: S308 - difflib escapes the text
            "changed": versions.changed_lines(previous.text if previous else "", shown.text),
        },
    )


@login_required
def concept_pdf(request: HttpRequest, welcome_concept_id: int) -> HttpResponse:
    found = queries.access_concept(request.user, welcome_concept_id)
    partners = list(
        Organisation.objects.filter(
            relations__kind=Relation.Kind.CONCEPT_PARTNER, relations__concept=found
        )
        .order_by("name")
        .values_list("name", flat=True)
    )
    response = HttpResponse(pdf.concept_pdf(found, partners), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="konzept-{found.pk}.pdf"'
    return response
