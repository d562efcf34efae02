"""Accepting, declining and cancelling offers."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from tests.sprachpool.conftest import START, MakeMediator, MakeOffer, MakeRequest
from wir.accounts.models import User
from wir.core.models import OutboxMail
from wir.sprachpool.actions import BookingConflict, accept_offer, cancel_assignment, decline_offer
from wir.sprachpool.models import Assignment, MediationRequest

pytestmark = pytest.mark.django_db

Status = Assignment.Status


def test_accept_books_the_request_and_expires_other_offers(
    make_mediator: MakeMediator, make_request: MakeRequest, make_offer: MakeOffer
) -> None:
    request = make_request()
    mine = make_offer(request, make_mediator("SM-1"))
    other = make_offer(request, make_mediator("SM-2"))
    assert mine.mediator.user is not None
    accepted = accept_offer(mine.pk, mine.mediator.user)
    assert accepted.status == Status.ACCEPTED
    assert accepted.responded_at is not None
    request.refresh_from_db()
    other.refresh_from_db()
    assert request.status == MediationRequest.Status.BOOKED
    assert other.status == Status.EXPIRED
    assert other.mediator.user is not None
    with pytest.raises(BookingConflict):
        accept_offer(other.pk, other.mediator.user)


def test_accept_refuses_overlapping_time_with_german_message(
    make_mediator: MakeMediator, make_request: MakeRequest, make_offer: MakeOffer
) -> None:
    mediator = make_mediator("SM-1")
    user = mediator.user
    assert user is not None
    first = make_offer(make_request(), mediator)
    second = make_offer(make_request(START + timedelta(minutes=30)), mediator)
    accept_offer(first.pk, user)
    with pytest.raises(BookingConflict) as caught:
        accept_offer(second.pk, user)
    assert caught.value.message == (
        "Diese Zeit ist für die Sprachmittlerin / den Sprachmittler schon vergeben."
    )
    # Nothing changed half-way: the offer and its request stay as they were.
    second.refresh_from_db()
    assert second.status == Status.OFFERED
    assert second.request.status == MediationRequest.Status.OFFERED


def test_someone_else_cannot_accept(
    make_mediator: MakeMediator,
    make_request: MakeRequest,
    make_offer: MakeOffer,
    clerk: User,
) -> None:
    offer = make_offer(make_request(), make_mediator("SM-1"))
    stranger = make_mediator("SM-2").user
    assert stranger is not None
    for user in (stranger, clerk):
        with pytest.raises(Assignment.DoesNotExist):
            accept_offer(offer.pk, user)
    offer.refresh_from_db()
    assert offer.status == Status.OFFERED


def test_decline_reopens_request_when_no_offer_is_left(
    make_mediator: MakeMediator, make_request: MakeRequest, make_offer: MakeOffer
) -> None:
    request = make_request()
    one = make_offer(request, make_mediator("SM-1"))
    two = make_offer(request, make_mediator("SM-2"))
    assert one.mediator.user is not None
    assert two.mediator.user is not None
    decline_offer(one.pk, one.mediator.user)
    request.refresh_from_db()
    assert request.status == MediationRequest.Status.OFFERED
    declined = decline_offer(two.pk, two.mediator.user)
    assert declined.status == Status.DECLINED
    request.refresh_from_db()
    assert request.status == MediationRequest.Status.OPEN


def test_cancel_booking_frees_time_and_request(
    make_mediator: MakeMediator, make_request: MakeRequest, make_offer: MakeOffer
) -> None:
    mediator = make_mediator("SM-1")
    user = mediator.user
    assert user is not None
    first = make_offer(make_request(), mediator)
    second = make_offer(make_request(START + timedelta(minutes=30)), mediator)
    accept_offer(first.pk, user)
    cancelled = cancel_assignment(first.pk, user, "krank")
    assert cancelled.status == Status.CANCELLED
    assert cancelled.cancel_reason == "krank"
    first.request.refresh_from_db()
    assert first.request.status == MediationRequest.Status.OPEN
    assert accept_offer(second.pk, user).status == Status.ACCEPTED


def test_lasting_sqlite_lock_becomes_a_booking_conflict(monkeypatch: pytest.MonkeyPatch) -> None:
    from django.db import OperationalError

    from wir.core import writes
    from wir.sprachpool import actions

    monkeypatch.setattr(writes, "PATIENCE_SECONDS", 0.2)
    calls: list[int] = []

    def locked() -> None:
        calls.append(1)
        raise OperationalError("database is locked")

    with pytest.raises(BookingConflict) as caught:
        actions._with_retries(locked)
    assert len(calls) > 1  # retried until the deadline, not given up at once
    assert "gleich noch einmal" in caught.value.message


def test_the_booking_mail_is_stored_with_the_booking_and_sent_once_after_a_crash(
    make_mediator: MakeMediator, make_request: MakeRequest, make_offer: MakeOffer
) -> None:
    """The test's transaction never commits (as if the process died right after the
    commit): the confirmation waits in the outbox; the worker sends it once."""
    request = make_request()
    mine = make_offer(request, make_mediator("SM-1"))
    assert mine.mediator.user is not None
    User.objects.filter(pk=mine.mediator.user.pk).update(email="sm-1@pool.example")
    User.objects.filter(pk=request.requested_by.pk).update(email="fachdienst@kreis.example")
    accept_offer(mine.pk, mine.mediator.user)
    assert mail.outbox == []
    assert OutboxMail.objects.filter(status=OutboxMail.Status.QUEUED).exists()
    call_command("send_mail_outbox", verbosity=0)
    call_command("send_mail_outbox", verbosity=0)
    assert sorted((m.subject, *m.to) for m in mail.outbox) == [
        ("Sprachpool: Einsatz bestätigt", "fachdienst@kreis.example"),
        ("Sprachpool: Einsatz bestätigt", "sm-1@pool.example"),
    ]
