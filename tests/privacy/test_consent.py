"""Consent records and their withdrawal: the API, the data migration, the mediator's page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from wir.accounts.models import Membership
from wir.core.models import Language
from wir.privacy import consent
from wir.privacy.models import AuditEvent, Consent, ConsentText
from wir.sprachpool.models import Assignment, Mediator, MediatorLanguage
from wir.sprachpool.privacy import PURPOSE

MY_DATA = "/konto/meine-daten/"


@pytest.fixture
def mediator(make_mediator, region):
    person = make_mediator("SM-1")
    MediatorLanguage.objects.create(
        mediator=person, language=Language.objects.get(code="ar"), level="native"
    )
    consent.give(person.user, PURPOSE, region)
    return person


def _client(client, user):
    client.force_login(user)
    return client


def test_give_stores_the_exact_text_once_per_version(mediator, region, make_user) -> None:
    other = make_user("zweite")
    consent.give(other, PURPOSE, region)
    assert ConsentText.objects.filter(purpose=PURPOSE).count() == 1
    standing = consent.current(mediator.user, PURPOSE, region)
    assert standing is not None
    assert "Ich willige ein" in standing.text.text
    assert AuditEvent.objects.filter(action="consent_given").count() == 2
    with pytest.raises(consent.ConsentError):
        consent.give(other, "erfunden", region)


def test_the_mediator_withdraws_from_their_own_page(
    client, mediator, region, make_request, make_offer, clerk, django_capture_on_commit_callbacks
) -> None:
    future = make_request(start=timezone.now() + timedelta(days=3))
    booking = make_offer(future, mediator)
    Assignment.objects.filter(pk=booking.pk).update(status=Assignment.Status.ACCEPTED)
    future.status = future.Status.BOOKED
    future.save()
    clerk.email = "stelle@example.org"
    clerk.save()
    client = _client(client, mediator.user)
    page = client.get(MY_DATA)
    standing = Consent.objects.get(user=mediator.user)
    assert f"/konto/meine-daten/einwilligung/{standing.pk}/widerrufen/" in page.text
    url = f"{MY_DATA}einwilligung/{standing.pk}/widerrufen/"
    confirm = client.get(url)
    assert "Wenn Sie widerrufen, bekommen Sie keine Angebote mehr." in confirm.text
    unconfirmed = client.post(url, {})
    assert "Bitte bestätigen Sie mit dem Häkchen." in unconfirmed.text
    assert consent.current(mediator.user, PURPOSE, region) is not None
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(url, {"confirm": "on"}, follow=True)
    assert "Sie haben Ihre Einwilligung widerrufen." in done.text
    assert consent.current(mediator.user, PURPOSE, region) is None
    mediator.refresh_from_db()
    assert mediator.status == Mediator.Status.PAUSED
    assert mediator.user is None
    assert not MediatorLanguage.objects.filter(mediator=mediator).exists()
    assert not Membership.objects.filter(user__username="sm-SM-1", role="mediator").exists()
    booking.refresh_from_db()
    assert booking.status == Assignment.Status.CANCELLED
    future.refresh_from_db()
    assert future.status == future.Status.OPEN
    assert AuditEvent.objects.filter(action="consent_withdrawn").count() == 1
    anonymised = AuditEvent.objects.filter(action="anonymised", record_type="sprachpool.mediator")
    assert anonymised.exists()
    assert len(mail.outbox) == 1  # the department learns of the cancelled booking


def test_nobody_withdraws_another_persons_consent(client, mediator, make_user) -> None:
    standing = Consent.objects.get(user=mediator.user)
    other = make_user("fremd")
    url = f"{MY_DATA}einwilligung/{standing.pk}/widerrufen/"
    assert _client(client, other).post(url, {"confirm": "on"}).status_code == 404
    assert Consent.objects.get(pk=standing.pk).withdrawn_at is None
    assert client.get(f"{MY_DATA}einwilligung/99999/widerrufen/").status_code == 404


def test_withdrawing_twice_changes_nothing_more(mediator, region) -> None:
    assert consent.withdraw(mediator.user, PURPOSE, region, by=mediator.user) == 1
    assert consent.withdraw(mediator.user, PURPOSE, region, by=mediator.user) == 0
