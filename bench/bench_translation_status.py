"""The translation status matrix: 500 German pages × 10 languages, against a naive
per-cell computation with the ORM on the same data.

The data (built once into var/bench/translation-status/, a few minutes): a region with
German and 10 languages, 500 content pages registered with wagtail-localize (title, slug,
intro, two paragraphs), translations as pages; per (page, language): 60 % translated,
15 % outdated (a German paragraph changed after the translation), 10 % machine-made,
15 % missing. "ours" is `states.matrix` (constant number of queries); "admin" the whole
admin page (rendered matrix, signed-in superuser, in-process client); "naive" asks the
database per cell.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import bench_env, manage

PAGES = int(os.environ.get("WIR_BENCH_STATUS_PAGES", "500"))
LANGUAGES = ["en", "ar", "fa", "uk", "tr", "ru", "ti", "so", "fr", "de-x-ls"]
ROUNDS = 5
SLUG = "statuskreis"


def build() -> None:
    from decimal import Decimal

    from django.db import transaction
    from wagtail.models import Locale
    from wagtail_localize.models import String, StringSegment, StringTranslation
    from wagtail_localize.strings import StringValue

    from wir.accounts.actions import sync_region_groups
    from wir.core.actions import create_region
    from wir.core.models import Region
    from wir.portal.actions import create_home_pages
    from wir.portal.models import ContentPage
    from wir.translation import segments

    if Region.objects.filter(slug=SLUG).exists():
        return
    with transaction.atomic():
        region = create_region(
            slug=SLUG,
            name="Statuskreis",
            prefix=Region.Prefix.LANDKREIS,
            centre=(Decimal("50.3"), Decimal("8.8")),
            bbox=(Decimal("8.6"), Decimal("50.1"), Decimal("9.3"), Decimal("50.5")),
            language_codes=["de", *LANGUAGES],
        )
        homes = create_home_pages(region, {code: f"Start {code}" for code in ["de", *LANGUAGES]})
        sync_region_groups(region)
        german = Locale.objects.get(language_code="de")
        locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
        for index in range(PAGES):
            fields = {
                "title": f"Seite {index}",
                "slug": f"seite-{index}",
                "intro": f"Kurz zu Seite {index}",
                "body": f"<p>Erster Absatz {index}.</p><p>Zweiter Absatz {index}.</p>",
            }
            page = ContentPage(locale=german, live=True, **fields)
            homes["de"].add_child(instance=page)
            source = segments.register(page)
            units = list(
                StringSegment.objects.filter(source=source).values_list("string_id", "context_id")
            )
            rows = []
            for position, code in enumerate(LANGUAGES):
                kind = (index + position) % 20  # 0-2 missing, 3-5 outdated, 6-7 machine
                if kind < 3:
                    continue
                target = ContentPage(
                    locale=locales[code],
                    translation_key=page.translation_key,
                    live=True,
                    **{**fields, "title": f"{code} {index}"},
                )
                homes[code].add_child(instance=target)
                for number, (string_id, context_id) in enumerate(units):
                    if 3 <= kind < 6 and number == len(units) - 1:
                        old = String.from_value(german, StringValue.from_plaintext(f"Alt {index}"))
                        string_id = old.pk
                    rows.append(
                        StringTranslation(
                            translation_of_id=string_id,
                            context_id=context_id,
                            locale=locales[code],
                            data=f"{code}: {number}",
                            translation_type="machine" if kind in (6, 7) else "manual",
                        )
                    )
            StringTranslation.objects.bulk_create(rows)


def naive_matrix(region: object) -> dict[tuple[int, str], str]:
    """Per cell: does the target exist, which segments have a translation, which an
    earlier one, is any machine-made — each asked with the ORM; Easy German by the dates of
    the two versions and an editor's confirmation."""
    from wagtail.models import Locale, Page
    from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

    from wir.translation.models import EasyGermanCheck
    from wir.translation.status import states

    result: dict[tuple[int, str], str] = {}
    codes = states.region_languages(region)  # type: ignore[arg-type]
    home = Page.objects.get(url_path=f"/{SLUG}/de/")
    for page in Page.objects.descendant_of(home).filter(locale__language_code="de"):
        source = TranslationSource.objects.filter(object_id=page.translation_key).first()
        for code in codes:
            locale = Locale.objects.get(language_code=code)
            if not Page.objects.filter(
                translation_key=page.translation_key, locale=locale
            ).exists():
                result[(page.pk, code)] = states.MISSING
                continue
            if code == states.EASY_GERMAN:  # compared as a whole version, by dates
                target = Page.objects.get(translation_key=page.translation_key, locale=locale)
                check = EasyGermanCheck.objects.filter(
                    translation_key=page.translation_key, language_code=code
                ).first()
                german_at = page.last_published_at
                basis = [
                    t for t in (target.last_published_at, check and check.german_published_at) if t
                ]
                result[(page.pk, code)] = (
                    states.UP_TO_DATE
                    if german_at is None or any(t >= german_at for t in basis)
                    else states.OUTDATED
                )
                continue
            outdated = missing = machine = False
            for segment in StringSegment.objects.filter(source=source):
                own = StringTranslation.objects.filter(
                    translation_of_id=segment.string_id,
                    context_id=segment.context_id,
                    locale=locale,
                ).first()
                if own is None:
                    earlier = StringTranslation.objects.filter(
                        context_id=segment.context_id, locale=locale
                    ).exclude(translation_of_id=segment.string_id)
                    outdated |= earlier.exists()
                    missing = True
                elif own.translation_type == "machine":
                    machine = True
            result[(page.pk, code)] = (
                states.OUTDATED
                if outdated
                else states.MISSING
                if missing
                else states.MACHINE_UNREVIEWED
                if machine
                else states.UP_TO_DATE
            )
    return result


