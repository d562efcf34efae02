"""Reads of the volunteer module and the `access_<thing>(user, id)` loaders.

A loader answers "not found" (Http404) alike for a missing record and one of a region
where the user lacks the permission, so that ids cannot be probed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Case, IntegerField, QuerySet, Sum, Value, When
from django.http import Http404
from django.utils import timezone

from wir.accounts.permissions import AnyUser, can, regions_where
from wir.accounts.roles import Perm
from wir.volunteers.models import (
    HoursEntry,
    Network,
    Opportunity,
    PoliceCertificate,
    Shift,
    ShiftSignup,
    Volunteer,
    VolunteerRules,
)


def _allowed(user: AnyUser, perm: Perm, obj: object) -> None:
    if not can(user, perm, obj):
        raise Http404("Nicht gefunden")


def access_volunteer(user: AnyUser, volunteer_id: int) -> Volunteer:
    volunteer = (
        Volunteer.objects.select_related("region", "municipality", "user")
        .prefetch_related("languages", "tags", "networks")
        .filter(pk=volunteer_id)
        .first()
    )
    if volunteer is None:
        raise Http404("Nicht gefunden")
    _allowed(user, Perm.MANAGE_VOLUNTEERS, volunteer)
    return volunteer


def access_network(user: AnyUser, network_id: int) -> Network:
    network = Network.objects.select_related("region", "municipality").filter(pk=network_id).first()
    if network is None:
        raise Http404("Nicht gefunden")
    _allowed(user, Perm.MANAGE_VOLUNTEERS, network)
    return network


def access_opportunity(user: AnyUser, opportunity_id: int) -> Opportunity:
    opportunity = (
        Opportunity.objects.select_related("region", "area", "network")
        .filter(pk=opportunity_id)
        .first()
    )
    if opportunity is None:
        raise Http404("Nicht gefunden")
    _allowed(user, Perm.MANAGE_VOLUNTEERS, opportunity)
    return opportunity


def access_shift(user: AnyUser, shift_id: int) -> Shift:
    """A shift for coordination."""
    shift = (
        Shift.objects.select_related("opportunity__region", "opportunity__area")
        .filter(pk=shift_id)
        .first()
    )
    if shift is None:
        raise Http404("Nicht gefunden")
    _allowed(user, Perm.MANAGE_VOLUNTEERS, shift.opportunity)
    return shift


def access_hoursentry(user: AnyUser, hoursentry_id: int) -> HoursEntry:
    entry = HoursEntry.objects.select_related("volunteer").filter(pk=hoursentry_id).first()
    if entry is None:
        raise Http404("Nicht gefunden")
    _allowed(user, Perm.MANAGE_VOLUNTEERS, entry.volunteer)
    return entry


# --- the volunteer's own view ------------------------------------------------------------


def own_profiles(user: AnyUser) -> QuerySet[Volunteer]:
    """The user's volunteer profiles in regions where they hold the role."""
    if not user.is_authenticated:
        return Volunteer.objects.none()
    return (
        Volunteer.objects.filter(
            user_id=user.pk, region__in=regions_where(user, Perm.ACT_AS_VOLUNTEER)
        )
        .exclude(status=Volunteer.Status.ANONYMISED)
        .select_related("region", "municipality")
        .order_by("pk")
    )


def own_profile(user: AnyUser) -> Volunteer:
    profile = own_profiles(user).first()
    if profile is None:
        raise Http404("Kein Ehrenamtsprofil")
    return profile


def visible_shift(volunteer: Volunteer, shift_id: int) -> Shift:
    """A shift the volunteer may see: published, of their region."""
    shift = (
        Shift.objects.select_related("opportunity__area")
        .filter(
            pk=shift_id,
            opportunity__region_id=volunteer.region_id,
            opportunity__published=True,
        )
        .first()
    )
    if shift is None:
        raise Http404("Nicht gefunden")
    return shift


