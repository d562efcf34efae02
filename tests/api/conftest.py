"""Fixtures of the API tests."""

from __future__ import annotations

from typing import Any

import pytest
from wagtail.models import Page

from wir.portal.actions import add_translation, publish
from wir.portal.models import ContentPage


@pytest.fixture
def tree(region: Any) -> dict[str, Page]:
    """Erste Schritte → Anmelden (de), Erste Schritte in Arabic, a draft page."""
    home_de = Page.objects.get(url_path="/testkreis/de/")
    home_ar = Page.objects.get(url_path="/testkreis/ar/")
    first = ContentPage(title="Erste Schritte", slug="erste-schritte", intro="Ankommen")
    home_de.add_child(instance=first)
    publish(first)
    child = ContentPage(title="Anmelden", slug="anmelden", body="<p>Beim <b>Bürgerbüro</b></p>")
    first.add_child(instance=child)
    publish(child)
    draft = ContentPage(title="Entwurf", slug="entwurf", live=False)
    home_de.add_child(instance=draft)
    arabic = add_translation(
        first, home_ar, home_ar.locale, title="الخطوات الأولى", slug="erste-schritte"
    )
    return {"first": first, "child": child, "draft": draft, "arabic": arabic}
