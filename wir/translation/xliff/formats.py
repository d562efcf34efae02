"""Reading and writing XLIFF 1.2 and 2.0 documents of plain data (no ORM here).

XLIFF 1.2 is written with translate-toolkit (its file class set to the 1.2 namespace);
XLIFF 2.0 with lxml, because the toolkit writes 1.2-style inline codes into 2.0 files.
Both are read with lxml under one hardened parser (no DTDs, no entities, no network), so
that the inline elements come back exactly as written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from lxml import etree
from translate.storage import xliff as toolkit_xliff
from translate.storage.placeables import StringElem
from translate.storage.placeables import xliff as placeables

from wir.core.languages import DEFAULT_LANGUAGE
from wir.translation.xliff.inline import EMPTY, Content, InlineError, Node, tag_from_hints

NS12 = "urn:oasis:names:tc:xliff:document:1.2"
NS20 = "urn:oasis:names:tc:xliff:document:2.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
SOURCE_LANGUAGE = DEFAULT_LANGUAGE


class FormatError(ValueError):
    """The document is not an XLIFF file this platform reads; the message says why."""


@dataclass
class OutUnit:
    unit_id: str
    source: Content
    target: Content | None
    notes: list[str] = field(default_factory=list)


@dataclass
class OutFile:
    file_id: str  # "s<source pk>", also the 1.2 `original`
    units: list[OutUnit]


@dataclass
class InUnit:
    unit_id: str
    source: Content | None
    target: Content | None  # None when there is no target or it is empty
    problem: str | None = None  # inline markup that could not be read


@dataclass
class InDocument:
    version: str
    source_language: str
    target_languages: set[str]
    units: list[InUnit]


# --- XLIFF 1.2 through translate-toolkit ----------------------------------------------


class _Unit12(toolkit_xliff.xliffunit):
    namespace = NS12


class _File12(toolkit_xliff.xlifffile):
    namespace = NS12
    UnitClass = _Unit12
    XMLskeleton = f"""<?xml version="1.0" ?>
