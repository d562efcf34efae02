"""Places (Orte): address, position, weekly opening hours and closed days."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from wir.core.models import LATITUDE, LONGITUDE, Area, Region, coordinate_field
from wir.portal.opening import Schedule, Slot, slot_problems


class Accessibility(models.TextChoices):
    FULL = "full", _("barrierefrei")
    PARTIAL = "partial", _("teilweise barrierefrei")
    NONE = "none", _("nicht barrierefrei")
    UNKNOWN = "unknown", _("unbekannt")


class PlaceQuerySet(SearchableQuerySetMixin, models.QuerySet["Place"]):
    pass


class Place(index.Indexed, ClusterableModel):
    """Where offers take place. Names and addresses are proper nouns: not translated."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="places")
    name = models.CharField(_("Name"), max_length=160)
    street = models.CharField(_("Straße und Hausnummer"), max_length=160, blank=True)
    postcode = models.CharField(_("Postleitzahl"), max_length=5, blank=True)
    town = models.CharField(_("Ort"), max_length=80, blank=True)
    area = models.ForeignKey(
        # RESTRICT, not PROTECT: deleting a whole region may delete its areas and places together.
        Area,
        verbose_name=_("Gebiet"),
        on_delete=models.RESTRICT,
        related_name="places",
    )
    latitude = coordinate_field(_("Breitengrad"), LATITUDE)
    longitude = coordinate_field(_("Längengrad"), LONGITUDE)
    accessibility = models.CharField(
        _("Barrierefreiheit"),
        max_length=10,
        choices=Accessibility.choices,
        default=Accessibility.UNKNOWN,
    )
    appointment_only = models.BooleanField(_("nur mit Termin"), default=False)
    temporarily_closed = models.BooleanField(_("vorübergehend geschlossen"), default=False)
    hours_note = models.CharField(_("Hinweis zu den Öffnungszeiten"), max_length=200, blank=True)
    last_checked = models.DateField(_("zuletzt geprüft"), default=timezone.localdate)

    objects = PlaceQuerySet.as_manager()

    panels = [
        FieldPanel("region"),
        FieldPanel("name"),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("town")]),
                FieldPanel("area"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Adresse und Lage"),
        ),
        FieldPanel("accessibility"),
        MultiFieldPanel(
            [
                FieldPanel("appointment_only"),
                FieldPanel("temporarily_closed"),
                FieldPanel("hours_note"),
                InlinePanel("opening_slots", label=_("Öffnungszeiten")),
                InlinePanel("closed_days", label=_("Schließtage")),
            ],
            heading=_("Öffnungszeiten"),
        ),
        FieldPanel("last_checked"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.SearchField("street"),
        index.SearchField("town"),
        index.AutocompleteField("name"),
        index.FilterField("region"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Ort")
        verbose_name_plural = _("Orte")
        indexes = [models.Index(fields=["region", "area"])]

    def __str__(self) -> str:
        return f"{self.name}, {self.town}" if self.town else self.name

    def clean(self) -> None:
        if self.area_id and self.region_id and self.area.region_id != self.region_id:
            raise ValidationError({"area": _("Das Gebiet gehört zu einer anderen Region.")})

    @property
    def address_line(self) -> str:
        return ", ".join(p for p in [self.street, f"{self.postcode} {self.town}".strip()] if p)

    @property
    def coordinates(self) -> tuple[Decimal, Decimal]:
        return (self.latitude, self.longitude)

    def schedule(self) -> Schedule:
        """The opening hours as plain data (uses prefetched slots and closed days)."""
        return Schedule(
            slots=tuple(Slot(s.weekday, s.opens, s.closes) for s in self.opening_slots.all()),
            closed_days=frozenset(d.date for d in self.closed_days.all()),
            appointment_only=self.appointment_only,
            temporarily_closed=self.temporarily_closed,
        )


class OpeningSlot(Orderable):
    """One opening period on one weekday; a day may have several."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Montag")
        TUESDAY = 1, _("Dienstag")
        WEDNESDAY = 2, _("Mittwoch")
        THURSDAY = 3, _("Donnerstag")
        FRIDAY = 4, _("Freitag")
        SATURDAY = 5, _("Samstag")
        SUNDAY = 6, _("Sonntag")

    place = ParentalKey(Place, on_delete=models.CASCADE, related_name="opening_slots")
    weekday = models.PositiveSmallIntegerField(_("Wochentag"), choices=Weekday.choices)
    opens = models.TimeField(_("von"))
    closes = models.TimeField(_("bis"))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        ordering = ["weekday", "opens"]
        verbose_name = _("Öffnungszeit")
        verbose_name_plural = _("Öffnungszeiten")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=F("opens")), name="opening_slot_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(weekday__gte=0, weekday__lte=6), name="opening_slot_weekday"
            ),
        ]
        indexes = [models.Index(fields=["weekday", "opens", "closes"])]

    def clean(self) -> None:
        if self.opens and self.closes:
            problems = slot_problems([Slot(self.weekday, self.opens, self.closes)])
            if problems:
                raise ValidationError({"closes": problems})


class ClosedDay(Orderable):
    place = ParentalKey(Place, on_delete=models.CASCADE, related_name="closed_days")
    date = models.DateField(_("Datum"))
    note = models.CharField(_("Anlass"), max_length=120, blank=True)

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("note")])]

    class Meta(Orderable.Meta):
        ordering = ["date"]
        verbose_name = _("Schließtag")
        verbose_name_plural = _("Schließtage")
        constraints = [
            models.UniqueConstraint(fields=["place", "date"], name="closed_day_once_per_date")
        ]
