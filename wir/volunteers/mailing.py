"""Mailings (Rundmails): who receives one, sending it once, and unsubscribing.

- `recipients` — volunteers of the region (registered or active) with a standing opt-in
  (`optin`), an address, and the chosen network / interest / municipality;
- `send_mailing` — the action: one transaction writes the mailing, one delivery row per
  recipient and the audit event; the mails go out after commit. The form's one-time key
  makes a retried POST find the first mailing: nobody gets a mail twice;
- `unsubscribe` — the one-click link (a signed token, no sign-in) withdraws the opt-in.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from wir.accounts.permissions import AnyUser, can
from wir.accounts.roles import Perm
from wir.core.models import Area, Region
from wir.privacy import audit
from wir.privacy.models import AuditAction
from wir.volunteers import notify, optin
from wir.volunteers.actions import Refused
from wir.volunteers.models import Interest, Network, Volunteer, VolunteerTag
from wir.volunteers.models_mailing import Mailing, MailingDelivery
from wir.volunteers.queries import coordinates

UNSUBSCRIBE_SALT = "volunteers.mailings.unsubscribe"
RECEIVING = (Volunteer.Status.REGISTERED, Volunteer.Status.ACTIVE)


@dataclass(frozen=True)
class Audience:
    """To whom: everyone who opted in, narrowed by a network, an interest, a municipality."""

    network: Network | None = None
    interest: str = ""
    municipality: Area | None = None

    def describe(self) -> str:
        parts = []
        if self.network is not None:
            parts.append(_("Netzwerk: %(name)s") % {"name": self.network.name})
        if self.interest:
            parts.append(_("Interesse: %(label)s") % {"label": Interest(self.interest).label})
        if self.municipality is not None:
            parts.append(_("Kommune: %(name)s") % {"name": self.municipality.name})
        return "; ".join(parts) or _("alle Ehrenamtlichen der Region")


@dataclass(frozen=True)
class Sent:
    mailing: Mailing
    repeated: bool  # the key was used before: nothing new was sent


def recipients(region: Region, audience: Audience) -> QuerySet[Volunteer]:
    found = (
        Volunteer.objects.filter(
            region=region, status__in=RECEIVING, newsletter=True, user__isnull=False
        )
        .exclude(user__email="")
        .filter(optin.standing_consent())
    )
    if audience.network is not None:
        found = found.filter(networks=audience.network)
    if audience.interest:
        found = found.filter(tags__kind=VolunteerTag.Kind.INTEREST, tags__code=audience.interest)
    if audience.municipality is not None:
        found = found.filter(municipality=audience.municipality)
    return found


def may_mail(actor: AnyUser, region: Region, audience: Audience) -> bool:
    """The region's coordination mails anyone who opted in; a network's own coordinator
    only the members of that network."""
    if can(actor, Perm.MANAGE_VOLUNTEERS, region):
        return True
    network = audience.network
    return network is not None and network.region_id == region.pk and coordinates(actor, network)


def _check(region: Region, audience: Audience, subject: str, body: str, key: str) -> None:
    if audience.network is not None and audience.network.region_id != region.pk:
        raise Refused(_("Bitte wählen Sie ein Netzwerk der Region."))
    if audience.municipality is not None and audience.municipality.region_id != region.pk:
        raise Refused(_("Bitte wählen Sie eine Kommune der Region."))
    if audience.interest and audience.interest not in Interest.values:
        raise Refused(_("Bitte wählen Sie ein Interesse aus der Liste."))
    if not subject.strip() or not body.strip():
        raise Refused(_("Bitte geben Sie Betreff und Text der Rundmail ein."))
    if not key or len(key) > 64:
        raise Refused(_("Bitte öffnen Sie das Formular neu und versuchen Sie es noch einmal."))


def send_mailing(
    actor: AnyUser,
    region: Region,
    audience: Audience,
    *,
    subject: str,
    body: str,
    key: str,
) -> Sent:
    """Write the mailing and its deliveries in one transaction; mail after commit."""
    if not may_mail(actor, region, audience):
        raise Region.DoesNotExist
    _check(region, audience, subject, body, key)
    earlier = Mailing.objects.filter(region=region, key=key).first()
    if earlier is not None:
        deliver(earlier.pk)  # finishes what a broken first attempt left; sends nothing twice
        return Sent(earlier, repeated=True)
    try:
        with transaction.atomic():
            people = list(recipients(region, audience).values_list("pk", flat=True).distinct())
            if not people:
                raise Refused(
                    _("Niemand erhält diese Rundmail: keine passende Person hat zugestimmt.")
                )
            mailing = Mailing.objects.create(
                region=region,
                key=key,
                network=audience.network,
                interest=audience.interest,
                municipality=audience.municipality,
                subject=subject.strip(),
                body=body.strip(),
                created_by=actor if actor.is_authenticated else None,
                recipient_count=len(people),
            )
            MailingDelivery.objects.bulk_create(
                [MailingDelivery(mailing=mailing, volunteer_id=pk) for pk in people]
            )
            audit.record(actor, AuditAction.CREATED, mailing, region_id=region.pk)
            transaction.on_commit(partial(deliver, mailing.pk))
    except IntegrityError:
        # The same key committed in parallel (a double click): that one is the mailing.
        earlier = Mailing.objects.filter(region=region, key=key).first()
        if earlier is None:
            raise
        return Sent(earlier, repeated=True)
    return Sent(mailing, repeated=False)


def deliver(mailing_id: int) -> int:
    """Send the mailing's pending mails. Each delivery is claimed before its mail goes
    out (a conditional update), so parallel or repeated calls never send one twice."""
    mailing = Mailing.objects.get(pk=mailing_id)
    pending = (
        MailingDelivery.objects.filter(mailing=mailing, sent_at__isnull=True)
        .select_related("volunteer__user")
        .order_by("pk")
    )
    sent = 0
    for delivery in pending:
        claimed = MailingDelivery.objects.filter(pk=delivery.pk, sent_at__isnull=True).update(
            sent_at=timezone.now()
        )
        volunteer = delivery.volunteer
        if claimed and volunteer.newsletter:  # an unsubscribe since writing is respected
            sent += notify.mailing(
                volunteer, mailing.subject, mailing.body, unsubscribe_token(volunteer)
            )
    return sent


# --- unsubscribing ---------------------------------------------------------------------


def unsubscribe_token(volunteer: Volunteer) -> str:
    return signing.dumps([volunteer.pk, volunteer.user_id], salt=UNSUBSCRIBE_SALT)


def volunteer_of(token: str) -> Volunteer | None:
    """The profile a token names, if it is genuine and still belongs to the same account."""
    try:
        volunteer_id, user_id = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    found = Volunteer.objects.filter(pk=volunteer_id, user_id=user_id).select_related("user")
    return found.exclude(user__isnull=True).first()


def unsubscribe(token: str) -> Volunteer | None:
    """Withdraw the opt-in named by the token (None for a bad token). Idempotent."""
    with transaction.atomic():
        volunteer = volunteer_of(token)
        if volunteer is None:
            return None
        changed = optin.set_opt_in(volunteer, False, by=None)
        if changed:
            audit.record(None, AuditAction.CHANGED, volunteer, fields=["newsletter"])
    return volunteer


def history(region: Region) -> list[dict[str, Any]]:
    mailings = Mailing.objects.filter(region=region).select_related("network", "municipality")
    return [
        {
            "mailing": mailing,
            "audience": Audience(
                mailing.network, mailing.interest, mailing.municipality
            ).describe(),
        }
        for mailing in mailings[:50]
    ]
