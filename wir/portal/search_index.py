"""Our own search index: one `SearchDocument` per public page, offer, event and place, and the
ranked query over it in the database's own full-text engine.

Why not Wagtail's index: it is one index over every region and language, so each search
matched the whole installation and then threw away the other regions' rows (its SQLite
backend even ranks with a subquery per row). Here every document carries one scope word
(region, kind, language; `scope_word`) that the full-text engine intersects with the
query's words, so a search reads only its region's postings and ranks in the same
statement: SQLite FTS5 with bm25 (title weighted 3, body 1; every word marked with its
region, `fts5_words`, so that a common word costs only its region's postings),
PostgreSQL `tsvector` with a GIN index and `ts_rank` (title weight A, body B), config
'simple' (no stemming: it serves thirty languages alike). It ranks a bounded set
(`CANDIDATES`): the newest matches with every word in the title, then the newest with the
words anywhere; a word found in thousands of documents costs what a rare one costs.

Kept current by signals (connected in PortalConfig.ready): a page's publish indexes it,
its unpublish, move or deletion updates or removes it; an offer, event or place is indexed
on every save (only while live) and removed on deletion. Bulk writes that bypass signals
(the scaled demo) call `rebuild()`; so does `manage.py rebuild_search_documents`. The
index holds only live content and knows each row's expiry; what else makes content public
(validity dates, a page's view restriction, an event's remaining dates) the search checks
on the few hits it loads, with the same querysets the pages use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any, NamedTuple

from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Page

from wir.core import prepared
from wir.core.languages import DEFAULT_LANGUAGE
from wir.portal.fts5_chars import TOKEN_CHARS
from wir.portal.models import Event, Offer, Place, SearchDocument
from wir.portal.models.search import scope_region, scope_word

FTS_TABLE = "portal_searchdocument_fts"
PAGE_MIN_DEPTH = 4  # below a region's home pages (root 1, region 2, home 3)
TERM = re.compile(r"\w+", re.UNICODE)
SNIPPET_KINDS: dict[type[Model], str] = {Offer: "offer", Event: "event", Place: "place"}


def _text(*values: object) -> str:
    return " ".join(strip_tags(str(value)) for value in values if value)


# --- what a document holds -----------------------------------------------------------


def _page_document(page: Page, region_id: int) -> SearchDocument:
    language = page.locale.language_code
    return SearchDocument(
        region_id=region_id,
        kind="page",
        object_id=page.pk,
        language_code=language,
        scope=scope_word(region_id, "page", language),
        title=page.title,
        body=_text(getattr(page, "intro", ""), getattr(page, "body", ""), page.search_description),
        summary=page_summary(page),
        expire_at=page.expire_at,
    )


def page_summary(page: Page) -> str:
    """What a page's hit shows: its intro, else the start of its text."""
    text = getattr(page, "intro", "") or getattr(page, "body", "")
    return Truncator(strip_tags(str(text))).chars(200) if text else ""


def _snippet_document(obj: Any) -> SearchDocument:
    """An offer's, event's or place's document, with the summary its hit shows (a place's:
    its address) so that a search needs not load places."""
    kind = SNIPPET_KINDS[type(obj)]
    if kind == "place":
        language, title, summary = "", obj.name, obj.address_line
        body = _text(obj.street, obj.postcode, obj.town)
    else:
        language, title, summary = obj.locale.language_code, obj.title, obj.summary
        parts = [obj.summary, obj.description]
        if kind == "offer":
            parts += [obj.provider, obj.structured_search_text()]
        else:
            parts.append(obj.organiser)
        body = _text(*parts)
    return SearchDocument(
        region_id=obj.region_id,
        kind=kind,
        object_id=obj.pk,
        language_code=language,
        scope=scope_word(obj.region_id, kind, language),
        title=title,
        body=body,
        summary=summary,
        expire_at=getattr(obj, "expire_at", None),
    )


