from collections.abc import Callable
from typing import Any

from django.db import migrations

# SQLite: the search index holds every word marked with its region (`r7x…`, written by
# wir.portal.search_index.fts5_words, the SQL function `wir_fts5_words`), so that a search
# reads, counts and expands a prefix over its own region's postings only: with one token
# per word for all regions, a common word cost FTS5 every region's postings (1.6 × the
# single-region time at 401 regions). A contentless table (its text is not the documents'
# text), fed by the triggers; deletions give the indexed values back. The documents are
# emptied with the old triggers gone (the function belongs to the application, which a
# migration does not import): after this migration `fill_if_empty` (post_migrate,
# wir/portal/search_index.py) builds them anew, through the new triggers. PostgreSQL:
# nothing (its GIN index reads a region's rows through the scope column).
FTS = "portal_searchdocument_fts"
TOKENIZE = 'tokenize="unicode61 remove_diacritics 2"'
VALUES = "{row}.id, {row}.scope, wir_fts5_words({row}.region_id, {row}.title), wir_fts5_words({row}.region_id, {row}.body)"
INSERT = f"INSERT INTO {FTS}(rowid, scope, title, body) VALUES ({VALUES.format(row='new')});"
DELETE = (
    f"INSERT INTO {FTS}({FTS}, rowid, scope, title, body) "
    f"VALUES ('delete', {VALUES.format(row='old')});"
)
DROP = [
    "DROP TRIGGER IF EXISTS portal_searchdocument_fts_insert",
    "DROP TRIGGER IF EXISTS portal_searchdocument_fts_delete",
    "DROP TRIGGER IF EXISTS portal_searchdocument_fts_update",
    f"DROP TABLE IF EXISTS {FTS}",
]
FORWARD = [
    *DROP,
    "DELETE FROM portal_searchdocument",
    f"CREATE VIRTUAL TABLE {FTS} USING fts5(scope, title, body, content='', {TOKENIZE})",
    f"CREATE TRIGGER portal_searchdocument_fts_insert AFTER INSERT ON portal_searchdocument "
    f"BEGIN {INSERT} END",
    f"CREATE TRIGGER portal_searchdocument_fts_delete AFTER DELETE ON portal_searchdocument "
    f"BEGIN {DELETE} END",
    f"CREATE TRIGGER portal_searchdocument_fts_update AFTER UPDATE ON portal_searchdocument "
    f"BEGIN {DELETE} {INSERT} END",
]
# Back to 0014's table: the documents' own text, rebuilt from them.
OLD_INSERT = f"INSERT INTO {FTS}(rowid, scope, title, body) VALUES (new.id, new.scope, new.title, new.body);"
OLD_DELETE = (
    f"INSERT INTO {FTS}({FTS}, rowid, scope, title, body) "
    "VALUES ('delete', old.id, old.scope, old.title, old.body);"
)
BACKWARD = [
    *DROP,
    f"CREATE VIRTUAL TABLE {FTS} USING fts5(scope, title, body, "
    f"content='portal_searchdocument', content_rowid='id', {TOKENIZE})",
    f"CREATE TRIGGER portal_searchdocument_fts_insert AFTER INSERT ON portal_searchdocument "
    f"BEGIN {OLD_INSERT} END",
    f"CREATE TRIGGER portal_searchdocument_fts_delete AFTER DELETE ON portal_searchdocument "
    f"BEGIN {OLD_DELETE} END",
    f"CREATE TRIGGER portal_searchdocument_fts_update AFTER UPDATE ON portal_searchdocument "
    f"BEGIN {OLD_DELETE} {OLD_INSERT} END",
    f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')",
]


def run(statements: list[str]) -> Callable[[Any, Any], None]:
    def apply(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor != "sqlite":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0017_search_title_index"),
    ]

    operations = [
        migrations.RunPython(run(FORWARD), run(BACKWARD)),
    ]
