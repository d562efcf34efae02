"""Security headers: a Content-Security-Policy for the public site and one for the admin."""

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


def admin_csp() -> str:
    """The staff admin (Wagtail, wagtail-localize, our admin views).

    Scripts and styles only from our own origin, but inline too: Wagtail 8's admin still
    writes inline scripts (date pickers, inline panels, chooser modals evaluated by jQuery)
    and style attributes, and breaks without them (tests/browser/test_admin_csp.py).
    Everything else is as strict as on the public site: no foreign scripts, no requests,
    images, frames or form posts to other origins (an injected script cannot send data
    out), no plugins, no <base>. Images may be data:/blob: URLs (upload previews, the
    focal-point editor); the live preview is a same-origin frame."""
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "frame-src 'self'",
            "worker-src 'self' blob:",
            "manifest-src 'self'",
            "frame-ancestors 'self'",
            "form-action 'self'",
            "base-uri 'self'",
            "object-src 'none'",
        ]
    )


ADMIN_PREFIXES = ("/admin/",)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith(ADMIN_PREFIXES):
            policy = admin_csp()
        else:
            policy = public_csp(settings.WIR_MAP_TILES_URL)
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Permissions-Policy", "geolocation=(self), camera=()")
        return response
