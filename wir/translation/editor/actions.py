"""The writes of the translation editor, each in one transaction: saving texts (and
publishing the target once it is complete) and publishing a completed translation."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import Locale

from wir.translation import publishing, segments

EDITED_ACTION = "wir.translation_edited"


def save_texts(
    source: Any, original: Any, locale: Locale, texts: dict[int, str], user: Any, edited: int
) -> publishing.Held | None:
    """Write the translated `texts` (segment id → HTML) as manual translations, publish the
    target if it is now complete, and log the edit (`edited` texts changed by hand).

    Returns why publishing was held back, or None when the target is published. Raises
    `SegmentError`, `ValidationError` or `DatabaseError` with nothing written."""
    with transaction.atomic():
        segments.write(source, locale, texts, user=user, kind=segments.MANUAL, tool_name="Editor")
        held = publishing.publish_if_complete(source, original, locale, user)
        log(
            instance=original,
            action=EDITED_ACTION,
            user=user,
            data={"language": locale.language_code, "segments": edited},
        )
    return held


def publish_translation(
    source: Any, original: Any, locale: Locale, user: Any
) -> publishing.Held | None:
    """Publish a complete translation (the editor's "Veröffentlichen")."""
    with transaction.atomic():
        return publishing.publish_if_complete(source, original, locale, user)
