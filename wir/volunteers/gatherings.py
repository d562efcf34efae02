"""Actions for trainings and network meetings: create, register, cancel, move up.

A registration takes a place while one is free, else a place on the waiting list. A
cancellation gives the place to the first person waiting, in the same transaction, and
mails them after commit. The event's row is locked first (PostgreSQL) or the database
is (SQLite), so parallel registrations and cancellations queue; the check constraint
`taken <= places` refuses any overbooking that slipped past.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TypeVar

from django.db import IntegrityError
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from wir.accounts.permissions import AnyUser, can
from wir.accounts.roles import Perm
from wir.core import outbox
from wir.core.writes import atomic_with_retries
from wir.privacy import audit
from wir.privacy.models import AuditAction
from wir.volunteers import notify
from wir.volunteers.actions import Refused, may_act_for, msg_busy, refusal_from
from wir.volunteers.gathering_queries import waiting_position
from wir.volunteers.models import Volunteer
from wir.volunteers.models_events import Gathering, GatheringRegistration

T = TypeVar("T")
Status = GatheringRegistration.Status
STANDING = (Status.REGISTERED, Status.WAITING)


def msg_twice() -> str:
    return _("Sie sind für diese Veranstaltung schon angemeldet.")


def _refusal(exc: IntegrityError) -> Refused:
    text = str(exc)
    if "gathering_registration_once" in text or "gatheringregistration.gathering_id" in text:
        return Refused(msg_twice())
    return refusal_from(exc)


def _run(step: Callable[[], T]) -> T:
    """One transaction; the database's "no" and a lasting lock become refusals."""
    return atomic_with_retries(step, refusal=_refusal, busy=lambda: Refused(msg_busy()))


def _locked(gathering_id: int) -> Gathering:
    return Gathering.objects.select_for_update().get(pk=gathering_id)


def save_gathering(actor: AnyUser, gathering: Gathering) -> Gathering:
    def step() -> Gathering:
        if not can(actor, Perm.MANAGE_VOLUNTEERS, gathering):
            raise Gathering.DoesNotExist
        if gathering.area.region_id != gathering.region_id:
            raise Refused(_("Bitte wählen Sie eine Kommune der Region."))
        if gathering.network is not None and gathering.network.region_id != gathering.region_id:
            raise Refused(_("Bitte wählen Sie ein Netzwerk der Region."))
        if gathering.pk is not None:
            current = _locked(gathering.pk)
            if gathering.places < current.taken:
                raise Refused(
                    _("Es sind schon %(n)s Personen angemeldet; weniger Plätze gehen nicht.")
                    % {"n": current.taken}
                )
            gathering.taken = current.taken
        gathering.save()
        move_up(gathering)  # more places: people waiting move up
        return gathering

    return _run(step)


def register(gathering_id: int, volunteer_id: int, actor: AnyUser) -> GatheringRegistration:
    """A place if one is free, else the waiting list. Refused: twice, over, not active."""

    def step() -> GatheringRegistration:
        volunteer = Volunteer.objects.select_related("user").get(pk=volunteer_id)
        if not may_act_for(actor, volunteer):
            raise Volunteer.DoesNotExist
        gathering = _locked(gathering_id)
        if gathering.region_id != volunteer.region_id:
            raise Gathering.DoesNotExist
        if volunteer.status != Volunteer.Status.ACTIVE:
            raise Refused(
                _("Anmelden können sich nur aktive Ehrenamtliche; die Koordination meldet sich.")
            )
        if gathering.starts_at <= timezone.now():
            raise Refused(_("Diese Veranstaltung hat schon begonnen."))
        if GatheringRegistration.objects.filter(
            gathering=gathering, volunteer=volunteer, status__in=STANDING
        ).exists():
            raise Refused(msg_twice())
        took = Gathering.objects.filter(pk=gathering.pk, taken__lt=F("places")).update(
            taken=F("taken") + 1
        )
        registration = GatheringRegistration.objects.create(
            gathering=gathering,
            volunteer=volunteer,
            status=Status.REGISTERED if took else Status.WAITING,
        )
        audit.record(actor, AuditAction.CREATED, registration, region_id=volunteer.region_id)
        registration.gathering = gathering
        registration.volunteer = volunteer
        position = waiting_position(registration)
        outbox.write(partial(notify.gathering_registered, registration, position))
        return registration

    return _run(step)


def cancel(registration_id: int, actor: AnyUser) -> GatheringRegistration:
    """Give the place (or the waiting-list place) back; the first person waiting moves up."""

    def step() -> GatheringRegistration:
        registration = GatheringRegistration.objects.select_related("volunteer").get(
            pk=registration_id
        )
        if not may_act_for(actor, registration.volunteer):
            raise GatheringRegistration.DoesNotExist
        gathering = _locked(registration.gathering_id)
        registration.refresh_from_db(fields=["status"])
        if registration.status not in STANDING:
            raise Refused(_("Diese Anmeldung ist schon beendet."))
        if gathering.starts_at <= timezone.now():
            raise Refused(_("Die Veranstaltung hat schon begonnen; bitte sagen Sie direkt ab."))
        had_place = registration.status == Status.REGISTERED
        registration.status = Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        audit.record(
            actor,
            AuditAction.CHANGED,
            registration,
            fields=["status"],
            region_id=gathering.region_id,
        )
        if had_place:
            Gathering.objects.filter(pk=gathering.pk, taken__gt=0).update(taken=F("taken") - 1)
            move_up(gathering)
        return registration

    return _run(step)


def move_up(gathering: Gathering) -> list[GatheringRegistration]:
    """Fill free places from the waiting list, first come first (inside a transaction)."""
    moved = []
    waiting = (
        GatheringRegistration.objects.filter(gathering=gathering, status=Status.WAITING)
        .select_related("volunteer__user")
        .order_by("created_at", "pk")
    )
    for registration in waiting:
        if not Gathering.objects.filter(pk=gathering.pk, taken__lt=F("places")).update(
            taken=F("taken") + 1
        ):
            break
        registration.status = Status.REGISTERED
        registration.moved_up_at = timezone.now()
        registration.save(update_fields=["status", "moved_up_at"])
        audit.record(
            None,
            AuditAction.CHANGED,
            registration,
            fields=["status"],
            region_id=gathering.region_id,
        )
        registration.gathering = gathering
        outbox.write(partial(notify.gathering_moved_up, registration))
        moved.append(registration)
    return moved
