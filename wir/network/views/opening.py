"""The intercultural opening: an organisation's process (stage, self-assessments,
measures, documents, progress chart), the region's overview and checklist catalogue."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wir.network import actions, charts, queries, scores
from wir.network.forms import (
    AssessmentForm,
    ChecklistItemForm,
    DocumentForm,
    MeasureForm,
    StageForm,
    StatusForm,
)
from wir.network.models import (
    ChecklistItem,
    OpeningMeasure,
    OpeningProcess,
    OpeningStage,
    OrganisationKind,
)
from wir.network.views.common import report_errors, user_of

SERIES_SHOWN = 4  # the chart compares the last four self-assessments


def _items(process: OpeningProcess) -> list[ChecklistItem]:
    return queries.checklist(process.region_id, process.organisation.kind)


@login_required
@require_http_methods(["GET", "POST"])
def opening(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = queries.access_organisation(request.user, organisation_id)
    manages = queries.manages(request.user, organisation)
    process = OpeningProcess.objects.filter(organisation=organisation).first()
    if request.method == "POST":
        if not manages:
            raise Http404("Nicht gefunden")
        actions.start_process(organisation, timezone.localdate())
        messages.success(request, _("Der Prozess der interkulturellen Öffnung wurde begonnen."))
        return redirect("network:opening", organisation_id=organisation.pk)
    if process is None:
        return render(
            request,
            "network/opening_none.html",
            {"organisation": organisation, "manages": manages},
        )
    items = _items(process)
    assessments = list(process.assessments.prefetch_related("scores").order_by("assessed_on"))
    table = [
        (item, [{s.item_id: s.score for s in a.scores.all()}.get(item.pk) for a in assessments])
        for item in items
    ]
    shown = assessments[-SERIES_SHOWN:]
    chart = charts.bar_chart(
        [(item.label, values[-SERIES_SHOWN:]) for item, values in table],
        [a.assessed_on.strftime("%d.%m.%Y") for a in shown],
        maximum=scores.MAX_SCORE,
    )
    return render(
        request,
        "network/opening.html",
        {
            "organisation": organisation,
            "process": process,
            "manages": manages,
            "stages": OpeningStage.choices,
            "assessments": assessments,
            "table": table,
            "chart": chart,
            "stage_form": StageForm(initial={"stage": process.stage}),
            "measure_form": MeasureForm(process=process),
            "measures": process.measures.select_related("owner_organisation", "item"),
            "status_form": StatusForm(),
            "document_form": DocumentForm(),
            "documents": process.documents.all(),
            "nav_region": organisation.region if manages else None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def assess(request: HttpRequest, opening_process_id: int) -> HttpResponse:
    process = queries.access_process(request.user, opening_process_id)
    items = _items(process)
    form = AssessmentForm(
        request.POST or None, items=items, initial={"assessed_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.record_assessment(
                user_of(request),
                process,
                form.cleaned_data["assessed_on"],
                form.scores(),
                form.cleaned_data["note"],
            )
        except actions.NetworkError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Die Selbstbewertung wurde gespeichert."))
            return redirect("network:opening", organisation_id=process.organisation_id)
    return render(
        request,
        "network/assessment_form.html",
        {"form": form, "process": process, "organisation": process.organisation},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def set_stage(request: HttpRequest, opening_process_id: int) -> HttpResponse:
    process = queries.access_process(request.user, opening_process_id)
    if not queries.manages(request.user, process):
        raise Http404("Nicht gefunden")
    form = StageForm(request.POST)
    if form.is_valid():
        actions.set_stage(process, form.cleaned_data["stage"])
        messages.success(request, _("Die Phase wurde geändert."))
    else:
        report_errors(request, form)
    return redirect("network:opening", organisation_id=process.organisation_id)


@login_required
@require_POST
def add_measure(request: HttpRequest, opening_process_id: int) -> HttpResponse:
    process = queries.access_process(request.user, opening_process_id)
    form = MeasureForm(request.POST, process=process)
    if form.is_valid():
        actions.add_measure(process, form.save(commit=False))
        messages.success(request, _("Die Maßnahme wurde eingetragen."))
    else:
        report_errors(request, form)
    return redirect("network:opening", organisation_id=process.organisation_id)


@login_required
@require_POST
def measure_status(
    request: HttpRequest, opening_process_id: int, opening_measure_id: int
) -> HttpResponse:
    process = queries.access_process(request.user, opening_process_id)
    measure = get_object_or_404(OpeningMeasure, pk=opening_measure_id, process=process)
    form = StatusForm(request.POST)
    if form.is_valid():
        actions.set_measure_status(measure, form.cleaned_data["status"])
        messages.success(request, _("Der Stand wurde gespeichert."))
    else:
        report_errors(request, form)
    return redirect("network:opening", organisation_id=process.organisation_id)


@login_required
@require_POST
def upload_document(request: HttpRequest, opening_process_id: int) -> HttpResponse:
    process = queries.access_process(request.user, opening_process_id)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        actions.add_document(user_of(request), process, form.save(commit=False))
        messages.success(request, _("Das Dokument wurde hochgeladen."))
    else:
        report_errors(request, form)
    return redirect("network:opening", organisation_id=process.organisation_id)


@login_required
def document(request: HttpRequest, opening_document_id: int) -> FileResponse:
    found = queries.access_document(request.user, opening_document_id)
    try:
        handle = found.file.open("rb")
    except FileNotFoundError as error:
        raise Http404("Datei fehlt") from error
    name = (found.file.name or "dokument").rsplit("/", 1)[-1]
    return FileResponse(handle, as_attachment=True, filename=name)


@login_required
def overview(request: HttpRequest, region: str) -> HttpResponse:
    """How many organisations are at which stage, the weakest items, change since last year."""
    the_region = queries.access_network_region(request.user, region)
    kind = request.GET.get("art") or OrganisationKind.SPORTS_CLUB
    if kind not in OrganisationKind.values:
        kind = OrganisationKind.SPORTS_CLUB
    processes = OpeningProcess.objects.filter(region=the_region, organisation__kind=kind)
    stage_rows = scores.stage_counts(processes.values_list("stage", flat=True), OpeningStage.values)
    labels = dict(OpeningStage.choices)
    stages = [(labels[stage], count) for stage, count in stage_rows]
    items = {item.pk: item for item in queries.checklist(the_region.pk, kind)}
    today = timezone.localdate()
    trends = scores.item_trends(queries.assessments_of(processes), list(items), today)
    trend_rows = [(items[t.item_id].label, t) for t in trends]
    return render(
        request,
        "network/opening_overview.html",
        {
            "region": the_region,
            "nav_region": the_region,
            "kind": kind,
            "kinds": OrganisationKind.choices,
            "kind_label": OrganisationKind(kind).label,
            "stages": stages,
            "stage_chart": charts.bar_chart(
                [(str(label), [count]) for label, count in stages], [_("Organisationen")]
            ),
            "trends": trend_rows,
            "trend_chart": charts.bar_chart(
                [(label, [t.mean_year_ago, t.mean_now]) for label, t in trend_rows],
                [_("vor einem Jahr"), _("heute")],
                maximum=scores.MAX_SCORE,
            ),
            "year_ago": _year_ago(today),
            "total": sum(count for _label, count in stages),
        },
    )


def _year_ago(today: date) -> date:
    try:
        return today.replace(year=today.year - 1)
    except ValueError:
        return today.replace(year=today.year - 1, day=28)


@login_required
@require_http_methods(["GET", "POST"])
def catalogue(request: HttpRequest, region: str) -> HttpResponse:
    the_region = queries.access_network_region(request.user, region)
    form = ChecklistItemForm(request.POST or None, region=the_region)
    if request.method == "POST":
        toggle = request.POST.get("toggle")
        if "defaults" in request.POST:
            for kind in OrganisationKind.values:
                actions.ensure_catalogue(the_region, kind)
            messages.success(request, _("Der Standardkatalog wurde übernommen."))
            return redirect("network:catalogue", region=the_region.slug)
        if toggle:
            item = get_object_or_404(
                ChecklistItem, pk=toggle if toggle.isdigit() else 0, region=the_region
            )
            item.is_active = not item.is_active
            actions.save_checklist_item(item)
            messages.success(request, _("Das Kriterium wurde geändert."))
            return redirect("network:catalogue", region=the_region.slug)
        if form.is_valid():
            actions.save_checklist_item(form.save(commit=False))
            messages.success(request, _("Das Kriterium wurde hinzugefügt."))
            return redirect("network:catalogue", region=the_region.slug)
    items = ChecklistItem.objects.filter(region=the_region).order_by(
        "organisation_kind", "position", "pk"
    )
    grouped = [
        (label, [item for item in items if item.organisation_kind == kind])
        for kind, label in OrganisationKind.choices
    ]
    return render(
        request,
        "network/catalogue.html",
        {"region": the_region, "nav_region": the_region, "form": form, "grouped": grouped},
        status=400 if form.errors else 200,
    )
