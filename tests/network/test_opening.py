"""The intercultural opening: pure scores, self-assessments, stages, measures, documents,
the progress view and the region overview."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from tests.network.conftest import Net
from wir.network import actions, charts, scores
from wir.network.models import (
    ChecklistItem,
    OpeningDocument,
    OpeningMeasure,
    OpeningProcess,
    Organisation,
    SelfAssessment,
)

D = date


def test_item_trends_weakest_first_and_change_since_last_year() -> None:
    assessments = [
        scores.Assessment(1, D(2025, 3, 1), {10: 0, 11: 2}),
        scores.Assessment(1, D(2026, 3, 1), {10: 1, 11: 3}),
        scores.Assessment(2, D(2025, 6, 1), {10: 0, 11: 1}),
        scores.Assessment(2, D(2026, 2, 1), {10: 0, 11: 2}),
        scores.Assessment(3, D(2026, 5, 1), {10: 2}),  # after "today": not counted
    ]
    trends = scores.item_trends(assessments, [10, 11, 12], D(2026, 4, 1))
    assert [t.item_id for t in trends] == [10, 11, 12]
    weakest = trends[0]
    assert weakest.mean_now == 0.5
    assert weakest.mean_year_ago == 0.0  # only organisation 1 had assessed by 1 April 2025
    assert weakest.change == 0.5
    assert trends[1].mean_now == 2.5
    assert trends[2].mean_now is None
    assert trends[2].change is None


def test_stage_counts_keep_order_and_zeros() -> None:
    order = ["a", "b", "c"]
    assert scores.stage_counts(["c", "a", "c", "x"], order) == [("a", 1), ("b", 0), ("c", 2)]


@given(st.lists(st.integers(min_value=0, max_value=3), min_size=1, max_size=10))
def test_share_lies_between_zero_and_one(values: list[int]) -> None:
    result = scores.share(dict(enumerate(values)), list(range(len(values))))
    assert result is not None
    assert 0 <= result <= 1


def test_chart_geometry_scales_to_the_maximum() -> None:
    chart = charts.bar_chart([("A", [3.0, None]), ("B", [1.5, 0.0])], ["vorher", "jetzt"], 3)
    a, b = chart.rows
    assert a.segments[0].width == pytest.approx(chart.right - chart.left)
    assert a.segments[1].text == "–"
    assert b.segments[0].width == pytest.approx((chart.right - chart.left) / 2)
    assert [label for _x, label in chart.ticks] == ["0", "1", "2", "3"]


pytestmark = pytest.mark.django_db


def test_partner_records_a_self_assessment_and_sees_the_progress(net: Net) -> None:
    process = net.process
    actions.ensure_catalogue(net.region, "sports_club")
    items = list(ChecklistItem.objects.filter(region=net.region, organisation_kind="sports_club"))
    assert len(items) == 7  # the default catalogue (the world's item has one of its keys)
    client = net.client("partner")
    url = f"/netzwerk/oeffnung/{process.pk}/selbstbewertung/"
    form = client.get(url)
    assert form.status_code == 200
    data = {"assessed_on": timezone.localdate().isoformat(), "note": "erste Runde"}
    data |= {f"item_{item.pk}": "2" for item in items}
    # One score missing and one out of range: clear messages, nothing saved.
    bad = dict(data)
    bad.pop(f"item_{items[0].pk}")
    bad[f"item_{items[1].pk}"] = "7"
    response = client.post(url, bad)
    assert response.status_code == 400
    text = response.content.decode()
    assert "Bitte bewerten Sie dieses Kriterium (0 bis 3)." in text
    assert "Bitte wählen Sie einen Eintrag aus der Liste." in text
    assert SelfAssessment.objects.filter(process=process).count() == 1
    future = dict(data, assessed_on=(timezone.localdate() + timedelta(days=3)).isoformat())
    assert "Zukunft" in client.post(url, future).content.decode()
    response = client.post(url, data)
    assert response.status_code == 302
    assert SelfAssessment.objects.filter(process=process).count() == 2
    # The same day again replaces that day's scores.
    client.post(url, data | {f"item_{items[0].pk}": "3"})
    assert SelfAssessment.objects.filter(process=process).count() == 2
    page = client.get(f"/netzwerk/organisation/{net.organisation.pk}/oeffnung/")
    assert page.status_code == 200
    html = page.content.decode()
    assert '<svg class="wir-chart"' in html
    assert 'role="img"' in html
    assert 'id="scores"' in html  # the table with the same numbers


def test_partner_may_not_change_the_stage_nor_see_other_processes(net: Net, other: Net) -> None:
    client = net.client("partner")
    response = client.post(f"/netzwerk/oeffnung/{net.process.pk}/phase/", {"stage": "review"})
    assert response.status_code == 404
    net.process.refresh_from_db()
    assert net.process.stage == "stocktaking"
    assert client.get(f"/netzwerk/oeffnung/{other.process.pk}/selbstbewertung/").status_code == 404
    assert client.get(f"/netzwerk/{net.region.slug}/oeffnung/").status_code == 404


def test_coordination_starts_a_process_and_moves_the_stage(net: Net) -> None:
    school = Organisation.objects.create(region=net.region, name="Gymnasium", kind="school")
    client = net.client("coordination")
    url = f"/netzwerk/organisation/{school.pk}/oeffnung/"
    assert "Prozess beginnen" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    process = OpeningProcess.objects.get(organisation=school)
    assert ChecklistItem.objects.filter(region=net.region, organisation_kind="school").exists()
    response = client.post(f"/netzwerk/oeffnung/{process.pk}/phase/", {"stage": "weltall"})
    assert response.status_code == 302
    process.refresh_from_db()
    assert process.stage == "first_contact"
    client.post(f"/netzwerk/oeffnung/{process.pk}/phase/", {"stage": "agreement"})
    process.refresh_from_db()
    assert process.stage == "agreement"


def test_measures_with_owner_and_due_date(net: Net) -> None:
    client = net.client("partner")
    url = f"/netzwerk/oeffnung/{net.process.pk}/massnahmen/"
    response = client.post(
        url, {"title": "Flyer", "owner_role": "", "due_on": "31.02.2027"}, follow=True
    )
    text = response.content.decode()
    assert "Bitte füllen Sie dieses Feld aus." in text
    assert "gültiges Datum" in text
    before = OpeningMeasure.objects.count()
    client.post(
        url,
        {
            "title": "Mehrsprachiger Aushang",
            "owner_role": "Vorstand",
            "due_on": "2027-03-01",
            "owner_organisation": net.organisation.pk,
        },
    )
    assert OpeningMeasure.objects.count() == before + 1
    measure = OpeningMeasure.objects.get(title="Mehrsprachiger Aushang")
    client.post(f"/netzwerk/oeffnung/{net.process.pk}/massnahmen/{measure.pk}/", {"status": "done"})
    measure.refresh_from_db()
    assert measure.status == "done"


def test_documents_upload_and_protected_download(net: Net, other: Net, settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path
    client = net.client("partner")
    url = f"/netzwerk/oeffnung/{net.process.pk}/dokumente/"
    response = client.post(
        url, {"title": "Skript", "file": SimpleUploadedFile("x.exe", b"MZ")}, follow=True
    )
    assert "Bitte laden Sie ein Dokument hoch" in response.content.decode()
    client.post(
        url, {"title": "Zielvereinbarung", "file": SimpleUploadedFile("ziel.pdf", b"%PDF-1.4")}
    )
    document = OpeningDocument.objects.get(title="Zielvereinbarung")
    response = client.get(f"/netzwerk/dokumente/{document.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4"  # type: ignore[attr-defined]
    assert other.client("partner").get(f"/netzwerk/dokumente/{document.pk}/").status_code == 404
    assert (
        other.client("coordination").get(f"/netzwerk/dokumente/{document.pk}/").status_code == 404
    )
    # The world's document has no file on disk: "not found", not a server error.
    missing = net.one(OpeningDocument)
    assert client.get(f"/netzwerk/dokumente/{missing.pk}/").status_code == 404


def test_region_overview_counts_stages_and_finds_the_weakest_items(net: Net) -> None:
    items = actions.ensure_catalogue(net.region, "sports_club")
    today = timezone.localdate()
    for index, stage in enumerate(["first_contact", "measures", "measures"]):
        club = Organisation.objects.create(
            region=net.region, name=f"SV {index}", kind="sports_club"
        )
        process = actions.start_process(club, today - timedelta(days=800))
        actions.set_stage(process, stage)
        for years, base in ((2, 0), (0, 1)):
            day = today - timedelta(days=365 * years + 5)
            actions.record_assessment(
                None, process, day, {item: min(3, base + (i % 3)) for i, item in enumerate(items)}
            )
    client = net.client("coordination")
    response = client.get(f"/netzwerk/{net.region.slug}/oeffnung/?art=sports_club")
    assert response.status_code == 200
    stages = dict(response.context["stages"])
    assert stages["Maßnahmen"] == 2
    assert stages["Erstkontakt"] == 1
    assert stages["Bestandsaufnahme"] == 1  # the world's club
    trends = response.context["trends"]
    _label, first = trends[0]
    assert first.mean_now is not None
    assert all(first.mean_now <= t.mean_now for _l, t in trends if t.mean_now is not None)
    changed = [t.change for _l, t in trends if t.change is not None]
    assert changed
    assert all(change >= 0.9 for change in changed)
    html = response.content.decode()
    assert html.count('<svg class="wir-chart"') == 2
    assert 'id="stages"' in html
    assert 'id="trends"' in html
    # Unknown type: falls back to sports clubs, no error.
    assert client.get(f"/netzwerk/{net.region.slug}/oeffnung/?art=zzz").status_code == 200


def test_catalogue_adds_and_switches_items(net: Net) -> None:
    client = net.client("coordination")
    url = f"/netzwerk/{net.region.slug}/oeffnung/kriterien/"
    client.post(url, {"defaults": "1"})
    assert ChecklistItem.objects.filter(region=net.region, organisation_kind="faith").exists()
    response = client.post(url, {"organisation_kind": "faith", "label": "", "position": "x"})
    assert response.status_code == 400
    assert "Bitte füllen Sie dieses Feld aus." in response.content.decode()
    client.post(url, {"organisation_kind": "faith", "label": "Gebetsräume offen", "position": "9"})
    item = ChecklistItem.objects.get(label="Gebetsräume offen")
    client.post(url, {"toggle": str(item.pk)})
    item.refresh_from_db()
    assert not item.is_active
    assert client.post(url, {"toggle": "abc"}).status_code == 404
