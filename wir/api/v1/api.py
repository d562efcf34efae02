"""/api/v1/: the platform's own read-only API (and feedback), documented as OpenAPI 3.1.

One router module per resource (`regions`, `pages`, `offers`, `places`, `events`,
`contacts`, `search`, `feedback`); the parameters they share are parsed in `params.py`,
the answers built in `serializers.py` and described in `schemas.py` (which make the
OpenAPI document; `tests/api/test_v1_schema.py` validates every answer against it).

Every GET goes through `wir.api.http.cached_json`: strong ETags, 304, Last-Modified,
gzip/br, CORS. Every list is paginated (?page=&page_size=). Bad parameters answer 400
with the parameter named; unknown regions, languages and ids answer 404.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError
from ninja.openapi.docs import Swagger

from wir.api.http import json_error
from wir.api.pagination import ApiError
from wir.api.v1 import contacts, events, feedback, offers, pages, places, regions, search

if TYPE_CHECKING:
    from ninja.operation import Operation


class WirApi(NinjaAPI):
    def get_openapi_operation_id(self, operation: Operation) -> str:
        # The operation ids of the time when all endpoints were one module: clients
        # generated from the OpenAPI document keep their method names.
        return f"wir_api_v1_endpoints_{operation.view_func.__name__}"


api = WirApi(
    title="WIR-Plattform – öffentliche API",
    version="1",
    description=(
        "Read-only public content of the regions: pages, offers, places, events, contacts "
        "and search, per region and language. No personal data. Lists are paginated; "
        "answers carry strong ETags and Last-Modified and honour conditional requests. "
        "The Integreat-compatible API is at /api/v3/."
    ),
    urls_namespace="api-v1",
    docs=Swagger(settings={"persistAuthorization": False}),
    docs_url="/docs/",
    openapi_url="/openapi.json",
)

for resource in (regions, pages, offers, places, events, contacts, search, feedback):
    api.add_router("", resource.router)


@api.exception_handler(ApiError)
def api_error(request: HttpRequest, error: ApiError) -> HttpResponse:
    extra = {"parameter": error.parameter} if error.parameter else {}
    return json_error(request, error.status, error.detail, **extra)


@api.exception_handler(ValidationError)
def invalid_input(request: HttpRequest, error: ValidationError) -> HttpResponse:
    first = error.errors[0] if error.errors else {}
    location = [str(part) for part in first.get("loc", ())]
    parameter = location[-1] if location else None
    if location and location[0] == "body":
        # ("body", "<argument>", "field", ...): name the field, not our argument
        parameter = ".".join(location[2:]) or "body"
    message = first.get("msg", "invalid value")
    return json_error(request, 400, f"Invalid '{parameter}': {message}.", parameter=parameter)
