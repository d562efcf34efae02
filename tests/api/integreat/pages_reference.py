"""The `pages/` answer as it was built before it was made fast (speed2): every page loaded
as its full specific object, the excerpt through Django's `strip_tags`, the tree, the
contacts and the section pages read through the ORM (api3 reads them as plain SQL). The
oracle that the fast build must match byte for byte (test_pages_render.py); bench/bench_api.py
times it as the baseline of the uncached render."""

from __future__ import annotations

import html
from collections import defaultdict
from itertools import groupby
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.translation import override
from wagtail.models import Page

from wir.api.integreat import queries, serializers
from wir.api.integreat.queries import HOME_DEPTH, STEP, PageNode, PageTree, Scope
from wir.core.models import Region
from wir.core.translations import localized, translation_or_original
from wir.portal.directory import offers_in_language
from wir.portal.models import (
    Contact,
    ContactsPage,
    ContentPage,
    DirectoryPage,
    LegalPage,
    Offer,
    PageExtra,
)
from wir.portal.models.contacts import Topic
from wir.portal.publication import subtree


def page_tree(region: Region) -> PageTree:
    if region.root_page is None:
        return PageTree([])
    rows = (
        Page.objects.live()
        .public()
        .filter(subtree(region.root_page.path), depth__gte=HOME_DEPTH)
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))
        .order_by("path")
        .values_list(
            "pk",
            "path",
            "depth",
            "url_path",
            "translation_key",
            "locale__language_code",
            "content_type_id",
        )
    )
    reachable: dict[str, PageNode] = {}
    for pk, path, depth, url_path, key, language, kind in rows:
        if depth == HOME_DEPTH or path[:-STEP] in reachable:
            reachable[path] = PageNode(pk, path, depth, url_path, key, language, kind)
    return PageTree(list(reachable.values()))


def directory_paths(region: Region) -> dict[str, str]:
    assert region.root_page is not None
    rows = (
        DirectoryPage.objects.live()
        .filter(subtree(region.root_page.path), depth=HOME_DEPTH + 1)
        .values_list("locale__language_code", "url_path")
    )
    return dict(rows)


def public_contacts(scope: Scope) -> list[Contact]:
    return list(
        localized(Contact.objects.filter(region=scope.region), scope.language)
        .select_related("place")
        .order_by("topic", "position", "role")
    )


def contacts_html(scope: Scope, contacts: list[Contact]) -> str:
    parts = []
    with override(scope.language):
        labels = {value: str(label) for value, label in Topic.choices}
    for topic, group in groupby(contacts, key=lambda c: c.topic):
        items = []
        for contact in group:
            details = [f"<strong>{escape(contact.role)}</strong>"]
            if contact.phone:
                details.append(f'<a href="tel:{escape(contact.phone)}">{escape(contact.phone)}</a>')
            if contact.email:
                details.append(
                    f'<a href="mailto:{escape(contact.email)}">{escape(contact.email)}</a>'
                )
            if contact.office_hours:
                details.append(escape(contact.office_hours))
            if contact.place is not None:
                details.append(escape(str(contact.place)))
            items.append(f"<li>{'<br>'.join(details)}</li>")
        parts.append(f"<h2>{escape(labels.get(topic, topic))}</h2><ul>{''.join(items)}</ul>")
    return "".join(parts)


def plain_text(markup: str) -> str:
    text = html.unescape(strip_tags(serializers.BLOCK_END.sub(r"\1 ", markup)))
    return serializers.SPACES.sub(" ", text).strip()


def page_text(page: Page) -> str:
    if isinstance(page, ContentPage):
        intro = f"<p>{escape(page.intro)}</p>" if page.intro else ""
        return intro + page.body
    if isinstance(page, LegalPage):
        return str(page.body)
    return str(getattr(page, "intro", "") or "")


def changed_at(page: Page, region: Region) -> Any:
    return (
        page.last_published_at
        or page.first_published_at
        or page.latest_revision_created_at
        or region.created_at
    )


