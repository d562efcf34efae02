"""The audit log and consent records.

`AuditEvent` is append-only: the application has no update or delete path (the model
refuses `save()` on an existing row and `delete()`); on PostgreSQL the application's
database role is granted INSERT and SELECT only (docs/datenschutz.md). The daily job
removes events older than `WIR_AUDIT_RETENTION_DAYS` through a separate, documented
path (`audit.purge_expired`). Events store who (the account id), what, which record
(type and id) and which field names — never personal values.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    VIEWED = "viewed", _("angesehen")
    EXPORTED = "exported", _("exportiert")
    CREATED = "created", _("angelegt")
    CHANGED = "changed", _("geändert")
    DELETED = "deleted", _("gelöscht")
    ANONYMISED = "anonymised", _("anonymisiert")
    CONSENT_GIVEN = "consent_given", _("Einwilligung erteilt")
    CONSENT_WITHDRAWN = "consent_withdrawn", _("Einwilligung widerrufen")


class AppendOnlyError(RuntimeError):
    pass


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    """No bulk update or delete either: the purge of old events goes around the ORM,
    through the maintenance connection (`audit.purge_expired`)."""

    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("Protokolleinträge werden nicht geändert.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Protokolleinträge werden nicht gelöscht.")


class AuditEvent(models.Model):
    at = models.DateTimeField(_("Zeitpunkt"), default=timezone.now, db_index=True)
    # Plain ids, no foreign keys: deleting an account or a region must not touch the log.
    actor_id = models.IntegerField(_("Konto"), null=True, blank=True, db_index=True)
    region_id = models.IntegerField(_("Region"), null=True, blank=True)
    action = models.CharField(_("Aktion"), max_length=20, choices=AuditAction.choices)
    record_type = models.CharField(_("Datensatzart"), max_length=80)
    record_id = models.CharField(_("Datensatz"), max_length=40)
    fields = models.JSONField(_("Felder"), default=list, blank=True)
    reason = models.CharField(_("Grund"), max_length=300, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("Protokolleintrag")
        verbose_name_plural = _("Protokoll")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["region_id", "at"]),
            models.Index(fields=["record_type", "record_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.record_type}#{self.record_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not self._state.adding:
            raise AppendOnlyError("Protokolleinträge werden nicht geändert.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise AppendOnlyError("Protokolleinträge werden nicht einzeln gelöscht.")


class ConsentText(models.Model):
    """One version of a consent text, kept verbatim: what exactly a person agreed to."""

    purpose = models.CharField(_("Zweck"), max_length=60)
    version = models.CharField(_("Fassung"), max_length=20)
    text = models.TextField(_("Wortlaut"))
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("Einwilligungstext")
        verbose_name_plural = _("Einwilligungstexte")
        constraints = [
            models.UniqueConstraint(fields=["purpose", "version"], name="consent_text_unique")
        ]

    def __str__(self) -> str:
        return f"{self.purpose} ({self.version})"


class Consent(models.Model):
    """A person's consent to one purpose: the exact text version, when, how; withdrawal."""

    class Channel(models.TextChoices):
        WEB = "web", _("Online-Formular")
        PAPER = "paper", _("Papier (erfasst von der Koordination)")
        EMAIL = "email", _("E-Mail")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="consents",
        verbose_name=_("Person (Konto)"),
    )
    # For people without an account (e.g. a household in a mentorship): the record it
    # belongs to, as in the audit log.
    record_type = models.CharField(_("Datensatzart"), max_length=80, blank=True)
    record_id = models.CharField(_("Datensatz"), max_length=40, blank=True)
    region = models.ForeignKey(
        "core.Region", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    text = models.ForeignKey(ConsentText, on_delete=models.PROTECT, related_name="consents")
    channel = models.CharField(_("Weg"), max_length=10, choices=Channel.choices)
    given_at = models.DateTimeField(_("erteilt am"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("widerrufen am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Einwilligung")
        verbose_name_plural = _("Einwilligungen")
        indexes = [models.Index(fields=["record_type", "record_id"])]

    def __str__(self) -> str:
        return f"{self.text} {self.given_at:%Y-%m-%d}"

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None
