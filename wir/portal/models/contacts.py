"""Contacts by topic field (Themenfeld): roles with phone, mail and office hours."""

from __future__ import annotations

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from wir.core.models import Region
from wir.portal.models.pages import RegionSectionPage
from wir.portal.models.places import Place
from wir.portal.routes import context_for


class Topic(models.TextChoices):
    INTERCULTURAL_OPENING = "intercultural_opening", _("Interkulturelle Öffnung")
    WELCOME_CULTURE = "welcome_culture", _("Willkommens- und Anerkennungskultur")
    LANGUAGE_POOL = "language_pool", _("Sprachpool")
    VOLUNTEERING = "volunteering", _("Ehrenamt")
    EDUCATION = "education", _("Bildung und Sprache")
    WORK = "work", _("Arbeit und Ausbildung")
    HOUSING = "housing", _("Wohnen")
    HEALTH = "health", _("Gesundheit")
    ARRIVAL = "arrival", _("Ankommen und Aufenthalt")


class Contact(TranslatableMixin, index.Indexed, models.Model):
    """A contact as a role ("WIR-Koordination — Interkulturelle Öffnung"), never a person."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="contacts")
    topic = models.CharField(_("Themenfeld"), max_length=30, choices=Topic.choices)
    role = models.CharField(
        _("Funktion"),
        max_length=160,
        help_text=_("Eine Funktion, keine Person, z. B. „WIR-Koordination — Ehrenamt“."),
    )
    phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    office_hours = models.CharField(_("Sprechzeiten"), max_length=200, blank=True)
    place = models.ForeignKey(
        Place, verbose_name=_("Ort"), null=True, blank=True, on_delete=models.SET_NULL
    )
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    # Contacts have no revisions; the translation status compares this time instead.
    updated_at = models.DateTimeField(_("zuletzt geändert"), auto_now=True)

    panels = [
        FieldPanel("region"),
        FieldPanel("topic"),
        FieldPanel("role"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("office_hours"),
        FieldPanel("place"),
        FieldPanel("position"),
    ]
    search_fields = [
        index.SearchField("role", boost=2),
        index.SearchField("office_hours"),
        index.FilterField("region"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["topic", "position", "role"]
        verbose_name = _("Kontakt")
        verbose_name_plural = _("Kontakte")

    def __str__(self) -> str:
        return self.role


class ContactsPage(RegionSectionPage):
    """All contacts of the region, grouped by topic field."""

    template = "portal/contacts_page.html"

    class Meta:
        verbose_name = _("Kontakte nach Themenfeld")
        verbose_name_plural = _("Kontakte nach Themenfeld")

    def get_context(self, request: HttpRequest, *args: object, **kwargs: object) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context.update(context_for("contacts", request, self))
        return context
