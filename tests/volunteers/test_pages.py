"""The volunteer's page and coordination's back office, through HTTP like a user."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client

from tests.conftest import verified_client
from tests.volunteers.conftest import MakeShift, MakeVolunteer
from wir.accounts.models import User
from wir.core.models import Region
from wir.privacy.models import AuditEvent
from wir.volunteers.models import (
    HoursEntry,
    Network,
    Opportunity,
    PoliceCertificate,
    Shift,
    ShiftSignup,
    Volunteer,
    VolunteerRules,
)

pytestmark = pytest.mark.django_db


def as_volunteer(volunteer: Volunteer) -> Client:
    client = Client()
    assert volunteer.user is not None
    client.force_login(volunteer.user)
    return client


def test_volunteer_signs_up_and_cancels_on_their_page(
    make_volunteer: MakeVolunteer, make_shift: MakeShift
) -> None:
    volunteer = make_volunteer("EA-001")
    shift = make_shift(places=1)
    client = as_volunteer(volunteer)
    page = client.get("/ehrenamt/")
    assert "Sprachcafé" in page.text
    assert f"/ehrenamt/schichten/{shift.pk}/anmelden/" in page.text
    answer = client.post(f"/ehrenamt/schichten/{shift.pk}/anmelden/", {"lang": "ar"}, follow=True)
    assert answer.redirect_chain[-1][0] == "/ehrenamt/?lang=ar"
    assert ShiftSignup.objects.filter(status="signed_up").count() == 1
    again = client.post(f"/ehrenamt/schichten/{shift.pk}/anmelden/", follow=True)
    assert "schon angemeldet" in again.text
    ics = client.get(f"/ehrenamt/schichten/{shift.pk}/kalender.ics")
    assert ics["Content-Type"].startswith("text/calendar")
    assert b"SUMMARY:Sprachcaf" in ics.content
    feed = Client().get(f"/ehrenamt/kalender/{volunteer.calendar_token}.ics")
    assert feed.status_code == 200
    assert b"BEGIN:VEVENT" in feed.content
    assert Client().get("/ehrenamt/kalender/erfundenerfundenerfunden.ics").status_code == 404
    signup = ShiftSignup.objects.get()
    client.post(f"/ehrenamt/anmeldungen/{signup.pk}/abmelden/")
    shift.refresh_from_db()
    assert shift.taken == 0


def test_nobody_elses_shift_or_signup(
    make_volunteer: MakeVolunteer, make_shift: MakeShift, opportunity: Opportunity
) -> None:
    mine, other = make_volunteer("EA-001"), make_volunteer("EA-002")
    shift = make_shift()
    as_volunteer(other).post(f"/ehrenamt/schichten/{shift.pk}/anmelden/")
    signup = ShiftSignup.objects.get()
    client = as_volunteer(mine)
    assert client.post(f"/ehrenamt/anmeldungen/{signup.pk}/abmelden/").status_code == 404
    Opportunity.objects.filter(pk=opportunity.pk).update(published=False)
    assert client.post(f"/ehrenamt/schichten/{shift.pk}/anmelden/").status_code == 404
    assert client.get(f"/ehrenamt/schichten/{shift.pk}/kalender.ics").status_code == 404
    assert ShiftSignup.objects.count() == 1


def test_hours_logged_with_bad_input_answered(make_volunteer: MakeVolunteer) -> None:
    volunteer = make_volunteer("EA-001")
    client = as_volunteer(volunteer)
    today = date.today().isoformat()
    for bad, message in [
        ({"day": "gestern", "hours": "2", "activity": "x"}, "gültiges Datum"),
        ({"day": today, "hours": "zwei", "activity": "x"}, "Zahl angeben"),
        ({"day": today, "hours": "30", "activity": "x"}, "zwischen 0,25 und 24"),
        ({"day": today, "hours": "2", "activity": ""}, "beschreiben"),
    ]:
        page = client.post("/ehrenamt/stunden/", bad, follow=True)
        assert message in page.text, bad
    assert not HoursEntry.objects.exists()
    client.post("/ehrenamt/stunden/", {"day": today, "hours": "2,5", "activity": "Sprachcafé"})
    assert str(HoursEntry.objects.get().hours) == "2.50"
    pdf = client.get("/ehrenamt/stunden/nachweis.pdf")
    assert pdf.content.startswith(b"%PDF")


def test_my_data_export_and_withdraw(make_volunteer: MakeVolunteer) -> None:
    volunteer = make_volunteer("EA-001", phone="0600 1234")
    client = as_volunteer(volunteer)
    assert "Meine Daten" in client.get("/ehrenamt/meine-daten/").text
    exported = json.loads(client.get("/ehrenamt/meine-daten/export.json").content)
    assert exported["telefon"] == "0600 1234"
    assert AuditEvent.objects.filter(action="exported").count() == 1
    bad = client.post("/ehrenamt/meine-daten/", {"name": "", "interests": ["x"]})
    assert bad.status_code == 400
    assert "ansprechen dürfen" in bad.text
    not_sure = client.post("/ehrenamt/meine-daten/widerrufen/", follow=True)
    assert "Bitte bestätigen" in not_sure.text
    client.post("/ehrenamt/meine-daten/widerrufen/", {"sure": "ja"})
    volunteer.refresh_from_db()
    assert volunteer.status == Volunteer.Status.ANONYMISED
    assert (volunteer.name, volunteer.phone, volunteer.user_id) == ("", "", None)
    # The account had no other role: it is closed, the session ends.
    assert client.get("/ehrenamt/").status_code == 302


def test_other_roles_have_no_volunteer_page(make_user: Any, region: Region) -> None:
    client = Client()
    client.force_login(make_user("fd", "clerk", region))
    assert client.get("/ehrenamt/").status_code == 404
    assert Client().get("/ehrenamt/").status_code == 302  # to the sign-in


# --- coordination -----------------------------------------------------------------------


def test_coordination_reviews_and_welcomes(
    make_volunteer: MakeVolunteer, coordinator: User, region: Region
) -> None:
    waiting = make_volunteer("EA-001", status=Volunteer.Status.REGISTERED, availability=["0-am"])
    waiting.tags.create(kind="interest", code="language")
    make_volunteer("EA-002")
    client = verified_client(coordinator)
    listing = client.get("/ehrenamt/koordination/testkreis/?status=registered")
    assert "EA-001" in listing.text
    assert "EA-002" not in listing.text
    detail = client.get(f"/ehrenamt/koordination/ehrenamtliche/{waiting.pk}/")
    assert detail.status_code == 200
    assert "Montag vormittags" in detail.text
    assert "Deutsch üben, Sprachcafé" in detail.text
    assert AuditEvent.objects.filter(action="viewed", record_id=str(waiting.pk)).exists()
    client.post(
        f"/ehrenamt/koordination/ehrenamtliche/{waiting.pk}/",
        {"what": "status", "status-status": "active"},
    )
    waiting.refresh_from_db()
    assert waiting.status == Volunteer.Status.ACTIVE
    bad = client.post(
        f"/ehrenamt/koordination/ehrenamtliche/{waiting.pk}/",
        {"what": "certificate", "cert-issued_on": "2020-01-01", "cert-inspected_on": "nie"},
    )
    assert bad.status_code == 400
    assert "gültiges Datum" in bad.text
    old = client.post(
        f"/ehrenamt/koordination/ehrenamtliche/{waiting.pk}/",
        {
            "what": "certificate",
            "cert-issued_on": (date.today() - timedelta(days=200)).isoformat(),
            "cert-inspected_on": date.today().isoformat(),
        },
        follow=True,
    )
    assert "älter als 3 Monate" in old.text
    assert not PoliceCertificate.objects.exists()
    pdf = client.get(f"/ehrenamt/koordination/ehrenamtliche/{waiting.pk}/nachweis.pdf")
    assert pdf.content.startswith(b"%PDF")


def test_another_regions_coordination_sees_nothing(
    make_volunteer: MakeVolunteer, make_region: Any, make_user: Any
) -> None:
    volunteer = make_volunteer("EA-001")
    stranger = verified_client(make_user("fremd", "coordination", make_region("anderswo")))
    assert stranger.get(f"/ehrenamt/koordination/ehrenamtliche/{volunteer.pk}/").status_code == 404
    assert stranger.get("/ehrenamt/koordination/testkreis/").status_code == 404
    assert stranger.get("/ehrenamt/koordination/").status_code == 302  # to their own region


def test_networks_opportunities_and_shifts(
    coordinator: User, town: Any, make_volunteer: MakeVolunteer, region: Region
) -> None:
    client = verified_client(coordinator)
    member = make_volunteer("EA-001")
    bad = client.post("/ehrenamt/koordination/testkreis/netzwerke/", {"name": ""})
    assert bad.status_code == 400
    assert "Namen an" in bad.text
    client.post(
        "/ehrenamt/koordination/testkreis/netzwerke/",
        {
            "name": "Helferkreis Friedberg",
            "kind": "helpers",
            "municipality": town.pk,
            "members": [member.pk],
        },
    )
    network = Network.objects.get()
    assert list(network.members.all()) == [member]
    bad = client.post(
        "/ehrenamt/koordination/testkreis/einsaetze/", {"title": "x", "area": "999999"}
    )
    assert bad.status_code == 400
    assert "Ort aus der Liste" in bad.text
    client.post(
        "/ehrenamt/koordination/testkreis/einsaetze/",
        {
            "title": "Kleiderkammer",
            "description": "Sortieren und ausgeben",
            "area": town.pk,
            "network": network.pk,
            "organiser": "Diakonie",
            "published": "on",
        },
    )
    opportunity = Opportunity.objects.get()
    url = f"/ehrenamt/koordination/einsaetze/{opportunity.pk}/"
    day = (date.today() + timedelta(days=5)).isoformat()
    bad = client.post(
        url,
        {
            "what": "shift",
            "shift-day": day,
            "shift-start": "16:00",
            "shift-end": "14:00",
            "shift-places": "2",
        },
    )
    assert bad.status_code == 400
    assert "Ende muss nach dem Beginn" in bad.text
    client.post(
        url,
        {
            "what": "shift",
            "shift-day": day,
            "shift-start": "14:00",
            "shift-end": "16:00",
            "shift-places": "2",
        },
    )
    shift = Shift.objects.get()
    assert shift.places == 2
    page = client.get(f"/ehrenamt/koordination/schichten/{shift.pk}/")
    assert page.status_code == 200
    client.post(
        f"/ehrenamt/koordination/schichten/{shift.pk}/", {"what": "cancel", "reason": "Regen"}
    )
    shift.refresh_from_db()
    assert shift.status == Shift.Status.CANCELLED


def test_hours_approved_and_card_report(
    make_volunteer: MakeVolunteer, coordinator: User, region: Region
) -> None:
    volunteer = make_volunteer("EA-001")
    entry = HoursEntry.objects.create(
        volunteer=volunteer, date=date.today(), hours=3, activity="Sprachcafé"
    )
    client = verified_client(coordinator)
    assert "Sprachcafé" in client.get("/ehrenamt/koordination/testkreis/stunden/").text
    declined = client.post(
        f"/ehrenamt/koordination/stunden/{entry.pk}/", {"decision": "reject"}, follow=True
    )
    assert "Grund" in declined.text
    client.post(f"/ehrenamt/koordination/stunden/{entry.pk}/", {"decision": "approve"})
    entry.refresh_from_db()
    assert entry.approved
    report = client.get("/ehrenamt/koordination/testkreis/ehrenamts-card/")
    assert "EA-001" in report.text


def test_region_rules(coordinator: User, region: Region, make_volunteer: MakeVolunteer) -> None:
    client = verified_client(coordinator)
    url = "/ehrenamt/koordination/testkreis/regeln/"
    assert client.get(url).status_code == 200
    bad = client.post(url, {"retention_months": "0", "card_hours_per_week": "viel"})
    assert bad.status_code == 400
    assert "Zahl von 1 bis 120" in bad.text
    assert not VolunteerRules.objects.exists()
    values = {
        "retention_months": "36",
        "unconfirmed_days": "5",
        "certificate_valid_years": "3",
        "certificate_max_age_months": "3",
        "certificate_reminder_days": "30",
        "card_hours_per_week": "4,5",
        "card_hours_per_year": "200",
        "card_years": "3",
    }
    client.post(url, values)
    rules = VolunteerRules.for_region(region.pk)
    assert (rules.retention_months, rules.card_years) == (36, 3)
    assert str(rules.card_hours_per_week) == "4.50"
    volunteer = make_volunteer("EA-001")
    assert client.get(url.replace("testkreis", "gibtsnicht")).status_code == 404
    assert volunteer.user is not None
    as_self = Client()
    as_self.force_login(volunteer.user)
    assert as_self.get(url).status_code == 404


def test_coordination_without_a_profile_is_sent_to_its_volunteer_office(
    make_user: Any, region: Region
) -> None:
    client = verified_client(make_user("koord", "coordination", region))
    response = client.get("/ehrenamt/")
    assert response.status_code == 302
    assert response["Location"] == "/ehrenamt/koordination/"
    assert client.get(response["Location"], follow=True).status_code == 200


def test_statement_pdf_with_markup_characters_in_names(
    make_volunteer: MakeVolunteer, region: Region
) -> None:
    """A name with "<" or "&" (a region renamed, a volunteer's own name) is text in the
    PDF: found by the hostile-input corpus, it used to break reportlab's markup (500)."""
    region.name = 'Kreis "><script>x</script> & Co'
    region.save()
    volunteer = make_volunteer("EA-002")
    volunteer.name = "<b>Ehrenamt & Co"
    volunteer.save()
    pdf = as_volunteer(volunteer).get("/ehrenamt/stunden/nachweis.pdf")
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")
