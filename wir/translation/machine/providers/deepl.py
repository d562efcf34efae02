"""DeepL API v2 (https://developers.deepl.com/docs/api-reference/translate)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from wir.translation.machine.providers.base import (
    ProviderUnavailableError,
    UnsupportedLanguageError,
    post_json,
)

# Our language codes → DeepL's target codes where they differ from upper-casing.
TARGETS = {"en": "EN-GB", "pt": "PT-PT", "pt-br": "PT-BR", "zh": "ZH-HANS", "nb": "NB"}
# Languages DeepL does not translate into (Pashto, Somali, Tigrinya, ...) and Easy German.
UNSUPPORTED = {"ps", "so", "ti", "ku", "kmr", "ckb", "prs", "am", "de-x-ls", "de"}


class DeepL:
    name = "deepl"

    def __init__(self, key: str, base_url: str, timeout: float) -> None:
        self.key = key
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout

    def supports(self, target: str) -> bool:
        return target.lower() not in UNSUPPORTED

    def target_code(self, target: str) -> str:
        code = target.lower()
        if not self.supports(code):
            raise UnsupportedLanguageError(_("Sprache nicht unterstützt."), target)
        return TARGETS.get(code, code.upper())

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        if not texts:
            return []
        body = {
            "text": texts,
            "source_lang": source.split("-")[0].upper(),
            "target_lang": self.target_code(target),
            "tag_handling": "html",
        }
        answer = post_json(
            f"{self.base_url}/v2/translate",
            body,
            headers={"Authorization": f"DeepL-Auth-Key {self.key}"},
            timeout=self.timeout,
        )
        try:
            result = [str(item["text"]) for item in answer["translations"]]
        except (KeyError, TypeError) as error:
            raise ProviderUnavailableError(
                _("Übersetzungsdienst antwortet unverständlich.")
            ) from error
        if len(result) != len(texts):
            raise ProviderUnavailableError(_("Übersetzungsdienst antwortet unvollständig."))
        return result
