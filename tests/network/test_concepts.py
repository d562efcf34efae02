"""Welcome-culture concepts: versions with a readable diff, optimistic locking, partners
contributing, the PDF and the public summary."""

from __future__ import annotations

import pytest

from tests.network.conftest import Net, an_offer
from wir.network import versions
from wir.network.models import (
    ConceptComment,
    ConceptLink,
    ConceptVersion,
    Organisation,
    Relation,
)
from wir.volunteers.models import Network

pytestmark = pytest.mark.django_db


def test_diff_is_escaped_and_shows_changes() -> None:
    old = versions.as_text(versions.ConceptState("T", "Nord", "Entwurf", "a", "b", ""))
    new = versions.as_text(
        versions.ConceptState("T", "Nord", "Entwurf", "<script>alert(1)</script>", "b", "")
    )
    table = versions.diff_table(old, new, "Fassung 1", "Fassung 2")
    assert "<script>" not in table
    assert "&lt;script&gt;" in table
    assert versions.changed_lines(old, new) == 2


def form_data(net: Net, **changes: object) -> dict[str, object]:
    concept = net.concept
    concept.refresh_from_db()
    data: dict[str, object] = {
        "version": concept.version,
        "title": concept.title,
        "status": concept.status,
        "needs_analysis": concept.needs_analysis,
        "goals": concept.goals,
        "public_summary": concept.public_summary,
    }
    data.update(changes)
    return data


def test_each_save_is_a_version_with_a_diff(net: Net) -> None:
    client = net.client("coordination")
    concept = net.concept
    url = f"/netzwerk/konzepte/{concept.pk}/bearbeiten/"
    response = client.post(url, form_data(net, goals="Mehr Begegnung", summary="Ziele"))
    assert response.status_code == 302
    concept.refresh_from_db()
    assert concept.version == 2
    newest = ConceptVersion.objects.filter(concept=concept).order_by("-number").first()
    assert newest is not None
    assert newest.number == 2
    assert "Mehr Begegnung" in newest.text
    page = client.get(f"/netzwerk/fassungen/{newest.pk}/")
    assert page.status_code == 200
    assert "Mehr Begegnung" in page.content.decode()
    assert 'class="diff wir-diff"' in page.content.decode()


def test_a_concurrent_edit_loses_nothing(net: Net) -> None:
    """Two people open the same version; the second save is refused with a clear message,
    the first stays, and the second's text is still in the form."""
    first, second = net.client("coordination"), net.client("partner")
    url = f"/netzwerk/konzepte/{net.concept.pk}/bearbeiten/"
    opened = form_data(net)
    assert first.post(url, opened | {"goals": "Fassung A"}).status_code == 302
    partner_data = {k: v for k, v in opened.items() if k in ("version", "needs_analysis", "goals")}
    response = second.post(url, partner_data | {"goals": "Fassung B"})
    assert response.status_code == 409
    text = response.content.decode()
    assert "inzwischen von jemand anderem geändert" in text
    assert "Fassung B" in text  # the user's text is kept in the form
    assert 'id="conflict"' in text
    net.concept.refresh_from_db()
    assert net.concept.goals == "Fassung A"
    assert net.concept.version == 2
    # Saving again (now on the current version) works and keeps both versions.
    response = second.post(url, partner_data | {"goals": "Fassung B", "version": 2})
    assert response.status_code == 302
    net.concept.refresh_from_db()
    assert net.concept.goals == "Fassung B"
    assert ConceptVersion.objects.filter(concept=net.concept, text__contains="Fassung A").exists()


def test_bad_input_and_missing_version(net: Net) -> None:
    client = net.client("coordination")
    url = f"/netzwerk/konzepte/{net.concept.pk}/bearbeiten/"
    response = client.post(url, form_data(net, title="", is_public="on", version=""))
    assert response.status_code == 400
    text = response.content.decode()
    assert "Bitte laden Sie die Seite neu" in text
    assert "Bitte füllen Sie dieses Feld aus." in text
    assert "öffentliche Zusammenfassung" in text
    net.concept.refresh_from_db()
    assert net.concept.version == 1


