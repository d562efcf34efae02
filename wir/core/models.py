"""Regions (tenants), their geography and languages."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

LATITUDE = [MinValueValidator(Decimal("-90")), MaxValueValidator(Decimal("90"))]
LONGITUDE = [MinValueValidator(Decimal("-180")), MaxValueValidator(Decimal("180"))]


def coordinate_field(verbose_name: Any, validators: list[Any]) -> models.DecimalField[Any, Any]:
    return models.DecimalField(verbose_name, max_digits=9, decimal_places=6, validators=validators)


class Language(models.Model):
    """A language of the catalogue (`wir.core.languages`), mirrored into the database."""

    class Direction(models.TextChoices):
        LTR = "ltr", _("links nach rechts")
        RTL = "rtl", _("rechts nach links")

    code = models.CharField(_("Sprachcode"), max_length=16, unique=True)
    name_de = models.CharField(_("Name (deutsch)"), max_length=80)
    name_en = models.CharField(_("Name (englisch)"), max_length=80)
    native_name = models.CharField(_("Eigenname"), max_length=80)
    direction = models.CharField(
        _("Schreibrichtung"), max_length=3, choices=Direction.choices, default=Direction.LTR
    )

    class Meta:
        ordering = ["name_de"]
        verbose_name = _("Sprache")
        verbose_name_plural = _("Sprachen")

    def __str__(self) -> str:
        return f"{self.name_de} ({self.code})"

    @property
    def is_rtl(self) -> bool:
        return self.direction == self.Direction.RTL


class Region(models.Model):
    """A tenant: a Landkreis or kreisfreie Stadt with its own content, staff and pools."""

    class Prefix(models.TextChoices):
        LANDKREIS = "Landkreis", _("Landkreis")
        KREIS = "Kreis", _("Kreis")
        KREISFREIE_STADT = "Kreisfreie Stadt", _("Kreisfreie Stadt")
        STADT = "Stadt", _("Stadt")
        REGION = "Region", _("Region")

    slug = models.SlugField(
        _("Kürzel in Adressen"),
        max_length=60,
        unique=True,
        help_text=_("Erscheint in jeder öffentlichen Adresse, z. B. /wetterau/de/."),
    )
    name = models.CharField(_("Name"), max_length=120)
    prefix = models.CharField(
        _("Bezeichnung"), max_length=30, choices=Prefix.choices, default=Prefix.LANDKREIS
    )
    latitude = coordinate_field(_("Breitengrad"), LATITUDE)
    longitude = coordinate_field(_("Längengrad"), LONGITUDE)
    bbox_south = coordinate_field(_("Südgrenze"), LATITUDE)
    bbox_west = coordinate_field(_("Westgrenze"), LONGITUDE)
    bbox_north = coordinate_field(_("Nordgrenze"), LATITUDE)
    bbox_east = coordinate_field(_("Ostgrenze"), LONGITUDE)
    languages = models.ManyToManyField(
        Language, through="RegionLanguage", related_name="regions", verbose_name=_("Sprachen")
    )
    events_enabled = models.BooleanField(_("Veranstaltungen"), default=True)
    locations_enabled = models.BooleanField(_("Orte und Karte"), default=True)
    sprachpool_enabled = models.BooleanField(_("Sprachpool"), default=False)
    volunteers_enabled = models.BooleanField(_("Ehrenamt und Patenschaften"), default=False)
    root_page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("Seitenbaum der Region"),
        help_text=_("Unter dieser Seite liegt je Sprache eine Startseite (/region/sprache/)."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_active = models.BooleanField(_("öffentlich sichtbar"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Moved forward whenever public content of the region changes (see touch_region);
    # the API and the offline bundles use it as their validator and cache key.
    content_changed_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Region")
        verbose_name_plural = _("Regionen")
        constraints = [
            models.CheckConstraint(
                condition=Q(bbox_south__lt=F("bbox_north")) & Q(bbox_west__lt=F("bbox_east")),
                name="region_bbox_not_empty",
            ),
            models.CheckConstraint(
                condition=Q(latitude__gte=F("bbox_south"))
                & Q(latitude__lte=F("bbox_north"))
                & Q(longitude__gte=F("bbox_west"))
                & Q(longitude__lte=F("bbox_east")),
                name="region_centre_inside_bbox",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        if self.prefix in self.name:
            return self.name
        return f"{self.prefix} {self.name}"

    @property
    def content_version(self) -> datetime:
        """When anything public of the region last changed (content or its settings)."""
        return max(self.updated_at, self.content_changed_at)

    @property
    def bbox(self) -> tuple[Decimal, Decimal, Decimal, Decimal]:
        """(west, south, east, north), the order GeoJSON and Integreat use."""
        return (self.bbox_west, self.bbox_south, self.bbox_east, self.bbox_north)


class RegionLanguage(models.Model):
    """A language a region publishes in; German is always enabled and comes first."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="region_languages")
    language = models.ForeignKey(Language, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    is_visible = models.BooleanField(
        _("öffentlich sichtbar"),
        default=True,
        help_text=_("Unsichtbare Sprachen können schon übersetzt, aber noch nicht gezeigt werden."),
    )

    class Meta:
        ordering = ["position", "language__code"]
        verbose_name = _("Sprache der Region")
        verbose_name_plural = _("Sprachen der Region")
        constraints = [
            models.UniqueConstraint(fields=["region", "language"], name="region_language_unique")
        ]

    def __str__(self) -> str:
        return f"{self.region.slug}/{self.language.code}"


class Area(models.Model):
    """A node of a region's geography: Kommune → Ortsteil → Wohngebiet."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Kommune")
        DISTRICT = "district", _("Ortsteil")
        NEIGHBOURHOOD = "neighbourhood", _("Wohngebiet")

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="areas")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("Name"), max_length=120)
    slug = models.SlugField(_("Kürzel"), max_length=120)
    official_key = models.CharField(
        _("Amtlicher Gemeindeschlüssel"), max_length=12, blank=True, default=""
    )
    latitude = coordinate_field(_("Breitengrad"), LATITUDE)
    longitude = coordinate_field(_("Längengrad"), LONGITUDE)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Gebiet")
        verbose_name_plural = _("Gebiete")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "slug"],
                condition=Q(parent__isnull=True),
                name="area_top_level_slug_unique",
            ),
            models.UniqueConstraint(fields=["parent", "slug"], name="area_slug_unique_in_parent"),
            models.CheckConstraint(
                condition=(Q(kind="municipality") & Q(parent__isnull=True))
                | (~Q(kind="municipality") & Q(parent__isnull=False)),
                name="area_only_municipalities_at_top",
            ),
        ]
        indexes = [models.Index(fields=["region", "kind"])]

    def __str__(self) -> str:
        return self.name


class OutboxMail(models.Model):
    """A mail that belongs to a write, stored in the write's transaction (wir/core/outbox.py)
    and sent after commit or, if the process died first, by `manage.py send_mail_outbox`."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("wartet")
        SENDING = "sending", _("wird gesendet")
        SENT = "sent", _("gesendet")
        FAILED = "failed", _("fehlgeschlagen")

    created_at = models.DateTimeField(_("angelegt"), default=timezone.now, db_index=True)
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    subject = models.CharField(_("Betreff"), max_length=300)
    # The message as EmailMessage's parts (to, body, attachments, ...); emptied once sent.
    message = models.JSONField(default=dict)
    attempts = models.PositiveSmallIntegerField(_("Versuche"), default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("gesendet am"), null=True, blank=True)
    last_error = models.TextField(_("letzter Fehler"), blank=True)

    class Meta:
        verbose_name = _("Mail im Postausgang")
        verbose_name_plural = _("Mails im Postausgang")
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="core_outbox_due")]

    def __str__(self) -> str:
        return f"{self.subject} ({self.get_status_display()})"
