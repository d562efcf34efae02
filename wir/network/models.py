"""The integration network of a region: the actors directory (organisations, their contact
roles and relations), the intercultural opening of organisations, welcome-culture concepts
per Ortsteil, and network meetings with their tasks.

Contacts are roles of an organisation (office phone and e-mail of the role); a person's
name is stored only with the date of their consent (a check constraint says so).
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wir.core.models import LATITUDE, LONGITUDE, Area, Language, Region
from wir.privacy.registry import personal_data


class OrganisationKind(models.TextChoices):
    AUTHORITY = "authority", _("Behörde")
    WELFARE = "welfare", _("Wohlfahrtsverband")
    SPORTS_CLUB = "sports_club", _("Sportverein")
    CLUB = "club", _("Sonstiger Verein")
    MIGRANT_ORGANISATION = "migrant_org", _("Migrantenorganisation")
    SCHOOL = "school", _("Schule")
    FAITH_COMMUNITY = "faith", _("Glaubensgemeinschaft")
    COMPANY = "company", _("Unternehmen")
    INITIATIVE = "initiative", _("Initiative")


class Topic(models.TextChoices):
    LANGUAGE = "language", _("Sprache und Bildung")
    WORK = "work", _("Arbeit und Ausbildung")
    HOUSING = "housing", _("Wohnen")
    HEALTH = "health", _("Gesundheit")
    FAMILY = "family", _("Familie und Kinder")
    YOUTH = "youth", _("Jugend")
    SPORTS = "sports", _("Sport und Freizeit")
    CULTURE = "culture", _("Kultur und Begegnung")
    COUNSELLING = "counselling", _("Beratung")
    VOLUNTEERING = "volunteering", _("Ehrenamt")
    ANTI_DISCRIMINATION = "anti_discrimination", _("Antidiskriminierung")


class Organisation(models.Model):
    """An actor of the region's integration network."""

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="organisations", verbose_name=_("Region")
    )
    name = models.CharField(_("Name"), max_length=200)
    kind = models.CharField(_("Art"), max_length=20, choices=OrganisationKind.choices)
    description = models.TextField(_("Beschreibung"), blank=True, default="")
    areas = models.ManyToManyField(
        Area, blank=True, related_name="organisations", verbose_name=_("Gebiete")
    )
    languages = models.ManyToManyField(
        Language, blank=True, related_name="organisations", verbose_name=_("Sprachen")
    )
    website = models.URLField(_("Webseite"), blank=True, default="")
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True, default="")
    postcode = models.CharField(_("PLZ"), max_length=10, blank=True, default="")
    town = models.CharField(_("Ort"), max_length=120, blank=True, default="")
    latitude = models.DecimalField(
        _("Breitengrad"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=LATITUDE,
    )
    longitude = models.DecimalField(
        _("Längengrad"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=LONGITUDE,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(_("zuletzt aktualisiert"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Organisation")
        verbose_name_plural = _("Organisationen")
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="organisation_name_unique"),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="organisation_coordinates_both_or_none",
            ),
        ]
        indexes = [
            models.Index(fields=["region", "kind"]),
            models.Index(fields=["region", "name"]),
        ]

    def __str__(self) -> str:
        return self.name


class OrganisationTopic(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="topics")
    topic = models.CharField(_("Thema"), max_length=30, choices=Topic.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "topic"], name="organisation_topic_unique"
            )
        ]
        indexes = [models.Index(fields=["topic", "organisation"])]

    def __str__(self) -> str:
        return self.get_topic_display()


@personal_data(
    fields=("person_name", "office_phone", "office_email"),
    purpose="Ansprechstellen der Organisationen im Integrationsnetzwerk",
    legal_basis=(
        "Art. 6 Abs. 1 lit. e DSGVO (Funktionsadressen); Name nur mit Einwilligung "
        "(Art. 6 Abs. 1 lit. a DSGVO)"
    ),
    retention=None,
    region="organisation__region",
    visible_to="Koordination der Region; die Organisation selbst",
    concerns="Ansprechpersonen von Organisationen (nur mit Einwilligung namentlich)",
)
class ContactRole(models.Model):
    """A contact point of an organisation: a role with the role's office phone and e-mail."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="contact_roles"
    )
    role = models.CharField(
        _("Funktion"),
        max_length=160,
        help_text=_("z. B. „Vorstand — Integrationsbeauftragte*r“; keine Personennamen."),
    )
    office_phone = models.CharField(
        _("Telefon der Funktion"), max_length=40, blank=True, default=""
    )
    office_email = models.EmailField(_("E-Mail der Funktion"), blank=True, default="")
    person_name = models.CharField(
        _("Name (nur mit Einwilligung)"), max_length=160, blank=True, default=""
    )
    consent_on = models.DateField(_("Einwilligung erteilt am"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(person_name="") | Q(consent_on__isnull=False),
                name="contact_role_name_only_with_consent",
            )
        ]

    def __str__(self) -> str:
        return self.role


class OrganisationMember(models.Model):
    """A partner login that keeps its organisation's entry current."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_memberships"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"], name="organisation_member_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.organisation_id}"


