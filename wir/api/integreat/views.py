"""The Integreat CMS API v3 endpoints for reading (see docs/integreat-api.md).

Thin views: check the region, language and query parameters (`params`), then let
`cached_json` answer with what `queries` loads and `serializers` shapes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from wagtail.models import Page

from wir.api.http import cached_json, json_error
from wir.api.integreat import locations as places
from wir.api.integreat import queries, serializers
from wir.api.integreat.params import (
    MAX_ID,
    BadParameterError,
    api_view,
    find_page,
    find_region,
    flag_param,
    int_param,
    scoped,
)
from wir.api.integreat.queries import PageNode, PageTree, Scope
from wir.core.models import Region
from wir.core.queries import visible_languages
from wir.core.translations import translation_or_original
from wir.portal.models import News, Offer, offer_subpath

# Without combine_recurring, recurring events are listed once per date this many days
# ahead (the horizon of the Integreat app's own expansion of rules, 6 years), at most
# recurrence.MAX_OCCURRENCES dates each; an event with no date that soon, with its next.
EVENT_DAYS = 6 * 366
NEWS_PAGE_SIZE = 20
NEWS_MAX_PAGE_SIZE = 500


# --- regions and languages ------------------------------------------------------------


@api_view()
def regions(request: HttpRequest) -> HttpResponse:
    def build() -> list[dict[str, Any]]:
        return [
            serializers.region_dict(r, queries.region_languages(r), r.municipalities)  # type: ignore[attr-defined]
            for r in queries.active_regions()
        ]

    return cached_json(request, build, region=None)


@api_view()
def region_detail(request: HttpRequest, region: str) -> HttpResponse:
    found = next(iter(queries.active_regions(slug=region)), None)
    if found is None:
        return json_error(request, 404, f"Unknown region '{region}'.")
    return cached_json(
        request,
        lambda: serializers.region_dict(
            found,
            queries.region_languages(found),
            found.municipalities,  # type: ignore[attr-defined]
        ),
        region=found,
    )


@api_view()
def languages(request: HttpRequest, region: str, language: str | None = None) -> HttpResponse:
    found = find_region(region)
    if found is None:
        return json_error(request, 404, f"Unknown region '{region}'.")
    public = [rl.language for rl in visible_languages(found)]
    if language is not None and language not in {lang.code for lang in public}:
        return json_error(request, 404, f"Language '{language}' is not offered in '{region}'.")
    return cached_json(
        request, lambda: [serializers.language_dict(lang) for lang in public], region=found
    )


# --- pages -----------------------------------------------------------------------------


def changed_at(page: Page, region: Region) -> Any:
    return (
        page.last_published_at
        or page.first_published_at
        or page.latest_revision_created_at
        or region.created_at
    )


def page_dicts(scope: Scope, tree: PageTree, nodes: list[PageNode]) -> list[dict[str, Any]]:
    """Pages in Integreat's shape; a fixed number of queries for any number of pages."""
    sources = queries.page_sources(nodes)
    nodes = [node for node in nodes if node.pk in sources]
    texts = [sources[n.pk].text for n in nodes]
    if any(sources[n.pk].lists_contacts for n in nodes):
        contacts = serializers.contacts_html(scope, queries.public_contacts(scope))
        texts = [
            text + contacts if sources[n.pk].lists_contacts else text
            for n, text in zip(nodes, texts, strict=True)
        ]
    contents = queries.expand_rich_text(texts, scope.base_url, tree, scope.language)
    offers = queries.embedded_offers(scope, [n.pk for n in nodes])
    extras = queries.page_extras([n.pk for n in nodes])
    organisations = queries.page_organisations(list(sources.values()))
    directories = queries.directory_paths(scope.region)
    directory = translation_or_original(directories, scope.language)
    return [
        serializers.page_dict(
            scope,
            tree,
            node,
            title=sources[node.pk].title,
            content=content,
            changed=sources[node.pk].changed or scope.region.created_at,
            offers=[
                *(
                    serializers.embedded_offer_dict(scope, directory, offer)
                    for offer in offers.get(node.pk, [])
                ),
                *(serializers.extra_dict(extra) for extra in extras.get(node.pk, [])),
            ],
            organization=serializers.organization_dict(
                organisations.get(sources[node.pk].organisation_id or 0)
            ),
        )
        for node, content in zip(nodes, contents, strict=True)
    ]


@api_view()
@scoped
def pages(request: HttpRequest, scope: Scope) -> HttpResponse:
    def build() -> bytes:
        tree = queries.page_tree(scope.region)
        return serializers.encode_pages(page_dicts(scope, tree, tree.in_language(scope.language)))

    return cached_json(request, build, region=scope.region)


