"""Mentorships (Patenschaften): pseudonymous households, mentorships and their check-ins.

A household is known by a code (e.g. HH-0007), its municipality, needs, languages, size,
whether minors live in it and free-text wishes without names; a name to address it by is
stored only with the household's recorded consent (`wir.privacy` Consent). The guarantees
live in the database: one active mentorship per household (a partial unique constraint),
an end never before the start, an active mentorship has no end and an ended one has.

Loaded from `wir.volunteers.models` (Django finds models there); this module refers to the
volunteer by the string "volunteers.Volunteer" so that it imports nothing of models.py.
Writes go through `mentorship_actions`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wir.core.models import Area, Language, Region
from wir.privacy.registry import ERASE_ANONYMISE, Retention, personal_data

# Months after which the free texts of finished mentorships are anonymised.
TEXT_RETENTION_MONTHS = 6


class Need(models.TextChoices):
    """What a household would like support with; codes shared with volunteers' interests."""

    ACCOMPANY = "accompany", _("Begleitung zu Ämtern und Ärzten")
    HOMEWORK = "homework", _("Schule und Hausaufgaben")
    LANGUAGE = "language", _("Deutsch üben")
    CHILDREN = "children", _("Kinderbetreuung")
    LEISURE = "leisure", _("Freizeit und Anschluss im Ort")
    HOUSING = "housing", _("Wohnungssuche")
    WORK = "work", _("Arbeit und Ausbildung")
    TRANSLATION = "translation", _("Übersetzen im Alltag")


@personal_data(
    fields=("wishes", "contact_name"),
    purpose="Patenschaften vermitteln und begleiten",
    legal_basis="Art. 6 Abs. 1 lit. e DSGVO; Name nur mit Einwilligung (lit. a)",
    retention=Retention(
        months=TEXT_RETENTION_MONTHS,
        since="closed_at",
        action=ERASE_ANONYMISE,
        description="Wünsche und Name sechs Monate nach Abschluss anonymisiert",
        applies=Q(status="closed"),
    ),
    subject=None,
    region="region",
    visible_to="Koordination der Region",
    concerns="Neuzugewanderte Haushalte (pseudonym)",
)
class Household(models.Model):
    """A newcomer household looking for a mentor, known by a pseudonymous code."""

    class Status(models.TextChoices):
        OPEN = "open", _("sucht Patenschaft")
        MATCHED = "matched", _("in Patenschaft")
        CLOSED = "closed", _("abgeschlossen")

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="households", verbose_name=_("Region")
    )
    code = models.CharField(_("Kennung"), max_length=20)
    municipality = models.ForeignKey(
        Area,
        # A municipality with households is not deleted, unless its region goes as a whole.
        on_delete=models.RESTRICT,
        related_name="+",
        verbose_name=_("Wohnort (Kommune)"),
    )
    needs = models.JSONField(_("Unterstützung bei"), default=list, blank=True)
    languages = models.ManyToManyField(Language, related_name="+", verbose_name=_("Sprachen"))
    size = models.PositiveSmallIntegerField(_("Personen im Haushalt"), default=1)
    has_minors = models.BooleanField(_("Kinder oder Jugendliche im Haushalt"), default=False)
    availability = models.JSONField(
        _("Gut erreichbar"),
        default=list,
        blank=True,
        help_text=_('Halbtage als Liste, z. B. ["0-am", "2-ev"] (0 = Montag).'),
    )
    wishes = models.TextField(_("Wünsche (ohne Namen)"), blank=True)
    contact_name = models.CharField(
        _("Ansprache (nur mit Einwilligung)"), max_length=80, blank=True
    )
    without_shared_language = models.BooleanField(
        _("auch ohne gemeinsame Sprache vermitteln"), default=False
    )
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("erfasst am"), default=timezone.now, editable=False)
    closed_at = models.DateTimeField(_("abgeschlossen am"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("Haushalt")
        verbose_name_plural = _("Haushalte")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["region", "code"], name="household_code_unique"),
            models.CheckConstraint(
                condition=Q(size__gte=1) & Q(size__lte=30), name="household_size_range"
            ),
        ]
        indexes = [models.Index(fields=["region", "status"])]

    def __str__(self) -> str:
        return self.code

    def need_labels(self) -> list[str]:
        labels = dict(Need.choices)
        return [str(labels[code]) for code in self.needs if code in labels]


