"""Offline bundles: versioned, content-addressed sets of a region's public documents.

A bundle of (region, language) is a manifest

    {"version": ..., "region": ..., "language": ..., "total_bytes": ...,
     "files": [{"url": ..., "hash": ..., "bytes": ..., "type": ..., "blob": ...}, ...]}

where `url` is the public address the file answers offline, `hash` the SHA-256 of its
bytes and `blob` the immutable address it is downloaded from (/offline/blob/<hash>.<ext>).
The version is the hash of the file list, so two builds of unchanged content have the same
version, and a client that keeps its manifest downloads after an edit only the entries
whose hash changed (`delta`).

Blobs and manifests live on disk under settings.WIR_OFFLINE_DIR; a manifest is reused as
long as the region's content version, the day and the deployed static files stay the same.
Requests never build: they read `ready_bundle`; `wir/offline/builds.py` builds in the
background.
"""

from __future__ import annotations

import fcntl
import gzip
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wir.core.models import Region
from wir.core.queries import active_region, visible_languages
from wir.offline.documents import (
    Document,
    asset_documents,
    asset_urls,
    document_urls,
    render_documents,
)
from wir.offline.reuse import Builder
from wir.portal.queries import home_page_for

BUNDLE_FORMAT = 4  # bump when the shape of bundles or the rendering of documents changes

# Media types a blob may have, by the file-name extension it is served under.
EXTENSIONS = {
    "text/html": "html",
    "application/json": "json",
    "text/css": "css",
    "text/javascript": "js",
    "application/javascript": "js",
    "image/svg+xml": "svg",
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/gif": "gif",
    "image/webp": "webp",
    "image/avif": "avif",
    "font/woff2": "woff2",
    "font/woff": "woff",
}
TYPES = {
    "html": "text/html; charset=utf-8",
    "json": "application/json",
    "css": "text/css; charset=utf-8",
    "js": "text/javascript; charset=utf-8",
    "svg": "image/svg+xml",
    "png": "image/png",
    "jpg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "avif": "image/avif",
    "woff2": "font/woff2",
    "woff": "font/woff",
}
COMPRESSIBLE = {"html", "json", "css", "js", "svg"}

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BundleFile:
    url: str
    hash: str
    bytes: int
    type: str

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.type.split(";")[0].strip()]

    @property
    def blob(self) -> str:
        return f"/offline/blob/{self.hash}.{self.extension}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "hash": self.hash,
            "bytes": self.bytes,
            "type": self.type,
            "blob": self.blob,
        }


@dataclass(frozen=True)
class Delta:
    """What a client holding `old` does to reach `new`."""

    download: list[dict[str, Any]]
    remove: list[str]
    keep: int

    @property
    def download_bytes(self) -> int:
        return sum(entry["bytes"] for entry in self.download)


def delta(old: dict[str, Any] | None, new: dict[str, Any]) -> Delta:
    """Entries of `new` that are new or whose hash changed; URLs of `old` that are gone.

    The browser does the same (wir/static/wir/offline/offline.js, `planUpdate`).
    """
    held = {entry["url"]: entry["hash"] for entry in (old or {}).get("files", [])}
    wanted = {entry["url"] for entry in new["files"]}
    download = [entry for entry in new["files"] if held.get(entry["url"]) != entry["hash"]]
    remove = sorted(url for url in held if url not in wanted)
    return Delta(download, remove, len(new["files"]) - len(download))


# --- storage --------------------------------------------------------------------------


def offline_dir() -> Path:
    return Path(settings.WIR_OFFLINE_DIR)


def blob_path(digest: str, extension: str) -> Path:
    return offline_dir() / "blobs" / digest[:2] / f"{digest}.{extension}"


