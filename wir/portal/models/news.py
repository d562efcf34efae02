"""News (Neuigkeiten): short messages of a region, e.g. "Das Bürgerbüro ist am Freitag zu".

What Integreat calls local news or push notifications. Translatable like offers
(translations are sibling rows), published and expired through Wagtail's drafts.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PublishingPanel
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin

from wir.core.models import Region


class News(DraftStateMixin, RevisionMixin, TranslatableMixin, models.Model):
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="news")
    title = models.CharField(_("Titel"), max_length=140)
    message = models.TextField(
        _("Nachricht"),
        max_length=1000,
        help_text=_("Kurz und ohne Formatierung; erscheint so auch in Apps."),
    )

    panels = [
        FieldPanel("region"),
        FieldPanel("title"),
        FieldPanel("message"),
        PublishingPanel(),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["-first_published_at", "-pk"]
        verbose_name = _("Neuigkeit")
        verbose_name_plural = _("Neuigkeiten")
        indexes = [models.Index(fields=["region", "locale", "live"])]

    def __str__(self) -> str:
        return self.title
