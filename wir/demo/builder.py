"""Builds the deterministic demo district. Everything the demo holds is created here.

Contacts are roles, never invented people; accounts are named after their role.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Locale, Page

from wir.accounts.actions import grant_role, sync_region_groups
from wir.accounts.models import User
from wir.accounts.roles import Role
from wir.core import bulk
from wir.core.actions import add_area, create_region, touches_batched
from wir.core.models import Area, Region, RegionLanguage
from wir.demo.contacts import create_contacts
from wir.demo.data.content import SECTIONS
from wir.demo.data.district import MUNICIPALITIES
from wir.demo.easy_german import create_easy_german
from wir.demo.events import create_events
from wir.demo.feedback import create_feedback
from wir.demo.history import create_history
from wir.demo.machine_made import MACHINE_LANGUAGES, mark_machine_made
from wir.demo.mentoring import create_mentoring
from wir.demo.network import NetworkSummary, create_network
from wir.demo.news import create_news
from wir.demo.offers import OFFER_COUNT, create_directory, create_offers, embed_offers
from wir.demo.scaled import add_scaled_copies
from wir.demo.sprachpool import DEMAND, create_sprachpool
from wir.demo.text import first_paragraph_text
from wir.demo.volunteers import create_volunteers
from wir.portal import search_index
from wir.portal.actions import add_translation, create_home_pages, publish
from wir.portal.models import Contact, ContentPage, Event, LegalPage, News, Offer
from wir.sprachpool.models import Assignment
from wir.translation import segments
from wir.translation.legacy import sync_region
from wir.volunteers.models import Network, Opportunity, ShiftSignup

REGION_SLUG = "wetterau"
REGION_LANGUAGES = ["de", "en", "ar", "fa", "uk", "tr", "ru", "ti"]
# Enabled for the translators but not public yet: the demo has no content in them beyond
# the home page, and a district shows a language only once it has content in it.
IN_PREPARATION = ["tr", "ru", "ti"]
DEMO_PASSWORD = "WIR-Demo-2026!"  # printed by `make run`; demo data only
SEED = 20261125

# username → (role, what the account is for)
DEMO_ACCOUNTS: dict[str, tuple[str, str]] = {
    "koordination": (Role.COORDINATION, "WIR-Koordination: verwaltet die Region"),
    "redaktion": (Role.EDITOR, "Redaktion: pflegt Seiten und Angebote"),
    "uebersetzung": (Role.TRANSLATOR, "Übersetzung: übersetzt Inhalte"),
    "fachdienst": (Role.CLERK, "Fachdienst: fordert Sprachmittlung an"),
    "sprachmittlung": (Role.MEDIATOR, "Sprachmittler/in im Sprachpool"),
    "ehrenamt": (Role.VOLUNTEER, "Ehrenamtliche/r"),
    "partner": (Role.PARTNER, "Partnerorganisation"),
    "beobachtung": (Role.OBSERVER, "Beobachtung: liest Berichte"),
}

# The demo translator translates into these languages only (see docs/uebersetzung.md).
TRANSLATOR_LANGUAGES = ["ar", "fa", "de-x-ls"]

T = TypeVar("T")
Progress = Callable[[Iterable[T], str], Iterator[T]]


def no_progress(items: Iterable[T], label: str) -> Iterator[T]:
    yield from items


@dataclass
class DemoSummary:
    region: Region
    municipalities: int = 0
    areas: int = 0
    offers: int = 0
    events: int = 0
    mediators: int = 0
    mediation_requests: int = 0
    past_requests: int = 0  # a year of Sprachpool history
    feedback: int = 0  # visitors' feedback, some of it unread
    volunteers: int = 0
    pages: dict[str, int] = field(default_factory=dict)
    accounts: list[str] = field(default_factory=list)
    machine_reviewed: int = 0  # machine-made translations of offers, events, contacts, news
    machine_unreviewed: int = 0
    network: NetworkSummary | None = None


def demo_totp_key(username: str) -> str:
    """A fixed TOTP key per demo account, so the demo can be signed into reproducibly."""
    return hashlib.sha256(f"wir-demo-totp:{username}".encode()).hexdigest()[:40]


def demo_exists() -> bool:
    return Region.objects.filter(slug=REGION_SLUG).exists()


@transaction.atomic
def remove_demo() -> None:
    region = Region.objects.filter(slug=REGION_SLUG).first()
    if region is not None:
        keys: list[Any] = []
        if region.root_page is not None:
            pages = Page.objects.descendant_of(region.root_page, inclusive=True)
            keys += pages.values_list("translation_key", flat=True)
        for model in (Offer, Event, Contact, News):
            keys += model.objects.filter(region=region).values_list("translation_key", flat=True)
        segments.forget(keys)
        if region.root_page is not None:
            region.root_page.delete()
        # Offers and bookings protect their mediator: they go first.
        Assignment.objects.filter(request__region=region).delete()
        # Sign-ups hold certificates, opportunities and networks protect their places.
        ShiftSignup.objects.filter(volunteer__region=region).delete()
        Opportunity.objects.filter(region=region).delete()
        Network.objects.filter(region=region).delete()
    Region.objects.filter(slug=REGION_SLUG).delete()
    User.objects.filter(username__in=DEMO_ACCOUNTS).delete()


@transaction.atomic
def build_demo(scale: int = 1, progress: Progress[Any] = no_progress) -> DemoSummary:
    """Create the demo district. `scale` multiplies the content for benchmarks."""
    # Thousands of saves in one transaction: the region's content version moves once.
    with touches_batched():
        summary = _build(scale, progress)
    # A bulk load: the planner must know the new sizes before the first request.
    bulk.analyze()
    return summary


def _build(scale: int, progress: Progress[Any]) -> DemoSummary:
    rng = random.Random(SEED)
    region = _create_region()
    summary = DemoSummary(region=region)
    _create_areas(region, summary, progress)
    homes = _create_pages(region, summary, progress)
    create_directory(homes, {code: Locale.objects.get(language_code=code) for code in homes})
    summary.offers = create_offers(region, rng, OFFER_COUNT, progress)
    embed_offers(region)
    locales = {code: Locale.objects.get(language_code=code) for code in homes}
    summary.events = create_events(region, homes, locales)
    create_contacts(region, homes, locales)
    create_news(region, locales)
    summary.pages["de-x-ls"] = create_easy_german(region)
    summary.feedback = create_feedback(region)
    sync_region_groups(region)
    _create_accounts(region, summary)
    summary.mediators, summary.mediation_requests = create_sprachpool(
        region,
        rng,
        User.objects.get(username="fachdienst"),
        User.objects.get(username="sprachmittlung"),
    )
    summary.past_requests = create_history(
        region, rng, User.objects.get(username="fachdienst"), DEMAND
    )
    summary.volunteers = create_volunteers(
        region, User.objects.get(username="ehrenamt"), User.objects.get(username="koordination")
    )
    create_mentoring(region, User.objects.get(username="koordination"))
    summary.network = create_network(region, User.objects.get(username="partner"))
    if scale > 1:  # benchmark data: copies of pages and offers, written in bulk
        pages, offers = add_scaled_copies(region, homes, scale, SEED, progress)
        summary.pages = {code: summary.pages[code] + pages.get(code, 0) for code in summary.pages}
        summary.offers += offers
    else:
        # The demo's translations were made as independent pages and rows: load them as
        # wagtail-localize strings, so the status matrix shows what is translated.
        # Its machine-made snippet translations are recorded as such by mark_machine_made.
        sync_region(
            region,
            lambda items: progress(items, "Übersetzungsstand"),
            snippets_recorded_in=MACHINE_LANGUAGES,
        )
    summary.machine_reviewed, summary.machine_unreviewed = mark_machine_made(region, _reviewers())
    # Bulk inserts (machine translations, scaled copies) bypass the signals that keep the
    # search's index current: index the region once, at the end.
    search_index.rebuild([region.pk])
    return summary


def _reviewers() -> dict[str, User]:
    """Who checked the machine translations: the translator their languages, the editors
    the rest."""
    translator = User.objects.get(username="uebersetzung")
    editor = User.objects.get(username="redaktion")
    return {
        code: translator if code in TRANSLATOR_LANGUAGES else editor for code in MACHINE_LANGUAGES
    }


def _create_region() -> Region:
    region = _new_region()
    RegionLanguage.objects.filter(region=region, language__code__in=IN_PREPARATION).update(
        is_visible=False
    )
    return region


def _new_region() -> Region:
    lats = [Decimal(str(lat)) for _name, lat, _lon, _parts in MUNICIPALITIES]
    lons = [Decimal(str(lon)) for _name, _lat, lon, _parts in MUNICIPALITIES]
    margin = Decimal("0.03")
    return create_region(
        slug=REGION_SLUG,
        name="Wetterau (Demo)",
        prefix=Region.Prefix.LANDKREIS,
        centre=(Decimal("50.3353"), Decimal("8.7550")),  # Friedberg, the district town
        bbox=(min(lons) - margin, min(lats) - margin, max(lons) + margin, max(lats) + margin),
        language_codes=REGION_LANGUAGES,
        events_enabled=True,
        locations_enabled=True,
        sprachpool_enabled=True,
        volunteers_enabled=True,
    )


def _create_areas(region: Region, summary: DemoSummary, progress: Progress[Any]) -> None:
    for name, lat, lon, parts in progress(MUNICIPALITIES, "Kommunen"):
        municipality = add_area(
            region, name, Area.Kind.MUNICIPALITY, Decimal(str(lat)), Decimal(str(lon))
        )
        summary.municipalities += 1
        for index, part in enumerate(parts):
            # Ortsteile lie around the centre; the offsets are small and deterministic.
            offset = Decimal(index) * Decimal("0.004")
            add_area(
                region,
                part,
                Area.Kind.DISTRICT,
                Decimal(str(lat)) + offset,
                Decimal(str(lon)) - offset,
                parent=municipality,
            )
            summary.areas += 1


HOME_TITLES = {
    "de": "Willkommen im Wetteraukreis",
    "en": "Welcome to the Wetterau district",
    "ar": "مرحبًا بكم في منطقة فيتيراو",
    "fa": "به ناحیه وتراو خوش آمدید",
    "uk": "Ласкаво просимо до округу Веттерау",
    "tr": "Wetterau ilçesine hoş geldiniz",
    "ru": "Добро пожаловать в район Веттерау",
    "ti": "እንኳዕ ናብ ወረዳ ቨተራው ብደሓን መጻእኩም",
}
HOME_INTROS = {
    "de": "<p>Hier finden Sie Anlaufstellen, Beratung, Sprachkurse und Freizeitangebote.</p>",
    "en": "<p>Here you find contact points, counselling, language courses and leisure.</p>",
    "ar": "<p>هنا تجد نقاط الاتصال والاستشارات ودورات اللغة والأنشطة الترفيهية.</p>",
    "fa": "<p>در اینجا مراکز تماس، مشاوره، کلاس‌های زبان و برنامه‌های اوقات فراغت را می‌یابید.</p>",
    "uk": "<p>Тут ви знайдете контактні пункти, консультації, мовні курси та дозвілля.</p>",
}
LEGAL_TEXTS = {
    LegalPage.Kind.IMPRINT: {
        "de": ("Impressum", "<p>Herausgeber: Demo-Landkreis, WIR-Koordination.</p>"),
        "en": ("Imprint", "<p>Publisher: demo district, WIR coordination office.</p>"),
        "ar": ("بيانات الناشر", "<p>الناشر: المنطقة التجريبية، مكتب تنسيق WIR.</p>"),
    },
    LegalPage.Kind.PRIVACY: {
        "de": ("Datenschutz", "<p>Diese Demo speichert keine personenbezogenen Daten.</p>"),
        "en": ("Privacy", "<p>This demo stores no personal data of visitors.</p>"),
        "ar": ("حماية البيانات", "<p>هذا العرض التجريبي لا يحفظ بيانات شخصية للزوار.</p>"),
    },
}


def _create_pages(region: Region, summary: DemoSummary, progress: Progress[Any]) -> dict[str, Page]:
    locales = {code: Locale.objects.get(language_code=code) for code in REGION_LANGUAGES}
    homes = create_home_pages(
        region, {code: HOME_TITLES[code] for code in REGION_LANGUAGES}, HOME_INTROS
    )
    counts: dict[str, int] = dict.fromkeys(REGION_LANGUAGES, 0)
    for kind, texts in LEGAL_TEXTS.items():
        source: Page | None = None
        for code, (title, body) in texts.items():
            legal = LegalPage(title=title, slug=kind, kind=kind, body=body)
            if source is None:
                legal.locale = locales[code]
                homes[code].add_child(instance=legal)
                publish(legal)
                source = legal
            else:
                add_translation(
                    source, homes[code], locales[code], title=title, slug=kind, kind=kind, body=body
                )
    # One unit of work per page (with its translations), so the progress bar moves evenly.
    units = [(section, item) for section in SECTIONS for item in [None, *section["pages"]]]
    parents: dict[str, Page] = {}
    for section, item in progress(units, "Seiten"):
        if item is None:  # the section's own page comes before its pages
            parents = _create_translated_page(
                section["slug"], section["texts"], homes, locales, "", counts
            )
        else:
            _create_translated_page(item["slug"], item["texts"], parents, locales, "", counts)
    summary.pages = counts
    return homes


def _create_translated_page(
    slug: str,
    texts: dict[str, Any],
    parents: dict[str, Page],
    locales: dict[str, Locale],
    title_suffix: str,
    counts: dict[str, int],
) -> dict[str, Page]:
    created: dict[str, Page] = {}
    source: Page | None = None
    for code, text in texts.items():
        if code not in parents:
            continue
        fields = {
            "title": text["title"] + title_suffix,
            "slug": slug,
            "intro": first_paragraph_text(text["body"]),
            "body": text["body"],
        }
        if source is None:
            page: Page = ContentPage(locale=locales[code], **fields)
            parents[code].add_child(instance=page)
            publish(page)
            source = page
        else:
            page = add_translation(source, parents[code], locales[code], **fields)
        created[code] = page
        counts[code] += 1
    return created


def _create_accounts(region: Region, summary: DemoSummary) -> None:
    for username, (role, description) in DEMO_ACCOUNTS.items():
        user = User.objects.create_user(
            username=username,
            email=f"{username}@wetterau.example",
            password=DEMO_PASSWORD,
            first_name=description.split(":")[0],
            is_active=True,
        )
        languages = TRANSLATOR_LANGUAGES if role == Role.TRANSLATOR else None
        grant_role(None, user, region, role, languages=languages)
        if role in (Role.COORDINATION, Role.EDITOR):
            TOTPDevice.objects.create(
                user=user, name="Demo-Authenticator", key=demo_totp_key(username), confirmed=True
            )
        summary.accounts.append(username)
