"""Every write of the Sprachpool that matters: accepting, declining, cancelling offers,
cancelling and changing requests, searching again. The mails of a booking, a
cancellation and a change go through the outbox (wir/core/outbox.py): written in the
same transaction, sent after commit, so that a rolled-back write sends nothing and a
process killed after the commit loses no mail (the outbox worker sends it).

Double bookings are prevented by the database (see models and migration 0001); the
actions lock rows where the database can, check the state, and turn a constraint
violation into a `BookingConflict` with a message for the user. Nothing is changed
half-way: each action is one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import partial
from typing import Any, TypeVar

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wir.accounts.models import User
from wir.accounts.permissions import AnyUser, perms_in_region
from wir.accounts.roles import Perm
from wir.core import outbox
from wir.core.models import Region
from wir.core.writes import atomic_with_retries
from wir.sprachpool import notify, planning
from wir.sprachpool.models import Absence, Assignment, MediationRequest, Mediator, PoolRules
from wir.sprachpool.tariff import allowance, cancellation

T = TypeVar("T")

OVERLAP_MARKERS = ("assignment_overlaps", "assignment_no_overlap")


class BookingConflict(Exception):  # noqa: N818 (a domain name, not an "error")
    """The offer cannot be accepted (any more); `message` is shown to the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _msg_time_taken() -> str:
    return _("Diese Zeit ist für die Sprachmittlerin / den Sprachmittler schon vergeben.")


def _msg_request_taken() -> str:
    return _("Diese Anfrage ist schon vergeben.")


def _msg_not_open() -> str:
    return _("Dieses Angebot ist nicht mehr offen.")


def _msg_busy() -> str:
    return _("Die Buchung ist gerade nicht möglich. Bitte versuchen Sie es gleich noch einmal.")


def _conflict_from(exc: IntegrityError) -> BookingConflict:
    text = str(exc)
    if any(marker in text for marker in OVERLAP_MARKERS):
        return BookingConflict(_msg_time_taken())
    return BookingConflict(_msg_request_taken())


def _with_retries(step: Callable[[], T]) -> T:
    """Run one transaction; constraint violations and a lasting lock become conflicts."""
    return atomic_with_retries(
        step, refusal=_conflict_from, busy=lambda: BookingConflict(_msg_busy())
    )


def _with_details(assignment_id: int) -> Assignment:
    return Assignment.objects.select_related(
        "request__language",
        "request__area",
        "request__region",
        "request__requested_by",
        "mediator__user",
    ).get(pk=assignment_id)


def _store_mail(send: Callable[..., int], assignment_id: int) -> None:
    """Write a mail about an assignment as it is now (inside the write's transaction) to
    the outbox: sent after commit, or by the outbox worker after a crash (core/outbox.py)."""
    outbox.write(partial(send, _with_details(assignment_id)))


def _may_act(user: AnyUser, assignment: Assignment) -> bool:
    if assignment.mediator.user_id is not None and assignment.mediator.user_id == user.pk:
        return True
    return Perm.MANAGE_MEDIATION in perms_in_region(user, assignment.mediator.region_id)


def _locked(assignment_id: int, user: AnyUser) -> tuple[Assignment, MediationRequest]:
    """Lock the request, then the assignment (always in this order), and check access."""
    request_id = (
        Assignment.objects.filter(pk=assignment_id).values_list("request_id", flat=True).first()
    )
    if request_id is None:
        raise Assignment.DoesNotExist
    request = MediationRequest.objects.select_for_update().get(pk=request_id)
    assignment = (
        Assignment.objects.select_for_update(of=("self",))
        .select_related("mediator")
        .get(pk=assignment_id)
    )
    if not _may_act(user, assignment):
        # Answered like a missing record, so that ids cannot be probed.
        raise Assignment.DoesNotExist
    return assignment, request


def accept_offer(assignment_id: int, user: AnyUser) -> Assignment:
    """The mediator (or coordination) accepts an offer: it becomes the request's booking."""

    def step() -> Assignment:
        assignment, request = _locked(assignment_id, user)
        if request.status not in (MediationRequest.Status.OPEN, MediationRequest.Status.OFFERED):
            raise BookingConflict(_msg_request_taken())
        if assignment.status != Assignment.Status.OFFERED:
            raise BookingConflict(_msg_not_open())
        now = timezone.now()
        assignment.status = Assignment.Status.ACCEPTED
        assignment.responded_at = now
        assignment.save(update_fields=["status", "responded_at", "updated_at"])
        request.status = MediationRequest.Status.BOOKED
        request.save(update_fields=["status"])
        # The other offers of this request are no longer open.
        request.assignments.filter(status=Assignment.Status.OFFERED).update(
            status=Assignment.Status.EXPIRED, updated_at=now
        )
        # In the outbox with the booking: sent after commit, or by the worker after a crash.
        outbox.write(partial(notify.booked, _with_details(assignment.pk)))
        return assignment

    return _with_retries(step)


