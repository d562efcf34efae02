"""Mailings (Rundmails) of coordination to volunteers who opted in.

A `Mailing` is what coordination wrote and to whom (a network, or an interest and a
municipality); one `MailingDelivery` per recipient, unique per mailing and volunteer, so
that a retried send never mails anyone twice. The form's one-time `key` (unique per
region) makes a repeated POST of the same mailing find the first one instead of making a
second.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wir.core.models import Area, Region
from wir.privacy.registry import ERASE_DELETE, Retention, personal_data

# A delivery row says who received which mailing; once the mailing is old nobody needs
# that any more (the mailing keeps its recipient count). Deleting the rows never makes a
# repeated send mail anyone twice: a retry with the same key finds the mailing and only
# sends deliveries still pending.
DELIVERY_RETENTION_MONTHS = 12


class Mailing(models.Model):
    region = models.ForeignKey(
        Region,
        on_delete=models.CASCADE,
        related_name="volunteer_mailings",
        verbose_name=_("Region"),
    )
    key = models.CharField(max_length=64, editable=False)
    network = models.ForeignKey(
        "volunteers.Network",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mailings",
        verbose_name=_("Netzwerk"),
    )
    # A code of `Interest` (models.py); checked by the action, no choices here to keep
    # this module free of an import cycle with models.py.
    interest = models.CharField(_("Interesse"), max_length=30, blank=True)
    municipality = models.ForeignKey(
        Area,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Kommune"),
    )
    subject = models.CharField(_("Betreff"), max_length=150)
    body = models.TextField(_("Text"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("verschickt am"), default=timezone.now, editable=False)
    recipient_count = models.PositiveIntegerField(_("Empfänger"), default=0)

    class Meta:
        verbose_name = _("Rundmail")
        verbose_name_plural = _("Rundmails")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["region", "key"], name="volunteer_mailing_key_unique")
        ]

    def __str__(self) -> str:
        return self.subject


@personal_data(
    fields=("volunteer", "sent_at"),
    purpose="Rundmails jeder Person genau einmal zustellen",
    legal_basis="Art. 6 Abs. 1 lit. a DSGVO (Einwilligung in Rundmails)",
    retention=Retention(
        months=DELIVERY_RETENTION_MONTHS,
        since="sent_at",
        since_fallback="mailing__created_at",
        action=ERASE_DELETE,
        description="12 Monate nach dem Versand gelöscht",
    ),
    subject="volunteer__user",
    region="mailing__region",
    visible_to="Koordination der Region (nur die Empfängerzahl)",
    concerns="Ehrenamtliche, die Rundmails zugestimmt haben",
)
class MailingDelivery(models.Model):
    """One recipient of a mailing; `sent_at` is set when its mail was handed over."""

    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="deliveries")
    volunteer = models.ForeignKey(
        "volunteers.Volunteer", on_delete=models.CASCADE, related_name="mailings"
    )
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Zustellung einer Rundmail")
        verbose_name_plural = _("Zustellungen von Rundmails")
        constraints = [
            models.UniqueConstraint(
                fields=["mailing", "volunteer"], name="volunteer_mailing_once_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.mailing_id}:{self.volunteer_id}"
