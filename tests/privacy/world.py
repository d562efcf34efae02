"""The privacy core's records in each region of the authorisation matrix (tests/accounts).

A person with an account and a role in the region (for `<user_id>` parameters), their
consent and an audit event; personal fields carry the region's `secret`.
"""

from __future__ import annotations

from typing import Any

from wir.accounts.actions import grant_role
from wir.accounts.models import User
from wir.accounts.roles import Role
from wir.core.models import Region
from wir.privacy.models import AuditEvent, Consent, ConsentText


def populate(region: Region, users: dict[str, User], secret: str) -> list[Any]:
    person = User.objects.create_user(
        username=f"{secret}-person", email=f"{secret}@example.org", password="x" * 16
    )
    grant_role(None, person, region, Role.MEDIATOR)
    text, _created = ConsentText.objects.get_or_create(
        purpose="matrix", version="1", defaults={"text": "Einwilligung (Test)"}
    )
    consent = Consent.objects.create(
        user=person, region=region, text=text, channel=Consent.Channel.WEB
    )
    event = AuditEvent.objects.create(
        region_id=region.pk, action="viewed", record_type="accounts.user", record_id=str(person.pk)
    )
    return [person, consent, event]