def write_atomically(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(handle, "wb") as out:
        out.write(content)
    os.replace(temporary, path)


def _stored_blob(digest: str, content_type: str) -> Path:
    return blob_path(digest, EXTENSIONS[content_type.split(";")[0].strip()])


def store_blob(document: Document) -> BundleFile:
    digest = hashlib.sha256(document.content).hexdigest()
    media_type = document.content_type.split(";")[0].strip()
    extension = EXTENSIONS.get(media_type)
    if extension is None:
        raise ValueError(f"no offline media type for {document.url}: {media_type}")
    path = blob_path(digest, extension)
    if not path.exists():  # content-addressed: the same bytes are stored once
        write_atomically(path, document.content)
        if extension in COMPRESSIBLE:
            write_atomically(
                path.with_name(path.name + ".gz"),
                gzip.compress(document.content, compresslevel=9, mtime=0),
            )
    return BundleFile(document.url, digest, len(document.content), TYPES[extension])


# --- building -------------------------------------------------------------------------


def check_region_language(region_slug: str, language: str) -> Region:
    """The active region for a public bundle in `language`, else 404."""
    region = active_region(region_slug)
    if region is None:
        raise Http404(_("Diese Region gibt es hier nicht."))
    if language not in {rl.language.code for rl in visible_languages(region)}:
        raise Http404(_("Diese Sprache wird in dieser Region nicht angeboten."))
    if home_page_for(region, language) is None:
        raise Http404(_("Diese Seite ist in dieser Sprache noch nicht verfügbar."))
    return region


def manifest_for(region: Region, language: str, files: list[BundleFile]) -> dict[str, Any]:
    entries = [entry.as_dict() for entry in sorted(files, key=lambda f: f.url)]
    listing = json.dumps(
        [[e["url"], e["hash"]] for e in entries], separators=(",", ":"), ensure_ascii=False
    )
    return {
        "format": BUNDLE_FORMAT,
        "version": hashlib.sha256(listing.encode()).hexdigest()[:32],
        "region": region.slug,
        "language": language,
        "total_bytes": sum(e["bytes"] for e in entries),
        "files": entries,
    }


def build_bundle(
    region: Region, language: str, progress: Progress | None = None, *, reuse: bool = False
) -> dict[str, Any]:
    """Render every document, store the blobs, return the manifest (not cached).

    Every build records what each document read (wir/offline/reuse.py); with `reuse`, the
    documents whose reads answer the same as in the previous build of this process are
    taken from the blob store instead of rendered: the same bytes as a cold build.
    """
    urls = document_urls(region, language)
    expected = len(urls) + 4  # and the search page, its index, the area map, not saved
    files: list[BundleFile] = []
    assets: set[str] = set()
    builder = Builder(region, language, _stored_blob, reuse=reuse)
    with translation.override(language), builder.recording():
        documents = render_documents(region, language, urls, through=builder.through)
        for count, document in enumerate(documents, start=1):
            files.append(store_blob(document))
            if document.content_type.startswith("text/html"):
                assets |= asset_urls(document.content.decode("utf-8", "replace"))
            if progress is not None:
                progress(count, max(expected, count))
        builder.finish()
    files += [store_blob(asset) for asset in asset_documents(assets)]
    return manifest_for(region, language, files)


def _static_stamp() -> str:
    """Changes when new static files are deployed (the manifest storage's file list)."""
    listing = Path(settings.STATIC_ROOT) / "staticfiles.json"
    return str(listing.stat().st_mtime_ns) if listing.exists() else ""


def bundle_key(region: Region, language: str) -> str:
    parts = [
        BUNDLE_FORMAT,
        region.pk,
        region.slug,
        language,
        region.content_version.isoformat(),
        timezone.localdate().isoformat(),  # events pass and offers expire at midnight
        _static_stamp(),
    ]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:24]


def manifest_path(region: Region, language: str) -> Path:
    key = bundle_key(region, language)
    return offline_dir() / "manifests" / f"{region.slug}-{language}-{key}.json"


def stored_manifest(path: Path) -> dict[str, Any] | None:
    """The manifest at `path` if it is there and all its blobs are (else None)."""
    if not path.exists():
        return None
    try:
        stored: dict[str, Any] = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    complete = all(  # someone may have cleared the blob directory
        blob_path(entry["hash"], entry["blob"].rsplit(".", 1)[1]).exists()
        for entry in stored["files"]
    )
    return stored if complete else None


def ready_bundle(region: Region, language: str) -> dict[str, Any] | None:
    """The manifest of the region's current content, if it is built; never builds."""
    return stored_manifest(manifest_path(region, language))


def _lock_path(region: Region, language: str) -> Path:
    return offline_dir() / "manifests" / f".lock-{region.slug}-{language}"


def get_bundle(region: Region, language: str, progress: Progress | None = None) -> dict[str, Any]:
    """The current manifest of (region, language), built only when content changed.

    Only the background builder (wir/offline/builds.py), the command and tests call this:
    a build takes seconds to a minute. One process builds while the others wait for its
    result (a lock file per region and language) instead of building too.
    """
    manifest = build_unless_busy(region, language, progress, wait=True)
    assert manifest is not None  # waiting for the lock always ends with a manifest
    return manifest


def build_unless_busy(
    region: Region, language: str, progress: Progress | None = None, *, wait: bool = False
) -> dict[str, Any] | None:
    """Like `get_bundle`, but None at once when another process is building it."""
    path = manifest_path(region, language)
    stored = stored_manifest(path)
    if stored is not None:
        return stored
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(_lock_path(region, language), "wb") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return None
        try:
            stored = stored_manifest(path)
            if stored is not None:
                return stored
            manifest = build_bundle(region, language, progress, reuse=True)
            write_atomically(path, json.dumps(manifest, ensure_ascii=False).encode())
            return manifest
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def build_is_running(region: Region, language: str) -> bool:
    """Whether some process holds the build lock of (region, language) right now."""
    lock_path = _lock_path(region, language)
    if not lock_path.exists():
        return False
    with open(lock_path, "rb") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(lock, fcntl.LOCK_UN)
    return False


def find_blob(digest: str, extension: str) -> Path | None:
    if extension not in TYPES or len(digest) != 64:
        return None
    path = blob_path(digest, extension)
    return path if path.is_file() else None