def _store(kind: str, ids: Iterable[int], documents: list[SearchDocument]) -> None:
    """Replace the documents of `ids` (those not in `documents` are removed)."""
    with transaction.atomic():
        SearchDocument.objects.filter(kind=kind, object_id__in=list(ids)).delete()
        SearchDocument.objects.bulk_create(documents, batch_size=500)


# --- keeping it current ------------------------------------------------------------------


def index_pages(pages: Iterable[Page]) -> None:
    """(Re)index pages: live ones below a region's home page are stored, the rest removed."""
    from wir.accounts.permissions import region_id_for_page_path

    pages = list(pages)
    documents = []
    for page in pages:
        if not page.live or page.depth < PAGE_MIN_DEPTH:
            continue
        region_id = region_id_for_page_path(page.path)
        if region_id is not None:
            documents.append(_page_document(page.specific, region_id))
    _store("page", [page.pk for page in pages], documents)


def index_snippets(objects: Iterable[Any]) -> None:
    """(Re)index offers, events or places of one kind: live ones stored, the rest removed."""
    objects = list(objects)
    if not objects:
        return
    kind = SNIPPET_KINDS[type(objects[0])]
    documents = [_snippet_document(obj) for obj in objects if getattr(obj, "live", True)]
    _store(kind, [obj.pk for obj in objects], documents)


def remove(kind: str, object_ids: Iterable[int]) -> None:
    SearchDocument.objects.filter(kind=kind, object_id__in=list(object_ids)).delete()


def rebuild(region_ids: Iterable[int] | None = None) -> int:
    """Index every public document anew (of the given regions, else of all); returns the
    number of documents."""
    from wir.core.models import Region

    regions = Region.objects.select_related("root_page")
    if region_ids is not None:
        regions = regions.filter(pk__in=list(region_ids))
    total = 0
    for region in regions:
        documents: list[SearchDocument] = []
        if region.root_page_id is not None:
            pages = (
                Page.objects.live()
                .descendant_of(region.root_page)
                .filter(depth__gte=PAGE_MIN_DEPTH)
                .select_related("locale")
                .specific()
            )
            documents += [_page_document(page, region.pk) for page in pages]
        offers = Offer.objects.filter(region=region, live=True).select_related("locale")
        documents += [_snippet_document(o) for o in offers.prefetch_related("target_groups")]
        events = Event.objects.filter(region=region, live=True).select_related("locale")
        documents += [_snippet_document(event) for event in events]
        documents += [_snippet_document(place) for place in Place.objects.filter(region=region)]
        with transaction.atomic():
            SearchDocument.objects.filter(region=region).delete()
            SearchDocument.objects.bulk_create(documents, batch_size=500)
        total += len(documents)
    return total


def page_published(sender: Any, instance: Page, **kwargs: Any) -> None:
    index_pages([instance])


def page_gone(sender: Any, instance: Page, **kwargs: Any) -> None:
    """Unpublished or deleted."""
    remove("page", [instance.pk])


def page_moved(sender: Any, instance: Page, **kwargs: Any) -> None:
    """A move may carry a subtree into another region (or out of the public tree)."""
    moved = Page.objects.get(pk=instance.pk)  # its path after the move
    index_pages(Page.objects.descendant_of(moved, inclusive=True).select_related("locale"))


def snippet_saved(sender: Any, instance: Any, **kwargs: Any) -> None:
    if kwargs.get("raw"):  # loaddata: related rows may not exist yet; rebuild afterwards
        return
    index_snippets([instance])


def snippet_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    remove(SNIPPET_KINDS[type(instance)], [instance.pk])


def fill_if_empty(sender: Any, using: str = "default", apps: Any = None, **kwargs: Any) -> None:
    """After migrating an installation that has content but no documents yet (the first
    migrate with this index): build it once."""
    try:  # the state migrated to (not there when migrating back before 0014)
        if apps is not None:
            apps.get_model("portal", "SearchDocument")
    except LookupError:
        return
    if using != "default" or SearchDocument.objects.exists():
        return
    if Offer.objects.exists() or Page.objects.filter(depth__gte=PAGE_MIN_DEPTH).exists():
        rebuild()


