"""Easy German ("Leichte Sprache", de-x-ls) is a content language like any other."""

from __future__ import annotations

import pytest
from django.test import Client
from wagtail.models import Page

from tests.conftest import MakeRegion
from tests.translation.test_status import make_page
from wir.translation import legacy, status

pytestmark = pytest.mark.django_db


def test_public_page_in_easy_german(make_region: MakeRegion) -> None:
    region = make_region("leichtkreis", languages=("de", "de-x-ls", "en"))
    make_page(
        region,
        "arzt",
        {
            "de": ("Zum Arzt gehen", "<p>Die Krankenkasse übernimmt die Kosten.</p>"),
            "de-x-ls": ("Zum Arzt gehen", "<p>Sie sind krank.</p><p>Sie gehen zum Arzt.</p>"),
        },
    )
    assert Page.objects.filter(url_path="/leichtkreis/de-x-ls/arzt/").exists()
    response = Client().get("/leichtkreis/de-x-ls/arzt/")
    assert response.status_code == 200
    assert '<html lang="de-x-ls" dir="ltr"' in response.text
    assert "Sie gehen zum Arzt." in response.text
    home = Client().get("/leichtkreis/de-x-ls/")
    assert home.status_code == 200
    assert 'hreflang="de-x-ls"' in home.text
    assert "Leichte Sprache" in home.text
    sitemap = Client().get("/sitemap.xml")
    assert sitemap.status_code == 200
    assert 'hreflang="de-x-ls"' in sitemap.text
    legacy.sync_region(region)
    result = status.matrix(region)
    assert result.languages == ["de-x-ls", "en"]
    row = next(r for r in result.rows if r.item.title == "Zum Arzt gehen")
    # Easy German has its own structure (two paragraphs for one): the body counts as
    # not translated, the title as translated.
    assert row.cells["de-x-ls"].status == status.MISSING
    assert row.cells["de-x-ls"].translated >= 1
    assert row.cells["en"].status == status.MISSING
