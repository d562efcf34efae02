"""What goes into an offline bundle: the public documents of a region in one language.

Documents are rendered by the public resolver itself (`wir.portal.views.public.serve`), so
an offline page is byte for byte what a visitor would get, minus what only makes sense
online and at the moment of rendering (the feedback form with its CSRF token, "open
now"). The templates hide those when `request.wir_offline_copy` is set.
"""

from __future__ import annotations

import mimetypes
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from posixpath import normpath
from urllib.parse import unquote, urljoin, urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page

from wir.core.languages import DEFAULT_LANGUAGE
from wir.core.models import Region
from wir.core.request import notes_of
from wir.portal.directory import offers_in_language
from wir.portal.events import events_in_language
from wir.portal.models import DirectoryPage, EventIndexPage, LegalPage, Place, offer_path
from wir.portal.publication import visible
from wir.portal.queries import LanguageLink, home_page_for, offered_languages

HTML_TYPE = "text/html; charset=utf-8"
JSON_TYPE = "application/json"


@dataclass(frozen=True)
class Document:
    """One file of a bundle: the URL it answers, its bytes and their media type."""

    url: str
    content: bytes
    content_type: str


def offline_search_url(region: Region, language: str) -> str:
    return f"/{region.slug}/{language}/suche/"


def search_index_url(region: Region, language: str) -> str:
    return f"/offline/{region.slug}/{language}/search-index.json"


def save_page_url(region: Region, language: str) -> str:
    return f"/offline/{region.slug}/{language}/"


def not_saved_url(region: Region, language: str) -> str:
    return f"/offline/{region.slug}/{language}/nicht-gespeichert/"


def home_url(region: Region, language: str) -> str:
    return f"/{region.slug}/{language}/"


# --- rendering ------------------------------------------------------------------------


def language_links(
    region: Region, language: str, url_for: Callable[[Region, str], str]
) -> list[LanguageLink]:
    """The language switcher of the offline app's own pages: every visible language has
    them, so each link leads to the same page in that language."""
    return [
        LanguageLink(
            code=rl.language.code,
            native_name=rl.language.native_name,
            direction=rl.language.direction,
            url=url_for(region, rl.language.code),
            is_current=rl.language.code == language,
            is_translated=True,
        )
        for rl in offered_languages(region)
    ]


def _base_request(url: str) -> HttpRequest:
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    request = RequestFactory().get(
        url, HTTP_HOST=base.netloc or "127.0.0.1", secure=base.scheme == "https"
    )
    request.user = AnonymousUser()
    request.wir_offline_copy = True  # type: ignore[attr-defined]
    return request


def render_url(url: str) -> HttpResponse:
    """The public answer for `url`, rendered in-process without middleware."""
    from wir.portal.views.public import serve

    request = _base_request(url)
    path = urlsplit(url).path
    with translation.override(None):
        response = serve(request, path.lstrip("/"))
        render = getattr(response, "render", None)
        if callable(render):
            render()
    return response


def document_urls(region: Region, language: str) -> list[str]:
    """Every public address of the region in `language` that a bundle carries (listing
    pages beyond the first are found while rendering, see `NEXT_PAGE`)."""
    home = home_page_for(region, language)
    if home is None:
        return []
    pages = list(visible(Page.objects.public().descendant_of(home, inclusive=True)).specific())
    urls = [page.url_path for page in pages]
    directory = next((p for p in pages if isinstance(p, DirectoryPage)), None)
    if directory is not None:
        offer_ids = offers_in_language(region, language).order_by("pk").values_list("pk", flat=True)
        urls += [offer_path(directory.url_path, pk) for pk in offer_ids]
        place_ids = Place.objects.filter(region=region).order_by("pk").values_list("pk", flat=True)
        urls += [f"{directory.url_path}ort/{pk}/" for pk in place_ids]
    events = next((p for p in pages if isinstance(p, EventIndexPage)), None)
    if events is not None:
        event_ids = events_in_language(region, language).order_by("pk").values_list("pk", flat=True)
        urls += [f"{events.url_path}veranstaltung/{pk}/" for pk in event_ids]
    return urls


# The pagination's "next page" link: listing pages 2, 3, ... are followed from page 1.
NEXT_PAGE = re.compile(r'rel="next" href="\?seite=(\d+)"')


# How one document is produced: `through(url, render)` calls `render()` (which renders the
# document or returns None when there is none) or answers otherwise (wir/offline/reuse.py
# reuses what cannot have changed and records what each document read).
Through = Callable[[str, Callable[[], "Document | None"]], "Document | None"]


def _rendered(url: str) -> Document | None:
    try:
        response = render_url(url)
    except Http404:
        return None  # vanished while we built: the next build leaves it out
    if response.status_code != 200:
        return None  # a redirect or a page that vanished while we built
    return Document(url, response.content, response.get("Content-Type", HTML_TYPE))


def _directly(url: str, render: Callable[[], Document | None]) -> Document | None:
    return render()


