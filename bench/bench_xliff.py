"""XLIFF export and import of a 500-page region, XLIFF 1.2 and 2.0, against plain JSON.

Export: register the German pages with wagtail-localize, read their segments and write one
XLIFF document ("full"), and only the writing step of the same segments ("serialise").
Baseline: the same segments written as plain JSON (`json.dumps`), in the same run.
Import: the exported file with every target filled (the German text with its markup) goes
through the whole checked import (parse, validate, glossary check, write, apply 500 pages
in one transaction). Baseline: the same texts from JSON through `segments.write` and
`segments.apply` without the XLIFF checks. A warm-up round creates the Arabic pages; the
measured rounds update them (medians). WIR_BENCH_XLIFF_PAGES, _ROUNDS override.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PYTHON, ROOT, bench_env, manage

PAGES = int(os.environ.get("WIR_BENCH_XLIFF_PAGES", "500"))
ROUNDS = int(os.environ.get("WIR_BENCH_XLIFF_ROUNDS", "3"))
REGION = f"benchxliff{PAGES}"
LANGUAGE = "ar"


def build_region() -> None:
    """Runs inside Django (bench_xliff.py --build): like bench_api's region, plus Arabic."""
    import django

    django.setup()
    from decimal import Decimal

    from django.db import transaction

    from wir.core.actions import create_region
    from wir.core.models import Region
    from wir.portal.actions import create_home_pages, publish
    from wir.portal.models import ContentPage

    if Region.objects.filter(slug=REGION).exists():
        return
    paragraph = (
        '<p>Hier finden Sie <a href="https://example.org/beratung">Beratung</a>, '
        "<b>Sprachkurse</b> und Freizeitangebote im Landkreis.<br/>Die Beratung ist "
        "<i>kostenlos</i> und vertraulich; bringen Sie Ihre Unterlagen mit.</p>"
    )
    with transaction.atomic():
        region = create_region(
            slug=REGION,
            name="XLIFF-Kreis",
            prefix="Landkreis",
            centre=(Decimal("50.30"), Decimal("8.80")),
            bbox=(Decimal("8.60"), Decimal("50.10"), Decimal("9.30"), Decimal("50.50")),
            language_codes=["de", LANGUAGE],
        )
        home = create_home_pages(region, {"de": "XLIFF-Kreis", LANGUAGE: "XLIFF"})["de"]
        sections = 20
        for section in range(sections):
            top = ContentPage(title=f"Thema {section}", slug=f"thema-{section}", intro="Thema")
            home.add_child(instance=top)
            publish(top)
            for number in range(PAGES // sections - 1):
                page = ContentPage(
                    title=f"Seite {section}-{number}",
                    slug=f"seite-{number}",
                    intro="Kurzbeschreibung der Seite",
                    body=paragraph * 4,
                )
                top.add_child(instance=page)
                publish(page)


def timed(action: Callable[[], Any], rounds: int = ROUNDS) -> tuple[list[float], Any]:
    timings, result = [], None
    for _round in range(rounds):
        started = time.perf_counter()
        result = action()
        timings.append(time.perf_counter() - started)
    return timings, result


def filled(data: bytes, version: str) -> bytes:
    """Every unit gets its source as target (a valid translation keeping all markup)."""
    from lxml import etree

    from wir.translation.xliff.formats import NS12, NS20

    ns = NS12 if version == "1.2" else NS20
    root = etree.fromstring(data)
    for source in root.iter(f"{{{ns}}}source"):
        parent = source.getparent()
        for old in parent.findall(f"{{{ns}}}target"):
            parent.remove(old)
        target = etree.fromstring(etree.tostring(source))
        target.tag = f"{{{ns}}}target"
        source.addnext(target)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def measure() -> None:
    import django

    django.setup()
    from wagtail.models import Locale, Page

    from wir.core.models import Region
    from wir.translation import segments
    from wir.translation.xliff import export, importing
    from wir.translation.xliff.formats import OutFile, OutUnit, write_12, write_20
    from wir.translation.xliff.inline import parse_html

    region = Region.objects.get(slug=REGION)
    locale = Locale.objects.get(language_code=LANGUAGE)
    home = Page.objects.get(url_path=f"/{REGION}/de/")
    pages = export.select(region, LANGUAGE, page_ids=[home.pk], subtree=True)
    pages = [page for page in pages if page.depth > 3][:PAGES]

    def collect() -> list[tuple[Any, list[segments.Unit]]]:
        collected = []
        for page in pages:
            source = segments.register(page)
            collected.append((source, segments.units(source, locale)))
        return collected

    def as_json(collected: list[tuple[Any, list[segments.Unit]]]) -> bytes:
        return json.dumps(
            [
                {"source": source.pk, "units": [[u.path, u.source, u.target] for u in units]}
                for source, units in collected
            ],
            ensure_ascii=False,
        ).encode()

    collected = collect()
    files = [
        OutFile(
            f"s{source.pk}",
            [OutUnit(f"s{source.pk}:{u.path}", parse_html(u.source), None) for u in units],
        )
        for source, units in collected
    ]
    figures: dict[str, Any] = {}
    json_full, json_bytes = timed(lambda: as_json(collect()))
    json_ser, _ = timed(lambda: as_json(collected), rounds=ROUNDS * 3)
    figures["json"] = {
        "export_full_s": round(statistics.median(json_full), 3),
        "serialise_s": round(statistics.median(json_ser), 4),
        "bytes": len(json_bytes),
    }
    units = sum(len(u) for _s, u in collected)
    exports: dict[str, bytes] = {}
    for version, writer in (("1.2", write_12), ("2.0", write_20)):
        full, (data, _count) = timed(lambda v=version: export.export(pages, LANGUAGE, v))
        ser, _ = timed(lambda w=writer: w(files, LANGUAGE), rounds=ROUNDS * 3)
        exports[version] = data
        figures[version] = {
            "export_full_s": round(statistics.median(full), 3),
            "serialise_s": round(statistics.median(ser), 4),
            "bytes": len(data),
        }

    # import: the JSON baseline first (it creates the Arabic pages), then each version
    def json_import() -> None:
        from django.db import transaction

        rows = json.loads(as_json(collected))
        with transaction.atomic():
            for (source, units_), row in zip(collected, rows, strict=True):
                by_path = {u.path: u for u in units_}
                texts = {by_path[path].segment_id: text for path, text, _t in row["units"]}
                segments.write(source, locale, texts)
                segments.apply(source, locale)

    json_import()  # warm-up: creates the Arabic pages, so every measured round updates
    uploads = {version: filled(data, version) for version, data in exports.items()}
    import_times: dict[str, list[float]] = {"json": [], "1.2": [], "2.0": []}
    reports: dict[str, Any] = {}
    # Rounds interleave the baseline and both versions, so a busy machine hits all alike.
    for _round in range(ROUNDS):
        started = time.perf_counter()
        json_import()
        import_times["json"].append(time.perf_counter() - started)
        for version, upload in uploads.items():
            started = time.perf_counter()
            reports[version] = importing.import_file(upload, region, LANGUAGE)
            import_times[version].append(time.perf_counter() - started)
            if not reports[version].ok:
                raise SystemExit(f"import {version} failed: {reports[version].errors[:3]}")
    figures["json"]["import_s"] = round(statistics.median(import_times["json"]), 3)
    for version, report in reports.items():
        figures[version]["import_s"] = round(statistics.median(import_times[version]), 3)
        figures[version]["imported_units"] = report.imported
        figures[version]["applied_objects"] = len(report.applied)
    for version in ("1.2", "2.0"):
        print(
            json.dumps(
                {
                    "bench": "xliff",
                    "version": version,
                    "pages": len(pages),
                    "units": units,
                    "rounds": ROUNDS,
                    **figures[version],
                    "baseline_json": figures["json"],
                    "export_full_ratio_to_json": round(
                        figures[version]["export_full_s"] / figures["json"]["export_full_s"], 2
                    ),
                    "serialise_ratio_to_json": round(
                        figures[version]["serialise_s"] / figures["json"]["serialise_s"], 1
                    ),
                    "import_ratio_to_json": round(
                        figures[version]["import_s"] / figures["json"]["import_s"], 2
                    ),
                    "database": "SQLite",
                }
            ),
            flush=True,
        )


def main() -> None:
    env = bench_env("xliff")
    manage(env, "migrate", "--noinput", "-v0")
    subprocess.run([PYTHON, __file__, "--build"], cwd=ROOT, env=env, check=True)
    subprocess.run([PYTHON, __file__, "--measure"], cwd=ROOT, env=env, check=True)


if __name__ == "__main__":
    if "--build" in sys.argv or "--measure" in sys.argv:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wir.settings")
        sys.path.insert(0, str(ROOT))
        build_region() if "--build" in sys.argv else measure()
    else:
        main()
