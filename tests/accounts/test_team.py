"""Coordination invites people by e-mail, changes and revokes roles, in its own region
only; bad input gets a German message and changes nothing."""

import re

import pytest
from django.core import mail
from django.test import Client
from wagtail.models import ModelLogEntry

from tests.conftest import MakeUser, verified_client
from wir.accounts.models import Membership, User
from wir.accounts.roles import Role

pytestmark = pytest.mark.django_db

TEAM = "/admin/rollen/testkreis/"
NEW_PASSWORD = "Sprachmittlung-im-Kreis-2027"


@pytest.fixture
def coordinator(region, make_user: MakeUser) -> User:
    return make_user("koordination", Role.COORDINATION, region)


def invite_link(message) -> str:
    found = re.search(r"https?://[^/\s]+(/konto/einladung/\S+/)", message.body)
    assert found, message.body
    return found.group(1)


def test_invite_a_new_person_who_sets_a_password_once(
    region, coordinator, django_capture_on_commit_callbacks
) -> None:
    client = verified_client(coordinator)
    assert client.get("/admin/rollen/").url == TEAM
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(TEAM, {"email": "neu@kreis.example", "role": Role.CLERK}, follow=True)
    assert "Einladung an neu@kreis.example gesendet (Benutzername neu)." in page.text
    person = User.objects.get(email="neu@kreis.example")
    assert not person.has_usable_password()
    assert Membership.objects.filter(user=person, region=region, role=Role.CLERK).exists()
    assert ModelLogEntry.objects.filter(action="wir.staff_invited").exists()
    assert [m.to for m in mail.outbox] == [["neu@kreis.example"]]
    link = invite_link(mail.outbox[0])
    visitor = Client()
    form = visitor.get(link)
    assert form.status_code == 200
    assert "Ihr Benutzername ist <strong>neu</strong>" in form.text
    mismatch = visitor.post(link, {"new_password1": NEW_PASSWORD, "new_password2": "anders"})
    assert mismatch.status_code == 400
    assert "Die beiden Passwörter sind nicht identisch." in mismatch.text
    done = visitor.post(link, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302
    assert done["Location"] == "/sprachpool/"  # a clerk's own page
    # The link works once.
    again = Client().get(link)
    assert again.status_code == 404
    assert "schon benutzt" in again.text


def test_an_invited_coordinator_sets_up_the_second_factor(
    region, coordinator, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        verified_client(coordinator).post(
            TEAM, {"email": "chefin@kreis.example", "role": Role.COORDINATION}
        )
    link = invite_link(mail.outbox[-1])
    done = Client().post(link, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done["Location"] == "/konto/zwei-faktor/"


def test_an_existing_account_gets_the_role_and_a_note(
    region, coordinator, make_user: MakeUser, django_capture_on_commit_callbacks
) -> None:
    known = make_user("bekannt")
    known.email = "bekannt@kreis.example"
    known.save()
    with django_capture_on_commit_callbacks(execute=True):
        page = verified_client(coordinator).post(
            TEAM, {"email": "Bekannt@Kreis.example", "role": Role.EDITOR}, follow=True
        )
    assert "hat die Rolle erhalten und ist benachrichtigt." in page.text
    assert Membership.objects.filter(user=known, role=Role.EDITOR).exists()
    assert "/konto/einladung/" not in mail.outbox[0].body
    assert User.objects.filter(email__iexact="bekannt@kreis.example").count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "kein-at-zeichen", "role": "clerk"}, "Bitte geben Sie eine gültige E-Mail"),
        ({"email": "a@b@c.de", "role": "clerk"}, "Bitte geben Sie eine gültige E-Mail"),
        ({"email": "", "role": "clerk"}, "Bitte geben Sie eine E-Mail-Adresse an."),
        ({"email": "x@kreis.example", "role": "kaiser"}, "Bitte wählen Sie eine Rolle aus der"),
        (
            {"email": "x@kreis.example", "role": "translator", "languages": ["xx"]},
            "Diese Sprache ist in der Region nicht aktiv.",
        ),
    ],
)
def test_bad_invitations_get_a_german_message_and_change_nothing(
    region, coordinator, data, message
) -> None:
    before = User.objects.count()
    page = verified_client(coordinator).post(TEAM, data)
    assert page.status_code == 400
    assert message in page.text
    assert User.objects.count() == before
    assert not mail.outbox


