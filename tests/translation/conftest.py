"""Fixtures of the translation tests."""

from __future__ import annotations

from typing import Any

import pytest
from wagtail.models import Page

from tests.translation.xliff_files import BODY
from wir.accounts.roles import Role
from wir.portal.actions import publish
from wir.portal.models import ContentPage


@pytest.fixture
def original(region: Any) -> ContentPage:
    home = Page.objects.get(url_path="/testkreis/de/")
    page = ContentPage(title="Anmelden", slug="anmelden", intro="Kurz", body=BODY)
    home.add_child(instance=page)
    publish(page)
    return page


@pytest.fixture
def translator(region: Any, make_user: Any) -> Any:
    from wir.accounts.actions import grant_role

    user = make_user("uebersetzung")
    grant_role(None, user, region, Role.TRANSLATOR, languages=["ar"])
    return user
