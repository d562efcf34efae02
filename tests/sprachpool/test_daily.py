"""The daily run: reminders once, expired offers, deletion after the retention period;
and a new search when a mediator cancels."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from wir.sprachpool import daily
from wir.sprachpool.models import Assignment, MediationRequest


def booking(ask, mediator, start, status=Assignment.Status.ACCEPTED) -> Assignment:
    booked = status == Assignment.Status.ACCEPTED
    state = MediationRequest.Status.BOOKED if booked else MediationRequest.Status.OFFERED
    request = ask(start, status=state)
    return Assignment.objects.create(
        request=request, mediator=mediator, starts_at=request.starts_at,
        ends_at=request.ends_at, status=status,
    )  # fmt: skip


def test_reminders_go_once_the_day_before(pool, ask, make_user, region) -> None:
    person = make_user("sm-erinnern", "mediator", region)
    person.email = "sm@pool.example"
    person.save()
    mediator = pool("SM-ERINNERN", user=person)
    now = timezone.now()
    tomorrow = timezone.localtime(now).replace(hour=10, minute=0, second=0, microsecond=0)
    tomorrow += timedelta(days=1)
    soon = booking(ask, mediator, tomorrow)
    booking(ask, mediator, tomorrow + timedelta(days=1))  # the day after: not yet
    soon.request.requested_by.email = "amt@kreis.example"
    soon.request.requested_by.save()
    mail.outbox.clear()
    assert daily.run(now).reminded == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["amt@kreis.example", "sm@pool.example"]
    assert "morgen ist der Einsatz mit SM-ERINNERN" in mail.outbox[0].body
    assert daily.run(now).reminded == 0  # a second run sends nothing
    assert len(mail.outbox) == 2


class DyingBackend:
    """A mail server that never answers: the daily run stops in the middle of sending."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def send_messages(self, messages: object) -> int:
        raise ConnectionError("Verbindung zum Mailserver abgebrochen")


def test_a_run_killed_while_sending_never_sends_a_reminder_twice(
    pool, ask, make_user, region, settings
) -> None:
    person = make_user("sm-abbruch", "mediator", region)
    person.email = "sm2@pool.example"
    person.save()
    now = timezone.now()
    tomorrow = timezone.localtime(now).replace(hour=9, minute=0, second=0, microsecond=0)
    soon = booking(ask, pool("SM-ABBRUCH", user=person), tomorrow + timedelta(days=1))
    settings.EMAIL_BACKEND = f"{__name__}.DyingBackend"
    with pytest.raises(ConnectionError):
        daily.run(now)
    soon.refresh_from_db()
    assert soon.reminded_at is not None  # marked before sending: the next run skips it
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox.clear()
    assert daily.run(now).reminded == 0
    assert mail.outbox == []


def test_unanswered_offers_expire_when_the_appointment_begins(pool, ask) -> None:
    mediator = pool("SM-SPAET")
    past = booking(ask, mediator, timezone.now() - timedelta(hours=2), Assignment.Status.OFFERED)
    future = booking(ask, mediator, timezone.now() + timedelta(days=2), Assignment.Status.OFFERED)
    result = daily.run()
    assert (result.expired, result.reopened) == (1, 1)
    past.refresh_from_db()
    future.refresh_from_db()
    assert past.status == Assignment.Status.EXPIRED
    assert past.request.status == MediationRequest.Status.OPEN
    assert future.status == Assignment.Status.OFFERED


def call_command_output() -> str:
    out = StringIO()
    call_command("sprachpool_daily", stdout=out)
    return out.getvalue()


def test_a_cancelling_mediator_triggers_a_new_search(pool, ask, make_user, region) -> None:
    person = make_user("sm-krank", "mediator", region)
    first = pool("SM-KRANK", user=person)
    second = pool("SM-ERSATZ")
    start = timezone.now() + timedelta(days=4)
    booked = booking(ask, first, start)
    client = Client()
    client.force_login(person)
    page = client.post(
        f"/sprachpool/einsaetze/{booked.pk}/absagen/", {"reason": "krank"}, follow=True
    )
    assert "Sie haben den Einsatz abgesagt." in page.text
    offers = Assignment.objects.filter(request=booked.request, status=Assignment.Status.OFFERED)
    assert [offer.mediator for offer in offers] == [second]
    booked.request.refresh_from_db()
    assert booked.request.status == MediationRequest.Status.OFFERED
