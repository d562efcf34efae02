"""The SQLite index's words: each marked with its region (so that a search reads its own
region's postings only), split exactly where FTS5 splits, and forgotten when a document
changes or goes."""

import importlib.util
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from tests.portal.test_search_index import german, hits, new_page
from wir.core.actions import add_area
from wir.core.models import Area
from wir.portal import search_index
from wir.portal.actions import publish
from wir.portal.fts5_chars import TOKEN_CHARS
from wir.portal.models.search import scope_region, scope_word

GENERATOR = Path(__file__).resolve().parents[2] / "scripts" / "fts5_token_chars.py"


SQLITE_ONLY = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the SQLite index (PostgreSQL's words carry no region)"
)


def test_the_word_table_is_this_sqlites_tokenizer() -> None:
    """Every code point, asked of FTS5 itself: the table that splits words in Python keeps
    inside a word exactly what `unicode61 remove_diacritics 2` keeps."""
    spec = importlib.util.spec_from_file_location("fts5_token_chars", GENERATOR)
    assert spec is not None
    assert spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    assert tuple(generator.ranges(generator.token_chars(generator.code_points()))) == TOKEN_CHARS


def test_words_are_split_as_fts5_splits_them_and_marked() -> None:
    words = search_index.fts5_words
    assert words(7, "Schuldner-Beratung, 2x/Woche") == "r7xSchuldner r7xBeratung r7x2x r7xWoche"
    # A combining accent stays in its word (FTS5 drops it); ZWNJ and harakat split words.
    assert words(7, "Kindertagessta\u0308tte") == "r7xKindertagessta\u0308tte"
    assert words(3, "می\u200cخواهم") == "r3xمی r3xخواهم"
    assert words(3, "_ -- ") == ""
    assert words(None, "Text") == ""
    assert scope_region([scope_word(12, "offer", "de"), scope_word(12, "offer", "ar")]) == 12
    for mixed in ([scope_word(1, "page", "de"), scope_word(2, "page", "de")], ["a"], []):
        with pytest.raises(ValueError, match="scope words of one region"):
            scope_region(mixed)


@SQLITE_ONLY
@pytest.mark.django_db
def test_accents_case_and_decomposed_letters_are_found_as_before(region) -> None:
    publish(new_page("Kindertagessta\u0308tte Nidda", "Anmeldung für Familien", "kita"))
    publish(new_page("Béràtung", "Hilfe", "beratung"))
    assert german("kindertagesstätte") == ["Kindertagessta\u0308tte Nidda"]
    assert german("FUR familien") == ["Kindertagessta\u0308tte Nidda"]
    assert german("beratung") == ["Béràtung"]
    assert german("_") == []  # nothing FTS5 reads as a word: no hits, no error


def vocabulary() -> dict[str, int]:
    """Each term of the title and body columns and the number of documents holding it."""
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE VIRTUAL TABLE temp.fts_terms "
            "USING fts5vocab(main, portal_searchdocument_fts, 'col')"
        )
        try:
            cursor.execute("SELECT term, doc FROM temp.fts_terms WHERE col != 'scope'")
            return dict(cursor.fetchall())
        finally:  # the test database's connection outlives the test
            cursor.execute("DROP TABLE temp.fts_terms")


@SQLITE_ONLY
@pytest.mark.django_db
def test_each_region_has_its_own_words_and_changes_leave_none_behind(
    region, towns, make_region, make_offer
) -> None:
    other = make_region("anderswo", languages=("de",))
    town = add_area(other, "Gedern", Area.Kind.MUNICIPALITY, Decimal("50.4"), Decimal("9.2"))
    here = make_offer("Elterncafé Nidda", towns["Nidda"], summary="Treffpunkt")
    there = make_offer("Elterncafé Gedern", town, summary="Treffpunkt")
    terms = vocabulary()
    assert terms[f"r{region.pk}xelterncafe"] == terms[f"r{other.pk}xelterncafe"] == 1
    assert all(re.fullmatch(r"r\d+x.+", term) for term in terms), terms

    # Autocompletion expands a prefix over its region's words only.
    scopes = {"offer": [scope_word(region.pk, "offer", "de")]}
    found = search_index.ranked(scopes, "Elternc", 10, timezone.now(), autocomplete=True)
    assert [hit.title for hit in found["offer"]] == ["Elterncafé Nidda"]

    here.title = "Familiencafé Nidda"
    here.save_revision().publish()
    there.delete()
    terms = vocabulary()
    assert f"r{region.pk}xelterncafe" not in terms
    assert f"r{other.pk}xelterncafe" not in terms
    assert f"r{other.pk}xtreffpunkt" not in terms
    assert terms[f"r{region.pk}xfamiliencafe"] == 1
    assert hits("/anderswo/de/suche/", "Treffpunkt") == []


@SQLITE_ONLY
@pytest.mark.django_db(transaction=True)
def test_migration_0018_marks_the_words_of_existing_documents_and_goes_back(
    region, towns, make_offer
) -> None:
    """Forward, the documents are emptied and `migrate`'s post_migrate step builds them anew
    through the new triggers; backward, the old index is rebuilt from them."""
    make_offer("Elterncafé Nidda", towns["Nidda"], summary="Treffpunkt")
    scopes = {"offer": [scope_word(region.pk, "offer", "de")]}
    try:
        call_command("migrate", "portal", "0017_search_title_index", verbosity=0)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT COUNT(*) FROM portal_searchdocument_fts "
                "WHERE portal_searchdocument_fts MATCH 'elterncafe'"
            )
            assert cursor.fetchone() == (1,)
    finally:
        call_command("migrate", verbosity=0)
    assert set(vocabulary()) >= {f"r{region.pk}xelterncafe", f"r{region.pk}xtreffpunkt"}
    found = search_index.ranked(scopes, "Treffpunkt", 10, timezone.now())
    assert [hit.title for hit in found["offer"]] == ["Elterncafé Nidda"]
