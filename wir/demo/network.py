"""The demo district's integration network: about 60 organisations of every type across
the municipalities, opening processes at every stage with two years of self-assessments,
welcome-culture concepts for several Ortsteile, and network meetings with minutes and tasks.

Synthetic and deterministic (own random generator, dates relative to the day the demo is
loaded). Contacts are roles with role addresses under `.example`, never people; the demo
account "partner" is linked to one sports club.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify

from wir.accounts.models import User
from wir.core.models import Area, Language, Region
from wir.network import actions
from wir.network.models import (
    ConceptLink,
    ConceptMeasure,
    ContactRole,
    Meeting,
    NetworkTask,
    OpeningMeasure,
    OpeningStage,
    Organisation,
    OrganisationMember,
    OrganisationTopic,
    Participation,
    Relation,
    WelcomeConcept,
)
from wir.portal.models import Offer

SEED = 20261216

# type → (how many, name patterns ({town}/{part}), topics, contact roles)
KINDS: dict[str, tuple[int, list[str], list[str], list[str]]] = {
    "sports_club": (
        16,
        ["Turn- und Sportverein {part}", "Fußballclub {part}", "Schwimmverein {town}",
         "Judo- und Ringerverein {town}", "Tischtennisclub {part}"],
        ["sports", "youth"],
        ["Vorstand — Integrationsbeauftragte*r", "Jugendabteilung — Jugendwart*in"],
    ),
    "authority": (
        6,
        ["Bürgerbüro {town}", "Sozialamt {town}", "Kreisverwaltung — Fachdienst Migration",
         "Jobcenter-Standort {town}", "Ausländerbehörde (Kreis)", "Jugendamt (Kreis)"],
        ["counselling", "work"],
        ["Integrationsbeauftragte*r", "Leitung Bürgerservice"],
    ),
    "welfare": (
        6,
        ["Migrationsberatung {town}", "Familienzentrum {town}", "Jugendmigrationsdienst {town}",
         "Sozialstation {town}"],
        ["counselling", "family", "health"],
        ["Migrationsberatung — Fachberatung", "Leitung der Einrichtung"],
    ),
    "club": (
        6,
        ["Musikverein {part}", "Freiwillige Feuerwehr {part}", "Heimat- und Kulturverein {part}",
         "Gartenbauverein {part}"],
        ["culture", "volunteering"],
        ["Vorstand — Schriftführung", "Vorstand — Vorsitz"],
    ),
    "migrant_org": (
        7,
        ["Afghanischer Kulturverein {town}", "Eritreische Gemeinschaft {town}",
         "Ukrainischer Elternverein {town}", "Syrisch-kurdischer Kulturverein {town}",
         "Türkischer Elternbund {town}", "Internationaler Frauentreff {town}"],
        ["culture", "family", "language"],
        ["Vorstand — Vorsitz", "Vorstand — Integrationsbeauftragte*r"],
    ),
    "school": (
        7,
        ["Grundschule {part}", "Gesamtschule {town}", "Berufliche Schule {town}",
         "Volkshochschule — Außenstelle {town}"],
        ["language", "youth", "work"],
        ["Schulleitung — Sekretariat", "Schulsozialarbeit"],
    ),
    "faith": (
        5,
        ["Evangelische Kirchengemeinde {part}", "Katholische Pfarrei {town}",
         "Moscheegemeinde {town}", "Orthodoxe Gemeinde {town}"],
        ["culture", "volunteering"],
        ["Gemeindebüro", "Beauftragte*r für Ehrenamt"],
    ),
    "company": (
        4,
        ["Logistikbetrieb {town}", "Pflegedienst {town}", "Handwerksbetrieb {town}",
         "Gastronomiebetrieb {town}"],
        ["work"],
        ["Personalabteilung — Ausbildung"],
    ),
    "initiative": (
        5,
        ["Willkommensinitiative {town}", "Nachbarschaftshilfe {part}", "Sprachcafé {town}",
         "Patenschaftsnetz {town}"],
        ["volunteering", "language"],
        ["Koordination der Initiative"],
    ),
}  # fmt: skip
LANGUAGES = ["ar", "fa", "uk", "tr", "ru", "ti", "en", "ku", "so"]
NETWORKS = ["WIR-Netzwerk Wetterau", "Runder Tisch Sport und Integration", "Netzwerk Familie"]
STAGES = list(OpeningStage.values)
CONCEPT_AREAS = ["Dortelweil", "Nieder-Mörlen", "Ossenheim", "Heegheim", "Eichen"]


@dataclass
class NetworkSummary:
    organisations: int = 0
    processes: int = 0
    assessments: int = 0
    concepts: int = 0
    meetings: int = 0
    tasks: int = 0


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 0), ZoneInfo(settings.TIME_ZONE))


def create_network(region: Region, partner: User) -> NetworkSummary:
    rng = random.Random(SEED)
    today = timezone.localdate()
    summary = NetworkSummary()
    organisations = _organisations(region, rng, summary)
    club = next(o for o in organisations if o.kind == "sports_club")
    OrganisationMember.objects.create(organisation=club, user=partner)
    _opening(region, organisations, rng, today, summary)
    _concepts(region, organisations, club, rng, summary)
    _meetings(region, organisations, club, rng, today, summary)
    return summary


def _organisations(
    region: Region, rng: random.Random, summary: NetworkSummary
) -> list[Organisation]:
    towns = list(Area.objects.filter(region=region, kind=Area.Kind.MUNICIPALITY).order_by("name"))
    parts = {town.pk: list(town.children.order_by("name")) or [town] for town in towns}
    languages = {lang.code: lang for lang in Language.objects.filter(code__in=LANGUAGES)}
    created: list[Organisation] = []
    names: set[str] = set()
    number = 0
    for kind, (count, patterns, topics, roles) in KINDS.items():
        made = 0
        while made < count:
            town = towns[(number * 7 + made * 3) % len(towns)]
            part = rng.choice(parts[town.pk])
            name = rng.choice(patterns).format(town=town.name, part=part.name)
            number += 1
            if name in names:
                continue
            names.add(name)
            made += 1
            jitter = Decimal(rng.randint(-30, 30)) / Decimal(10000)
            organisation = Organisation.objects.create(
                region=region,
                name=name,
                kind=kind,
                description=f"Demo-Eintrag: {Organisation._meta.verbose_name} in {part.name}.",
                website=f"https://{slugify(name)[:40]}.example",
                town=town.name,
                latitude=part.latitude + jitter,
                longitude=part.longitude - jitter,
            )
            organisation.areas.add(part if part.pk != town.pk else town)
            spoken = rng.sample(LANGUAGES, rng.randint(0, 3))
            organisation.languages.add(*[languages[c] for c in spoken if c in languages])
            OrganisationTopic.objects.bulk_create(
                OrganisationTopic(organisation=organisation, topic=topic)
                for topic in sorted(set(topics[: rng.randint(1, len(topics))]))
            )
            for position, role in enumerate(roles[: rng.randint(1, len(roles))]):
                ContactRole.objects.create(
                    organisation=organisation,
                    role=role,
                    office_email=f"kontakt{position + 1}@{slugify(name)[:40]}.example",
                )
            if rng.random() < 0.6:
                Relation.objects.create(
                    organisation=organisation,
                    kind=Relation.Kind.NETWORK_MEMBER,
                    network=rng.choice(NETWORKS),
                )
            created.append(organisation)
    offers = list(Offer.objects.filter(region=region).order_by("pk").values_list("pk", flat=True))
    for organisation in created[::5]:
        if offers:
            Relation.objects.create(
                organisation=organisation,
                kind=Relation.Kind.OFFER_CARRIER,
                offer_id=rng.choice(offers),
            )
    summary.organisations = len(created)
    return created


def _opening(
    region: Region,
    organisations: list[Organisation],
    rng: random.Random,
    today: date,
    summary: NetworkSummary,
) -> None:
    """Sports clubs first (every one), then some schools and authorities; stages spread
    over all five; self-assessments two years ago, a year ago and recently, improving
    with the stage."""
    chosen = [o for o in organisations if o.kind == "sports_club"]
    chosen += [o for o in organisations if o.kind in ("school", "authority", "welfare")][:8]
    for index, organisation in enumerate(chosen):
        stage_index = index % len(STAGES)
        process = actions.start_process(organisation, today - timedelta(days=760))
        actions.set_stage(process, STAGES[stage_index])
        summary.processes += 1
        items = actions.ensure_catalogue(region, organisation.kind)
        if stage_index == 0:
            continue  # first contact: no self-assessment yet
        for years_ago in (2, 1, 0):
            if years_ago == 0 and stage_index < 2:
                continue
            day = today - timedelta(days=365 * years_ago + rng.randint(10, 60))
            progress = (2 - years_ago) * (stage_index / 4)
            scores = {
                item: max(0, min(3, round(rng.random() * 1.5 + progress * 1.2 - (i % 3) * 0.4)))
                for i, item in enumerate(items)
            }
            actions.record_assessment(None, process, day, scores, "Demo-Selbstbewertung")
            summary.assessments += 1
        if stage_index >= 2:
            for item in items[:2]:
                OpeningMeasure.objects.create(
                    process=process,
                    title=f"Umsetzen: {item.label}",
                    item=item,
                    owner_role="Vorstand",
                    owner_organisation=organisation,
                    due_on=today + timedelta(days=rng.randint(-30, 180)),
                    status="done" if stage_index == 4 else rng.choice(["open", "in_progress"]),
                )


CONCEPT_TEXT = {
    "needs": (
        "Im Ortsteil leben viele Familien, die in den letzten drei Jahren zugezogen sind. "
        "Es fehlen Treffpunkte am Nachmittag und Informationen in den Familiensprachen.\n\n"
        "Vereine und Schule berichten, dass neue Familien die Angebote selten finden."
    ),
    "goals": (
        "1. Jede neu zugezogene Familie erhält in den ersten vier Wochen eine Begrüßung.\n"
        "2. Vereine öffnen Schnupperangebote für Kinder und Jugendliche.\n"
        "3. Ein monatlicher Treffpunkt verbindet alte und neue Nachbarschaft."
    ),
}
CONCEPT_MEASURES = [
    "Willkommensmappe in fünf Sprachen",
    "Begegnungscafé im Gemeindehaus",
    "Schnuppertraining für Kinder",
    "Lotsinnen und Lotsen für neue Familien",
]


def _concepts(
    region: Region,
    organisations: list[Organisation],
    club: Organisation,
    rng: random.Random,
    summary: NetworkSummary,
) -> None:
    statuses = ["draft", "consultation", "adopted", "implementation", "evaluated"]
    offers = list(
        Offer.objects.filter(region=region, locale__language_code="de")
        .order_by("pk")
        .values_list("pk", "title")[:40]
    )
    for index, name in enumerate(CONCEPT_AREAS):
        area = Area.objects.filter(region=region, name=name, kind=Area.Kind.DISTRICT).first()
        if area is None:
            continue
        concept = actions.create_concept(
            None,
            WelcomeConcept(
                region=region,
                area=area,
                title=f"Willkommen in {name}",
                status=statuses[index % len(statuses)],
                needs_analysis=CONCEPT_TEXT["needs"],
            ),
        )
        partners = [club] if index == 0 else []
        partners += rng.sample([o for o in organisations if o != club], 4)
        for organisation in partners:
            actions.add_concept_partner(concept, organisation)
        for position, title in enumerate(CONCEPT_MEASURES[: 2 + index % 3]):
            ConceptMeasure.objects.create(
                concept=concept,
                title=title,
                responsible=partners[position % len(partners)],
                due_on=timezone.localdate() + timedelta(days=30 * (position + 1)),
                status=["done", "in_progress", "open"][position % 3],
            )
        for offer_id, title in rng.sample(offers, min(2, len(offers))):
            ConceptLink.objects.create(
                concept=concept, kind="offer", target_id=offer_id, label=title
            )
        public = index in (2, 3)
        actions.save_concept(
            None,
            concept,
            concept.version,
            {
                "goals": CONCEPT_TEXT["goals"],
                "public_summary": (
                    f"In {name} arbeiten Vereine, Schule, Kirchengemeinden und die "
                    "WIR-Koordination an einer guten Willkommenskultur: Begrüßung neuer "
                    "Familien, offene Angebote und ein monatlicher Treffpunkt."
                )
                if public
                else "",
                "is_public": public,
            },
            "Ziele ergänzt",
        )
        summary.concepts += 1


def _meetings(
    region: Region,
    organisations: list[Organisation],
    club: Organisation,
    rng: random.Random,
    today: date,
    summary: NetworkSummary,
) -> None:
    plan = [
        (-330, "network", "WIR-Netzwerktreffen Frühjahr"),
        (-240, "round_table", "Runder Tisch Sport und Integration"),
        (-150, "network", "WIR-Netzwerktreffen Herbst"),
        (-60, "workshop", "Arbeitsgruppe Willkommensmappe"),
        (-20, "round_table", "Runder Tisch Sport und Integration"),
        (14, "network", "WIR-Netzwerktreffen Frühjahr"),
        (40, "round_table", "Runder Tisch Schule und Familie"),
    ]
    tasks = [
        "Übersetzte Aushänge verteilen",
        "Termine der Schnuppertrainings melden",
        "Raum für das Begegnungscafé klären",
        "Ansprechstelle gegen Diskriminierung benennen",
        "Rückmeldung zur Willkommensmappe geben",
    ]
    for offset, kind, title in plan:
        day = today + timedelta(days=offset)
        meeting = Meeting.objects.create(
            region=region,
            kind=kind,
            title=title,
            starts_at=_at(day, 17),
            location=rng.choice(["Kreishaus Friedberg", "Bürgerhaus", "Rathaus, Sitzungssaal"]),
            agenda="1. Begrüßung\n2. Berichte aus den Organisationen\n3. Vereinbarungen",
        )
        summary.meetings += 1
        guests = [club, *rng.sample([o for o in organisations if o != club], rng.randint(7, 13))]
        past = offset < 0
        for organisation in guests:
            answer = rng.choice(["registered", "registered", "declined", "invited"])
            Participation.objects.create(
                meeting=meeting,
                organisation=organisation,
                answer=answer if past or organisation != club else "invited",
                invited_at=_at(day - timedelta(days=21), 9),
                attended=past and answer == "registered",
            )
        if not past:
            continue
        meeting.minutes = (
            f"Protokoll (Demo) vom {day:%d.%m.%Y}\n\n{len(guests)} Organisationen eingeladen.\n\n"
            "Die Organisationen berichteten über ihre Schritte der interkulturellen Öffnung. "
            "Vereinbart wurden die unten stehenden Aufgaben."
        )
        meeting.save(update_fields=["minutes"])
        for position in range(rng.randint(2, 4)):
            owner = guests[position % len(guests)]
            due = day + timedelta(days=rng.randint(20, 90))
            NetworkTask.objects.create(
                region=region,
                meeting=meeting,
                title=rng.choice(tasks),
                owner=owner,
                due_on=due,
                status="done"
                if due < today - timedelta(days=20)
                else rng.choice(["open", "in_progress"]),
            )
            summary.tasks += 1
