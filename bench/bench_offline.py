"""Offline bundles of the demo region in German: size, build time, delta after one edit.

Figures: the bundle's bytes raw and as served (gzip where it helps), the median build time
of several cold builds (fresh blob directory each time), against a baseline that renders
the same addresses through the full HTTP stack with Django's test client; and the bytes a
client downloads after one edited offer, against downloading the whole bundle again.

After the edit: seconds from the publish to the fresh bundle as the worker builds it (the
blobs and the record of the build before are there, as on a running installation: the
incremental build of wir/offline/reuse.py renders only the documents whose reads changed),
against the target of 10 s; and the save page and the manifest (the status the page polls)
through Django's test client while that build is pending and when it is ready (medians of
`STATUS_REQUESTS` requests each, against the target of 200 ms; they never build).

WIR_BENCH_SCALE (default 1 here: the demo district as `make run` loads it) multiplies the
demo like in the other benchmarks.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import bench_env, postgres, prepare_demo

SCALE = int(os.environ.get("WIR_BENCH_SCALE", "1"))
ROUNDS = int(os.environ.get("WIR_BENCH_ROUNDS", "3"))
FRESH_TARGET_S = 10  # a fresh bundle is ready this long after a publish (issue 17)
SAVE_PAGE_TARGET_MS = 200  # the save page answers this fast, built or not (issue 17)
STATUS_REQUESTS = 15
REGION, LANGUAGE = "wetterau", "de"


class RollbackError(Exception):
    pass


def main() -> None:
    """Each database engine in a process of its own (WIR_BENCH_DATABASES, default both)."""
    engines = os.environ.get("WIR_BENCH_DATABASES", "sqlite,postgresql").split(",")
    if "sqlite" in engines:
        env = bench_env(f"offline-x{SCALE}")
        prepare_demo(env, scale=SCALE)
        subprocess.run([sys.executable, __file__, "--measure"], env=env, check=True)
    if "postgresql" in engines:
        env = bench_env(f"offline-x{SCALE}-pg")
        with postgres(f"offline-x{SCALE}-pg") as url:
            env["DATABASE_URL"] = url
            prepare_demo(env, scale=SCALE)
            subprocess.run([sys.executable, __file__, "--measure"], env=env, check=True)


def measure() -> None:
    """Runs with the benchmark's environment (DATABASE_URL set for PostgreSQL)."""
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection, transaction
    from django.test import Client

    from wir.core.models import Region
    from wir.offline import builds as background
    from wir.offline.bundles import blob_path, build_bundle, delta, ready_bundle
    from wir.offline.documents import document_urls
    from wir.portal.models import Offer

    region = Region.objects.get(slug=REGION)

    def served_bytes(manifest: dict) -> int:
        total = 0
        for entry in manifest["files"]:
            path = blob_path(entry["hash"], entry["blob"].rsplit(".", 1)[1])
            compressed = path.with_name(path.name + ".gz")
            total += compressed.stat().st_size if compressed.exists() else entry["bytes"]
        return total

    def cold_build() -> tuple[dict, float, int]:
        with tempfile.TemporaryDirectory() as directory:
            settings.WIR_OFFLINE_DIR = Path(directory)
            started = time.perf_counter()
            manifest = build_bundle(region, LANGUAGE)
            seconds = time.perf_counter() - started
            return manifest, seconds, served_bytes(manifest)

    builds = [cold_build() for _round in range(ROUNDS)]
    manifest, _seconds, gzip_bytes = builds[-1]
    build_s = statistics.median(seconds for _m, seconds, _g in builds)

    # Baseline: the same addresses through middleware and URL routing (test client).
    client = Client(HTTP_HOST="127.0.0.1")
    urls = document_urls(region, LANGUAGE)
    started = time.perf_counter()
    for url in urls:
        client.get(url)
    client_s = time.perf_counter() - started

    save_url = f"/offline/{REGION}/{LANGUAGE}/"
    manifest_url = f"{save_url}manifest.json"

    def answer_ms(url: str, status: int) -> float:
        times = []
        for _request in range(STATUS_REQUESTS):
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == status, (url, response.status_code)
        return statistics.median(times)

    # One edited offer: what a client that holds the bundle downloads.
    with tempfile.TemporaryDirectory() as directory:
        settings.WIR_OFFLINE_DIR = Path(directory)
        try:
            with transaction.atomic():
                before = build_bundle(region, LANGUAGE)
                offer = Offer.objects.filter(region=region, live=True, locale__language_code="de")
                edited = offer.order_by("pk").first()
                assert edited is not None
                edited.summary = f"{edited.summary} (geändert)"
                edited.save_revision().publish()
                published = time.perf_counter()
                # What the background worker does next (run_offline_builds): the blobs of
                # the bundle before are on disk, as they are on a running installation.
                region.refresh_from_db()
                background.build(region, LANGUAGE, wait=True)
                after = ready_bundle(region, LANGUAGE)
                fresh_s = time.perf_counter() - published
                assert after is not None
                ready_save_ms = answer_ms(save_url, 200)
                ready_manifest_ms = answer_ms(manifest_url, 200)
                # Pending: another edit, a worker alive (its heartbeat), nobody builds.
                edited.summary = f"{edited.summary} (noch einmal)"
                edited.save_revision().publish()
                background.beat()
                pending_save_ms = answer_ms(save_url, 200)
                pending_manifest_ms = answer_ms(manifest_url, 202)
                raise RollbackError
        except RollbackError:
            pass
    assert after is not None
    change = delta(before, after)

    print(
        json.dumps(
            {
                "bench": "offline",
                "database": connection.vendor,
                "load_average_1_5_15": [round(x, 2) for x in os.getloadavg()],
                "scale": SCALE,
                "region": REGION,
                "language": LANGUAGE,
                "files": len(manifest["files"]),
                "documents_rendered": len(urls),
                "bundle_bytes_raw": manifest["total_bytes"],
                "bundle_bytes_gzip": gzip_bytes,
                "gzip_ratio": round(gzip_bytes / manifest["total_bytes"], 3),
                "build_rounds": ROUNDS,
                "build_median_s": round(build_s, 2),
                "baseline_test_client_render_s": round(client_s, 2),
                "build_ratio_baseline_to_ours": round(client_s / build_s, 2),
                "publish_to_fresh_bundle_s": round(fresh_s, 2),
                "publish_to_fresh_target_s": FRESH_TARGET_S,
                "publish_to_fresh_ratio_to_target": round(fresh_s / FRESH_TARGET_S, 2),
                "save_page_pending_ms": round(pending_save_ms, 1),
                "save_page_ready_ms": round(ready_save_ms, 1),
                "manifest_pending_ms": round(pending_manifest_ms, 1),
                "manifest_ready_ms": round(ready_manifest_ms, 1),
                "save_page_target_ms": SAVE_PAGE_TARGET_MS,
                "save_page_ratio_to_target": round(
                    max(pending_save_ms, ready_save_ms) / SAVE_PAGE_TARGET_MS, 2
                ),
                "delta_files": len(change.download),
                "delta_bytes": change.download_bytes,
                "delta_to_full_ratio": round(change.download_bytes / after["total_bytes"], 4),
                "delta_urls": [entry["url"] for entry in change.download][:10],
            },
            ensure_ascii=False,
        ),
        flush=True,
    )


if __name__ == "__main__":
    if "--measure" in sys.argv:
        measure()
    else:
        main()
