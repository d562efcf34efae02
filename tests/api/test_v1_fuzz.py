"""Property-based tests of /api/v1/ from its own OpenAPI document (schemathesis): whatever
the parameters, no answer is a 500, and every answer matches the documented schema."""

from __future__ import annotations

import zlib
from typing import Any

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

pytestmark = pytest.mark.django_db

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture(autouse=True)
def _keep_the_test_connection() -> Any:
    """Django's WSGI handler closes the database connection after each request; the test
    client prevents that, schemathesis's WSGI client does not, so do it as the client does
    (on PostgreSQL the test's own connection would be closed)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def content(directory: Any, towns: Any, make_offer: Any, make_place: Any) -> None:
    place = make_place(towns["Nidda"], name="Bürgerhaus")
    make_offer("Beratung Nidda", towns["Nidda"], place=place, groups=("families",))


@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_generated_requests(case: schemathesis.Case, content: None) -> None:
    # Half of the cases aim at the region that exists, to reach past the 404.
    if case.path_parameters and zlib.crc32(repr(case.query).encode()) % 2 == 0:
        case.path_parameters["region"] = "testkreis"
        if "language" in case.path_parameters:
            case.path_parameters["language"] = "de"
    # The WSGI client does not decode brotli; compression is tested in test_http.py.
    # An id of the right type that names nothing of the region is 400 by our contract
    # (the parameter is named), which schemathesis's "positive data" check counts as a
    # rejection of valid input; every other check applies.
    case.call_and_validate(
        headers={"Host": "localhost", "Accept-Encoding": "identity"},
        excluded_checks=[positive_data_acceptance],
    )
