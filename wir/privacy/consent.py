"""Consent: what exactly a person agreed to, when and how, and its withdrawal.

The one API for every module. A module registers its purpose once (the text and its
version, and what a withdrawal does), then records consent and withdrawal here:

    consent.register_purpose(Purpose("sprachpool", "2026-12", CONSENT_TEXT, on_withdraw=...))
    consent.give(user, "sprachpool", region, channel=Consent.Channel.WEB)
    consent.current(user, "sprachpool", region)      # the standing consent, or None
    consent.withdraw(user, "sprachpool", region, by=request.user)

The text is stored verbatim (German) per version (`ConsentText`); a new version of the
text is a new `Purpose.version`, and earlier consents keep pointing at their text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone, translation

from wir.accounts.models import User
from wir.core.models import Region
from wir.privacy import audit
from wir.privacy.models import AuditAction, Consent, ConsentText
from wir.privacy.registry import Text

# What a withdrawal does to the module's records: (person, region, acting user).
WithdrawHandler = Callable[[User, Region | None, Any], None]


@dataclass(frozen=True)
class Purpose:
    key: str  # stored as ConsentText.purpose, e.g. "sprachpool"
    version: str  # e.g. "2026-12"
    text: Text
    on_withdraw: WithdrawHandler | None = None


_PURPOSES: dict[str, Purpose] = {}


class ConsentError(ValueError):
    """A consent call named an unknown purpose."""


def register_purpose(purpose: Purpose) -> None:
    _PURPOSES[purpose.key] = purpose


def purpose(key: str) -> Purpose:
    try:
        return _PURPOSES[key]
    except KeyError:
        raise ConsentError(f"unknown consent purpose {key!r}") from None


def text_of(chosen: Purpose) -> ConsentText:
    """The stored text of the purpose's current version (created on first use)."""
    with translation.override("de"):
        wording = str(chosen.text)
    text, _created = ConsentText.objects.get_or_create(
        purpose=chosen.key, version=chosen.version, defaults={"text": wording}
    )
    return text


def give(
    user: User,
    key: str,
    region: Region | None,
    *,
    channel: str = Consent.Channel.WEB,
    by: Any = None,
) -> Consent:
    """Record the person's consent to the current text of purpose `key` (in `region`)."""
    with transaction.atomic():
        consent = Consent.objects.create(
            user=user, region=region, text=text_of(purpose(key)), channel=channel
        )
        audit.record(
            by if by is not None else user,
            AuditAction.CONSENT_GIVEN,
            consent,
            region_id=region.pk if region else None,
        )
    return consent


def current(user: User, key: str, region: Region | None) -> Consent | None:
    """The person's standing consent to purpose `key` in `region`, or None."""
    return (
        Consent.objects.filter(
            user=user, region=region, text__purpose=key, withdrawn_at__isnull=True
        )
        .select_related("text")
        .order_by("-given_at")
        .first()
    )


def withdraw(user: User, key: str, region: Region | None, *, by: Any) -> int:
    """Withdraw every standing consent of the person to `key` in `region`, and let the
    module act on it (pause, anonymise) in the same transaction. Returns how many."""
    chosen = purpose(key)
    with transaction.atomic():
        standing = list(
            Consent.objects.select_for_update().filter(
                user=user, region=region, text__purpose=key, withdrawn_at__isnull=True
            )
        )
        now = timezone.now()
        for consent in standing:
            consent.withdrawn_at = now
            consent.save(update_fields=["withdrawn_at"])
            audit.record(
                by,
                AuditAction.CONSENT_WITHDRAWN,
                consent,
                region_id=region.pk if region else None,
            )
        if standing and chosen.on_withdraw is not None:
            chosen.on_withdraw(user, region, by)
    return len(standing)
