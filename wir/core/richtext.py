"""Rich text sent in a form that the editor cannot read is a form error, not a 500.

Wagtail's rich text editor (Draftail) sends its text as JSON and turns it into HTML while the
form reads it. A value that is no such JSON (a hand-made or hostile POST: "NaN", a long
text, "1e309") raised there, before any validation: a server error. The back office's rich
text fields now read such a value as "unreadable" and the form answers with a German
message; the stored text stays as it was.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundField
from django.utils.translation import gettext_lazy as _

# What Draftail's conversion raises on a value that is not its JSON.
UNREADABLE = (ValueError, TypeError, AttributeError, KeyError, IndexError, RecursionError)


class UnreadableRichText(str):
    """The value of a rich text field whose submission could not be read (shown empty)."""


class RichTextBoundField(BoundField):
    @property
    def data(self) -> Any:
        try:
            return super().data
        except UNREADABLE:
            return UnreadableRichText("")


class RichTextFormField(forms.CharField):
    bound_field_class = RichTextBoundField
    default_error_messages = {
        "unreadable": _(
            "Der Text konnte nicht gelesen werden. Bitte laden Sie die Seite neu und "
            "geben Sie ihn noch einmal ein."
        ),
    }

    def clean(self, value: Any) -> Any:
        if isinstance(value, UnreadableRichText):
            raise ValidationError(self.error_messages["unreadable"], code="unreadable")
        return super().clean(value)


def register() -> None:
    """Every rich text field of a Wagtail admin form uses `RichTextFormField`."""
    from wagtail.admin.forms.models import register_form_field_override
    from wagtail.fields import RichTextField

    register_form_field_override(RichTextField, override={"form_class": RichTextFormField})
