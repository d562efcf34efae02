"""Keyboard only: the directory's filters can be reached, set and sent without a mouse, and
every element the Tab key reaches shows where the focus is."""

import pytest
from playwright.sync_api import Page as Tab

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DIRECTORY = "/testkreis/de/was-ist-wo/"

# What the focused element looks like: its outline, or a box shadow some KERN components
# draw instead, and whether the browser treats the focus as keyboard focus.
FOCUS_STATE = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        name: el.getAttribute('name') || '',
        value: el.value === undefined ? '' : String(el.value),
        text: (el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 60),
        focusVisible: el.matches(':focus-visible'),
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1,
        shadow: style.boxShadow !== 'none',
    };
}"""


def press_tab_until(tab: Tab, wanted, limit: int = 120) -> list[dict]:
    """Press Tab until `wanted(state)` holds; every element passed on the way is returned,
    so the caller can check that each one showed its focus."""
    seen = []
    for _ in range(limit):
        tab.keyboard.press("Tab")
        state = tab.evaluate(FOCUS_STATE)
        seen.append(state)
        if wanted(state):
            return seen
    raise AssertionError(f"nicht per Tab erreichbar; erreicht: {[s['text'] for s in seen]}")


def without_visible_focus(states: list[dict]) -> list[str]:
    return [
        f"{s['tag']}#{s['id']} „{s['text']}“"
        for s in states
        if not (s["focusVisible"] and (s["outline"] or s["shadow"]))
    ]


@pytest.fixture
def offers(towns, directory, make_place, make_offer):
    nidda = make_place(towns["Nidda"], "Jugendhaus Nidda")
    make_offer("Jugendtreff", towns["Nidda"], category="leisure_youth", place=nidda)
    make_offer("Migrationsberatung", towns["Friedberg"])
    make_offer("Schuldnerberatung", towns["Nidda"])
    return towns


def test_directory_filters_work_with_the_keyboard_alone(live_server, page, offers) -> None:
    tab, problems = page
    tab.goto(live_server.url + DIRECTORY)
    assert tab.locator(".wir-filters-box").get_attribute("open") is None  # closed at first
    passed = press_tab_until(tab, lambda s: s["tag"] == "summary")
    tab.keyboard.press("Enter")  # opens the filter box
    assert tab.locator(".wir-filters-box").get_attribute("open") is not None
    passed += press_tab_until(tab, lambda s: s["id"] == "kategorie-counselling")
    tab.keyboard.press("Space")
    assert tab.locator("#kategorie-counselling").is_checked()
    passed += press_tab_until(tab, lambda s: s["id"] == "kommune")
    tab.keyboard.type("Nidda")  # a closed select chooses by typing, as screen readers do
    assert tab.locator("#kommune").input_value() == str(offers["Nidda"].pk)
    passed += press_tab_until(tab, lambda s: s["tag"] == "button" and s["text"] == "Anzeigen")
    assert without_visible_focus(passed) == []
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert "kategorie=counselling" in tab.url
    assert f"kommune={offers['Nidda'].pk}" in tab.url
    titles = tab.locator(".wir-offer-list h3").all_inner_texts()
    assert [title.strip() for title in titles] == ["Schuldnerberatung"]
    # The result opens with the keyboard, too.
    passed = press_tab_until(tab, lambda s: s["tag"] == "a" and s["text"] == "Schuldnerberatung")
    assert without_visible_focus(passed[-1:]) == []
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert "/angebot/" in tab.url
    assert tab.locator("h1").inner_text() == "Schuldnerberatung"
    assert problems.all() == []


def test_the_feedback_form_works_with_the_keyboard_alone(live_server, page, offers) -> None:
    tab, problems = page
    tab.goto(live_server.url + DIRECTORY)
    passed = press_tab_until(tab, lambda s: s["id"] == "feedback-ja")
    tab.keyboard.press("ArrowRight")  # radio buttons: arrows choose within the group
    assert tab.locator("#feedback-nein").is_checked()
    passed += press_tab_until(tab, lambda s: s["id"] == "feedback-comment")
    tab.keyboard.type("Die Öffnungszeiten fehlen.")
    passed += press_tab_until(tab, lambda s: s["tag"] == "button")
    assert without_visible_focus(passed) == []
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert tab.locator(".wir-feedback__thanks").inner_text() == "Danke für Ihre Rückmeldung!"
    assert problems.all() == []
