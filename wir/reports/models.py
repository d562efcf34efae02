"""A run of the programme report: requested in the admin, computed in the background.

The result keeps every finished section (JSON of `data.SectionData`, keyed by the section's
key), so that a run whose worker was killed resumes after the last finished section.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wir.core.models import Region
from wir.reports.period import FIRST_YEAR, LAST_YEAR


class ReportRun(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("wartet")
        RUNNING = "running", _("läuft")
        DONE = "done", _("fertig")
        FAILED = "failed", _("fehlgeschlagen")

    # A running run saves after every section; silent this long, its worker is gone and
    # the next worker round resumes it (MAX_ATTEMPTS times, then it fails).
    STALE_AFTER = timedelta(minutes=2)
    # Unfinished and silent this long (no worker at all): shown as failed, never "läuft".
    ABANDONED_AFTER = timedelta(minutes=15)
    MAX_ATTEMPTS = 3

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="+", verbose_name=_("Region")
    )
    year = models.PositiveSmallIntegerField(_("Jahr"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("angefordert von"),
    )
    status = models.CharField(
        _("Stand"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("Fortschritt (%)"), default=0)
    current_section = models.CharField(_("aktueller Abschnitt"), max_length=200, blank=True)
    result = models.JSONField(_("Ergebnis"), default=dict, blank=True)
    error = models.CharField(_("Fehler"), max_length=500, blank=True)
    attempts = models.PositiveSmallIntegerField(_("Versuche"), default=0)
    created_at = models.DateTimeField(_("angefordert am"), default=timezone.now)
    updated_at = models.DateTimeField(_("zuletzt gearbeitet"), default=timezone.now)
    finished_at = models.DateTimeField(_("fertig am"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Programmbericht")
        verbose_name_plural = _("Programmberichte")
        indexes = [
            models.Index(fields=["region", "-created_at"], name="reportrun_region_created"),
            models.Index(fields=["status", "updated_at"], name="reportrun_status_updated"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="reportrun_progress_le_100"
            ),
            models.CheckConstraint(
                condition=Q(year__gte=FIRST_YEAR, year__lte=LAST_YEAR),
                name="reportrun_year_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"Programmbericht {self.year} ({self.get_status_display()})"

    @property
    def finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED} or self.abandoned

    @property
    def abandoned(self) -> bool:
        """Unfinished and nobody worked on it for ABANDONED_AFTER: failed, for the page."""
        return self.status in {self.Status.QUEUED, self.Status.RUNNING} and (
            timezone.now() - self.updated_at > self.ABANDONED_AFTER
        )

    @property
    def interrupted(self) -> bool:
        """Running, but silent for STALE_AFTER: the worker stopped; a worker resumes it."""
        return (
            self.status == self.Status.RUNNING
            and not self.abandoned
            and timezone.now() - self.updated_at > self.STALE_AFTER
        )

    @property
    def waiting_long(self) -> bool:
        return (
            self.status == self.Status.QUEUED
            and not self.abandoned
            and timezone.now() - self.created_at > timedelta(minutes=1)
        )
