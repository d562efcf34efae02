"""Our content in the shapes of the Integreat CMS API v3: pure functions from loaded
objects to dicts (no queries; the views load everything first, see `queries`).

The shapes follow real Integreat answers (see docs/integreat-api.md): every key is always
present, missing values are null, never left out; an event without a place has a location
object whose fields are all null.
"""

from __future__ import annotations

import html
import re
import secrets
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from itertools import groupby
from json.encoder import encode_basestring
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.html import escape, linebreaks, strip_tags
from django.utils.text import slugify
from django.utils.translation import override

from wir.api.http import Encoded, dumps_text
from wir.api.integreat.queries import (
    ContactLine,
    Extra,
    OfferLink,
    PageNode,
    PageTree,
    Scope,
    Sibling,
)
from wir.core.languages import DEFAULT_LANGUAGE
from wir.core.models import Area, Language, Region
from wir.core.translations import translation_or_original
from wir.portal.models import (
    Event,
    News,
    Offer,
    PageOrganisation,
    Place,
    offer_path,
)
from wir.portal.models.contacts import Topic
from wir.portal.recurrence import rule_for_calendar

COUNTRY = "Deutschland"
UTC_UNTIL = re.compile(r"(UNTIL=\d{8}T\d{6})Z")
LOCATION_FIELDS = (
    "id",
    "name",
    "address",
    "town",
    "state",
    "postcode",
    "region",
    "country",
    "latitude",
    "longitude",
)
EMPTY_LOCATION: dict[str, Any] = dict.fromkeys(LOCATION_FIELDS)
TOP_LEVEL_PARENT: dict[str, Any] = {"id": 0, "url": None, "path": None}
# The prefix of news ids: the app (since 2026.8) keys news by "<source>-<id>".
NEWS_ID_PREFIX = "local-"


# --- small parts -----------------------------------------------------------------------


def absolute(scope: Scope, path: str) -> str:
    return f"{scope.base_url}{path}"


def link(scope: Scope, pk: int | None, path: str) -> dict[str, Any]:
    return {"id": pk, "url": absolute(scope, path), "path": path}


def stamps(moment: datetime) -> dict[str, datetime]:
    """Integreat gives the change time twice: in UTC ("…Z") and in local time."""
    return {"modified_gmt": moment.astimezone(UTC), "last_updated": timezone.localtime(moment)}


BLOCK_END = re.compile(r"(</(?:p|div|li|h[1-6]|td|th|blockquote)>|<br\s*/?>)", re.IGNORECASE)
SPACES = re.compile(r"\s+")


# Well-formed tags and comments, the only markup the fast excerpt removes itself: anything
# else (a stray "<", a quoted ">", script, CDATA, a bare "&") goes through `strip_tags`.
SIMPLE_MARKUP = re.compile(
    r"<[a-zA-Z][a-zA-Z0-9]*"
    r"(?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*"
    r"""(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'=<>`]+))?)*\s*/?>"""
    r"|</[a-zA-Z][a-zA-Z0-9]*\s*>"
    r"|<!--(?:(?!--)[^<>])*-->"
)
BARE_AMPERSAND = re.compile(r"&(?!#[0-9]+;|#[xX][0-9a-fA-F]+;|[a-zA-Z][a-zA-Z0-9]*;)")
RAW_TEXT = re.compile(r"<(?:script|style)", re.IGNORECASE)


def strip_simple_tags(markup: str) -> str:
    """Django's `strip_tags`, much faster for rich text made of well-formed tags only: what
    HTMLParser would remove is then exactly what SIMPLE_MARKUP matches."""
    if RAW_TEXT.search(markup) is None:
        text = SIMPLE_MARKUP.sub("", markup)
        if "<" not in text and BARE_AMPERSAND.search(text) is None:
            return text
    return strip_tags(markup)


# Excerpts are remembered by their markup (a pure function, so never stale): after an edit
# the answer is rebuilt, but only the changed pages' excerpts are made again. Bounded: the
# texts of this many pages per process (with `json_string`'s, roughly 10 to 20 MB at most
# for texts of a few KB; more pages than that are made again as before, only slower).
EXCERPTS_REMEMBERED = 1024


@lru_cache(maxsize=EXCERPTS_REMEMBERED)
def plain_text(markup: str) -> str:
    """Text without tags, blocks separated by a space (Integreat's excerpt)."""
    text = html.unescape(strip_simple_tags(BLOCK_END.sub(r"\1 ", markup)))
    return SPACES.sub(" ", text).strip()


