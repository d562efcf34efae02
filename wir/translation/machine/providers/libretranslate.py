"""LibreTranslate (https://libretranslate.com/docs), e.g. self-hosted in the district's IT."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from wir.core.languages import DEFAULT_LANGUAGE
from wir.translation.machine.providers.base import (
    ProviderError,
    ProviderUnavailableError,
    UnsupportedLanguageError,
    get_json,
    post_json,
)


class LibreTranslate:
    name = "libretranslate"

    def __init__(self, base_url: str, key: str, timeout: float) -> None:
        self.base_url = base_url.rstrip("/")
        self.key = key
        self.timeout = timeout
        self._targets: dict[str, set[str]] | None = None

    def languages(self) -> dict[str, set[str]]:
        """Source code → target codes, as the server announces them (asked once)."""
        if self._targets is None:
            answer = get_json(f"{self.base_url}/languages", headers={}, timeout=self.timeout)
            try:
                self._targets = {
                    str(row["code"]): {str(code) for code in row.get("targets", [])}
                    for row in answer
                }
            except (KeyError, TypeError, AttributeError) as error:
                raise ProviderUnavailableError(
                    _("Übersetzungsdienst antwortet unverständlich.")
                ) from error
        return self._targets

    def supports(self, target: str) -> bool:
        if target.lower() == "de-x-ls":
            return False
        try:
            return target.lower() in self.languages().get(DEFAULT_LANGUAGE, set())
        except ProviderError:
            return True  # let the translation itself report the failure

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        if not texts:
            return []
        if not self.supports(target):
            raise UnsupportedLanguageError(_("Sprache nicht unterstützt."), target)
        body: dict[str, Any] = {"q": texts, "source": source, "target": target, "format": "html"}
        if self.key:
            body["api_key"] = self.key
        answer = post_json(f"{self.base_url}/translate", body, headers={}, timeout=self.timeout)
        translated = answer.get("translatedText") if isinstance(answer, dict) else None
        if isinstance(translated, str):
            translated = [translated]
        if not isinstance(translated, list) or len(translated) != len(texts):
            raise ProviderUnavailableError(_("Übersetzungsdienst antwortet unvollständig."))
        return [str(text) for text in translated]
