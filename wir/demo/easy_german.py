"""Easy German ("Leichte Sprache", de-x-ls) in the demo: a home page, the contacts page
and pages on the most important topics for newcomers.

Easy German texts are written for people who read German with difficulty: short
sentences, one statement per sentence, common words, hard words explained, long words
split with a hyphen ("Migrations-Beratung"). They are rewrites with their own structure;
the status matrix compares them as whole versions with the German original.
"""

from __future__ import annotations

from wagtail.models import Locale, Page

from wir.core.actions import enable_language
from wir.core.models import Region
from wir.demo.text import first_paragraph_text
from wir.portal.actions import add_home_page, add_translation
from wir.portal.models import ContactsPage, ContentPage

CODE = "de-x-ls"
HOME_TITLE = "Willkommen im Wetteraukreis"
HOME_INTRO = "<p>Hier finden Sie Hilfe. Die Texte sind in Leichter Sprache.</p>"
CONTACTS_TITLE = "Ansprech-Stellen"

# slug of the German page → (title, body) in Easy German; a section before its pages
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
    "deutsch-lernen": (
        "Deutsch lernen",
        "<p>Sie wollen Deutsch lernen.</p><p>Mit Deutsch finden Sie leichter Arbeit. "
        "Und Sie finden leichter Freunde.</p>"
        "<h2>Diese Kurse gibt es</h2><ul>"
        "<li>Kurse vom Staat. Sie heißen: Integrations-Kurse.</li>"
        "<li>Kurse für den Beruf.</li>"
        "<li>Treffen mit Ehren-Amtlichen. Ehren-Amtliche helfen ohne Geld.</li></ul>"
        "<p>Auf diesen Seiten steht: Welcher Kurs passt zu Ihnen?</p>",
    ),
    "integrationskurse": (
        "Der Integrations-Kurs",
        "<p>Im Integrations-Kurs lernen Sie Deutsch.</p><p>Sie lernen auch etwas über "
        "Deutschland. Zum Beispiel: So leben die Menschen in Deutschland zusammen.</p>"
        "<h2>Wer darf mitmachen?</h2><p>Sie brauchen meistens eine Erlaubnis. Die Erlaubnis "
        "heißt: Berechtigung.</p><p>Die Berechtigung bekommen Sie zum Beispiel von der "
        "Ausländer-Behörde. Oder vom Jobcenter.</p>"
        "<h2>Was kostet der Kurs?</h2><p>Oft kostet der Kurs für Sie nichts. Dann bezahlt "
        "der Staat den Kurs.</p>"
        "<h2>Am Ende vom Kurs</h2><p>Am Ende machen Sie eine Prüfung.</p><p>Sie suchen "
        "einen Kurs? Die Migrations-Beratung hilft Ihnen.</p>",
    ),
    "arbeit-und-ausbildung": (
        "Arbeit und Ausbildung",
        "<p>Sie wollen arbeiten.</p><p>Mit Arbeit verdienen Sie eigenes Geld. Und Sie "
        "lernen Menschen kennen.</p><p>Im Wetteraukreis suchen viele Firmen "
        "Mitarbeiterinnen und Mitarbeiter.</p><p>Viele Firmen suchen auch Auszubildende. "
        "Auszubildende lernen einen Beruf in der Firma.</p><p>Auf diesen Seiten steht: Wer "
        "hilft Ihnen bei der Suche nach Arbeit?</p>",
    ),
    "jobcenter": (
        "Das Jobcenter",
        "<p>Das Jobcenter ist ein Amt.</p><p>Manche Menschen können arbeiten. Aber sie "
        "haben nicht genug Geld zum Leben. Diesen Menschen hilft das Jobcenter.</p>"
        "<p>Das Jobcenter bezahlt dann Geld zum Leben. Das Geld heißt: Bürger-Geld.</p>"
        "<p>Oft bezahlt das Jobcenter auch die Kosten für die Wohnung.</p>"
        "<h2>Hilfe bei der Suche nach Arbeit</h2><p>Das Jobcenter hilft bei der Suche nach "
        "Arbeit. Es hilft auch bei der Suche nach einem Sprach-Kurs.</p><p>Beim Jobcenter "
        "haben Sie eine feste Ansprech-Person.</p>"
        "<h2>Das ist wichtig</h2><ul><li>Lesen Sie Briefe vom Jobcenter sofort.</li>"
        "<li>Halten Sie Fristen ein. Eine Frist ist ein Tag. Bis zu diesem Tag müssen Sie "
        "etwas tun.</li><li>Sie haben eine neue Arbeit? Oder Sie ziehen um? Dann sagen Sie "
        "das sofort dem Jobcenter.</li></ul>",
    ),
    "gesundheit": (
        "Gesundheit",
        "<p>Sie sind krank? Oder Sie haben eine Frage zu Ihrer Gesundheit?</p><p>Dann "
        "helfen Ihnen diese Stellen:</p><ul><li>Arzt-Praxen</li><li>Kranken-Häuser</li>"
        "<li>Apotheken. In der Apotheke bekommen Sie Medikamente.</li>"
        "<li>Das Gesundheits-Amt vom Kreis.</li></ul>"
        "<h2>Im Notfall</h2><p>Ein Notfall ist zum Beispiel ein schwerer Unfall.</p>"
        "<p>Dann rufen Sie sofort die Nummer 112 an. Der Anruf kostet nichts.</p>",
    ),
    "hausarzt": (
        "Zum Haus-Arzt gehen",
        "<p>Sie sind krank.</p><p>Dann gehen Sie zuerst zu einer Haus-Arzt-Praxis.</p>"
        "<p>Suchen Sie eine Praxis in Ihrer Nähe. Gehen Sie immer zu dieser Praxis. Dann "
        "kennt man Sie dort.</p>"
        "<h2>So gehen Sie zum Arzt</h2><ul><li>Rufen Sie vorher in der Praxis an. Machen "
        "Sie einen Termin.</li><li>Nehmen Sie Ihre Gesundheits-Karte mit. Die Karte "
        "bekommen Sie von Ihrer Kranken-Kasse.</li></ul>"
        "<p>Manchmal brauchen Sie einen Fach-Arzt. Zum Beispiel einen Augen-Arzt. Dann "
        "bekommen Sie oft eine Überweisung. Eine Überweisung ist ein Zettel für den "
        "Fach-Arzt.</p>"
        "<h2>Sie verstehen den Arzt nicht gut?</h2><p>Nehmen Sie eine Person mit. Sie "
        "vertrauen dieser Person.</p><p>Oder fragen Sie nach einer Sprach-Mittlung. Dann "
        "übersetzt jemand für Sie.</p>",
    ),
    "kinder-und-familie": (
        "Kinder und Familie",
        "<p>Sie haben Kinder.</p><p>Im Wetteraukreis gibt es viele Angebote für "
        "Familien:</p><ul><li>Kitas. In der Kita spielen und lernen kleine Kinder.</li>"
        "<li>Schulen.</li><li>Familien-Zentren.</li><li>Spiel-Plätze.</li>"
        "<li>Jugend-Treffs. Dort treffen sich junge Menschen.</li></ul>"
        "<p>Auf diesen Seiten steht: So bekommt Ihr Kind einen Platz in der Kita.</p>",
    ),
    "kita-und-tagespflege": (
        "Kita und Tages-Pflege",
        "<p>Ihr Kind ist 1 Jahr alt oder älter.</p><p>Dann darf Ihr Kind in eine Kita "
        "gehen. Oder in die Tages-Pflege. Das ist ein Recht von Ihrem Kind.</p>"
        "<p>Tages-Pflege heißt: Eine Tages-Mutter oder ein Tages-Vater passt auf wenige "
        "Kinder auf.</p>"
        "<h2>Was kostet die Kita?</h2><p>Ihr Kind ist 3 Jahre alt oder älter? Dann kostet "
        "die Kita 6 Stunden am Tag nichts. Das gilt in Hessen bis zur Schule.</p><p>Für "
        "mehr Stunden bezahlen Sie Geld. Für jüngere Kinder bezahlen Sie auch Geld.</p>"
        "<p>Sie haben wenig Geld? Dann bezahlt vielleicht das Jugend-Amt für Sie.</p>"
        "<h2>Melden Sie Ihr Kind früh an</h2><p>Sie melden Ihr Kind bei Ihrer Stadt an. "
        "Oder bei Ihrer Gemeinde.</p><p>Machen Sie das früh. Oft schon viele Monate "
        "vorher.</p><p>In der Kita lernt Ihr Kind Deutsch. Und Ihr Kind findet Freunde.</p>",
    ),
    "beratung-und-hilfe": (
        "Beratung und Hilfe",
        "<p>Sie haben eine Frage? Oder Sie haben ein Problem mit einem Amt?</p><p>Dann "
        "gehen Sie zu einer Beratungs-Stelle.</p><p>Eine Beratungs-Stelle ist ein Büro. "
        "Dort arbeiten Menschen. Diese Menschen helfen Ihnen.</p><p>Die Beratung kostet "
        "fast immer nichts.</p><p>Die Beratung ist vertraulich. Das heißt: Die Menschen "
        "dort erzählen nichts weiter.</p>",
    ),
    "migrationsberatung": (
        "Die Migrations-Beratung",
        "<p>Die Migrations-Beratung ist für Erwachsene.</p><p>Sie sind neu in Deutschland? "
        "Und Sie sind 27 Jahre alt oder älter? Dann ist die Migrations-Beratung für Sie "
        "da.</p>"
        "<h2>Dabei hilft die Migrations-Beratung</h2><ul><li>Sie erklärt Ihnen Briefe.</li>"
        "<li>Sie hilft Ihnen bei Formularen.</li><li>Sie hilft bei Fragen zu Sprach-Kurs, "
        "Arbeit, Wohnung und Gesundheit.</li><li>Sie sagt Ihnen: Wer kann noch helfen?</li>"
        "</ul><p>Die Beratung kostet nichts.</p><p>Die Beratung ist vertraulich. Das heißt: "
        "Die Beraterinnen und Berater erzählen nichts weiter.</p><p>Es gibt die "
        "Migrations-Beratung in mehreren Städten im Kreis. Oft können Sie ohne Termin "
        "hingehen.</p>",
    ),
}