def item_slug(title: str, pk: int) -> str:
    """A slug for things that have none of their own (events, locations): unique by id."""
    return f"{slugify(title, allow_unicode=True) or 'eintrag'}-{pk}"


def bcp47(code: str) -> str:
    """Our lower-case codes as BCP 47 tags ("zh-hans" → "zh-Hans")."""
    head, *rest = code.split("-")
    tail = [part.title() if len(part) == 4 else part.upper() for part in rest]
    return "-".join([head, *tail])


def coordinate(value: Any) -> float:
    return float(value)


# --- regions and languages ------------------------------------------------------------


def language_dict(language: Language) -> dict[str, Any]:
    return {
        "id": language.pk,
        "code": language.code,
        "bcp47_tag": bcp47(language.code),
        "native_name": language.native_name,
        "dir": "RIGHT_TO_LEFT" if language.is_rtl else "LEFT_TO_RIGHT",
    }


def region_dict(region: Region, languages: list[Language], towns: Iterable[Area]) -> dict[str, Any]:
    """A region ("site"); its municipalities are the aliases the app's search knows."""
    return {
        "id": region.pk,
        "name": region.full_name,
        "path": region.slug,
        "live": region.is_active,
        "prefix": region.prefix,
        "name_without_prefix": region.name,
        "plz": "",
        "extras": False,
        "events": region.events_enabled,
        "pois": region.locations_enabled,
        "push_notifications": True,
        "longitude": coordinate(region.longitude),
        "latitude": coordinate(region.latitude),
        "bounding_box": [
            [coordinate(region.bbox_west), coordinate(region.bbox_south)],
            [coordinate(region.bbox_east), coordinate(region.bbox_north)],
        ],
        "aliases": {
            town.name: {
                "latitude": coordinate(town.latitude),
                "longitude": coordinate(town.longitude),
            }
            for town in towns
            if town.name != region.name
        },
        "tunews": False,
        "external_news": False,
        # No chat here: the app then shows neither the chat nor its privacy policy.
        "is_chat_enabled": False,
        "zammad_privacy_policy": None,
        "languages": [language_dict(language) for language in languages],
    }


# --- pages -----------------------------------------------------------------------------


def contacts_html(scope: Scope, contacts: Sequence[ContactLine]) -> str:
    """The contacts page's list as HTML: per topic field a heading and the roles with
    phone, mail, office hours and place (roles, never people)."""
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
                details.append(escape(contact.place))
            items.append(f"<li>{'<br>'.join(details)}</li>")
        parts.append(f"<h2>{escape(labels.get(topic, topic))}</h2><ul>{''.join(items)}</ul>")
    return "".join(parts)


def page_translations(scope: Scope, tree: PageTree, node: PageNode) -> dict[str, Any]:
    """The page's translations in the region's other visible languages (only real ones)."""
    others = tree.translations.get(node.translation_key, {})
    return {
        language: link(scope, other.pk, other.url_path)
        for language in scope.languages
        if language != node.language and (other := others.get(language)) is not None
    }


def parent_dict(scope: Scope, tree: PageTree, node: PageNode) -> dict[str, Any]:
    parent = tree.parent(node)
    if parent is None:
        return dict(TOP_LEVEL_PARENT)
    return link(scope, parent.pk, parent.url_path)


def offer_url(scope: Scope, directory_path: str | None, offer: OfferLink) -> str:
    if directory_path is None:
        return absolute(scope, scope.prefix())
    return absolute(scope, offer_path(directory_path, offer.pk))


def embedded_offer_dict(
    scope: Scope, directory_path: str | None, offer: OfferLink
) -> dict[str, Any]:
    """An offer chosen for a page, in the shape of Integreat's embedded offers."""
    return {
        "name": offer.title,
        "alias": item_slug(offer.title, offer.pk),
        "url": offer_url(scope, directory_path, offer),
        "post": None,
        "thumbnail": "",
    }


def extra_dict(extra: Extra) -> dict[str, Any]:
    """An external tool on a page (imported from Integreat), as Integreat embeds it."""
    return {
        "name": extra.name,
        "alias": extra.alias,
        "url": extra.url,
        "post": extra.post,
        "thumbnail": extra.thumbnail,
    }


def organization_dict(organisation: PageOrganisation | None) -> dict[str, Any] | None:
    if organisation is None:
        return None
    return {
        "id": organisation.pk,
        "slug": organisation.slug,
        "name": organisation.name,
        "logo": organisation.logo_url,
        "website": organisation.website,
    }


