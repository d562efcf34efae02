"""Coordination screens of the Sprachpool: the plan for a period, candidates of a request.

Thin views: matching lives in `matching`, reading and writing in `planning`; every screen
needs "mediation.manage" in the region, and a foreign or unknown id is "not found".
"""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from wir.accounts.permissions import access_region, regions_where
from wir.accounts.roles import Perm
from wir.privacy import audit
from wir.privacy.models import AuditAction
from wir.sprachpool import actions, board, planning, reports, statements
from wir.sprachpool.forms import CancelForm
from wir.sprachpool.models import MediationRequest, Mediator

DEFAULT_DAYS = 7


def index(request: HttpRequest) -> HttpResponse:
    regions = list(regions_where(request.user, Perm.MANAGE_MEDIATION).order_by("name"))
    if len(regions) == 1:
        return redirect("sprachpool_board", region=regions[0].slug)
    return render(request, "sprachpool/regions.html", {"regions": regions})


def _pairs(values: list[str]) -> list[tuple[int, int]] | None:
    pairs = []
    for value in values:
        request_id, _sep, mediator_id = value.partition(":")
        if not (request_id.isdigit() and mediator_id.isdigit()):
            return None
        pairs.append((int(request_id), int(mediator_id)))
    return pairs


def _report(request: HttpRequest, result: planning.SendResult) -> None:
    if result.sent:
        messages.success(
            request,
            ngettext(
                "%(count)d Angebot gesendet.", "%(count)d Angebote gesendet.", len(result.sent)
            )
            % {"count": len(result.sent)},
        )
    for request_id, why in result.skipped:
        messages.warning(
            request,
            _("Anfrage #%(id)d nicht angeboten: %(why)s") % {"id": request_id, "why": why},
        )
    if not result.sent and not result.skipped:
        messages.warning(request, _("Keine Anfrage ausgewählt."))


@require_http_methods(["GET", "POST"])
def plan(request: HttpRequest, region: str) -> HttpResponse:
    region_obj = access_region(request.user, region, Perm.MANAGE_MEDIATION)
    today = timezone.localdate()
    first = request.GET.get("von", "")
    last = request.GET.get("bis", "")
    if request.method == "POST":
        pairs = _pairs(request.POST.getlist("pair"))
        if pairs is None:
            messages.error(request, _("Die Auswahl ist ungültig; es wurde nichts gesendet."))
        else:
            _report(request, planning.send_offers(region_obj, pairs, request.user))
        query = f"?von={request.POST.get('von', '')}&bis={request.POST.get('bis', '')}"
        return redirect(reverse("sprachpool_plan", args=[region_obj.slug]) + query)
    context: dict[str, object] = {
        "region": region_obj,
        "von": first or today.isoformat(),
        "bis": last or (today + timedelta(days=DEFAULT_DAYS - 1)).isoformat(),
        "plan": None,
        "error": "",
    }
    if first or last:
        try:
            first_day, last_day = planning.parse_period(first, last)
        except planning.PlanningError as bad:
            context["error"] = bad.message
        else:
            result = planning.plan(region_obj, first_day, last_day)
            context["plan"] = result
            context["filled"] = len(result.proposal.assignments)
    return render(request, "sprachpool/plan.html", context)


@require_http_methods(["GET", "POST"])
def request_detail(request: HttpRequest, region: str, request_id: int) -> HttpResponse:
    region_obj = access_region(request.user, region, Perm.MANAGE_MEDIATION)
    mediation = (
        MediationRequest.objects.filter(region=region_obj, pk=request_id)
        .select_related("language", "area", "region")
        .first()
    )
    if mediation is None:
        raise Http404("Anfrage nicht gefunden")
    if request.method == "POST":
        mediator = request.POST.get("mediator", "")
        if not mediator.isdigit():
            messages.error(request, _("Bitte wählen Sie eine Person aus."))
        else:
            _report(
                request,
                planning.send_offers(region_obj, [(mediation.pk, int(mediator))], request.user),
            )
        return redirect("sprachpool_request", region=region_obj.slug, request_id=mediation.pk)
    found = planning.candidates_for(mediation)
    audit.record(request.user, AuditAction.VIEWED, mediation)
    return render(
        request,
        "sprachpool/request.html",
        {
            "region": region_obj,
            "mediation": mediation,
            "found": found,
            "offers": mediation.assignments.select_related("mediator").order_by("offered_at"),
            "may_offer": mediation.status == MediationRequest.Status.OPEN,
        },
    )