<xliff version='1.2' xmlns='{NS12}'>
<file original='NoName' source-language='{SOURCE_LANGUAGE}' datatype='html'>
<body>
</body>
</file>
</xliff>"""


def _placeables(content: Content) -> list[object]:
    items: list[object] = []
    for item in content:
        if isinstance(item, str):
            items.append(item)
            continue
        ctype = "lb" if item.tag == "br" else f"x-html-{item.tag}"
        element: Any
        if item.tag in EMPTY:
            element = placeables.X(id=item.id)
        else:
            element = placeables.G(id=item.id, sub=_placeables(item.children))
        element.xml_attrib = {"id": item.id, "ctype": ctype}
        items.append(element)
    return items


def write_12(files: Iterable[OutFile], target_language: str) -> bytes:
    store = _File12(sourcelanguage=SOURCE_LANGUAGE, targetlanguage=target_language)
    for out in files:
        for out_unit in out.units:
            unit = store.addsourceunit("", filename=out.file_id, createifmissing=True)
            unit.setid(out_unit.unit_id)
            unit.rich_source = [StringElem(_placeables(out_unit.source))]
            if out_unit.target is not None:
                unit.rich_target = [StringElem(_placeables(out_unit.target))]
                unit.xmlelement.find(f"{{{NS12}}}target").set("state", "translated")
            for note in out_unit.notes:
                unit.addnote(note, origin="developer")
    for file_node in store.document.getroot().iterchildren(f"{{{NS12}}}file"):
        file_node.set("target-language", target_language)
        file_node.set("datatype", "html")
    # Not bytes(store): the toolkit indents inside <source>/<target>, changing the text.
    return _serialise(store.document.getroot())


# --- XLIFF 2.0 with lxml ----------------------------------------------------------------


def _fill_20(parent: etree._Element, content: Content) -> None:
    last: etree._Element | None = None
    for item in content:
        if isinstance(item, str):
            if last is None:
                parent.text = (parent.text or "") + item
            else:
                last.tail = (last.tail or "") + item
            continue
        if item.tag in EMPTY:
            last = etree.SubElement(parent, f"{{{NS20}}}ph", id=item.id)
            last.set("type", "fmt")
            last.set("subType", "xlf:lb")
        else:
            last = etree.SubElement(parent, f"{{{NS20}}}pc", id=item.id)
            last.set("type", "link" if item.tag == "a" else "fmt")
            last.set("subType", f"html:{item.tag}")
            _fill_20(last, item.children)


def write_20(files: Iterable[OutFile], target_language: str) -> bytes:
    root = etree.Element(
        f"{{{NS20}}}xliff",
        nsmap={None: NS20},
        version="2.0",
        srcLang=SOURCE_LANGUAGE,
        trgLang=target_language,
    )
    for out in files:
        file_node = etree.SubElement(root, f"{{{NS20}}}file", id=out.file_id)
        for out_unit in out.units:
            unit = etree.SubElement(file_node, f"{{{NS20}}}unit", id=out_unit.unit_id)
            if out_unit.notes:
                notes = etree.SubElement(unit, f"{{{NS20}}}notes")
                for text in out_unit.notes:
                    etree.SubElement(notes, f"{{{NS20}}}note", category="context").text = text
            segment = etree.SubElement(unit, f"{{{NS20}}}segment")
            segment.set("state", "initial" if out_unit.target is None else "translated")
            source = etree.SubElement(segment, f"{{{NS20}}}source")
            source.set(f"{{{XML_NS}}}space", "preserve")
            _fill_20(source, out_unit.source)
            if out_unit.target is not None:
                target = etree.SubElement(segment, f"{{{NS20}}}target")
                target.set(f"{{{XML_NS}}}space", "preserve")
                _fill_20(target, out_unit.target)
    return _serialise(root)


_LEAVES = frozenset({"source", "target", "note"})


def _indent(element: etree._Element, level: int = 0) -> None:
    """Line breaks and indentation between structural elements only: the text inside
    <source>, <target> and <note> is content and stays exactly as it is."""
    children = [child for child in element if isinstance(child.tag, str)]
    if not children or etree.QName(element).localname in _LEAVES:
        return
    element.text = "\n" + "  " * (level + 1)
    for child in children:
        _indent(child, level + 1)
        child.tail = "\n" + "  " * (level + 1)
    children[-1].tail = "\n" + "  " * level


def _serialise(root: etree._Element) -> bytes:
    _indent(root)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


# --- reading ------------------------------------------------------------------------------

_PAIRED_NAMES = {NS12: "g", NS20: "pc"}
_EMPTY_NAMES = {NS12: "x", NS20: "ph"}


def _read_inline(element: etree._Element, namespace: str) -> Content:
    """The inline tree of a <source>/<target>; InlineError names what cannot be read."""
    content: Content = []

    def add_text(text: str | None) -> None:
        if not text:
            return
        if content and isinstance(content[-1], str):
            content[-1] += text
        else:
            content.append(text)

    add_text(element.text)
    for child in element:
        if not isinstance(child.tag, str):  # comments, processing instructions
            add_text(child.tail)
            continue
        qname = etree.QName(child)
        name = qname.localname
        if qname.namespace != namespace:
            raise InlineError(f"<{name}>")
        if name == "mrk":  # annotations of the translator's tool: keep their text
            for item in _read_inline(child, namespace):
                add_text(item) if isinstance(item, str) else content.append(item)
        elif name == "cp" and namespace == NS20:
            add_text(chr(int(child.get("hex", "20"), 16)))
        elif name in (_PAIRED_NAMES[namespace], _EMPTY_NAMES[namespace]):
            element_id = child.get("id") or ""
            kind = child.get("ctype") if namespace == NS12 else child.get("subType")
            tag = tag_from_hints(kind, element_id)
            paired = name == _PAIRED_NAMES[namespace]
            if tag is None or (tag in EMPTY) == paired:
                raise InlineError(f'<{name} id="{element_id}">')
            node = Node(tag, element_id)
            if paired:
                node.children = _read_inline(child, namespace)
            elif len(child) or child.text:
                raise InlineError(f'<{name} id="{element_id}">')
            content.append(node)
        else:
            raise InlineError(f"<{name}>")
        add_text(child.tail)
    return content


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def _unit_from(
    unit_id: str, sources: list[etree._Element], targets: list[etree._Element], ns: str
) -> InUnit:
    try:
        source: Content = []
        for node in sources:
            source.extend(_read_inline(node, ns))
        target: Content | None = None
        if targets:
            target = []
            for node in targets:
                target.extend(_read_inline(node, ns))
    except InlineError as error:
        return InUnit(unit_id, None, None, problem=str(error))
    if target is not None and not "".join(_text_and_ids(target)).strip():
        target = None
    return InUnit(unit_id, source, target)


def _text_and_ids(content: Content) -> list[str]:
    parts: list[str] = []
    for item in content:
        if isinstance(item, str):
            parts.append(item)
        else:
            parts.append(item.id if item.tag in EMPTY else "")
            parts.extend(_text_and_ids(item.children))
    return parts


def parse(data: bytes) -> InDocument:
    """Read an XLIFF 1.2 or 2.0 document; FormatError with a German message otherwise."""
    try:
        root = etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as error:
        raise FormatError(
            _("Die Datei ist kein lesbares XML (%(error)s).") % {"error": error.msg}
        ) from error
    tree = root.getroottree()
    if tree.docinfo.doctype:
        raise FormatError(_("Die Datei enthält eine DOCTYPE-Deklaration; das ist nicht erlaubt."))
    qname = etree.QName(root)
    if qname.localname != "xliff":
        raise FormatError(
            _("Die Datei ist keine XLIFF-Datei (Wurzelelement <%(name)s>).")
            % {"name": qname.localname}
        )
    version = root.get("version", "")
    if version == "1.2" and qname.namespace == NS12:
        return _parse_12(root)
    if version == "2.0" and qname.namespace == NS20:
        return _parse_20(root)
    raise FormatError(
        _("XLIFF-Version „%(version)s“ wird nicht unterstützt; erlaubt sind 1.2 und 2.0.")
        % {"version": version or "?"}
    )


def _parse_12(root: etree._Element) -> InDocument:
    ns = NS12
    files = root.findall(f"{{{ns}}}file")
    units: list[InUnit] = []
    for file_node in files:
        for unit in file_node.iter(f"{{{ns}}}trans-unit"):
            units.append(
                _unit_from(
                    unit.get("id", ""),
                    unit.findall(f"{{{ns}}}source"),
                    unit.findall(f"{{{ns}}}target"),
                    ns,
                )
            )
    sources = {f.get("source-language", "") for f in files}
    return InDocument(
        version="1.2",
        source_language=sources.pop() if len(sources) == 1 else ",".join(sorted(sources)),
        target_languages={f.get("target-language", "") for f in files},
        units=units,
    )


def _parse_20(root: etree._Element) -> InDocument:
    ns = NS20
    units: list[InUnit] = []
    for unit in root.iter(f"{{{ns}}}unit"):
        parts = [p for p in unit if etree.QName(p).localname in ("segment", "ignorable")]
        units.append(
            _unit_from(
                unit.get("id", ""),
                [s for p in parts for s in p.findall(f"{{{ns}}}source")],
                [t for p in parts for t in p.findall(f"{{{ns}}}target")],
                ns,
            )
        )
    return InDocument(
        version="2.0",
        source_language=root.get("srcLang", ""),
        target_languages={root.get("trgLang", "")},
        units=units,
    )
