"""Declarations of personal data: what a model stores about people, why, for how long.

A module declares each model that holds personal data once, next to the model:

    @personal_data(
        fields=("email", "phone"),
        purpose=_("Einsätze anbieten"),
        legal_basis=_("Art. 6 Abs. 1 lit. a DSGVO (Einwilligung)"),
        retention=Retention(months=24, since="last_active_at", action=ERASE_ANONYMISE,
                            description=_("24 Monate nach der letzten Aktivität")),
        subject="user",
        region="region",
    )
    class Volunteer(models.Model): ...

The privacy core reads only these declarations: the audit log names the record type,
the daily job applies the retention rules, the register of processing activities
(Art. 30 GDPR) is generated from them, and a person's export and erasure walk every
declared model whose `subject` path reaches the person's account. A test walks all
installed models: a field named like a personal field (name, e-mail, phone, address,
birth) on a model that is neither declared nor listed in `NOT_PERSONAL` fails it.

This module imports nothing of the project but Django: every module may declare.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Final, TypeVar

from django.db import models
from django.utils.functional import Promise

# Texts are usually gettext_lazy strings, translated when shown.
Text = str | Promise

ERASE_ANONYMISE: Final = "anonymise"
ERASE_DELETE: Final = "delete"
# `subject=SELF`: the record is the person's account itself (the User model).
SELF: Final = "self"


@dataclass(frozen=True)
class Retention:
    """How long a record's personal fields are kept.

    `months` after the date in field `since` (a path like "ends_at" or "activity__ends_on"),
    the daily job anonymises the declared fields (`action=ERASE_ANONYMISE`: each set to its
    blank value, or to `PersonalData.anonymised[field]`) or deletes the row
    (`ERASE_DELETE`). `months_for_region`, if given, reads a region's own period
    (e.g. the Sprachpool's `PoolRules.retention_months`) and overrides `months`.
    `applies` narrows which rows are due (a Q object), e.g. only finished ones.
    """

    months: int
    since: str
    action: str = ERASE_ANONYMISE
    description: Text = ""
    months_for_region: Callable[[int], int] | None = None
    applies: models.Q | None = None
    # Where `since` is empty (e.g. an account that never signed in: `last_login`), this
    # date counts instead (`date_joined`).
    since_fallback: str | None = None


@dataclass(frozen=True)
class PersonalData:
    """The declaration of one model's personal data."""

    model: type[models.Model]
    fields: tuple[str, ...]
    purpose: Text
    legal_basis: Text
    retention: Retention | None
    # Path from the model to the account (User) of the person the record is about, or
    # None when the record is about nobody with an account (e.g. a pseudonymous household).
    subject: str | None = None
    # Path from the model to its region (a Region or its id), for region checks and the
    # audit log; None for platform-wide records (accounts).
    region: str | None = "region"
    # Values the fields take when anonymised (default: "" for text, None for nullable;
    # False for booleans). A value may be a query expression, evaluated per row (e.g.
    # Concat("geloescht-", pk) for a unique user name).
    anonymised: dict[str, Any] = field(default_factory=dict)
    # Who may see the records, for the register (free text, e.g. "Koordination der Region").
    visible_to: Text = ""
    # Categories of people concerned, for the register ("Sprachmittler*innen").
    concerns: Text = ""
    # Special categories (Art. 9/10 GDPR: health, criminal records) need a reason to view.
    sensitive: bool = False
    # For records that name a person without a foreign key to the account (e.g. the sign-in
    # log by user name): given the User, the Q that selects that person's rows.
    subject_filter: Callable[[Any], models.Q] | None = None
    # What erasing the person does to these records (ERASE_ANONYMISE or ERASE_DELETE);
    # None: as the retention rule does, else anonymise.
    erase: str | None = None

    @property
    def erase_action(self) -> str:
        if self.erase is not None:
            return self.erase
        return self.retention.action if self.retention is not None else ERASE_ANONYMISE

    @property
    def label(self) -> str:
        """The record type as the audit log stores it ("sprachpool.mediator")."""
        return self.model._meta.label_lower


_REGISTRY: dict[str, PersonalData] = {}

M = TypeVar("M", bound=type[models.Model])


def personal_data(
    *,
    fields: tuple[str, ...],
    purpose: Text,
    legal_basis: Text,
    retention: Retention | None,
    subject: str | None = None,
    region: str | None = "region",
    anonymised: dict[str, Any] | None = None,
    visible_to: Text = "",
    concerns: Text = "",
    sensitive: bool = False,
    subject_filter: Callable[[Any], models.Q] | None = None,
    erase: str | None = None,
) -> Callable[[M], M]:
    """Class decorator: declare a model's personal fields (see the module docstring)."""

    def register(model: M) -> M:
        declaration = PersonalData(
            model=model,
            fields=tuple(fields),
            purpose=purpose,
            legal_basis=legal_basis,
            retention=retention,
            subject=subject,
            region=region,
            anonymised=dict(anonymised or {}),
            visible_to=visible_to,
            concerns=concerns,
            sensitive=sensitive,
            subject_filter=subject_filter,
            erase=erase,
        )
        _REGISTRY[declaration.label] = declaration
        return model

    return register


def declare(model: type[models.Model], **kwargs: Any) -> None:
    """The same as the decorator, for models a module does not define (e.g. the User)."""
    personal_data(**kwargs)(model)


_NOT_PERSONAL: dict[str, str] = {}


def not_personal(label: str, reason: str) -> None:
    """Say why a field that looks personal is not ("portal.place.street": "an office's
    address, public"), or a whole model ("auth.group"). The completeness test reads this."""
    _NOT_PERSONAL[label.lower()] = reason


def not_personal_reason(model_label: str, field_name: str) -> str | None:
    """Why `model_label.field_name` needs no declaration, or None if nobody said."""
    return _NOT_PERSONAL.get(f"{model_label}.{field_name}") or _NOT_PERSONAL.get(model_label)


def declarations() -> Iterator[PersonalData]:
    """Every declaration, in a stable order."""
    for label in sorted(_REGISTRY):
        yield _REGISTRY[label]


def declaration_of(model_or_label: type[models.Model] | models.Model | str) -> PersonalData | None:
    if isinstance(model_or_label, str):
        return _REGISTRY.get(model_or_label)
    return _REGISTRY.get(model_or_label._meta.label_lower)
