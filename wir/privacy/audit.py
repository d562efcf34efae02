"""Recording access to personal data. The one way to write the audit log.

Call `record` in the action that reads, exports or writes a declared record — inside the
same transaction, so a failed write leaves no event and an event never lacks its write:

    audit.record(request.user, AuditAction.VIEWED, mediator)
    audit.record(user, AuditAction.CHANGED, mediator, fields=form.changed_data)
    audit.record(user, AuditAction.VIEWED, mediator, reason=form.cleaned_data["reason"])

Only the record's type and id and the names of fields are stored, never their values.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import connections, models, transaction
from django.utils import timezone

from wir.privacy.models import AuditAction, AuditEvent
from wir.privacy.registry import declaration_of


def _region_id(obj: models.Model) -> int | None:
    declaration = declaration_of(obj)
    path = declaration.region if declaration else "region"
    if path is None:
        return None
    value: Any = obj
    for part in path.split("__"):
        if value is None:
            return None
        id_value = getattr(value, f"{part}_id", None)
        if id_value is not None and part == path.split("__")[-1]:
            return int(id_value)
        value = getattr(value, part, None)
    if value is None:
        return None
    return int(value.pk) if isinstance(value, models.Model) else int(value)


def record(
    actor: Any,
    action: AuditAction | str,
    obj: models.Model,
    *,
    fields: Iterable[str] = (),
    reason: str = "",
    region_id: int | None = None,
) -> AuditEvent:
    """Append one event: `actor` (a user, or None for the system) did `action` on `obj`."""
    actor_id = actor.pk if actor is not None and getattr(actor, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        actor_id=actor_id,
        region_id=region_id if region_id is not None else _region_id(obj),
        action=str(action),
        record_type=obj._meta.label_lower,
        record_id=str(obj.pk),
        fields=sorted(set(fields)),
        reason=reason[:300],
    )


def record_many(
    actor: Any,
    action: AuditAction | str,
    objs: Iterable[models.Model],
    *,
    reason: str = "",
) -> int:
    """One event per record, in one INSERT (exports, lists)."""
    actor_id = actor.pk if actor is not None and getattr(actor, "is_authenticated", False) else None
    events = [
        AuditEvent(
            actor_id=actor_id,
            region_id=_region_id(obj),
            action=str(action),
            record_type=obj._meta.label_lower,
            record_id=str(obj.pk),
            reason=reason[:300],
        )
        for obj in objs
    ]
    AuditEvent.objects.bulk_create(events)
    return len(events)


def purge_expired(now: datetime | None = None) -> int:
    """Delete events older than `WIR_AUDIT_RETENTION_DAYS`; the daily job's one deletion.

    The application's database role may not delete from the log (docs/datenschutz.md), so
    this runs on the connection `WIR_AUDIT_PURGE_DATABASE` names (a maintenance role on
    PostgreSQL; "default" on SQLite), in plain SQL around the append-only model.
    """
    now = now or timezone.now()
    limit = now - timedelta(days=settings.WIR_AUDIT_RETENTION_DAYS)
    connection = connections[settings.WIR_AUDIT_PURGE_DATABASE]
    table = connection.ops.quote_name(AuditEvent._meta.db_table)
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE at < %s", [limit])  # noqa: S608 (our table name)
        return max(cursor.rowcount, 0)
