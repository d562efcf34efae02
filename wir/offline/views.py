"""Thin views of the offline app: the save page, manifests, blobs, the service worker."""

from __future__ import annotations

import re
from pathlib import Path

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    JsonResponse,
)
from django.shortcuts import render
from django.templatetags.static import static
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wir.api.http import cached_json
from wir.core.queries import active_region, visible_languages
from wir.core.request import notes_of
from wir.offline.area_map import area_map_json
from wir.offline.builds import BundleStatus, bundle_status
from wir.offline.bundles import check_region_language, find_blob, ready_bundle
from wir.offline.documents import (
    language_links,
    render_not_saved,
    save_page_url,
    search_index_url,
)
from wir.portal.models import LegalPage
from wir.portal.publication import visible
from wir.portal.queries import home_page_for

THEME_COLOUR = "#0a2d52"
IMMUTABLE = "public, max-age=31536000, immutable"


def _activate(request: HttpRequest, language: str) -> None:
    translation.activate(language)
    request.LANGUAGE_CODE = language


@require_safe
def save_page(request: HttpRequest, region: str, language: str) -> HttpResponse:
    """ "Für offline speichern": size, a button, a progress bar; the work is in offline.js."""
    found = check_region_language(region, language)
    notes_of(request).region = found
    _activate(request, language)
    home = home_page_for(found, language)
    links = language_links(found, language, save_page_url)
    status = bundle_status(found, language)  # never builds here: a worker or thread does
    manifest = status.manifest
    context = {
        "region": found,
        "home": home,
        "language_links": links,
        "legal_pages": visible(LegalPage.objects.public().child_of(home)) if home else [],
        "manifest_url": f"/offline/{found.slug}/{language}/manifest.json",
        "total_bytes": manifest["total_bytes"] if manifest else None,
        "file_count": len(manifest["files"]) if manifest else None,
        "status": status,
    }
    return render(request, "offline/save.html", context)


def _preparing(status: BundleStatus) -> HttpResponse:
    """202: the bundle of the current content is being built; ask again shortly."""
    payload = {"status": "preparing", "done": status.done, "total": status.total}
    response = JsonResponse(payload, status=202)
    response["Cache-Control"] = "no-store"
    response["Retry-After"] = "2"
    return response


@require_safe
def bundle_manifest(request: HttpRequest, region: str, language: str) -> HttpResponse:
    """The manifest of the region's current content, or 202 while it is being built (an
    older bundle is never answered: it would save outdated pages)."""
    found = check_region_language(region, language)
    status = bundle_status(found, language)
    if status.manifest is None:
        return _preparing(status)
    manifest = status.manifest
    return cached_json(request, lambda: manifest, region=found, vary=[manifest["version"]])


@require_safe
def search_index(request: HttpRequest, region: str, language: str) -> HttpResponseBase:
    """The index the offline search page loads (also online: the page may come from a bundle)."""
    found = check_region_language(region, language)
    url = search_index_url(found, language)
    manifest = ready_bundle(found, language)
    if manifest is None:  # being built: the service worker answers with the saved index
        busy = HttpResponse(status=503)
        busy["Retry-After"] = "2"
        busy["Cache-Control"] = "no-store"
        return busy
    entry = next((e for e in manifest["files"] if e["url"] == url), None)
    path = find_blob(entry["hash"], "json") if entry else None
    if path is None:
        raise Http404
    response = FileResponse(path.open("rb"), content_type="application/json")
    response["Cache-Control"] = "public, max-age=60"
    return response


@require_safe
def not_saved(request: HttpRequest, region: str, language: str) -> HttpResponse:
    """The page the service worker shows offline for what is not saved (from the bundle;
    online it is the same page, e.g. to look at)."""
    found = check_region_language(region, language)
    return HttpResponse(render_not_saved(found, language))


@require_safe
def area_map(request: HttpRequest, region: str) -> HttpResponse:
    """The light base map of the region's maps (GeoJSON), also in every offline bundle."""
    found = active_region(region)
    if found is None:
        raise Http404(_("Diese Region gibt es hier nicht."))
    response = HttpResponse(area_map_json(found), content_type="application/json")
    response["Cache-Control"] = "public, max-age=3600"
    return response


@require_safe
def blob(request: HttpRequest, digest: str, extension: str) -> HttpResponseBase:
    """A file of a bundle by its content hash: never changes, cached for a year."""
    from wir.offline.bundles import TYPES

    path = find_blob(digest, extension)
    if path is None:
        raise Http404
    compressed = path.with_name(path.name + ".gz")
    use_gzip = compressed.exists() and "gzip" in request.headers.get("Accept-Encoding", "")
    response = FileResponse((compressed if use_gzip else path).open("rb"))
    response["Content-Type"] = TYPES[extension]
    if use_gzip:
        response["Content-Encoding"] = "gzip"
        response["Content-Length"] = str(compressed.stat().st_size)
    response["Vary"] = "Accept-Encoding"
    response["Cache-Control"] = IMMUTABLE
    response["ETag"] = f'"{digest}"'
    return response


def _service_worker_file() -> Path | None:
    name = "vendor/offline/sw.js"
    try:
        stored = Path(staticfiles_storage.path(name))
        if stored.is_file():
            return stored
    except NotImplementedError:
        pass
    found = finders.find(name)
    return Path(found) if isinstance(found, str) else None


@require_safe
def service_worker(request: HttpRequest) -> HttpResponseBase:
    """The worker at /offline/sw.js with scope "/" (it serves saved copies of public pages)."""
    path = _service_worker_file()
    if path is None:
        raise Http404(_("Der Service Worker fehlt: make assets baut ihn."))
    response = FileResponse(path.open("rb"), content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    response["Cache-Control"] = "no-cache"
    return response


def app_short_name(region_name: str) -> str:
    """The name under the icon: the region's name without additions in brackets
    ("Wetterau (Demo)" → "Wetterau"), never cut inside a word; launchers show about 12
    characters and shorten longer names with an ellipsis themselves."""
    short = re.sub(r"\s*\([^)]*\)", "", region_name).strip()
    return short or region_name


@require_safe
def web_app_manifest(request: HttpRequest, region: str, language: str) -> HttpResponse:
    """The installable app of one region in one language."""
    found = check_region_language(region, language)
    _activate(request, language)
    direction = next(
        (rl.language.direction for rl in visible_languages(found) if rl.language.code == language),
        "ltr",
    )
    start = f"/{found.slug}/{language}/"
    icons = [
        {"src": static("wir/offline/icons/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
        *(
            {
                "src": static(f"wir/offline/icons/{kind}-{size}.png"),
                "sizes": f"{size}x{size}",
                "type": "image/png",
                "purpose": "maskable" if kind == "maskable" else "any",
            }
            for kind in ("icon", "maskable")
            for size in (192, 512)
        ),
    ]
    payload = {
        "id": start,
        "name": _("Wegweiser %(region)s") % {"region": found.full_name},
        "short_name": app_short_name(found.name),
        "description": _("Was ist wo? Angebote, Orte und Kontakte, auch ohne Internet."),
        "lang": language,
        "dir": direction,
        "start_url": start,
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": "#ffffff",
        "icons": icons,
    }
    response = JsonResponse(payload, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    response["Cache-Control"] = "public, max-age=3600"
    return response
