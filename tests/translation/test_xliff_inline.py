"""Inline markup survives XLIFF 1.2 and 2.0 unchanged (pure functions, no database)."""

from __future__ import annotations

from html import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from wagtail_localize.strings import StringValue

from wir.translation.xliff.formats import OutFile, OutUnit, parse, write_12, write_20
from wir.translation.xliff.inline import parse_html, to_html

TEXT = st.text(
    alphabet=st.characters(
        codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters="\x00"
    ),
    min_size=1,
    max_size=12,
).map(lambda text: escape(text, quote=False))


@st.composite
def segment_html(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    links = draw(st.integers(0, 2)) if depth == 0 else 0
    for number in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["text", "b", "em", "br", "a"] if depth < 2 else ["text"]))
        if kind == "text":
            parts.append(draw(TEXT))
        elif kind == "br":
            parts.append("<br/>")
        elif kind == "a" and number < links:
            parts.append(f'<a id="a{number + 1}">{draw(segment_html(depth + 1))}</a>')
        elif kind in ("b", "em"):
            parts.append(f"<{kind}>{draw(segment_html(depth + 1))}</{kind}>")
        else:
            parts.append(draw(TEXT))
    return "".join(parts)


@pytest.mark.parametrize("writer", [write_12, write_20])
@settings(max_examples=60, deadline=None)
@given(html=segment_html())
def test_inline_markup_round_trips(writer, html: str) -> None:
    normalised = StringValue.from_translated_html(html).data
    tree = parse_html(normalised)
    assert to_html(tree) == normalised
    data = writer([OutFile("s1", [OutUnit("s1:body", tree, tree, ["Feld: Inhalt"])])], "ar")
    [unit] = parse(data).units
    assert unit.problem is None
    assert to_html(unit.source or []) == normalised
    if unit.target is not None:  # a target of only spaces counts as empty
        assert to_html(unit.target) == normalised
