"""On a 390 px phone every public page type fits the screen, in German and in Arabic (RTL):
no sideways scrolling, and the feedback's "Yes"/"No" stay clear of its question."""

import pytest
from playwright.sync_api import Page as Tab

from tests.browser.test_accessibility import PATHS
from tests.browser.test_accessibility import site as site  # the fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"

# Boxes of the feedback's question and its choices; every pair that overlaps, and every
# box reaching beyond the screen's edges.
FEEDBACK_BOXES = """() => {
  const box = el => { const r = el.getBoundingClientRect();
    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom,
            text: el.textContent.trim()}; };
  const form = document.querySelector('.wir-feedback__form');
  if (!form) return null;
  const question = box(form.querySelector('legend'));
  const choices = [...form.querySelectorAll('.kern-form-check input, .kern-form-check label')]
    .map(box);
  const width = document.documentElement.clientWidth;
  const overlaps = choices.filter(c => c.left < question.right && question.left < c.right
                                      && c.top < question.bottom && question.top < c.bottom);
  const outside = [question, ...choices].filter(b => b.left < 0 || b.right > width);
  return {overlaps: overlaps.map(b => b.text || 'radio'),
          outside: outside.map(b => b.text || 'radio'), choices: choices.length};
}"""


def _feedback_error_page(tab: Tab, url: str) -> int:
    """Send the feedback form without an answer (the browser's own check taken away): the
    answer is the feedback page with its error message."""
    tab.goto(url)
    tab.evaluate(
        "document.querySelectorAll('[required]').forEach(e => e.removeAttribute('required'))"
    )
    with tab.expect_navigation() as navigation:
        tab.locator(".wir-feedback__form button[type=submit]").click()
    response = navigation.value
    assert response is not None
    return response.status


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_public_pages_fit_a_phone(live_server, browser, site, lang: str) -> None:
    context = browser.new_context(viewport=PHONE, locale="de-DE")
    tab = context.new_page()
    too_wide: dict[str, int] = {}
    feedback_problems: dict[str, object] = {}
    checked_feedback = 0
    for name, template in PATHS.items():
        offer = site["offer_ar"] if lang == "ar" else site["offer"]
        event = site["event_ar"] if lang == "ar" else site["event"]
        url = live_server.url + template.format(
            lang=lang, offer=offer.pk, place=site["place"].pk, event=event.pk
        )
        response = tab.goto(url)
        tab.wait_for_load_state("networkidle")
        assert response is not None
        assert response.status == (404 if name == "not_found" else 200), name
        assert tab.locator("html").get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")
        if (overflow := tab.evaluate(OVERFLOW)) > 0:
            too_wide[name] = overflow
        boxes = tab.evaluate(FEEDBACK_BOXES)
        if boxes is not None:
            checked_feedback += 1
            assert boxes["choices"] == 4, name  # two radios, two labels
            if boxes["overlaps"] or boxes["outside"]:
                feedback_problems[name] = boxes
    home = live_server.url + PATHS["home"].format(lang=lang)
    assert _feedback_error_page(tab, home) == 400
    assert tab.locator(".kern-alert, .kern-error, [role=alert]").count() >= 1
    if (overflow := tab.evaluate(OVERFLOW)) > 0:
        too_wide["feedback"] = overflow
    context.close()
    assert checked_feedback >= 8  # the form is on (nearly) every page: it was measured
    assert too_wide == {}
    assert feedback_problems == {}


def test_the_measurements_notice_a_problem(live_server, browser, site) -> None:
    """Control: the same measurements fail on a page made too wide and on a question
    floated over its choices, as KERN's physical `float: left` did in Arabic."""
    context = browser.new_context(viewport=PHONE, bypass_csp=True)  # to add styles
    tab = context.new_page()
    tab.goto(live_server.url + "/testkreis/ar/")
    tab.add_style_tag(
        content=".wir-feedback .kern-fieldset legend { float: left; }"
        " .wir-feedback__choices { clear: none; flex-wrap: nowrap; gap: 6rem; }"
        " .wir-feedback .kern-fieldset legend { inline-size: 60%; }"
    )
    boxes = tab.evaluate(FEEDBACK_BOXES)
    assert boxes["overlaps"] or boxes["outside"]
    tab.evaluate(
        "() => { const d = document.createElement('div'); d.style.width = '2000px';"
        " d.textContent = 'breit'; document.querySelector('main').append(d); }"
    )
    assert tab.evaluate(OVERFLOW) > 0
    context.close()
