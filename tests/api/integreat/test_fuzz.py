"""Fuzzing /api/v3/ against its OpenAPI document (wir/api/integreat/openapi.py, written
from the Integreat app's types) with schemathesis (tests/api/fuzzing.py): every operation
of the document gets valid and invalid requests, the page, parents, children and news
operations also the paths and ids the lists answered (the document's links); no 5xx, every
answer with a declared status and content type and valid against its schema. The field by
field contract with the app's parsing (dates, rules, zones) stays in test_client_contract."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.fuzzing import Api, fuzz, operations
from wir.api.integreat.openapi import document

pytestmark = pytest.mark.django_db

# Cases per operation and generation mode (valid, invalid): about 150 in all (operations
# with only region and language have few distinct valid cases).
CASES = 5


def v3_api() -> Api:
    return Api(document=document(), known={"region": ["testkreis"], "language": ["de", "ar"]})


def test_every_operation_of_the_document_is_fuzzed_without_a_failure(district: Any) -> None:
    tally = fuzz(v3_api(), CASES)
    assert tally.failures == [], "\n\n".join(tally.failures)
    every = set(operations(document()))
    assert set(tally.cases) == every  # also a new endpoint, without editing this test
    assert set(tally.successes) == every, every - set(tally.successes)
    assert tally.total >= 120
