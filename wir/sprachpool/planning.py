"""From the Sprachpool's records to `matching` and back: candidates, a plan, offers.

Reads what matching needs (active mediators of the region with languages, availability,
absences, bookings and outstanding offers) in a fixed number of queries, converts times
to the region's wall clock, and writes offers in one transaction that checks every pair
again against the current state (someone may have been booked since the plan was made).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import partial
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from wir.accounts.permissions import AnyUser
from wir.core.dates import OUT_OF_RANGE, DayError, parse_day
from wir.core.models import Area, Region
from wir.sprachpool import matching, notify
from wir.sprachpool.models import (
    Assignment,
    MediationRequest,
    Mediator,
    PoolRules,
)
from wir.sprachpool.statements import year_totals
from wir.sprachpool.tariff import allowance

MAX_PERIOD_DAYS = 31
# Offers and bookings block the mediator; declined, expired and cancelled ones do not.
BLOCKING = (Assignment.Status.OFFERED, Assignment.Status.ACCEPTED, Assignment.Status.DONE)
BOOKED = (Assignment.Status.ACCEPTED, Assignment.Status.DONE)


class PlanningError(Exception):
    """Bad input for planning; `message` is shown to the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def local(moment: datetime) -> datetime:
    return moment.astimezone(ZoneInfo(settings.TIME_ZONE))


def rules_for(region: Region) -> matching.Rules:
    stored = PoolRules.for_region(region.pk)
    return matching.Rules(
        certificate_settings=frozenset(
            part.strip() for part in stored.certificate_settings.split(",") if part.strip()
        ),
        allowance_limit=stored.allowance_limit,
        speed_kmh=float(stored.speed_kmh),
    )


def _point(area: Area | None) -> tuple[float, float] | None:
    if area is None or area.latitude is None or area.longitude is None:
        return None
    return (float(area.latitude), float(area.longitude))


def request_spec(request: MediationRequest, excluded: Iterable[int] = ()) -> matching.RequestSpec:
    return matching.RequestSpec(
        id=request.pk,
        language=request.language.code,
        start=local(request.starts_at),
        end=local(request.ends_at),
        mode=request.mode,
        location=_point(request.area),
        dialect=request.dialect,
        setting=request.setting,
        gender_preference=request.gender_preference,
        excluded=frozenset(excluded),
        area=request.area_id,
    )


