from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language, get_language_bidi


def site(request: HttpRequest) -> dict[str, Any]:
    """Values every template needs: site name, the active language and its direction."""
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "language_code": get_language() or settings.LANGUAGE_CODE,
        "language_dir": "rtl" if get_language_bidi() else "ltr",
    }