# --- searching ---------------------------------------------------------------------


def query_terms(query: str) -> list[str]:
    """The words of a cleaned query that carry letters or digits."""
    return [term for term in query.split() if TERM.search(term)]


class Ranked(NamedTuple):
    """A hit as the index holds it: enough to show it without loading its object (a named
    tuple: built for every row of every search, twice as fast as a frozen dataclass)."""

    pk: int
    title: str
    summary: str
    language_code: str
    url_path: str = ""  # pages only


def ranked(
    scopes: dict[str, list[str]],
    query: str,
    limit: int,
    now: datetime,
    autocomplete: bool = False,
    translated_in: dict[str, str] | None = None,
    home: Page | None = None,
    cap: int | None = None,
) -> dict[str, list[Ranked]]:
    """The best `limit` documents per kind for `query` (cleaned: words, digits, hyphens),
    within the scopes of each kind (`scope_word`s), best first, in one statement, and only
    public ones: unexpired; pages (with `home`) live below `home` in its locale and offers
    live, unexpired and valid today, as the page and offer tables say now, with their
    current title (and summary, URL path); where `translated_in` maps "offer" to the
    visitor's language, German originals only without a public translation into it
    (never both). `autocomplete`: all words in the title, the last a prefix.

    Each kind is its own ranked, limited part of the statement: at most `CANDIDATES`
    matches with every word in the title (these first) and `CANDIDATES` with the words
    anywhere, the newest of each, ranked best first and read and checked in that order
    only until `limit` are found (the second tier only if the first gave too few). A part
    that found fewer than `limit` also says how many candidates its widest tier had; a
    kind that was cut at the bound and still found fewer than `limit` (its checks dropped
    most candidates: e.g. German originals hidden by translations) is searched again
    without the bound, so a search never shows fewer hits than there are."""
    terms = query_terms(query)
    scopes = {kind: words for kind, words in scopes.items() if words}
    if connection.vendor != "postgresql" and not any(FTS5_WORD.search(t) for t in terms):
        return {}  # nothing FTS5 reads as a word (`_` alone)
    if not terms or not scopes:
        return {}
    translated_in = translated_in or {}
    bound = CANDIDATES if cap is None else cap
    today = timezone.localdate()
    ctes: list[str] = []
    parts: list[str] = []
    cte_params: list[Any] = []
    params: list[Any] = []
    for number, (kind, words) in enumerate(scopes.items()):
        if kind not in KINDS:
            raise ValueError(f"unknown kind of search document: {kind!r}")
        columns, join, join_params = COLUMNS, "", []
        public = "(d.expire_at IS NULL OR d.expire_at > %s)"
        public_params: list[Any] = [now]
        if kind == "page" and home is not None:
            columns, join = PAGE_COLUMNS, _one_row(PAGE_JOIN)
            join_params = [home.locale_id, f"{home.path}%", now]
        elif kind == "offer":
            columns, join, join_params = OFFER_COLUMNS, _one_row(OFFER_JOIN), [now, today, today]
            if kind in translated_in:
                public += TRANSLATION_HIDES_ORIGINAL
                public_params += [DEFAULT_LANGUAGE, translated_in[kind], now, today, today]
        tiers = (_postgresql if connection.vendor == "postgresql" else _sqlite)(
            words, terms, autocomplete, bound
        )
        # Fixed text: every value is a parameter. Each tier is a common table expression
        # (read twice, computed once, and only when first read); its candidates come best
        # first (title matches before the others), joined and checked in that order until
        # `limit` are found: a tier not reached is never computed. The outer ORDER BY
        # orders the part.
        arms = []
        for tier, (sql, tier_params) in enumerate(tiers):
            name = f"t{number}x{tier}"
            ctes.append(f"{name} AS ({sql})")
            cte_params += tier_params
            others = f"WHERE id NOT IN (SELECT id FROM t{number}x0) " if tier else ""  # noqa: S608
            arms.append(
                f"SELECT * FROM (SELECT {columns}, c.score AS score FROM (SELECT id, score "  # noqa: S608
                f"FROM {name} {others}ORDER BY score, id DESC LIMIT %s) AS c "
                f"JOIN portal_searchdocument d ON d.id = c.id {join} WHERE {public}) AS {name}c"
            )
            params += [bound, *join_params, *public_params]
        # Read only where fewer than `limit` passed: how many candidates the widest tier
        # had (`kind:matches`, the number as object_id). The bound was reached exactly when
        # it had `bound` (below the bound it holds every match, the title's too).
        arms.append(
            f"SELECT '{kind}:matches', (SELECT COUNT(*) FROM {name}), '', '', '', '', 0.0"  # noqa: S608
        )
        parts.append(
            f"SELECT * FROM (SELECT {RESULT} FROM ({' UNION ALL '.join(arms)} LIMIT %s) "  # noqa: S608
            f"AS k{number} ORDER BY score, object_id DESC) AS r{number}"
        )
        params.append(limit)
    found: dict[str, list[Ranked]] = {}
    matches: dict[str, int] = {}
    statement = f"WITH {', '.join(ctes)} {' UNION ALL '.join(parts)}"
    # Prepared once per connection on PostgreSQL (planning was a third of its time).
    with prepared.cursor() as cursor:
        cursor.execute(statement, [*cte_params, *params])
        for kind, object_id, title, summary, language_code, url_path in cursor.fetchall():
            if kind.endswith(":matches"):
                matches[kind.split(":")[0]] = int(object_id)
                continue
            found.setdefault(kind, []).append(
                Ranked(int(object_id), title, summary, language_code, url_path)
            )
    cut = {
        kind: words
        for kind, words in scopes.items()
        if matches.get(kind, 0) >= bound and len(found.get(kind, [])) < limit
    }
    if cut and cap is None:
        again = ranked(cut, query, limit, now, autocomplete, translated_in, home, UNBOUNDED)
        for kind in cut:
            found[kind] = again.get(kind, [])
        found = {kind: hits for kind, hits in found.items() if hits}
    return found


