"""The bundle build remembers region-wide lookups across its pages: the pages come out byte
for byte as rendered one by one, with fewer queries; outside a build nothing is kept."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import pytest
from django.utils import translation

from wir.core.memo import note_read, reads_into, remember, remembered
from wir.offline.documents import document_urls, render_documents

pytestmark = pytest.mark.django_db


def render(site: dict[str, Any], language: str) -> list[tuple[str, bytes]]:
    region = site["region"]
    with translation.override(language):
        return [(d.url, d.content) for d in render_documents(region, language)]


def test_pages_rendered_in_a_build_are_byte_identical(site, query_count) -> None:
    region = site["region"]
    assert len(document_urls(region, "de")) > 3
    with query_count.capture() as alone:
        one_by_one = render(site, "de")
    with query_count.capture() as together, remembered():
        in_a_build = render(site, "de")
    assert in_a_build == one_by_one
    assert len(together) < len(alone)


def test_nothing_is_remembered_outside_a_build() -> None:
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert (remember("k", compute), remember("k", compute)) == (1, 2)
    with remembered():
        assert (remember("k", compute), remember("k", compute)) == (3, 3)
    assert remember("k", compute) == 4


def test_while_reads_are_collected_each_page_pays_for_and_gets_its_own_copy() -> None:
    def compute() -> list[str]:
        note_read("the row it read")
        return ["Wetterau"]

    first_page: set[Hashable] = set()
    second_page: set[Hashable] = set()
    with remembered():
        with reads_into(first_page):
            first = remember("k", compute)
            first.append("loaded later by the first page")
        with reads_into(second_page):
            second = remember("k", compute)
    assert first_page == second_page == {"the row it read"}
    assert second == ["Wetterau"]  # as computed, not as the first page left it