def mediator_specs(
    region: Region, first_day: date, last_day: date, today: date | None = None
) -> list[matching.MediatorSpec]:
    """Active mediators of the region as matching sees them for days first..last."""
    today = today or timezone.localdate()
    tz = ZoneInfo(settings.TIME_ZONE)
    # Bookings a day around the period: travel can reach over midnight.
    since = datetime.combine(first_day - timedelta(days=1), time.min, tz)
    until = datetime.combine(last_day + timedelta(days=2), time.min, tz)
    month_start = datetime.combine(first_day.replace(day=1), time.min, tz)
    mediators = list(
        Mediator.objects.filter(region=region, status=Mediator.Status.ACTIVE)
        .select_related("home_area")
        .prefetch_related("languages__language", "availability", "absences", "areas")
        .order_by("pk")
    )
    busy: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
    for mediator_id, starts, ends, before, after in Assignment.objects.filter(
        mediator__in=mediators,
        status__in=BLOCKING,
        starts_at__lt=until,
        ends_at__gt=since,
    ).values_list(
        "mediator_id", "starts_at", "ends_at", "travel_before_minutes", "travel_after_minutes"
    ):
        busy[mediator_id].append(
            (local(starts) - timedelta(minutes=before), local(ends) + timedelta(minutes=after))
        )
    month_minutes: dict[int, float] = defaultdict(float)
    for mediator_id, starts, ends in Assignment.objects.filter(
        mediator__in=mediators, status__in=BOOKED, starts_at__gte=month_start
    ).values_list("mediator_id", "starts_at", "ends_at"):
        month_minutes[mediator_id] += (ends - starts).total_seconds() / 60
    year_allowance = year_totals(mediators, first_day.year)
    rules = rules_for(region)
    specs = []
    for mediator in mediators:
        certified = (
            mediator.certificate_valid_until is not None
            and mediator.certificate_valid_until >= last_day
        )
        specs.append(
            matching.MediatorSpec(
                id=mediator.pk,
                skills={
                    skill.language.code: matching.Skill(
                        skill.level,
                        frozenset(d.strip() for d in skill.dialects.split(",") if d.strip()),
                    )
                    for skill in mediator.languages.all()
                },
                modes=mediator.modes,
                home=_point(mediator.home_area),
                max_travel_km=float(mediator.max_travel_km),
                areas=frozenset(area.pk for area in mediator.areas.all()),
                weekly=tuple(
                    matching.WeeklyWindow(
                        slot.weekday,
                        slot.start.hour * 60 + slot.start.minute,
                        slot.end.hour * 60 + slot.end.minute,
                    )
                    for slot in mediator.availability.all()
                ),
                absences=tuple((a.first_day, a.last_day) for a in mediator.absences.all()),
                busy=tuple(busy[mediator.pk]),
                gender=mediator.gender,
                confidentiality_signed=(
                    mediator.confidentiality_signed_on is not None
                    and mediator.confidentiality_signed_on <= today
                ),
                certificates=rules.certificate_settings if certified else frozenset(),
                month_minutes=round(month_minutes[mediator.pk]),
                year_allowance=year_allowance.get(mediator.pk, Decimal("0.00")),
            )
        )
    return specs


def _excluded(request_ids: Iterable[int]) -> dict[int, set[int]]:
    had: dict[int, set[int]] = defaultdict(set)
    for request_id, mediator_id in Assignment.objects.filter(
        request_id__in=list(request_ids)
    ).values_list("request_id", "mediator_id"):
        had[request_id].add(mediator_id)
    return had


@dataclass
class RequestCandidates:
    request: MediationRequest
    candidates: list[tuple[Mediator, matching.Candidate]]
    rejected: list[tuple[Mediator, matching.Rejection]]


def candidates_for(request: MediationRequest) -> RequestCandidates:
    day = local(request.starts_at).date()
    specs = mediator_specs(request.region, day, local(request.ends_at).date())
    spec = request_spec(request, _excluded([request.pk])[request.pk])
    found, rejected = matching.candidates(spec, specs, rules_for(request.region))
    by_id = {
        m.pk: m
        for m in Mediator.objects.filter(pk__in=[s.id for s in specs]).select_related("home_area")
    }
    return RequestCandidates(
        request,
        [(by_id[c.mediator_id], c) for c in found],
        [(by_id[r.mediator_id], r) for r in rejected],
    )


@dataclass(frozen=True)
class PlanRow:
    request: MediationRequest
    mediator: Mediator | None
    travel_km: float
    why_open: str


@dataclass
class Plan:
    first_day: date
    last_day: date
    requests: list[MediationRequest]
    proposal: matching.Proposal
    mediators: dict[int, Mediator] = field(default_factory=dict)
    reasons: dict[int, tuple[str, ...]] = field(default_factory=dict)  # request id → why

    @property
    def rows(self) -> list[PlanRow]:
        """Each request with its proposed mediator, or None and why it stays open."""
        out: list[PlanRow] = []
        for request in self.requests:
            mediator_id = self.proposal.assignments.get(request.pk)
            if mediator_id is not None:
                km = self.proposal.travel.get(request.pk, 0.0)
                out.append(PlanRow(request, self.mediators[mediator_id], km, ""))
            else:
                out.append(PlanRow(request, None, 0.0, self.proposal.unfilled.get(request.pk, "")))
        return out


