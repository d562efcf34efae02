"""Import steps for the page tree and the imprint (called inside import_actions' transaction)."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.text import slugify
from wagtail.models import Locale, Page

from wir.api.integreat.import_state import ImportRun
from wir.api.integreat.importer import ImportLanguage, our_language_code
from wir.api.integreat.mapping import (
    UNICODE_SLUG,
    slug_from_path,
    source_hash,
    translation_groups,
)
from wir.api.integreat.records import ImprintRecord, OrganizationRecord, PageRecord
from wir.api.models import IntegreatRecord
from wir.portal.actions import add_translation, publish
from wir.portal.models import ContentPage, LegalPage, PageExtra, PageOrganisation

PAGE = IntegreatRecord.Kind.PAGE
IMPRINT = IntegreatRecord.Kind.IMPRINT
URL_LENGTH = 500  # PageExtra.url, PageOrganisation.logo_url


def unique_slug(parent: Page, candidate: str, own: Page | None = None) -> str:
    """`candidate`, or with -2, -3, … when a sibling already has it."""
    siblings = Page.objects.child_of(parent)
    if own is not None:
        siblings = siblings.exclude(pk=own.pk)
    taken = set(siblings.values_list("slug", flat=True))
    slug, number = candidate, 2
    while slug in taken:
        slug = f"{candidate[:190]}-{number}"
        number += 1
    return slug


def free_translation_source(source: Page | None, locale: Locale) -> Page | None:
    """`source`, unless its translation group already has a page in `locale`."""
    if source is None:
        return None
    taken = Page.objects.filter(translation_key=source.translation_key, locale=locale).exists()
    return None if taken else source


def create_page(
    run: ImportRun, parent: Page, language: str, source: Page | None, page: Page
) -> Page:
    """Add `page` (unsaved, fields set) under `parent`, as a translation of `source` if any."""
    locale = run.locales[language]
    source = free_translation_source(source, locale)
    if source is not None:
        fields = {
            field: getattr(page, field)
            for field in ("title", "slug", "intro", "body", "kind", "organisation")
            if hasattr(page, field)
        }
        if isinstance(page, ContentPage):
            fields["extras"] = list(page.extras.all())
        return add_translation(source, parent, locale, **fields)
    page.locale = locale
    parent.add_child(instance=page)
    publish(page)
    return page


def update_page(page: Page, parent: Page | None, fields: dict[str, Any]) -> Page:
    """Write changed fields as a new, published revision; move under `parent` if it changed."""
    if parent is not None and page.get_parent().pk != parent.pk:
        page.move(parent, pos="last-child")
        page = type(page).objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    publish(page)
    return page


# --- pages ------------------------------------------------------------------------------


def page_hash(record: PageRecord) -> str:
    return source_hash(
        {
            "title": record.title,
            "content": record.content,
            "path": record.path,
            "parent": [record.parent.id, record.parent.path],
            "order": record.order,
            "organization": record.organization.model_dump() if record.organization else None,
            "embedded_offers": [offer.model_dump() for offer in record.embedded_offers],
        }
    )


def web_address(value: str | None) -> str:
    """`value` if it is a usable http(s) address for a URLField, else ""."""
    text = (value or "").strip()
    if len(text) > URL_LENGTH:
        return ""
    try:
        URLValidator(schemes=["http", "https"])(text)
    except ValidationError:
        return ""
    return text


def as_slug(text: str) -> str:
    """`text` if it is a slug already (Unicode letters allowed), else slugified."""
    text = text.strip()
    return text if UNICODE_SLUG.match(text) else slugify(text, allow_unicode=True)


def page_extras(record: PageRecord) -> list[PageExtra]:
    """Integreat's embedded offers (external tools) of a page, in their order."""
    return [
        PageExtra(
            name=offer.name.strip()[:200],
            alias=as_slug(offer.alias or offer.name)[:100] or "werkzeug",
            url=web_address(offer.url),
            thumbnail=web_address(offer.thumbnail),
            post=offer.post,
            sort_order=position,
        )
        for position, offer in enumerate(record.embedded_offers)
    ]


def normal_path(path: str | None) -> str:
    return unquote(path or "").rstrip("/")


def paths_of(records: list[PageRecord]) -> dict[str, PageRecord]:
    return {normal_path(record.path): record for record in records}


def parent_record(record: PageRecord, by_path: dict[str, PageRecord]) -> PageRecord | None:
    """The parent's record in the same file (None: top level, or not in the file)."""
    if record.parent.id == 0:
        return None
    return by_path.get(normal_path(record.parent.path))


