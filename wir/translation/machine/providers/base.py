"""What every machine-translation provider offers, its errors, and one small HTTP helper.

Our own clients (not wagtail-localize's translators): those hard-code URLs and swallow
HTTP errors, and an editor must learn *why* a translation did not happen.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any, Protocol

from django.utils.translation import gettext as _


class ProviderError(Exception):
    """A provider could not translate; `message` says why, in German, for the editor."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return f"{self.message} ({self.detail})" if self.detail else self.message


class QuotaExceededError(ProviderError):
    pass


class ProviderTimeoutError(ProviderError):
    pass


class UnsupportedLanguageError(ProviderError):
    pass


class AuthenticationError(ProviderError):
    pass


class RateLimitedError(ProviderError):
    pass


class ProviderUnavailableError(ProviderError):
    pass


class NotConfiguredError(ProviderError):
    pass


class Provider(Protocol):
    name: str

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        """HTML segments in `source` → the same number of HTML segments in `target`."""
        ...

    def supports(self, target: str) -> bool: ...


def error_for_status(status: int, detail: str) -> ProviderError:
    """The error an HTTP status of a provider means."""
    if status == 456:
        return QuotaExceededError(_("Kontingent des Übersetzungsdienstes erschöpft."), detail)
    if status in (401, 403):
        return AuthenticationError(
            _("Anmeldung beim Übersetzungsdienst abgelehnt (Schlüssel prüfen)."), detail
        )
    if status == 429:
        return RateLimitedError(
            _("Übersetzungsdienst überlastet (zu viele Anfragen); bitte später erneut."), detail
        )
    if status == 400 and "language" in detail.lower():
        return UnsupportedLanguageError(_("Sprache nicht unterstützt."), detail)
    if status >= 500:
        return ProviderUnavailableError(_("Übersetzungsdienst nicht erreichbar."), f"HTTP {status}")
    return ProviderError(_("Übersetzungsdienst lehnt die Anfrage ab."), f"HTTP {status}: {detail}")


def post_json(url: str, body: dict[str, Any], *, headers: dict[str, str], timeout: float) -> Any:
    """POST `body` as JSON and return the decoded answer; ProviderError on any failure."""
    data = json.dumps(body).encode()
    request = urllib.request.Request(  # noqa: S310 (http(s) only, checked in wir.env)
        url,
        data=data,
        method="POST",
        headers={"Content-Type": "application/json", "Accept": "application/json", **headers},
    )
    return _open(request, timeout)


def get_json(url: str, *, headers: dict[str, str], timeout: float) -> Any:
    request = urllib.request.Request(  # noqa: S310 (http(s) only, checked in wir.env)
        url, headers={"Accept": "application/json", **headers}
    )
    return _open(request, timeout)


def _open(request: urllib.request.Request, timeout: float) -> Any:
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            raw = response.read()
    except urllib.error.HTTPError as error:
        raise error_for_status(error.code, _error_text(error)) from error
    except TimeoutError as error:
        raise ProviderTimeoutError(_("Zeitüberschreitung beim Übersetzungsdienst.")) from error
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise ProviderTimeoutError(_("Zeitüberschreitung beim Übersetzungsdienst.")) from error
        raise ProviderUnavailableError(
            _("Übersetzungsdienst nicht erreichbar."), str(error.reason)
        ) from error
    except OSError as error:
        raise ProviderUnavailableError(
            _("Übersetzungsdienst nicht erreichbar."), str(error)
        ) from error
    try:
        return json.loads(raw)
    except ValueError as error:
        raise ProviderUnavailableError(
            _("Übersetzungsdienst antwortet unverständlich."), raw[:200].decode(errors="replace")
        ) from error


def _error_text(error: urllib.error.HTTPError) -> str:
    try:
        raw = error.read()[:500]
    except OSError:
        return ""
    try:
        answer = json.loads(raw)
    except ValueError:
        return raw.decode(errors="replace")
    if isinstance(answer, dict):
        return str(answer.get("message") or answer.get("error") or answer)
    return str(answer)
