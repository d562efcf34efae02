"""Views of the directory page: the filtered list, an offer, a place."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.defaultfilters import floatformat
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wir.core.memo import remember_for_region
from wir.core.models import Language
from wir.core.queries import municipalities
from wir.core.request import region_of
from wir.core.translations import localized, translation_or_original
from wir.portal.directory import (
    DirectoryFilters,
    distance_km,
    matching_offers,
    offer_cards,
    offers_in_language,
    parse_filters,
)
from wir.portal.localformat import weekday_names
from wir.portal.models import (
    ClosedDay,
    Contact,
    DirectoryPage,
    Offer,
    OpeningSlot,
    Place,
    TargetGroup,
    offer_path,
)
from wir.portal.models.offers import Category, Cost
from wir.portal.opening import Schedule, is_open, next_opening, week
from wir.portal.publication import visible
from wir.portal.queries import LanguageLink, offered_languages
from wir.portal.routes import answers
from wir.portal.structured_data import offer_json_ld, place_json_ld


@dataclass
class Entry:
    """One offer as the list shows it (from a row of `offer_cards`)."""

    pk: int
    title: str
    summary: str
    category: str  # its label in the visitor's language
    area_name: str
    free: bool
    childcare: bool
    url: str
    open_now: bool | None  # None: no fixed place or no hours
    distance_km: float | None
    in_german_only: bool


def _region_and_language(request: HttpRequest) -> tuple[Any, str]:
    region = region_of(request)
    if region is None:
        raise Http404
    return region, request.LANGUAGE_CODE


@answers("directory.listing")
def directory_listing(request: HttpRequest, page: DirectoryPage) -> HttpResponse:
    region, language = _region_and_language(request)
    towns, target_groups, spoken_languages = remember_for_region(
        region, ("directory_choices",), lambda: _choices(region)
    )
    filters, notices = parse_filters(request.GET, towns, target_groups)
    now = timezone.localtime()
    found = matching_offers(region, language, filters, now)
    base_url = page.get_url(request) or ""
    map_points, total = _map_points_and_count(found, base_url)
    paginator = Paginator(offer_cards(found, filters), settings.WIR_PAGE_SIZE)
    paginator.count = total  # counted with the map's places: no COUNT query of its own
    page_obj = paginator.get_page(filters.page)
    schedules = remember_for_region(
        region, ("place_schedules", now.date()), lambda: _schedules(region, now.date())
    )
    entries = [
        _entry(row, base_url, language, filters, now, schedules) for row in page_obj.object_list
    ]
    context = page.get_context(request)
    context.update(
        {
            "filters": filters,
            "notices": notices,
            "entries": entries,
            "cards": _cards(entries, offline=bool(getattr(request, "wir_offline_copy", False))),
            "page_obj": page_obj,
            "query_without_page": _query_without_page(request),
            "filter_form": _filter_form(
                remember_for_region(
                    region,
                    ("filter_form", language),
                    lambda: _filter_form_pieces(towns, target_groups, spoken_languages),
                ),
                filters,
            ),
            "map_points": map_points,
            **_map_settings(),
        }
    )
    return TemplateResponse(request, "portal/directory_page.html", context)


MAP_POINT_LIMIT = 500


def _map_points_and_count(offers: Any, base_url: str) -> tuple[list[dict[str, Any]], int]:
    """One marker per place of the filtered offers (not only this page of the list), and
    how many offers there are: the offers counted per place, those without a place as one
    more group (one query for both)."""
    rows = (
        offers.order_by()
        .values("place_id", "place__name", "place__latitude", "place__longitude")
        .annotate(count=Count("pk"))
        .order_by("place__name", "place_id")
    )
    total = 0
    points: list[dict[str, Any]] = []
    for row in rows:
        total += row["count"]
        if row["place_id"] is None or len(points) >= MAP_POINT_LIMIT:
            continue
        points.append(
            {
                "name": row["place__name"],
                "lat": float(row["place__latitude"]),
                "lon": float(row["place__longitude"]),
                "url": f"{base_url}ort/{row['place_id']}/",
                "detail": ngettext("%(count)s Angebot", "%(count)s Angebote", row["count"])
                % {"count": row["count"]},
            }
        )
    return points, total


def _map_settings() -> dict[str, str]:
    return {
        "map_tiles": settings.WIR_MAP_TILES_URL,
        "map_attribution": settings.WIR_MAP_ATTRIBUTION,
    }


def _schedules(region: Any, today: date) -> dict[int, Schedule]:
    """The opening hours of the region's places that have any or take appointments only,
    with today's closures: one read per region content version and day, not per list."""
    places = Place.objects.filter(region=region).prefetch_related(
        Prefetch("opening_slots", queryset=OpeningSlot.objects.order_by("weekday")),
        Prefetch("closed_days", queryset=ClosedDay.objects.filter(date=today)),
    )
    return {
        place.pk: place.schedule()
        for place in places
        if place.opening_slots.all() or place.appointment_only
    }