def test_partners_contribute_only_to_their_concepts(net: Net, other: Net) -> None:
    partner = net.client("partner")
    concept = net.concept
    response = partner.post(
        f"/netzwerk/konzepte/{concept.pk}/kommentare/", {"text": "Wir bieten Räume an."}
    )
    assert response.status_code == 302
    comment = ConceptComment.objects.get(text="Wir bieten Räume an.")
    assert comment.organisation == net.organisation
    # Partners write text but not the title, status or publication.
    partner.post(
        f"/netzwerk/konzepte/{concept.pk}/bearbeiten/",
        form_data(net, title="Gekapert", is_public="on", public_summary="x", needs_analysis="neu"),
    )
    concept.refresh_from_db()
    assert concept.needs_analysis == "neu"
    assert concept.title != "Gekapert"
    assert not concept.is_public
    # Another region's concept, and a concept they are no partner of: not found.
    assert partner.get(f"/netzwerk/konzepte/{other.concept.pk}/").status_code == 404
    Relation.objects.filter(concept=concept).delete()
    assert partner.get(f"/netzwerk/konzepte/{concept.pk}/").status_code == 404


def test_coordination_adds_partners_measures_and_links(net: Net) -> None:
    client = net.client("coordination")
    concept = net.concept
    school = Organisation.objects.create(region=net.region, name="Schule Nord", kind="school")
    client.post(f"/netzwerk/konzepte/{concept.pk}/beteiligte/", {"organisation": school.pk})
    assert Relation.objects.filter(concept=concept, organisation=school).exists()
    # Links name the region's offers and volunteer networks, chosen from a list; the
    # label defaults to the name; the same again is refused as a duplicate.
    links = f"/netzwerk/konzepte/{concept.pk}/verknuepfungen/"
    ConceptLink.objects.filter(concept=concept).delete()  # the world's link names no offer
    offer = an_offer(net.region, "Sprachcafé Nord")
    network = Network.objects.create(
        region=net.region, name="Helferkreis Nord", municipality=offer.area
    )
    shown = client.get(f"/netzwerk/konzepte/{concept.pk}/").content.decode()
    assert f'<option value="offer:{offer.pk}">Sprachcafé Nord</option>' in shown
    assert f'<option value="volunteer_network:{network.pk}">Helferkreis Nord</option>' in shown
    before = ConceptLink.objects.filter(concept=concept).count()
    response = client.post(links, {"target": f"offer:{offer.pk}", "label": ""}, follow=True)
    assert "Die Verknüpfung wurde eingetragen." in response.content.decode()
    assert ConceptLink.objects.get(concept=concept, target_id=offer.pk).label == "Sprachcafé Nord"
    named = {"target": f"volunteer_network:{network.pk}", "label": "Paten im Norden"}
    client.post(links, named)
    assert ConceptLink.objects.filter(concept=concept, label="Paten im Norden").exists()
    again = client.post(links, {"target": f"offer:{offer.pk}"}, follow=True)
    assert "Diese Verknüpfung gibt es schon." in again.content.decode()
    for bad in ("offer:999999", "volunteer_network:x", "page:1", "offer:" + "9" * 30):
        response = client.post(links, {"target": bad, "label": "x"}, follow=True)
        assert "Bitte wählen Sie einen Eintrag aus der Liste." in response.content.decode(), bad
    empty = client.post(links, {"target": "", "label": "x"}, follow=True).content.decode()
    assert "Bitte füllen Sie dieses Feld aus." in empty
    assert ConceptLink.objects.filter(concept=concept).count() == before + 2
    client.post(
        f"/netzwerk/konzepte/{concept.pk}/massnahmen/",
        {
            "title": "Willkommensmappe",
            "responsible": school.pk,
            "due_on": "2027-05-01",
            "status": "open",
        },
    )
    assert concept.measures.filter(title="Willkommensmappe").exists()


def test_pdf(net: Net) -> None:
    response = net.client("partner").get(f"/netzwerk/konzepte/{net.concept.pk}/konzept.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_public_summary_only_when_published(net: Net, client) -> None:  # type: ignore[no-untyped-def]
    concept = net.concept
    url = f"/willkommen/konzept/{concept.pk}/de/"
    assert client.get(url).status_code == 404
    concept.public_summary = "Im Nordviertel gibt es ein Begegnungscafé."
    concept.is_public = True
    concept.save()
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Begegnungscafé" in html
    assert "GEHEIM" not in html  # needs analysis and goals stay internal
    arabic = client.get(f"/willkommen/konzept/{concept.pk}/ar/").content.decode()
    assert 'lang="ar" dir="rtl"' in arabic
    assert '<div lang="de" dir="ltr">' in arabic
    assert client.get(f"/willkommen/konzept/{concept.pk}/xx/").status_code == 404
