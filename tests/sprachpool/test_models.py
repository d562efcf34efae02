"""Invariants of the Sprachpool data model, enforced by the database."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction

from tests.sprachpool.conftest import START, MakeMediator, MakeOffer, MakeRequest
from wir.core.models import Language, Region
from wir.sprachpool.models import (
    Assignment,
    CefrLevel,
    MediationRequest,
    Mediator,
    MediatorLanguage,
)

pytestmark = pytest.mark.django_db


def test_request_must_end_after_start(make_request: MakeRequest) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        make_request(hours=0)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_request(hours=-1)


def test_client_reference_is_pseudonymous_only() -> None:
    names = {f.name for f in MediationRequest._meta.get_fields()}
    assert not names & {"client_name", "first_name", "last_name", "name", "birth_date"}
    field = MediationRequest._meta.get_field("client_reference")
    assert field.max_length == 40
    assert "keine Namen" in str(field.help_text)


def test_active_mediator_needs_german_b1(region: Region) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Mediator.objects.create(
            region=region, code="SM-A2", status=Mediator.Status.ACTIVE, german_level=CefrLevel.A2
        )
    applied = Mediator.objects.create(
        region=region, code="SM-A2", status=Mediator.Status.APPLIED, german_level=CefrLevel.A2
    )
    assert applied.pk is not None


def test_one_booking_per_request(
    make_mediator: MakeMediator, make_request: MakeRequest, make_offer: MakeOffer
) -> None:
    request = make_request()
    first = make_offer(request, make_mediator("SM-1"))
    second = make_offer(request, make_mediator("SM-2"))
    Assignment.objects.filter(pk=first.pk).update(status=Assignment.Status.ACCEPTED)
    with pytest.raises(IntegrityError), transaction.atomic():
        Assignment.objects.filter(pk=second.pk).update(status=Assignment.Status.ACCEPTED)


def test_no_overlapping_bookings_of_one_mediator(
    make_mediator: MakeMediator, make_request: MakeRequest, make_offer: MakeOffer
) -> None:
    mediator = make_mediator("SM-1")
    first = make_offer(make_request(), mediator)
    overlapping = make_offer(make_request(START + timedelta(minutes=30)), mediator)
    adjacent = make_offer(make_request(START + timedelta(hours=1)), mediator)
    Assignment.objects.filter(pk=first.pk).update(status=Assignment.Status.ACCEPTED)
    with pytest.raises(IntegrityError), transaction.atomic():
        Assignment.objects.filter(pk=overlapping.pk).update(status=Assignment.Status.ACCEPTED)
    # Back-to-back is fine: ranges are half-open.
    Assignment.objects.filter(pk=adjacent.pk).update(status=Assignment.Status.ACCEPTED)
    # A new row inserted as accepted is checked too.
    with pytest.raises(IntegrityError), transaction.atomic():
        Assignment.objects.create(
            request=make_request(START + timedelta(minutes=10)),
            mediator=mediator,
            starts_at=START + timedelta(minutes=10),
            ends_at=START + timedelta(minutes=20),
            status=Assignment.Status.ACCEPTED,
        )


def test_mediator_language(make_mediator: MakeMediator) -> None:
    mediator = make_mediator("SM-1")
    arabic = Language.objects.get(code="ar")
    # Through the model's manager: the mediator's `languages` is a modelcluster relation,
    # whose `create` keeps the row in memory until the mediator is saved.
    MediatorLanguage.objects.create(
        mediator=mediator, language=arabic, level=CefrLevel.C2, dialects="Levantinisch"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        MediatorLanguage.objects.create(mediator=mediator, language=arabic, level=CefrLevel.B1)
    assert MediatorLanguage.objects.filter(mediator=mediator).count() == 1


def test_the_sqlite_guard_survives_table_rebuilds() -> None:
    """Django rebuilds SQLite tables for many schema changes, dropping triggers; the
    post_migrate hook installs them again (PostgreSQL keeps its exclusion constraint)."""
    from django.db import connection

    from wir.sprachpool.guard import ensure_sqlite_triggers

    if connection.vendor != "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_constraint WHERE conname = 'assignment_no_overlap'"
            )
            assert cursor.fetchone()[0] == 1
        return
    assert ensure_sqlite_triggers() == 2
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER assignment_no_overlap_INSERT")
    assert ensure_sqlite_triggers() == 2  # back again
