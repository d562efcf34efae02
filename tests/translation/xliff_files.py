"""Plain helpers of the XLIFF tests: the German text used, and filling an exported file
with translations as a translator's tool would."""

from __future__ import annotations

from lxml import etree

from wir.translation.xliff.formats import NS12, NS20

BODY = (
    '<p>Beim <a href="https://example.org/amt">Bürgerbüro</a> <b>anmelden</b> &amp; '
    "<i>warten</i>.<br/>Danach zum Jobcenter.</p>"
)


def fill(data: bytes, version: str, texts: dict[str, str]) -> bytes:
    """Put translations (by source plain text prefix → XML fragment) into an exported file."""
    ns = NS12 if version == "1.2" else NS20
    root = etree.fromstring(data)
    unit_tag = "trans-unit" if version == "1.2" else "unit"
    for unit in root.iter(f"{{{ns}}}{unit_tag}"):
        source = unit.find(f".//{{{ns}}}source")
        text = "".join(source.itertext())
        fragment = next((v for k, v in texts.items() if text.startswith(k)), None)
        if fragment is None:
            continue
        parent = source.getparent()
        old = parent.find(f"{{{ns}}}target")
        if old is not None:
            parent.remove(old)
        target = etree.fromstring(f'<target xmlns="{ns}">{fragment}</target>')
        source.addnext(target)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def translations(version: str) -> dict[str, str]:
    if version == "1.2":
        body = (
            'في <g id="a1" ctype="x-html-a">مكتب المواطنين</g> <g id="b1" ctype="x-html-b">سجّل</g>'
            ' &amp; <g id="i1" ctype="x-html-i">انتظر</g>.<x id="br1" ctype="lb"/>ثم Jobcenter.'
        )
    else:
        body = (
            'في <pc id="a1" subType="html:a">مكتب المواطنين</pc> <pc id="b1" subType="html:b">'
            'سجّل</pc> &amp; <pc id="i1" subType="html:i">انتظر</pc>.'
            '<ph id="br1" subType="xlf:lb"/>ثم Jobcenter.'
        )
    return {"Anmelden": "التسجيل", "anmelden": "anmelden-ar", "Kurz": "باختصار", "Beim": body}