BOARD_PAGE_SIZE = 50


def board_view(request: HttpRequest, region: str) -> HttpResponse:
    """Every request of the region with its state, filtered by the URL, and the week."""
    region_obj = access_region(request.user, region, Perm.MANAGE_MEDIATION)
    today = timezone.localdate()
    error = ""
    try:
        filters = board.BoardFilters.from_query(request.GET, today)
    except board.BoardError as bad:
        error = bad.message
        filters = board.BoardFilters.default(today)
    rows = board.board_rows(region_obj, filters)
    page = Paginator(rows, BOARD_PAGE_SIZE).get_page(request.GET.get("seite"))
    query = filters.as_query()
    return render(
        request,
        "sprachpool/board.html",
        {
            "region": region_obj,
            "filters": filters,
            "error": error,
            "page": page,
            "total": len(rows),
            "week": board.week_at_a_glance(rows, filters.first_day),
            "counts": board.count_by_state(rows),
            "states": list(board.STATES.items()),
            "settings": MediationRequest.Setting.choices,
            "languages": board.languages_of(region_obj),
            "query": urlencode(query),
            "earlier": urlencode(filters.shifted(-7).as_query()),
            "later": urlencode(filters.shifted(7).as_query()),
            "back": reverse("sprachpool_board", args=[region_obj.slug])
            + ("?" + urlencode(query) if query else ""),
            "cancel_form": CancelForm(),
        },
    )


def _back_to_board(request: HttpRequest, region: str) -> HttpResponse:
    """Back where the action was started (the board with its filters, or the request)."""
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = ""
    return redirect(target or reverse("sprachpool_board", args=[region]))


@require_POST
def request_cancel(request: HttpRequest, region: str, request_id: int) -> HttpResponse:
    """Coordination cancels a request (the booked mediator is told)."""
    region_obj = access_region(request.user, region, Perm.MANAGE_MEDIATION)
    if not MediationRequest.objects.filter(region=region_obj, pk=request_id).exists():
        raise Http404("Anfrage nicht gefunden")
    form = CancelForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Bitte geben Sie einen Grund für die Absage an."))
        return _back_to_board(request, region_obj.slug)
    try:
        actions.cancel_request(request_id, request.user, form.cleaned_data["reason"])
    except actions.BookingConflict as conflict:
        messages.error(request, conflict.message)
    else:
        messages.success(request, _("Anfrage #%(id)d ist abgesagt.") % {"id": request_id})
    return _back_to_board(request, region_obj.slug)


@require_POST
def request_search(request: HttpRequest, region: str, request_id: int) -> HttpResponse:
    """Coordination offers an open request again to the best candidate now."""
    region_obj = access_region(request.user, region, Perm.MANAGE_MEDIATION)
    if not MediationRequest.objects.filter(region=region_obj, pk=request_id).exists():
        raise Http404("Anfrage nicht gefunden")
    try:
        offer = actions.search_again(request_id, request.user)
    except actions.BookingConflict as conflict:
        messages.error(request, conflict.message)
    else:
        if offer is None:
            messages.warning(
                request,
                _("Für Anfrage #%(id)d passt gerade niemand; sie bleibt offen.")
                % {"id": request_id},
            )
        else:
            messages.success(
                request,
                _("Anfrage #%(id)d ist %(code)s angeboten.")
                % {"id": request_id, "code": offer.mediator.code},
            )
    return _back_to_board(request, region_obj.slug)