def create_easy_german(region: Region) -> int:
    """Enable Easy German in the demo region and add its pages; returns the page count."""
    enable_language(region, CODE)
    home = add_home_page(region, CODE, HOME_TITLE, HOME_INTRO)
    locale = Locale.objects.get(language_code=CODE)
    german_home = Page.objects.get(url_path=f"/{region.slug}/de/")
    originals: dict[str, ContentPage] = {}
    pages = ContentPage.objects.descendant_of(german_home).filter(slug__in=PAGES).order_by("path")
    for page in pages:
        originals.setdefault(page.slug, page)
    # German path → its Easy German page, so that each page finds its parent
    easy_by_path: dict[str, Page] = {german_home.path: home}
    count = 0
    for slug, (title, body) in PAGES.items():
        original = originals.get(slug)
        parent = easy_by_path.get(original.path[: -Page.steplen]) if original else None
        if original is None or parent is None:
            continue
        page = add_translation(
            original,
            parent,
            locale,
            title=title,
            slug=slug,
            intro=first_paragraph_text(body),
            body=body,
        )
        easy_by_path[original.path] = page
        count += 1
    contacts = ContactsPage.objects.child_of(german_home).first()
    if contacts is not None:
        add_translation(contacts, home, locale, title=CONTACTS_TITLE, slug=contacts.slug)
        count += 1
    return count