def tree_depths(records: list[PageRecord]) -> dict[int, int]:
    """Each page's depth through its parents in the file (0: top level or parent missing).

    Follows `parent.path` rather than counting the page's own path, so a parent is always
    handled before its children; a cycle in broken data ends the walk.
    """
    by_path = paths_of(records)
    depths: dict[int, int] = {}
    for record in records:
        chain: list[PageRecord] = []
        current: PageRecord | None = record
        while current is not None and current.id not in depths:
            if any(item.id == current.id for item in chain):
                break
            chain.append(current)
            current = parent_record(current, by_path)
        depth = depths.get(current.id, 0) + 1 if current is not None else 0
        for item in reversed(chain):
            depths[item.id] = depth
            depth += 1
    return depths


class PageImport:
    def __init__(self, run: ImportRun) -> None:
        self.run = run
        self.groups = translation_groups(run.bundle.pages, our_language_code)
        self.group_pages: dict[int, Page] = {}
        self.done: dict[tuple[str, int], Page] = {}
        self.organisations: dict[str, PageOrganisation] = {}

    def organisation(self, record: OrganizationRecord | None) -> PageOrganisation | None:
        """Ours for Integreat's organisation (by slug within the region), kept current."""
        if record is None:
            return None
        slug = as_slug(record.slug or record.name)[:200] or "organisation"
        if slug in self.organisations:
            return self.organisations[slug]
        wanted = {
            "name": record.name.strip()[:200],
            "website": web_address(record.website),
            "logo_url": web_address(record.logo),
        }
        found, created = PageOrganisation.objects.get_or_create(
            region=self.run.region, slug=slug, defaults=wanted
        )
        if created:
            self.run.report.notes.append(f"Organisation „{found.name}“ angelegt.")
        elif any(getattr(found, name) != value for name, value in wanted.items()):
            for name, value in wanted.items():
                setattr(found, name, value)
            found.save()
        self.organisations[slug] = found
        return found

    def run_all(self) -> None:
        for language in self.run.bundle.languages:
            records = self.run.bundle.pages.get(language.code)
            if records:
                self.import_language(language, records)

    def import_language(self, language: ImportLanguage, records: list[PageRecord]) -> None:
        depths = tree_depths(records)
        ordered = sorted(records, key=lambda r: (depths[r.id], r.order, r.id))
        by_path = paths_of(records)
        label = f"Seiten ({language.code})"
        for record in self.run.progress(ordered, label):
            self.import_page(language, record, by_path)
        self.reorder(language.code, records)
        self.note_vanished(language.code, records)

    def reorder(self, code: str, records: list[PageRecord]) -> None:
        """Put imported siblings in Integreat's order (pages created in order already are)."""
        ours = {r.id: self.done[(code, r.id)].pk for r in records if (code, r.id) in self.done}
        paths = dict(Page.objects.filter(pk__in=ours.values()).values_list("pk", "path"))
        siblings: dict[str, list[tuple[tuple[int, int], int]]] = {}
        for record in records:
            if record.id in ours:
                pk = ours[record.id]
                parent_path = paths[pk][: -Page.steplen]
                siblings.setdefault(parent_path, []).append(((record.order, record.id), pk))
        for parent_path, entries in siblings.items():
            wanted = [pk for _order, pk in sorted(entries)]
            current = Page.objects.filter(pk__in=wanted).order_by("path")
            if list(current.values_list("pk", flat=True)) == wanted:
                continue
            parent = Page.objects.get(path=parent_path)
            for pk in wanted:
                Page.objects.get(pk=pk).move(parent, pos="last-child")

    def note_vanished(self, code: str, records: list[PageRecord]) -> None:
        seen = {str(record.id) for record in records}
        vanished = [
            key
            for (kind, key, language) in self.run.store.records
            if kind == PAGE and language == code and key not in seen
        ]
        if vanished:
            self.run.report.notes.append(
                f"{len(vanished)} Seite(n) ({code}) gibt es in Integreat nicht mehr "
                "(nicht gelöscht, bitte prüfen)."
            )

    def parent_for(
        self, language: str, record: PageRecord, by_path: dict[str, PageRecord]
    ) -> Page | str:
        """Our parent page, or the reason why there is none."""
        if record.parent.id == 0:
            return self.run.homes[language]
        candidate = parent_record(record, by_path)
        if candidate is None:
            return f"übergeordnete Seite fehlt (parent.id={record.parent.id})"
        parent = self.done.get((language, candidate.id))
        if parent is None:
            return "übergeordnete Seite wurde übersprungen"
        return parent

    def translation_source(self, language: str, record: PageRecord) -> Page | None:
        group = self.groups.get((language, record.id))
        if group is not None and group in self.group_pages:
            return self.group_pages[group]
        for other, link in record.available_languages.items():
            if link.id is None:
                continue
            page = self.run.store.find(PAGE, str(link.id), our_language_code(other), Page)
            if page is not None:
                return page
        return None

    def import_page(
        self, language: ImportLanguage, record: PageRecord, by_path: dict[str, PageRecord]
    ) -> None:
        code, run = language.code, self.run
        what = f"Seite {record.id} ({language.integreat_code}) „{record.title[:60]}“"
        parent = self.parent_for(code, record, by_path)
        if isinstance(parent, str):
            run.report.skip(PAGE, what, parent)
            return
        if not record.title.strip():
            run.report.skip(PAGE, what, "ohne Titel")
            return
        digest = page_hash(record)
        key = str(record.id)
        stored = run.store.get(PAGE, key, code)
        existing = run.store.target(stored, ContentPage)
        source = self.translation_source(code, record)
        # Integreat's excerpt is derived from the content (its first words): it is not
        # text of its own, so the intro stays empty (our API derives the excerpt alike).
        fields: dict[str, Any] = {
            "title": record.title.strip()[:255],
            "intro": "",
            "body": record.content,
        }
        counts = run.report.counts[PAGE]
        if existing is not None and stored is not None and stored.source_hash == digest:
            counts.unchanged += 1
            page: Page = existing
        else:
            slug = slug_from_path(record.path) or (source.slug if source else "")
            slug = slug or slug_from_path(record.title) or f"seite-{record.id}"
            fields["organisation"] = self.organisation(record.organization)
            if existing is not None:
                fields["slug"] = unique_slug(parent, slug, own=existing)
                fields["extras"] = page_extras(record)
                page = update_page(existing, parent, fields)
                counts.updated += 1
            else:
                new = ContentPage(slug=unique_slug(parent, slug), **fields)
                new.extras = page_extras(record)
                page = create_page(run, parent, code, source, new)
                counts.created += 1
            run.store.save(PAGE, key, code, page, digest)
        self.done[(code, record.id)] = page
        group = self.groups.get((code, record.id))
        if group is not None:
            self.group_pages.setdefault(group, page)


