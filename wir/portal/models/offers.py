"""Offers (Angebote): the entries of the "Was ist wo?" directory.

Offers are Wagtail snippets with drafts, revisions, scheduled publishing and expiry
(DraftStateMixin) and translations as sibling rows (TranslatableMixin).
"""

from __future__ import annotations

from datetime import date, timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PublishingPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from wir.core.languages import DEFAULT_LANGUAGE
from wir.core.models import Area, Language, Region
from wir.portal.models.places import Accessibility, Place


class Category(models.TextChoices):
    FIRST_CONTACT = "first_contact", _("Erste Anlaufstelle")
    COUNSELLING = "counselling", _("Beratung")
    LANGUAGE_COURSE = "language_course", _("Sprachkurs")
    VOCATIONAL_TRAINING = "vocational_training", _("Ausbildung und Weiterbildung")
    APPRENTICESHIP_EXCHANGE = "apprenticeship_exchange", _("Ausbildungsstellenbörse")
    LEISURE_FAMILIES = "leisure_families", _("Freizeit für Familien")
    LEISURE_YOUTH = "leisure_youth", _("Freizeit für Jugendliche")


# Category values of older links and API clients → what they mean now ("leisure" was split
# into families and young people by migration 0010).
LEGACY_CATEGORIES: dict[str, tuple[str, ...]] = {
    "leisure": (Category.LEISURE_FAMILIES, Category.LEISURE_YOUTH),
}


def expand_categories(values: list[str]) -> list[str]:
    """Category values with the legacy ones replaced by what they mean now."""
    return list(
        dict.fromkeys(new for value in values for new in LEGACY_CATEGORIES.get(value, (value,)))
    )


class Cost(models.TextChoices):
    FREE = "free", _("kostenlos")
    REDUCED = "reduced", _("ermäßigt möglich")
    PAID = "paid", _("kostenpflichtig")


class CourseLevel(models.TextChoices):
    LITERACY = "literacy", _("Alphabetisierung")
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2"
    C1 = "C1", "C1"
    C2 = "C2", "C2"


class CourseType(models.TextChoices):
    INTEGRATION = "integration", _("Integrationskurs")
    JOB_RELATED = "job_related", _("Berufssprachkurs")
    VOLUNTEER = "volunteer", _("ehrenamtlicher Kurs")
    LITERACY = "literacy", _("Alphabetisierungskurs")
    OTHER = "other", _("anderer Kurs")


class TargetGroup(models.Model):
    """For whom an offer is (families, young people, women, ...); a fixed catalogue."""

    code = models.SlugField(_("Kürzel"), max_length=30, unique=True)
    name = models.CharField(_("Name"), max_length=80)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")

    def __str__(self) -> str:
        return str(_(self.name))


# The catalogue of target groups; names are stored in German and translated in the UI.
TARGET_GROUPS: list[tuple[str, str]] = [
    ("everyone", gettext_noop("Alle")),
    ("families", gettext_noop("Familien")),
    ("children", gettext_noop("Kinder")),
    ("youth", gettext_noop("Jugendliche")),
    ("young_adults", gettext_noop("Junge Erwachsene")),
    ("women", gettext_noop("Frauen")),
    ("men", gettext_noop("Männer")),
    ("seniors", gettext_noop("Ältere Menschen")),
    ("refugees", gettext_noop("Geflüchtete")),
    ("job_seekers", gettext_noop("Arbeit- und Ausbildungssuchende")),
    ("disabilities", gettext_noop("Menschen mit Behinderung")),
]


def review_limit(today: date | None = None, months: int | None = None) -> date:
    """Offers last checked before this date are overdue for review."""
    today = today or timezone.localdate()
    months = months or settings.WIR_OFFER_REVIEW_MONTHS
    return today - timedelta(days=round(months * 30.44))


class OfferQuerySet(SearchableQuerySetMixin, models.QuerySet["Offer"]):
    def public(self, today: date | None = None) -> OfferQuerySet:
        """Published, not expired and valid today: what a visitor may see. (Expired: even
        before `publish_scheduled` has unpublished it.)"""
        today = today or timezone.localdate()
        not_expired = Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())
        return self.filter(not_expired, live=True).filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=today),
            Q(valid_until__isnull=True) | Q(valid_until__gte=today),
        )

    def stale(self, months: int | None = None) -> OfferQuerySet:
        """Not checked for `months` months (default: settings.WIR_OFFER_REVIEW_MONTHS)."""
        return self.filter(last_checked__lt=review_limit(months=months))


