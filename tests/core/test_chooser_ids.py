"""A chooser field of a back-office form sent with an id that is no number."""

import pytest

from tests.conftest import verified_client
from wir.accounts.actions import grant_role
from wir.accounts.models import User
from wir.core.models import Area, Region

pytestmark = pytest.mark.django_db


def test_malformed_chooser_id_is_a_form_error_not_a_server_error(
    region: Region, towns: dict[str, Area]
) -> None:
    """Found by the hostile-input corpus: Wagtail's chooser widget looked the raw value up
    while showing the form again and answered 500."""
    user = User.objects.create_user(username="koordination", password="x" * 16)
    grant_role(None, user, region, "coordination")
    area = next(iter(towns.values()))
    client = verified_client(user)
    client.raise_request_exception = False
    answer = client.post(
        f"/admin/snippets/core/area/edit/{area.pk}/",
        {"region": "1; DROP", "kind": area.kind, "name": "Geändert", "slug": area.slug},
    )
    assert answer.status_code == 200
    area.refresh_from_db()
    assert area.name != "Geändert"
