"""Volunteers, their networks, opportunities and shifts, police certificates and hours.

The guarantees live in the database (see migration 0001 and `guard.py`):

- no overbooking: `Shift.taken <= Shift.places` (a check constraint; the sign-up action
  raises the counter with `F("taken") + 1`, so the database refuses the one too many);
- no two signed-up shifts of one person overlap: an exclusion constraint over
  `tstzrange(starts_at, ends_at)` on PostgreSQL, a trigger on SQLite;
- nobody signs up twice for one shift (a partial unique constraint);
- a sign-up for an activity with minors names the police certificate it relies on
  (a check constraint; the action checks that the certificate is valid on the day).

Interests and skills are rows of `VolunteerTag` (kind + code from the choices below), so
that mailings and reports filter them in SQL on SQLite and PostgreSQL alike; the
`Volunteer.interests` / `.skills` properties give them as plain lists. Availability is a
JSON list of half-day codes `"<weekday 0-6>-<part>"` with part `am`, `pm` or `ev`
(morning, afternoon, evening): `["0-am", "2-ev"]`.
"""

from __future__ import annotations

import secrets
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wir.core.models import Area, Language, Region
from wir.privacy.registry import ERASE_ANONYMISE, ERASE_DELETE, Retention, personal_data


class Interest(models.TextChoices):
    ACCOMPANY = "accompany", _("Begleitung zu Ämtern und Ärzten")
    HOMEWORK = "homework", _("Hausaufgabenhilfe und Lernen")
    LANGUAGE = "language", _("Deutsch üben, Sprachcafé")
    MENTORSHIP = "mentorship", _("Patenschaft für eine Familie")
    CHILDREN = "children", _("Kinderbetreuung")
    LEISURE = "leisure", _("Freizeit, Sport und Ausflüge")
    HOUSING = "housing", _("Wohnungssuche")
    WORK = "work", _("Arbeit und Ausbildung")
    TRANSLATION = "translation", _("Dolmetschen im Alltag")
    EVENTS = "events", _("Feste und Veranstaltungen")
    DONATIONS = "donations", _("Kleiderkammer und Spenden")
    DRIVING = "driving", _("Fahrdienste")


class Skill(models.TextChoices):
    DRIVING_LICENCE = "driving_licence", _("Führerschein")
    CAR = "car", _("eigenes Auto")
    TEACHING = "teaching", _("Pädagogik, Unterrichten")
    CRAFTS = "crafts", _("Handwerk, Reparieren")
    COMPUTERS = "computers", _("Computer und Formulare")
    FIRST_AID = "first_aid", _("Erste Hilfe")
    COOKING = "cooking", _("Kochen")
    MUSIC_ART = "music_art", _("Musik, Kunst")
    SPORTS = "sports", _("Sport")
    ADMINISTRATION = "administration", _("Behörden- und Rechtskenntnisse")
    HEALTH = "health", _("Pflege, Gesundheit")


class DayPart(models.TextChoices):
    MORNING = "am", _("vormittags")
    AFTERNOON = "pm", _("nachmittags")
    EVENING = "ev", _("abends")


WEEKDAYS = [
    _("Montag"),
    _("Dienstag"),
    _("Mittwoch"),
    _("Donnerstag"),
    _("Freitag"),
    _("Samstag"),
    _("Sonntag"),
]
HALF_DAY_CODES = [f"{day}-{part}" for day in range(7) for part in DayPart.values]


def new_token() -> str:
    return secrets.token_urlsafe(24)


