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

import re
from typing import TYPE_CHECKING, Any

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

    def get_openapi_schema(self, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(**kwargs)
        add_links(schema)
        return schema


def item_fields(schema: dict[str, Any], answer: dict[str, Any]) -> set[str]:
    """The fields of the items of a list answer (`results` of a page of them)."""

    def resolve(part: dict[str, Any]) -> dict[str, Any]:
        ref = part.get("$ref", "")
        return resolve(schema["components"]["schemas"][ref.rsplit("/", 1)[-1]]) if ref else part

    content = answer.get("content", {}).get("application/json", {}).get("schema", {})
    results = resolve(content).get("properties", {}).get("results", {})
    return set(resolve(results.get("items", {})).get("properties", {}))


def add_links(schema: dict[str, Any]) -> None:
    """OpenAPI links from each list to the operations on one of its items: the ids of
    `…/offers/` fill `{offer_id}` of `…/offers/{offer_id}/` (and of `…/{offer_id}/x/`);
    from the item's field of the parameter's name (`event_id` of an occurrence) or its
    `id`. Derived from the paths, so a new resource gets its links without a line here."""
    paths = schema["paths"]
    for template, operations in paths.items():
        found = re.search(r"\{(\w+_id)\}", template)
        if not found or "get" not in operations:
            continue
        listing = paths.get(template[: found.start()], {}).get("get")
        if listing is None:
            continue
        parameters = {name: f"$request.path.{name}" for name in re.findall(r"\{(\w+)\}", template)}
        answer = listing["responses"][200]
        key = found.group(1) if found.group(1) in item_fields(schema, answer) else "id"
        parameters[found.group(1)] = f"$response.body#/results/0/{key}"
        target = operations["get"]["operationId"]
        answer.setdefault("links", {})[target.rsplit("_endpoints_", 1)[-1]] = {
            "operationId": target,
            "parameters": parameters,
        }


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
