"""From the records to the pure matching (`matching.py`) and back, with readable reasons.

The mentor pool of a region: active volunteers who chose the interest "Patenschaft" or
have a capacity set by the coordination. A volunteer is cleared for households with
minors when they want to work with minors and hold a police certificate valid today.
Places are the municipalities' coordinates. Reasons come back as German sentences.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wir.core.models import Language, Region
from wir.volunteers import matching
from wir.volunteers.models import (
    WEEKDAYS,
    DayPart,
    Interest,
    PoliceCertificate,
    Volunteer,
    VolunteerRules,
    VolunteerTag,
)
from wir.volunteers.models_mentorship import Household, Mentorship, Need

SUGGESTIONS = 10


def mentor_pool(region: Region) -> QuerySet[Volunteer]:
    return Volunteer.objects.filter(region=region, status=Volunteer.Status.ACTIVE).filter(
        Q(tags__kind=VolunteerTag.Kind.INTEREST, tags__code=Interest.MENTORSHIP)
        | Q(mentor_capacity__isnull=False)
    )


def _place(area: object) -> matching.Place | None:
    latitude = getattr(area, "latitude", None)
    longitude = getattr(area, "longitude", None)
    if latitude is None or longitude is None:
        return None
    return (float(latitude), float(longitude))


def household_spec(household: Household) -> matching.HouseholdSpec:
    had = Mentorship.objects.filter(household=household).values_list("volunteer_id", flat=True)
    return matching.HouseholdSpec(
        id=household.pk,
        languages=frozenset(household.languages.values_list("code", flat=True)),
        needs=frozenset(household.needs),
        place=_place(household.municipality),
        has_minors=household.has_minors,
        availability=frozenset(household.availability),
        without_shared_language=household.without_shared_language,
        excluded=frozenset(had),
    )


def household_specs(households: Sequence[Household]) -> list[matching.HouseholdSpec]:
    """Specs of many households in a fixed number of queries."""
    ids = [h.pk for h in households]
    had: dict[int, set[int]] = {}
    for household_id, volunteer_id in Mentorship.objects.filter(household_id__in=ids).values_list(
        "household_id", "volunteer_id"
    ):
        had.setdefault(household_id, set()).add(volunteer_id)
    loaded = Household.objects.filter(pk__in=ids).prefetch_related("languages")
    languages = {h.pk: frozenset(lang.code for lang in h.languages.all()) for h in loaded}
    return [
        matching.HouseholdSpec(
            id=h.pk,
            languages=languages.get(h.pk, frozenset()),
            needs=frozenset(h.needs),
            place=_place(h.municipality),
            has_minors=h.has_minors,
            availability=frozenset(h.availability),
            without_shared_language=h.without_shared_language,
            excluded=frozenset(had.get(h.pk, ())),
        )
        for h in households
    ]


def volunteer_specs(volunteers: QuerySet[Volunteer], today: date) -> list[matching.VolunteerSpec]:
    """Specs of the volunteers, in a fixed number of queries."""
    loaded = (
        volunteers.distinct()
        .select_related("municipality", "mentor_capacity")
        .prefetch_related(
            "languages",
            "tags",
            Prefetch(
                "certificates",
                queryset=PoliceCertificate.objects.filter(disqualifying=False),
                to_attr="clean_certificates",
            ),
        )
        .annotate(active_count=Count("mentorships", filter=Q(mentorships__status="active")))
        .order_by("code")
    )
    valid_years: dict[int, int] = {}
    specs = []
    for volunteer in loaded:
        if volunteer.region_id not in valid_years:
            rules = VolunteerRules.for_region(volunteer.region_id)
            valid_years[volunteer.region_id] = rules.certificate_valid_years
        years = valid_years[volunteer.region_id]
        cleared = volunteer.works_with_minors and any(
            c.is_valid_on(today, years) for c in volunteer.clean_certificates
        )
        capacity = getattr(volunteer, "mentor_capacity", None)
        specs.append(
            matching.VolunteerSpec(
                id=volunteer.pk,
                languages=frozenset(lang.code for lang in volunteer.languages.all()),
                interests=frozenset(volunteer.interests),
                place=_place(volunteer.municipality),
                availability=frozenset(volunteer.availability or ()),
                active=volunteer.active_count,
                capacity=capacity.max_mentorships if capacity is not None else 1,
                cleared_for_minors=cleared,
            )
        )
    return specs


# --- reasons in German ------------------------------------------------------------------


@dataclass(frozen=True)
class ReasonLine:
    text: str
    tone: str  # "good", "neutral" or "bad", for the page's markers


def _names(codes: Iterable[str], labels: dict[str, str]) -> str:
    return ", ".join(labels.get(code, code) for code in codes)


def _language_names(codes: Iterable[str]) -> dict[str, str]:
    return dict(Language.objects.filter(code__in=list(codes)).values_list("code", "name_de"))


def slot_label(code: str) -> str:
    day, _sep, part = code.partition("-")
    parts = dict(DayPart.choices)
    if not day.isdigit() or int(day) > 6 or part not in parts:
        return code
    return f"{WEEKDAYS[int(day)]} {parts[part]}"


def reason_line(reason: matching.Reason, languages: dict[str, str]) -> ReasonLine:
    needs = {code: str(label) for code, label in Need.choices}
    kind = reason.kind
    if kind == matching.LANGUAGE:
        return ReasonLine(
            _("Gemeinsame Sprache: %(names)s") % {"names": _names(reason.codes, languages)},
            "good",
        )
    if kind == matching.NO_LANGUAGE:
        return ReasonLine(_("Keine gemeinsame Sprache (für diesen Haushalt zugelassen)"), "bad")
    if kind == matching.DISTANCE:
        return ReasonLine(
            _("Entfernung zwischen den Wohnorten: %(km)s km")
            % {"km": number_format(reason.number or 0.0, 1)},
            "good" if (reason.number or 0.0) <= 10 else "neutral",
        )
    if kind == matching.DISTANCE_UNKNOWN:
        return ReasonLine(_("Entfernung unbekannt (Kommune ohne Koordinaten)"), "neutral")
    if kind == matching.NEEDS:
        return ReasonLine(
            _("Interessen passen zu %(covered)d von %(all)d Wünschen: %(names)s")
            % {
                "covered": len(reason.codes),
                "all": int(reason.number or 0),
                "names": _names(reason.codes, needs),
            },
            "good",
        )
    if kind == matching.NEEDS_UNCOVERED:
        return ReasonLine(
            _("Nicht unter den Interessen: %(names)s") % {"names": _names(reason.codes, needs)},
            "neutral",
        )
    if kind == matching.AVAILABILITY:
        return ReasonLine(
            _("Gemeinsame Zeiten: %(slots)s")
            % {"slots": ", ".join(slot_label(c) for c in reason.codes)},
            "good",
        )
    if kind == matching.NO_AVAILABILITY:
        return ReasonLine(_("Keine gemeinsamen Zeiten angegeben"), "bad")
    if kind == matching.LOAD:
        return ReasonLine(
            _("Begleitet derzeit %(active)d von höchstens %(limit)d Haushalten")
            % {"active": int(reason.number or 0), "limit": reason.limit or 0},
            "good" if not reason.number else "neutral",
        )
    return ReasonLine(rejection_text(reason), "bad")


def rejection_text(reason: matching.Reason) -> str:
    texts = {
        matching.REJECT_LANGUAGE: _("keine gemeinsame Sprache"),
        matching.REJECT_CAPACITY: _("begleitet schon so viele Haushalte wie vereinbart"),
        matching.REJECT_MINORS: _(
            "nicht für Haushalte mit Kindern freigegeben (Führungszeugnis nach § 72a SGB VIII)"
        ),
        matching.REJECT_HAD_HOUSEHOLD: _("hat diesen Haushalt schon begleitet"),
    }
    return texts.get(reason.kind, reason.kind)


def rejected_summary(rejected: dict[str, int]) -> list[str]:
    """How many volunteers each hard rule excludes, as German sentences."""
    lines = []
    for kind, count in rejected.items():
        if kind == matching.REJECT_LANGUAGE:
            text = ngettext(
                "%(count)d Person ohne gemeinsame Sprache",
                "%(count)d Personen ohne gemeinsame Sprache",
                count,
            )
        elif kind == matching.REJECT_CAPACITY:
            text = ngettext("%(count)d Person ausgelastet", "%(count)d Personen ausgelastet", count)
        elif kind == matching.REJECT_MINORS:
            text = ngettext(
                "%(count)d Person nicht für Haushalte mit Kindern freigegeben",
                "%(count)d Personen nicht für Haushalte mit Kindern freigegeben",
                count,
            )
        else:
            text = ngettext(
                "%(count)d Person hat den Haushalt schon begleitet",
                "%(count)d Personen haben den Haushalt schon begleitet",
                count,
            )
        lines.append(text % {"count": count})
    return lines


# --- what the pages show ----------------------------------------------------------------


@dataclass(frozen=True)
class SuggestionView:
    volunteer: Volunteer
    score: float
    reasons: list[ReasonLine]


@dataclass(frozen=True)
class HouseholdSuggestions:
    household: Household
    suggestions: list[SuggestionView]
    eligible: int
    rejected: list[str]


def _volunteers_by_id(ids: Iterable[int]) -> dict[int, Volunteer]:
    return Volunteer.objects.select_related("municipality").in_bulk(list(ids))


def suggestions_for(
    households: Sequence[Household], today: date, limit: int = SUGGESTIONS
) -> list[HouseholdSuggestions]:
    """Ranked volunteers with German reasons for each household (one scoring pass)."""
    if not households:
        return []
    region = households[0].region
    specs = household_specs(households)
    pool = volunteer_specs(mentor_pool(region), today)
    rankings = matching.rank_all(specs, pool, limit)
    shown = {s.volunteer_id for r in rankings for s in r.suggestions}
    volunteers = _volunteers_by_id(shown)
    codes = {c for s in specs for c in s.languages} | {c for v in pool for c in v.languages}
    languages = _language_names(codes)
    return [
        HouseholdSuggestions(
            household=household,
            suggestions=[
                SuggestionView(
                    volunteer=volunteers[s.volunteer_id],
                    score=s.score,
                    reasons=[reason_line(r, languages) for r in s.reasons],
                )
                for s in ranking.suggestions
            ],
            eligible=ranking.eligible,
            rejected=rejected_summary(ranking.rejected),
        )
        for household, ranking in zip(households, rankings, strict=True)
    ]


@dataclass(frozen=True)
class ProposedPair:
    household: Household
    volunteer: Volunteer
    score: float
    distance_km: float | None


@dataclass(frozen=True)
class Proposal:
    pairs: list[ProposedPair]
    unmatched: list[Household]
    first_come_matched: int  # what first come, first served would have matched
    mean_km: float | None
    first_come_mean_km: float | None


def proposal_for(region: Region, today: date) -> Proposal:
    """The optimal assignment for all open households of the region, to confirm."""
    households = list(
        Household.objects.filter(region=region, status=Household.Status.OPEN)
        .select_related("municipality", "region")
        .order_by("created_at", "id")
    )
    specs = household_specs(households)
    pool = volunteer_specs(mentor_pool(region), today)
    plan = matching.assign(specs, pool)
    baseline = matching.greedy(specs, pool)
    volunteers = _volunteers_by_id(plan.assignments.values())
    by_id = {h.pk: h for h in households}
    return Proposal(
        pairs=[
            ProposedPair(
                household=by_id[household_id],
                volunteer=volunteers[volunteer_id],
                score=plan.scores[household_id],
                distance_km=plan.distances.get(household_id),
            )
            for household_id, volunteer_id in plan.assignments.items()
        ],
        unmatched=[by_id[i] for i in plan.unmatched],
        first_come_matched=len(baseline.assignments),
        mean_km=plan.mean_distance_km,
        first_come_mean_km=baseline.mean_distance_km,
    )
