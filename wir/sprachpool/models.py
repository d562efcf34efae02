"""Language mediators, mediation requests and assignments (bookings).

The booking guarantee lives in the database: at most one accepted assignment per request
(a partial unique constraint) and no overlapping accepted assignments of one mediator
(an exclusion constraint on PostgreSQL, a trigger on SQLite; see migration 0001).
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from wir.core.models import Area, Language, Region
from wir.privacy.registry import ERASE_ANONYMISE, ERASE_DELETE, Retention, personal_data
from wir.sprachpool.tariff import Tariff

FEEDBACK_MONTHS = 12
MEDIATORS = _("Sprachmittler*innen")
COORDINATION = _("Koordination der Region")


class CefrLevel(models.TextChoices):
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2"
    C1 = "C1", "C1"
    C2 = "C2", "C2"
    NATIVE = "native", _("Muttersprache")


# Active mediators need at least B1 German.
GERMAN_LEVELS_FOR_ACTIVE = [
    CefrLevel.B1,
    CefrLevel.B2,
    CefrLevel.C1,
    CefrLevel.C2,
    CefrLevel.NATIVE,
]


class Gender(models.TextChoices):
    FEMALE = "f", _("weiblich")
    MALE = "m", _("männlich")
    DIVERSE = "d", _("divers")


@personal_data(
    fields=(
        "user",
        "status",
        "gender",
        "home_area",
        "confidentiality_signed_on",
        "certificate_valid_until",
        "training_completed_on",
    ),
    purpose=_("Sprachmittlung: Einsätze passend anbieten und abrechnen"),
    legal_basis=_("Art. 6 Abs. 1 lit. a DSGVO (Einwilligung bei der Anmeldung)"),
    # Kept while the consent stands; a withdrawal or an erasure pauses the record and
    # removes what points to the person. The code and the bookings stay for statements.
    retention=None,
    subject="user",
    anonymised={"status": "paused"},
    visible_to=COORDINATION,
    concerns=MEDIATORS,
)
class Mediator(ClusterableModel):
    """A language mediator of a region, known by a pseudonymous code."""

    class Status(models.TextChoices):
        APPLIED = "applied", _("beworben")
        ACTIVE = "active", _("aktiv")
        PAUSED = "paused", _("pausiert")

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="mediators", verbose_name=_("Region")
    )
    code = models.CharField(
        _("Kennung"),
        max_length=40,
        help_text=_("Pseudonyme Kennung, keine Namen."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mediator_profiles",
        verbose_name=_("Benutzerkonto"),
    )
    status = models.CharField(
        _("Status"), max_length=12, choices=Status.choices, default=Status.APPLIED
    )
    german_level = models.CharField(_("Deutschkenntnisse"), max_length=8, choices=CefrLevel.choices)
    max_travel_km = models.PositiveSmallIntegerField(_("maximale Anfahrt (km)"), default=20)
    # Where travel starts: a municipality, never an address (data minimisation).
    home_area = models.ForeignKey(
        Area,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Wohnort (Kommune)"),
    )
    areas = models.ManyToManyField(
        Area,
        blank=True,
        related_name="+",
        verbose_name=_("Einsatzgebiete"),
        help_text=_("Kommunen, in denen die Person vor Ort übersetzt; leer: alle im Umkreis."),
    )
    on_site = models.BooleanField(_("vor Ort"), default=True)
    phone = models.BooleanField(_("Telefon"), default=True)
    video = models.BooleanField(_("Video"), default=True)
    gender = models.CharField(
        _("Geschlecht"),
        max_length=1,
        choices=Gender.choices,
        blank=True,
        help_text=_("Freiwillig; nur genutzt, wenn eine Anfrage einen Wunsch angibt."),
    )
    confidentiality_signed_on = models.DateField(
        _("Verschwiegenheitserklärung unterschrieben am"), null=True, blank=True
    )
    certificate_valid_until = models.DateField(
        _("Führungszeugnis gültig bis"), null=True, blank=True
    )
    training_completed_on = models.DateField(_("Schulung abgeschlossen am"), null=True, blank=True)
    # The consent given with the sign-up is a `privacy.Consent` of the account (purpose
    # "sprachpool"), with the exact text version; see sprachpool/privacy.py.
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Sprachmittler*in")
        verbose_name_plural = _("Sprachmittler*innen")
        constraints = [
            models.UniqueConstraint(fields=["region", "code"], name="mediator_code_unique"),
            models.CheckConstraint(
                condition=~Q(status="active") | Q(german_level__in=GERMAN_LEVELS_FOR_ACTIVE),
                name="mediator_active_german_b1",
            ),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def modes(self) -> frozenset[str]:
        flags = {"on_site": self.on_site, "phone": self.phone, "video": self.video}
        return frozenset(mode for mode, on in flags.items() if on)


@personal_data(
    fields=("dialects",),
    purpose=_("Sprachmittlung: Einsätze passend anbieten"),
    legal_basis=_("Art. 6 Abs. 1 lit. a DSGVO (Einwilligung)"),
    retention=None,
    erase=ERASE_DELETE,
    subject="mediator__user",
    region="mediator__region",
    visible_to=COORDINATION,
    concerns=MEDIATORS,
)
class MediatorLanguage(models.Model):
    mediator = ParentalKey(
        Mediator, on_delete=models.CASCADE, related_name="languages", verbose_name=_("Person")
    )
    language = models.ForeignKey(
        Language, on_delete=models.PROTECT, related_name="+", verbose_name=_("Sprache")
    )
    level = models.CharField(_("Niveau"), max_length=8, choices=CefrLevel.choices)
    dialects = models.CharField(_("Dialekte"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("Sprache einer Sprachmittlung")
        verbose_name_plural = _("Sprachen einer Sprachmittlung")
        constraints = [
            models.UniqueConstraint(
                fields=["mediator", "language"], name="mediator_language_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.mediator_id}:{self.language_id}"


@personal_data(
    fields=("weekday", "start", "end"),
    purpose=_("Sprachmittlung: Einsätze passend anbieten"),
    legal_basis=_("Art. 6 Abs. 1 lit. a DSGVO (Einwilligung)"),
    retention=None,
    erase=ERASE_DELETE,
    subject="mediator__user",
    region="mediator__region",
    visible_to=COORDINATION,
    concerns=MEDIATORS,
)
class WeeklyAvailability(models.Model):
    """When a mediator can usually take appointments (wall-clock time of the region)."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Montag")
        TUESDAY = 1, _("Dienstag")
        WEDNESDAY = 2, _("Mittwoch")
        THURSDAY = 3, _("Donnerstag")
        FRIDAY = 4, _("Freitag")
        SATURDAY = 5, _("Samstag")
        SUNDAY = 6, _("Sonntag")

    mediator = ParentalKey(
        Mediator, on_delete=models.CASCADE, related_name="availability", verbose_name=_("Person")
    )
    weekday = models.PositiveSmallIntegerField(_("Wochentag"), choices=Weekday.choices)
    start = models.TimeField(_("von"))
    end = models.TimeField(_("bis"))

    class Meta:
        verbose_name = _("Verfügbarkeit")
        verbose_name_plural = _("Verfügbarkeiten")
        ordering = ["weekday", "start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=F("start")), name="availability_end_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.start:%H:%M}–{self.end:%H:%M}"