def test_roles_are_changed_and_revoked_but_never_the_last_coordinator(
    region, coordinator, make_user: MakeUser
) -> None:
    clerk = make_user("fachdienst", Role.CLERK, region)
    membership = Membership.objects.get(user=clerk)
    client = verified_client(coordinator)
    page = client.post(f"{TEAM}{membership.pk}/aendern/", {"role": Role.TRANSLATOR}, follow=True)
    assert "fachdienst hat jetzt die Rolle „Übersetzung“." in page.text
    membership.refresh_from_db()
    assert membership.role == Role.TRANSLATOR
    assert ModelLogEntry.objects.filter(action="wir.role_changed").exists()
    bad = client.post(f"{TEAM}{membership.pk}/aendern/", {"role": "kaiser"}, follow=True)
    assert "Bitte wählen Sie eine Rolle aus der Liste." in bad.text
    own = Membership.objects.get(user=coordinator)
    last = client.post(f"{TEAM}{own.pk}/entziehen/", follow=True)
    assert "Die Region braucht mindestens eine Koordination." in last.text
    demote = client.post(f"{TEAM}{own.pk}/aendern/", {"role": Role.EDITOR}, follow=True)
    assert "Die Region braucht mindestens eine Koordination." in demote.text
    assert Membership.objects.filter(pk=own.pk, role=Role.COORDINATION).exists()
    gone = client.post(f"{TEAM}{membership.pk}/entziehen/", follow=True)
    assert "fachdienst hat die Rolle „Übersetzung“ nicht mehr." in gone.text
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_another_regions_team_is_not_found(region, coordinator, make_region, make_user) -> None:
    other = make_region("anderkreis")
    stranger = make_user("fremd", Role.CLERK, other)
    foreign = Membership.objects.get(user=stranger)
    client = verified_client(coordinator)
    assert client.get("/admin/rollen/anderkreis/").status_code == 404
    invite = client.post("/admin/rollen/anderkreis/", {"email": "x@y.de", "role": "clerk"})
    assert invite.status_code == 404
    assert client.post(f"{TEAM}{foreign.pk}/entziehen/").status_code == 404
    assert client.post(f"/admin/rollen/anderkreis/{foreign.pk}/entziehen/").status_code == 404
    assert Membership.objects.filter(pk=foreign.pk).exists()
    assert not User.objects.filter(email="x@y.de").exists()
    clerk = make_user("fachdienst", Role.CLERK, region)
    assert verified_client(clerk).get(TEAM).status_code in (302, 403, 404)


def test_a_forged_invitation_link_is_refused(db: None) -> None:
    for link in ("/konto/einladung/MQ/abc-def/", "/konto/einladung/%%%/x/"):
        page = Client().get(link)
        assert page.status_code == 404
        assert "ungültig" in page.text


def test_the_roles_list_refuses_to_delete_the_last_coordinator(region, coordinator) -> None:
    own = Membership.objects.get(user=coordinator)
    client = verified_client(coordinator)
    page = client.post(f"/admin/snippets/accounts/membership/delete/{own.pk}/", follow=True)
    assert page.status_code == 200
    assert "Die Region braucht mindestens eine Koordination." in page.text
    assert Membership.objects.filter(pk=own.pk).exists()


def test_the_invitation_asks_for_a_role_instead_of_suggesting_one(region, coordinator) -> None:
    page = verified_client(coordinator).get(TEAM)
    assert '<option value="" selected>Bitte wählen</option>' in page.text
    missing = verified_client(coordinator).post(TEAM, {"email": "x@kreis.example", "role": ""})
    assert missing.status_code == 400
    assert "Bitte wählen Sie eine Rolle." in missing.text


@pytest.mark.parametrize("url", [TEAM, "/admin/snippets/accounts/membership/"])
def test_role_lists_do_not_query_per_row(region, coordinator, make_user, query_count, url) -> None:
    client = verified_client(coordinator)
    make_user("eins", Role.TRANSLATOR, region)
    client.get(url)
    with query_count.capture() as few:
        assert client.get(url).status_code == 200
    for number in range(6):
        make_user(f"person{number}", Role.TRANSLATOR if number % 2 else Role.CLERK, region)
    with query_count.capture() as many:
        assert client.get(url).status_code == 200
    query_count.assert_same(few, many)
