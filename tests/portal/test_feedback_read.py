"""Staff mark visitors' feedback read or unread, one or several at once, only in their own
regions; the editors' start page counts the unread feedback and the list filters by it.
Every change is in the privacy audit log (a comment may contain personal data)."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from django.test import Client

from tests.conftest import MakeRegion, MakeUser, verified_client
from wir.accounts.roles import Role
from wir.core.models import Region
from wir.portal.models import Feedback
from wir.privacy.models import AuditEvent

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/portal/feedback/"


def action_url(action: str, *ids: object) -> str:
    query = urlencode([*(("id", i) for i in ids), ("next", LIST)])
    return f"/admin/bulk/portal/feedback/{action}/?{query}"


def unread_on_start_page(client: Client) -> int:
    html = client.get("/admin/").text
    found = re.search(r"Ungelesene Rückmeldungen</a>:\s*<strong>(\d+)</strong>", html)
    assert found, "no line for unread feedback"
    return int(found.group(1))


@pytest.fixture
def feedback(region: Region) -> list[Feedback]:
    return [
        Feedback.objects.create(region=region, language_code="de", comment=f"Hinweis {n}")
        for n in range(3)
    ]


def test_one_feedback_is_marked_read_and_unread_again(
    feedback: list[Feedback], make_user: MakeUser, region: Region
) -> None:
    editor = make_user("redaktion", Role.EDITOR, region)
    client = verified_client(editor)
    assert unread_on_start_page(client) == 3
    listing = client.get(LIST).text
    assert "ungelesen" in listing
    assert action_url("mark_read", feedback[0].pk).replace("&", "&amp;") in listing
    confirm = client.get(action_url("mark_read", feedback[0].pk))
    assert "Diese Rückmeldung als gelesen markieren?" in confirm.text
    assert "Hinweis 0" in confirm.text
    done = client.post(action_url("mark_read", feedback[0].pk), follow=True)
    assert "1 Rückmeldung als gelesen markiert." in done.text
    feedback[0].refresh_from_db()
    assert feedback[0].read_at is not None
    assert unread_on_start_page(client) == 2
    event = AuditEvent.objects.get(record_type="portal.feedback", record_id=str(feedback[0].pk))
    assert (event.actor_id, event.action, event.fields, event.region_id) == (
        editor.pk,
        "changed",
        ["read_at"],
        region.pk,
    )
    assert "Als ungelesen markieren" in client.get(LIST).text
    client.post(action_url("mark_unread", feedback[0].pk))
    feedback[0].refresh_from_db()
    assert feedback[0].read_at is None
    assert unread_on_start_page(client) == 3


def test_several_are_marked_at_once_and_the_list_filters_by_read_state(
    feedback: list[Feedback], make_user: MakeUser, region: Region
) -> None:
    client = verified_client(make_user("koordination", Role.COORDINATION, region))
    confirm = client.get(action_url("mark_read", feedback[0].pk, feedback[1].pk))
    assert "Diese 2 Rückmeldungen als gelesen markieren?" in confirm.text
    done = client.post(action_url("mark_read", feedback[0].pk, feedback[1].pk), follow=True)
    assert "2 Rückmeldungen als gelesen markiert." in done.text
    unread = client.get(LIST + "?read=unread").text
    assert "Hinweis 2" in unread
    assert "Hinweis 0" not in unread
    assert "Hinweis 1" not in unread
    read = client.get(LIST + "?read=read").text
    assert "Hinweis 0" in read
    assert "Hinweis 1" in read
    assert "Hinweis 2" not in read
    # Marking what is already read changes nothing and logs nothing more.
    client.post(action_url("mark_read", feedback[0].pk, feedback[2].pk))
    assert AuditEvent.objects.filter(record_type="portal.feedback").count() == 3
    assert not Feedback.objects.filter(read_at__isnull=True).exists()


def test_other_regions_feedback_is_not_found_and_stays_unread(
    feedback: list[Feedback], make_user: MakeUser, region: Region, make_region: MakeRegion
) -> None:
    south = make_region("suedkreis")
    foreign = Feedback.objects.create(region=south, language_code="de", comment="Geheim Süd")
    client = verified_client(make_user("redaktion", Role.EDITOR, region))
    assert client.get(action_url("mark_read", foreign.pk)).status_code == 404
    assert client.post(action_url("mark_read", foreign.pk)).status_code == 404
    # Mixed with own feedback: refused as a whole (the admin gate), nothing changes.
    assert client.get(action_url("mark_read", feedback[0].pk, foreign.pk)).status_code == 404
    assert client.post(action_url("mark_read", feedback[0].pk, foreign.pk)).status_code == 404
    assert client.post(action_url("mark_read", "all")).status_code == 404
    assert not Feedback.objects.filter(read_at__isnull=False).exists()
    # Nonsense ids are answered "not found", never an error page.
    for bad in ("abc", "99999999999999999999999", "²"):
        assert client.post(action_url("mark_read", bad)).status_code == 404
    # Who may not edit content does not mark anything.
    clerk = verified_client(make_user("fachdienst", Role.CLERK, region))
    assert clerk.post(action_url("mark_read", feedback[1].pk)).status_code in (302, 403, 404)
    feedback[1].refresh_from_db()
    assert feedback[1].read_at is None