class Offer(
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    ClusterableModel,
):
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="offers")
    category = models.CharField(_("Kategorie"), max_length=30, choices=Category.choices)
    title = models.CharField(_("Titel"), max_length=140)
    summary = models.CharField(_("Kurzbeschreibung"), max_length=300)
    description = RichTextField(
        _("Beschreibung"), blank=True, features=["h3", "bold", "italic", "ul", "ol", "link"]
    )
    provider = models.CharField(
        _("Anbieter"), max_length=160, help_text=_("Organisation, die das Angebot macht.")
    )
    place = models.ForeignKey(
        Place,
        verbose_name=_("Ort"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="offers",
        help_text=_("Leer lassen für Angebote ohne festen Ort (Telefon, online)."),
    )
    area = models.ForeignKey(
        Area,
        verbose_name=_("Kommune"),
        on_delete=models.RESTRICT,
        related_name="offers",
        help_text=_("Für welche Kommune das Angebot gilt; bei festem Ort meist dessen Kommune."),
    )
    target_groups = ParentalManyToManyField(
        TargetGroup, verbose_name=_("Zielgruppen"), blank=True, related_name="offers"
    )
    languages = ParentalManyToManyField(
        Language,
        verbose_name=_("Sprachen vor Ort"),
        blank=True,
        related_name="offers",
        help_text=_("In welchen Sprachen man dort beraten wird oder lernt."),
    )
    cost = models.CharField(_("Kosten"), max_length=10, choices=Cost.choices, default=Cost.FREE)
    price_note = models.CharField(_("Preis / Hinweis zu Kosten"), max_length=120, blank=True)
    accessibility = models.CharField(
        _("Barrierefreiheit"),
        max_length=10,
        choices=Accessibility.choices,
        default=Accessibility.UNKNOWN,
    )
    appointment_needed = models.BooleanField(_("Termin nötig"), default=False)
    valid_from = models.DateField(_("gültig ab"), null=True, blank=True)
    valid_until = models.DateField(_("gültig bis"), null=True, blank=True)
    contact_role = models.CharField(
        _("Kontakt (Funktion)"),
        max_length=120,
        blank=True,
        help_text=_("Eine Funktion, keine Person, z. B. „Migrationsberatung — Servicetelefon“."),
    )
    contact_phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    contact_email = models.EmailField(_("E-Mail"), blank=True)
    website = models.URLField(_("Webseite"), blank=True)
    course_level_from = models.CharField(
        _("Niveau von"), max_length=10, choices=CourseLevel.choices, blank=True
    )
    course_level_to = models.CharField(
        _("Niveau bis"), max_length=10, choices=CourseLevel.choices, blank=True
    )
    course_type = models.CharField(
        _("Kursart"), max_length=20, choices=CourseType.choices, blank=True
    )
    childcare = models.BooleanField(_("Kinderbetreuung"), default=False)
    schedule = models.CharField(_("Kurszeiten"), max_length=200, blank=True)
    last_checked = models.DateField(_("zuletzt geprüft"), default=timezone.localdate)

    objects = OfferQuerySet.as_manager()

    panels = [
        FieldPanel("region"),
        FieldPanel("category"),
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("provider"),
        MultiFieldPanel([FieldPanel("place"), FieldPanel("area")], heading=_("Wo")),
        FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("languages"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("cost"), FieldPanel("price_note")]),
                FieldPanel("accessibility"),
                FieldPanel("appointment_needed"),
                FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
            ],
            heading=_("Bedingungen"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_role"),
                FieldRowPanel([FieldPanel("contact_phone"), FieldPanel("contact_email")]),
                FieldPanel("website"),
            ],
            heading=_("Kontakt"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("course_level_from"), FieldPanel("course_level_to")]),
                FieldPanel("course_type"),
                FieldPanel("childcare"),
                FieldPanel("schedule"),
            ],
            heading=_("Nur für Sprachkurse"),
            classname="collapsed",
        ),
        FieldPanel("last_checked"),
        PublishingPanel(),
    ]
    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("provider"),
        index.SearchField("structured_search_text"),
        index.AutocompleteField("title"),
        index.FilterField("region"),
        index.FilterField("locale"),
        index.FilterField("live"),
        index.FilterField("category"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["title"]
        verbose_name = _("Angebot")
        verbose_name_plural = _("Angebote")
        indexes = [
            models.Index(fields=["region", "locale", "live", "category"]),
            models.Index(fields=["last_checked"]),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors: dict[str, list[str]] = {}
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            errors.setdefault("valid_until", []).append(
                str(_("Das Ende der Gültigkeit liegt vor ihrem Beginn."))
            )
        if self.area_id and self.region_id and self.area.region_id != self.region_id:
            errors.setdefault("area", []).append(
                str(_("Die Kommune gehört zu einer anderen Region."))
            )
        if self.place is not None and self.region_id and self.place.region_id != self.region_id:
            errors.setdefault("place", []).append(str(_("Der Ort gehört zu einer anderen Region.")))
        levels = [choice.value for choice in CourseLevel]
        if (
            self.course_level_from
            and self.course_level_to
            and levels.index(self.course_level_to) < levels.index(self.course_level_from)
        ):
            errors.setdefault("course_level_to", []).append(
                str(_("Das Zielniveau liegt unter dem Anfangsniveau."))
            )
        if errors:
            raise ValidationError(errors)

    def structured_search_text(self) -> str:
        """The offer's structured data in the words visitors search with: category, course
        type, cost, target groups and childcare, in the offer's language. A German original
        is shown to visitors of every language until it is translated, so its words are
        indexed in every language of the interface as well ("رعاية الأطفال" finds a German
        course with childcare)."""
        code = self.locale.language_code if self.locale_id else settings.LANGUAGE_CODE
        languages = [c for c, _name in settings.LANGUAGES] if code == DEFAULT_LANGUAGE else [code]
        groups = [group.name for group in self.target_groups.all()] if self.pk else []
        words: list[str] = []
        for language in languages:
            with translation.override(language):
                words.extend(str(label) for label in self._structured_labels())
                words.extend(translation.gettext(name) for name in groups)
        return " ".join(dict.fromkeys(words))

    def _structured_labels(self) -> list[object]:
        labels: list[object] = [self.get_category_display(), self.get_cost_display()]
        if self.course_type:
            labels.append(self.get_course_type_display())
        if self.childcare:
            labels += [_("Kinderbetreuung"), _("mit Kinderbetreuung")]
        return labels

    def is_stale(self, today: date | None = None) -> bool:
        return self.last_checked < review_limit(today)
