"""Each region gets its own approval workflow on its root page, reviewed by its
coordination and editor groups (accounts/actions.py `_sync_region_workflow` does the same
for regions created from now on). Regions whose root page already has a workflow keep it."""

from django.db import migrations

WORKFLOW_NAME = "Freigabe durch die Redaktion"
TASK_NAME = "Prüfung durch die Redaktion"
REVIEWER_ROLES = ("coordination", "editor")


def forwards(apps, schema_editor):
    Region = apps.get_model("core", "Region")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")
    task_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    for region in Region.objects.exclude(root_page_id=None):
        if WorkflowPage.objects.filter(page_id=region.root_page_id).exists():
            continue
        reviewers = list(
            Group.objects.filter(name__in=[f"wir:{region.slug}:{r}" for r in REVIEWER_ROLES])
        )
        if not reviewers:
            continue
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
        task = GroupApprovalTask.objects.create(name=TASK_NAME, active=True, content_type=task_type)
        task.groups.set(reviewers)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        WorkflowPage.objects.create(workflow=workflow, page_id=region.root_page_id)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_workflow_names_in_german"),
        ("core", "0002_region_content_changed_at"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