RESULT = "kind, object_id, title, summary, language_code, url_path"
COLUMNS = "d.kind, d.object_id, d.title, d.summary, d.language_code, '' AS url_path"
PAGE_COLUMNS = "d.kind, d.object_id, p.title, d.summary, d.language_code, p.url_path"
# What `Page.objects.live().descendant_of(home).filter(locale=...)` and `visible` ask.
PAGE_JOIN = (
    "JOIN wagtailcore_page p ON p.id = d.object_id AND p.live AND p.locale_id = %s "
    "AND p.path LIKE %s AND (p.expire_at IS NULL OR p.expire_at > %s)"
)
OFFER_COLUMNS = "d.kind, d.object_id, o.title, o.summary, d.language_code, '' AS url_path"
# What `Offer.objects.public()` asks, of the offer table as it is now.
OFFER_PUBLIC = (
    "{o}.live AND ({o}.expire_at IS NULL OR {o}.expire_at > %s) "
    "AND ({o}.valid_from IS NULL OR {o}.valid_from <= %s) "
    "AND ({o}.valid_until IS NULL OR {o}.valid_until >= %s)"
)
OFFER_JOIN = "JOIN portal_offer o ON o.id = d.object_id AND " + OFFER_PUBLIC.format(o="o")
JOIN = re.compile(r"JOIN (\w+) (\w) ON (.*)")


