"""The admin form of images: the alternative text is required, with a German message."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm

ALT_TEXT_REQUIRED = _(
    "Bitte einen Alternativtext eingeben: Er beschreibt das Bild für Menschen, die es nicht "
    "sehen können."
)


class ImageForm(BaseImageForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields.get("description")
        if field is not None:
            field.required = True
            field.error_messages["required"] = ALT_TEXT_REQUIRED

    def clean_description(self) -> str:
        # Django strips the value already; only spaces count as empty, too.
        return str(self.cleaned_data.get("description") or "").strip()
