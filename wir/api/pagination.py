"""Pages of lists for both APIs: ?page=N&page_size=M, with links to the neighbours."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.http import urlencode

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
MAX_PAGE = 100_000

Row = TypeVar("Row")


class ApiError(Exception):
    """An answer other than 200 with a clear message; the handler turns it into JSON."""

    def __init__(self, status: int, detail: str, parameter: str | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.parameter = parameter


def int_parameter(request: HttpRequest, name: str, default: int, low: int, high: int) -> int:
    raw = request.GET.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ApiError(400, f"'{name}' must be a whole number.", name) from None
    if not low <= value <= high:
        raise ApiError(400, f"'{name}' must be between {low} and {high}.", name)
    return value


def page_link(request: HttpRequest, page: int) -> str:
    query = request.GET.copy()
    query["page"] = str(page)
    return f"{request.path}?{urlencode(sorted(query.lists()), doseq=True)}"


def paginate(
    request: HttpRequest,
    rows: QuerySet[Any] | Sequence[Row],
    serialize: Callable[[list[Any]], list[Any]],
) -> dict[str, Any]:
    """The envelope of a list answer. `serialize` turns one page of rows into items (all at
    once, so that it can load what the rows refer to in a constant number of queries)."""
    page = int_parameter(request, "page", 1, 1, MAX_PAGE)
    size = int_parameter(request, "page_size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE)
    count = rows.count() if isinstance(rows, QuerySet) else len(rows)
    start = (page - 1) * size
    chunk = list(rows[start : start + size])
    return {
        "count": count,
        "page": page,
        "page_size": size,
        "next": page_link(request, page + 1) if start + size < count else None,
        "previous": page_link(request, page - 1) if page > 1 and count else None,
        "results": serialize(chunk),
    }
