"""Reads of the network and the `access_<thing>` loaders.

Coordination (`network.manage` in the object's region) sees everything of its region. A
partner login (`network.contribute`) sees its own organisation(s) and what is shared with
them: concepts they are a partner in, meetings they are invited to, tasks they own. Every
loader answers "not found" alike for a missing and a forbidden record.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from wir.accounts.permissions import AnyUser, can, regions_where
from wir.accounts.roles import Perm
from wir.core.models import Region
from wir.network import scores
from wir.network.models import (
    ChecklistItem,
    ConceptVersion,
    Meeting,
    NetworkTask,
    OpeningDocument,
    OpeningProcess,
    Organisation,
    Relation,
    SelfAssessment,
    WelcomeConcept,
)


def manages(user: AnyUser, obj: Any) -> bool:
    return can(user, Perm.MANAGE_NETWORK, obj)


def own_organisations(user: AnyUser) -> QuerySet[Organisation]:
    """The organisations a partner login is linked to, in regions where it may contribute."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        members__user=user, region__in=regions_where(user, Perm.CONTRIBUTE_NETWORK)
    ).select_related("region")


def own_organisation_ids(user: AnyUser) -> set[int]:
    cached: set[int] | None = getattr(user, "_wir_network_orgs", None)
    if cached is None:
        cached = set(own_organisations(user).values_list("pk", flat=True))
        if user.is_authenticated:
            setattr(user, "_wir_network_orgs", cached)  # noqa: B010 - per-request cache
    return cached


def is_member(user: AnyUser, organisation: Organisation) -> bool:
    return organisation.pk in own_organisation_ids(user)


def _not_found() -> Http404:
    return Http404("Nicht gefunden")


def access_network_region(user: AnyUser, slug: str) -> Region:
    """A region whose network the user manages (404 alike for missing and forbidden)."""
    region = Region.objects.filter(slug=slug).first()
    if region is None or not manages(user, region):
        raise _not_found()
    return region


def access_organisation(user: AnyUser, organisation_id: int) -> Organisation:
    organisation = Organisation.objects.select_related("region").filter(pk=organisation_id).first()
    if organisation is None:
        raise _not_found()
    if manages(user, organisation) or is_member(user, organisation):
        return organisation
    raise _not_found()


def access_process(user: AnyUser, opening_process_id: int) -> OpeningProcess:
    process = (
        OpeningProcess.objects.select_related("organisation", "region")
        .filter(pk=opening_process_id)
        .first()
    )
    if process is None:
        raise _not_found()
    if manages(user, process) or is_member(user, process.organisation):
        return process
    raise _not_found()


def access_document(user: AnyUser, opening_document_id: int) -> OpeningDocument:
    document = (
        OpeningDocument.objects.select_related("process__organisation")
        .filter(pk=opening_document_id)
        .first()
    )
    if document is None:
        raise _not_found()
    access_process(user, document.process_id)
    return document


def concept_partner_ids(concept: WelcomeConcept) -> set[int]:
    return set(
        Relation.objects.filter(kind=Relation.Kind.CONCEPT_PARTNER, concept=concept).values_list(
            "organisation_id", flat=True
        )
    )


def is_concept_partner(user: AnyUser, concept: WelcomeConcept) -> bool:
    return bool(
        can(user, Perm.CONTRIBUTE_NETWORK, concept)
        and own_organisation_ids(user) & concept_partner_ids(concept)
    )


def access_concept(user: AnyUser, welcome_concept_id: int) -> WelcomeConcept:
    concept = (
        WelcomeConcept.objects.select_related("area", "region")
        .filter(pk=welcome_concept_id)
        .first()
    )
    if concept is None:
        raise _not_found()
    if manages(user, concept) or is_concept_partner(user, concept):
        return concept
    raise _not_found()


def access_version(user: AnyUser, concept_version_id: int) -> ConceptVersion:
    version = ConceptVersion.objects.filter(pk=concept_version_id).first()
    if version is None:
        raise _not_found()
    access_concept(user, version.concept_id)
    return version


def is_participant(user: AnyUser, meeting: Meeting) -> bool:
    return bool(
        can(user, Perm.CONTRIBUTE_NETWORK, meeting)
        and meeting.participations.filter(organisation_id__in=own_organisation_ids(user)).exists()
    )


def access_meeting(user: AnyUser, meeting_id: int) -> Meeting:
    meeting = Meeting.objects.select_related("region").filter(pk=meeting_id).first()
    if meeting is None:
        raise _not_found()
    if manages(user, meeting) or is_participant(user, meeting):
        return meeting
    raise _not_found()


