"""No double booking, ever: many parallel attempts, each on its own connection."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.db import connections

from tests.sprachpool.conftest import START, MakeMediator, MakeOffer, MakeRequest
from wir.accounts.models import User
from wir.sprachpool.actions import BookingConflict, accept_offer
from wir.sprachpool.models import Assignment, MediationRequest

pytestmark = pytest.mark.django_db(transaction=True)

PARALLEL = 12


def run_in_parallel(attempts: list[tuple[int, User]]) -> list[str]:
    """Accept all offers at once; return "ok", "conflict" or the unexpected error."""
    barrier = threading.Barrier(len(attempts))
    outcomes: list[str] = [""] * len(attempts)

    def attempt(index: int, assignment_id: int, user: User) -> None:
        try:
            barrier.wait(timeout=30)
            accept_offer(assignment_id, user)
            outcomes[index] = "ok"
        except BookingConflict:
            outcomes[index] = "conflict"
        except Exception as exc:  # anything else would be a 500
            outcomes[index] = f"error: {exc!r}"
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=attempt, args=(i, pk, user))
        for i, (pk, user) in enumerate(attempts)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


def assert_one_winner(outcomes: list[str]) -> None:
    assert sorted(outcomes) == ["conflict"] * (PARALLEL - 1) + ["ok"], outcomes


def test_one_mediator_overlapping_offers_of_different_requests(
    make_mediator: MakeMediator, make_request: MakeRequest, make_offer: MakeOffer
) -> None:
    mediator = make_mediator("SM-1")
    user = mediator.user
    assert user is not None
    offers = [
        make_offer(make_request(START + timedelta(minutes=5 * i)), mediator)
        for i in range(PARALLEL)
    ]
    outcomes = run_in_parallel([(offer.pk, user) for offer in offers])
    assert_one_winner(outcomes)
    accepted = Assignment.objects.filter(status=Assignment.Status.ACCEPTED)
    assert accepted.count() == 1
    booked = MediationRequest.objects.filter(status=MediationRequest.Status.BOOKED)
    # No partial state: exactly the winner's request is booked, the others still offered.
    assert list(booked.values_list("pk", flat=True)) == [accepted.get().request_id]
    assert Assignment.objects.filter(status=Assignment.Status.OFFERED).count() == PARALLEL - 1


def test_different_mediators_one_request(
    make_mediator: MakeMediator, make_request: MakeRequest, make_offer: MakeOffer
) -> None:
    request = make_request()
    offers = [make_offer(request, make_mediator(f"SM-{i}")) for i in range(PARALLEL)]
    attempts: list[tuple[int, User]] = []
    for offer in offers:
        assert offer.mediator.user is not None
        attempts.append((offer.pk, offer.mediator.user))
    outcomes = run_in_parallel(attempts)
    assert_one_winner(outcomes)
    assert Assignment.objects.filter(status=Assignment.Status.ACCEPTED).count() == 1
    assert Assignment.objects.filter(status=Assignment.Status.EXPIRED).count() == PARALLEL - 1
    request.refresh_from_db()
    assert request.status == MediationRequest.Status.BOOKED
