"""Admin screens of the programme report: ask for a year, watch the progress, read the
report with charts, download it as PDF or XLSX.

Coordination and observers of the region (`reports.view`); another region is "not found".
Thin views: computing is in `runner` and the sections, the layout in `presentation`.
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from wir.accounts.models import User
from wir.accounts.permissions import access_region, regions_where
from wir.accounts.roles import Perm
from wir.reports import actions, pdf, xlsx
from wir.reports.models import ReportRun
from wir.reports.period import FIRST_YEAR, LAST_YEAR, parse_year
from wir.reports.presentation import shown
from wir.reports.queries import access_report_run, recent_runs
from wir.reports.runner import sections_of
from wir.reports.tasks import generate_report

EXPORTS = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    regions = list(regions_where(request.user, Perm.VIEW_REPORTS).order_by("name"))
    if len(regions) == 1:
        return redirect("reports_region", region=regions[0].slug)
    return render(request, "reports/regions.html", {"regions": regions})


@require_http_methods(["GET", "POST"])
def region_reports(request: HttpRequest, region: str) -> HttpResponse:
    region_obj = access_region(request.user, region, Perm.VIEW_REPORTS)
    error = ""
    raw = str(timezone.localdate().year - 1)
    if request.method == "POST":
        raw = request.POST.get("jahr", "")
        year = parse_year(raw)
        if year is None:
            error = _("Bitte ein Jahr zwischen %(first)d und %(last)d als vierstellige Zahl "
                      "angeben.") % {"first": FIRST_YEAR, "last": LAST_YEAR}  # fmt: skip
        else:
            assert isinstance(request.user, User)
            run, created = actions.request_report(request.user, region_obj, year)
            if created and not settings.WIR_REPORTS_BACKGROUND:
                generate_report.enqueue(run.pk)
            return redirect("reports_run", region=region_obj.slug, report_run_id=run.pk)
    return render(
        request,
        "reports/region.html",
        {
            "region": region_obj,
            "runs": recent_runs(region_obj),
            "jahr": raw[:10],
            "error": error,
            "first_year": FIRST_YEAR,
            "last_year": LAST_YEAR,
        },
        status=400 if error else 200,
    )


@require_GET
def run_detail(request: HttpRequest, region: str, report_run_id: int) -> HttpResponse:
    run = access_report_run(request.user, region, report_run_id)
    context = {
        "region": run.region,
        "run": run,
        "sections": [shown(section) for section in sections_of(run)]
        if run.status == ReportRun.Status.DONE
        else [],
        "poll_url": reverse("reports_run", args=[run.region.slug, run.pk]),
    }
    template = "reports/_run.html" if request.headers.get("HX-Request") else "reports/run.html"
    return render(request, template, context)


@require_GET
def export(request: HttpRequest, region: str, report_run_id: int, fmt: str) -> HttpResponse:
    run = access_report_run(request.user, region, report_run_id)
    if fmt not in EXPORTS or run.status != ReportRun.Status.DONE:
        raise Http404(_("Diesen Bericht gibt es (noch) nicht zum Herunterladen."))
    sections = sections_of(run)
    title = _("Programmbericht %(year)d – %(region)s") % {
        "year": run.year,
        "region": run.region.full_name,
    }
    if fmt == "pdf":
        finished = timezone.localtime(run.finished_at or run.updated_at)
        subtitle = _(
            "WIR – Vielfalt und Teilhabe. Erstellt am %(day)s; Vergleich mit %(last)d."
        ) % {
            "day": finished.strftime("%d.%m.%Y"),
            "last": run.year - 1,
        }
        body = pdf.as_pdf(title, subtitle, sections)
    else:
        body = xlsx.as_xlsx(title, sections)
    name = f"programmbericht-{slugify(run.region.slug)}-{run.year}.{fmt}"
    return HttpResponse(
        body,
        headers={
            "Content-Type": EXPORTS[fmt],
            "Content-Disposition": f'attachment; filename="{name}"',
        },
    )
