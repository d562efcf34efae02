"""Small text helpers of the demo builder."""

from __future__ import annotations

from django.utils.html import strip_tags


def first_paragraph_text(html: str) -> str:
    start = html.find("<p>")
    end = html.find("</p>", start)
    if start == -1 or end == -1:
        return ""
    return strip_tags(html[start + 3 : end])[:300]