@personal_data(
    fields=("goals", "end_note"),
    purpose="Patenschaften begleiten",
    legal_basis="Art. 6 Abs. 1 lit. e DSGVO",
    retention=Retention(
        months=TEXT_RETENTION_MONTHS,
        since="ended_on",
        action=ERASE_ANONYMISE,
        description="Ziele und Notizen sechs Monate nach dem Ende anonymisiert",
        applies=Q(status="ended"),
    ),
    subject="volunteer__user",
    region="household__region",
    visible_to="Koordination der Region; die Patin oder der Pate",
    concerns="Ehrenamtliche, neuzugewanderte Haushalte (pseudonym)",
)
class Mentorship(models.Model):
    """A volunteer accompanies a household from a start to an end."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("läuft")
        ENDED = "ended", _("beendet")

    class EndReason(models.TextChoices):
        GOALS_REACHED = "goals_reached", _("Ziele erreicht")
        MOVED = "moved", _("Haushalt weggezogen")
        NEW_MATCH_VOLUNTEER = "new_match_volunteer", _("neue Vermittlung, von der Patenseite")
        NEW_MATCH_HOUSEHOLD = "new_match_household", _("neue Vermittlung, für den Haushalt")
        NO_CONTACT = "no_contact", _("kein Kontakt mehr")
        OTHER = "other", _("anderer Grund")

    household = models.ForeignKey(
        Household, on_delete=models.CASCADE, related_name="mentorships", verbose_name=_("Haushalt")
    )
    volunteer = models.ForeignKey(
        "volunteers.Volunteer",
        on_delete=models.CASCADE,
        related_name="mentorships",
        verbose_name=_("Patin/Pate"),
    )
    started_on = models.DateField(_("Beginn"))
    goals = models.TextField(_("vereinbarte Ziele"), blank=True)
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    ended_on = models.DateField(_("Ende"), null=True, blank=True)
    end_reason = models.CharField(
        _("Grund des Endes"), max_length=30, choices=EndReason.choices, blank=True
    )
    end_note = models.TextField(_("Notiz zum Ende"), blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("Patenschaft")
        verbose_name_plural = _("Patenschaften")
        ordering = ["-started_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["household"],
                condition=Q(status="active"),
                name="mentorship_one_active_per_household",
            ),
            models.CheckConstraint(
                condition=(Q(status="active") & Q(ended_on__isnull=True))
                | (Q(status="ended") & Q(ended_on__gte=F("started_on"))),
                name="mentorship_end_after_start",
            ),
        ]
        indexes = [models.Index(fields=["volunteer", "status"])]

    def __str__(self) -> str:
        return f"{self.household_id}/{self.volunteer_id}"

    @property
    def active(self) -> bool:
        return self.status == self.Status.ACTIVE


@personal_data(
    fields=("notes",),
    purpose="Patenschaften begleiten",
    legal_basis="Art. 6 Abs. 1 lit. e DSGVO",
    retention=Retention(
        months=TEXT_RETENTION_MONTHS,
        since="mentorship__ended_on",
        action=ERASE_ANONYMISE,
        description="Notizen sechs Monate nach dem Ende der Patenschaft anonymisiert",
        applies=Q(mentorship__status="ended"),
    ),
    subject="mentorship__volunteer__user",
    region="mentorship__household__region",
    visible_to="Koordination der Region",
    concerns="Ehrenamtliche, neuzugewanderte Haushalte (pseudonym)",
)
class CheckIn(models.Model):
    """A scheduled conversation of the coordination with a mentorship: due, done, notes."""

    mentorship = models.ForeignKey(
        Mentorship, on_delete=models.CASCADE, related_name="checkins", verbose_name=_("Patenschaft")
    )
    due_on = models.DateField(_("fällig am"))
    done_on = models.DateField(_("geführt am"), null=True, blank=True)
    notes = models.TextField(_("Notizen"), blank=True)
    reminded_at = models.DateTimeField(_("erinnert am"), null=True, blank=True, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("Gespräch")
        verbose_name_plural = _("Gespräche")
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["done_on", "due_on"])]

    def __str__(self) -> str:
        return f"{self.mentorship_id} {self.due_on}"


class MentorCapacity(models.Model):
    """How many households a volunteer accompanies at most (1 while no row exists)."""

    volunteer = models.OneToOneField(
        "volunteers.Volunteer",
        on_delete=models.CASCADE,
        related_name="mentor_capacity",
        verbose_name=_("Person"),
    )
    max_mentorships = models.PositiveSmallIntegerField(_("höchstens Patenschaften"), default=1)

    class Meta:
        verbose_name = _("Patenschaften je Person")
        verbose_name_plural = _("Patenschaften je Person")
        constraints = [
            models.CheckConstraint(
                condition=Q(max_mentorships__lte=10), name="mentor_capacity_at_most_ten"
            )
        ]

    def __str__(self) -> str:
        return f"{self.volunteer_id}: {self.max_mentorships}"
