"""Reading what the Integreat API shows: one region's public content in one language.

Every loader here runs a fixed number of queries, however many rows there are; the
serializers then work on plain, already loaded objects.
"""

from __future__ import annotations

import html
import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Prefetch, Q
from django.utils import timezone
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from wir.api.integreat import sql
from wir.core.languages import DEFAULT_LANGUAGE
from wir.core.models import Area, Language, Region, RegionLanguage
from wir.core.translations import localized
from wir.portal.directory import offers_in_language
from wir.portal.models import (
    Contact,
    ContactsPage,
    ContentPage,
    DirectoryPage,
    Event,
    EventIndexPage,
    LegalPage,
    News,
    Offer,
    OpeningSlot,
    PageOrganisation,
    Place,
)
from wir.portal.publication import PATH_MAX_LENGTH, visible
from wir.portal.recurrence import RuleError, parse_rule

logger = logging.getLogger(__name__)
HOME_DEPTH = 3  # Wagtail root (1) → region root (2) → home page of a language (3)
STEP = 4  # characters per tree level in treebeard paths


@dataclass(frozen=True)
class Scope:
    """The region and language of a request, and the absolute base of public URLs."""

    region: Region
    language: str
    languages: tuple[str, ...]  # the region's visible languages, in their order
    base_url: str

    def prefix(self, language: str | None = None) -> str:
        return f"/{self.region.slug}/{language or self.language}/"


# --- regions and languages ------------------------------------------------------------


def active_regions(slug: str | None = None) -> list[Region]:
    """Public regions (or the one with `slug`) with their visible languages and
    municipalities (3 queries)."""
    regions = Region.objects.filter(is_active=True)
    if slug is not None:
        regions = regions.filter(slug=slug)
    return list(
        regions.order_by("name").prefetch_related(
            Prefetch(
                "region_languages",
                queryset=RegionLanguage.objects.filter(is_visible=True)
                .select_related("language")
                .order_by("position", "language__code"),
                to_attr="public_languages",
            ),
            Prefetch(
                "areas",
                queryset=Area.objects.filter(kind=Area.Kind.MUNICIPALITY).order_by("name"),
                to_attr="municipalities",
            ),
        )
    )


def region_languages(region: Region) -> list[Language]:
    return [rl.language for rl in getattr(region, "public_languages", [])]


# --- the page tree ---------------------------------------------------------------------


@dataclass(frozen=True)
class PageNode:
    """A page as the tree needs it; loaded for all languages of a region at once."""

    pk: int
    path: str  # treebeard's materialised path
    depth: int
    url_path: str  # /{region}/{language}/.../
    translation_key: Any  # compared only: text on SQLite, a UUID on PostgreSQL
    language: str
    content_type: int = 0  # the id of the page's specific type

    @property
    def level(self) -> int:
        """1 for the pages right below a home page (Integreat's top level)."""
        return self.depth - HOME_DEPTH

    @property
    def order(self) -> int:
        """The rank among siblings, from the last step of the tree path."""
        return int(self.path[-STEP:], 36)