def decline_offer(assignment_id: int, user: AnyUser) -> Assignment:
    def step() -> Assignment:
        assignment, request = _locked(assignment_id, user)
        if assignment.status != Assignment.Status.OFFERED:
            raise BookingConflict(_msg_not_open())
        assignment.status = Assignment.Status.DECLINED
        assignment.responded_at = timezone.now()
        assignment.save(update_fields=["status", "responded_at", "updated_at"])
        still_offered = request.assignments.filter(status=Assignment.Status.OFFERED).exists()
        if request.status == MediationRequest.Status.OFFERED and not still_offered:
            request.status = MediationRequest.Status.OPEN
            request.save(update_fields=["status"])
        return assignment

    return _with_retries(step)


def cancel_assignment(assignment_id: int, user: AnyUser, reason: str) -> Assignment:
    """The mediator cancels an offer or a booking: the department is told (after commit)
    and a cancelled booking opens its request again, which is offered to the best
    candidate now (`planning.search_again`)."""
    if not reason.strip():
        raise BookingConflict(_("Bitte geben Sie einen Grund für die Absage an."))

    def step() -> Assignment:
        assignment, request = _locked(assignment_id, user)
        if assignment.status not in (Assignment.Status.OFFERED, Assignment.Status.ACCEPTED):
            raise BookingConflict(_msg_not_open())
        was_booked = assignment.status == Assignment.Status.ACCEPTED
        assignment.status = Assignment.Status.CANCELLED
        assignment.cancel_reason = reason[:200]
        assignment.save(update_fields=["status", "cancel_reason", "updated_at"])
        if was_booked and request.status == MediationRequest.Status.BOOKED:
            request.status = MediationRequest.Status.OPEN
            request.save(update_fields=["status"])
        _store_mail(partial(notify.cancelled, by_mediator=True), assignment.pk)
        return assignment

    cancelled = _with_retries(step)
    planning.search_again(cancelled.request)
    return cancelled


def _may_request(user: AnyUser, request: MediationRequest) -> bool:
    if request.requested_by_id == user.pk:
        return True
    return Perm.MANAGE_MEDIATION in perms_in_region(user, request.region_id)


def cancel_request(request_id: int, user: AnyUser, reason: str) -> MediationRequest:
    """The department (or coordination) cancels a request with its offers and booking."""

    def step() -> MediationRequest:
        request = MediationRequest.objects.select_for_update().get(pk=request_id)
        if not _may_request(user, request):
            raise MediationRequest.DoesNotExist
        if request.status in (MediationRequest.Status.CANCELLED, MediationRequest.Status.DONE):
            raise BookingConflict(_("Diese Anfrage ist schon abgeschlossen oder abgesagt."))
        request.status = MediationRequest.Status.CANCELLED
        request.cancel_reason = reason[:200]
        request.save(update_fields=["status", "cancel_reason"])
        booked = request.assignments.filter(status=Assignment.Status.ACCEPTED).first()
        if booked is not None:
            # A late cancellation still pays the mediator the region's fee.
            rules = PoolRules.for_region(request.region_id)
            hours = (booked.starts_at - timezone.now()).total_seconds() / 3600
            fee = cancellation(rules.tariff(), hours)
            if fee:
                Assignment.objects.filter(pk=booked.pk).update(allowance=fee)
        request.assignments.filter(
            status__in=[Assignment.Status.OFFERED, Assignment.Status.ACCEPTED]
        ).update(
            status=Assignment.Status.CANCELLED,
            cancel_reason=reason[:200],
            updated_at=timezone.now(),
        )
        if booked is not None:  # written with the reason just saved
            _store_mail(partial(notify.cancelled, by_mediator=False), booked.pk)
        return request

    return _with_retries(step)


def _msg_not_yet() -> str:
    return _("Der Einsatz ist noch nicht vorbei.")