def access_task(user: AnyUser, network_task_id: int) -> NetworkTask:
    task = NetworkTask.objects.select_related("owner", "region").filter(pk=network_task_id).first()
    if task is None:
        raise _not_found()
    if manages(user, task) or (
        can(user, Perm.CONTRIBUTE_NETWORK, task) and is_member(user, task.owner)
    ):
        return task
    raise _not_found()


# --- the directory --------------------------------------------------------------------


@dataclass(frozen=True)
class DirectoryFilter:
    """What the staff list is narrowed by (all optional)."""

    text: str = ""
    kind: str = ""
    area_id: int | None = None
    topic: str = ""
    language_id: int | None = None


def matching(region: Region, wanted: DirectoryFilter) -> QuerySet[Organisation]:
    """The region's organisations matching `wanted`, once each, by name; nothing loaded
    beside them (count it, page it, or hand it to `listed` / `map_points`)."""
    found = Organisation.objects.filter(region=region)
    if wanted.text:
        found = found.filter(
            Q(name__icontains=wanted.text)
            | Q(description__icontains=wanted.text)
            | Q(contact_roles__role__icontains=wanted.text)
        )
    if wanted.kind:
        found = found.filter(kind=wanted.kind)
    if wanted.area_id is not None:
        # An organisation of a municipality also works in its Ortsteile, and the other way.
        found = found.filter(
            Q(areas__pk=wanted.area_id)
            | Q(areas__parent_id=wanted.area_id)
            | Q(areas__parent__parent_id=wanted.area_id)
        )
    if wanted.topic:
        found = found.filter(topics__topic=wanted.topic)
    if wanted.language_id is not None:
        found = found.filter(languages__pk=wanted.language_id)
    return Organisation.objects.filter(pk__in=found.values("pk")).order_by("name", "pk")


def listed(organisations: QuerySet[Organisation]) -> QuerySet[Organisation]:
    """`organisations` with what the list and the export show prefetched (a constant
    number of queries however many rows; slice it first where only a page is shown)."""
    return organisations.prefetch_related(
        "areas", "languages", "topics", "contact_roles"
    ).select_related("opening_process")


def directory(region: Region, wanted: DirectoryFilter) -> QuerySet[Organisation]:
    """The matching organisations with everything the list shows (the export's rows)."""
    return listed(matching(region, wanted))


@dataclass(frozen=True)
class MapPoint:
    pk: int
    name: str
    kind: str
    latitude: float
    longitude: float


def map_points(organisations: QuerySet[Organisation]) -> list[MapPoint]:
    """One point per organisation with a place: its own coordinates, else the centre of
    its first area (by name). Two lean queries, whatever the number of organisations —
    the map shows all of them while the list shows one page."""
    rows = list(organisations.values_list("pk", "name", "kind", "latitude", "longitude"))
    without = organisations.filter(latitude__isnull=True).values("pk")
    through = Organisation.areas.through.objects.filter(organisation_id__in=without)
    centres: dict[int, tuple[float, float]] = {}
    for organisation_id, latitude, longitude in through.order_by(
        "organisation_id", "area__name", "area_id"
    ).values_list("organisation_id", "area__latitude", "area__longitude"):
        if organisation_id not in centres and latitude is not None:
            centres[organisation_id] = (float(latitude), float(longitude or 0))
    points = []
    for pk, name, kind, latitude, longitude in rows:
        if latitude is not None:
            place = (float(latitude), float(longitude) if longitude is not None else 0.0)
        elif pk in centres:
            place = centres[pk]
        else:
            continue
        points.append(MapPoint(pk, name, kind, *place))
    return points


# --- intercultural opening ------------------------------------------------------------


def assessments_of(processes: QuerySet[OpeningProcess]) -> list[scores.Assessment]:
    """The self-assessments of these processes as plain data (two queries)."""
    found = list(
        SelfAssessment.objects.filter(process__in=processes)
        .select_related("process")
        .prefetch_related("scores")
        .order_by("assessed_on", "pk")
    )
    return [
        scores.Assessment(
            organisation_id=assessment.process.organisation_id,
            day=assessment.assessed_on,
            scores={score.item_id: score.score for score in assessment.scores.all()},
        )
        for assessment in found
    ]


def checklist(region_id: int, kind: str) -> list[ChecklistItem]:
    """The region's active checklist items for an organisation type (read only; the
    default catalogue is copied in by `actions.ensure_catalogue` when a process starts)."""
    return list(
        ChecklistItem.objects.filter(
            region_id=region_id, organisation_kind=kind, is_active=True
        ).order_by("position", "pk")
    )
