"""After the appointment: both sides confirm, the allowance is computed, statements."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.test import Client
from django.utils import timezone

from wir.sprachpool import planning, statements
from wir.sprachpool.actions import cancel_request
from wir.sprachpool.models import Assignment, MediationRequest, PoolRules


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def past_booking(ask, mediator, days_ago: int = 2, hours: float = 1.0) -> Assignment:
    start = timezone.now().replace(minute=0, second=0, microsecond=0) - timedelta(days=days_ago)
    request = ask(start, ends_at=start + timedelta(hours=hours),
                  status=MediationRequest.Status.BOOKED)  # fmt: skip
    return Assignment.objects.create(
        request=request, mediator=mediator, starts_at=request.starts_at,
        ends_at=request.ends_at, status=Assignment.Status.ACCEPTED,
    )  # fmt: skip


def test_both_sides_confirm_and_the_allowance_follows_the_tariff(
    pool, ask, make_user, region
) -> None:
    person = make_user("sm-abrechnung", "mediator", region)
    mediator = pool("SM-ABR", user=person)
    booking = past_booking(ask, mediator)
    mediator_client = signed_in(person)
    home = mediator_client.get("/sprachpool/").text
    assert f'id="confirm-{booking.pk}"' in home
    url = f"/sprachpool/einsaetze/{booking.pk}/bestaetigen/"
    for bad, message in (
        ({"minutes": "0", "km": "3"}, "Bitte die Dauer als ganze Zahl von 1 bis 600 Minuten"),
        ({"minutes": "70", "km": "-1"}, "Bitte die Kilometer als Zahl von 0 bis 500 angeben."),
        ({"minutes": "70", "km": "1.25"}, "Bitte höchstens eine Nachkommastelle angeben."),
        ({"minutes": "", "km": ""}, "Bitte geben Sie die Dauer in Minuten an."),
    ):
        page = mediator_client.post(url, bad, follow=True)
        assert message in page.text, bad
    booking.refresh_from_db()
    assert booking.mediator_confirmed_at is None
    page = mediator_client.post(
        url, {"minutes": "70", "km": "12.0", "rating": "4", "comment": "Gut vorbereitet"},
        follow=True,
    )  # fmt: skip
    assert "Danke! Dauer und Fahrt sind gemeldet." in page.text
    booking.refresh_from_db()
    assert booking.status == Assignment.Status.ACCEPTED  # the department has not confirmed
    department = signed_in(booking.request.requested_by)
    request_url = f"/sprachpool/anfragen/{booking.request_id}/"
    assert 'id="confirm"' in department.get(request_url).text
    page = department.post(request_url, {"step": "bestaetigen", "minutes": "x"}, follow=True)
    assert "Bitte die Dauer als ganze Zahl" in page.text
    page = department.post(request_url, {"step": "bestaetigen", "rating": "9"}, follow=True)
    assert "Bitte eine Bewertung von 1 bis 5 wählen." in page.text
    page = department.post(
        request_url, {"step": "bestaetigen", "minutes": "", "rating": "5"}, follow=True
    )
    assert "Danke! Der Einsatz ist bestätigt." in page.text
    booking.refresh_from_db()
    assert booking.status == Assignment.Status.DONE
    # 70 minutes: three started half hours à 10 €, plus 12 km × 0.30 €.
    assert booking.allowance == Decimal("33.60")
    assert booking.request.status == MediationRequest.Status.DONE
    assert (booking.mediator_rating, booking.mediator_comment) == (4, "Gut vorbereitet")
    assert booking.department_rating == 5

    day = timezone.localtime(booking.starts_at)
    csv_response = mediator_client.get(f"/sprachpool/abrechnung/{day.year}-{day.month}.csv")
    text = csv_response.content.decode()
    assert "SM-ABR;" in text
    assert ";70;12,0;33,60" in text
    pdf = mediator_client.get(f"/sprachpool/abrechnung/{day.year}-{day.month}.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert mediator_client.get("/sprachpool/abrechnung/2027-13.csv").status_code == 404
    assert csv_response["Content-Disposition"] == (
        f'attachment; filename="abrechnung-sm-abr-{day.year}-{day.month:02d}.csv"'
    )
    assert pdf["Content-Disposition"] == (
        f'attachment; filename="abrechnung-sm-abr-{day.year}-{day.month:02d}.pdf"'
    )
    # The URL cannot choose another extension or name: only .csv and .pdf exist.
    for other in ("html", "pdf.html", "svg", "csv%22%3B.html", "exe"):
        answer = mediator_client.get(f"/sprachpool/abrechnung/{day.year}-{day.month}.{other}")
        assert answer.status_code == 404, other
        assert "attachment" not in answer.get("Content-Disposition", "")
    assert (
        signed_in(make_user("ohne-profil"))
        .get(f"/sprachpool/abrechnung/{day.year}-{day.month}.csv")
        .status_code
        == 404
    )


def test_confirming_too_early_or_twice_is_refused(pool, ask, make_user, region) -> None:
    person = make_user("sm-frueh", "mediator", region)
    mediator = pool("SM-FRUEH", user=person)
    future = past_booking(ask, mediator, days_ago=-3)
    page = signed_in(person).post(
        f"/sprachpool/einsaetze/{future.pk}/bestaetigen/", {"minutes": "60", "km": "0"},
        follow=True,
    )  # fmt: skip
    assert "Der Einsatz ist noch nicht vorbei." in page.text
    future.refresh_from_db()
    assert future.mediator_confirmed_at is None


def test_yearly_total_warns_near_the_limit_and_steers_matching(
    pool, ask, make_user, region
) -> None:
    PoolRules.objects.create(region=region, allowance_limit=Decimal("100.00"))
    person = make_user("sm-grenze", "mediator", region)
    busy = pool("SM-GRENZE", user=person)
    pool("SM-FREI")
    booking = past_booking(ask, busy, days_ago=1)
    Assignment.objects.filter(pk=booking.pk).update(
        status=Assignment.Status.DONE, allowance=Decimal("95.00"), actual_minutes=60,
        travel_km=Decimal(0),
    )  # fmt: skip
    today = timezone.localdate()
    item = statements.statements([busy], today.year, today.month)[0]
    assert item.year_total == Decimal("95.00")
    assert item.near_limit
    assert not item.over_limit
    home = signed_in(person).get("/sprachpool/").text
    assert "Die steuerfreie Grenze ist bald erreicht." in home
    upcoming = ask(timezone.now() + timedelta(days=3))
    found = planning.candidates_for(upcoming)
    ranked = [m.code for m, _c in found.candidates]
    if upcoming.starts_at.year == today.year:  # the limit counts per calendar year
        assert ranked == ["SM-FREI", "SM-GRENZE"]
        assert "nahe an der steuerfreien Grenze" in found.candidates[1][1].reasons


def test_late_cancellation_pays_the_fee(pool, ask, make_user, region, coordinator) -> None:
    mediator = pool("SM-AUSFALL")
    soon = timezone.now() + timedelta(hours=5)
    request = ask(soon, status=MediationRequest.Status.BOOKED)
    booking = Assignment.objects.create(
        request=request, mediator=mediator, starts_at=request.starts_at,
        ends_at=request.ends_at, status=Assignment.Status.ACCEPTED,
    )  # fmt: skip
    cancel_request(request.pk, coordinator, "Termin entfällt")
    booking.refresh_from_db()
    assert booking.status == Assignment.Status.CANCELLED
    assert booking.allowance == Decimal("15.00")
    day = timezone.localtime(soon)
    item = statements.statements([mediator], day.year, day.month)[0]
    assert [(line.kind, line.amount) for line in item.lines] == [
        ("Ausfallpauschale", Decimal("15.00"))
    ]
