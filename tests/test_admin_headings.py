"""Wagtail's admin header (`wagtailadmin/shared/header.html`) takes a context variable named
`heading` as a replacement for its whole <h1>: a page that stores its title in `heading`
(`{% translate "…" as heading %}`) loses its h1, which screen-reader users navigate by."""

import re
from pathlib import Path

WIR = Path(__file__).resolve().parent.parent / "wir"
NAMED_HEADING = re.compile(r"(\bas|\basvar)\s+heading\s*%}|with\s[^%]*\bheading=")


def test_no_admin_template_names_a_variable_heading() -> None:
    offenders = [
        f"{path.relative_to(WIR)}:{number}"
        for path in WIR.rglob("*.html")
        if "wagtailadmin/shared/header.html" in (text := path.read_text())
        for number, line in enumerate(text.splitlines(), 1)
        if NAMED_HEADING.search(line)
    ]
    assert not offenders, "Variable 'heading' ersetzt die h1 des Admin-Kopfes: " + ", ".join(
        offenders
    )