def page_dict(
    scope: Scope,
    tree: PageTree,
    node: PageNode,
    *,
    title: str,
    content: str,
    changed: datetime,
    offers: list[dict[str, Any]],
    organization: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "id": node.pk,
        "url": absolute(scope, node.url_path),
        "path": node.url_path,
        "title": title,
        **stamps(changed),
        "excerpt": plain_text(content),
        "content": content,
        "parent": parent_dict(scope, tree, node),
        "order": node.order,
        "available_languages": page_translations(scope, tree, node),
        "thumbnail": None,
        "organization": organization,
        "embedded_offers": offers,
        "hash": None,
    }


# Stands for a page's excerpt and content while the rest of the page is encoded: random per
# process, so no text can contain it; the texts' JSON is remembered like the excerpts.
TEXT_MARK = f"wir-text-{secrets.token_hex(16)}"
QUOTED_TEXT_MARK = f'"{TEXT_MARK}"'


@lru_cache(maxsize=2 * EXCERPTS_REMEMBERED)
def json_string(text: str) -> str:
    """`text` as a JSON string, exactly as `json.dumps(..., ensure_ascii=False)` writes it."""
    return encode_basestring(text)


def encode_pages(pages: list[dict[str, Any]]) -> Encoded:
    """The JSON of `page_dict`s, byte for byte what `http.dumps(pages)` makes of them, but
    their long texts (excerpt, content) are encoded once per text and process. Takes over
    the dicts (their texts are replaced by a mark while the rest is encoded)."""
    texts: list[str] = []
    for page in pages:
        texts += (page["excerpt"], page["content"])
        page["excerpt"] = page["content"] = TEXT_MARK
    parts = dumps_text(pages).split(QUOTED_TEXT_MARK)
    assert len(parts) == len(texts) + 1
    joined = [parts[0]]
    for text, part in zip(texts, parts[1:], strict=True):
        joined += (json_string(text), part)
    return Encoded("".join(joined).encode())


def imprint_dict(
    scope: Scope,
    tree: PageTree,
    node: PageNode,
    *,
    title: str,
    content: str,
    changed: datetime,
    fallback: bool,
) -> dict[str, Any]:
    """The imprint; when it is the German one shown for another language, its id is null."""
    available = {
        language: link(scope, other.pk, other.url_path)
        for language in scope.languages
        if language != scope.language and (other := tree.translation(node, language)) is not None
    }
    return {
        "id": None if fallback else node.pk,
        "url": absolute(scope, node.url_path),
        "path": node.url_path,
        "title": title,
        **stamps(changed),
        "excerpt": plain_text(content),
        "content": content,
        "parent": None,
        "order": 0,
        "available_languages": available,
        "thumbnail": None,
        "organization": None,
        "embedded_offers": [],
        "hash": None,
    }


# --- snippets with translations (events, locations) -----------------------------------


def snippet_translations(
    scope: Scope,
    kind: str,
    item: Event | Offer,
    translations: dict[str, Sibling],
    suffix: str = "",
) -> dict[str, Any]:
    """Integreat lists every other language: the translation if there is one, else the
    German original shown in that language (with id null). `suffix` marks an occurrence
    ("$2030-01-01"); occurrences have no ids of their own."""
    found = {}
    for language in scope.languages:
        if language == scope.language:
            continue
        other = translation_or_original(translations, language)
        if other is None:
            continue
        path = f"/{scope.region.slug}/{language}/{kind}/{item_slug(other.title, other.pk)}{suffix}/"
        pk = other.pk if other.language == language and not suffix else None
        found[language] = link(scope, pk, path)
    return found


def place_dict(place: Place | None) -> dict[str, Any]:
    if place is None:
        return dict(EMPTY_LOCATION)
    return {
        "id": place.pk,
        "name": place.name,
        "address": place.street,
        "town": place.town,
        "state": None,
        "postcode": place.postcode,
        "region": None,
        "country": COUNTRY,
        "latitude": coordinate(place.latitude),
        "longitude": coordinate(place.longitude),
    }


def description_html(summary: str, description: str) -> str:
    """The text of an event or offer: its short description, then the long one, unless
    the long one already begins with it (as imported Integreat texts do, whose excerpt is
    their first words): the reader would get it twice."""
    if not summary:
        return description
    lead = summary.removesuffix("…").strip()
    if lead and plain_text(description).startswith(lead):
        return description
    return f"<p>{escape(summary)}</p>{description}"


# --- events ----------------------------------------------------------------------------


