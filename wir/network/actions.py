"""Every write of the network that matters, each one transaction.

Views parse and render; the permission has been checked by the `access_<thing>` loader
(queries.py) before an action is called. Changes of contact roles (personal data when a
name is given) are written to the audit log; mails go out after the commit (notify.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from wir.accounts.models import User
from wir.core.models import Region
from wir.network import notify, versions
from wir.network.catalogue import CATALOGUE
from wir.network.models import (
    MAX_SCORE,
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
from wir.privacy import audit
from wir.privacy.models import AuditAction


class NetworkError(Exception):
    """A write that cannot be done; `message` is shown to the user (German)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- the directory --------------------------------------------------------------------


def _set_topics(organisation: Organisation, topics: Iterable[str]) -> None:
    wanted = set(topics)
    organisation.topics.exclude(topic__in=wanted).delete()
    have = set(organisation.topics.values_list("topic", flat=True))
    OrganisationTopic.objects.bulk_create(
        OrganisationTopic(organisation=organisation, topic=topic) for topic in sorted(wanted - have)
    )


@transaction.atomic
def save_organisation(
    organisation: Organisation,
    *,
    areas: Iterable[Any],
    languages: Iterable[Any],
    topics: Iterable[str],
) -> Organisation:
    """Create or update an organisation with its areas, languages and topics."""
    organisation.full_clean(exclude=["region"] if organisation.region_id else None)
    organisation.save()
    organisation.areas.set(list(areas))
    organisation.languages.set(list(languages))
    _set_topics(organisation, topics)
    return organisation


@transaction.atomic
def add_contact_role(actor: Any, organisation: Organisation, contact: ContactRole) -> ContactRole:
    contact.organisation = organisation
    contact.save()
    audit.record(
        actor,
        AuditAction.CREATED,
        contact,
        fields=[
            name
            for name in ("person_name", "office_phone", "office_email")
            if getattr(contact, name)
        ],
    )
    Organisation.objects.filter(pk=organisation.pk).update(updated_at=timezone.now())
    return contact


@transaction.atomic
def remove_contact_role(actor: Any, contact: ContactRole) -> None:
    audit.record(actor, AuditAction.DELETED, contact)
    organisation_id = contact.organisation_id
    contact.delete()
    Organisation.objects.filter(pk=organisation_id).update(updated_at=timezone.now())


@transaction.atomic
def link_member(organisation: Organisation, user: User) -> OrganisationMember:
    member, _created = OrganisationMember.objects.get_or_create(
        organisation=organisation, user=user
    )
    return member


@transaction.atomic
def add_relation(organisation: Organisation, relation: Relation) -> Relation:
    relation.organisation = organisation
    relation.save()
    return relation


@transaction.atomic
def remove_relation(relation: Relation) -> None:
    relation.delete()


# --- intercultural opening ------------------------------------------------------------


def ensure_catalogue(region: Region, kind: str) -> list[ChecklistItem]:
    """The region's active checklist for an organisation type, with the items of the default
    catalogue it does not have yet (by key; switched-off items stay switched off)."""
    items = ChecklistItem.objects.filter(region=region, organisation_kind=kind)
    have = set(items.values_list("key", flat=True))
    ChecklistItem.objects.bulk_create(
        [
            ChecklistItem(
                region=region,
                organisation_kind=kind,
                key=key,
                label=label,
                guidance=guidance,
                position=position,
            )
            for position, (key, label, guidance) in enumerate(CATALOGUE.get(kind, []))
            if key not in have
        ],
        ignore_conflicts=True,
    )
    return list(items.filter(is_active=True).order_by("position", "pk"))


@transaction.atomic
def start_process(organisation: Organisation, started_on: date) -> OpeningProcess:
    process, _created = OpeningProcess.objects.get_or_create(
        organisation=organisation,
        defaults={"region_id": organisation.region_id, "started_on": started_on},
    )
    ensure_catalogue(organisation.region, organisation.kind)
    return process


@transaction.atomic
def set_stage(process: OpeningProcess, stage: str) -> None:
    process.stage = stage
    process.save(update_fields=["stage", "updated_at"])


