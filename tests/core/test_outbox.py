"""The mail outbox (wir/core/outbox.py): mails of a write survive a crash after commit."""

from __future__ import annotations

import socket
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from wir.core import outbox
from wir.core.models import OutboxMail

pytestmark = pytest.mark.django_db


def compose(connection: Any = None) -> int:
    message = EmailMessage("Einsatz bestätigt", "Guten Tag", to=["sm@pool.example"])
    message.attach("einsatz.ics", b"BEGIN:VCALENDAR\r\n", "text/calendar")
    message.connection = connection
    return message.send()


def test_a_crash_after_commit_leaves_the_mail_which_the_worker_sends_exactly_once() -> None:
    # The test's transaction never commits, so the after-commit send never runs: like a
    # process killed between the commit and sending.
    with transaction.atomic():
        (pk,) = outbox.write(compose)
    assert mail.outbox == []
    assert OutboxMail.objects.get(pk=pk).status == OutboxMail.Status.QUEUED
    call_command("send_mail_outbox", verbosity=0)
    call_command("send_mail_outbox", verbosity=0)
    assert [(m.subject, m.to) for m in mail.outbox] == [("Einsatz bestätigt", ["sm@pool.example"])]
    assert mail.outbox[0].attachments[0][1] == "BEGIN:VCALENDAR\r\n"
    row = OutboxMail.objects.get(pk=pk)
    assert row.status == OutboxMail.Status.SENT
    assert row.message == {}  # addresses and text are gone once sent


def test_after_commit_the_mail_goes_at_once(django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        outbox.write(compose)
    assert len(mail.outbox) == 1
    assert outbox.deliver() == (0, 0)
    assert len(mail.outbox) == 1


def test_a_rolled_back_write_leaves_no_mail() -> None:
    def write_then_fail() -> None:
        with transaction.atomic():
            outbox.write(compose)
            raise RuntimeError

    with pytest.raises(RuntimeError):
        write_then_fail()
    assert not OutboxMail.objects.exists()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_mail_server_that_is_down_is_retried_then_the_mail_is_visibly_failed() -> None:
    with transaction.atomic():
        (pk,) = outbox.write(compose)
    backend = "django.core.mail.backends.smtp.EmailBackend"
    now = timezone.now()
    with override_settings(EMAIL_BACKEND=backend, EMAIL_HOST="127.0.0.1", EMAIL_PORT=closed_port()):
        for attempt in range(1, outbox.MAX_ATTEMPTS + 1):
            assert outbox.deliver(now=now) == (0, 1)
            row = OutboxMail.objects.get(pk=pk)
            assert row.attempts == attempt
            assert "ConnectionRefusedError" in row.last_error
            now = row.next_attempt_at
    assert row.status == OutboxMail.Status.FAILED
    assert outbox.failed_mails() == [row]
    assert outbox.deliver(now=now) == (0, 0)  # given up: not tried again
    assert mail.outbox == []


def test_a_row_left_sending_by_a_killed_process_is_not_sent_twice() -> None:
    with transaction.atomic():
        (pk,) = outbox.write(compose)
    long_ago = timezone.now() - timedelta(hours=1)
    OutboxMail.objects.filter(pk=pk).update(status=OutboxMail.Status.SENDING, claimed_at=long_ago)
    assert outbox.deliver() == (0, 0)
    assert outbox.give_up_interrupted() == 1
    row = OutboxMail.objects.get(pk=pk)
    assert row.status == OutboxMail.Status.FAILED
    assert "unterbrochen" in row.last_error
    assert mail.outbox == []
