"""Error pages in the visitor's language, and a health check for operators."""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.chooser import ExternalLinkView

from wir.core.languages import INTERFACE_LANGUAGES
from wir.core.models import Region


def _visitor_language(request: HttpRequest) -> str:
    """The language of /{region}/{language}/ if the path names one, else the browser's."""
    parts = [part for part in request.path.split("/") if part]
    if len(parts) >= 2 and parts[1] in dict(settings.LANGUAGES):
        return parts[1]
    return translation.get_language_from_request(request) or settings.LANGUAGE_CODE


def is_api_request(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if is_api_request(request):
        missing = JsonResponse({"detail": f"No such resource: {request.path}"}, status=404)
        missing["Access-Control-Allow-Origin"] = "*"
        return missing
    language = _visitor_language(request)
    parts = [part for part in request.path.split("/") if part]
    region = Region.objects.filter(slug=parts[0], is_active=True).first() if parts else None
    with translation.override(language):
        response = render(
            request,
            "404.html",
            {
                "region": region,
                "home_url": f"/{region.slug}/{language}/" if region else "/",
                "ui_translated": language in INTERFACE_LANGUAGES,
            },
            status=404,
        )
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    if is_api_request(request):
        return JsonResponse({"detail": "Internal error; it has been logged."}, status=500)
    # Rendered without context processors that could fail again.
    with translation.override(_visitor_language(request)):
        return render(request, "500.html", status=500)


def health(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def robots_txt(request: HttpRequest) -> HttpResponse:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /konto/",
        "Disallow: /rueckmeldung/",
        f"Sitemap: {base}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def external_link_chooser(request: HttpRequest) -> HttpResponse:
    """Wagtail's external-link chooser, which fails on a form without its "url" field.

    A submission without it is answered as an empty one (the form shows its error)."""
    if request.method == "POST" and "external-link-chooser-url" not in request.POST:
        data = request.POST.copy()
        data["external-link-chooser-url"] = ""
        request.POST = data  # type: ignore[assignment]
    return require_admin_access(ExternalLinkView.as_view())(request)
