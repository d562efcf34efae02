from django.urls import path

from wir.network.views import concepts, directory, meetings, opening

app_name = "network"

urlpatterns = [
    path("", directory.home, name="home"),
    # the actors directory
    path("<slug:region>/akteure/", directory.directory, name="directory"),
    path("<slug:region>/akteure/export.csv", directory.export_csv, name="export_csv"),
    path("<slug:region>/akteure/export.xlsx", directory.export_xlsx, name="export_xlsx"),
    path("<slug:region>/akteure/neu/", directory.new_organisation, name="new_organisation"),
    path("organisation/<int:organisation_id>/", directory.organisation, name="organisation"),
    path(
        "organisation/<int:organisation_id>/bearbeiten/",
        directory.edit_organisation,
        name="edit_organisation",
    ),
    path(
        "organisation/<int:organisation_id>/ansprechstellen/",
        directory.add_contact,
        name="add_contact",
    ),
    path(
        "organisation/<int:organisation_id>/ansprechstellen/<int:contact_role_id>/entfernen/",
        directory.remove_contact,
        name="remove_contact",
    ),
    path("organisation/<int:organisation_id>/zugang/", directory.add_member, name="add_member"),
    path(
        "organisation/<int:organisation_id>/verbindungen/",
        directory.add_relation,
        name="add_relation",
    ),
    path(
        "organisation/<int:organisation_id>/verbindungen/<int:relation_id>/entfernen/",
        directory.remove_relation,
        name="remove_relation",
    ),
    # intercultural opening
    path("organisation/<int:organisation_id>/oeffnung/", opening.opening, name="opening"),
    path("oeffnung/<int:opening_process_id>/selbstbewertung/", opening.assess, name="assess"),
    path("oeffnung/<int:opening_process_id>/phase/", opening.set_stage, name="set_stage"),
    path("oeffnung/<int:opening_process_id>/massnahmen/", opening.add_measure, name="add_measure"),
    path(
        "oeffnung/<int:opening_process_id>/massnahmen/<int:opening_measure_id>/",
        opening.measure_status,
        name="measure_status",
    ),
    path(
        "oeffnung/<int:opening_process_id>/dokumente/",
        opening.upload_document,
        name="upload_document",
    ),
    path("dokumente/<int:opening_document_id>/", opening.document, name="document"),
    path("<slug:region>/oeffnung/", opening.overview, name="opening_overview"),
    path("<slug:region>/oeffnung/kriterien/", opening.catalogue, name="catalogue"),
    # welcome-culture concepts
    path("<slug:region>/konzepte/", concepts.concepts, name="concepts"),
    path("<slug:region>/konzepte/neu/", concepts.new_concept, name="new_concept"),
    path("konzepte/<int:welcome_concept_id>/", concepts.concept, name="concept"),
    path(
        "konzepte/<int:welcome_concept_id>/bearbeiten/",
        concepts.edit_concept,
        name="edit_concept",
    ),
    path(
        "konzepte/<int:welcome_concept_id>/kommentare/",
        concepts.comment,
        name="concept_comment",
    ),
    path(
        "konzepte/<int:welcome_concept_id>/massnahmen/",
        concepts.add_measure,
        name="concept_add_measure",
    ),
    path(
        "konzepte/<int:welcome_concept_id>/massnahmen/<int:concept_measure_id>/",
        concepts.measure_status,
        name="concept_measure_status",
    ),
    path(
        "konzepte/<int:welcome_concept_id>/verknuepfungen/",
        concepts.add_link,
        name="concept_add_link",
    ),
    path(
        "konzepte/<int:welcome_concept_id>/beteiligte/",
        concepts.add_partner,
        name="concept_add_partner",
    ),
    path(
        "konzepte/<int:welcome_concept_id>/konzept.pdf",
        concepts.concept_pdf,
        name="concept_pdf",
    ),
    path("fassungen/<int:concept_version_id>/", concepts.version, name="concept_version"),
    # network meetings
    path("<slug:region>/treffen/", meetings.meetings, name="meetings"),
    path("treffen/<int:meeting_id>/", meetings.meeting, name="meeting"),
    path("treffen/<int:meeting_id>/einladen/", meetings.invite, name="invite"),
    path("treffen/<int:meeting_id>/rueckmeldung/", meetings.respond, name="respond"),
    path("treffen/<int:meeting_id>/protokoll/", meetings.minutes, name="minutes"),
    path("treffen/<int:meeting_id>/aufgaben/", meetings.add_task, name="add_task"),
    path("aufgaben/<int:network_task_id>/", meetings.task_status, name="task_status"),
    path(
        "organisation/<int:organisation_id>/aufgaben/",
        meetings.organisation_tasks,
        name="organisation_tasks",
    ),
]
