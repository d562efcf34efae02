"""One of each network record in a region, for the authorisation matrix (and the tests).

`populate(region, users, secret)` is found by tests/accounts/matrix.py: the matrix fills
`<model>_id` parameters of the network's URLs with these objects. Non-public text contains
`secret`, so an answer that shows it to someone outside the region is found. The region's
partner login is linked to the organisation.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from wir.accounts.models import User
from wir.core.actions import add_area
from wir.core.models import Area, Language, Region
from wir.network.models import (
    AssessmentScore,
    ChecklistItem,
    ConceptComment,
    ConceptLink,
    ConceptMeasure,
    ConceptVersion,
    ContactRole,
    Meeting,
    NetworkTask,
    OpeningDocument,
    OpeningMeasure,
    OpeningProcess,
    Organisation,
    OrganisationMember,
    OrganisationTopic,
    Participation,
    Relation,
    SelfAssessment,
    WelcomeConcept,
)


def populate(region: Region, users: dict[str, User], secret: str) -> list[Any]:
    municipality = (
        Area.objects.filter(region=region, kind=Area.Kind.MUNICIPALITY).order_by("pk").first()
    )
    if municipality is None:
        municipality = add_area(
            region, f"Stadt {region.slug}", Area.Kind.MUNICIPALITY, Decimal("50.3"), Decimal("8.7")
        )
    district = add_area(
        region,
        f"Nordviertel {region.slug}",
        Area.Kind.DISTRICT,
        municipality.latitude,
        municipality.longitude,
        parent=municipality,
    )
    organisation = Organisation.objects.create(
        region=region,
        name=f"Turnverein {region.slug}",
        kind="sports_club",
        description=f"Interne Notiz {secret}",
        latitude=Decimal("50.31"),
        longitude=Decimal("8.71"),
    )
    organisation.areas.add(municipality)
    organisation.languages.add(Language.objects.get(code="ar"))
    topic = OrganisationTopic.objects.create(organisation=organisation, topic="sports")
    contact = ContactRole.objects.create(
        organisation=organisation,
        role="Vorstand — Integrationsbeauftragte*r",
        office_phone="06031 0000",
        office_email=f"integration@{region.slug}.example",
        person_name=f"Name {secret}",
        consent_on=date(2026, 1, 5),
    )
    member = OrganisationMember.objects.create(organisation=organisation, user=users["partner"])
    network = Relation.objects.create(
        organisation=organisation, kind=Relation.Kind.NETWORK_MEMBER, network="WIR-Netzwerk"
    )
    item = ChecklistItem.objects.create(
        region=region,
        organisation_kind="sports_club",
        key="fees",
        label="Ermäßigte Beiträge",
        guidance=f"Hinweis {secret}",
    )
    process = OpeningProcess.objects.create(
        region=region,
        organisation=organisation,
        stage="stocktaking",
        started_on=date(2026, 1, 10),
        notes=f"Prozessnotiz {secret}",
    )
    assessment = SelfAssessment.objects.create(
        process=process, assessed_on=date(2026, 2, 1), note=f"Bewertung {secret}"
    )
    score = AssessmentScore.objects.create(assessment=assessment, item=item, score=2)
    measure = OpeningMeasure.objects.create(
        process=process,
        title=f"Flyer {secret}",
        item=item,
        owner_role="Vorstand",
        due_on=date(2027, 6, 1),
    )
    document = OpeningDocument.objects.create(
        process=process, title=f"Vereinbarung {secret}", file="network/documents/fehlt.pdf"
    )
    concept = WelcomeConcept.objects.create(
        region=region,
        area=district,
        title=f"Ankommen im Nordviertel {region.slug}",
        needs_analysis=f"Bedarf {secret}",
        goals=f"Ziele {secret}",
        public_summary="",
        is_public=False,
    )
    version = ConceptVersion.objects.create(concept=concept, number=1, text=f"Text {secret}")
    concept_measure = ConceptMeasure.objects.create(
        concept=concept, title=f"Begegnungscafé {secret}", responsible=organisation
    )
    link = ConceptLink.objects.create(
        concept=concept, kind="offer", target_id=1, label=f"Angebot {secret}"
    )
    partner = Relation.objects.create(
        organisation=organisation, kind=Relation.Kind.CONCEPT_PARTNER, concept=concept
    )
    comment = ConceptComment.objects.create(
        concept=concept, organisation=organisation, text=f"Kommentar {secret}"
    )
    meeting = Meeting.objects.create(
        region=region,
        title=f"Runder Tisch {region.slug}",
        starts_at=datetime(2027, 4, 1, 16, 0, tzinfo=UTC),
        location="Rathaus",
        agenda=f"Tagesordnung {secret}",
        minutes=f"Protokoll {secret}",
    )
    participation = Participation.objects.create(meeting=meeting, organisation=organisation)
    task = NetworkTask.objects.create(
        region=region,
        meeting=meeting,
        title=f"Aufgabe {secret}",
        owner=organisation,
        due_on=date(2027, 5, 1),
    )
    return [
        district,
        organisation,
        topic,
        contact,
        member,
        network,
        item,
        process,
        assessment,
        score,
        measure,
        document,
        concept,
        version,
        concept_measure,
        link,
        partner,
        comment,
        meeting,
        participation,
        task,
    ]