def _entry(
    row: dict[str, Any],
    base_url: str,
    language: str,
    filters: DirectoryFilters,
    now: datetime,
    schedules: dict[int, Schedule],
) -> Entry:
    schedule = schedules.get(row["place_id"]) if row["place_id"] is not None else None
    distance = None
    if filters.near is not None:
        if row["place_id"] is not None:
            distance = distance_km(filters.near, row["place__latitude"], row["place__longitude"])
        else:
            distance = distance_km(filters.near, row["area__latitude"], row["area__longitude"])
    return Entry(
        pk=row["pk"],
        title=row["title"],
        summary=row["summary"],
        category=str(_CATEGORY_LABELS.get(row["category"], row["category"])),
        area_name=row["area__name"],
        free=row["cost"] == Cost.FREE,
        childcare=row["childcare"],
        url=offer_path(base_url, row["pk"]),
        open_now=None if schedule is None else is_open(schedule, now),
        distance_km=distance,
        in_german_only=row["locale__language_code"] != language,
    )


_CATEGORY_LABELS = dict(Offer._meta.get_field("category").flatchoices)
_IN_GERMAN = ' lang="de" dir="ltr"'


def _cards(entries: list[Entry], offline: bool) -> SafeString:
    """The list's cards as HTML, built here rather than by a template loop (a twentieth
    of the time): the same markup the template had, every value escaped."""
    parts = []
    if entries:  # the card's words, translated once for the whole list
        km_away = _("%(km)s km entfernt")
        free = f"<li>{escape(_('kostenlos'))}</li>"
        childcare = f"<li>{escape(_('mit Kinderbetreuung'))}</li>"
        open_now = f'<li class="wir-open">{escape(_("jetzt geöffnet"))}</li>'
        closed_now = f"<li>{escape(_('jetzt geschlossen'))}</li>"
        only_german = f'<li class="wir-only-german">{escape(_("nur auf Deutsch"))}</li>'
    for entry in entries:
        german = _IN_GERMAN if entry.in_german_only else ""
        facts = [f"<li>{escape(entry.area_name)}</li>"]
        if entry.distance_km is None:
            facts.append("")
        else:  # as {% blocktranslate %}: the value escaped, the translation as it is
            km = escape(floatformat(entry.distance_km, 1))
            facts.append(f"<li>{km_away % {'km': km}}</li>")
        facts.append(free if entry.free else "")
        facts.append(childcare if entry.childcare else "")
        if offline or entry.open_now is None:
            facts.append("")
        else:
            facts.append(open_now if entry.open_now else closed_now)
        facts.append(only_german if entry.in_german_only else "")
        parts.append(
            '\n    <li class="wir-card wir-offer">'
            f'\n      <p class="kern-body kern-body--small wir-offer__category">'
            f"{escape(entry.category)}</p>"
            f'\n      <h3 class="kern-heading-small"><a class="kern-link" '
            f'href="{escape(entry.url)}"{german}>{escape(entry.title)}</a></h3>'
            f'\n      <p class="kern-body"{german}>{escape(entry.summary)}</p>'
            '\n      <ul class="wir-facts">'
            + "".join(f"\n        {fact}" for fact in facts)
            + "\n      </ul>\n    </li>\n    "
        )
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


@dataclass(frozen=True)
class _Piece:
    """A stretch of the filter form's HTML, then " checked"/" selected" if the visitor chose
    `value` for the filter `field` ("" for a stretch without a choice after it)."""

    html: str
    field: str = ""
    value: Any = None
    mark: str = ""


