"""Data of the API layer: which of our objects an Integreat import created."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from wir.core.models import Region


class IntegreatRecord(models.Model):
    """Maps an Integreat object (in one language) to the object of ours made from it.

    `integreat_id` is Integreat's id as text: a page or location translation id, or for
    events a key that stays the same across languages and across Integreat's expanded
    occurrences ("recurrence:1", "event:7"); "imprint" for the imprint. `language` is
    empty for places (names and addresses are not translated: one place per location).
    """

    class Kind(models.TextChoices):
        PAGE = "page", _("Seite")
        LOCATION = "location", _("Ort")
        EVENT = "event", _("Veranstaltung")
        IMPRINT = "imprint", _("Impressum")

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("Art"), max_length=10, choices=Kind.choices)
    integreat_id = models.CharField(_("Integreat-Kennung"), max_length=64)
    language = models.CharField(_("Sprache"), max_length=16, blank=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField(_("Objekt"))
    source_hash = models.CharField(_("Prüfsumme der Quelle"), max_length=64)
    imported_at = models.DateTimeField(_("zuerst importiert"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zuletzt geändert"), auto_now=True)

    class Meta:
        verbose_name = _("Integreat-Import-Zuordnung")
        verbose_name_plural = _("Integreat-Import-Zuordnungen")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "kind", "integreat_id", "language"],
                name="integreat_record_unique",
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        language = f"/{self.language}" if self.language else ""
        return f"{self.region_id}:{self.kind}:{self.integreat_id}{language}"
