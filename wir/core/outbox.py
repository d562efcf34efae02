"""Mails that belong to a write survive a crash between commit and sending.

A write calls `write(compose)` inside its transaction: `compose(connection=...)` builds its
mails as always (Django's EmailMessage), but the connection stores each message as an
`OutboxMail` row in the same transaction instead of sending it. After commit the rows are
sent at once (`deliver`); if the process dies first, the worker `manage.py
send_mail_outbox --loop` sends them. A row is claimed (queued → sending) by one process
before it is sent and marked sent afterwards, so nothing is sent twice; a failed send is
tried again later (`RETRY_SECONDS`, growing) and after `MAX_ATTEMPTS` the row is "failed",
logged as an error and listed by the worker. A row left "sending" by a process killed
while talking to the mail server is not sent again (the mail may have gone out): after
`LEASE_SECONDS` it becomes "failed" with that reason, visible the same way.

Sending goes through Django's mail backend (settings.EMAIL_BACKEND; locmem in tests).
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable, Iterable, Sequence
from datetime import timedelta
from typing import Any

from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from wir.core.models import OutboxMail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
RETRY_SECONDS = 60  # after the first failure; doubles with each further one
LEASE_SECONDS = 15 * 60  # a row "sending" for longer was left by a killed process


class OutboxConnection(BaseEmailBackend):
    """A mail "connection" that stores messages as outbox rows (in the open transaction)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.ids: list[int] = []

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        for message in email_messages:
            if not message.recipients():
                continue
            row = OutboxMail.objects.create(
                subject=str(message.subject)[:300], message=to_parts(message)
            )
            self.ids.append(row.pk)
        return len(email_messages)


def write(compose: Callable[..., object]) -> list[int]:
    """Store the mails `compose(connection=...)` builds in the caller's transaction; send
    them after commit. Returns the outbox rows' ids."""
    connection = OutboxConnection()
    compose(connection=connection)
    ids = list(connection.ids)
    if ids:
        # Robust: sending after the commit must never fail the write that was committed
        # (e.g. SQLite busy while marking a row sent would make a caller retry its write);
        # what is left queued the worker sends.
        transaction.on_commit(lambda: deliver(ids), robust=True)
    return ids


def to_parts(message: EmailMessage) -> dict[str, Any]:
    attachments = []
    for attachment in message.attachments:
        filename, content, mimetype = attachment  # MIMEBase attachments are not used here
        if isinstance(content, bytes):
            attachments.append([filename, base64.b64encode(content).decode(), mimetype, "b64"])
        else:
            attachments.append([filename, content, mimetype, "text"])
    return {
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "body": message.body,
        "alternatives": [list(a) for a in getattr(message, "alternatives", [])],
        "attachments": attachments,
    }


def from_parts(subject: str, parts: dict[str, Any]) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject,
        parts["body"],
        parts["from_email"],
        to=parts["to"],
        cc=parts["cc"],
        bcc=parts["bcc"],
        reply_to=parts["reply_to"],
        headers=parts["headers"],
    )
    for content, mimetype in parts["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, content, mimetype, encoding in parts["attachments"]:
        data = base64.b64decode(content) if encoding == "b64" else content
        message.attach(filename, data, mimetype)
    return message


def give_up_interrupted(now: Any = None) -> int:
    """Rows left "sending" by a killed process: failed (maybe sent), never sent twice."""
    now = now or timezone.now()
    return OutboxMail.objects.filter(
        status=OutboxMail.Status.SENDING, claimed_at__lt=now - timedelta(seconds=LEASE_SECONDS)
    ).update(
        status=OutboxMail.Status.FAILED,
        last_error="Beim Senden unterbrochen (Prozess beendet); vielleicht nicht angekommen.",
    )


def deliver(ids: Iterable[int] | None = None, now: Any = None) -> tuple[int, int]:
    """Send the due outbox rows (only `ids` if given): (sent, failed this time)."""
    now = now or timezone.now()
    due = OutboxMail.objects.filter(status=OutboxMail.Status.QUEUED, next_attempt_at__lte=now)
    if ids is not None:
        due = due.filter(pk__in=list(ids))
    sent = failed = 0
    for pk in list(due.order_by("pk").values_list("pk", flat=True)):
        claimed = OutboxMail.objects.filter(pk=pk, status=OutboxMail.Status.QUEUED).update(
            status=OutboxMail.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
        )
        if not claimed:
            continue  # another process sends it
        row = OutboxMail.objects.get(pk=pk)
        try:
            from_parts(row.subject, row.message).send()
        except Exception as error:  # any failure of the mail server or backend
            failed += 1
            _failed(row, error, now)
            continue
        OutboxMail.objects.filter(pk=pk).update(
            status=OutboxMail.Status.SENT, sent_at=timezone.now(), message={}, last_error=""
        )
        sent += 1
    return sent, failed


def _failed(row: OutboxMail, error: Exception, now: Any) -> None:
    final = row.attempts >= MAX_ATTEMPTS
    delay = timedelta(seconds=RETRY_SECONDS * 2 ** (row.attempts - 1))
    OutboxMail.objects.filter(pk=row.pk).update(
        status=OutboxMail.Status.FAILED if final else OutboxMail.Status.QUEUED,
        next_attempt_at=now + delay,
        last_error=f"{type(error).__name__}: {error}"[:2000],
    )
    log = logger.error if final else logger.warning
    log("outbox mail %s (%s): attempt %s failed: %s", row.pk, row.subject, row.attempts, error)


def failed_mails() -> list[OutboxMail]:
    return list(OutboxMail.objects.filter(status=OutboxMail.Status.FAILED).order_by("-pk"))