def _filter_form_pieces(
    towns: list[Any], target_groups: list[TargetGroup], spoken_languages: list[Language]
) -> tuple[_Piece, ...]:
    """The filter form as the template had it (up to its reset link), in the active
    language, cut where a choice is marked: the same for every visitor of a region, language
    and content version, so built once for them (every value escaped)."""
    out: list[_Piece] = []
    text: list[str] = []

    def choice(field: str, value: Any, mark: str) -> None:
        out.append(_Piece("".join(text), field, value, mark))
        text.clear()

    def t(message: str) -> str:
        return escape(_(message))

    def select(field: str, label: str, empty: str, options: list[tuple[Any, str, str]]) -> None:
        """A labelled choice list; `options`: (value, its attribute text, shown name)."""
        text.append(
            '<div class="kern-form-input">'
            f'\n    <label class="kern-label" for="{field}">{t(label)}</label>'
            '\n    <div class="kern-form-input__select-wrapper">'
            f'<select class="kern-form-input__select" name="{field}" id="{field}">'
            f'\n      <option value="">{t(empty)}</option>\n      '
        )
        for value, attributes, name in options:
            text.append(f"<option {attributes}")
            choice(field, value, " selected")
            text.append(f">{escape(name)}</option>")
        text.append("\n    </select></div>\n  </div>")

    places = [(area.pk, f'value="{escape(localize(area.pk))}"', area.name) for area in towns]

    text.append(
        f'<form method="get" action="" class="wir-filters" aria-label="{t("Angebote filtern")}">'
        '\n  <fieldset class="kern-fieldset">'
        f'\n    <legend class="kern-label">{t("Was suchen Sie?")}</legend>\n    '
    )
    for value, label in Category.choices:
        text.append(
            '\n    <div class="kern-form-check">'
            '\n      <input class="kern-form-check__checkbox" type="checkbox" name="kategorie" '
            f'value="{escape(value)}" id="kategorie-{escape(value)}"'
        )
        choice("kategorie", value, " checked")
        text.append(
            f'>\n      <label class="kern-label" for="kategorie-{escape(value)}">'
            f"{escape(label)}</label>\n    </div>\n    "
        )
    text.append("\n  </fieldset>\n  ")
    select("kommune", "Kommune", "alle Kommunen", places)
    text.append(
        "\n  "
        '<fieldset class="kern-fieldset">'
        f'\n    <legend class="kern-label">{t("Für wen?")}</legend>\n    '
    )
    for group in target_groups:
        code = escape(group.code)
        text.append(
            '\n    <div class="kern-form-check">'
            '\n      <input class="kern-form-check__checkbox" type="checkbox" name="zielgruppe" '
            f'value="{code}" id="zielgruppe-{code}"'
        )
        choice("zielgruppe", group.code, " checked")
        # {% translate group.name %}: Django doubles a "%" of the message id
        group_name = escape(_(group.name.replace("%", "%%")))
        text.append(
            f'>\n      <label class="kern-label" for="zielgruppe-{code}">{group_name}</label>'
            "\n    </div>\n    "
        )
    text.append("\n  </fieldset>\n  ")
    select(
        "sprache",
        "Gesprochene Sprache",
        "egal",
        [
            (
                language.code,
                f'value="{escape(language.code)}" lang="{escape(language.code)}"',
                language.native_name,
            )
            for language in spoken_languages
        ],
    )
    text.append("\n  ")
    for field, message in (
        ("kostenlos", "nur kostenlose Angebote"),
        ("kinderbetreuung", "mit Kinderbetreuung"),
        ("jetzt_offen", "jetzt geöffnet"),
    ):
        text.append(
            '<div class="kern-form-check">'
            '\n    <input class="kern-form-check__checkbox" type="checkbox" '
            f'name="{field}" value="1" id="{field}"'
        )
        choice(field, True, " checked")
        text.append(
            f'>\n    <label class="kern-label" for="{field}">{t(message)}</label>\n  </div>\n  '
        )
    select("naehe", "Nach Entfernung sortieren ab", "nicht sortieren (alphabetisch)", places)
    text.append(
        '\n  <button type="submit" class="kern-btn kern-btn--primary">'
        f'<span class="kern-label">{t("Anzeigen")}</span></button>\n'
    )
    choice("", None, "")
    return tuple(out)


def _filter_form(pieces: tuple[_Piece, ...], filters: DirectoryFilters) -> SafeString:
    """The filter form with the visitor's choices marked."""
    chosen: dict[str, Any] = {
        "kategorie": set(filters.categories),
        "kommune": {filters.area.pk} if filters.area is not None else set(),
        "zielgruppe": set(filters.target_groups),
        "sprache": set(filters.languages),
        "kostenlos": {True} if filters.free_only else set(),
        "kinderbetreuung": {True} if filters.childcare else set(),
        "jetzt_offen": {True} if filters.open_now else set(),
        "naehe": {filters.near.pk} if filters.near is not None else set(),
    }
    parts = []
    for piece in pieces:
        parts.append(piece.html)
        if piece.field and piece.value in chosen[piece.field]:
            parts.append(piece.mark)
    return mark_safe("".join(parts))  # noqa: S308 - the pieces are escaped where built


def _query_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("seite", None)
    return params.urlencode()


