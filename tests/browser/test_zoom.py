"""WCAG 1.4.4/1.4.10: at 200 % zoom (a 640 px wide layout) nothing needs sideways scrolling."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_pages_reflow_at_200_percent(
    live_server, browser, towns, directory, make_place, make_offer, lang: str
) -> None:
    place = make_place(towns["Friedberg"], "Beratungszentrum mit einem sehr langen Namen")
    offer = make_offer(
        "Migrationsberatung für Erwachsene und Familien",
        towns["Friedberg"],
        place=place,
        groups=("refugees", "families"),
        languages=("ar", "de"),
    )
    # 1280 CSS pixels at 200 % zoom leave 640 CSS pixels of layout width.
    context = browser.new_context(viewport={"width": 640, "height": 800}, device_scale_factor=2)
    tab = context.new_page()
    for path in (
        "/testkreis/{lang}/",
        "/testkreis/{lang}/was-ist-wo/",
        f"/testkreis/{{lang}}/was-ist-wo/angebot/{offer.pk}/",
    ):
        tab.goto(live_server.url + path.format(lang=lang))
        overflow = tab.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path}: {overflow}px sideways scrolling"
        assert tab.locator("h1").is_visible()
    # Control: a too-wide element is noticed by the same measurement.
    tab.evaluate(
        "() => { const d = document.createElement('div'); d.style.width = '2000px';"
        " d.textContent = 'breit'; document.querySelector('main').append(d); }"
    )
    assert (
        tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        > 0
    )
    context.close()
