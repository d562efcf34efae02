"""Every model that holds personal data is declared, and every declaration is usable."""

from __future__ import annotations

import re

from django.apps import apps
from django.db import models

from wir.privacy.registry import SELF, declaration_of, declarations, not_personal_reason

# Field names that usually hold personal data; matched on the parts of a snake_case name.
PERSONAL = re.compile(
    r"(^|_)(name|names|firstname|lastname|surname|username|e?mail|email|phone|telefon|"
    r"mobile|handy|address|adresse|street|strasse|postcode|zip|plz|birth|birthday|"
    r"birthdate|geburt\w*|ip|user_agent|agent)($|_)"
)


def test_looking_personal_matches_the_usual_names() -> None:
    for name in ("first_name", "e_mail", "email", "phone", "street", "date_of_birth", "ip"):
        assert PERSONAL.search(name), name
    for name in ("notes", "starts_at", "language_code", "tiptoe"):
        assert not PERSONAL.search(name), name


def undeclared_personal_fields() -> list[str]:
    found = []
    for model in apps.get_models():
        if declaration_of(model) is not None:
            continue
        label = model._meta.label_lower
        for field in model._meta.concrete_fields:
            if PERSONAL.search(field.name) and not not_personal_reason(label, field.name):
                found.append(f"{label}.{field.name}")
    return found


def test_every_model_with_personal_looking_fields_is_declared_or_explained() -> None:
    missing = undeclared_personal_fields()
    assert not missing, (
        "Declare these models with wir.privacy.registry.personal_data (or explain in "
        f"wir/privacy/declarations.py why the field is not personal): {missing}"
    )


def test_an_undeclared_model_with_an_email_field_is_named(monkeypatch: object) -> None:
    # The check is not vacuous: a model the registry forgets is reported by name and field.
    from wir.privacy import registry

    label = "sprachpool.mediator"
    saved = registry._REGISTRY.pop(label)
    try:
        registry.not_personal("sprachpool.mediator.user", "test")
        missing = undeclared_personal_fields()
    finally:
        registry._REGISTRY[label] = saved
        registry._NOT_PERSONAL.pop("sprachpool.mediator.user")
    assert "sprachpool.mediator.phone" in missing


def _walk(model: type[models.Model], path: str) -> type[models.Model] | models.Field:
    target: type[models.Model] | models.Field = model
    for part in path.split("__"):
        assert isinstance(target, type)
        field = target._meta.get_field(part)
        target = field.related_model if field.is_relation else field  # type: ignore[assignment]
    return target


def test_declarations_name_real_fields_and_paths() -> None:
    from wir.accounts.models import User
    from wir.core.models import Region

    seen = []
    for declaration in declarations():
        model = declaration.model
        seen.append(declaration.label)
        for name in declaration.fields:
            model._meta.get_field(name)
        for name in declaration.anonymised:
            assert name in declaration.fields, (declaration.label, name)
        if declaration.subject not in (None, SELF):
            assert _walk(model, declaration.subject) is User, declaration.label
        if declaration.region is not None:
            assert _walk(model, declaration.region) is Region, declaration.label
        if declaration.retention is not None:
            _walk(model, declaration.retention.since)
            assert declaration.retention.description
        assert declaration.purpose
        assert declaration.legal_basis
    for label in (
        "accounts.user",
        "sprachpool.mediator",
        "sprachpool.mediationrequest",
        "sprachpool.assignment",
        "portal.feedback",
    ):
        assert label in seen
