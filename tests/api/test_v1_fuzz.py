"""Fuzzing /api/v1/ from its own OpenAPI document (schemathesis, tests/api/fuzzing.py):
every operation of the document gets valid and invalid requests, the detail operations
also get the ids their lists answered (the document's links); no answer is a 5xx, each
has a declared status and content type, and each body is valid against its schema — the
schemathesis check and the strict one of tests/api/openapi.py (no undeclared field)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from wagtail.models import Locale

from tests.api import openapi
from tests.api.fuzzing import Api, Link, fuzz, operations
from wir.portal.models import Event

pytestmark = pytest.mark.django_db

# Cases per operation and generation mode (valid, invalid): about 200 in all.
CASES = 6
PAGES = ("get", "/api/v1/regions/{region}/{language}/pages/")
FEEDBACK = ("post", "/api/v1/regions/{region}/{language}/feedback/")


def v1_api() -> Api:
    """The document, the region and languages that exist, and one link the document cannot
    state (OpenAPI links fill parameters, not body fields): pages' ids into feedback."""
    return Api(
        document=openapi.document(),
        known={"region": ["testkreis"], "language": ["de", "ar"]},
        validate=openapi.problems,
        extra_links=[
            Link(PAGES, ("results", "*", "id"), FEEDBACK, "body", "page", ("region", "language"))
        ],
    )


@pytest.fixture
def content(tree: Any, directory: Any, towns: Any, make_offer: Any, make_place: Any) -> None:
    """Pages in two languages, an offer at a place, a weekly event."""
    place = make_place(towns["Nidda"], name="Bürgerhaus")
    make_offer("Beratung Nidda", towns["Nidda"], place=place, groups=("families",))
    start = timezone.now().replace(microsecond=0) + timedelta(days=1)
    event = Event(
        region=place.region,
        locale=Locale.objects.get(language_code="de"),
        title="Sprachcafé",
        summary="Deutsch üben",
        organiser="Verein",
        area=towns["Nidda"],
        place=place,
        start=start,
        end=start + timedelta(hours=2),
        recurrence="FREQ=WEEKLY;COUNT=3",
    )
    event.save()
    event.save_revision().publish()


def test_every_operation_of_the_document_is_fuzzed_without_a_failure(content: None) -> None:
    tally = fuzz(v1_api(), CASES)
    assert tally.failures == [], "\n\n".join(tally.failures)
    every = set(operations(openapi.document()))
    assert set(tally.cases) == every  # also a new endpoint, without editing this test
    # ... and reached past the 404 of an unknown region, detail operations with linked ids
    assert set(tally.successes) == every, every - set(tally.successes)
    assert tally.total >= 150