# --- imprint ----------------------------------------------------------------------------


def imprint_hash(record: ImprintRecord) -> str:
    return source_hash({"title": record.title, "content": record.content, "path": record.path})


def import_imprints(run: ImportRun) -> None:
    # Any imprint the region has already is the one the others translate.
    source: Page | None = (
        LegalPage.objects.descendant_of(run.region.root_page)
        .filter(kind=LegalPage.Kind.IMPRINT)
        .order_by("depth", "pk")
        .first()
        if run.region.root_page is not None
        else None
    )
    languages = [item for item in run.bundle.languages if item.code in run.bundle.imprints]
    for language in run.progress(languages, "Impressum"):
        page = import_imprint(run, language, run.bundle.imprints[language.code], source)
        if page is not None and source is None:
            source = page


def _existing_imprint(run: ImportRun, code: str) -> tuple[LegalPage | None, bool]:
    """(our imprint in that language, whether it came from an earlier import)."""
    found = run.store.find(IMPRINT, "imprint", code, LegalPage)
    if found is not None:
        return found, True
    home = run.homes[code]
    adopted = LegalPage.objects.child_of(home).filter(kind=LegalPage.Kind.IMPRINT).first()
    return adopted, False


def import_imprint(
    run: ImportRun, language: ImportLanguage, record: ImprintRecord, source: Page | None
) -> Page | None:
    code = language.code
    what = f"Impressum ({language.integreat_code})"
    if not record.content.strip() or not record.title.strip():
        run.report.skip(IMPRINT, what, "ohne Titel oder Inhalt")
        return None
    digest = imprint_hash(record)
    existing, imported = _existing_imprint(run, code)
    stored = run.store.get(IMPRINT, "imprint", code)
    counts = run.report.counts[IMPRINT]
    fields: dict[str, Any] = {"title": record.title.strip()[:255], "body": record.content}
    if existing is not None and imported and stored is not None and stored.source_hash == digest:
        counts.unchanged += 1
        return existing
    home = run.homes[code]
    if existing is not None:
        page = update_page(existing, None, fields)
        counts.updated += 1
        if not imported:
            run.report.notes.append(f"Vorhandenes Impressum ({code}) durch Integreat ersetzt.")
    else:
        slug = unique_slug(home, slug_from_path(record.path) or "impressum")
        new = LegalPage(slug=slug, kind=LegalPage.Kind.IMPRINT, **fields)
        page = create_page(run, home, code, source, new)
        counts.created += 1
    run.store.save(IMPRINT, "imprint", code, page, digest)
    return page