def recurrence_rule(event: Event) -> str | None:
    """The rule as Integreat writes it: DTSTART (UTC, no zone) and RRULE, UNTIL in UTC."""
    if not event.recurrence:
        return None
    local_start = event.start.astimezone(event.zone)
    rule = UTC_UNTIL.sub(r"\1", rule_for_calendar(event.recurrence, local_start))
    dtstart = event.start.astimezone(UTC).strftime("%Y%m%dT%H%M%S")
    return f"DTSTART:{dtstart}\nRRULE:{rule}"


def event_times(event: Event, start: datetime, group_id: int | None) -> dict[str, Any]:
    """The dates of an event (or one occurrence). `only_weekdays` is Integreat's flag for
    a multi-day event that skips weekends; we have no such events."""
    local_start = start.astimezone(event.zone)
    local_end = (start + (event.end - event.start)).astimezone(event.zone)
    all_day = (
        local_start.time().hour == 0
        and local_start.time().minute == 0
        and (local_end - local_start).total_seconds() >= 86_340
    )
    return {
        "id": group_id,
        "start": local_start,
        "start_date": local_start.date(),
        "start_time": local_start.time(),
        "end": local_end,
        "end_date": local_end.date(),
        "end_time": local_end.time(),
        "all_day": all_day,
        "recurrence_id": event.pk if event.recurrence else None,
        "timezone": settings.TIME_ZONE,
        "only_weekdays": False,
    }


def event_dict(
    scope: Scope,
    event: Event,
    translations: dict[str, Sibling],
    *,
    event_url: str,
    place_url: str | None,
    place_path: str | None,
    occurrence: datetime | None = None,
) -> dict[str, Any]:
    """An event; with `occurrence` (its start), one date of a recurring event: ids are
    null and the path ends in "$YYYY-MM-DD", as Integreat does."""
    day = occurrence.astimezone(event.zone).date() if occurrence else None
    suffix = f"${day.isoformat()}" if day else ""
    original = translations.get(DEFAULT_LANGUAGE)
    group_id = original.pk if original is not None else event.pk
    start = occurrence or event.start
    path = f"{scope.prefix()}events/{item_slug(event.title, event.pk)}{suffix}/"
    changed = event.last_published_at or event.first_published_at or scope.region.created_at
    content = description_html(event.summary, event.description)
    return {
        "id": None if occurrence else event.pk,
        "url": event_url,
        "path": path,
        "title": event.title,
        **stamps(changed),
        "excerpt": event.summary or plain_text(content),
        "content": content,
        "available_languages": snippet_translations(scope, "events", event, translations, suffix),
        "thumbnail": None,
        "location": place_dict(event.place),
        "location_url": place_url,
        # The place's entry in locations/ (the app opens it on the map), the online link.
        "location_path": place_path,
        "meeting_url": event.online_url or None,
        "featured_image": None,
        "event": event_times(event, start, None if occurrence else group_id),
        "hash": None,
        "recurrence_rule": recurrence_rule(event),
    }


# --- news ------------------------------------------------------------------------------


def news_content(item: News) -> str:
    """The plain message as HTML paragraphs (the app shows news content as HTML)."""
    return linebreaks(item.message, autoescape=True)


def news_published(scope: Scope, item: News) -> datetime:
    return item.last_published_at or item.first_published_at or scope.region.created_at


def news_dict(scope: Scope, item: News, translations: dict[str, Sibling]) -> dict[str, Any]:
    """A news item as the app reads news/ since release 2026.8 (JsonNewsType): string ids
    "local-<id>", HTML content, `externalUrl` (shown by the app only for other sources,
    here the region's start page)."""
    return {
        "id": f"{NEWS_ID_PREFIX}{item.pk}",
        "title": item.title,
        "content": news_content(item),
        "display_date": timezone.localtime(news_published(scope, item)),
        "source": "local",
        "externalUrl": absolute(scope, scope.prefix()),
        "available_languages": {
            language: {"id": f"{NEWS_ID_PREFIX}{sibling.pk}"}
            for language, sibling in translations.items()
            if language != item.locale.language_code and language in scope.languages
        },
    }


def push_news_dict(scope: Scope, item: News, translations: dict[str, Sibling]) -> dict[str, Any]:
    """A news item in the older shape of fcm/ (push notifications), for apps in the field."""
    published = news_published(scope, item)
    return {
        "id": item.pk,
        "title": item.title,
        "message": item.message,
        "timestamp": published,
        "last_updated": timezone.localtime(published),
        "display_date": timezone.localtime(published),
        "channel": "news",
        "available_languages": {
            language: {"id": sibling.pk}
            for language, sibling in translations.items()
            if language != item.locale.language_code and language in scope.languages
        },
        "source": "local",
        "link": None,
    }