class VolunteerRules(models.Model):
    """What a region decides for its volunteers (defaults apply while it has none)."""

    region = models.OneToOneField(
        Region, on_delete=models.CASCADE, related_name="volunteer_rules", verbose_name=_("Region")
    )
    retention_months = models.PositiveSmallIntegerField(
        _("Inaktive Profile anonymisieren nach (Monaten)"),
        default=24,
        help_text=_("Gerechnet ab der letzten Aktivität."),
    )
    unconfirmed_days = models.PositiveSmallIntegerField(
        _("Unbestätigte Anmeldungen löschen nach (Tagen)"), default=7
    )
    certificate_valid_years = models.PositiveSmallIntegerField(
        _("Führungszeugnis gilt (Jahre)"), default=5
    )
    certificate_max_age_months = models.PositiveSmallIntegerField(
        _("Führungszeugnis höchstens so alt bei Einsicht (Monate)"), default=3
    )
    certificate_reminder_days = models.PositiveSmallIntegerField(
        _("Erinnerung vor Ablauf des Führungszeugnisses (Tage)"), default=60
    )
    card_hours_per_week = models.DecimalField(
        _("Ehrenamts-Card: Stunden je Woche"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("5"),
    )
    card_hours_per_year = models.DecimalField(
        _("Ehrenamts-Card: oder Stunden je Jahr"),
        max_digits=6,
        decimal_places=2,
        default=Decimal("250"),
    )
    card_years = models.PositiveSmallIntegerField(_("Ehrenamts-Card: seit Jahren"), default=5)

    class Meta:
        verbose_name = _("Regeln für das Ehrenamt")
        verbose_name_plural = _("Regeln für das Ehrenamt")
        constraints = [
            models.CheckConstraint(
                condition=Q(certificate_valid_years__gt=0), name="volunteer_rules_validity_positive"
            )
        ]

    def __str__(self) -> str:
        return str(self.region_id)

    @classmethod
    def for_region(cls, region_id: int) -> VolunteerRules:
        """The region's rules, or the defaults while it has stored none."""
        return cls.objects.filter(region_id=region_id).first() or cls(region_id=region_id)


def _retention_months(region_id: int) -> int:
    return VolunteerRules.for_region(region_id).retention_months


@personal_data(
    fields=("name", "phone", "notes", "availability"),
    purpose="Ehrenamtliche Einsätze, Netzwerke und Patenschaften koordinieren",
    legal_basis="Art. 6 Abs. 1 lit. a DSGVO (Einwilligung)",
    retention=Retention(
        months=24,
        since="last_active_at",
        action=ERASE_ANONYMISE,
        description="Anonymisiert 24 Monate (Regel der Region) nach der letzten Aktivität",
        months_for_region=_retention_months,
        applies=~Q(status="anonymised"),
    ),
    subject="user",
    anonymised={"availability": []},
    visible_to="Koordination der Region, Koordination des eigenen Netzwerks",
    concerns="Ehrenamtliche",
)
class Volunteer(models.Model):
    """A volunteer of a region, known to others by a pseudonymous code."""

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("E-Mail noch nicht bestätigt")
        REGISTERED = "registered", _("angemeldet, wartet auf Begrüßung")
        ACTIVE = "active", _("aktiv")
        PAUSED = "paused", _("pausiert")
        LEFT = "left", _("ausgeschieden")
        ANONYMISED = "anonymised", _("anonymisiert")

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="volunteers", verbose_name=_("Region")
    )
    code = models.CharField(
        _("Kennung"), max_length=40, help_text=_("Pseudonyme Kennung, z. B. EA-017.")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="volunteer_profiles",
        verbose_name=_("Benutzerkonto"),
    )
    name = models.CharField(
        _("Ansprache"),
        max_length=100,
        blank=True,
        help_text=_("Wie die Person angesprochen werden möchte (Vorname genügt)."),
    )
    phone = models.CharField(_("Telefon (freiwillig)"), max_length=40, blank=True)
    # Where the person lives: a municipality, never an address (data minimisation).
    municipality = models.ForeignKey(
        Area,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Wohnort (Kommune)"),
    )
    languages = models.ManyToManyField(
        Language, blank=True, related_name="+", verbose_name=_("Sprachen")
    )
    availability = models.JSONField(
        _("Verfügbarkeit"),
        default=list,
        blank=True,
        help_text=_('Halbtage als Liste, z. B. ["0-am", "2-ev"] (0 = Montag).'),
    )
    works_with_minors = models.BooleanField(
        _("mag mit Kindern und Jugendlichen arbeiten"), default=False
    )
    status = models.CharField(
        _("Status"), max_length=12, choices=Status.choices, default=Status.UNCONFIRMED
    )
    newsletter = models.BooleanField(_("möchte Rundmails erhalten"), default=False)
    notes = models.TextField(_("Notizen der Koordination"), blank=True)
    created_at = models.DateTimeField(_("angemeldet am"), default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(_("E-Mail bestätigt am"), null=True, blank=True)
    welcomed_at = models.DateTimeField(_("begrüßt am"), null=True, blank=True)
    last_active_at = models.DateTimeField(_("zuletzt aktiv"), default=timezone.now)
    # Double opt-in: only the hash of the link's token is kept.
    confirmation_hash = models.CharField(max_length=64, blank=True, editable=False)
    # The personal calendar feed's secret (a capability URL; renewable).
    calendar_token = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("Ehrenamtliche*r")
        verbose_name_plural = _("Ehrenamtliche")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["region", "code"], name="volunteer_code_unique"),
            models.UniqueConstraint(
                fields=["region", "user"],
                condition=Q(user__isnull=False),
                name="volunteer_one_profile_per_region",
            ),
            models.UniqueConstraint(
                fields=["calendar_token"],
                condition=~Q(calendar_token=""),
                name="volunteer_calendar_token",
            ),
        ]
        indexes = [
            models.Index(fields=["region", "status"]),
            models.Index(fields=["confirmation_hash"]),
        ]

    def __str__(self) -> str:
        return self.code

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.calendar_token:
            self.calendar_token = new_token()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "calendar_token"}
        super().save(*args, **kwargs)

    def _tags(self, kind: str) -> list[str]:
        return sorted(tag.code for tag in self.tags.all() if tag.kind == kind)

    @property
    def interests(self) -> list[str]:
        return self._tags(VolunteerTag.Kind.INTEREST)

    @property
    def skills(self) -> list[str]:
        return self._tags(VolunteerTag.Kind.SKILL)

    @property
    def interest_labels(self) -> list[str]:
        return [str(Interest(code).label) for code in self.interests if code in Interest.values]

    @property
    def skill_labels(self) -> list[str]:
        return [str(Skill(code).label) for code in self.skills if code in Skill.values]

    @property
    def availability_labels(self) -> list[str]:
        labels = []
        for code in self.availability:
            day, _sep, part = str(code).partition("-")
            if day.isdigit() and int(day) < len(WEEKDAYS) and part in DayPart.values:
                labels.append(f"{WEEKDAYS[int(day)]} {DayPart(part).label}")
        return labels


