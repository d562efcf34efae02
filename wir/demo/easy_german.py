"""Easy German ("Leichte Sprache", de-x-ls) in the demo: a home page and three pages.

Easy German texts are written for people who read German with difficulty: short
sentences, one statement per sentence, common words. They have their own structure, so
the status matrix shows them as translated where the structure matches the original.
"""

from __future__ import annotations

from wagtail.models import Locale, Page

from wir.core.actions import enable_language
from wir.core.models import Region
from wir.demo.text import first_paragraph_text
from wir.portal.actions import add_home_page, add_translation
from wir.portal.models import ContentPage

CODE = "de-x-ls"
HOME_TITLE = "Willkommen im Wetteraukreis"
HOME_INTRO = "<p>Hier finden Sie Hilfe. Die Texte sind in Leichter Sprache.</p>"

# slug of the German page → (title, body) in Easy German
PAGES: dict[str, tuple[str, str]] = {
    "erste-schritte": (
        "Erste Schritte",
        "<p>Sie sind neu im Wetteraukreis.</p><p>Auf diesen Seiten steht: Was müssen Sie "
        "zuerst tun?</p>",
    ),
    "ankommen": (
        "Ankommen",
        "<p>Sie sind gerade angekommen.</p><p>Sie brauchen eine Wohnung. Sie müssen sich "
        "anmelden.</p><p>Die Migrations-Beratung hilft Ihnen. Die Beratung kostet nichts.</p>",
    ),
    "anmeldung-buergerbuero": (
        "Anmelden im Bürger-Büro",
        "<p>Sie wohnen jetzt hier.</p><p>Dann müssen Sie sich anmelden. Das machen Sie im "
        "Bürger-Büro.</p><p>Nehmen Sie Ihren Pass mit.</p>",
    ),
}


def create_easy_german(region: Region) -> int:
    """Enable Easy German in the demo region and add its pages; returns the page count."""
    enable_language(region, CODE)
    home = add_home_page(region, CODE, HOME_TITLE, HOME_INTRO)
    locale = Locale.objects.get(language_code=CODE)
    parents: dict[str, Page] = {"": home}
    count = 0
    german_home = Page.objects.get(url_path=f"/{region.slug}/de/")
    for slug, (title, body) in PAGES.items():
        original = (
            ContentPage.objects.descendant_of(german_home).filter(slug=slug).order_by("path")
        ).first()
        if original is None:
            continue
        parent_slug = "" if original.depth == german_home.depth + 1 else "erste-schritte"
        page = add_translation(
            original,
            parents[parent_slug],
            locale,
            title=title,
            slug=slug,
            intro=first_paragraph_text(body),
            body=body,
        )
        parents[slug] = page
        count += 1
    return count
