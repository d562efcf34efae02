"""Offline bundles are built in the background, never in a visitor's request.

A build renders every public document of a region in one language: seconds to a minute.
Requests only read what is built (`bundle_status`); when the bundle of the current
content is not there yet they say "wird vorbereitet" with the progress and come back.

Who builds:

- the worker `manage.py run_offline_builds --loop` (started by `make run`; a service in
  production). It keeps the bundle of every visible language of every active region
  current: after a publish it builds the languages visitors asked for first, then the
  rest. It leaves a heartbeat file, touched on every round and during builds.
- when no worker is alive (no heartbeat for `WORKER_SILENT_SECONDS`), the web process
  that answers the status request starts the build in a thread of its own, so the page
  still gets there. The build lock (bundles.build_unless_busy) lets one process build.

State lives in files under WIR_OFFLINE_DIR, shared by every web and worker process:
`manifests/` (bundles.py), `progress/<region>-<language>.json` ({key, done, total}),
`wanted/<region>-<language>` (a visitor waits for it), `worker-heartbeat`.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import connections

from wir.core.models import Region
from wir.core.queries import visible_languages
from wir.offline.bundles import (
    build_is_running,
    build_unless_busy,
    bundle_key,
    manifest_path,
    offline_dir,
    ready_bundle,
    write_atomically,
)
from wir.portal.queries import home_page_for

logger = logging.getLogger(__name__)

WORKER_SILENT_SECONDS = 30
PROGRESS_EVERY = 10  # documents between two progress writes


@dataclass(frozen=True)
class BundleStatus:
    """What a request may say about the bundle of (region, language) right now."""

    manifest: dict[str, Any] | None
    done: int = 0
    total: int = 0

    @property
    def ready(self) -> bool:
        return self.manifest is not None

    @property
    def percent(self) -> int:
        return min(99, self.done * 100 // self.total) if self.total else 0


def _progress_path(region: Region, language: str) -> Path:
    return offline_dir() / "progress" / f"{region.slug}-{language}.json"


def _wanted_path(region: Region, language: str) -> Path:
    return offline_dir() / "wanted" / f"{region.slug}-{language}"


def _heartbeat_path() -> Path:
    return offline_dir() / "worker-heartbeat"


def _touch(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()


def beat() -> None:
    """The worker is alive."""
    _touch(_heartbeat_path())


def worker_alive() -> bool:
    try:
        age = time.time() - _heartbeat_path().stat().st_mtime
    except FileNotFoundError:
        return False
    return age < WORKER_SILENT_SECONDS


def read_progress(region: Region, language: str) -> tuple[int, int]:
    """(done, total) of the running build of the current content, else (0, 0)."""
    try:
        data = json.loads(_progress_path(region, language).read_bytes())
    except (OSError, ValueError):
        return 0, 0
    if data.get("key") != bundle_key(region, language):
        return 0, 0
    return int(data.get("done", 0)), int(data.get("total", 0))


def build(region: Region, language: str, *, wait: bool = False) -> dict[str, Any] | None:
    """Build the current bundle with progress reports; None when someone else builds it."""
    key = bundle_key(region, language)
    progress_path = _progress_path(region, language)

    def report(done: int, total: int) -> None:
        if done % PROGRESS_EVERY == 0 or done == total:
            payload = {"key": key, "done": done, "total": total}
            write_atomically(progress_path, json.dumps(payload).encode())
            if worker_alive():
                beat()  # a long build is no sign of a dead worker

    report(0, 0)
    manifest = build_unless_busy(region, language, report, wait=wait)
    if manifest is not None:
        _wanted_path(region, language).unlink(missing_ok=True)
        _remove_older_manifests(region, language)
    return manifest


def _remove_older_manifests(region: Region, language: str) -> None:
    """Only the manifest of the current content is ever answered: drop the others of this
    region and language (blobs stay; several bundles share most of them)."""
    current = manifest_path(region, language)
    pattern = re.compile(rf"{re.escape(region.slug)}-{re.escape(language)}-[0-9a-f]{{24}}\.json")
    for path in current.parent.glob(f"{region.slug}-{language}-*.json"):
        if path != current and pattern.fullmatch(path.name):
            path.unlink(missing_ok=True)


_threads: dict[tuple[int, str], threading.Thread] = {}
_threads_lock = threading.Lock()


def _build_in_thread(region_id: int, language: str) -> None:
    try:
        region = Region.objects.get(pk=region_id)
        build(region, language)
    except Exception:  # a thread has no one to report to but the log
        logger.exception("offline bundle %s/%s: background build failed", region_id, language)
    finally:
        connections.close_all()  # this thread's connections: nobody else will close them
        with _threads_lock:
            _threads.pop((region_id, language), None)


def join_threads(timeout: float) -> None:
    """Wait for the builds running in threads of this process (tests, a clean shutdown)."""
    with _threads_lock:
        running = list(_threads.values())
    for thread in running:
        thread.join(timeout)


def request_build(region: Region, language: str) -> None:
    """A visitor waits for this bundle: tell the worker, or build here if there is none."""
    _touch(_wanted_path(region, language))
    if worker_alive() or build_is_running(region, language):
        return
    with _threads_lock:
        if (region.pk, language) in _threads:
            return
        thread = threading.Thread(
            target=_build_in_thread,
            args=(region.pk, language),
            name=f"offline-bundle-{region.slug}-{language}",
            daemon=True,
        )
        _threads[(region.pk, language)] = thread
    thread.start()


def bundle_status(region: Region, language: str, *, start: bool = True) -> BundleStatus:
    """The ready manifest of the current content, or how far its build is (never builds
    here; with `start`, makes sure someone builds it)."""
    manifest = ready_bundle(region, language)
    if manifest is not None:
        return BundleStatus(manifest)
    if start:
        request_build(region, language)
    done, total = read_progress(region, language)
    return BundleStatus(None, done, total)


# --- the worker -----------------------------------------------------------------------


def _wanted_since(region: Region, language: str) -> float | None:
    try:
        return _wanted_path(region, language).stat().st_mtime
    except FileNotFoundError:
        return None


def pending_builds() -> list[tuple[Region, str]]:
    """(region, language) pairs whose current bundle is missing: those visitors wait for
    first (longest waiting first), then German, then the region's order of languages."""
    pending: list[tuple[tuple[int, float, int], Region, str]] = []
    for region in Region.objects.filter(is_active=True).select_related("root_page"):
        for position, region_language in enumerate(visible_languages(region)):
            code = region_language.language.code
            if ready_bundle(region, code) is not None or home_page_for(region, code) is None:
                continue
            wanted = _wanted_since(region, code)
            rank = (0 if wanted is not None else 1, wanted or 0.0, position)
            pending.append((rank, region, code))
    return [(region, code) for _, region, code in sorted(pending, key=lambda item: item[0])]


def build_next() -> tuple[Region, str] | None:
    """One round of the worker: build the most urgent missing bundle; None when all are
    current. Pairs are re-read after every build: a publish meanwhile changes them."""
    beat()
    for region, language in pending_builds():
        if build(region, language) is not None:
            return region, language
    return None
