"""Machine translation through the admin and on the public site."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale, ModelLogEntry, Page, PageLogEntry

from tests.conftest import CapturedQueries, QueryCount, verified_client
from tests.translation import mt_servers
from tests.translation.mt_servers import FakeService
from wir.core.models import Region
from wir.portal.actions import publish
from wir.portal.models import Contact, ContactsPage, ContentPage
from wir.translation.machine import jobs
from wir.translation.machine.actions import REVIEWED_ACTION
from wir.translation.models import MachineTranslation, PendingTranslation, TranslationJob

pytestmark = pytest.mark.django_db

BATCH = "/admin/uebersetzung/maschinell/"
NOTICE_AR = "ترجمة آلية – لم تتم مراجعتها بعد"


@pytest.fixture
def deepl(settings: Any) -> Iterator[FakeService]:
    with mt_servers.serve("deepl") as service:
        settings.WIR_MT_PROVIDER = "deepl"
        settings.WIR_DEEPL_KEY = mt_servers.DEEPL_KEY
        settings.WIR_DEEPL_URL = service.url
        settings.WIR_MT_TIMEOUT = 5
        yield service


@pytest.fixture
def pages(region: Region) -> list[ContentPage]:
    home = Page.objects.get(url_path="/testkreis/de/")
    result = []
    for index, title in enumerate(["Anmelden", "Wohnen", "Arbeit"]):
        page = ContentPage(
            title=title,
            slug=f"seite-{index}",
            body=f'<p>Zum <a href="https://example.org/{index}">{title}</a>.</p>',
        )
        home.add_child(instance=page)
        publish(page)
        result.append(page)
    return result


@pytest.fixture
def translator(region: Region, make_user: Any) -> Client:
    from wir.accounts.actions import grant_role

    user = make_user("tina")
    grant_role(None, user, region, "translator", languages=["ar", "en"])
    return verified_client(user)


def test_batch_lists_missing_content_and_runs_with_a_full_report(
    deepl: FakeService,
    pages: list[ContentPage],
    translator: Client,
    django_capture_on_commit_callbacks: Any,
) -> None:
    listing = translator.get(f"{BATCH}?region=testkreis&language=ar")
    assert listing.status_code == 200
    assert all(page.title in listing.text for page in pages)
    with django_capture_on_commit_callbacks(execute=True):
        started = translator.post(BATCH, {"region": "testkreis", "language": "ar"})
    assert started.status_code == 302
    job = TranslationJob.objects.get()
    assert started["Location"] == f"{BATCH}auftrag/{job.pk}/"
    assert (job.status, job.done, job.total) == ("done", 3, 3)
    assert {row["status"] for row in job.report} == {jobs.TRANSLATED}
    report = translator.get(started["Location"])
    assert '<progress id="mt-progress" max="3" value="3"' in report.text
    assert "Fertig: 3 übersetzt, 0 übersprungen, 0 fehlgeschlagen." in report.text
    assert "hx-get" not in report.text  # finished: no more polling
    # A translator may not publish: the machine's texts wait for an editor, nothing public.
    assert "wartet auf Veröffentlichung durch die Redaktion" in report.text
    arabic = Locale.objects.get(language_code="ar")
    assert all(page.get_translation_or_none(arabic) is None for page in pages)
    assert PendingTranslation.objects.count() == 3
    again = translator.get(f"{BATCH}?region=testkreis&language=ar")
    assert "0 Inhalte fehlen oder sind veraltet" in again.text


def test_selection_and_background_queue_with_polling(
    deepl: FakeService, settings: Any, pages: list[ContentPage], translator: Client
) -> None:
    settings.WIR_MT_BACKGROUND = True
    page_type = Page.objects.get(pk=pages[0].pk).content_type_id
    chosen = [f"{page_type}:{pages[0].pk}", f"{page_type}:{pages[2].pk}"]
    started = translator.post(BATCH, {"region": "testkreis", "language": "ar", "item": chosen})
    job = TranslationJob.objects.get()
    assert (job.status, job.total, job.done) == ("queued", 2, 0)
    fragment = translator.get(started["Location"], headers={"HX-Request": "true"})
    assert 'hx-trigger="every 1s"' in fragment.text
    assert 'aria-live="polite"' in fragment.text
    assert "<html" not in fragment.text
    assert "wartet auf die Bearbeitung im Hintergrund" in fragment.text
    # Nobody picked it up for two minutes: the page says the worker may not be running.
    TranslationJob.objects.filter(pk=job.pk).update(
        created_at=timezone.now() - timedelta(minutes=2)
    )
    stale = translator.get(started["Location"], headers={"HX-Request": "true"})
    assert "Läuft der Hintergrunddienst" in stale.text
    call_command("run_translation_jobs")
    job.refresh_from_db()
    assert (job.status, job.done, job.total) == ("done", 2, 2)
    arabic = Locale.objects.get(language_code="ar")
    assert pages[1].get_translation_or_none(arabic) is None
    assert "hx-get" not in translator.get(started["Location"], headers={"HX-Request": "1"}).text


def test_bad_input_and_no_provider_give_clear_messages(
    settings: Any, pages: list[ContentPage], translator: Client
) -> None:
    unknown = translator.get(f"{BATCH}?region=testkreis&language=xx")
    assert unknown.status_code == 200
    assert "nicht maschinell übersetzt: xx" in unknown.text
    easy = translator.get(f"{BATCH}?region=testkreis&language=de-x-ls")
    assert easy.status_code == 200
    settings.WIR_MT_PROVIDER = "none"
    page = translator.get(f"{BATCH}?region=testkreis&language=ar")
    assert "nicht eingerichtet" in page.text
    refused = translator.post(BATCH, {"region": "testkreis", "language": "ar"}, follow=True)
    assert refused.status_code == 200
    assert "nicht eingerichtet" in refused.text
    assert not TranslationJob.objects.exists()
    assert translator.get(f"{BATCH}?region=elsewhere").status_code == 404


@pytest.fixture
def editor(region: Region, make_user: Any) -> Client:
    return verified_client(make_user("eddi", "editor", region))


def test_single_page_from_the_page_listing(
    deepl: FakeService,
    pages: list[ContentPage],
    editor: Client,
    django_capture_on_commit_callbacks: Any,
) -> None:
    translator = editor  # an editor's machine translation is published at once
    url = f"{BATCH}seite/{pages[0].pk}/"
    form = translator.get(url)
    assert form.status_code == 200
    assert 'value="ar"' in form.text
    with django_capture_on_commit_callbacks(execute=True):
        translator.post(url, {"language": "ar"})
    target = pages[0].get_translation(Locale.objects.get(language_code="ar"))
    assert target.title == "[ar] ANMELDEN"
    # The button in the page listing of the explorer.
    listing = translator.get(f"/admin/pages/{pages[0].get_parent().pk}/")
    assert url in listing.text


def test_no_access_without_the_translation_right(
    pages: list[ContentPage], region: Region, make_user: Any, make_region: Any
) -> None:
    make_region("anderswo")
    foreign = verified_client(
        make_user("fritz", "coordination", Region.objects.get(slug="anderswo"))
    )
    observer = verified_client(make_user("olga", "observer", region))
    for client in (foreign, observer):
        assert client.get(f"{BATCH}?region=testkreis").status_code == 404
        assert client.get(f"{BATCH}seite/{pages[0].pk}/").status_code == 404
    assert Client().get(BATCH).status_code == 302  # to the sign-in


def test_public_notice_until_reviewed_and_review_permission(
    deepl: FakeService,
    pages: list[ContentPage],
    region: Region,
    make_user: Any,
    translator: Client,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        jobs.translate_object(pages[0], "ar")
    public = Client().get("/testkreis/ar/seite-0/")
    assert public.status_code == 200
    assert NOTICE_AR in public.text
    assert NOTICE_AR not in Client().get("/testkreis/de/seite-0/").text
    assert "[ar] ANMELDEN" in public.text
    mark = MachineTranslation.objects.get()
    review = f"{BATCH}geprueft/{mark.pk}/"
    observer = verified_client(make_user("olga", "observer", region))
    assert observer.post(review).status_code == 404
    assert translator.get(review).status_code == 405
    mark.refresh_from_db()
    assert mark.reviewed_at is None
    listing = translator.get(f"{BATCH}?region=testkreis")
    assert review in listing.text
    assert translator.post(review).status_code == 302
    mark.refresh_from_db()
    assert mark.reviewed_at is not None
    assert mark.reviewed_by is not None
    assert mark.reviewed_by.username == "tina"
    assert PageLogEntry.objects.filter(action=REVIEWED_ACTION, page_id=mark.object_id).exists()
    assert NOTICE_AR not in Client().get("/testkreis/ar/seite-0/").text


def test_offer_notice(
    deepl: FakeService,
    directory: Any,
    towns: Any,
    make_offer: Any,
    translator: Client,
    django_capture_on_commit_callbacks: Any,
) -> None:
    offer = make_offer("Migrationsberatung", towns["Friedberg"])
    with django_capture_on_commit_callbacks(execute=True):
        outcome = jobs.translate_object(offer, "ar")
    assert outcome.status == jobs.TRANSLATED, outcome.reason
    arabic = offer.get_translation(Locale.objects.get(language_code="ar"))
    assert arabic.title == "[ar] MIGRATIONSBERATUNG"
    page = Client().get(f"/testkreis/ar/was-ist-wo/angebot/{arabic.pk}/")
    assert page.status_code == 200
    assert NOTICE_AR in page.text
    mark = MachineTranslation.objects.get()
    translator.post(f"{BATCH}geprueft/{mark.pk}/")
    assert ModelLogEntry.objects.filter(action=REVIEWED_ACTION).exists()
    assert NOTICE_AR not in Client().get(f"/testkreis/ar/was-ist-wo/angebot/{arabic.pk}/").text


def test_contact_notice_on_the_contacts_page(
    deepl: FakeService, region: Region, django_capture_on_commit_callbacks: Any
) -> None:
    for code in ("de", "ar"):
        home = Page.objects.get(url_path=f"/testkreis/{code}/")
        contacts = ContactsPage(title=f"Kontakte {code}", slug="kontakte", locale=home.locale)
        home.add_child(instance=contacts)
        publish(contacts)
    contact = Contact.objects.create(
        region=region,
        locale=Locale.objects.get(language_code="de"),
        topic="language_pool",
        role="Sprachpool",
        phone="+49 6031 000-1",
    )
    assert NOTICE_AR not in Client().get("/testkreis/ar/kontakte/").text
    with django_capture_on_commit_callbacks(execute=True):
        outcome = jobs.translate_object(contact, "ar")
    assert outcome.status == jobs.TRANSLATED, outcome.reason
    text = Client().get("/testkreis/ar/kontakte/").text
    assert "[ar] SPRACHPOOL" in text
    assert text.count(NOTICE_AR) == 1


def test_batch_page_queries_do_not_grow_with_the_content(
    deepl: FakeService,
    pages: list[ContentPage],
    translator: Client,
    django_capture_on_commit_callbacks: Any,
    query_count: QueryCount,
) -> None:
    def count() -> CapturedQueries:
        with query_count.capture() as queries:
            response = translator.get(f"{BATCH}?region=testkreis&language=en")
        assert response.status_code == 200
        return queries

    with django_capture_on_commit_callbacks(execute=True):
        jobs.translate_object(pages[0], "ar")
    before = count()
    home = Page.objects.get(url_path="/testkreis/de/")
    for index in range(4):
        page = ContentPage(title=f"Mehr {index}", slug=f"mehr-{index}", body="<p>x</p>")
        home.add_child(instance=page)
        publish(page)
    with django_capture_on_commit_callbacks(execute=True):
        jobs.translate_object(pages[1], "ar")
        jobs.translate_object(pages[2], "ar")
    query_count.assert_same(before, count())


def test_the_worker_loop_runs_queued_jobs_and_stops_on_ctrl_c(
    deepl: FakeService,
    settings: Any,
    pages: list[ContentPage],
    translator: Client,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings.WIR_MT_BACKGROUND = True
    translator.post(BATCH, {"region": "testkreis", "language": "ar"})
    rounds: list[float] = []

    def sleep(seconds: float) -> None:  # the second wait is interrupted like Ctrl+C
        rounds.append(seconds)
        if len(rounds) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr("time.sleep", sleep)
    out = StringIO()
    call_command("run_translation_jobs", "--loop", "--interval", "0.5", stdout=out)
    assert rounds == [0.5, 0.5]
    job = TranslationJob.objects.get()
    assert (job.status, job.done) == ("done", len(pages))
    assert f"job {job.pk}: done {len(pages)}/{len(pages)}" in out.getvalue()


def test_a_job_left_running_by_a_killed_worker_resumes_where_it_stopped(
    deepl: FakeService, pages: list[ContentPage]
) -> None:
    region = Region.objects.get(slug="testkreis")
    job = jobs.create_job(region, "ar", pages)
    # What a worker killed during the second page leaves behind: the first row finished,
    # the second started (attempt noted, long ago) and the job "running".
    long_ago = (timezone.now() - jobs.STALE_AFTER - timedelta(minutes=1)).isoformat()
    report = job.report
    report[0].update(status=jobs.SKIPPED, reason="vorher erledigt", attempts=1, touched=long_ago)
    report[1].update(attempts=1, touched=long_ago)
    TranslationJob.objects.filter(pk=job.pk).update(
        status=TranslationJob.Status.RUNNING, report=report, done=1
    )
    fresh = jobs.create_job(region, "en", pages[:1])
    TranslationJob.objects.filter(pk=fresh.pk).update(status=TranslationJob.Status.RUNNING)

    out = StringIO()
    call_command("run_translation_jobs", stdout=out)

    assert f"job {job.pk}: resumed after an interrupted worker" in out.getvalue()
    job.refresh_from_db()
    assert (job.status, job.done, job.total) == ("done", 3, 3)
    assert [row["status"] for row in job.report] == [jobs.SKIPPED] + [jobs.TRANSLATED] * 2
    assert [row["attempts"] for row in job.report] == [1, 2, 1]  # the first is not redone
    arabic = Locale.objects.get(language_code="ar")
    assert pages[0].get_translation_or_none(arabic) is None
    assert all(page.get_translation_or_none(arabic) is not None for page in pages[1:])
    # A job whose worker still shows progress (just created, no row stale) is left alone.
    assert TranslationJob.objects.get(pk=fresh.pk).status == "running"


def test_an_object_interrupted_again_and_again_fails_visibly(
    deepl: FakeService, pages: list[ContentPage]
) -> None:
    region = Region.objects.get(slug="testkreis")
    job = jobs.create_job(region, "ar", pages[:2])
    report = job.report
    report[0].update(attempts=jobs.MAX_ATTEMPTS)
    TranslationJob.objects.filter(pk=job.pk).update(report=report)
    job = jobs.run_job(job.pk)
    assert job.status == "done"
    assert job.report[0]["status"] == jobs.FAILED
    assert job.report[0]["reason"] == "Die Übersetzung wurde mehrfach unterbrochen."
    assert job.report[1]["status"] == jobs.TRANSLATED