def own_signup(volunteer: Volunteer, signup_id: int) -> ShiftSignup:
    signup = ShiftSignup.objects.filter(pk=signup_id, volunteer=volunteer).first()
    if signup is None:
        raise Http404("Nicht gefunden")
    return signup


def open_shifts(volunteer: Volunteer, limit: int = 30) -> list[Shift]:
    """Upcoming shifts with free places, the volunteer's municipality first."""
    municipality_id = volunteer.municipality_id or 0
    return list(
        Shift.objects.filter(
            opportunity__region_id=volunteer.region_id,
            opportunity__published=True,
            status=Shift.Status.SCHEDULED,
            starts_at__gt=timezone.now(),
        )
        .exclude(signups__volunteer=volunteer, signups__status=ShiftSignup.Status.SIGNED_UP)
        .select_related("opportunity__area")
        .annotate(
            near=Case(
                When(opportunity__area_id=municipality_id, then=Value(0)),
                When(opportunity__area__parent_id=municipality_id, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("near", "starts_at")[:limit]
    )


def upcoming_signups(volunteer: Volunteer) -> list[ShiftSignup]:
    return list(
        ShiftSignup.objects.filter(
            volunteer=volunteer,
            status=ShiftSignup.Status.SIGNED_UP,
            ends_at__gt=timezone.now(),
        )
        .select_related("shift__opportunity__area")
        .order_by("starts_at")
    )


def feed_shifts(volunteer: Volunteer) -> list[Shift]:
    """The shifts of the personal calendar feed: signed up, from 30 days back."""
    since = timezone.now() - timedelta(days=30)
    return list(
        Shift.objects.filter(
            signups__volunteer=volunteer,
            signups__status__in=[
                ShiftSignup.Status.SIGNED_UP,
                ShiftSignup.Status.SHIFT_CANCELLED,
            ],
            ends_at__gte=since,
        )
        .select_related("opportunity__area")
        .order_by("starts_at")
        .distinct()
    )


@dataclass(frozen=True)
class CertificateStatus:
    needed: bool
    valid_until: date | None
    disqualifying: bool


def certificate_status(volunteer: Volunteer) -> CertificateStatus:
    rules = VolunteerRules.for_region(volunteer.region_id)
    latest = PoliceCertificate.objects.filter(volunteer=volunteer).order_by("-issued_on").first()
    if latest is None:
        return CertificateStatus(volunteer.works_with_minors, None, False)
    return CertificateStatus(
        volunteer.works_with_minors,
        latest.valid_until(rules.certificate_valid_years),
        latest.disqualifying,
    )


def approved_total(volunteer: Volunteer, since: date | None = None) -> Decimal:
    entries = HoursEntry.objects.filter(volunteer=volunteer, approved_at__isnull=False)
    if since is not None:
        entries = entries.filter(date__gte=since)
    return entries.aggregate(total=Sum("hours"))["total"] or Decimal("0")


# --- a network's own coordination (a volunteer or staff member named on the network) ---


def coordinates(user: AnyUser, network: Network) -> bool:
    """`user` is named as a coordinator of the network and has a role in its region."""
    if not user.is_authenticated or not user.is_active:
        return False
    in_region = can(user, Perm.ACT_AS_VOLUNTEER, network) or can(
        user, Perm.MANAGE_VOLUNTEERS, network
    )
    return in_region and network.coordinators.filter(pk=user.pk).exists()


def coordinated_networks(user: AnyUser) -> list[Network]:
    if not user.is_authenticated:
        return []
    found = Network.objects.filter(coordinators=user).select_related("region", "municipality")
    return [network for network in found.order_by("name") if coordinates(user, network)]


def access_coordinated_network(user: AnyUser, network_id: int) -> Network:
    """The network for its own coordinators (and the region's coordination); else 404."""
    network = Network.objects.filter(pk=network_id).select_related("region", "municipality").first()
    if network is None or not (
        coordinates(user, network) or can(user, Perm.MANAGE_VOLUNTEERS, network)
    ):
        raise Http404("Nicht gefunden")
    return network
