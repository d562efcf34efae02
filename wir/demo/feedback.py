"""Visitors' feedback in the demo: what the editors' start page shows as "to read".

Synthetic and anonymous, as the real thing is (no contact data: the feedback form removes
it): a few weeks of "Was this page helpful?" on the demo's pages, in the languages people
read them in, some of it already read by the editors. Deterministic.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Page

from wir.core.models import Region
from wir.portal.models import Feedback

# (page path below the region's language root, language, helpful, comment, days ago, read)
FEEDBACK: tuple[tuple[str, str, bool | None, str, int, bool], ...] = (
    ("erste-schritte/", "de", True, "", 1, False),
    (
        "deutsch-lernen/integrationskurse/",
        "ar",
        False,
        "لا أفهم كيف أسجل في الدورة. هل يوجد موعد للاستشارة باللغة العربية؟",
        2,
        False,
    ),
    ("deutsch-lernen/", "fa", True, "خیلی مفید بود، ممنون.", 3, False),
    (
        "erste-schritte/ankommen/",
        "uk",
        False,
        "Години роботи відомства для іноземців на сторінці вже не актуальні.",
        4,
        False,
    ),
    ("was-ist-wo/", "de", None, "Gibt es auch Angebote in Büdingen am Wochenende?", 5, False),
    ("erste-schritte/", "en", True, "", 6, True),
    (
        "deutsch-lernen/integrationskurse/",
        "de",
        False,
        "Der Link zum Kursfinder funktioniert nicht.",
        9,
        True,
    ),
    ("was-ist-wo/", "ar", True, "", 12, True),
    ("erste-schritte/ankommen/", "de", True, "Sehr hilfreich, danke!", 16, True),
    ("deutsch-lernen/", "en", False, "The page does not say what the courses cost.", 21, False),
)


def create_feedback(region: Region) -> int:
    """The demo's feedback; returns how many."""
    made = 0
    now = timezone.now()
    for path, language, helpful, comment, days, read in FEEDBACK:
        page = Page.objects.filter(url_path=f"/{region.slug}/{language}/{path}").first()
        if page is None:  # a page not translated into that language: no feedback on it
            continue
        entry = Feedback.objects.create(
            region=region, page=page, language_code=language, helpful=helpful, comment=comment
        )
        when = now - timedelta(days=days, hours=made)
        Feedback.objects.filter(pk=entry.pk).update(
            created_at=when, read_at=when + timedelta(days=1) if read else None
        )
        made += 1
    return made
