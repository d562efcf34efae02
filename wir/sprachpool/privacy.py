"""The Sprachpool's use of the privacy core: the mediators' consent and its withdrawal.

A mediator consents at sign-up (`signup.py`) to the text below. Withdrawing it (from their
own page, or by coordination on their behalf) ends their part in the pool of that region:
open offers are declined, future bookings cancelled (their requests open again), the pool
record is paused and stripped of what points to the person (per the declarations in
`models.py`: account link, gender, home, documents' dates; languages, times and absences
deleted), and the mediator role in the region is revoked. The pseudonymous code and past
bookings stay for statements and reports.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wir.accounts.actions import revoke_role
from wir.accounts.models import User
from wir.accounts.roles import Role
from wir.core.models import Region
from wir.privacy import consent
from wir.privacy.registry import declaration_of
from wir.privacy.subject import erase_records
from wir.sprachpool import actions
from wir.sprachpool.models import (
    Absence,
    Assignment,
    Mediator,
    MediatorLanguage,
    WeeklyAvailability,
)

PURPOSE = "sprachpool"
CONSENT_VERSION = "2026-12"
CONSENT_TEXT = _(
    "Ich willige ein, dass die WIR-Koordination meine Angaben (Sprachen, Einsatzarten, "
    "Wohnort als Kommune, Verfügbarkeit, freiwillig Geschlecht) speichert, um mir Einsätze "
    "anzubieten. Auftraggebende sehen nur meine Kennung. Ich kann die Einwilligung jederzeit "
    "widerrufen; dann werden meine Angaben gelöscht, soweit keine Abrechnung sie braucht."
)
WITHDRAWN = "Einwilligung widerrufen"
POOL_RECORDS = (Mediator, MediatorLanguage, WeeklyAvailability, Absence)


def end_participation(user: User, region: Region | None, by: Any) -> None:
    """What a withdrawal of the Sprachpool consent does (called inside its transaction)."""
    profiles = Mediator.objects.filter(user=user)
    if region is not None:
        profiles = profiles.filter(region=region)
    upcoming = list(
        Assignment.objects.filter(
            mediator__in=profiles,
            status__in=[Assignment.Status.OFFERED, Assignment.Status.ACCEPTED],
            starts_at__gt=timezone.now(),
        ).values_list("pk", "status")
    )
    for pk, _status in upcoming:
        # The action tells the department after commit and searches again.
        actions.cancel_assignment(pk, user, WITHDRAWN)
    chosen = [d for model in POOL_RECORDS if (d := declaration_of(model)) is not None]
    erase_records(user, chosen, region, by=by, reason=WITHDRAWN)
    regions = (
        [region] if region is not None else list(Region.objects.filter(memberships__user=user))
    )
    for each in regions:
        revoke_role(None, user, each, Role.MEDIATOR)


def register() -> None:
    consent.register_purpose(
        consent.Purpose(PURPOSE, CONSENT_VERSION, CONSENT_TEXT, on_withdraw=end_participation)
    )