@dataclass
class PageTree:
    """The reachable pages of a region: live, public, not expired, and so are all their
    ancestors (a page below an unpublished one cannot be opened, so it is not listed)."""

    nodes: list[PageNode]
    by_path: dict[str, PageNode] = field(default_factory=dict)
    by_url: dict[str, PageNode] = field(default_factory=dict)
    by_pk: dict[int, PageNode] = field(default_factory=dict)
    translations: dict[Any, dict[str, PageNode]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for node in self.nodes:
            self.by_path[node.path] = node
            self.by_url[node.url_path] = node
            self.by_pk[node.pk] = node
            self.translations.setdefault(node.translation_key, {})[node.language] = node

    def in_language(self, language: str) -> list[PageNode]:
        """Integreat's pages: everything below the language's home page, in tree order."""
        return [n for n in self.nodes if n.language == language and n.depth > HOME_DEPTH]

    def parent(self, node: PageNode) -> PageNode | None:
        if node.depth <= HOME_DEPTH + 1:
            return None
        return self.by_path.get(node.path[:-STEP])

    def ancestors(self, node: PageNode) -> list[PageNode]:
        """From the top level down to the parent (the home page is not a page here)."""
        found = []
        parent = self.parent(node)
        while parent is not None:
            found.append(parent)
            parent = self.parent(parent)
        return found[::-1]

    def subtree(self, node: PageNode, levels: int) -> list[PageNode]:
        """`node` and its descendants at most `levels` levels below it, in tree order."""
        return [
            n for n in self.nodes if n.path.startswith(node.path) and n.depth <= node.depth + levels
        ]

    def translation(self, node: PageNode, language: str) -> PageNode | None:
        return self.translations.get(node.translation_key, {}).get(language)


def page_tree(region: Region) -> PageTree:
    """All reachable pages of the region in every language (one query)."""
    if region.root_page is None:
        return PageTree([])
    reachable: dict[str, PageNode] = {}
    for pk, path, depth, url_path, key, language, kind in sql.tree_rows(
        region.root_page.path, HOME_DEPTH, PATH_MAX_LENGTH
    ):
        if depth == HOME_DEPTH or path[:-STEP] in reachable:
            reachable[path] = PageNode(pk, path, depth, url_path, key, language, kind)
    return PageTree(list(reachable.values()))


@dataclass(frozen=True)
class PageSource:
    """What the API shows of a page, read as plain values (no page objects are built)."""

    title: str
    text: str  # the stored rich text it shows (see `page_text`)
    changed: datetime | None  # last published, else first published, else last revised
    organisation_id: int | None
    lists_contacts: bool  # the contacts page: the region's contacts follow its text


def page_text(model: type[Page], intro: str, body: str) -> str:
    """The stored rich text a page shows: content pages their intro (plain text) and body,
    legal pages their body, section pages (directory, events, contacts) their intro."""
    if issubclass(model, ContentPage):
        return (f"<p>{html.escape(intro)}</p>" if intro else "") + body  # Django's escape
    if issubclass(model, LegalPage):
        return body
    return intro


def page_sources(nodes: list[PageNode]) -> dict[int, PageSource]:
    """Title, text and change time of each page (one query: the page table joined with the
    table of each page type among them, reading only what the API shows)."""
    models: dict[int, type[Page]] = {}
    for type_id in {node.content_type for node in nodes}:
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is not None and issubclass(model, Page) and model is not Page:
            models[type_id] = model
    if not models:
        return {}
    columns: dict[int, dict[str, tuple[type[Model], str]]] = {}  # per type: ours → column
    for type_id, model in models.items():
        names = {f.name for f in model._meta.get_fields()}
        wanted = [name for name in ("intro", "body", "organisation") if name in names]
        columns[type_id] = {name: (model._meta.get_field(name).model, name) for name in wanted}
    found: dict[int, PageSource] = {}
    for pk, type_id, title, changed, own in sql.source_rows([n.pk for n in nodes], columns):
        model = models[type_id]
        found[pk] = PageSource(
            title=title,
            text=page_text(model, own.get("intro") or "", own.get("body") or ""),
            changed=changed,
            organisation_id=own.get("organisation"),
            lists_contacts=issubclass(model, ContactsPage),
        )
    return found


def section_paths(region: Region, model: type[Page]) -> dict[str, str]:
    """url_path of a region's section page of `model` (directory, events) per language."""
    if region.root_page is None:
        return {}
    return dict(sql.section_rows(model, region.root_page.path, HOME_DEPTH + 1, PATH_MAX_LENGTH))


def directory_paths(region: Region) -> dict[str, str]:
    return section_paths(region, DirectoryPage)


def events_paths(region: Region) -> dict[str, str]:
    return section_paths(region, EventIndexPage)


def imprint(tree: PageTree, language: str) -> tuple[LegalPage | None, bool]:
    """The imprint in `language`, else the German one; True when it is the fallback."""
    candidates = LegalPage.objects.filter(
        pk__in=[n.pk for n in tree.nodes if n.depth == HOME_DEPTH + 1],
        kind=LegalPage.Kind.IMPRINT,
    ).select_related("locale")
    by_language = {page.locale.language_code: page for page in candidates}
    if language in by_language:
        return by_language[language], False
    return by_language.get(DEFAULT_LANGUAGE), True


# --- rich text -------------------------------------------------------------------------

SEPARATOR = "<!--wir:next-->"
RELATIVE_URL = re.compile(r'(\s(?:href|src)=")/(?!/)')
PAGE_LINK = re.compile(r"<a\b(?=[^>]*\blinktype=\"page\")[^>]*>")
LINKED_ID = re.compile(r'\bid="(\d+)"')


def link_pages(text: str, tree: PageTree, language: str, base_url: str) -> str:
    """Links to pages from the tree already loaded, in `language` where translated; a
    link to a page that is not public loses its target (no query per link)."""

    def replace(match: re.Match[str]) -> str:
        found = LINKED_ID.search(match.group(0))
        node = tree.by_pk.get(int(found.group(1))) if found else None
        if node is not None:
            node = tree.translation(node, language) or node
        return f'<a href="{base_url}{node.url_path}">' if node is not None else "<a>"

    return PAGE_LINK.sub(replace, text)


def expand_rich_text(
    texts: list[str], base_url: str, tree: PageTree | None = None, language: str = DEFAULT_LANGUAGE
) -> list[str]:
    """Wagtail's stored rich text as public HTML with absolute links.

    Page links are resolved from `tree`; the rest (documents, images) is expanded by
    Wagtail in one pass over all texts, so that it batches its look-ups for all of them.
    """
    if not texts:
        return []
    if tree is not None:
        texts = [link_pages(text, tree, language, base_url) for text in texts]
    expanded = expand_db_html(SEPARATOR.join(texts)).split(SEPARATOR)
    if len(expanded) != len(texts):  # an editor typed the separator: expand one by one
        expanded = [expand_db_html(text) for text in texts]
    return [RELATIVE_URL.sub(rf"\1{base_url}/", html) for html in expanded]


# --- contacts (shown on the contacts page) ---------------------------------------------


@dataclass(frozen=True)
class ContactLine:
    """A contact (a role) as the contacts page lists it."""

    topic: str
    role: str
    phone: str
    email: str
    office_hours: str
    place: str | None  # the place's name, and town if it has one (as `Place.__str__`)


def public_contacts(scope: Scope) -> list[ContactLine]:
    """The region's contacts (roles) in the language, else German, by topic (one query)."""
    return [
        ContactLine(
            topic,
            role,
            phone,
            email,
            office_hours,
            None if name is None else (f"{name}, {town}" if town else name),
        )
        for topic, role, phone, email, office_hours, name, town in sql.contact_rows(
            scope.region.pk, scope.language, DEFAULT_LANGUAGE
        )
    ]


# --- offers embedded in pages ----------------------------------------------------------


@dataclass(frozen=True)
class OfferLink:
    """An offer as a page embeds it: its id and title in the visitor's language."""

    pk: int
    title: str


def embedded_offers(scope: Scope, page_ids: list[int]) -> dict[int, list[OfferLink]]:
    """The public offers chosen for each page, in the scope's language, else the German
    original (one query; plain values, no offer objects)."""
    if not page_ids:
        return {}
    languages = (scope.language, DEFAULT_LANGUAGE)
    rows = sql.offer_rows(page_ids, scope.region.pk, languages, timezone.localdate())
    found: dict[Any, OfferLink] = {}  # by translation key
    for _choice, _page, key, language, pk, title in rows:
        if language == scope.language or key not in found:
            found[key] = OfferLink(pk, title)
    chosen: dict[int, list[OfferLink]] = defaultdict(list)
    seen: set[int] = set()
    for choice, page_id, key, *_rest in rows:  # each choice once (two rows if translated)
        if choice not in seen:
            seen.add(choice)
            chosen[page_id].append(found[key])
    return chosen


@dataclass(frozen=True)
class Extra:
    """An external tool on a page (Integreat's embedded offers, imported)."""

    name: str
    alias: str
    url: str
    post: Any
    thumbnail: str


def page_extras(page_ids: list[int]) -> dict[int, list[Extra]]:
    """The external tools (Integreat's embedded offers) of each page, in order (one query)."""
    chosen: dict[int, list[Extra]] = defaultdict(list)
    if not page_ids:
        return chosen
    for page_id, *values in sql.extra_rows(page_ids):
        chosen[page_id].append(Extra(*values))
    return chosen


def page_organisations(sources: list[PageSource]) -> dict[int, PageOrganisation]:
    """The organisations responsible for the pages, by id (one query, none if there are none)."""
    ids = {source.organisation_id for source in sources if source.organisation_id is not None}
    return PageOrganisation.objects.in_bulk(ids) if ids else {}


# --- translations of snippets (events, offers, news) -----------------------------------


@dataclass(frozen=True)
class Sibling:
    """A translation of a snippet, as far as available_languages needs it."""

    pk: int
    language: str
    title: str


def siblings(rows: Any) -> dict[UUID, dict[str, Sibling]]:
    """Group (pk, translation_key, language, title) rows by translation key."""
    grouped: dict[UUID, dict[str, Sibling]] = defaultdict(dict)
    for pk, key, language, title in rows:
        grouped[key][language] = Sibling(pk, language, title)
    return grouped


SIBLING_FIELDS = ("pk", "translation_key", "locale__language_code", "title")


# --- events ----------------------------------------------------------------------------


def start_of_today() -> datetime:
    """Answers are built at most once a day per content version: count from midnight."""
    return timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)


