"""Editors write the news of their own region in the back office (region-scoped)."""

from __future__ import annotations

import pytest

from tests.api.integreat.conftest import make_news
from tests.conftest import verified_client
from wir.accounts.roles import Role
from wir.portal.models import News

pytestmark = pytest.mark.django_db
NEWS = "/admin/snippets/portal/news/"


def test_news_admin_is_region_scoped(region, make_region, make_user) -> None:
    own = make_news(region, "Eigene Nachricht")
    foreign = make_news(make_region("anderswo"), "Fremde Nachricht")
    client = verified_client(make_user("redaktion", Role.EDITOR, region))
    listing = client.get(NEWS)
    assert listing.status_code == 200
    assert "Eigene Nachricht" in listing.text
    assert "Fremde Nachricht" not in listing.text
    assert client.get(f"{NEWS}edit/{own.pk}/").status_code == 200
    assert client.get(f"{NEWS}edit/{foreign.pk}/").status_code == 404


def test_clerks_cannot_write_news(region, make_user) -> None:
    clerk = verified_client(make_user("fachdienst", Role.CLERK, region))
    assert clerk.get(f"{NEWS}add/").status_code in (302, 403)
    assert not News.objects.exists()


def test_editors_publish_news(region, make_user) -> None:
    client = verified_client(make_user("redaktion", Role.EDITOR, region))
    response = client.post(
        f"{NEWS}add/?locale=de",
        {"region": region.pk, "title": "Neu", "message": "Text", "action-publish": "publish"},
    )
    assert response.status_code == 302, response.content[:2000]
    item = News.objects.get()
    assert item.live
    assert item.region == region