def timed(function: object, rounds: int) -> list[float]:
    timings = []
    for _round in range(rounds):
        started = time.perf_counter()
        function()  # type: ignore[operator]
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def main() -> None:
    env = bench_env("translation-status")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")  # the admin page needs the manifest
    os.environ.update(env)
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from wir.accounts.models import User
    from wir.core.models import Region
    from wir.translation.status import states
    from wir.translation.status.views import ROWS_PER_PAGE

    started = time.perf_counter()
    build()
    build_s = time.perf_counter() - started
    region = Region.objects.select_related("root_page").get(slug=SLUG)

    with CaptureQueriesContext(connection) as queries:
        ours = states.matrix(region)
    ours_queries = len(queries)  # read now: each request of the admin client resets the log
    cells = len(ours.rows) * len(ours.languages)
    ours_ms = timed(lambda: states.matrix(region), ROUNDS)

    user, _created = User.objects.get_or_create(
        username="bench-status", defaults={"is_superuser": True, "is_staff": True}
    )
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, name="bench", defaults={"confirmed": True}
    )
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    url = f"/admin/uebersetzung/stand/{SLUG}/"
    assert client.get(url).status_code == 200
    admin_ms = timed(lambda: client.get(url), ROUNDS)

    naive_queries = 0

    def counting(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        nonlocal naive_queries
        naive_queries += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counting):
        naive_ms = timed(lambda: naive_matrix(region), 1)
    naive = naive_matrix(region)
    agree = sum(
        1
        for row in ours.rows
        for code, cell in row.cells.items()
        if naive.get((row.item.object_id, code)) == cell.status
    )
    if agree != cells:  # the fast matrix must say what the obvious computation says
        print(f"status matrix disagrees with the naive computation in {cells - agree} cells")
    ours_p50 = statistics.median(ours_ms)
    print(
        json.dumps(
            {
                "bench": "translation_status",
                "pages": len(ours.rows),
                "languages": len(ours.languages),
                "cells": cells,
                "counts": {code: dict(ours.counts[code]) for code in ours.languages[:2]},
                "build_s": round(build_s, 1),
                "ours": {"p50_ms": round(ours_p50, 1), "queries": ours_queries},
                "admin_page": {
                    "p50_ms": round(statistics.median(admin_ms), 1),
                    "rows_shown": min(len(ours.rows), ROWS_PER_PAGE),
                },
                "naive_per_cell": {
                    "ms": round(naive_ms[0], 1),
                    "queries": naive_queries,
                },
                "cells_agreeing_with_naive": agree,
                "ratio_naive_to_ours": round(naive_ms[0] / ours_p50, 1),
            }
        ),
        flush=True,
    )


if __name__ == "__main__":
    main()
