"""axe-core in Chromium over every public page type, in German and in Arabic (RTL).

Any violation fails the test (WCAG 2.1 A and AA rules), with the rule and the elements named.
"""

from datetime import timedelta
from io import BytesIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image as PillowImage
from playwright.sync_api import Page as Tab
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page

from tests.conftest import translate_offer
from wir.offline.builds import beat
from wir.portal.actions import add_translation, publish
from wir.portal.models import (
    Contact,
    ContactsPage,
    ContentPage,
    Event,
    EventIndexPage,
    LegalPage,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[2] / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def png_file() -> SimpleUploadedFile:
    buffer = BytesIO()
    PillowImage.new("RGB", (60, 40), (0, 90, 160)).save(buffer, "PNG")
    return SimpleUploadedFile("wohnhaus.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def site(towns, directory, make_place, make_offer, settings, tmp_path):
    """Every public page type with content, in German and Arabic."""
    settings.WIR_OFFLINE_DIR = tmp_path / "offline"
    # A bundle worker is alive: the save page shows "wird vorbereitet" instead of starting
    # a build in the live server that would outlive the test's database.
    beat()
    settings.MEDIA_ROOT = tmp_path
    # The root collection comes from a migration, which a transactional test flushed.
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    image = get_image_model().objects.create(
        title="Wohnhaus",
        file=png_file(),
        description="Mehrfamilienhaus mit Garten",
        collection=root,
    )
    pages = {}
    for code, title, body in [
        (
            "de",
            "Wohnen",
            "<p>Eine Wohnung finden.</p><ul><li>Mietvertrag</li></ul>"
            f'<embed embedtype="image" id="{image.pk}" format="left" alt=""/>',
        ),
        ("ar", "السكن", "<p>البحث عن مسكن.</p><ul><li>عقد الإيجار</li></ul>"),
    ]:
        home = Page.objects.get(url_path=f"/testkreis/{code}/")
        if code == "de":
            page = ContentPage(title=title, slug="wohnen", intro="Kurz", body=body)
            home.add_child(instance=page)
            publish(page)
            imprint = LegalPage(title="Impressum", slug="impressum", kind="imprint", body=body)
            home.add_child(instance=imprint)
            publish(imprint)
            pages["de"] = page
        else:
            add_translation(pages["de"], home, home.locale, title=title, slug="wohnen", body=body)
            add_translation(
                imprint,
                home,
                home.locale,
                title="بيانات الناشر",
                slug="impressum",
                kind="imprint",
                body=body,
            )
    for code in ("de", "ar"):
        home = Page.objects.get(url_path=f"/testkreis/{code}/")
        for page_type, slug in ((EventIndexPage, "veranstaltungen"), (ContactsPage, "kontakte")):
            extra = page_type(title=f"{slug} {code}", slug=slug, locale=home.locale)
            home.add_child(instance=extra)
            publish(extra)
    german = Locale.objects.get(language_code="de")
    Contact.objects.create(
        region=towns["Friedberg"].region,
        locale=german,
        topic="volunteering",
        role="WIR-Koordination — Ehrenamt",
        phone="+49 6031 000-1",
    )
    start = timezone.now() + timedelta(days=1)
    event = Event(
        region=towns["Friedberg"].region,
        locale=german,
        title="Sprachcafé",
        summary="Deutsch üben",
        organiser="Initiative",
        area=towns["Friedberg"],
        start=start,
        end=start + timedelta(hours=2),
        recurrence="FREQ=WEEKLY;COUNT=3",
    )
    event.save()
    event.save_revision().publish()
    event_ar = event.copy_for_translation(Locale.objects.get(language_code="ar"))
    event_ar.title = "مقهى اللغة"
    event_ar.summary = "تدرّب على الألمانية"
    event_ar.description = "<p>للجميع، بدون تسجيل.</p>"
    event_ar.save()
    event_ar.save_revision().publish()
    place = make_place(towns["Friedberg"], "Beratungszentrum")
    Contact.objects.create(  # shown on the place's page, too
        region=towns["Friedberg"].region,
        locale=german,
        topic="intercultural_opening",
        role="WIR-Koordination — Interkulturelle Öffnung",
        phone="+49 6031 000-2",
        email="oeffnung@example.org",
        office_hours="Di 9–12 Uhr",
        place=place,
    )
    offer = make_offer(
        "Migrationsberatung",
        towns["Friedberg"],
        place=place,
        groups=("refugees",),
        languages=("ar", "de"),
    )
    arabic = translate_offer(offer, "ar", "استشارة الهجرة")
    make_offer("Jugendtreff", towns["Nidda"], category="leisure_youth")
    return {
        "offer": offer,
        "offer_ar": arabic,
        "place": place,
        "event": event,
        "event_ar": event_ar,
    }


def violations(tab: Tab) -> list[str]:
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(node["target"][0] for node in v["nodes"][:5])
        for v in result["violations"]
    ]


PATHS = {
    "home": "/testkreis/{lang}/",
    "content": "/testkreis/{lang}/wohnen/",
    "legal": "/testkreis/{lang}/impressum/",
    "directory": "/testkreis/{lang}/was-ist-wo/?kategorie=counselling&kategorie=leisure_youth",
    "offer": "/testkreis/{lang}/was-ist-wo/angebot/{offer}/",
    "place": "/testkreis/{lang}/was-ist-wo/ort/{place}/",
    "not_found": "/testkreis/{lang}/gibt-es-nicht/",
    "search": "/testkreis/{lang}/suche/?q=Beratung",
    "events": "/testkreis/{lang}/veranstaltungen/",
    "event": "/testkreis/{lang}/veranstaltungen/veranstaltung/{event}/",
    "contacts": "/testkreis/{lang}/kontakte/",
    "offline": "/offline/testkreis/{lang}/",
}


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_public_pages_have_no_axe_violations(live_server, browser, site, lang: str) -> None:
    context = browser.new_context(bypass_csp=True, locale="de-DE")  # to inject axe
    tab = context.new_page()
    found = {}
    for name, template in PATHS.items():
        offer = site["offer_ar"] if lang == "ar" else site["offer"]
        event = site["event_ar"] if lang == "ar" else site["event"]
        url = live_server.url + template.format(
            lang=lang, offer=offer.pk, place=site["place"].pk, event=event.pk
        )
        response = tab.goto(url)
        # Let the page's own requests finish (the offline page fetches its manifest):
        # the live server must be idle when the test's database is flushed.
        tab.wait_for_load_state("networkidle")
        assert response is not None
        assert response.status == (404 if name == "not_found" else 200), name
        assert tab.url == url, name  # not redirected to another page than the one named
        assert tab.locator("html").get_attribute("lang") == lang, name
        problems = violations(tab)
        if problems:
            found[name] = problems
    context.close()
    assert found == {}


@pytest.mark.parametrize("path", ["/", "/konto/anmelden/"])
def test_entry_pages_have_no_axe_violations(live_server, browser, db, path: str) -> None:
    context = browser.new_context(bypass_csp=True, locale="de-DE")
    tab = context.new_page()
    tab.goto(live_server.url + path)
    assert violations(tab) == []
    context.close()


def test_the_check_finds_a_violation_when_there_is_one(live_server, browser, db) -> None:
    """A control: the same check on a page with a broken image and a bad contrast."""
    context = browser.new_context(bypass_csp=True)
    tab = context.new_page()
    tab.goto(live_server.url + "/")
    tab.evaluate(
        """() => {
        const main = document.querySelector('main');
        main.insertAdjacentHTML('beforeend',
            '<img src="/static/wir/img/favicon.svg">' +
            '<p style="color:#bbb;background:#fff">kaum lesbar</p>');
    }"""
    )
    found = " ".join(violations(tab))
    assert "image-alt" in found
    assert "color-contrast" in found
    context.close()
