"""A person's rights: the export of their data (Art. 15, 20 GDPR) and its erasure (Art. 17).

Both walk every declaration whose `subject` reaches the person's account (`registry`), so a
module that declares its models is covered without code here.

Erasure is all or nothing (one transaction). Who erases what:
- the person themselves (`region=None`): every declared record of theirs in every region,
  their roles, and the account (anonymised: `geloescht-<id>`, no e-mail or names, no
  password, inactive; the row stays because requests and bookings point at it);
- coordination of a region on request (`region=R`, a reason is required): only records of
  region R and the person's roles in R; the account itself only if no other region holds a
  role of theirs — another region's records are that region's controller's to decide.
Standing consents are withdrawn first, so that each module ends what depends on them (the
Sprachpool cancels future bookings and tells the departments). Every anonymised or deleted
record is written to the audit log (type and id, with reason).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import QuerySet
from wagtail.models import ModelLogEntry

from wir.accounts.actions import revoke_role
from wir.accounts.models import Membership, User
from wir.accounts.permissions import forget_cached_roles
from wir.core.models import Region
from wir.privacy import audit, consent
from wir.privacy.models import AuditAction
from wir.privacy.registry import (
    ERASE_DELETE,
    SELF,
    PersonalData,
    declarations,
)

ERASED_LABEL = "[gelöscht]"


def records_of(
    user: User, declaration: PersonalData, region: Region | None = None
) -> QuerySet[Any]:
    """The declared model's records about `user` (only those of `region`, if given)."""
    manager = declaration.model._default_manager
    if declaration.subject == SELF:
        rows = manager.filter(pk=user.pk)
    elif declaration.subject:
        rows = manager.filter(**{declaration.subject: user})
    elif declaration.subject_filter is not None:
        rows = manager.filter(declaration.subject_filter(user))
    else:
        return manager.none()
    if region is not None:
        if declaration.region is None:
            return manager.none()  # platform-wide records: not one region's to erase
        rows = rows.filter(**{f"{declaration.region}__pk": region.pk})
    return rows


def blank_value(model: type[models.Model], name: str) -> Any:
    """What a declared field becomes when anonymised, unless the declaration says."""
    model_field = model._meta.get_field(name)
    if model_field.null:
        return None
    if isinstance(model_field, models.BooleanField):
        return False
    if isinstance(model_field, models.CharField | models.TextField):
        return ""
    raise ValueError(f"{model._meta.label}.{name}: say in `anonymised` what it becomes")


def anonymised_values(declaration: PersonalData) -> dict[str, Any]:
    return {
        # Not `.get(name, blank_value(...))`: the default would be worked out (and may
        # raise) for fields whose value the declaration gives.
        name: (
            declaration.anonymised[name]
            if name in declaration.anonymised
            else blank_value(declaration.model, name)
        )
        for name in declaration.fields
    }


def apply(
    declaration: PersonalData, pks: list[Any], action: str, *, by: Any, reason: str = ""
) -> int:
    """Anonymise or delete the rows `pks` of a declared model, and log each one."""
    if not pks:
        return 0
    rows = declaration.model._default_manager.filter(pk__in=pks)
    objects = list(rows)
    if action == ERASE_DELETE:
        audit.record_many(by, AuditAction.DELETED, objects, reason=reason)
        rows.delete()
    else:
        audit.record_many(by, AuditAction.ANONYMISED, objects, reason=reason)
        rows.update(**anonymised_values(declaration))
    return len(objects)


@dataclass
class ErasureResult:
    counts: dict[str, int] = field(default_factory=dict)  # record type → rows
    account_erased: bool = False


Plan = list[tuple[PersonalData, list[Any]]]


def plan_records(user: User, chosen: Iterable[PersonalData], region: Region | None) -> Plan:
    """The person's rows per declaration, found while every path still leads to them."""
    return [(d, list(records_of(user, d, region).values_list("pk", flat=True))) for d in chosen]


def apply_plan(plan: Plan, *, by: Any, reason: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for declaration, pks in plan:
        done = apply(declaration, pks, declaration.erase_action, by=by, reason=reason)
        if done:
            counts[declaration.label] = done
    return counts


def erase_records(
    user: User,
    chosen: Iterable[PersonalData],
    region: Region | None,
    *,
    by: Any,
    reason: str,
) -> dict[str, int]:
    """Erase the person's records of the chosen declarations (no transaction of its own)."""
    return apply_plan(plan_records(user, chosen, region), by=by, reason=reason)


def erase(user: User, by: Any, reason: str, region: Region | None = None) -> ErasureResult:
    """Erase a person's data: everywhere (region None: the person themselves) or what one
    region holds (coordination on request). All or nothing."""
    result = ErasureResult()
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        roles = Membership.objects.filter(user=locked)
        if region is not None:
            roles = roles.filter(region=region)
        role_ids = [str(pk) for pk in roles.values_list("pk", flat=True)]
        regional = [d for d in declarations() if d.subject != SELF and d.region is not None]
        plan = plan_records(locked, regional, region)
        # Withdrawing the consents first lets each module end what depends on them (the
        # Sprachpool cancels future bookings and tells the departments).
        consent.withdraw_all(locked, region, by=by)
        result.counts = apply_plan(plan, by=by, reason=reason)
        for membership in roles.select_related("region"):
            revoke_role(None, locked, membership.region, membership.role)
        # Wagtail's history of the roles names the account in its labels.
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Membership), object_id__in=role_ids
        ).update(label=ERASED_LABEL)
        if region is None or not Membership.objects.filter(user=locked).exists():
            rest = [d for d in declarations() if d.subject == SELF or d.region is None]
            result.counts.update(erase_records(locked, rest, None, by=by, reason=reason))
            result.account_erased = True
        forget_cached_roles(user)
    return result


def _in_region(rows: QuerySet[Any], region: Region | None) -> QuerySet[Any]:
    return rows if region is None else rows.filter(region=region)


# --- export ------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    return value


def export(user: User, region: Region | None = None) -> dict[str, Any]:
    """Everything declared about the person, as plain data (JSON-ready): per record type
    its purpose, legal basis, retention and the rows' declared fields. With `region`: what
    that region holds (coordination's answer to a request), plus the account's basics."""
    sections = []
    for declaration in declarations():
        scope = None if declaration.subject == SELF else region
        rows = records_of(user, declaration, scope)
        names = [n for n in declaration.fields if n != "password"]
        items = [
            {"id": row.pk, **{name: _plain(getattr(row, name)) for name in names}}
            for row in rows.order_by("pk")
        ]
        if not items:
            continue
        retention = declaration.retention
        sections.append(
            {
                "type": declaration.label,
                "title": str(declaration.display_title),
                "purpose": str(declaration.purpose),
                "legal_basis": str(declaration.legal_basis),
                "retention": str(retention.description) if retention else "",
                "records": items,
            }
        )
    consents = [
        {
            "purpose": c.text.purpose,
            "version": c.text.version,
            "text": c.text.text,
            "channel": c.get_channel_display(),
            "given_at": _plain(c.given_at),
            "withdrawn_at": _plain(c.withdrawn_at),
            "region": c.region.full_name if c.region else "",
        }
        for c in _in_region(user.consents.all(), region)
        .select_related("text", "region")
        .order_by("given_at")
    ]
    roles = [
        {"region": m.region.full_name, "role": m.get_role_display()}
        for m in _in_region(Membership.objects.filter(user=user), region).select_related("region")
    ]
    return {
        "account": user.get_username(),
        "roles": roles,
        "consents": consents,
        "records": sections,
    }
