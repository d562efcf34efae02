"""Feedback of visitors on a page ("Was this helpful?"): anonymous; only the free comment
may happen to contain personal data, so it is emptied after 12 months (the counts stay)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from wir.core.models import Region
from wir.privacy.registry import ERASE_ANONYMISE, Retention, personal_data


@personal_data(
    fields=("comment",),
    purpose=_("Inhalte verbessern (Rückmeldungen zu Seiten)"),
    legal_basis=_("Art. 6 Abs. 1 lit. e DSGVO"),
    retention=Retention(
        months=12,
        since="created_at",
        action=ERASE_ANONYMISE,
        description=_("Kommentare 12 Monate nach dem Eingang gelöscht; die Zählung bleibt"),
    ),
    subject=None,
    visible_to=_("Redaktion und Koordination der Region"),
    concerns=_("Besucher*innen der Seiten (anonym)"),
)
class Feedback(models.Model):
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="feedback")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Seite"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    offer = models.ForeignKey(
        "portal.Offer",
        verbose_name=_("Angebot"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Places and events have their pages below the directory and the calendar (`page`).
    place = models.ForeignKey(
        "portal.Place",
        verbose_name=_("Ort"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    event = models.ForeignKey(
        "portal.Event",
        verbose_name=_("Veranstaltung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language_code = models.CharField(_("Sprache"), max_length=16)
    # None: a comment without a rating, as the Integreat app may send.
    helpful = models.BooleanField(_("hilfreich"), null=True)
    comment = models.TextField(_("Kommentar"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("eingegangen"), auto_now_add=True)
    # When staff marked it read (None: unread; the editors' start page counts these).
    read_at = models.DateTimeField(_("gelesen am"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Rückmeldung")
        verbose_name_plural = _("Rückmeldungen")
        indexes = [
            models.Index(fields=["region", "-created_at"]),
            models.Index(fields=["region", "read_at"], name="portal_feedback_unread"),
        ]

    def __str__(self) -> str:
        sign = {True: "+", False: "−", None: "·"}[self.helpful]
        return f"{sign} {self.comment[:60]}"