@personal_data(
    fields=("first_day", "last_day"),
    purpose=_("Sprachmittlung: Einsätze passend anbieten"),
    legal_basis=_("Art. 6 Abs. 1 lit. a DSGVO (Einwilligung)"),
    retention=None,
    erase=ERASE_DELETE,
    subject="mediator__user",
    region="mediator__region",
    visible_to=COORDINATION,
    concerns=MEDIATORS,
)
class Absence(models.Model):
    mediator = ParentalKey(
        Mediator, on_delete=models.CASCADE, related_name="absences", verbose_name=_("Person")
    )
    first_day = models.DateField(_("erster Tag"))
    last_day = models.DateField(_("letzter Tag"))

    class Meta:
        verbose_name = _("Abwesenheit")
        verbose_name_plural = _("Abwesenheiten")
        ordering = ["first_day"]
        constraints = [
            models.CheckConstraint(
                condition=Q(last_day__gte=F("first_day")), name="absence_last_not_before_first"
            )
        ]

    def __str__(self) -> str:
        return f"{self.first_day}–{self.last_day}"


class PoolRules(models.Model):
    """What a region decides for its pool (defaults apply while a region has none)."""

    region = models.OneToOneField(
        Region, on_delete=models.CASCADE, related_name="pool_rules", verbose_name=_("Region")
    )
    certificate_settings = models.CharField(
        _("Bereiche mit Führungszeugnis"),
        max_length=200,
        default="jugendamt,schule",
        blank=True,
        help_text=_("Kommagetrennte Bereiche, z. B. jugendamt,schule"),
    )
    allowance_limit = models.DecimalField(
        _("steuerfreie Jahresgrenze (€)"),
        max_digits=8,
        decimal_places=2,
        default=Decimal("960.00"),
        help_text=_("Ehrenamtspauschale nach § 3 Nr. 26a EStG"),
    )
    speed_kmh = models.PositiveSmallIntegerField(
        _("Reisegeschwindigkeit (km/h)"),
        default=40,
        help_text=_("Für die Anfahrtszeit: Tür zu Tür, Auto oder Bus"),
    )
    lead_time_days = models.PositiveSmallIntegerField(
        _("Vorlauf (Werktage)"),
        default=5,
        help_text=_("Mindestabstand zwischen Anfrage und Termin; dringende Anfragen ausgenommen"),
    )
    unserved_settings = models.CharField(
        _("Bereiche, die der Pool nicht bedient"),
        max_length=200,
        blank=True,
        help_text=_("Kommagetrennte Bereiche, z. B. jobcenter"),
    )
    tariff_per = models.CharField(
        _("Abrechnung"),
        max_length=12,
        choices=[("half_hour", _("je angefangene halbe Stunde")), ("appointment", _("je Einsatz"))],
        default="half_hour",
    )
    rate = models.DecimalField(
        _("Satz (€)"), max_digits=7, decimal_places=2, default=Decimal("10.00")
    )
    travel_per_km = models.DecimalField(
        _("Fahrtkosten je km (€)"), max_digits=5, decimal_places=2, default=Decimal("0.30")
    )
    minimum = models.DecimalField(
        _("Mindestbetrag je Einsatz (€)"), max_digits=7, decimal_places=2, default=Decimal("20.00")
    )
    cancellation_fee = models.DecimalField(
        _("Ausfallpauschale bei später Absage (€)"),
        max_digits=7,
        decimal_places=2,
        default=Decimal("15.00"),
    )
    late_cancellation_hours = models.PositiveSmallIntegerField(
        _("Absage gilt als spät unter (Stunden)"), default=24
    )
    retention_months = models.PositiveSmallIntegerField(
        _("Aktenzeichen und Hinweise löschen nach (Monaten)"),
        default=24,
        help_text=_("Nach dem Termin; die Zahlen für Berichte und Abrechnung bleiben."),
    )
    address_after_acceptance = models.BooleanField(
        _("Adresse erst nach Annahme zeigen"),
        default=True,
        help_text=_(
            "Angebote nennen nur die Kommune; die genaue Adresse sieht die Sprachmittlung, "
            "sobald sie den Einsatz übernommen hat."
        ),
    )
    client_cap = models.PositiveSmallIntegerField(
        _("höchstens Termine je Aktenzeichen und Jahr"),
        null=True,
        blank=True,
        help_text=_("Leer: keine Begrenzung"),
    )

    class Meta:
        verbose_name = _("Regeln des Sprachpools")
        verbose_name_plural = _("Regeln des Sprachpools")
        constraints = [
            models.CheckConstraint(condition=Q(speed_kmh__gt=0), name="pool_rules_speed_positive")
        ]

    def __str__(self) -> str:
        return str(self.region_id)

    @classmethod
    def for_region(cls, region_id: int) -> PoolRules:
        """The region's rules, or the defaults while it has stored none."""
        return cls.objects.filter(region_id=region_id).first() or cls(region_id=region_id)

    def tariff(self) -> Tariff:
        return Tariff(
            per=self.tariff_per,
            rate=self.rate,
            travel_per_km=self.travel_per_km,
            minimum=self.minimum,
            cancellation_fee=self.cancellation_fee,
            late_cancellation_hours=self.late_cancellation_hours,
        )


