"""Reads for trainings and network meetings; loaders answer 404 for what is not visible."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from wir.accounts.permissions import AnyUser, can
from wir.accounts.roles import Perm
from wir.volunteers.models import Volunteer
from wir.volunteers.models_events import Gathering, GatheringRegistration

Status = GatheringRegistration.Status


@dataclass(frozen=True)
class Offer:
    """A coming event as one volunteer sees it."""

    gathering: Gathering
    registration: GatheringRegistration | None
    position: int  # on the waiting list, 0 if not waiting

    @property
    def free(self) -> int:
        return self.gathering.free


def for_volunteer(volunteer: Volunteer) -> list[Offer]:
    """Coming events of the region (own networks' and region-wide), with the person's
    registration and waiting-list place; two queries plus one per waiting-list place."""
    events = list(
        Gathering.objects.filter(region_id=volunteer.region_id, starts_at__gt=timezone.now())
        .filter(Q(network__isnull=True) | Q(network__members=volunteer))
        .select_related("area")
        .distinct()
        .order_by("starts_at")[:30]
    )
    mine = {
        r.gathering_id: r
        for r in GatheringRegistration.objects.filter(
            volunteer=volunteer,
            gathering__in=events,
            status__in=[Status.REGISTERED, Status.WAITING],
        )
    }
    offers = []
    for event in events:
        registration = mine.get(event.pk)
        # One more query only for a place on a waiting list (rare, at most a few).
        position = waiting_position(registration) if registration is not None else 0
        offers.append(Offer(event, registration, position))
    return offers


def visible_gathering(volunteer: Volunteer, gathering_id: int) -> Gathering:
    found = Gathering.objects.filter(pk=gathering_id, region_id=volunteer.region_id).first()
    if found is None:
        raise Http404("Nicht gefunden")
    return found


def own_registration(volunteer: Volunteer, registration_id: int) -> GatheringRegistration:
    found = GatheringRegistration.objects.filter(pk=registration_id, volunteer=volunteer).first()
    if found is None:
        raise Http404("Nicht gefunden")
    return found


def access_gathering(user: AnyUser, gathering_id: int) -> Gathering:
    found = Gathering.objects.filter(pk=gathering_id).select_related("region", "area").first()
    if found is None or not can(user, Perm.MANAGE_VOLUNTEERS, found):
        raise Http404("Nicht gefunden")
    return found


def waiting_position(registration: GatheringRegistration) -> int:
    """1 for the first on the waiting list; 0 for someone with a place."""
    if registration.status != Status.WAITING:
        return 0
    ahead = GatheringRegistration.objects.filter(
        gathering_id=registration.gathering_id, status=Status.WAITING
    ).filter(
        Q(created_at__lt=registration.created_at)
        | Q(created_at=registration.created_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1