def embedded_offers(scope: Scope, page_ids: list[int]) -> dict[int, list[Offer]]:
    from wir.portal.models import PageOffer

    rows = list(
        PageOffer.objects.filter(page_id__in=page_ids)
        .order_by("page_id", "sort_order", "pk")
        .values_list("page_id", "offer__translation_key")
    )
    if not rows:
        return {}
    keys = {key for _page, key in rows}
    found = {
        offer.translation_key: offer
        for offer in offers_in_language(scope.region, scope.language).filter(
            translation_key__in=keys
        )
    }
    chosen: dict[int, list[Offer]] = defaultdict(list)
    for page_id, key in rows:
        if key in found:
            chosen[page_id].append(found[key])
    return chosen


def page_extras(page_ids: list[int]) -> dict[int, list[PageExtra]]:
    chosen: dict[int, list[PageExtra]] = defaultdict(list)
    for extra in PageExtra.objects.filter(page_id__in=page_ids).order_by("sort_order", "pk"):
        chosen[extra.page_id].append(extra)
    return chosen


def page_dict(
    scope: Scope,
    tree: PageTree,
    node: PageNode,
    *,
    title: str,
    content: str,
    changed: Any,
    offers: list[dict[str, Any]],
    organization: dict[str, Any] | None,
) -> dict[str, Any]:
    return {
        "id": node.pk,
        "url": serializers.absolute(scope, node.url_path),
        "path": node.url_path,
        "title": title,
        **serializers.stamps(changed),
        "excerpt": plain_text(content),
        "content": content,
        "parent": serializers.parent_dict(scope, tree, node),
        "order": node.order,
        "available_languages": serializers.page_translations(scope, tree, node),
        "thumbnail": None,
        "organization": organization,
        "embedded_offers": offers,
        "hash": None,
    }


def extra_dict(extra: PageExtra) -> dict[str, Any]:
    return {
        "name": extra.name,
        "alias": extra.alias,
        "url": extra.url,
        "post": extra.post,
        "thumbnail": extra.thumbnail,
    }


def page_dicts(scope: Scope, tree: PageTree, nodes: list[PageNode]) -> list[dict[str, Any]]:
    specific = (
        {p.pk: p for p in Page.objects.filter(pk__in=[n.pk for n in nodes]).specific()}
        if nodes
        else {}
    )
    nodes = [node for node in nodes if node.pk in specific]
    texts = [page_text(specific[n.pk]) for n in nodes]
    if any(isinstance(specific[n.pk], ContactsPage) for n in nodes):
        contacts = contacts_html(scope, public_contacts(scope))
        texts = [
            text + contacts if isinstance(specific[n.pk], ContactsPage) else text
            for n, text in zip(nodes, texts, strict=True)
        ]
    contents = queries.expand_rich_text(texts, scope.base_url, tree, scope.language)
    offers = embedded_offers(scope, [n.pk for n in nodes])
    extras = page_extras([n.pk for n in nodes])
    organisation_ids = {
        pk for page in specific.values() if (pk := getattr(page, "organisation_id", None))
    }
    from wir.portal.models import PageOrganisation

    organisations = PageOrganisation.objects.in_bulk(organisation_ids) if organisation_ids else {}
    directory = translation_or_original(directory_paths(scope.region), scope.language)
    return [
        page_dict(
            scope,
            tree,
            node,
            title=specific[node.pk].title,
            content=content,
            changed=changed_at(specific[node.pk], scope.region),
            offers=[
                *(
                    serializers.embedded_offer_dict(scope, directory, offer)
                    for offer in offers.get(node.pk, [])
                ),
                *(extra_dict(extra) for extra in extras.get(node.pk, [])),
            ],
            organization=serializers.organization_dict(
                organisations.get(getattr(specific[node.pk], "organisation_id", None) or 0)
            ),
        )
        for node, content in zip(nodes, contents, strict=True)
    ]
