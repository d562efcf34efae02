"""Users and their roles per region."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from wir.accounts.roles import Role


class User(AbstractUser):
    """A person who signs in: staff, partner, mediator or volunteer.

    Residents never need an account; the public site and API work without one.
    """

    email = models.EmailField(_("E-Mail-Adresse"), blank=True)

    class Meta(AbstractUser.Meta):
        verbose_name = _("Benutzerkonto")  # type: ignore[assignment]
        verbose_name_plural = _("Benutzerkonten")  # type: ignore[assignment]
        swappable = "AUTH_USER_MODEL"


class Membership(models.Model):
    """User U holds role R in region G. The only source of region permissions."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    region = models.ForeignKey("core.Region", on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("Rolle"), max_length=20, choices=Role.choices)
    languages = models.ManyToManyField(
        "core.Language",
        verbose_name=_("Sprachen"),
        blank=True,
        related_name="+",
        help_text=_("Nur für die Rolle Übersetzung: die Sprachen, die sie bearbeiten darf."),
    )
    granted_at = models.DateTimeField(_("vergeben am"), auto_now_add=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vergeben von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["region", "role", "user__username"]
        verbose_name = _("Rolle in einer Region")
        verbose_name_plural = _("Rollen in Regionen")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "region", "role"], name="membership_unique_role"
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values), name="membership_role_known"
            ),
        ]
        indexes = [models.Index(fields=["region", "role"])]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} ({self.region.slug})"

    @property
    def language_codes(self) -> str:
        """The assigned translation languages, for lists ("en, ar")."""
        return ", ".join(sorted(language.code for language in self.languages.all()))
