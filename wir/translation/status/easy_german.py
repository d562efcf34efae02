"""Easy German ("Leichte Sprache", de-x-ls): one cell of the status, and its minor changes.

An Easy German text is a rewrite of the German original with its own structure (one German
paragraph may become three short ones), so it is compared as a whole version, not segment
by segment: the matrix rule is `states.easy_german_status`. For an outdated version, this
module shows how the German original's texts changed since the version's basis (the German
revision live when the Easy German version was published, or the one an editor confirmed),
and records an editor's confirmation that a German change was minor (`confirm_minor_change`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils.translation import gettext as _
from wagtail.fields import RichTextField
from wagtail.log_actions import log, registry
from wagtail.models import Page, Revision
from wagtail_localize.fields import TranslatableField, get_translatable_fields

from wir.core.models import Region
from wir.translation.models import EasyGermanCheck
from wir.translation.status import diffs, states

EASY_GERMAN = states.EASY_GERMAN
NOT_COMPARED = {"slug"}  # part of the address, not of the text people read


class EasyGermanError(ValueError):
    """A minor change that cannot be confirmed; the message says why, in German."""


@dataclass
class TextChange:
    field: str  # the field's German name, e.g. "Inhalt"
    old: str
    new: str

    def diff(self) -> list[tuple[str, str]]:
        return diffs.word_diff(self.old, self.new)


@dataclass
class EasyGermanState:
    """The Easy German cell of one German original."""

    original: Any
    easy: Any  # the Easy German version, or None
    status: str
    german_at: datetime | None  # the original's last publication
    check: EasyGermanCheck | None  # a confirmation valid for the current German text, if any

    @property
    def basis_at(self) -> datetime | None:
        """When the Easy German version was last right for the German text."""
        times = []
        if self.easy is not None:
            times.append(getattr(self.easy, _changed_at_field(self.easy)))
        if self.check is not None:
            times.append(self.check.german_published_at)
        known = [time for time in times if time is not None]
        return max(known) if known else None


def _changed_at_field(obj: Any) -> str:
    return "last_published_at" if hasattr(obj, "last_published_at") else "updated_at"


def _easy_version(original: Any) -> Any:
    if isinstance(original, Page):
        found = Page.objects.filter(
            translation_key=original.translation_key, locale__language_code=EASY_GERMAN
        ).first()
        return found.specific if found is not None else None
    return (
        type(original)
        .objects.filter(translation_key=original.translation_key, locale__language_code=EASY_GERMAN)
        .first()
    )


def state(original: Any) -> EasyGermanState:
    """The Easy German cell of `original` (a German page or snippet), as in the matrix."""
    field = _changed_at_field(original)
    german_at = getattr(original, field)
    easy = _easy_version(original)
    check = EasyGermanCheck.objects.filter(
        translation_key=original.translation_key, language_code=EASY_GERMAN
    ).first()
    target = (easy.pk, getattr(easy, field), False) if easy is not None else None
    result = states.easy_german_status(
        german_at, target, check.german_published_at if check else None
    )
    if check is not None and german_at is not None and check.german_published_at < german_at:
        check = None  # confirmed for an earlier German text: says nothing about this one
    return EasyGermanState(original, easy, result, german_at, check)


# --- what changed in German ------------------------------------------------------------


def _basis_revision(current: EasyGermanState) -> Revision | None:
    """The German revision the Easy German version was last right for, if known."""
    if current.check is not None and current.check.german_revision_id is not None:
        return current.check.german_revision
    basis_at = current.basis_at
    if basis_at is None:
        return None
    entry = (
        registry.get_logs_for_instance(current.original)
        .filter(action="wagtail.publish", timestamp__lte=basis_at, revision__isnull=False)
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.revision if entry is not None else None


_SPACE = re.compile(r"\s+")


def _text(field: models.Field[Any, Any], value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    if isinstance(field, RichTextField):
        text = BeautifulSoup(text, "html.parser").get_text(" ")
    return _SPACE.sub(" ", text).strip()


def _text_fields(model: type[Any]) -> list[models.Field[Any, Any]]:
    """The model's translatable text fields (title, intro, body, ...)."""
    result = []
    for translatable in get_translatable_fields(model):
        if not isinstance(translatable, TranslatableField):
            continue
        if translatable.field_name in NOT_COMPARED:
            continue
        field = translatable.get_field(model)
        if isinstance(field, models.CharField | models.TextField | RichTextField):
            result.append(field)
    return result


def german_changes(current: EasyGermanState) -> list[TextChange] | None:
    """How the German texts changed since the Easy German version's basis: one entry per
    changed field. None when there is no earlier German revision to compare with."""
    original = current.original
    if not hasattr(original, "revisions"):
        return None  # a model without revisions (contacts)
    old_revision = _basis_revision(current)
    if old_revision is None:
        return None
    live = getattr(original, "live_revision", None) or original.latest_revision
    if live is None or live.pk == old_revision.pk:
        return []
    old, new = old_revision.as_object(), live.as_object()
    changes = []
    for field in _text_fields(type(original)):
        before, after = (
            _text(field, getattr(old, field.name)),
            _text(field, getattr(new, field.name)),
        )
        if before != after:
            changes.append(TextChange(str(field.verbose_name), before, after))
    return changes


# --- the one write: the German change was minor -----------------------------------------


def stamp(value: datetime | None) -> str:
    """The German publication as the form carries it (exact, so it can be compared)."""
    return value.isoformat() if value is not None else ""


def confirm_minor_change(user: Any, region: Region, original: Any, seen: str) -> EasyGermanCheck:
    """Record that the Easy German version of `original` is still right for its current
    German text. `seen` is the German publication the editor compared (`stamp`); if the
    German text was published again since, nothing is recorded. Logged on the original.

    Raises EasyGermanError (with a German message) when there is nothing to confirm.
    """
    with transaction.atomic():
        locked = type(original).objects.select_for_update().filter(pk=original.pk).first()
        if locked is None:
            raise EasyGermanError(_("Den deutschen Inhalt gibt es nicht mehr."))
        current = state(locked)
        if current.easy is None:
            raise EasyGermanError(
                _("Es gibt noch keine Fassung in Leichter Sprache; es gibt nichts zu bestätigen.")
            )
        if current.status == states.UP_TO_DATE:
            raise EasyGermanError(_("Die Fassung in Leichter Sprache ist schon aktuell."))
        if seen != stamp(current.german_at):
            raise EasyGermanError(
                _(
                    "Der deutsche Text wurde inzwischen wieder veröffentlicht. Bitte prüfen "
                    "Sie die Änderungen noch einmal."
                )
            )
        assert current.german_at is not None  # outdated needs a German publication
        revision = getattr(locked, "live_revision", None)
        acting = user if getattr(user, "pk", None) else None
        check, _created = EasyGermanCheck.objects.update_or_create(
            translation_key=locked.translation_key,
            language_code=EASY_GERMAN,
            defaults={
                "region": region,
                "content_type": ContentType.objects.get_for_model(locked),
                "german_published_at": current.german_at,
                "german_revision": revision,
                "checked_by": acting,
            },
        )
        log(
            instance=locked,
            action="wir.translation_minor_change",
            user=acting,
            data={"language": EASY_GERMAN, "german_published_at": stamp(current.german_at)},
        )
    return check
