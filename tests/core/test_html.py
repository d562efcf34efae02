"""Rich text is cleaned before it is stored."""

import pytest

from wir.core.html import sanitise_rich_text

HOSTILE = (
    '<p onclick="steal()">Hallo <a href="javascript:steal()">Link</a></p>'
    "<script>steal()</script><style>body{display:none}</style>"
    '<img src="x" onerror="steal()">'
    '<iframe src="https://evil.example/"></iframe>'
    '<iframe src="http://video.example.org/clip"></iframe>'
    '<a href="data:text/html,<script>steal()</script>">Daten</a>'
    "<!-- Kommentar --><svg onload=steal()></svg>"
)


def test_scripts_handlers_and_foreign_frames_are_removed() -> None:
    cleaned = sanitise_rich_text(HOSTILE, ["video.example.org"])
    for forbidden in (
        "steal",
        "script",
        "onerror",
        "onclick",
        "evil.example",
        "<img",
        "<svg",
        "<style",
        "Kommentar",
        "data:",
        "http://video",
    ):
        assert forbidden not in cleaned, forbidden
    assert "<p>Hallo <a>Link</a></p>" in cleaned


def test_allowed_iframe_hosts_and_wagtail_references_survive() -> None:
    html = (
        '<p>Siehe <a linktype="page" id="12">Wohnen</a> und '
        '<a href="https://www.example.org/">hier</a>.</p>'
        '<embed embedtype="image" id="4" format="fullwidth" alt="Rathaus"/>'
        '<iframe src="https://video.example.org/embed/1" title="Film"></iframe>'
    )
    cleaned = sanitise_rich_text(html, ["video.example.org"])
    assert '<a linktype="page" id="12">Wohnen</a>' in cleaned
    assert '<a href="https://www.example.org/">hier</a>' in cleaned
    # Wagtail expands only the self-closing form of its embeds.
    assert '<embed embedtype="image" id="4" format="fullwidth" alt="Rathaus"/>' in cleaned
    assert '<iframe src="https://video.example.org/embed/1" title="Film"></iframe>' in cleaned


@pytest.mark.parametrize("html", ["", "<p>Schlicht</p>", "<ul><li>eins</li><li>zwei</li></ul>"])
def test_harmless_html_is_unchanged(html: str) -> None:
    assert sanitise_rich_text(html) == html
