"""The typed per-request notes (wir/core/request.py)."""

from django.test import RequestFactory

from wir.core.models import Region
from wir.core.request import notes_of, region_of


def test_a_request_has_no_region_until_a_view_notes_one() -> None:
    request = RequestFactory().get("/")
    assert region_of(request) is None
    region = Region(slug="wetterau", name="Wetteraukreis")
    notes_of(request).region = region
    assert region_of(request) is region
    assert region_of(RequestFactory().get("/")) is None  # notes belong to one request
