"""Machine-translation providers behind one interface, chosen by `WIR_MT_PROVIDER`."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _

from wir.translation.machine.providers.base import (
    AuthenticationError,
    NotConfiguredError,
    Provider,
    ProviderError,
    ProviderTimeoutError,
    ProviderUnavailableError,
    QuotaExceededError,
    RateLimitedError,
    UnsupportedLanguageError,
)
from wir.translation.machine.providers.deepl import DeepL
from wir.translation.machine.providers.libretranslate import LibreTranslate

__all__ = [
    "AuthenticationError",
    "DeepL",
    "LibreTranslate",
    "NotConfiguredError",
    "Provider",
    "ProviderError",
    "ProviderTimeoutError",
    "ProviderUnavailableError",
    "QuotaExceededError",
    "RateLimitedError",
    "UnsupportedLanguageError",
    "configured",
    "get_provider",
]


def configured() -> bool:
    return settings.WIR_MT_PROVIDER != "none"


def get_provider() -> Provider:
    """The configured provider; NotConfiguredError when machine translation is switched off."""
    name = settings.WIR_MT_PROVIDER
    timeout = float(settings.WIR_MT_TIMEOUT)
    if name == "deepl":
        return DeepL(settings.WIR_DEEPL_KEY, settings.WIR_DEEPL_URL, timeout)
    if name == "libretranslate":
        return LibreTranslate(
            settings.WIR_LIBRETRANSLATE_URL, settings.WIR_LIBRETRANSLATE_KEY, timeout
        )
    raise NotConfiguredError(
        _(
            "Maschinelle Übersetzung ist nicht eingerichtet (WIR_MT_PROVIDER=none); "
            "bitte die Betreuung der Plattform fragen."
        )
    )