def _one_row(join: str) -> str:
    """PostgreSQL: the join as a lateral subquery, so that each candidate is looked up by
    its primary key in rank order until the limit is reached (the planner, counting on
    hundreds of candidates, would otherwise read and hash the whole table first)."""
    if connection.vendor != "postgresql":
        return join
    match = JOIN.fullmatch(join)
    assert match is not None
    table, alias, condition = match.groups()
    return (
        f"CROSS JOIN LATERAL (SELECT * FROM {table} {alias} WHERE {condition} "  # noqa: S608
        f"OFFSET 0) AS {alias}"
    )


# A German original is not shown where a public translation into the visitor's language is
# (the offer table's unique (translation_key, locale) index finds it).
TRANSLATION_HIDES_ORIGINAL = (
    " AND NOT (d.language_code = %s AND EXISTS (SELECT 1 FROM portal_offer t "  # noqa: S608
    "WHERE t.translation_key = o.translation_key AND t.locale_id = (SELECT l.id FROM "
    "wagtailcore_locale l WHERE l.language_code = %s) AND " + OFFER_PUBLIC.format(o="t") + "))"
)


# How many matches of one kind a search ranks at most: the newest `CANDIDATES` with every
# word in the title and the newest `CANDIDATES` with the words anywhere (a word found in
# thousands of documents is not ranked over all of them; below that, the ranking is exact).
# Twice the 60 hits a kind shows: room for the candidates the checks drop.
CANDIDATES = 120
# The bound of the second search of a kind whose checks dropped too many candidates.
UNBOUNDED = 2**31 - 1
KINDS = frozenset({"page", "offer", "event", "place"})
# What sets the tiers apart: the scores of matches with every word in the title stay this
# far below the others (lower ranks first), so those come first.
TITLE_FIRST = 1_000_000.0


def _char_class(ranges: tuple[tuple[int, int], ...]) -> str:
    return "".join(f"\\U{start:08x}-\\U{end:08x}" for start, end in ranges)


# A word as FTS5's tokenizer (`unicode61 remove_diacritics 2`) reads one: a run of the code
# points it keeps inside words (scripts/fts5_token_chars.py took them from the tokenizer).
FTS5_WORD = re.compile(f"[{_char_class(TOKEN_CHARS)}]+")


def fts5_words(region_id: int | None, text: str | None) -> str:
    """A text as the SQLite index holds it: each word marked with its region (`r7x`), so that
    a word is another word in every region. A search then reads only its region's postings
    of a word, and counts (bm25), and expands a prefix over, its region's documents alone:
    with one token per word for all regions, a common word cost FTS5 every region's
    postings. FTS5 still folds case and diacritics; the mark is plain letters and digits,
    the words are split where FTS5 would, so each stays one token. Called by the index's
    triggers (migration 0018) as the SQL function `wir_fts5_words`."""
    if not text or region_id is None:
        return ""
    mark = f"r{region_id}x"
    return " ".join(mark + word for word in FTS5_WORD.findall(text))


