"""The audit log: append-only, written by the staff views, searchable by coordination."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.conftest import verified_client
from wir.privacy import audit
from wir.privacy.models import AppendOnlyError, AuditAction, AuditEvent

LOG = "/admin/datenschutz/testkreis/protokoll/"


def test_events_cannot_be_changed_or_deleted(make_mediator) -> None:
    event = audit.record(None, AuditAction.VIEWED, make_mediator("SM-1"))
    event.reason = "anders"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(reason="anders")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.get().reason == ""


def test_the_purge_deletes_only_events_past_the_period(make_mediator, settings) -> None:
    settings.WIR_AUDIT_RETENTION_DAYS = 30
    mediator = make_mediator("SM-1")
    now = timezone.now()
    old = AuditEvent.objects.create(
        at=now - timedelta(days=31), action="viewed", record_type="x", record_id="1"
    )
    young = audit.record(None, AuditAction.VIEWED, mediator)
    assert audit.purge_expired(now) == 1
    assert list(AuditEvent.objects.values_list("pk", flat=True)) == [young.pk]
    assert old.pk != young.pk


def test_events_name_the_record_and_its_region_never_values(make_mediator, region) -> None:
    mediator = make_mediator("SM-1")
    event = audit.record(mediator.user, AuditAction.CHANGED, mediator, fields=["gender", "gender"])
    assert (event.record_type, event.record_id, event.region_id) == (
        "sprachpool.mediator",
        str(mediator.pk),
        region.pk,
    )
    assert event.fields == ["gender"]


def test_staff_views_of_mediators_and_requests_are_logged(
    coordinator, make_mediator, make_request
) -> None:
    mediator = make_mediator("SM-1")
    request = make_request()
    client = verified_client(coordinator)
    assert client.get(f"/admin/snippets/sprachpool/mediator/edit/{mediator.pk}/").status_code == 200
    assert client.get(f"/admin/sprachpool/testkreis/anfrage/{request.pk}/").status_code == 200
    month = timezone.localdate().strftime("%Y-%m")
    statements = "/admin/sprachpool/testkreis/abrechnung/"
    assert client.get(statements, {"monat": month}).status_code == 200
    export = client.get(
        "/admin/sprachpool/testkreis/abrechnung/",
        {"monat": month, "kennung": "SM-1", "format": "csv"},
    )
    assert export.status_code == 200
    seen = list(
        AuditEvent.objects.filter(actor_id=coordinator.pk)
        .order_by("id")
        .values_list("action", "record_type", "record_id")
    )
    assert seen == [
        ("viewed", "sprachpool.mediator", str(mediator.pk)),
        ("viewed", "sprachpool.mediationrequest", str(request.pk)),
        ("viewed", "sprachpool.mediator", str(mediator.pk)),
        ("exported", "sprachpool.mediator", str(mediator.pk)),
    ]


def test_the_log_filters_pages_and_exports(coordinator, make_mediator, make_user, region) -> None:
    one, two = make_mediator("SM-1"), make_mediator("SM-2")
    other = make_user("zweite-koordination", "coordination", region)
    audit.record(coordinator, AuditAction.VIEWED, one)
    audit.record(other, AuditAction.EXPORTED, two, reason="Abrechnung")
    client = verified_client(coordinator)
    page = client.get(LOG)
    assert page.status_code == 200
    assert page.text.count('class="audit-row"') == 2
    by_person = client.get(LOG, {"person": "zweite"})
    assert "Abrechnung" in by_person.text
    assert by_person.text.count('class="audit-row"') == 1
    by_action = client.get(LOG, {"action": "viewed", "record_type": "sprachpool.mediator"})
    assert f"#{one.pk}" in by_action.text
    assert f"#{two.pk}</td>" not in by_action.text
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    assert "Keine Einträge" in client.get(LOG, {"von": tomorrow}).text
    csv = client.get(LOG, {"record_id": str(two.pk), "format": "csv"})
    assert csv["Content-Type"].startswith("text/csv")
    lines = csv.content.decode().strip().splitlines()
    assert len(lines) == 2
    assert "zweite-koordination;exportiert;sprachpool.mediator" in lines[1]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"von": "gestern"}, "Bitte ein Datum angeben"),
        ({"von": "2027-03-05", "bis": "2027-03-01"}, "Das Ende liegt vor dem Anfang."),
        ({"record_id": "1; drop"}, "nur aus Ziffern"),
        ({"action": "erfunden"}, "Bitte eine Aktion aus der Liste wählen."),
        ({"record_type": "x.y"}, "Bitte eine Datensatzart aus der Liste wählen."),
    ],
)
def test_bad_filters_get_a_german_message(coordinator, query, message) -> None:
    page = verified_client(coordinator).get(LOG, query)
    assert page.status_code == 200
    assert message in page.text
    csv = verified_client(coordinator).get(LOG, {**query, "format": "csv"})
    assert csv["Content-Type"].startswith("text/html")  # no export of an unclear filter


def test_other_regions_and_other_roles_see_nothing(
    coordinator, make_region, make_user, make_mediator
) -> None:
    audit.record(coordinator, AuditAction.VIEWED, make_mediator("SM-1"))
    other = make_region("anderkreis")
    stranger = make_user("fremd", "coordination", other)
    assert verified_client(stranger).get(LOG).status_code == 404
    editor = make_user("redaktion", "editor", coordinator.memberships.get().region)
    assert verified_client(editor).get(LOG).status_code in (403, 404)


def test_the_list_costs_the_same_queries_for_many_events(
    coordinator, make_mediator, query_count
) -> None:
    mediator = make_mediator("SM-1")
    client = verified_client(coordinator)
    audit.record(coordinator, AuditAction.VIEWED, mediator)
    client.get(LOG)
    with query_count.capture() as few:
        client.get(LOG)
    audit.record_many(coordinator, AuditAction.VIEWED, [mediator] * 30)
    with query_count.capture() as many:
        client.get(LOG)
    query_count.assert_same(few, many)
