"""What the translation workflow keeps beyond wagtail-localize's segments and strings.

wagtail-localize stores the German source of a page or snippet as segments
(`TranslationSource`, `StringSegment`) and each language's text per segment
(`StringTranslation`, with `translation_type` manual or machine). On top of that:

- `GlossaryTerm`: fixed translations and do-not-translate terms of a region.
- `MachineTranslation`: a page or snippet in a language whose text came from a machine
  and that no person has reviewed yet; shown to the public as such until reviewed.
- `EasyGermanCheck`: an editor confirmed that the Easy German version of an original is
  still right for the original's current German text (a minor German change). Easy German
  is compared page by page, not segment by segment (see `wir.translation.status.easy_german`).
- `PendingTranslation`: the texts of an original in a language are complete but were saved
  by someone who may not publish (a translator); the public target stays as it was until an
  editor publishes (`segments.apply` removes the row).
- `TranslationJob`: a background run (machine translation of a batch, an XLIFF import)
  with its progress, for the progress bar and the report.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wir.core.models import Region


class GlossaryTerm(models.Model):
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="glossary")
    term = models.CharField(_("Begriff (Deutsch)"), max_length=120)
    language_code = models.CharField(_("Sprache"), max_length=16)
    translation = models.CharField(_("Übersetzung"), max_length=200, blank=True)
    do_not_translate = models.BooleanField(
        _("nicht übersetzen"),
        default=False,
        help_text=_("Der Begriff bleibt in allen Sprachen so, z. B. „Jobcenter“."),
    )
    note = models.CharField(_("Hinweis"), max_length=300, blank=True)

    class Meta:
        ordering = ["region", "term", "language_code"]
        verbose_name = _("Glossareintrag")
        verbose_name_plural = _("Glossar")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "term", "language_code"], name="glossary_term_unique"
            ),
            models.CheckConstraint(
                condition=Q(do_not_translate=True) | ~Q(translation=""),
                name="glossary_term_has_translation",
            ),
        ]

    def __str__(self) -> str:
        target = self.term if self.do_not_translate else self.translation
        return f"{self.term} → {target} ({self.language_code})"


class MachineTranslation(models.Model):
    """The text of this object (a page or snippet in a target language) is machine-made."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    language_code = models.CharField(_("Sprache"), max_length=16)
    provider = models.CharField(_("Dienst"), max_length=40)
    translated_at = models.DateTimeField(_("übersetzt am"), auto_now=True)
    reviewed_at = models.DateTimeField(_("geprüft am"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geprüft von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Maschinelle Übersetzung")
        verbose_name_plural = _("Maschinelle Übersetzungen")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="machine_translation_once_per_object"
            )
        ]
        indexes = [models.Index(fields=["region", "language_code", "reviewed_at"])]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id} ({self.language_code}, {self.provider})"

    @property
    def reviewed(self) -> bool:
        return self.reviewed_at is not None


class TranslationJob(models.Model):
    class Kind(models.TextChoices):
        MACHINE = "machine", _("Maschinelle Übersetzung")
        XLIFF_IMPORT = "xliff_import", _("XLIFF-Import")

    class Status(models.TextChoices):
        QUEUED = "queued", _("wartet")
        RUNNING = "running", _("läuft")
        DONE = "done", _("fertig")
        FAILED = "failed", _("fehlgeschlagen")

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    language_code = models.CharField(_("Sprache"), max_length=16)
    status = models.CharField(
        _("Stand"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    total = models.PositiveIntegerField(_("gesamt"), default=0)
    done = models.PositiveIntegerField(_("erledigt"), default=0)
    report = models.JSONField(_("Bericht"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Übersetzungsauftrag")
        verbose_name_plural = _("Übersetzungsaufträge")
        constraints = [
            models.CheckConstraint(
                condition=Q(done__lte=models.F("total")), name="job_done_le_total"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.language_code}: {self.done}/{self.total}"

    @property
    def percent(self) -> int:
        return 100 if self.total == 0 else round(100 * self.done / self.total)

    # A queued job nobody started after this long means the worker is not running.
    STALE_AFTER = timedelta(minutes=1)

    @property
    def waiting_long(self) -> bool:
        return (
            self.status == self.Status.QUEUED
            and self.created_at is not None
            and timezone.now() - self.created_at > self.STALE_AFTER
        )


class EasyGermanCheck(models.Model):
    """The Easy German version of a German original is still right for the German text as
    published at `german_published_at`: the German change since that version was minor.

    One row per original and language (a newer check replaces the older one); who checked
    when is also in the original's log.
    """

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    translation_key = models.UUIDField(_("Übersetzungsschlüssel"))
    language_code = models.CharField(_("Sprache"), max_length=16, default="de-x-ls")
    german_published_at = models.DateTimeField(_("deutsche Fassung vom"))
    german_revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("deutsche Version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geprüft von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    checked_at = models.DateTimeField(_("geprüft am"), auto_now=True)

    class Meta:
        verbose_name = _("Prüfung Leichte Sprache")
        verbose_name_plural = _("Prüfungen Leichte Sprache")
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "language_code"], name="easy_german_check_once"
            )
        ]
        indexes = [models.Index(fields=["region", "language_code"])]

    def __str__(self) -> str:
        return f"{self.translation_key} ({self.language_code}, {self.german_published_at})"


class PendingTranslation(models.Model):
    """Complete translated texts of an original, saved by someone who may not publish, that
    wait for an editor to publish them. The public target is untouched until then."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField(_("Original"))  # the German original
    translation_key = models.UUIDField(_("Übersetzungsschlüssel"))
    language_code = models.CharField(_("Sprache"), max_length=16)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gespeichert von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    saved_at = models.DateTimeField(_("gespeichert am"), auto_now=True)

    class Meta:
        verbose_name = _("Übersetzung zum Veröffentlichen")
        verbose_name_plural = _("Übersetzungen zum Veröffentlichen")
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "language_code"], name="pending_translation_once"
            )
        ]
        indexes = [models.Index(fields=["region", "language_code"])]

    def __str__(self) -> str:
        return f"{self.translation_key} ({self.language_code})"
