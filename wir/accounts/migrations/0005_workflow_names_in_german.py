"""Wagtail's default workflow and its task were called "Moderators approval", so the
publish menu offered "In Moderators approval einreichen". They get German names that say
what happens. Rows renamed by hand since are left alone."""

from django.db import migrations

OLD = "Moderators approval"
WORKFLOW = "Freigabe durch die Redaktion"
TASK = "Prüfung durch die Redaktion"


def rename(apps, schema_editor, names):
    workflow, task = names
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=OLD).update(name=workflow)
    apps.get_model("wagtailcore", "Task").objects.filter(name=OLD).update(name=task)


def forwards(apps, schema_editor):
    rename(apps, schema_editor, (WORKFLOW, TASK))


def backwards(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).update(name=OLD)
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK).update(name=OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_translators_without_page_permissions"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