@transaction.atomic
def record_assessment(
    actor: Any,
    process: OpeningProcess,
    day: date,
    scores: dict[ChecklistItem, int],
    note: str = "",
) -> SelfAssessment:
    """Save a self-assessment; a second one on the same day replaces the first."""
    if any(item.region_id != process.region_id for item in scores):
        raise NetworkError(_("Diese Kriterien gehören nicht zu dieser Region."))
    if any(not 0 <= score <= MAX_SCORE for score in scores.values()):
        raise NetworkError(_("Jede Bewertung liegt zwischen 0 und 3."))
    assessment, _created = SelfAssessment.objects.update_or_create(
        process=process,
        assessed_on=day,
        defaults={"note": note, "created_by": actor if getattr(actor, "pk", None) else None},
    )
    assessment.scores.all().delete()
    AssessmentScore.objects.bulk_create(
        AssessmentScore(assessment=assessment, item=item, score=score)
        for item, score in scores.items()
    )
    OpeningProcess.objects.filter(pk=process.pk).update(updated_at=timezone.now())
    return assessment


@transaction.atomic
def add_measure(process: OpeningProcess, measure: OpeningMeasure) -> OpeningMeasure:
    measure.process = process
    measure.save()
    return measure


@transaction.atomic
def set_measure_status(measure: OpeningMeasure, status: str) -> None:
    measure.status = status
    measure.save(update_fields=["status"])


@transaction.atomic
def add_document(actor: Any, process: OpeningProcess, document: OpeningDocument) -> OpeningDocument:
    document.process = process
    document.uploaded_by = actor if getattr(actor, "pk", None) else None
    document.save()
    return document


@transaction.atomic
def save_checklist_item(item: ChecklistItem) -> ChecklistItem:
    item.save()
    return item


# --- welcome-culture concepts -----------------------------------------------------------


class ConceptConflict(NetworkError):  # noqa: N818 (a domain name, not an "error")
    """Someone else saved the concept since this edit began."""


CONCEPT_FIELDS = ("title", "status", "needs_analysis", "goals", "public_summary", "is_public")
PARTNER_CONCEPT_FIELDS = ("needs_analysis", "goals")


def concept_state(concept: WelcomeConcept) -> versions.ConceptState:
    measures = [
        " · ".join(
            part
            for part in (
                measure.title,
                measure.responsible.name if measure.responsible else "",
                measure.due_on.strftime("%d.%m.%Y") if measure.due_on else "",
                str(measure.get_status_display()),
            )
            if part
        )
        for measure in concept.measures.select_related("responsible").order_by("due_on", "pk")
    ]
    return versions.ConceptState(
        title=concept.title,
        area=concept.area.name,
        status=str(concept.get_status_display()),
        needs_analysis=concept.needs_analysis,
        goals=concept.goals,
        public_summary=concept.public_summary,
        measures=measures,
    )


def _snapshot(concept: WelcomeConcept, actor: Any, summary: str) -> ConceptVersion:
    return ConceptVersion.objects.create(
        concept=concept,
        number=concept.version,
        text=versions.as_text(concept_state(concept)),
        created_by=actor if getattr(actor, "pk", None) else None,
        summary=summary[:200],
    )


@transaction.atomic
def create_concept(actor: Any, concept: WelcomeConcept) -> WelcomeConcept:
    concept.version = 1
    concept.save()
    _snapshot(concept, actor, _("angelegt"))
    return concept


@transaction.atomic
def save_concept(
    actor: Any,
    concept: WelcomeConcept,
    expected_version: int,
    changes: dict[str, Any],
    summary: str = "",
) -> WelcomeConcept:
    """Save the changed fields if nobody saved in between (optimistic locking): the update
    names the version the edit began with; if it no longer matches, nothing is written and
    `ConceptConflict` says so. Each save keeps the new state as a version."""
    unknown = set(changes) - set(CONCEPT_FIELDS)
    if unknown:
        raise NetworkError(_("Diese Felder können hier nicht geändert werden."))
    updated = WelcomeConcept.objects.filter(pk=concept.pk, version=expected_version).update(
        **changes, version=F("version") + 1, updated_at=timezone.now()
    )
    if updated == 0:
        raise ConceptConflict(
            _(
                "Das Konzept wurde inzwischen von jemand anderem geändert. Ihre Änderungen "
                "wurden nicht gespeichert, sind aber unten noch im Formular: Bitte vergleichen "
                "Sie mit der aktuellen Fassung und speichern Sie erneut."
            )
        )
    concept.refresh_from_db()
    _snapshot(concept, actor, summary or _("bearbeitet"))
    return concept


