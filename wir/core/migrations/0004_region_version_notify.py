"""On PostgreSQL, every change of a region row notifies the app servers (channel
`wir_region_version`, payload the region's id): their hot paths keep region versions in
memory and forget one when told (wir/core/versionwatch.py). Nothing on SQLite."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION wir_region_version_notify() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('wir_region_version', OLD.id::text);
    ELSE
        PERFORM pg_notify('wir_region_version', NEW.id::text);
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS wir_region_version_notify ON core_region;
CREATE TRIGGER wir_region_version_notify
    AFTER INSERT OR UPDATE OR DELETE ON core_region
    FOR EACH ROW EXECUTE FUNCTION wir_region_version_notify();
"""

DROP = """
DROP TRIGGER IF EXISTS wir_region_version_notify ON core_region;
DROP FUNCTION IF EXISTS wir_region_version_notify();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("core", "0003_outbox_mail")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