def page_answer(
    request: HttpRequest, scope: Scope, select: Callable[[PageTree], list[PageNode] | None]
) -> HttpResponse:
    """Answer with the pages `select` picks from the tree; it may raise KeyError (404)
    or BadParameterError (400). The tree is loaded once and reused by the build."""
    tree = queries.page_tree(scope.region)
    try:
        chosen = select(tree)
    except KeyError:
        return json_error(request, 404, "No public page matches the given url or id.")
    return cached_json(
        request,
        lambda: serializers.encode_pages(page_dicts(scope, tree, chosen or [])),
        region=scope.region,
    )


@api_view()
@scoped
def children(request: HttpRequest, scope: Scope) -> HttpResponse:
    """`depth` levels below the page given by `url`/`id`, the page itself included; without
    them, the top-level pages and `depth - 1` levels below them (Integreat's rule)."""
    depth = int_param(request, "depth", 1, 0, 50)

    def select(tree: PageTree) -> list[PageNode]:
        node = find_page(request, scope, tree)
        if node is not None:
            return tree.subtree(node, depth)
        return [n for n in tree.in_language(scope.language) if n.level <= depth]

    return page_answer(request, scope, select)


@api_view()
@scoped
def single_page(request: HttpRequest, scope: Scope) -> HttpResponse:
    if not request.GET.get("id") and not request.GET.get("url"):
        raise BadParameterError("url", "Either the url or the id parameter is required.")

    tree = queries.page_tree(scope.region)
    try:
        node = find_page(request, scope, tree)
    except KeyError:
        return json_error(request, 404, "No public page matches the given url or id.")
    assert node is not None  # url or id was given
    return cached_json(request, lambda: page_dicts(scope, tree, [node])[0], region=scope.region)


@api_view()
@scoped
def parents(request: HttpRequest, scope: Scope) -> HttpResponse:
    """The ancestors of a page, from the top level down to its parent."""
    if not request.GET.get("id") and not request.GET.get("url"):
        raise BadParameterError("url", "Either the url or the id parameter is required.")

    def select(tree: PageTree) -> list[PageNode]:
        node = find_page(request, scope, tree)
        assert node is not None
        return tree.ancestors(node)

    return page_answer(request, scope, select)


@api_view()
@scoped
def imprint(request: HttpRequest, scope: Scope) -> HttpResponse:
    tree = queries.page_tree(scope.region)
    page, fallback = queries.imprint(tree, scope.language)
    if page is None:
        return json_error(request, 404, f"Region '{scope.region.slug}' has no imprint yet.")

    def build() -> dict[str, Any]:
        [content] = queries.expand_rich_text([page.body], scope.base_url, tree, scope.language)
        return serializers.imprint_dict(
            scope,
            tree,
            tree.by_pk[page.pk],
            title=page.title,
            content=content,
            changed=changed_at(page, scope.region),
            fallback=fallback,
        )

    return cached_json(request, build, region=scope.region)


# --- events, locations, offers ---------------------------------------------------------


def section_url(scope: Scope, paths: dict[str, str], tail: str) -> str:
    path = translation_or_original(paths, scope.language)
    return serializers.absolute(scope, f"{path}{tail}" if path else scope.prefix())


@api_view()
@scoped
def events(request: HttpRequest, scope: Scope) -> HttpResponse:
    """Upcoming events; recurring ones once per date for EVENT_DAYS days, or once with
    their rule when `combine_recurring` is given (as the app asks since 2023: it expands
    the rule itself, so every recurring event with a date still to come is listed)."""
    combine = "combine_recurring" in request.GET and flag_param(request, "combine_recurring")
    if not scope.region.events_enabled:
        return cached_json(request, list, region=scope.region)

    def build() -> list[dict[str, Any]]:
        found = queries.public_events(scope)
        translations = queries.event_siblings(scope, found)
        event_paths = queries.events_paths(scope.region)
        directories = queries.directory_paths(scope.region)
        result: list[dict[str, Any]] = []
        for event in found:
            event_url = section_url(scope, event_paths, f"veranstaltung/{event.pk}/")
            place_url = (
                section_url(scope, directories, f"ort/{event.place_id}/")
                if event.place_id
                else None
            )
            # The place's entry in locations/, when that list is served.
            place_path = (
                places.place_path(scope, event.place)
                if event.place and scope.region.locations_enabled
                else None
            )
            siblings = translations.get(event.translation_key, {})
            starts = (
                [None]
                if combine or not event.recurrence
                else queries.upcoming_starts(event, EVENT_DAYS)
            )
            result.extend(
                serializers.event_dict(
                    scope,
                    event,
                    siblings,
                    event_url=event_url,
                    place_url=place_url,
                    place_path=place_path,
                    occurrence=start,
                )
                for start in starts
            )
        if not combine:
            result.sort(key=lambda item: item["event"]["start"])
        return result

    return cached_json(request, build, region=scope.region)


