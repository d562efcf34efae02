"""The declared retention rules, applied by `manage.py privacy_daily`."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from wir.accounts.models import User
from wir.portal.models import Feedback
from wir.privacy import retention
from wir.privacy.models import AuditEvent
from wir.sprachpool import reports
from wir.sprachpool.models import Assignment, MediationRequest, PoolRules


def daily() -> str:
    out = StringIO()
    call_command("privacy_daily", stdout=out, verbosity=0)
    return out.getvalue()


def test_file_references_go_after_the_regions_period(ask, region) -> None:
    PoolRules.objects.create(region=region, retention_months=12)
    old = ask(timezone.now() - timedelta(days=400), notes="Raum 3")
    recent = ask(timezone.now() - timedelta(days=100), notes="Raum 4")
    out = daily()
    assert "sprachpool.mediationrequest: 1" in out
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.client_reference, old.notes) == ("", "")
    assert (recent.client_reference, recent.notes) == ("AZ-7", "Raum 4")
    logged = AuditEvent.objects.get(record_type="sprachpool.mediationrequest")
    assert (logged.action, logged.record_id, logged.actor_id) == ("anonymised", str(old.pk), None)
    assert "Nach Frist bearbeitet: 0" in daily()  # nothing twice


def test_the_yearly_report_is_the_same_after_anonymisation(ask, pool, region) -> None:
    PoolRules.objects.create(region=region, retention_months=1)
    mediator = pool("SM-1")
    year = timezone.now().year - 1
    start = timezone.now().replace(year=year, month=3, day=10, hour=9)
    for offset, status in enumerate(["done", "done", "cancelled", "open"]):
        request = ask(start + timedelta(days=offset), notes=f"Hinweis {offset}", status=status)
        if status == "done":
            Assignment.objects.create(
                request=request,
                mediator=mediator,
                starts_at=request.starts_at,
                ends_at=request.ends_at,
                status="done",
                actual_minutes=75,
                allowance=Decimal("30.00"),
                mediator_comment="gut",
            )
    before = reports.as_csv(reports.build(region, year))
    counts = retention.run().counts
    assert counts["sprachpool.mediationrequest"] == 4
    assert counts["sprachpool.assignment"] == 2
    assert not MediationRequest.objects.exclude(notes="").exists()
    assert reports.as_csv(reports.build(region, year)) == before
    assert "Hinweis" not in before  # the report never showed them


def test_feedback_comments_go_after_twelve_months(region) -> None:
    old = Feedback.objects.create(region=region, language_code="de", helpful=True, comment="x")
    new = Feedback.objects.create(region=region, language_code="de", helpful=False, comment="y")
    Feedback.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=370))
    assert retention.run().counts == {"portal.feedback": 1}
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.comment, old.helpful) == ("", True)  # the count survives
    assert new.comment == "y"


def test_inactive_accounts_are_anonymised_after_24_months(make_user) -> None:
    long_ago = timezone.now() - timedelta(days=750)
    idle = make_user("lange-weg")
    User.objects.filter(pk=idle.pk).update(
        last_login=long_ago, email="weg@example.org", first_name="Vor", last_name="Nach"
    )
    never = make_user("nie-da")
    User.objects.filter(pk=never.pk).update(date_joined=long_ago)
    active = make_user("aktiv")
    User.objects.filter(pk=active.pk).update(last_login=timezone.now() - timedelta(days=30))
    admin = User.objects.create_superuser("betrieb", password="x" * 16)
    User.objects.filter(pk=admin.pk).update(last_login=long_ago)
    assert retention.run().counts == {"accounts.user": 2}
    idle.refresh_from_db()
    assert idle.username == f"geloescht-{idle.pk}"
    assert (idle.email, idle.first_name, idle.last_name, idle.last_login) == ("", "", "", None)
    assert not idle.has_usable_password()
    assert not idle.is_active
    never.refresh_from_db()
    assert never.username == f"geloescht-{never.pk}"
    assert User.objects.get(pk=active.pk).username == "aktiv"
    assert User.objects.get(pk=admin.pk).username == "betrieb"
    assert retention.run().counts == {}


def test_the_daily_job_purges_old_audit_events(db, settings) -> None:
    settings.WIR_AUDIT_RETENTION_DAYS = 10
    AuditEvent.objects.create(
        at=timezone.now() - timedelta(days=11), action="viewed", record_type="x", record_id="1"
    )
    assert "Protokolleinträge gelöscht: 1." in daily()
    assert not AuditEvent.objects.exists()