def _finish_if_confirmed(assignment: Assignment, request: MediationRequest) -> None:
    """Both sides confirmed: the assignment is done and its allowance computed."""
    if assignment.mediator_confirmed_at is None or assignment.department_confirmed_at is None:
        return
    rules = PoolRules.for_region(request.region_id)
    assignment.allowance = allowance(
        rules.tariff(), assignment.actual_minutes or 0, assignment.travel_km or Decimal(0)
    )
    assignment.status = Assignment.Status.DONE
    request.status = MediationRequest.Status.DONE
    request.save(update_fields=["status"])


def confirm_by_mediator(
    assignment_id: int,
    user: AnyUser,
    minutes: int,
    km: Decimal,
    rating: int | None = None,
    comment: str = "",
) -> Assignment:
    """The mediator reports the actual duration and the kilometres driven."""

    def step() -> Assignment:
        assignment, request = _locked(assignment_id, user)
        if assignment.status != Assignment.Status.ACCEPTED:
            raise BookingConflict(_msg_not_open())
        if assignment.ends_at > timezone.now():
            raise BookingConflict(_msg_not_yet())
        assignment.actual_minutes = minutes
        assignment.travel_km = km
        assignment.mediator_rating = rating
        assignment.mediator_comment = comment[:300]
        assignment.mediator_confirmed_at = timezone.now()
        _finish_if_confirmed(assignment, request)
        assignment.save()
        return assignment

    return _with_retries(step)


def confirm_by_department(
    request_id: int,
    user: AnyUser,
    minutes: int | None,
    rating: int | None = None,
    comment: str = "",
) -> Assignment:
    """The department confirms that the appointment took place (and may correct the
    duration the mediator reported)."""

    def step() -> Assignment:
        request = MediationRequest.objects.select_for_update().get(pk=request_id)
        if not _may_request(user, request):
            raise MediationRequest.DoesNotExist
        assignment = (
            Assignment.objects.select_for_update()
            .filter(request=request, status=Assignment.Status.ACCEPTED)
            .first()
        )
        if assignment is None:
            raise BookingConflict(_("Für diese Anfrage gibt es keinen offenen Einsatz."))
        if assignment.ends_at > timezone.now():
            raise BookingConflict(_msg_not_yet())
        if minutes is not None:
            assignment.actual_minutes = minutes
        elif assignment.actual_minutes is None:
            planned = (assignment.ends_at - assignment.starts_at).total_seconds() / 60
            assignment.actual_minutes = int(planned)
        assignment.department_rating = rating
        assignment.department_comment = comment[:300]
        assignment.department_confirmed_at = timezone.now()
        _finish_if_confirmed(assignment, request)
        assignment.save()
        return assignment

    return _with_retries(step)


def search_again(request_id: int, user: AnyUser) -> Assignment | None:
    """Coordination offers an open request (again) to the best candidate now.

    Returns the new offer, or None when nobody fits."""
    request = MediationRequest.objects.select_related("region", "language", "area").get(
        pk=request_id
    )
    if Perm.MANAGE_MEDIATION not in perms_in_region(user, request.region_id):
        raise MediationRequest.DoesNotExist
    if request.status != MediationRequest.Status.OPEN:
        raise BookingConflict(_("Diese Anfrage ist nicht offen."))
    if request.starts_at <= timezone.now():
        raise BookingConflict(_("Der Termin liegt in der Vergangenheit."))
    return planning.search_again(request)


REQUEST_FIELDS = (
    "language",
    "dialect",
    "starts_at",
    "ends_at",
    "mode",
    "area",
    "address",
    "setting",
    "urgent",
    "gender_preference",
    "client_reference",
    "notes",
)


def _request_values(data: dict[str, Any]) -> dict[str, Any]:
    """The request's fields from the cleaned request form (a place only on site)."""
    values = {name: data.get(name) for name in REQUEST_FIELDS}
    for name in ("dialect", "gender_preference", "client_reference", "notes", "address"):
        values[name] = values[name] or ""
    values["urgent"] = bool(values["urgent"])
    if values["mode"] != MediationRequest.Mode.ON_SITE:
        values["area"] = None
        values["address"] = ""
    return values


def create_request(user: User, region: Region, data: dict[str, Any]) -> MediationRequest:
    """A department asks for a mediator (`data`: the cleaned `RequestForm`)."""
    if Perm.REQUEST_MEDIATION not in perms_in_region(user, region.pk):
        raise Region.DoesNotExist
    with transaction.atomic():
        return MediationRequest.objects.create(
            region=region, requested_by=user, **_request_values(data)
        )


