"""The register of processing activities in the back office: a page and a PDF for the
coordination of a region (`Perm.VIEW_PERSONAL_DATA`)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from wir.accounts.permissions import access_region, regions_where
from wir.accounts.roles import Perm
from wir.privacy import register


@require_GET
def register_index(request: HttpRequest) -> HttpResponse:
    regions = list(regions_where(request.user, Perm.VIEW_PERSONAL_DATA).order_by("name"))
    if len(regions) == 1:
        return redirect("privacy_register", region=regions[0].slug)
    return render(request, "privacy/register_regions.html", {"regions": regions})


@require_GET
def register_page(request: HttpRequest, region: str) -> HttpResponse:
    region_obj = access_region(request.user, region, Perm.VIEW_PERSONAL_DATA)
    built = register.build(region_obj)
    if request.GET.get("format") == "pdf":
        return HttpResponse(register.as_pdf(built), headers=register.download_headers(built))
    return render(request, "privacy/register.html", {"register": built, "region": region_obj})