def public_events(scope: Scope) -> list[Event]:
    """Live events in the language (else German) that have not ended before today."""
    today = start_of_today()
    candidates = (
        localized(visible(Event.objects.filter(region=scope.region)), scope.language)
        .filter(Q(end__gt=today) | ~Q(recurrence=""))
        .select_related("place", "locale")
        .order_by("start", "pk")
    )
    return [event for event in candidates if is_upcoming(event)]


def event_siblings(scope: Scope, events: list[Event]) -> dict[UUID, dict[str, Sibling]]:
    keys = {event.translation_key for event in events}
    rows = Event.objects.filter(
        region=scope.region, live=True, translation_key__in=keys
    ).values_list(*SIBLING_FIELDS)
    return siblings(rows)


def upcoming_starts(event: Event, days: int) -> list[datetime]:
    """Starts of the occurrences from today on, within `days` days and at most
    `recurrence.MAX_OCCURRENCES`; when none falls within them, the next one however far
    ahead (so an event that starts in years is still listed). None for a rule that cannot
    be read: such an event is left out rather than failing the whole list."""
    today = start_of_today()
    try:
        found = event.occurrences_between(today, today + timedelta(days=days))
        if not found:
            following = next_start(event, today)
            return [following] if following is not None else []
    except RuleError:
        logger.warning("Event %s has an unreadable rule %r", event.pk, event.recurrence)
        return []
    return [occurrence.start for occurrence in found]


