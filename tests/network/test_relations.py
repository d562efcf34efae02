"""An organisation's relations (member of a network, carrier of an offer): added and removed
through HTTP; bad input changes nothing; another region's organisation is not found."""

from __future__ import annotations

import pytest

from tests.network.conftest import Net, an_offer
from wir.network.models import Relation
from wir.portal.models import Offer

pytestmark = pytest.mark.django_db


def test_coordination_adds_and_removes_relations(net: Net) -> None:
    client = net.client("coordination")
    organisation = net.organisation
    base = f"/netzwerk/organisation/{organisation.pk}/verbindungen/"
    before = Relation.objects.filter(organisation=organisation).count()
    member = {"kind": "network_member", "network": "Runder Tisch Integration Nidda"}
    page = client.post(base, member, follow=True)
    assert "Die Verbindung wurde eingetragen." in page.text
    assert "Runder Tisch Integration Nidda" in page.text
    # The offer is chosen from the region's offers and shown by its current title.
    offer = an_offer(organisation.region, "Hausaufgabenhilfe im Jugendhaus")
    form = client.get(f"/netzwerk/organisation/{organisation.pk}/").text
    assert f'<option value="{offer.pk}">Hausaufgabenhilfe im Jugendhaus</option>' in form
    carrier = client.post(base, {"kind": "offer_carrier", "offer_id": offer.pk}, follow=True)
    assert "Die Verbindung wurde eingetragen." in carrier.text
    Offer.objects.filter(pk=offer.pk).update(title="Lernhilfe im Jugendhaus")
    renamed = client.get(f"/netzwerk/organisation/{organisation.pk}/").text
    assert "Lernhilfe im Jugendhaus" in renamed
    assert Relation.objects.filter(organisation=organisation).count() == before + 2

    relation = Relation.objects.get(organisation=organisation, offer_id=offer.pk)
    gone = client.post(f"{base}{relation.pk}/entfernen/", follow=True)
    assert "Die Verbindung wurde entfernt." in gone.text
    assert "Lernhilfe im Jugendhaus</a>" not in gone.text


def test_an_offer_of_another_region_or_none_cannot_be_named(net: Net, other: Net) -> None:
    organisation = net.organisation
    theirs = an_offer(other.region, "Fremdes Angebot")
    before = Relation.objects.filter(organisation=organisation).count()
    base = f"/netzwerk/organisation/{organisation.pk}/verbindungen/"
    client = net.client("coordination")
    assert "Fremdes Angebot" not in client.get(f"/netzwerk/organisation/{organisation.pk}/").text
    for number in (theirs.pk, 999999, 99999999999999999999):
        page = client.post(base, {"kind": "offer_carrier", "offer_id": number}, follow=True)
        assert page.status_code == 200
        assert "Bitte wählen Sie einen Eintrag aus der Liste." in page.text
    assert Relation.objects.filter(organisation=organisation).count() == before


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "network_member", "network": ""}, "Bitte nennen Sie das Netzwerk."),
        ({"kind": "offer_carrier", "offer_id": ""}, "Bitte wählen Sie das Angebot aus."),
        (
            {"kind": "offer_carrier", "offer_id": "vier"},
            "Bitte wählen Sie einen Eintrag aus der Liste.",
        ),
        ({"kind": "concept_partner"}, "Bitte wählen Sie einen Eintrag aus der Liste."),
    ],
)
def test_bad_input_is_answered_and_changes_nothing(
    net: Net, data: dict[str, str], message: str
) -> None:
    organisation = net.organisation
    before = Relation.objects.filter(organisation=organisation).count()
    page = net.client("coordination").post(
        f"/netzwerk/organisation/{organisation.pk}/verbindungen/", data, follow=True
    )
    assert page.status_code == 200
    assert message in page.text
    assert Relation.objects.filter(organisation=organisation).count() == before


def test_another_regions_organisation_and_its_relations_are_not_found(net: Net, other: Net) -> None:
    theirs = other.organisation
    relation = Relation.objects.filter(organisation=theirs).first()
    assert relation is not None
    for client in (net.client("coordination"), net.client("partner")):
        base = f"/netzwerk/organisation/{theirs.pk}/verbindungen/"
        added = client.post(base, {"kind": "network_member", "network": "Fremd"})
        assert added.status_code == 404
        assert client.post(f"{base}{relation.pk}/entfernen/").status_code == 404
    assert Relation.objects.filter(organisation=theirs, network="Fremd").count() == 0
    assert Relation.objects.filter(pk=relation.pk).exists()
