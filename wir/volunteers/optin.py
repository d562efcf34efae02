"""The opt-in for mailings (Rundmails): a consent of its own in the privacy core.

`Volunteer.newsletter` mirrors the standing consent so that lists can show it; a mailing
goes only to volunteers with both (see `mailing.recipients`). Withdrawing the consent —
through the unsubscribe link, "Meine Daten" or the privacy core — clears the flag in the
same transaction.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from wir.accounts.models import User
from wir.core.models import Region
from wir.privacy import consent
from wir.privacy.models import Consent
from wir.volunteers.models import Volunteer

PURPOSE = "volunteers.mailings"
VERSION = "2026-12"
TEXT = _(
    "Ich möchte Rundmails der WIR-Koordination und meines Netzwerks über Einsätze, "
    "Schulungen und Treffen an meine E-Mail-Adresse erhalten. Ich kann mich jederzeit "
    "abmelden: mit dem Link in jeder Rundmail oder unter „Meine Daten“."
)


def _stop(user: User, region: Region | None, by: Any) -> None:
    found = Volunteer.objects.filter(user=user)
    if region is not None:
        found = found.filter(region=region)
    found.update(newsletter=False)


def register() -> None:
    consent.register_purpose(consent.Purpose(PURPOSE, VERSION, TEXT, on_withdraw=_stop))


def standing_consent() -> Exists:
    """For a Volunteer queryset: the person has a standing opt-in in the profile's region."""
    return Exists(
        Consent.objects.filter(
            user=OuterRef("user"),
            region=OuterRef("region"),
            text__purpose=PURPOSE,
            withdrawn_at__isnull=True,
        )
    )


def set_opt_in(volunteer: Volunteer, wanted: bool, *, by: Any) -> bool:
    """Give or withdraw the opt-in (inside the caller's transaction). True if it changed."""
    user = volunteer.user
    if user is None:
        return False
    standing = consent.current(user, PURPOSE, volunteer.region)
    changed = False
    if wanted and standing is None:
        consent.give(user, PURPOSE, volunteer.region, by=by)
        changed = True
    elif not wanted and standing is not None:
        consent.withdraw(user, PURPOSE, volunteer.region, by=by)
        changed = True
    Volunteer.objects.filter(pk=volunteer.pk).update(newsletter=wanted)
    volunteer.newsletter = wanted
    return changed