def add_absence(user: User, first_day: date, last_day: date) -> int:
    """The mediator enters an absence for each of their pool entries; how many."""
    profiles = list(Mediator.objects.filter(user=user))
    with transaction.atomic():
        for profile in profiles:
            Absence.objects.create(mediator=profile, first_day=first_day, last_day=last_day)
    return len(profiles)


def remove_absence(user: User, absence_id: int) -> bool:
    """The mediator removes one of their absences; False when it is not theirs."""
    with transaction.atomic():
        deleted, _rows = Absence.objects.filter(pk=absence_id, mediator__user=user).delete()
    return bool(deleted)


# What the booked mediator must be able to do again when it changes.
BOOKING_FIELDS = ("starts_at", "ends_at", "language", "mode", "area", "gender_preference")


@dataclass(frozen=True)
class RequestChange:
    """What `change_request` did: the request, and what became of its booking."""

    request: MediationRequest
    booking_kept: bool = False
    booking_cancelled: bool = False
    offers_withdrawn: int = 0


def _withdraw_offers(request: MediationRequest, reason: str) -> int:
    return request.assignments.filter(status=Assignment.Status.OFFERED).update(
        status=Assignment.Status.CANCELLED, cancel_reason=reason, updated_at=timezone.now()
    )


def _move_booking(request: MediationRequest, booking: Assignment) -> bool:
    """Move the booking to the request's new details if its mediator can still take it.

    The booking stops blocking while the rules are checked, then is accepted again with
    the new times; the database's overlap guard has the last word (a savepoint keeps a
    refused move from spoiling the transaction)."""
    Assignment.objects.filter(pk=booking.pk).update(status=Assignment.Status.CANCELLED)
    fits = planning.fitting_window(request, booking.mediator_id)
    if fits is None:
        return False
    try:
        with transaction.atomic():
            Assignment.objects.filter(pk=booking.pk).update(
                status=Assignment.Status.ACCEPTED,
                starts_at=request.starts_at,
                ends_at=request.ends_at,
                travel_before_minutes=fits[0],
                travel_after_minutes=fits[1],
                updated_at=timezone.now(),
            )
    except IntegrityError:
        return False
    return True


def change_request(request_id: int, user: AnyUser, data: dict[str, Any]) -> RequestChange:
    """The department changes or reschedules its request (`data`: the cleaned
    `RequestForm`, which checked the pool's rules).

    A booking whose mediator can make the new details is kept and the mediator is told;
    otherwise it is cancelled (the mediator is told why) and the search starts again, as
    it does when open offers were for the old details."""

    def step() -> RequestChange:
        request = MediationRequest.objects.select_for_update().get(pk=request_id)
        if not _may_request(user, request):
            raise MediationRequest.DoesNotExist
        if request.status in (MediationRequest.Status.CANCELLED, MediationRequest.Status.DONE):
            raise BookingConflict(_("Diese Anfrage ist schon abgeschlossen oder abgesagt."))
        if request.starts_at <= timezone.now():
            raise BookingConflict(_("Der Termin hat schon begonnen; er lässt sich nicht ändern."))
        values = _request_values(data)
        matters = any(values[name] != getattr(request, name) for name in BOOKING_FIELDS)
        for name, value in values.items():
            setattr(request, name, value)
        request.save(update_fields=list(values))
        booking = request.assignments.filter(status=Assignment.Status.ACCEPTED).first()
        if not matters:
            if booking is not None:
                _store_mail(notify.changed, booking.pk)
            return RequestChange(request, booking_kept=booking is not None)
        withdrawn = _withdraw_offers(request, _("Der Termin wurde geändert."))
        if booking is not None and _move_booking(request, booking):
            _store_mail(notify.changed, booking.pk)
            return RequestChange(request, booking_kept=True, offers_withdrawn=withdrawn)
        if booking is not None:
            Assignment.objects.filter(pk=booking.pk).update(
                cancel_reason=_("Der geänderte Termin passt nicht mehr.")
            )
            _store_mail(partial(notify.cancelled, by_mediator=False), booking.pk)
        request.status = MediationRequest.Status.OPEN
        request.save(update_fields=["status"])
        return RequestChange(
            request, booking_cancelled=booking is not None, offers_withdrawn=withdrawn
        )

    change = _with_retries(step)
    if change.booking_cancelled or change.offers_withdrawn:
        planning.search_again(change.request)
    return change