class VolunteerTag(models.Model):
    """One interest or skill of a volunteer (codes from `Interest` and `Skill`)."""

    class Kind(models.TextChoices):
        INTEREST = "interest", _("Interesse")
        SKILL = "skill", _("Fähigkeit")

    volunteer = models.ForeignKey(
        Volunteer, on_delete=models.CASCADE, related_name="tags", verbose_name=_("Person")
    )
    kind = models.CharField(_("Art"), max_length=10, choices=Kind.choices)
    code = models.CharField(_("Wert"), max_length=30)

    class Meta:
        verbose_name = _("Interesse oder Fähigkeit")
        verbose_name_plural = _("Interessen und Fähigkeiten")
        constraints = [
            models.UniqueConstraint(
                fields=["volunteer", "kind", "code"], name="volunteer_tag_unique"
            )
        ]
        indexes = [models.Index(fields=["kind", "code"])]

    def __str__(self) -> str:
        return f"{self.kind}:{self.code}"


class Network(models.Model):
    """A volunteer network of a municipality: a Helferkreis or a Patennetzwerk."""

    class Kind(models.TextChoices):
        HELPERS = "helpers", _("Helferkreis")
        MENTORS = "mentors", _("Patennetzwerk")

    region = models.ForeignKey(
        Region,
        on_delete=models.CASCADE,
        related_name="volunteer_networks",
        verbose_name=_("Region"),
    )
    municipality = models.ForeignKey(
        Area, on_delete=models.PROTECT, related_name="+", verbose_name=_("Kommune")
    )
    kind = models.CharField(_("Art"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("Name"), max_length=120)
    description = models.TextField(_("Beschreibung"), blank=True)
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="coordinated_volunteer_networks",
        verbose_name=_("Koordination (Konten)"),
    )
    members = models.ManyToManyField(
        Volunteer, blank=True, related_name="networks", verbose_name=_("Mitglieder")
    )
    # Plain names for now; the actors directory (network module) will offer links.
    partner_organisations = models.TextField(
        _("Partnerorganisationen"), blank=True, help_text=_("Eine Organisation je Zeile.")
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("Netzwerk")
        verbose_name_plural = _("Netzwerke")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="volunteer_network_name_unique")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def partner_list(self) -> list[str]:
        return [line.strip() for line in self.partner_organisations.splitlines() if line.strip()]