def parse_period(first: str, last: str) -> tuple[date, date]:
    try:
        first_day = parse_day(first)
        last_day = parse_day(last)
    except DayError as error:
        if error.out_of_range:
            raise PlanningError(str(OUT_OF_RANGE)) from None
        raise PlanningError(_("Bitte geben Sie die Daten als TT.MM.JJJJ an.")) from None
    if last_day < first_day:
        raise PlanningError(_("Das Ende des Zeitraums liegt vor dem Anfang."))
    if (last_day - first_day).days >= MAX_PERIOD_DAYS:
        raise PlanningError(
            _("Der Zeitraum ist zu lang: höchstens %(days)d Tage.") % {"days": MAX_PERIOD_DAYS}
        )
    return first_day, last_day


def open_requests(region: Region, first_day: date, last_day: date) -> list[MediationRequest]:
    tz = ZoneInfo(settings.TIME_ZONE)
    return list(
        MediationRequest.objects.filter(
            region=region,
            status=MediationRequest.Status.OPEN,
            starts_at__gte=datetime.combine(first_day, time.min, tz),
            starts_at__lt=datetime.combine(last_day + timedelta(days=1), time.min, tz),
        )
        .select_related("language", "area")
        .order_by("starts_at", "pk")
    )


def plan(region: Region, first_day: date, last_day: date, time_limit: float = 30.0) -> Plan:
    """The best plan for the region's open requests in the period (most filled first)."""
    requests = open_requests(region, first_day, last_day)
    specs = mediator_specs(region, first_day, last_day)
    excluded = _excluded(r.pk for r in requests)
    request_specs = [request_spec(r, excluded[r.pk]) for r in requests]
    proposal = matching.propose(request_specs, specs, rules_for(region), time_limit=time_limit)
    used = set(proposal.assignments.values())
    mediators = {m.pk: m for m in Mediator.objects.filter(pk__in=used).select_related("home_area")}
    return Plan(first_day, last_day, requests, proposal, mediators)


@dataclass
class SendResult:
    sent: list[Assignment] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # request id, why


def send_offers(
    region: Region, pairs: Sequence[tuple[int, int]], user: AnyUser | None
) -> SendResult:
    """Offer each request to its mediator; pairs that no longer fit are skipped with why.

    One transaction: the requests are locked, every pair is checked again against the
    current bookings and offers (the plan may be minutes old), including the offers
    made earlier in this same call.
    """
    result = SendResult()
    if not pairs:
        return result
    with transaction.atomic():
        requests = {
            r.pk: r
            for r in MediationRequest.objects.select_for_update(of=("self",))
            .filter(region=region, pk__in=[request_id for request_id, _m in pairs])
            .select_related("language", "area")
        }
        days = [local(r.starts_at).date() for r in requests.values()] or [timezone.localdate()]
        specs = {s.id: s for s in mediator_specs(region, min(days), max(days))}
        excluded = _excluded(requests)
        rules = rules_for(region)
        mediators = {m.pk: m for m in Mediator.objects.filter(pk__in=specs)}
        added: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
        seen: set[int] = set()
        for request_id, mediator_id in pairs:
            request = requests.get(request_id)
            if request is None:
                result.skipped.append((request_id, _("Anfrage nicht gefunden.")))
                continue
            if request_id in seen:
                result.skipped.append((request_id, _("Anfrage doppelt ausgewählt.")))
                continue
            seen.add(request_id)
            if request.status != MediationRequest.Status.OPEN:
                result.skipped.append((request_id, _("Anfrage ist nicht mehr offen.")))
                continue
            spec = specs.get(mediator_id)
            if spec is None:
                result.skipped.append((request_id, _("Person ist nicht aktiv in dieser Region.")))
                continue
            spec = replace(spec, busy=spec.busy + tuple(added[mediator_id]))
            request_spec_ = request_spec(request, excluded[request_id])
            against = matching.hard_reasons(request_spec_, spec, rules)
            if against:
                result.skipped.append((request_id, "; ".join(against)))
                continue
            start, end = matching.window(request_spec_, spec, rules)
            before = math.ceil((request_spec_.start - start).total_seconds() / 60)
            after = math.ceil((end - request_spec_.end).total_seconds() / 60)
            added[mediator_id].append((start, end))
            assignment = Assignment.objects.create(
                request=request,
                mediator=mediators[mediator_id],
                starts_at=request.starts_at,
                ends_at=request.ends_at,
                travel_before_minutes=before,
                travel_after_minutes=after,
            )
            request.status = MediationRequest.Status.OFFERED
            request.save(update_fields=["status"])
            log(
                assignment,
                "wir.sprachpool_offer_sent",
                user=user if user is not None and getattr(user, "pk", None) else None,
                data={"request": request_id, "mediator": mediators[mediator_id].code},
            )
            result.sent.append(assignment)
            transaction.on_commit(partial(notify.offer_sent, assignment))
    return result


