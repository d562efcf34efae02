"""Migration 0008 added check constraints to the assignment table; on SQLite Django
rebuilds the table for that, which dropped the overlap triggers of 0001. Put them back
(PostgreSQL's exclusion constraint was not affected). Later rebuilds are covered by the
post_migrate hook in wir/sprachpool/apps.py."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

TRIGGER = """
CREATE TRIGGER IF NOT EXISTS assignment_no_overlap_{event}
BEFORE {event} ON sprachpool_assignment
WHEN NEW.status IN ('accepted', 'done') AND EXISTS (
    SELECT 1 FROM sprachpool_assignment AS other
    WHERE other.mediator_id = NEW.mediator_id
      AND other.id IS NOT NEW.id
      AND other.status IN ('accepted', 'done')
      AND other.starts_at < NEW.ends_at
      AND NEW.starts_at < other.ends_at
)
BEGIN
    SELECT RAISE(ABORT, 'assignment_overlaps');
END
"""


def restore(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "sqlite":
        for event in ("INSERT", "UPDATE"):
            schema_editor.execute(TRIGGER.format(event=event))


class Migration(migrations.Migration):
    dependencies = [("sprachpool", "0009_areas_served")]

    operations = [migrations.RunPython(restore, migrations.RunPython.noop)]