class Relation(models.Model):
    """How an organisation is tied into the network: member of a network, carrier of a
    directory offer (by the offer's id: the network does not import the portal), partner in
    a welcome-culture concept."""

    class Kind(models.TextChoices):
        NETWORK_MEMBER = "network_member", _("Mitglied im Netzwerk")
        OFFER_CARRIER = "offer_carrier", _("Träger eines Angebots")
        CONCEPT_PARTNER = "concept_partner", _("Partner in einem Konzept")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="relations"
    )
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    network = models.CharField(_("Netzwerk"), max_length=160, blank=True, default="")
    offer_id = models.PositiveIntegerField(_("Angebot (Nummer)"), null=True, blank=True)
    concept = models.ForeignKey(
        "WelcomeConcept",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="partner_relations",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="network_member") & ~Q(network=""))
                | (Q(kind="offer_carrier") & Q(offer_id__isnull=False))
                | (Q(kind="concept_partner") & Q(concept__isnull=False)),
                name="relation_names_its_target",
            ),
            models.UniqueConstraint(
                fields=["organisation", "concept"],
                condition=Q(kind="concept_partner"),
                name="relation_concept_partner_once",
            ),
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


# --- intercultural opening ---------------------------------------------------------------


class OpeningStage(models.TextChoices):
    FIRST_CONTACT = "first_contact", _("Erstkontakt")
    STOCKTAKING = "stocktaking", _("Bestandsaufnahme")
    AGREEMENT = "agreement", _("Zielvereinbarung")
    MEASURES = "measures", _("Maßnahmen")
    REVIEW = "review", _("Überprüfung")


MAX_SCORE = 3


class ChecklistItem(models.Model):
    """One criterion of the region's opening checklist for one organisation type."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="checklist_items")
    organisation_kind = models.CharField(
        _("Art der Organisation"), max_length=20, choices=OrganisationKind.choices
    )
    key = models.SlugField(_("Kürzel"), max_length=60)
    label = models.CharField(_("Kriterium"), max_length=200)
    guidance = models.TextField(_("Erläuterung"), blank=True, default="")
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    is_active = models.BooleanField(_("aktiv"), default=True)

    class Meta:
        ordering = ["organisation_kind", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "organisation_kind", "key"], name="checklist_item_key_unique"
            )
        ]

    def __str__(self) -> str:
        return self.label


class OpeningProcess(models.Model):
    """The intercultural opening of one organisation."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="opening_processes")
    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="opening_process"
    )
    stage = models.CharField(
        _("Phase"), max_length=20, choices=OpeningStage.choices, default=OpeningStage.FIRST_CONTACT
    )
    started_on = models.DateField(_("begonnen am"))
    notes = models.TextField(_("Notizen"), blank=True, default="")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Interkulturelle Öffnung")
        indexes = [models.Index(fields=["region", "stage"])]

    def __str__(self) -> str:
        return str(self.organisation)


class SelfAssessment(models.Model):
    """A scored self-assessment on one day: 0–3 per checklist item."""

    process = models.ForeignKey(
        OpeningProcess, on_delete=models.CASCADE, related_name="assessments"
    )
    assessed_on = models.DateField(_("Datum"))
    note = models.TextField(_("Anmerkung"), blank=True, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["assessed_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["process", "assessed_on"], name="assessment_one_per_day"
            )
        ]

    def __str__(self) -> str:
        return self.assessed_on.isoformat()


class AssessmentScore(models.Model):
    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="scores")
    item = models.ForeignKey(ChecklistItem, on_delete=models.CASCADE, related_name="scores")
    score = models.PositiveSmallIntegerField(
        _("Bewertung"), validators=[MaxValueValidator(MAX_SCORE)]
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "item"], name="score_once_per_item"),
            models.CheckConstraint(condition=Q(score__lte=MAX_SCORE), name="score_at_most_3"),
        ]

    def __str__(self) -> str:
        return f"{self.item_id}: {self.score}"


class WorkStatus(models.TextChoices):
    OPEN = "open", _("offen")
    IN_PROGRESS = "in_progress", _("in Arbeit")
    DONE = "done", _("erledigt")


class OpeningMeasure(models.Model):
    process = models.ForeignKey(OpeningProcess, on_delete=models.CASCADE, related_name="measures")
    title = models.CharField(_("Maßnahme"), max_length=200)
    item = models.ForeignKey(
        ChecklistItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Kriterium"),
    )
    owner_role = models.CharField(_("verantwortlich (Funktion)"), max_length=160)
    owner_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verantwortliche Organisation"),
    )
    due_on = models.DateField(_("fällig am"))
    status = models.CharField(
        _("Stand"), max_length=12, choices=WorkStatus.choices, default=WorkStatus.OPEN
    )

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.title


class OpeningDocument(models.Model):
    """A document of an opening process (agreement, minutes), served only through the
    network's own download view (never a public address)."""

    process = models.ForeignKey(OpeningProcess, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("Titel"), max_length=200)
    file = models.FileField(_("Datei"), upload_to="network/documents/%Y/")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.title


# --- welcome-culture concepts -----------------------------------------------------------