def _retention_months(region_id: int) -> int:
    return PoolRules.for_region(region_id).retention_months


@personal_data(
    fields=("client_reference", "notes", "address"),
    purpose=_("Sprachmittlung für Fachdienste vermitteln"),
    legal_basis=_("Art. 6 Abs. 1 lit. e DSGVO i. V. m. § 3 HDSIG"),
    retention=Retention(
        months=24,
        since="ends_at",
        months_for_region=_retention_months,
        action=ERASE_ANONYMISE,
        description=_(
            "Aktenzeichen, Hinweise und Adresse nach der Frist der Region (Regeln des Sprachpools) "
            "gelöscht; Zahlen für Berichte und Abrechnung bleiben"
        ),
    ),
    subject="requested_by",
    visible_to=_("Koordination der Region; die anfragende Stelle"),
    concerns=_("Klient*innen (pseudonym, Aktenzeichen); Mitarbeitende der Fachdienste"),
)
class MediationRequest(models.Model):
    """A request for a language mediator at a given time; the client stays pseudonymous."""

    class Mode(models.TextChoices):
        ON_SITE = "on_site", _("vor Ort")
        PHONE = "phone", _("Telefon")
        VIDEO = "video", _("Video")

    class Setting(models.TextChoices):
        YOUTH_OFFICE = "jugendamt", _("Jugendamt")
        HEALTH = "gesundheit", _("Gesundheit")
        SCHOOL = "schule", _("Schule")
        JOB_CENTRE = "jobcenter", _("Jobcenter")
        COUNSELLING = "beratung", _("Beratung")
        OTHER = "sonstiges", _("Sonstiges")

    class Status(models.TextChoices):
        OPEN = "open", _("offen")
        OFFERED = "offered", _("angeboten")
        BOOKED = "booked", _("vergeben")
        DONE = "done", _("erledigt")
        CANCELLED = "cancelled", _("abgesagt")

    region = models.ForeignKey(
        Region,
        on_delete=models.CASCADE,
        related_name="mediation_requests",
        verbose_name=_("Region"),
    )
    language = models.ForeignKey(
        Language, on_delete=models.PROTECT, related_name="+", verbose_name=_("Sprache")
    )
    dialect = models.CharField(_("Dialekt"), max_length=80, blank=True)
    starts_at = models.DateTimeField(_("Beginn"))
    ends_at = models.DateTimeField(_("Ende"))
    mode = models.CharField(_("Art"), max_length=10, choices=Mode.choices, default=Mode.ON_SITE)
    area = models.ForeignKey(
        Area,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Ort"),
    )
    setting = models.CharField(_("Bereich"), max_length=12, choices=Setting.choices)
    urgent = models.BooleanField(_("dringend"), default=False)
    gender_preference = models.CharField(
        _("Wunsch Geschlecht"), max_length=1, choices=Gender.choices, blank=True
    )
    address = models.CharField(
        _("Adresse des Termins"),
        max_length=200,
        blank=True,
        help_text=_("Wo der Termin stattfindet, z. B. Dienststelle, Straße, Raum."),
    )
    notes = models.CharField(
        _("Hinweise"),
        max_length=300,
        blank=True,
        help_text=_("Für die Sprachmittlung, z. B. Raum oder Thema; keine Namen."),
    )
    cancel_reason = models.CharField(_("Grund der Absage"), max_length=200, blank=True)
    client_reference = models.CharField(
        _("Aktenzeichen"),
        max_length=40,
        blank=True,
        help_text=_("Pseudonymes Zeichen der Stelle, keine Namen."),
    )
    status = models.CharField(
        _("Status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="mediation_requests",
        verbose_name=_("angefragt von"),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("Anfrage Sprachmittlung")
        verbose_name_plural = _("Anfragen Sprachmittlung")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="mediation_request_ends_after_start"
            )
        ]
        indexes = [models.Index(fields=["region", "status", "starts_at"])]

    def __str__(self) -> str:
        return f"#{self.pk} {self.starts_at:%Y-%m-%d %H:%M}"