@api_view()
@scoped
def locations(request: HttpRequest, scope: Scope) -> HttpResponse:
    """Every public offer at a place, then every place of the region on its own (all
    have coordinates, so `on_map` changes nothing); the two kinds: module `locations`."""
    flag_param(request, "on_map")
    if not scope.region.locations_enabled:
        return cached_json(request, list, region=scope.region)

    def build() -> list[dict[str, Any]]:
        found = queries.public_locations(scope)
        translations = queries.offer_siblings(scope, found)
        directories = queries.directory_paths(scope.region)
        contacts = queries.contacts_by_place(scope)
        offers_at: dict[int, list[tuple[Offer, str]]] = {}
        entries = []
        for offer in found:
            assert offer.place_id is not None
            url = section_url(scope, directories, offer_subpath(offer.pk))
            offers_at.setdefault(offer.place_id, []).append((offer, url))
            entries.append(
                places.location_dict(
                    scope,
                    offer,
                    translations.get(offer.translation_key, {}),
                    offer_url=url,
                    contacts=contacts.get(offer.place_id, []),
                )
            )
        entries.extend(
            places.place_location_dict(
                scope,
                place,
                place_url=section_url(scope, directories, f"ort/{place.pk}/"),
                offers=offers_at.get(place.pk, []),
                contacts=contacts.get(place.pk, []),
            )
            for place in queries.public_places(scope)
        )
        return entries

    return cached_json(request, build, region=scope.region)


@api_view()
def offers(request: HttpRequest, region: str, language: str | None = None) -> HttpResponse:
    """Integreat's "offers" (extras: external tools such as job boards): we have none."""
    found = find_region(region)
    if found is None:
        return json_error(request, 404, f"Unknown region '{region}'.")
    return cached_json(request, list, region=found)


# --- news ------------------------------------------------------------------------------


def news_window(request: HttpRequest) -> slice:
    """Newest first, `count` (or `size`) per `page` (older apps page through news); without
    any of them all news, up to NEWS_MAX_PAGE_SIZE: the app (since 2026.8) asks `news`
    without paging and shows what it gets."""
    if not {"page", "count", "size"} & set(request.GET):
        return slice(0, NEWS_MAX_PAGE_SIZE)
    page = int_param(request, "page", 1, 1, 10_000)
    count = int_param(request, "count", NEWS_PAGE_SIZE, 1, NEWS_MAX_PAGE_SIZE)
    if "size" in request.GET:
        count = int_param(request, "size", NEWS_PAGE_SIZE, 1, NEWS_MAX_PAGE_SIZE)
    return slice((page - 1) * count, page * count)


@api_view()
@scoped
def news(request: HttpRequest, scope: Scope) -> HttpResponse:
    """news: the shape the app reads since release 2026.8 (string ids "local-<id>")."""
    window = news_window(request)

    def build() -> list[dict[str, Any]]:
        items = list(queries.public_news(scope)[window])
        translations = queries.news_siblings(scope, items)
        return [
            serializers.news_dict(scope, item, translations.get(item.translation_key, {}))
            for item in items
        ]

    return cached_json(request, build, region=scope.region)


@api_view()
@scoped
def push_news(request: HttpRequest, scope: Scope) -> HttpResponse:
    """fcm/: the older push-notification list (`channel` is accepted and ignored: we have
    one channel, news); with `id`, a list holding just that item (empty when unknown),
    as older apps open a single news item."""
    wanted = int_param(request, "id", 0, 0, MAX_ID) if "id" in request.GET else None
    window = news_window(request)

    def build() -> list[dict[str, Any]]:
        if wanted is None:
            items = list(queries.public_news(scope)[window])
        else:
            item = news_by_id(scope, wanted)
            items = [item] if item is not None else []
        translations = queries.news_siblings(scope, items)
        return [
            serializers.push_news_dict(scope, item, translations.get(item.translation_key, {}))
            for item in items
        ]

    return cached_json(request, build, region=scope.region)


def news_by_id(scope: Scope, pk: int) -> News | None:
    """The public news with that id, or its translation in the scope's language (else
    German): any language's id opens the item, as with pages."""
    key = (
        News.objects.filter(region=scope.region, pk=pk)
        .values_list("translation_key", flat=True)
        .first()
    )
    return queries.public_news(scope).filter(translation_key=key).first() if key else None


def news_number(news_id: str) -> int:
    """The number in "local-12" (the app's ids since 2026.8) or "12" (older links)."""
    number = news_id.removeprefix(serializers.NEWS_ID_PREFIX)
    if not number.isascii() or not number.isdigit() or int(number) > MAX_ID:
        raise BadParameterError(
            "id", f"The news id must be 'local-' and a whole number, not '{news_id[:40]}'."
        )
    return int(number)


@api_view()
@scoped
def news_item(request: HttpRequest, scope: Scope, news_id: str) -> HttpResponse:
    item = news_by_id(scope, news_number(news_id))
    if item is None:
        return json_error(request, 404, f"No public news with id {news_id} in this region.")

    def build() -> dict[str, Any]:
        translations = queries.news_siblings(scope, [item])
        return serializers.news_dict(scope, item, translations.get(item.translation_key, {}))

    return cached_json(request, build, region=scope.region)
