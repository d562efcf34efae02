"""Coordination keeps the pool in the back office: mediators and the region's rules."""

from __future__ import annotations

from decimal import Decimal

from tests.conftest import verified_client
from tests.sprachpool.conftest import MONDAY, at
from wir.core.actions import add_area
from wir.core.models import Area, Language
from wir.privacy.models import AuditEvent
from wir.sprachpool import planning
from wir.sprachpool.models import Assignment, Mediator, PoolRules

ADD = "/admin/snippets/sprachpool/mediator/add/"


def mediator_form(region, town: Area, **changes) -> dict[str, str]:
    data = {
        "region": str(region.pk),
        "code": "SM-NEU",
        "status": "active",
        "username": "",
        "german_level": "B2",
        "on_site": "on",
        "phone": "on",
        "home_area": str(town.pk),
        "max_travel_km": "25",
        "gender": "",
        "confidentiality_signed_on": "2026-11-02",
        "certificate_valid_until": "",
        "languages-TOTAL_FORMS": "1",
        "languages-INITIAL_FORMS": "0",
        "languages-MIN_NUM_FORMS": "0",
        "languages-MAX_NUM_FORMS": "1000",
        "languages-0-language": str(Language.objects.get(code="ar").pk),
        "languages-0-level": "native",
        "languages-0-dialects": "Syrisch",
        "languages-0-id": "",
        "availability-TOTAL_FORMS": "1",
        "availability-INITIAL_FORMS": "0",
        "availability-MIN_NUM_FORMS": "0",
        "availability-MAX_NUM_FORMS": "1000",
        "availability-0-weekday": "0",
        "availability-0-start": "08:00",
        "availability-0-end": "12:00",
        "availability-0-id": "",
        "absences-TOTAL_FORMS": "0",
        "absences-INITIAL_FORMS": "0",
        "absences-MIN_NUM_FORMS": "0",
        "absences-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_coordination_adds_a_mediator_who_is_then_matched(
    coordinator, region, towns, make_user, ask
) -> None:
    person = make_user("sm-konto", "mediator", region)
    client = verified_client(coordinator)
    page = client.post(ADD, mediator_form(region, towns["Nidda"], username="sm-konto"))
    assert page.status_code == 302, page.text[:2000]
    mediator = Mediator.objects.get(code="SM-NEU")
    assert mediator.user == person
    assert mediator.modes == frozenset({"on_site", "phone"})
    assert [(s.language.code, s.dialects) for s in mediator.languages.all()] == [("ar", "Syrisch")]
    assert mediator.availability.get().weekday == 0
    request = ask(at(MONDAY, 9), town="Nidda")
    found = planning.candidates_for(request)
    assert [m.code for m, _c in found.candidates] == ["SM-NEU"]
    late = ask(at(MONDAY, 13), town="Nidda")
    assert planning.candidates_for(late).rejected[0][1].reasons == (
        "zu dieser Zeit nicht verfügbar",
    )


def test_bad_mediator_records_are_refused_in_german(
    coordinator, region, towns, make_region
) -> None:
    client = verified_client(coordinator)
    other = make_region("anderkreis")
    foreign_town = add_area(
        other, "Fremdstadt", Area.Kind.MUNICIPALITY, Decimal("50.3"), Decimal("8.8")
    )
    cases = [
        ({"german_level": "A2"}, "Aktiv nur mit Deutschkenntnissen ab B1"),
        ({"confidentiality_signed_on": ""}, "Vor der Aktivierung bitte die Verschwiegenheits"),
        ({"username": "gibt-es-nicht"}, "Es gibt kein aktives Konto mit diesem Benutzernamen."),
        ({"on_site": "", "phone": ""}, "Bitte mindestens eine Art von Einsatz wählen."),
        ({"home_area": str(foreign_town.pk)}, "Bitte wählen Sie einen Ort aus der Liste."),
        ({"availability-0-end": "07:00"}, ""),
    ]
    for changes, message in cases:
        page = client.post(ADD, mediator_form(region, towns["Friedberg"], **changes))
        assert page.status_code == 200, changes
        if message:
            assert message in page.text, changes
    assert not Mediator.objects.exists()


def test_other_regions_and_other_roles_do_not_see_the_pool(
    coordinator, region, towns, make_user, make_region, pool
) -> None:
    mediator = pool("SM-EINS")
    other = make_region("anderkreis")
    foreign = verified_client(make_user("fremd", "coordination", other))
    edit = f"/admin/snippets/sprachpool/mediator/edit/{mediator.pk}/"
    assert foreign.get(edit).status_code == 404
    assert "SM-EINS" not in foreign.get("/admin/snippets/sprachpool/mediator/").text
    editor = verified_client(make_user("redaktion", "editor", region))
    assert editor.get("/admin/snippets/sprachpool/mediator/").status_code in (302, 403)
    assert "SM-EINS" in verified_client(coordinator).get(edit).text


def test_region_rules_are_kept_per_region(coordinator, region) -> None:
    client = verified_client(coordinator)
    page = client.post(
        "/admin/snippets/sprachpool/poolrules/add/",
        {
            "region": str(region.pk),
            "lead_time_days": "3",
            "unserved_settings": "jobcenter",
            "client_cap": "",
            "certificate_settings": "jugendamt",
            "allowance_limit": "960.00",
            "speed_kmh": "30",
            "tariff_per": "appointment",
            "rate": "35.00",
            "minimum": "0",
            "travel_per_km": "0.30",
            "cancellation_fee": "15.00",
            "late_cancellation_hours": "24",
            "retention_months": "24",
        },
    )
    assert page.status_code == 302
    rules = planning.rules_for(region)
    assert rules.certificate_settings == frozenset({"jugendamt"})
    assert rules.speed_kmh == 30
    stored = PoolRules.objects.get()
    assert stored.lead_time_days == 3
    assert stored.tariff().per == "appointment"
    again = client.post(
        "/admin/snippets/sprachpool/poolrules/add/",
        {"region": str(region.pk), "lead_time_days": "x", "allowance_limit": "", "speed_kmh": "0"},
    )
    assert again.status_code == 200
    assert PoolRules.objects.count() == 1


def test_a_mediator_with_assignments_is_not_deleted_but_told_why(
    coordinator, region, pool, ask
) -> None:
    """Found by the hostile-input corpus: deleting a mediator who has assignments (protected
    foreign key) was a 500; now a German message, and nothing is deleted or logged."""
    mediator = pool("SM-1")
    request = ask(at(MONDAY, 9))
    Assignment.objects.create(
        request=request, mediator=mediator, starts_at=request.starts_at, ends_at=request.ends_at
    )
    audited = AuditEvent.objects.count()
    client = verified_client(coordinator)
    delete = f"/admin/snippets/sprachpool/mediator/delete/{mediator.pk}/"
    response = client.post(delete, follow=True)
    assert response.status_code == 200
    assert "„SM-1“ kann nicht gelöscht werden" in response.text
    assert "Einsätze" in response.text
    assert Mediator.objects.filter(pk=mediator.pk).exists()
    assert AuditEvent.objects.count() == audited