class Opportunity(models.Model):
    """Something volunteers can help with (Einsatzstelle), with shifts to sign up for."""

    region = models.ForeignKey(
        Region,
        on_delete=models.CASCADE,
        related_name="volunteer_opportunities",
        verbose_name=_("Region"),
    )
    network = models.ForeignKey(
        Network,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="opportunities",
        verbose_name=_("Netzwerk"),
    )
    title = models.CharField(_("Titel"), max_length=140)
    description = models.TextField(_("Beschreibung"))
    area = models.ForeignKey(
        Area,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("Ort (Kommune oder Ortsteil)"),
    )
    interest = models.CharField(_("Bereich"), max_length=30, choices=Interest.choices, blank=True)
    needs = models.TextField(
        _("Was wir brauchen"), blank=True, help_text=_("z. B. Führerschein, Geduld, Arabisch")
    )
    languages = models.ManyToManyField(
        Language, blank=True, related_name="+", verbose_name=_("gewünschte Sprachen")
    )
    with_minors = models.BooleanField(
        _("mit Kindern oder Jugendlichen"),
        default=False,
        help_text=_("Dann nur mit gültigem erweitertem Führungszeugnis (§ 72a SGB VIII)."),
    )
    organiser = models.CharField(
        _("Veranstaltet von"), max_length=140, help_text=_("Organisation oder Rolle, keine Namen.")
    )
    published = models.BooleanField(_("veröffentlicht"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("angelegt von"),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Einsatzmöglichkeit")
        verbose_name_plural = _("Einsatzmöglichkeiten")
        ordering = ["title"]
        indexes = [models.Index(fields=["region", "published"])]

    def __str__(self) -> str:
        return self.title


class Shift(models.Model):
    """A time slot of an opportunity with a number of places."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("geplant")
        CANCELLED = "cancelled", _("abgesagt")

    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="shifts", verbose_name=_("Einsatz")
    )
    starts_at = models.DateTimeField(_("Beginn"))
    ends_at = models.DateTimeField(_("Ende"))
    places = models.PositiveSmallIntegerField(_("Plätze"), default=1)
    # Kept by the sign-up actions (F expressions); the check constraint refuses overbooking.
    taken = models.PositiveSmallIntegerField(_("belegt"), default=0, editable=False)
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED
    )
    note = models.CharField(_("Hinweis"), max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Schicht")
        verbose_name_plural = _("Schichten")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="shift_ends_after_start"
            ),
            models.CheckConstraint(condition=Q(places__gte=1), name="shift_at_least_one_place"),
            models.CheckConstraint(
                condition=Q(taken__lte=F("places")), name="shift_not_overbooked"
            ),
        ]
        indexes = [
            models.Index(fields=["opportunity", "starts_at"]),
            models.Index(fields=["starts_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.opportunity_id} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def free(self) -> int:
        return max(0, self.places - self.taken)


@personal_data(
    fields=("issued_on", "inspected_on", "disqualifying"),
    purpose="Einsicht in das erweiterte Führungszeugnis nach § 72a SGB VIII",
    legal_basis="§ 72a Abs. 5 SGB VIII",
    retention=Retention(
        months=0,
        since="delete_after",
        action=ERASE_DELETE,
        description="Gelöscht drei Monate nach Ende der Tätigkeit mit Minderjährigen",
    ),
    subject="volunteer__user",
    region="volunteer__region",
    visible_to="Koordination der Region",
    concerns="Ehrenamtliche in der Kinder- und Jugendarbeit",
    sensitive=True,
)
class PoliceCertificate(models.Model):
    """That an extended police certificate was inspected: only the facts § 72a allows."""

    volunteer = models.ForeignKey(
        Volunteer,
        on_delete=models.CASCADE,
        related_name="certificates",
        verbose_name=_("Person"),
    )
    inspected_on = models.DateField(_("eingesehen am"))
    issued_on = models.DateField(_("ausgestellt am"))
    disqualifying = models.BooleanField(
        _("enthält eine Eintragung nach § 72a Abs. 1 SGB VIII"), default=False
    )
    delete_after = models.DateField(_("löschen nach"))

    class Meta:
        verbose_name = _("Einsicht Führungszeugnis")
        verbose_name_plural = _("Einsichten Führungszeugnis")
        ordering = ["-issued_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(inspected_on__gte=F("issued_on")),
                name="certificate_inspected_after_issue",
            )
        ]

    def __str__(self) -> str:
        return f"{self.volunteer_id} {self.issued_on}"

    def valid_until(self, valid_years: int) -> date:
        return self.issued_on + relativedelta(years=valid_years)

    def is_valid_on(self, day: date, valid_years: int) -> bool:
        return not self.disqualifying and self.issued_on <= day < self.valid_until(valid_years)


@personal_data(
    fields=("volunteer",),
    purpose="Schichten planen und Ehrenamtliche erinnern",
    legal_basis="Art. 6 Abs. 1 lit. a DSGVO (Einwilligung)",
    retention=Retention(
        months=24, since="ends_at", action=ERASE_DELETE, description="24 Monate nach der Schicht"
    ),
    subject="volunteer__user",
    region="shift__opportunity__region",
    concerns="Ehrenamtliche",
)
class ShiftSignup(models.Model):
    """A volunteer's place in a shift."""

    class Status(models.TextChoices):
        SIGNED_UP = "signed_up", _("angemeldet")
        CANCELLED = "cancelled", _("abgemeldet")
        SHIFT_CANCELLED = "shift_cancelled", _("Schicht abgesagt")

    shift = models.ForeignKey(
        Shift, on_delete=models.CASCADE, related_name="signups", verbose_name=_("Schicht")
    )
    volunteer = models.ForeignKey(
        Volunteer, on_delete=models.CASCADE, related_name="signups", verbose_name=_("Person")
    )
    # Copied from the shift, so that the overlap guarantee needs no join.
    starts_at = models.DateTimeField(_("Beginn"))
    ends_at = models.DateTimeField(_("Ende"))
    with_minors = models.BooleanField(_("mit Minderjährigen"), default=False)
    certificate = models.ForeignKey(
        PoliceCertificate,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Führungszeugnis"),
    )
    status = models.CharField(
        _("Status"), max_length=16, choices=Status.choices, default=Status.SIGNED_UP
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Anmeldung zu einer Schicht")
        verbose_name_plural = _("Anmeldungen zu Schichten")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="signup_ends_after_start"
            ),
            models.UniqueConstraint(
                fields=["shift", "volunteer"],
                condition=Q(status="signed_up"),
                name="signup_once_per_shift",
            ),
            models.CheckConstraint(
                condition=~Q(status="signed_up", with_minors=True) | Q(certificate__isnull=False),
                name="signup_minors_need_certificate",
            ),
        ]
        indexes = [
            models.Index(fields=["volunteer", "status", "starts_at"]),
            models.Index(fields=["shift", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.shift_id}:{self.volunteer_id} {self.status}"


@personal_data(
    fields=("activity",),
    purpose="Ehrenamtliche Stunden nachweisen (Ehrenamtsnachweis, Ehrenamts-Card)",
    legal_basis="Art. 6 Abs. 1 lit. a DSGVO (Einwilligung)",
    retention=Retention(
        months=72, since="date", action=ERASE_DELETE, description="6 Jahre nach dem Einsatz"
    ),
    subject="volunteer__user",
    region="volunteer__region",
    concerns="Ehrenamtliche",
)
class HoursEntry(models.Model):
    """Hours a volunteer gave on one day; counted once approved by coordination."""

    volunteer = models.ForeignKey(
        Volunteer, on_delete=models.CASCADE, related_name="hours", verbose_name=_("Person")
    )
    date = models.DateField(_("Datum"))
    hours = models.DecimalField(_("Stunden"), max_digits=4, decimal_places=2)
    activity = models.CharField(_("Tätigkeit"), max_length=200)
    shift = models.ForeignKey(
        Shift,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hours",
        verbose_name=_("Schicht"),
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bestätigt von"),
    )
    approved_at = models.DateTimeField(_("bestätigt am"), null=True, blank=True)
    rejected_reason = models.CharField(_("nicht bestätigt, weil"), max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("Stunden")
        verbose_name_plural = _("Stunden")
        ordering = ["-date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gt=0) & Q(hours__lte=24), name="hours_between_0_and_24"
            ),
            models.UniqueConstraint(
                fields=["volunteer", "shift"],
                condition=Q(shift__isnull=False),
                name="hours_once_per_shift",
            ),
        ]
        indexes = [models.Index(fields=["volunteer", "date"])]

    def __str__(self) -> str:
        return f"{self.volunteer_id} {self.date} {self.hours}"

    @property
    def approved(self) -> bool:
        return self.approved_at is not None


class ReminderSent(models.Model):
    """Which reminder went out, so that the daily job sends each one once (idempotent)."""

    kind = models.CharField(max_length=30)
    key = models.CharField(max_length=80)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("versandte Erinnerung")
        verbose_name_plural = _("versandte Erinnerungen")
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="reminder_once")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.key}"


def certificate_delete_after(issued_on: date, valid_years: int) -> date:
    """Latest day a certificate's facts are kept: 3 months after it stops being usable."""
    return issued_on + relativedelta(years=valid_years) + timedelta(days=92)


# Mentorships (Patenschaften) live in their own module; importing it here registers them.
from wir.volunteers.models_events import Gathering, GatheringRegistration  # noqa: E402, F401
from wir.volunteers.models_mailing import Mailing, MailingDelivery  # noqa: E402, F401
from wir.volunteers.models_mentorship import (  # noqa: E402, F401
    CheckIn,
    Household,
    MentorCapacity,
    Mentorship,
)