def fitting_window(request: MediationRequest, mediator_id: int) -> tuple[int, int] | None:
    """Travel minutes before and after if the mediator can take the request as it is now
    (by every rule of matching, against their other offers and bookings); else None.

    Used when a department changes a booked request: the booking itself must not block
    (the caller has taken it out of the blocking states in the same transaction)."""
    day = local(request.starts_at).date()
    spec = next((s for s in mediator_specs(request.region, day, day) if s.id == mediator_id), None)
    if spec is None:
        return None
    wanted = request_spec(request)
    rules = rules_for(request.region)
    if matching.hard_reasons(wanted, spec, rules):
        return None
    start, end = matching.window(wanted, spec, rules)
    return (
        math.ceil((wanted.start - start).total_seconds() / 60),
        math.ceil((end - wanted.end).total_seconds() / 60),
    )


def search_again(request: MediationRequest) -> Assignment | None:
    """After a cancelled booking: offer the reopened request to the best candidate now.

    Returns the new offer, or None when nobody fits (coordination sees the request as open
    in the plan, with the reasons).
    """
    request.refresh_from_db()
    if request.status != MediationRequest.Status.OPEN or request.starts_at <= timezone.now():
        return None
    found = candidates_for(request)
    for mediator, _candidate in found.candidates:
        result = send_offers(request.region, [(request.pk, mediator.pk)], None)
        if result.sent:
            return result.sent[0]
    return None


@dataclass(frozen=True)
class OfferDetails:
    """What a mediator reads on an offer or booking besides the request's fields."""

    minutes: int
    travel_km: float | None  # one way, from the municipalities' centres; None: not on site
    allowance: Decimal  # expected: the planned duration and travel there and back
    show_address: bool


def offer_details(assignments: Sequence[Assignment]) -> dict[int, OfferDetails]:
    """Expected travel and allowance of each assignment (by id), as the matching and the
    region's tariff compute them; one query for the rules of all regions.

    The assignments come with `request__area` and `mediator__home_area` loaded."""
    region_ids = {a.request.region_id for a in assignments}
    stored = {r.region_id: r for r in PoolRules.objects.filter(region_id__in=region_ids)}
    out: dict[int, OfferDetails] = {}
    for assignment in assignments:
        request = assignment.request
        rules = stored.get(request.region_id) or PoolRules(region_id=request.region_id)
        minutes = round((request.ends_at - request.starts_at).total_seconds() / 60)
        km: float | None = None
        home, there = _point(assignment.mediator.home_area), _point(request.area)
        if request.mode == MediationRequest.Mode.ON_SITE and home and there:
            km = round(matching.distance_km(home, there), 1)
        both_ways = Decimal(str(round(2 * (km or 0.0), 1)))
        out[assignment.pk] = OfferDetails(
            minutes=minutes,
            travel_km=km,
            allowance=allowance(rules.tariff(), minutes, both_ways),
            show_address=notify.shows_address(assignment, rules),
        )
    return out