def _choices(region: Any) -> tuple[list[Any], list[TargetGroup], list[Language]]:
    """The filter form's choices: towns, target groups, languages offers are held in."""
    return list(municipalities(region)), list(TargetGroup.objects.all()), _spoken_languages(region)


def _spoken_languages(region: Any) -> list[Language]:
    return list(
        Language.objects.filter(offers__region=region, offers__live=True)
        .distinct()
        .order_by("name_de")
    )


@answers("directory.offer")
def offer_detail(request: HttpRequest, page: DirectoryPage, offer_id: int) -> HttpResponse:
    region, language = _region_and_language(request)
    offer = Offer.objects.public().filter(region=region, pk=offer_id).first()
    if offer is None:
        raise Http404(_("Dieses Angebot gibt es nicht oder nicht mehr."))
    shown = _best_translation(offer, region, language)
    if shown.pk != offer.pk:
        return redirect(page.offer_url(shown.pk, request))
    offer = (
        Offer.objects.filter(pk=shown.pk)
        .select_related("place", "area", "locale")
        .prefetch_related(
            "target_groups",
            "languages",
            Prefetch("place__opening_slots", queryset=OpeningSlot.objects.all()),
            "place__closed_days",
        )
        .get()
    )
    context = page.get_context(request)
    context.update(_place_context(offer.place))
    context.update(
        {
            "offer": offer,
            "in_german_only": offer.locale.language_code != language,
            "json_ld": offer_json_ld(offer, request),
            "language_links": _offer_language_links(request, page, offer),
            "is_stale": offer.is_stale(),
        }
    )
    return TemplateResponse(request, "portal/offer_detail.html", context)


def _best_translation(offer: Offer, region: Any, language: str) -> Offer:
    """The offer in the visitor's language, else the German original."""
    candidates = {
        o.locale.language_code: o
        for o in offers_in_language(region, language)
        .filter(translation_key=offer.translation_key)
        .select_related("locale")
    }
    return translation_or_original(candidates, language) or offer


def _offer_language_links(
    request: HttpRequest, page: DirectoryPage, offer: Offer
) -> list[LanguageLink]:
    translations = {
        o.locale.language_code: o
        for o in Offer.objects.public()
        .filter(translation_key=offer.translation_key)
        .select_related("locale")
    }
    pages = {
        p.locale.language_code: p
        for p in visible(page.get_translations(inclusive=True)).select_related("locale")
    }
    links = []
    for region_language in offered_languages(offer.region):
        code = region_language.language.code
        target = translation_or_original(translations, code) or offer
        directory = pages.get(code) or page
        links.append(
            LanguageLink(
                code=code,
                native_name=region_language.language.native_name,
                direction=region_language.language.direction,
                url=directory.offer_url(target.pk, request),
                is_current=code == request.LANGUAGE_CODE,
                is_translated=code in translations,
            )
        )
    return links


def _place_context(place: Place | None) -> dict[str, Any]:
    if place is None:
        return {"place": None}
    now = timezone.localtime()
    schedule = place.schedule()
    open_now = is_open(schedule, now)
    day_names = weekday_names() or OpeningSlot.Weekday.labels
    return {
        "place": place,
        "open_now": open_now,
        "next_opening": None if open_now else next_opening(schedule, now),
        "week": list(zip(day_names, week(schedule), strict=True)),
        "today": now.weekday(),
        "map_points": [
            {
                "name": place.name,
                "lat": float(place.latitude),
                "lon": float(place.longitude),
                "url": f"geo:{place.latitude},{place.longitude}",
                "detail": place.address_line,
            }
        ],
        **_map_settings(),
    }


@answers("directory.place")
def place_detail(request: HttpRequest, page: DirectoryPage, place_id: int) -> HttpResponse:
    region, language = _region_and_language(request)
    place = (
        Place.objects.filter(region=region, pk=place_id)
        .select_related("area")
        .prefetch_related("opening_slots", "closed_days")
        .first()
    )
    if place is None:
        raise Http404(_("Diesen Ort gibt es hier nicht."))
    offers = offers_in_language(region, language).filter(place=place).select_related("locale")
    base_url = page.get_url(request) or ""
    context = page.get_context(request)
    context.update(_place_context(place))
    context.update(
        {
            "offers": [(o, offer_path(base_url, o.pk)) for o in offers.order_by("title")],
            "contacts": list(
                localized(Contact.objects.filter(region=region, place=place), language)
                .select_related("locale")
                .order_by("topic", "position", "role", "pk")
            ),
            "json_ld": place_json_ld(place, request),
        }
    )
    return TemplateResponse(request, "portal/place_detail.html", context)