def _month(value: str) -> tuple[int, int] | None:
    year, _sep, month = value.partition("-")
    if not (year.isdigit() and month.isdigit()):
        return None
    if not (2000 <= int(year) <= 2100 and 1 <= int(month) <= 12):
        return None
    return int(year), int(month)


def statements_overview(request: HttpRequest, region: str) -> HttpResponse:
    """All mediators' statements of a month, with yearly totals and downloads."""
    region_obj = access_region(request.user, region, Perm.MANAGE_MEDIATION)
    today = timezone.localdate()
    chosen = request.GET.get("monat", f"{today.year}-{today.month:02d}")
    parsed = _month(chosen)
    error = ""
    if parsed is None:
        error = _("Bitte den Monat als JJJJ-MM angeben, z. B. 2027-03.")
        parsed = (today.year, today.month)
    year, month = parsed
    mediators = list(Mediator.objects.filter(region=region_obj).order_by("code"))
    items = statements.statements(mediators, year, month)
    code = request.GET.get("kennung", "")
    fmt = request.GET.get("format", "")
    if fmt in ("csv", "pdf") and not error:
        chosen_items = [i for i in items if not code or i.mediator.code == code]
        if not chosen_items:
            raise Http404("Sprachmittlung nicht gefunden")
        audit.record_many(request.user, AuditAction.EXPORTED, [i.mediator for i in chosen_items])
        # The file is named after the mediator found, never after the URL's text.
        who = chosen_items[0].mediator.code if code else region_obj.slug
        body = (
            statements.as_csv(chosen_items) if fmt == "csv" else statements.as_pdf(chosen_items[0])
        )
        return HttpResponse(body, headers=statements.download_headers(who, year, month, fmt))
    audit.record_many(request.user, AuditAction.VIEWED, mediators)
    return render(
        request,
        "sprachpool/statements.html",
        {
            "region": region_obj,
            "items": items,
            "monat": f"{year}-{month:02d}",
            "error": error,
            "title": f"{statements.MONTHS[month - 1]} {year}",
        },
    )


def report(request: HttpRequest, region: str) -> HttpResponse:
    """The pool's figures for a year with charts, and CSV/XLSX exports."""
    region_obj = access_region(request.user, region, Perm.MANAGE_MEDIATION)
    today = timezone.localdate()
    raw = request.GET.get("jahr", str(today.year))
    error = ""
    if not (raw.isdigit() and 2000 <= int(raw) <= 2100):
        error = _("Bitte das Jahr als vierstellige Zahl angeben.")
        raw = str(today.year)
    figures = reports.build(region_obj, int(raw))
    fmt = request.GET.get("format", "")
    if fmt == "csv" and not error:
        response = HttpResponse(reports.as_csv(figures), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="sprachpool-{raw}.csv"'
        return response
    if fmt == "xlsx" and not error:
        response = HttpResponse(
            reports.as_xlsx(figures),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="sprachpool-{raw}.xlsx"'
        return response
    count, hours = _("Anzahl der Anfragen"), _("Stunden")
    charts = [
        reports.Chart(
            _("Anfragen je Monat"), count, [(row.label, row.requests) for row in figures.by_month]
        ),
        reports.Chart(
            _("Anfragen nach Sprache"),
            count,
            [(row.label, row.requests) for row in figures.by_language],
        ),
        reports.Chart(
            _("Unbesetzte Anfragen nach Sprache"),
            count,
            [(row.label, row.unfilled) for row in figures.unfilled_by_language],
        ),
        reports.Chart(
            _("Geleistete Stunden nach Sprache"),
            hours,
            [(row.label, row.hours) for row in figures.by_language],
        ),
    ]
    charts = [chart for chart in charts if chart.bars]
    return render(
        request,
        "sprachpool/report.html",
        {
            "region": region_obj,
            "report": figures,
            "jahr": raw,
            "error": error,
            "charts": charts,
            "sections": reports.sections(figures),
            "headers": reports.HEADERS,
        },
    )
