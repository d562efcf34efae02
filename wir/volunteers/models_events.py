"""Trainings and network meetings for volunteers, with registration and a waiting list.

The guarantees live in the database, as for shifts: `taken <= places` (a check
constraint; a registration raises the counter with a conditional `F("taken") + 1`, so the
one too many becomes a waiting-list place instead), and at most one standing registration
(registered or waiting) per person and event (a partial unique constraint).
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wir.core.models import Area, Region
from wir.privacy.registry import ERASE_DELETE, Retention, personal_data


class Gathering(models.Model):
    """A training (Schulung) or a network meeting (Netzwerktreffen) volunteers register for."""

    class Kind(models.TextChoices):
        TRAINING = "training", _("Schulung")
        MEETING = "meeting", _("Netzwerktreffen")

    region = models.ForeignKey(
        Region,
        on_delete=models.CASCADE,
        related_name="volunteer_gatherings",
        verbose_name=_("Region"),
    )
    network = models.ForeignKey(
        "volunteers.Network",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="gatherings",
        verbose_name=_("Netzwerk"),
    )
    kind = models.CharField(_("Art"), max_length=10, choices=Kind.choices, default=Kind.TRAINING)
    title = models.CharField(_("Titel"), max_length=140)
    description = models.TextField(_("Beschreibung"), blank=True)
    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, related_name="+", verbose_name=_("Ort (Kommune)")
    )
    location = models.CharField(_("Treffpunkt"), max_length=200)
    starts_at = models.DateTimeField(_("Beginn"))
    ends_at = models.DateTimeField(_("Ende"))
    places = models.PositiveSmallIntegerField(_("Plätze"), default=12)
    taken = models.PositiveSmallIntegerField(_("belegt"), default=0, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("Schulung oder Treffen")
        verbose_name_plural = _("Schulungen und Treffen")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(taken__lte=F("places")),
                name="gathering_no_overbooking",
                violation_error_message=_("Es sind mehr Personen angemeldet, als Plätze da sind."),
            ),
            models.CheckConstraint(
                condition=Q(places__gte=1),
                name="gathering_at_least_one_place",
                violation_error_message=_("Mindestens ein Platz."),
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="gathering_ends_after_start",
                violation_error_message=_("Das Ende muss nach dem Beginn liegen."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def free(self) -> int:
        return max(self.places - self.taken, 0)


@personal_data(
    fields=("volunteer",),
    purpose="Schulungen und Netzwerktreffen planen, Nachrücken von der Warteliste",
    legal_basis="Art. 6 Abs. 1 lit. a DSGVO (Einwilligung)",
    retention=Retention(
        months=24,
        since="gathering__ends_at",
        action=ERASE_DELETE,
        description="24 Monate nach der Veranstaltung",
    ),
    subject="volunteer__user",
    region="gathering__region",
    concerns="Ehrenamtliche",
)
class GatheringRegistration(models.Model):
    class Status(models.TextChoices):
        REGISTERED = "registered", _("angemeldet")
        WAITING = "waiting", _("auf der Warteliste")
        CANCELLED = "cancelled", _("abgemeldet")

    gathering = models.ForeignKey(Gathering, on_delete=models.CASCADE, related_name="registrations")
    volunteer = models.ForeignKey(
        "volunteers.Volunteer", on_delete=models.CASCADE, related_name="gathering_registrations"
    )
    status = models.CharField(_("Status"), max_length=12, choices=Status.choices)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    moved_up_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Anmeldung zu Schulung oder Treffen")
        verbose_name_plural = _("Anmeldungen zu Schulungen und Treffen")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["gathering", "volunteer"],
                condition=Q(status__in=["registered", "waiting"]),
                name="gathering_registration_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.gathering_id}:{self.volunteer_id}:{self.status}"
