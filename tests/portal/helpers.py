"""Reading public pages as a browser would: which language and direction a text is shown in."""

from __future__ import annotations

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class _Languages(HTMLParser):
    def __init__(self, needle: str) -> None:
        super().__init__()
        self.needle = needle
        self.stack: list[tuple[str, str, str]] = []  # (tag, lang, dir) inherited
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        lang, direction = self.stack[-1][1:] if self.stack else ("", "")
        lang = values.get("lang") or lang
        direction = values.get("dir") or direction
        if tag not in VOID:
            self.stack.append((tag, lang, direction))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        in_body = any(tag == "body" for tag, _lang, _dir in self.stack)
        if self.needle in data and in_body:
            self.found.append(self.stack[-1][1:])


def language_of(html: str, text: str) -> tuple[str, str]:
    """(lang, dir) in effect where `text` is shown in the body (the first occurrence)."""
    parser = _Languages(text)
    parser.feed(html)
    assert parser.found, f"{text!r} is not on the page"
    return parser.found[0]