@personal_data(
    fields=("cancel_reason", "mediator_comment", "department_comment"),
    purpose=_("Einsätze abrechnen; Rückmeldungen zur Qualität"),
    legal_basis=_("Art. 6 Abs. 1 lit. a und e DSGVO"),
    retention=Retention(
        months=FEEDBACK_MONTHS,
        since="ends_at",
        action=ERASE_ANONYMISE,
        description=_("Rückmeldungen und Absagegründe 12 Monate nach dem Termin gelöscht"),
    ),
    subject="mediator__user",
    region="request__region",
    visible_to=COORDINATION,
    concerns=MEDIATORS,
)
class Assignment(models.Model):
    """An offer of a request to one mediator; once accepted, it is a booking."""

    class Status(models.TextChoices):
        OFFERED = "offered", _("angeboten")
        ACCEPTED = "accepted", _("angenommen")
        DECLINED = "declined", _("abgelehnt")
        EXPIRED = "expired", _("verfallen")
        CANCELLED = "cancelled", _("abgesagt")
        DONE = "done", _("erledigt")

    request = models.ForeignKey(
        MediationRequest,
        on_delete=models.CASCADE,
        related_name="assignments",
        verbose_name=_("Anfrage"),
    )
    mediator = models.ForeignKey(
        Mediator, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("Person")
    )
    # Copied from the request when offered, so that the overlap guarantee needs no join.
    starts_at = models.DateTimeField(_("Beginn"))
    ends_at = models.DateTimeField(_("Ende"))
    travel_before_minutes = models.PositiveSmallIntegerField(_("Anfahrt (Minuten)"), default=0)
    travel_after_minutes = models.PositiveSmallIntegerField(_("Rückfahrt (Minuten)"), default=0)
    status = models.CharField(
        _("Status"), max_length=12, choices=Status.choices, default=Status.OFFERED
    )
    cancel_reason = models.CharField(_("Grund der Absage"), max_length=200, blank=True)
    # After the appointment: what the mediator reports, what the department confirms.
    actual_minutes = models.PositiveSmallIntegerField(_("tatsächliche Dauer (Minuten)"), null=True)
    travel_km = models.DecimalField(
        _("gefahrene km (hin und zurück)"), max_digits=6, decimal_places=1, null=True
    )
    mediator_confirmed_at = models.DateTimeField(null=True, blank=True, editable=False)
    department_confirmed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Feedback of both sides (optional; no names).
    mediator_rating = models.PositiveSmallIntegerField(_("Bewertung der Sprachmittlung"), null=True)
    mediator_comment = models.CharField(
        _("Rückmeldung der Sprachmittlung"), max_length=300, blank=True
    )
    department_rating = models.PositiveSmallIntegerField(_("Bewertung der Stelle"), null=True)
    department_comment = models.CharField(_("Rückmeldung der Stelle"), max_length=300, blank=True)
    allowance = models.DecimalField(
        _("Aufwandsentschädigung (€)"), max_digits=8, decimal_places=2, null=True, editable=False
    )
    offered_at = models.DateTimeField(default=timezone.now, editable=False)
    responded_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Einsatz")
        verbose_name_plural = _("Einsätze")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="assignment_ends_after_start"
            ),
            models.UniqueConstraint(
                fields=["request"],
                condition=Q(status__in=["accepted", "done"]),
                name="assignment_one_booking_per_request",
            ),
            models.UniqueConstraint(
                fields=["request", "mediator"], name="assignment_one_offer_per_mediator"
            ),
            models.CheckConstraint(
                condition=Q(mediator_rating__isnull=True)
                | Q(mediator_rating__gte=1, mediator_rating__lte=5),
                name="assignment_mediator_rating_1_5",
            ),
            models.CheckConstraint(
                condition=Q(department_rating__isnull=True)
                | Q(department_rating__gte=1, department_rating__lte=5),
                name="assignment_department_rating_1_5",
            ),
        ]
        indexes = [models.Index(fields=["mediator", "status", "starts_at"])]

    def __str__(self) -> str:
        return f"#{self.pk} {self.status}"
