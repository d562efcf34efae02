"""Mailing deliveries are deleted 12 months after sending by the privacy core's daily job."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone

from tests.volunteers.conftest import MakeVolunteer
from wir.accounts.models import User
from wir.core.models import Region
from wir.privacy import retention
from wir.privacy.models import AuditEvent
from wir.privacy.registry import declaration_of
from wir.volunteers import mailing, optin
from wir.volunteers.models import Mailing, MailingDelivery

pytestmark = pytest.mark.django_db


def sent(coordinator: User, region: Region, key: str, capture: Any) -> Mailing:
    with capture(execute=True):
        return mailing.send_mailing(
            coordinator,
            region,
            mailing.Audience(),
            subject=f"Rundmail {key}",
            body="Neue Einsätze im Familienzentrum.",
            key=key,
        ).mailing


def test_old_deliveries_go_recent_ones_stay(
    region: Region,
    coordinator: User,
    make_volunteer: MakeVolunteer,
    django_capture_on_commit_callbacks: Any,
) -> None:
    for code in ("EA-001", "EA-002"):
        optin.set_opt_in(make_volunteer(code), True, by=None)
    now = timezone.now()
    old = sent(coordinator, region, "alt", django_capture_on_commit_callbacks)
    recent = sent(coordinator, region, "neu", django_capture_on_commit_callbacks)
    MailingDelivery.objects.filter(mailing=old).update(sent_at=now - timedelta(days=380))
    MailingDelivery.objects.filter(mailing=recent).update(sent_at=now - timedelta(days=330))
    # A delivery never handed over counts from the day the mailing was written.
    Mailing.objects.filter(pk=recent.pk).update(created_at=now - timedelta(days=400))
    MailingDelivery.objects.filter(mailing=recent, volunteer__code="EA-002").update(sent_at=None)

    assert retention.run().counts == {"volunteers.mailingdelivery": 3}
    assert list(MailingDelivery.objects.values_list("mailing__key", "volunteer__code")) == [
        ("neu", "EA-001")
    ]
    # The mailing itself stays, with its count, for coordination's list.
    assert Mailing.objects.get(pk=old.pk).recipient_count == 2
    deleted = AuditEvent.objects.filter(record_type="volunteers.mailingdelivery")
    assert set(deleted.values_list("action", flat=True)) == {"deleted"}
    assert deleted.count() == 3
    assert retention.run().counts == {}  # nothing twice

    # Sending the old mailing's form again mails nobody a second time.
    outbox = len(mail.outbox)
    sent(coordinator, region, "alt", django_capture_on_commit_callbacks)
    assert len(mail.outbox) == outbox


def test_the_rule_is_declared_for_the_register() -> None:
    declaration = declaration_of(MailingDelivery)
    assert declaration is not None
    assert declaration.retention is not None
    assert declaration.retention.months == 12
    assert declaration.erase_action == "delete"
    assert "12 Monate nach dem Versand" in str(declaration.retention.description)
