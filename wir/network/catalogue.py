"""The default checklist catalogue of the intercultural opening, per organisation type.

Plain data, our own wording. The items follow the usual fields of the opening of
organisations (information, people, training, access, protection against
discrimination, cooperation), as the DOSB programme "Integration durch Sport" and the
Hessian "Weltoffene Kommune" describe them. A region copies them once
(`actions.ensure_catalogue`) and adapts them in the catalogue view.
"""

from __future__ import annotations

from typing import Final

# key, criterion, guidance
Item = tuple[str, str, str]

COMMON: Final[list[Item]] = [
    (
        "information",
        "Informationen in mehreren Sprachen",
        "Aushänge, Webseite und Anmeldung gibt es in den häufigsten Sprachen vor Ort "
        "oder in einfacher Sprache.",
    ),
    (
        "leadership",
        "Vielfalt in Leitung und Gremien",
        "Menschen mit Einwanderungsgeschichte wirken im Vorstand, in Leitung oder Gremien mit.",
    ),
    (
        "training",
        "Interkulturelle Fortbildung",
        "Leitung und Mitarbeitende oder Ehrenamtliche haben an einer Fortbildung teilgenommen.",
    ),
    (
        "anti_discrimination",
        "Ansprechstelle bei Diskriminierung",
        "Eine benannte Stelle nimmt Beschwerden an; das Verfahren ist bekannt gemacht.",
    ),
    (
        "cooperation",
        "Zusammenarbeit mit Migrantenorganisationen",
        "Es gibt feste Absprachen oder gemeinsame Vorhaben mit Migrantenorganisationen.",
    ),
]

SPORTS_CLUB: Final[list[Item]] = [
    (
        "information",
        "Mehrsprachige Vereinsinformationen",
        "Trainingszeiten, Beiträge und Anmeldung sind in mehreren Sprachen oder mit Bildern "
        "erklärt.",
    ),
    (
        "board",
        "Vielfalt im Vorstand",
        "Menschen mit Einwanderungsgeschichte sind im Vorstand oder in Abteilungsleitungen "
        "vertreten.",
    ),
    (
        "trainers",
        "Vielfalt bei Übungsleitungen",
        "Der Verein gewinnt und qualifiziert Übungsleitungen mit Einwanderungsgeschichte.",
    ),
    (
        "training",
        "Interkulturelle Schulung",
        "Trainerinnen, Trainer und Vorstand haben eine interkulturelle Schulung besucht.",
    ),
    (
        "fees",
        "Ermäßigte Beiträge",
        "Es gibt ermäßigte oder übernommene Beiträge (etwa über Bildung und Teilhabe); "
        "der Weg dahin ist einfach.",
    ),
    (
        "anti_discrimination",
        "Ansprechperson gegen Diskriminierung",
        "Eine Funktion im Verein ist für Diskriminierung und Rassismus zuständig und bekannt.",
    ),
    (
        "low_threshold",
        "Offene Schnupperangebote",
        "Probetrainings ohne Mitgliedschaft, auch für Frauen und Mädchen in geschützten Gruppen.",
    ),
]

SCHOOL: Final[list[Item]] = [
    *COMMON[:3],
    (
        "parents",
        "Elternarbeit in mehreren Sprachen",
        "Elternabende und Elternbriefe werden übersetzt oder mit Sprachmittlung begleitet.",
    ),
    *COMMON[3:],
]

AUTHORITY: Final[list[Item]] = [
    *COMMON,
    (
        "mediation",
        "Sprachmittlung wird genutzt",
        "Die Stelle bestellt bei Bedarf Sprachmittlung über den Sprachpool.",
    ),
]

CATALOGUE: Final[dict[str, list[Item]]] = {
    "sports_club": SPORTS_CLUB,
    "school": SCHOOL,
    "authority": AUTHORITY,
    "welfare": COMMON,
    "club": COMMON,
    "migrant_org": [
        COMMON[0],
        (
            "network",
            "Vernetzung mit Regeldiensten",
            "Die Organisation ist mit Beratungsstellen, Schulen und Verwaltung im Austausch.",
        ),
        COMMON[2],
        COMMON[3],
    ],
    "faith": COMMON,
    "company": [
        *COMMON[:4],
        (
            "recruiting",
            "Offene Ausbildung und Einstellung",
            "Stellenanzeigen sprechen Menschen mit Einwanderungsgeschichte an; "
            "Abschlüsse aus dem Ausland werden anerkannt.",
        ),
    ],
    "initiative": COMMON,
}
