"""Editors manage offers of their own region; the freshness report lists what is overdue."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.conftest import verified_client
from tests.hostile.campaign import parse_forms
from wir.accounts.roles import Role
from wir.core.actions import add_area
from wir.core.models import Area

pytestmark = pytest.mark.django_db

REPORT = "/admin/berichte/zu-pruefen/"
OFFERS = "/admin/snippets/portal/offer/"


@pytest.fixture
def setup(region, towns, make_offer, make_region, make_user):
    long_ago = timezone.localdate() - timedelta(days=500)
    own_stale = make_offer("Alte Beratung", towns["Nidda"], last_checked=long_ago)
    own_fresh = make_offer("Frische Beratung", towns["Nidda"])
    other = make_region("anderswo")
    town = add_area(other, "Gedern", Area.Kind.MUNICIPALITY, Decimal("50.42"), Decimal("9.2"))
    foreign = make_offer("Fremde alte Beratung", town, last_checked=long_ago)
    editor = make_user("redaktion", Role.EDITOR, region)
    return own_stale, own_fresh, foreign, editor


def test_report_lists_own_overdue_offers_only(setup) -> None:
    _stale, _fresh, _foreign, editor = setup
    response = verified_client(editor).get(REPORT)
    assert response.status_code == 200
    assert "Alte Beratung" in response.text
    assert "Frische Beratung" not in response.text
    assert "Fremde alte Beratung" not in response.text


def test_report_exports_csv(setup) -> None:
    _stale, _fresh, _foreign, editor = setup
    response = verified_client(editor).get(f"{REPORT}?export=csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode() if response.streaming else response.text
    assert "Alte Beratung" in body
    assert "Fremde" not in body


def test_clerks_do_not_get_the_report(setup, region, make_user) -> None:
    clerk = make_user("fachdienst", Role.CLERK, region)
    assert verified_client(clerk).get(REPORT).status_code in (302, 403)


def test_offer_list_and_edit_are_region_scoped(setup) -> None:
    stale, _fresh, foreign, editor = setup
    client = verified_client(editor)
    listing = client.get(OFFERS)
    assert "Alte Beratung" in listing.text
    assert "Fremde alte Beratung" not in listing.text
    assert client.get(f"{OFFERS}edit/{stale.pk}/").status_code == 200
    assert client.get(f"{OFFERS}edit/{foreign.pk}/").status_code == 404


@pytest.mark.parametrize("model", ["offer", "event", "contact"])
def test_searching_the_back_office_lists_finds_own_entries_and_never_fails(
    setup, model: str
) -> None:
    """The lists are searched in the database: Wagtail's search backend could not search
    the viewsets' fields, and every search in the offers, events and contacts lists was a
    500 (found by the hostile-input corpus). Part of a word finds too."""
    _stale, _fresh, _foreign, editor = setup
    client = verified_client(editor)
    for query in ("Beratung", "<script>alert(1)</script>", "' OR 1=1--", "1e309", "x" * 100_000):
        response = client.get(f"/admin/snippets/portal/{model}/results/", {"q": query})
        assert response.status_code == 200, (model, query)
        assert "<script>alert(1)</script>" not in response.text
    if model == "offer":
        found = client.get(f"{OFFERS}results/", {"q": "Berat"}).text
        assert "Alte Beratung" in found
        assert "Fremde alte Beratung" not in found


@pytest.mark.parametrize("text", ["NaN", "1e309", "' OR 1=1--", '{"blocks": 5}', "x" * 5_000])
def test_rich_text_the_editor_cannot_read_is_a_form_error(setup, text: str) -> None:
    """Found by the hostile-input corpus: Draftail's value that is no JSON of its own raised
    while the form read it (every such POST of an offer or event was a 500)."""
    stale, _fresh, _foreign, editor = setup
    client = verified_client(editor)
    url = f"{OFFERS}edit/{stale.pk}/"
    page = client.get(url)
    forms = parse_forms("redaktion", url, page.text)
    (form,) = [f for f in forms if any(i.name == "description" for i in f.inputs)]
    data = form.plain()
    data["title"] = ["Umbenannt"]
    data["description"] = [text]
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Der Text konnte nicht gelesen werden." in response.text
    stale.refresh_from_db()
    assert stale.title == "Alte Beratung"
    assert not stale.has_unpublished_changes