@transaction.atomic
def add_concept_partner(concept: WelcomeConcept, organisation: Organisation) -> None:
    if organisation.region_id != concept.region_id:
        raise NetworkError(_("Diese Organisation gehört nicht zu dieser Region."))
    Relation.objects.get_or_create(
        organisation=organisation, kind=Relation.Kind.CONCEPT_PARTNER, concept=concept
    )


@transaction.atomic
def add_comment(
    actor: Any, concept: WelcomeConcept, text: str, organisation: Organisation | None
) -> ConceptComment:
    return ConceptComment.objects.create(
        concept=concept,
        author=actor if getattr(actor, "pk", None) else None,
        organisation=organisation,
        text=text,
    )


@transaction.atomic
def add_concept_measure(concept: WelcomeConcept, measure: ConceptMeasure) -> ConceptMeasure:
    measure.concept = concept
    measure.save()
    return measure


@transaction.atomic
def set_concept_measure_status(measure: ConceptMeasure, status: str) -> None:
    measure.status = status
    measure.save(update_fields=["status"])


@transaction.atomic
def add_concept_link(concept: WelcomeConcept, link: ConceptLink) -> ConceptLink:
    link.concept = concept
    if ConceptLink.objects.filter(
        concept=concept, kind=link.kind, target_id=link.target_id
    ).exists():
        raise NetworkError(_("Diese Verknüpfung gibt es schon."))
    link.save()
    return link


# --- network meetings -----------------------------------------------------------------


@transaction.atomic
def create_meeting(meeting: Meeting) -> Meeting:
    meeting.save()
    return meeting


@transaction.atomic
def invite(meeting: Meeting, organisations: Iterable[Organisation], role: str = "") -> int:
    """Invite organisations (each once); the invitation mails go out after the commit."""
    invited = []
    for organisation in organisations:
        if organisation.region_id != meeting.region_id:
            raise NetworkError(_("Diese Organisation gehört nicht zu dieser Region."))
        participation, created = Participation.objects.get_or_create(
            meeting=meeting, organisation=organisation, defaults={"role": role}
        )
        if created:
            participation.invited_at = timezone.now()
            participation.save(update_fields=["invited_at"])
            invited.append(organisation)

    def send() -> None:
        for organisation in invited:
            notify.send_invitation(meeting, organisation)

    transaction.on_commit(send)
    return len(invited)


@transaction.atomic
def respond(participation: Participation, answer: str, role: str) -> None:
    if answer not in (Participation.Answer.REGISTERED, Participation.Answer.DECLINED):
        raise NetworkError(_("Bitte melden Sie sich an oder sagen Sie ab."))
    if participation.meeting.starts_at < timezone.now():
        raise NetworkError(_("Das Treffen hat schon stattgefunden."))
    participation.answer = answer
    if role:
        participation.role = role
    participation.save(update_fields=["answer", "role"])


@transaction.atomic
def save_minutes(meeting: Meeting, minutes: str, attended: Iterable[int]) -> None:
    meeting.minutes = minutes
    meeting.save(update_fields=["minutes"])
    present = set(attended)
    for participation in meeting.participations.all():
        participation.attended = participation.organisation_id in present
        participation.save(update_fields=["attended"])


@transaction.atomic
def add_task(task: NetworkTask) -> NetworkTask:
    if task.owner.region_id != task.region_id:
        raise NetworkError(_("Diese Organisation gehört nicht zu dieser Region."))
    task.save()
    return task


@transaction.atomic
def set_task_status(task: NetworkTask, status: str) -> None:
    task.status = status
    task.save(update_fields=["status"])
