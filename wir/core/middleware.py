"""Security headers for the public site."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse


def public_csp(tiles_url: str = "") -> str:
    """No inline scripts or styles anywhere on the public site; images may also come from
    the configured map tile server."""
    tile_origin = ""
    if tiles_url:
        parts = urlsplit(tiles_url.replace("{s}", "a"))
        tile_origin = f" {parts.scheme}://{parts.netloc}"
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            f"img-src 'self' data:{tile_origin}",
            "font-src 'self'",
            "connect-src 'self'",
            # The offline app: its service worker and the web app manifest.
            "worker-src 'self'",
            "manifest-src 'self'",
            "frame-ancestors 'self'",
            "form-action 'self'",
            "base-uri 'self'",
            "object-src 'none'",
        ]
    )


# Wagtail's admin ships inline scripts and styles; it is staff-only and gets a laxer policy.
EXEMPT_PREFIXES = ("/admin/",)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith(EXEMPT_PREFIXES):
            response.headers.setdefault(
                "Content-Security-Policy", public_csp(settings.WIR_MAP_TILES_URL)
            )
        response.headers.setdefault("Permissions-Policy", "geolocation=(self), camera=()")
        return response