def render_documents(
    region: Region,
    language: str,
    urls: list[str] | None = None,
    through: Through | None = None,
) -> Iterator[Document]:
    """The rendered pages (`urls`, default all), then the offline search page and its index."""
    from wir.offline.area_map import area_map_json, area_map_url
    from wir.offline.search_index import search_index_json

    produce = through or _directly
    queue = list(document_urls(region, language) if urls is None else urls)
    seen = set(queue)
    while queue:
        url = queue.pop(0)
        document = produce(url, lambda url=url: _rendered(url))  # type: ignore[misc]
        if document is None:
            continue
        yield document
        match = NEXT_PAGE.search(document.content.decode("utf-8", "replace"))
        if match:
            following = f"{urlsplit(url).path}?seite={match.group(1)}"
            if following not in seen:
                seen.add(following)
                queue.append(following)

    def fresh() -> Region:
        # Read again inside the document: what it reads of the region is its own read.
        return Region.objects.get(pk=region.pk)

    specials: list[tuple[str, Callable[[], bytes], str]] = [
        (area_map_url(region), lambda: area_map_json(fresh()), JSON_TYPE),
        (
            not_saved_url(region, language),
            lambda: render_not_saved(fresh(), language).encode(),
            HTML_TYPE,
        ),
        (
            search_index_url(region, language),
            lambda: search_index_json(fresh(), language),
            JSON_TYPE,
        ),
        (
            offline_search_url(region, language),
            lambda: render_offline_search(fresh(), language).encode(),
            HTML_TYPE,
        ),
    ]
    for url, content, content_type in specials:
        document = produce(
            url,
            lambda url=url, content=content, content_type=content_type: Document(  # type: ignore[misc]
                url, content(), content_type
            ),
        )
        if document is not None:
            yield document


def render_offline_search(region: Region, language: str) -> str:
    """The search page of the bundle: searches the shipped index in the browser."""
    home = home_page_for(region, language)
    request = _base_request(offline_search_url(region, language))
    notes_of(request).region = region
    with translation.override(language):
        links = language_links(region, language, offline_search_url)
        legal = visible(LegalPage.objects.public().child_of(home)) if home else []
        return render_to_string(
            "offline/search.html",
            {
                "region": region,
                "language_links": links,
                "legal_pages": legal,
                "index_url": search_index_url(region, language),
            },
            request=request,
        )


def render_not_saved(region: Region, language: str) -> str:
    """What the service worker shows offline for a page or language that is not saved:
    a page of the site in `language`, with one line in each of the region's languages (the
    page shows the one of the address asked for) and links to the saved languages (the
    page's script keeps those saved on the device)."""
    home = home_page_for(region, language)
    request = _base_request(not_saved_url(region, language))
    notes_of(request).region = region
    requested = []
    source = "Diese Sprache ist auf diesem Gerät nicht gespeichert."
    for region_language in offered_languages(region):
        code = region_language.language.code
        with translation.override(code):
            text = translation.gettext(source)
        german = text == source  # not translated yet: marked as the German it is
        requested.append(
            {
                "code": code,
                "lang": DEFAULT_LANGUAGE if german and not code.startswith("de") else code,
                "direction": "ltr" if german else region_language.language.direction,
                "text": text,
            }
        )
    with translation.override(language):
        legal = visible(LegalPage.objects.public().child_of(home)) if home else []
        return render_to_string(
            "offline/not_saved.html",
            {
                "region": region,
                "language_links": [],
                "saved_links": language_links(region, language, home_url),
                "requested": requested,
                "legal_pages": legal,
            },
            request=request,
        )


# --- static files and images the documents use ------------------------------------------

ASSET_REFERENCE = re.compile(r'(?:src|href)="((?:/static/|/media/)[^"#?]+)[^"]*"')
CSS_REFERENCE = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


def asset_urls(html: str) -> set[str]:
    return {match.group(1) for match in ASSET_REFERENCE.finditer(html)}


def css_urls(css_url: str, css: str) -> set[str]:
    found = set()
    for match in CSS_REFERENCE.finditer(css):
        reference = match.group(1).strip()
        if reference.startswith(("data:", "http:", "https:", "//", "#")):
            continue
        absolute = urlsplit(urljoin(css_url, reference)).path
        found.add(normpath(absolute))
    return found


def asset_path(url: str) -> Path | None:
    """The file behind a /static/ or /media/ address, or None when there is none."""
    if url.startswith(settings.STATIC_URL):
        name = unquote(url[len(settings.STATIC_URL) :])
        if ".." in name.split("/"):
            return None
        try:
            stored = Path(staticfiles_storage.path(name))
            if stored.is_file():
                return stored
        except NotImplementedError:
            pass
        found = finders.find(name)
        return Path(found) if isinstance(found, str) else None
    if url.startswith(settings.MEDIA_URL):
        name = unquote(url[len(settings.MEDIA_URL) :])
        if ".." in name.split("/"):
            return None
        path = Path(default_storage.path(name))
        return path if path.is_file() else None
    return None


def asset_documents(urls: set[str]) -> Iterator[Document]:
    """The files behind `urls`, and what their stylesheets refer to (fonts, images)."""
    queue = sorted(urls)
    seen = set(queue)
    while queue:
        url = queue.pop(0)
        path = asset_path(url)
        if path is None:
            continue
        content = path.read_bytes()
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if path.suffix == ".woff2":
            content_type = "font/woff2"
        if content_type == "text/css":
            for found in sorted(css_urls(url, content.decode("utf-8", "replace")) - seen):
                seen.add(found)
                queue.append(found)
        yield Document(url, content, content_type)
