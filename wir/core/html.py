"""Sanitising HTML that editors, imports or APIs store, with nh3 (Rust's ammonia).

Wagtail's editor only produces allowed markup, but rich text also arrives from imports and
the API and could be written to the database directly: every rich-text field of a public
model is cleaned on save. Wagtail's own references (`<a linktype="page" id="3">`,
`<embed embedtype="image" ...>`) survive; scripts, event handlers, `javascript:` links and
iframes from hosts not on the allowed list do not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

import nh3

TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "ul", "ol", "li", "a",
    "blockquote", "hr", "embed", "iframe", "sub", "sup",
}  # fmt: skip
ATTRIBUTES = {
    "a": {"href", "linktype", "id", "lang", "dir", "title"},
    "embed": {"embedtype", "id", "format", "alt", "url"},
    "iframe": {"src", "title", "width", "height", "allowfullscreen"},
    "p": {"lang", "dir"},
    "li": {"lang", "dir"},
    "h2": {"id"},
    "h3": {"id"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
REMOVE_WITH_CONTENT = {"script", "style", "template", "noscript"}
IFRAME_WITHOUT_SOURCE = re.compile(r"<iframe(?![^>]*\bsrc=)[^>]*>.*?</iframe>", re.DOTALL)
# nh3 writes void elements as `<embed ...>`; Wagtail only expands the `<embed .../>` form.
EMBED_TAG = re.compile(r"<embed(\b[^>]*?)\s*/?>")


def sanitise_rich_text(html: str, iframe_hosts: Iterable[str] = ()) -> str:
    """Clean `html`; iframes survive only with an https source on `iframe_hosts`."""
    if not html:
        return html
    allowed_hosts = {host.lower() for host in iframe_hosts}

    def keep(tag: str, attribute: str, value: str) -> str | None:
        if tag == "iframe" and attribute == "src":
            parts = urlsplit(value)
            if parts.scheme != "https" or (parts.hostname or "").lower() not in allowed_hosts:
                return None
        return value

    cleaned = nh3.clean(
        html,
        tags=TAGS,
        clean_content_tags=REMOVE_WITH_CONTENT,
        attributes=ATTRIBUTES,
        attribute_filter=keep,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    # An iframe that lost its source is an empty box: drop it.
    cleaned = IFRAME_WITHOUT_SOURCE.sub("", cleaned)
    return EMBED_TAG.sub(r"<embed\1/>", cleaned)
