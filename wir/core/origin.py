"""Cross-site request protection for anonymous public forms, without a token.

The public pages are served from a shared cache (wir/core/hotpath.py), so they cannot
carry a per-visitor CSRF token. Anonymous forms (the "Was this page helpful?" form) are
protected by the browser's own origin headers instead: every current browser sends
`Sec-Fetch-Site` and `Origin` with a form POST. A request that says it comes from another
site is refused; one that sends neither header did not come from a browser on another
site (a cross-site request forgery needs the victim's browser), and is allowed — abuse by
scripts is the rate limit's job. Signed-in forms keep Django's CSRF tokens.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest


def cross_site(request: HttpRequest) -> bool:
    """True when the browser says this request was sent by a page of another site."""
    fetch_site = request.headers.get("Sec-Fetch-Site", "").lower()
    if fetch_site in {"cross-site", "same-site"}:
        return True
    if fetch_site in {"same-origin", "none"}:
        return False
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    if origin == "null":
        return True
    trusted = {urlsplit(o).netloc for o in settings.CSRF_TRUSTED_ORIGINS}
    host = urlsplit(origin).netloc
    return host != request.get_host() and host not in trusted