def next_start(event: Event, moment: datetime) -> datetime | None:
    """The start of the first occurrence still running at `moment` or beginning later."""
    rule = parse_rule(event.recurrence, event.start.astimezone(event.zone))
    running_from = (moment - (event.end - event.start)).astimezone(event.zone)
    local = rule.after(running_from.replace(tzinfo=None), inc=False)
    return local.replace(tzinfo=event.zone) if local is not None else None


def is_upcoming(event: Event) -> bool:
    """Not over before today: a one-off event by its end, a recurring one by its rule."""
    today = start_of_today()
    if not event.recurrence:
        return event.end > today
    try:
        rule = parse_rule(event.recurrence, event.start.astimezone(event.zone))
    except RuleError:
        logger.warning("Event %s has an unreadable rule %r", event.pk, event.recurrence)
        return False
    running_from = (today - (event.end - event.start)).astimezone(event.zone)
    return rule.after(running_from.replace(tzinfo=None), inc=False) is not None


# --- locations (offers at a place) -----------------------------------------------------


def public_locations(scope: Scope) -> list[Offer]:
    """Public offers at a place, in the language (else German), with opening hours."""
    return list(
        offers_in_language(scope.region, scope.language)
        .filter(place__isnull=False)
        .select_related("place", "locale")
        .prefetch_related(
            Prefetch("place__opening_slots", queryset=OpeningSlot.objects.order_by("weekday"))
        )
        .order_by("title", "pk")
    )


def public_places(scope: Scope) -> list[Place]:
    """Every place of the region with its opening hours (a place has no publication
    state of its own: its page in the directory is public), by name."""
    return list(
        Place.objects.filter(region=scope.region)
        .prefetch_related(
            Prefetch("opening_slots", queryset=OpeningSlot.objects.order_by("weekday"))
        )
        .order_by("name", "pk")
    )


def contacts_by_place(scope: Scope) -> dict[int, list[Contact]]:
    """The region's contacts (roles) at a place, in the language (else German)."""
    found: dict[int, list[Contact]] = defaultdict(list)
    contacts = localized(
        Contact.objects.filter(region=scope.region, place__isnull=False), scope.language
    ).order_by("topic", "position", "role", "pk")
    for contact in contacts:
        assert contact.place_id is not None
        found[contact.place_id].append(contact)
    return found


def offer_siblings(scope: Scope, offers: list[Offer]) -> dict[UUID, dict[str, Sibling]]:
    keys = {offer.translation_key for offer in offers}
    rows = (
        Offer.objects.public()
        .filter(region=scope.region, translation_key__in=keys)
        .values_list(*SIBLING_FIELDS)
    )
    return siblings(rows)


# --- news ------------------------------------------------------------------------------


def public_news(scope: Scope) -> Any:
    """Live, unexpired news in the language (else German), newest first."""
    live = News.objects.filter(region=scope.region, live=True).filter(
        Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())
    )
    return (
        localized(live, scope.language)
        .select_related("locale")
        .order_by("-last_published_at", "-pk")
    )


def news_siblings(scope: Scope, news: list[News]) -> dict[UUID, dict[str, Sibling]]:
    keys = {item.translation_key for item in news}
    rows = (
        News.objects.filter(region=scope.region, live=True, translation_key__in=keys)
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))
        .values_list(*SIBLING_FIELDS)
    )
    return siblings(rows)