class ConceptStatus(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    CONSULTATION = "consultation", _("in Abstimmung")
    ADOPTED = "adopted", _("beschlossen")
    IMPLEMENTATION = "implementation", _("in Umsetzung")
    EVALUATED = "evaluated", _("ausgewertet")


class WelcomeConcept(models.Model):
    """A welcome-culture concept for an Ortsteil or Wohngebiet. Every save makes a new
    version (`ConceptVersion`); `version` guards against concurrent edits."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="welcome_concepts")
    area = models.ForeignKey(
        # RESTRICT, not PROTECT: deleting a whole region may delete its areas and concepts
        # together; deleting only the area of a concept is refused.
        Area,
        on_delete=models.RESTRICT,
        related_name="welcome_concepts",
        verbose_name=_("Gebiet"),
    )
    title = models.CharField(_("Titel"), max_length=200)
    status = models.CharField(
        _("Stand"), max_length=20, choices=ConceptStatus.choices, default=ConceptStatus.DRAFT
    )
    needs_analysis = models.TextField(_("Bedarfsanalyse"), blank=True, default="")
    goals = models.TextField(_("Ziele"), blank=True, default="")
    public_summary = models.TextField(_("öffentliche Zusammenfassung"), blank=True, default="")
    is_public = models.BooleanField(_("Zusammenfassung veröffentlicht"), default=False)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("Willkommenskultur-Konzept")
        indexes = [models.Index(fields=["region", "status"])]

    def __str__(self) -> str:
        return self.title


class ConceptVersion(models.Model):
    """A saved state of a concept, as text, for the history and the diff."""

    concept = models.ForeignKey(WelcomeConcept, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    summary = models.CharField(_("Änderung"), max_length=200, blank=True, default="")

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["concept", "number"], name="concept_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.concept_id} v{self.number}"


class ConceptMeasure(models.Model):
    concept = models.ForeignKey(WelcomeConcept, on_delete=models.CASCADE, related_name="measures")
    title = models.CharField(_("Maßnahme"), max_length=200)
    responsible = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verantwortliche Organisation"),
    )
    due_on = models.DateField(_("Termin"), null=True, blank=True)
    status = models.CharField(
        _("Stand"), max_length=12, choices=WorkStatus.choices, default=WorkStatus.OPEN
    )

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.title


class ConceptLink(models.Model):
    """An offer of the directory or a volunteer network, by id: the network does not import
    the modules that own them."""

    class Kind(models.TextChoices):
        OFFER = "offer", _("Angebot")
        VOLUNTEER_NETWORK = "volunteer_network", _("Ehrenamtsnetzwerk")

    concept = models.ForeignKey(WelcomeConcept, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    target_id = models.PositiveIntegerField(_("Nummer"))
    label = models.CharField(_("Bezeichnung"), max_length=200)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["concept", "kind", "target_id"], name="concept_link_once"
            )
        ]

    def __str__(self) -> str:
        return self.label


class ConceptComment(models.Model):
    concept = models.ForeignKey(WelcomeConcept, on_delete=models.CASCADE, related_name="comments")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    text = models.TextField(_("Kommentar"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:40]


# --- network meetings -------------------------------------------------------------------


class Meeting(models.Model):
    class Kind(models.TextChoices):
        NETWORK = "network", _("WIR-Netzwerktreffen")
        ROUND_TABLE = "round_table", _("Runder Tisch")
        WORKSHOP = "workshop", _("Arbeitsgruppe")

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="network_meetings")
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices, default=Kind.NETWORK)
    title = models.CharField(_("Titel"), max_length=200)
    starts_at = models.DateTimeField(_("Beginn"))
    location = models.CharField(_("Ort"), max_length=200)
    agenda = models.TextField(_("Tagesordnung"), blank=True, default="")
    minutes = models.TextField(_("Protokoll"), blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["region", "starts_at"])]

    def __str__(self) -> str:
        return self.title


class Participation(models.Model):
    class Answer(models.TextChoices):
        INVITED = "invited", _("eingeladen")
        REGISTERED = "registered", _("angemeldet")
        DECLINED = "declined", _("abgesagt")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participations")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="participations"
    )
    role = models.CharField(_("Funktion"), max_length=160, blank=True, default="")
    answer = models.CharField(
        _("Rückmeldung"), max_length=12, choices=Answer.choices, default=Answer.INVITED
    )
    invited_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(_("teilgenommen"), default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "organisation"], name="participation_once_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id} · {self.organisation_id}"


class NetworkTask(models.Model):
    """A task agreed in a meeting (or elsewhere), owned by one organisation."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="network_tasks")
    meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="tasks"
    )
    title = models.CharField(_("Aufgabe"), max_length=200)
    owner = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="tasks",
        verbose_name=_("verantwortliche Organisation"),
    )
    due_on = models.DateField(_("fällig am"))
    status = models.CharField(
        _("Stand"), max_length=12, choices=WorkStatus.choices, default=WorkStatus.OPEN
    )
    # The daily job's memory: the last reminder sent (kind and day), so reruns send none.
    reminded = models.CharField(max_length=20, blank=True, default="")

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["region", "status", "due_on"])]

    def __str__(self) -> str:
        return self.title
