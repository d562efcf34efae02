"""Events (Veranstaltungen): one-off or recurring (RFC 5545), at a place or online."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PublishingPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from wir.core.models import Area, Language, Region
from wir.portal.models.offers import Cost, TargetGroup
from wir.portal.models.pages import RegionSectionPage
from wir.portal.models.places import Place
from wir.portal.recurrence import (
    Occurrence,
    RuleError,
    has_occurrence_after,
    occurrences,
    parse_rule,
)
from wir.portal.routes import answer


class EventQuerySet(SearchableQuerySetMixin, models.QuerySet["Event"]):
    pass


class Event(
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    ClusterableModel,
):
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="events")
    title = models.CharField(_("Titel"), max_length=140)
    summary = models.CharField(_("Kurzbeschreibung"), max_length=300)
    description = RichTextField(
        _("Beschreibung"), blank=True, features=["h3", "bold", "italic", "ul", "ol", "link"]
    )
    organiser = models.CharField(_("Veranstalter"), max_length=160)
    place = models.ForeignKey(
        Place,
        verbose_name=_("Ort"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    online_url = models.URLField(_("Online-Teilnahme (Link)"), blank=True)
    area = models.ForeignKey(
        Area, verbose_name=_("Kommune"), on_delete=models.RESTRICT, related_name="events"
    )
    start = models.DateTimeField(_("Beginn"))
    end = models.DateTimeField(_("Ende"))
    recurrence = models.CharField(
        _("Wiederholung (RRULE)"),
        max_length=300,
        blank=True,
        help_text=_(
            "Leer für einmalige Termine. Beispiel: FREQ=WEEKLY;BYDAY=TU;UNTIL=20270630 "
            "(jeden Dienstag bis 30.06.2027)."
        ),
    )
    target_groups = ParentalManyToManyField(
        TargetGroup, verbose_name=_("Zielgruppen"), blank=True, related_name="events"
    )
    languages = ParentalManyToManyField(
        Language, verbose_name=_("Sprachen"), blank=True, related_name="events"
    )
    cost = models.CharField(_("Kosten"), max_length=10, choices=Cost.choices, default=Cost.FREE)
    contact_role = models.CharField(_("Kontakt (Funktion)"), max_length=120, blank=True)
    contact_email = models.EmailField(_("E-Mail"), blank=True)

    objects = EventQuerySet.as_manager()

    panels = [
        FieldPanel("region"),
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("organiser"),
        MultiFieldPanel(
            [FieldPanel("place"), FieldPanel("online_url"), FieldPanel("area")],
            heading=_("Wo"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("recurrence")],
            heading=_("Wann"),
        ),
        FieldPanel("target_groups"),
        FieldPanel("languages"),
        FieldPanel("cost"),
        FieldRowPanel([FieldPanel("contact_role"), FieldPanel("contact_email")]),
        PublishingPanel(),
    ]
    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("organiser"),
        index.AutocompleteField("title"),
        index.FilterField("region"),
        index.FilterField("locale"),
        index.FilterField("live"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["start"]
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")
        indexes = [models.Index(fields=["region", "locale", "live", "start"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="event_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors: dict[str, list[str]] = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = [str(_("Das Ende muss nach dem Beginn liegen."))]
        if self.recurrence and self.start:
            try:
                parse_rule(self.recurrence, self.start.astimezone(self.zone))
            except RuleError as error:
                errors["recurrence"] = [str(error)]
        if self.area_id and self.region_id and self.area.region_id != self.region_id:
            errors["area"] = [str(_("Die Kommune gehört zu einer anderen Region."))]
        if errors:
            raise ValidationError(errors)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(settings.TIME_ZONE)

    def occurrences_between(self, window_start: datetime, window_end: datetime) -> list[Occurrence]:
        return occurrences(
            self.start, self.end, self.recurrence, window_start, window_end, self.zone
        )

    def has_dates_after(self, moment: datetime) -> bool:
        """Whether a date of the event still runs at `moment` or comes later."""
        return has_occurrence_after(self.start, self.end, self.recurrence, moment, self.zone)


class EventIndexPage(RegionSectionPage):
    """Upcoming events of the region; each event and an iCalendar feed below it."""

    class Meta:
        verbose_name = _("Veranstaltungskalender")
        verbose_name_plural = _("Veranstaltungskalender")

    @path("")
    def listing(self, request: HttpRequest) -> HttpResponse:
        return answer("events.listing", request, self)

    @path("kalender.ics/")
    def feed(self, request: HttpRequest) -> HttpResponse:
        return answer("events.feed", request, self)

    @path("veranstaltung/<int:event_id>/")
    def event(self, request: HttpRequest, event_id: int) -> HttpResponse:
        return answer("events.event", request, self, event_id)

    @path("veranstaltung/<int:event_id>/kalender.ics/")
    def event_feed(self, request: HttpRequest, event_id: int) -> HttpResponse:
        return answer("events.event_feed", request, self, event_id)