def sqlite_functions(sender: Any, connection: Any, **kwargs: Any) -> None:
    """`connection_created`: the SQL function the SQLite index's triggers call (every write
    to the search documents needs it; plain `sqlite3` connections may read them)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("wir_fts5_words", 2, fts5_words, deterministic=True)


def fts5_match(words: list[str], terms: list[str], autocomplete: bool, title: bool = False) -> str:
    """The FTS5 expression: each term a quoted phrase of its region-marked words (nothing
    in it is syntax: `NEAR`, `-`, `*`, quotes are no word characters or plain words), the
    scope words alternatives in the scope column; `title`: every term in the title. A term
    without words is left out (`ranked` asks none without any)."""
    mark = f"r{scope_region(words)}x"
    phrases = [" ".join(mark + word for word in FTS5_WORD.findall(term)) for term in terms]
    quoted = [f'"{phrase}"' for phrase in phrases if phrase]
    if not quoted:
        raise ValueError(f"no words to search for in {terms!r}")
    if autocomplete:
        quoted[-1] += "*"
    scope = " OR ".join(f'"{word}"' for word in words)
    columns = "title" if autocomplete or title else "{title body}"
    return f"scope : ({scope}) AND {columns} : ({' AND '.join(quoted)})"


# The newest matches of an FTS5 expression (rowid order needs no ranking), each ranked by
# bm25 (title weighted 3, body 1): FTS5 computes the rank of the rows it returns only.
FTS5_NEWEST = (
    f"SELECT rowid, rank AS r FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "  # noqa: S608
    "AND rank MATCH 'bm25(0.0, 3.0, 1.0)' ORDER BY rowid DESC LIMIT %s"
)


def _sqlite(
    words: list[str], terms: list[str], autocomplete: bool, bound: int
) -> list[tuple[str, list[Any]]]:
    """The tiers of candidates (`id`, `score`), unordered: the newest `bound` matches with
    every word in the title (their bm25 in the title, minus `TITLE_FIRST`), then the newest
    `bound` anywhere (bm25 over title and body); autocompletion: the title's alone."""
    match = fts5_match(words, terms, autocomplete)
    if autocomplete:  # the title alone is searched: one tier
        return [(f"SELECT rowid AS id, r AS score FROM ({FTS5_NEWEST})", [match, bound])]  # noqa: S608
    title = fts5_match(words, terms, autocomplete, title=True)
    return [
        (f"SELECT rowid AS id, r - {TITLE_FIRST} AS score FROM ({FTS5_NEWEST})", [title, bound]),  # noqa: S608
        (f"SELECT rowid AS id, r AS score FROM ({FTS5_NEWEST})", [match, bound]),  # noqa: S608
    ]


def tsquery(terms: list[str], autocomplete: bool, title: bool = False) -> str:
    """The `to_tsquery` text: the words' letter-and-digit parts, each quoted, all required;
    for autocompletion restricted to the title (weight A), the last one a prefix. `title`:
    for the index of the title's words (no weights), the last one a prefix when
    autocompleting."""
    parts = [[piece.lower() for piece in TERM.findall(term)] for term in terms]
    lexemes = []
    for position, pieces in enumerate(parts):
        last = position == len(parts) - 1
        for piece in pieces:
            prefix = "*" if autocomplete and last else ""
            weight = "A" if autocomplete and not title else ""
            suffix = f":{prefix}{weight}" if prefix or weight else ""
            lexemes.append(f"'{piece}'{suffix}")
    return " & ".join(lexemes)


def _postgresql(
    words: list[str], terms: list[str], autocomplete: bool, bound: int
) -> list[tuple[str, list[Any]]]:
    """The tiers of candidates (`id`, `score`), unordered: the newest `bound` matches by id,
    read through the GIN indexes (title matches through the index of the title's words,
    migration 0017; `id + 0`: never by walking the primary key backwards and testing every
    row), ranked with ts_rank only then (title matches: minus it; the others: minus it
    from `TITLE_FIRST`); autocompletion: the title's alone."""
    marks = ", ".join(["%s"] * len(words))
    newest = (
        "(SELECT id FROM portal_searchdocument "  # noqa: S608
        f"WHERE scope IN ({marks}) AND {{vector}} @@ to_tsquery('simple', %s) "
        "ORDER BY id + 0 DESC LIMIT %s)"
    )
    ranked = (
        "SELECT c.id, {base} - ts_rank(s.document, q) AS score FROM {newest} AS c "
        "JOIN portal_searchdocument s ON s.id = c.id CROSS JOIN to_tsquery('simple', %s) AS q"
    )
    title = tsquery(terms, autocomplete, title=True)
    query = tsquery(terms, autocomplete)
    in_title = newest.format(vector="to_tsvector('simple', title)")
    tiers = [(ranked.format(base="0.0::float8", newest=in_title), [*words, title, bound, query])]
    if not autocomplete:  # the title alone is searched: one tier
        anywhere = newest.format(vector="document")
        base = f"{TITLE_FIRST}::float8"
        tiers.append((ranked.format(base=base, newest=anywhere), [*words, query, bound, query]))
    return tiers
