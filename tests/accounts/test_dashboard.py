"""The back office's start page shows each role what needs attention in its own regions:
editors unpublished changes, feedback and offers ending soon; translators outdated and
missing translations in their languages; coordination also the Sprachpool's open requests.
Figures of other regions never appear; the page reads a fixed number of queries."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from wagtail.models import Locale

from tests.conftest import MakeRegion, MakeUser, QueryCount, verified_client
from wir.accounts.actions import grant_role
from wir.accounts.models import User
from wir.accounts.roles import Role
from wir.core.actions import add_area
from wir.core.models import Area, Language, Region
from wir.portal.models import Feedback, Offer
from wir.sprachpool.models import MediationRequest

pytestmark = pytest.mark.django_db

HOME = "/admin/"


def panel_lines(html: str) -> dict[str, int]:
    """The dashboard's lines as "label: count"."""
    found = re.findall(r'<li>\s*<a href="[^"]*">([^<]+)</a>:\s*<strong>(\d+)</strong>', html)
    return {label.strip(): int(count) for label, count in found}


def add_work(region: Region, clerk: User, offers: int) -> None:
    """Unpublished offers, feedback and open Sprachpool requests in `region`."""
    region.sprachpool_enabled = True
    region.save(update_fields=["sprachpool_enabled"])
    german = Locale.objects.get(language_code="de")
    town = add_area(
        region, f"Ort {offers}", Area.Kind.MUNICIPALITY, Decimal("50.3"), Decimal("8.8")
    )
    for number in range(offers):
        Offer.objects.create(
            region=region,
            locale=german,
            category="counselling",
            title=f"Beratung {number}",
            summary="Kurz",
            provider="Beratungsstelle",
            area=town,
            live=False,
            valid_until=timezone.localdate() + timedelta(days=10),
        )
        Feedback.objects.create(region=region, language_code="de", comment="Danke")
        start = timezone.now() + timedelta(days=2, hours=number)
        MediationRequest.objects.create(
            region=region,
            language=Language.objects.get(code="ar"),
            starts_at=start,
            ends_at=start + timedelta(hours=1),
            setting=MediationRequest.Setting.HEALTH,
            client_reference=f"AZ-{number}",
            requested_by=clerk,
        )


@pytest.fixture
def two_regions(make_region: MakeRegion, make_user: MakeUser) -> tuple[Region, Region]:
    north, south = make_region("nordkreis"), make_region("suedkreis")
    add_work(north, make_user("fachdienst-nord", Role.CLERK, north), offers=2)
    add_work(south, make_user("fachdienst-sued", Role.CLERK, south), offers=5)
    return north, south


def test_the_editor_sees_the_work_of_their_region_only(two_regions, make_user) -> None:
    north, _south = two_regions
    page = verified_client(make_user("redaktion", Role.EDITOR, north)).get(HOME)
    html = page.content.decode()
    assert "localhost" not in html
    assert "Übersicht" in html
    assert "Redaktion: zu erledigen" in html
    lines = panel_lines(html)
    assert lines["Angebote mit unveröffentlichten Änderungen"] == 2
    assert lines["Ungelesene Rückmeldungen"] == 2
    assert lines["Angebote, deren Gültigkeit in 30 Tagen endet"] == 0  # not published
    assert "Sprachpool: zu erledigen" not in html
    assert "gravatar" not in html


def test_the_translator_sees_their_languages_only(two_regions, make_user) -> None:
    north, _south = two_regions
    translator = make_user("uebersetzung")
    grant_role(None, translator, north, Role.TRANSLATOR, languages=["ar"])
    html = verified_client(translator).get(HOME).content.decode()
    assert "Übersetzung: zu erledigen" in html
    lines = panel_lines(html)
    assert "Arabisch: fehlende Übersetzungen" in lines
    assert not any(label.startswith("Englisch") for label in lines)
    assert "Redaktion: zu erledigen" not in html


def test_coordination_sees_the_sprachpool_too(two_regions, make_user) -> None:
    north, _south = two_regions
    html = verified_client(make_user("koordination", Role.COORDINATION, north)).get(HOME)
    lines = panel_lines(html.content.decode())
    assert lines["Anfragen ohne Sprachmittler/in (nächste 14 Tage)"] == 2
    assert lines["Angebote ohne Antwort, Termin in den nächsten 48 Stunden"] == 0


def test_someone_in_two_regions_sees_each_named(two_regions, make_user) -> None:
    north, south = two_regions
    editor = make_user("redaktion", Role.EDITOR, north)
    grant_role(None, editor, south, Role.EDITOR)
    lines = panel_lines(verified_client(editor).get(HOME).content.decode())
    assert lines[f"Angebote mit unveröffentlichten Änderungen ({north.name})"] == 2
    assert lines[f"Angebote mit unveröffentlichten Änderungen ({south.name})"] == 5


def test_the_dashboard_reads_a_fixed_number_of_queries(
    make_region: MakeRegion, make_user: MakeUser, query_count: QueryCount
) -> None:
    region = make_region("nordkreis")
    clerk = make_user("fachdienst", Role.CLERK, region)
    client = verified_client(make_user("koordination", Role.COORDINATION, region))
    add_work(region, clerk, offers=1)
    client.get(HOME)  # fills the caches: the translation counts of this version
    with query_count.capture() as few:
        assert client.get(HOME).status_code == 200
    add_work(region, clerk, offers=4)
    with query_count.capture() as renewed:  # the content changed: counts computed again
        assert client.get(HOME).status_code == 200
    with query_count.capture() as many:
        assert client.get(HOME).status_code == 200
    query_count.assert_same(few, many)
    assert len(renewed) > len(many)
    assert len(many) == 29, many.listing()
