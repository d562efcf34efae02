"""Inline markup of a segment between the segment layer's HTML and XLIFF elements.

A segment's HTML keeps inline tags bare (`Beim <a id="a1">Amt</a> <b>jetzt</b><br/>`).
In XLIFF every inline element needs an id and a kind that survives the translator's tool:

- paired tags (a, b, strong, em, i, code, abbr, acronym) become `<g id ctype>` in XLIFF 1.2
  and `<pc id type subType>` in XLIFF 2.0; links keep their id ("a1"), the others get the
  tag name and a counter ("b1", "em2"); `ctype="x-html-b"` / `subType="html:b"` name the tag,
  the id prefix is the fallback for tools that drop attributes;
- `<br>` becomes `<x id="br1" ctype="lb"/>` (1.2) or `<ph id="br1" type="fmt" subType="xlf:lb"/>`.

The tree in between (`Node`) is plain data, so both directions and the checks on import are
pure functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

PAIRED = frozenset({"a", "abbr", "acronym", "b", "code", "em", "i", "strong"})
EMPTY = frozenset({"br"})
ALLOWED = PAIRED | EMPTY


class InlineError(ValueError):
    """Inline markup that cannot be mapped (unknown tag, unbalanced, unknown id)."""


@dataclass
class Node:
    tag: str
    id: str
    children: list[Node | str] = field(default_factory=list)


Content = list["Node | str"]


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root: Content = []
        self.stack: list[Node] = []
        self.counters: dict[str, int] = {}

    def _append(self, item: Node | str) -> None:
        target = self.stack[-1].children if self.stack else self.root
        if isinstance(item, str) and target and isinstance(target[-1], str):
            target[-1] += item
        else:
            target.append(item)

    def _id(self, tag: str, attrs: list[tuple[str, str | None]]) -> str:
        given = dict(attrs).get("id")
        if tag == "a" and given:
            return given
        self.counters[tag] = self.counters.get(tag, 0) + 1
        return f"{tag}{self.counters[tag]}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED:
            raise InlineError(f"<{tag}>")
        node = Node(tag, self._id(tag, attrs))
        self._append(node)
        if tag in PAIRED:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED:
            raise InlineError(f"<{tag}/>")
        node = Node(tag, self._id(tag, attrs))
        self._append(node)

    def handle_endtag(self, tag: str) -> None:
        if tag in EMPTY:
            return
        if not self.stack or self.stack[-1].tag != tag:
            raise InlineError(f"</{tag}>")
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self._append(data)


def parse_html(html: str) -> Content:
    """The inline tree of a segment's HTML; InlineError for tags that cannot be inline."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    if builder.stack:
        raise InlineError(f"<{builder.stack[-1].tag}>")
    return builder.root


def to_html(content: Content) -> str:
    """The segment layer's HTML of an inline tree (links keep their id, others are bare)."""
    parts: list[str] = []
    for item in content:
        if isinstance(item, str):
            parts.append(escape(item, quote=False))
        elif item.tag in EMPTY:
            parts.append(f"<{item.tag}/>")
        else:
            opening = f'<a id="{escape(item.id)}">' if item.tag == "a" else f"<{item.tag}>"
            parts.append(f"{opening}{to_html(item.children)}</{item.tag}>")
    return "".join(parts)


def plain_text(content: Content) -> str:
    return "".join(item if isinstance(item, str) else plain_text(item.children) for item in content)


def ids(content: Content) -> list[tuple[str, str]]:
    """(id, tag) of every inline element in document order."""
    found: list[tuple[str, str]] = []
    for item in content:
        if isinstance(item, Node):
            found.append((item.id, item.tag))
            found.extend(ids(item.children))
    return found


_ID_PREFIX = re.compile(r"^([a-z]+)\d+$")


def tag_from_hints(kind: str | None, element_id: str) -> str | None:
    """The HTML tag an XLIFF inline element stands for: from ctype ("x-html-b") or subType
    ("html:b", "xlf:b", "xlf:lb"), else from the id ("b1", "br2", links "a1")."""
    if kind:
        name = kind.split(":", 1)[-1].removeprefix("x-html-")
        name = {"lb": "br", "bold": "b", "italic": "i", "link": "a"}.get(name, name)
        if name in ALLOWED:
            return name
    match = _ID_PREFIX.match(element_id)
    if match and match.group(1) in ALLOWED:
        return match.group(1)
    return None
