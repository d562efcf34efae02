"""sprachpool 0011 turns the mediators' consent columns into Consent records."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("sprachpool", "0010_restore_sqlite_overlap_guard")]
AFTER = [("sprachpool", "0011_consent_records")]


@pytest.mark.django_db(transaction=True)
def test_existing_consents_become_records_with_their_text(region) -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    user = old.get_model("accounts", "User").objects.create(username="sm-alt")
    mediator_model = old.get_model("sprachpool", "Mediator")
    given = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    mediator_model.objects.create(
        region_id=region.pk, code="SM-1", user=user, german_level="B2",
        consent_at=given, consent_version="2026-12",
    )  # fmt: skip
    mediator_model.objects.create(region_id=region.pk, code="SM-2", german_level="B2")
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    consents = list(new.get_model("privacy", "Consent").objects.select_related("text"))
    assert len(consents) == 1
    (consent,) = consents
    assert (consent.user_id, consent.region_id, consent.given_at) == (user.pk, region.pk, given)
    assert consent.text.version == "2026-12"
    assert consent.text.text.startswith("Ich willige ein, dass die WIR-Koordination")
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)  # and back: the columns are filled again
    back = executor.loader.project_state(BEFORE).apps.get_model("sprachpool", "Mediator")
    assert back.objects.get(code="SM-1").consent_at == given
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
