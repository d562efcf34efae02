from collections.abc import Callable
from typing import Any

from django.db import migrations

# PostgreSQL: a GIN index over the title's words alone, for the search's title matches
# (wir/portal/search_index.py). The weighted `document` column cannot answer "in the
# title" from its index: every match would be read and rechecked. SQLite: FTS5 has columns.
POSTGRESQL = (
    "CREATE INDEX portal_searchdocument_title ON portal_searchdocument "
    "USING gin (to_tsvector('simple', title))"
)
POSTGRESQL_REVERSE = "DROP INDEX IF EXISTS portal_searchdocument_title"


def run(statement: str) -> Callable[[Any, Any], None]:
    def apply(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0016_search_documents_hold_what_hits_show"),
    ]

    operations = [
        migrations.RunPython(run(POSTGRESQL), run(POSTGRESQL_REVERSE)),
    ]
