"""The request board of coordination: every request of a region with its state.

The state a coordinator thinks in is derived from the request's status and its offers
(`board_state`): a request that is open again after its offers were declined or expired
says so, and one whose time passed while open is "unfilled". Filters come from the URL
(`BoardFilters.from_query`) so that a view of the board can be bookmarked and shared.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wir.core.dates import OUT_OF_RANGE, DayError, parse_day
from wir.core.models import Language, Region
from wir.sprachpool.models import Assignment, MediationRequest

MAX_BOARD_DAYS = 92
DEFAULT_BOARD_DAYS = 14

# The states of the board, in the order of the filter.
STATES: dict[str, object] = {
    "open": gettext_lazy("offen"),
    "offered": gettext_lazy("angeboten"),
    "accepted": gettext_lazy("angenommen"),
    "declined": gettext_lazy("abgelehnt"),
    "expired": gettext_lazy("verfallen"),
    "cancelled": gettext_lazy("abgesagt"),
    "done": gettext_lazy("erledigt"),
    "unfilled": gettext_lazy("unbesetzt"),
}
# Which request statuses can show as a state (the rest is decided by `board_state`).
STATUS_OF_STATE: dict[str, tuple[str, ...]] = {
    "open": ("open",),
    "offered": ("offered",),
    "accepted": ("booked",),
    "declined": ("open",),
    "expired": ("open",),
    "cancelled": ("cancelled",),
    "done": ("done",),
    "unfilled": ("open", "offered"),
}
# States in which coordination can still look for someone.
SEARCHABLE = frozenset({"open", "declined", "expired"})


def board_state(request: MediationRequest, offers: Iterable[Assignment], now: datetime) -> str:
    """The request's state on the board (one of `STATES`).

    `offers` are the request's assignments; the latest answered one tells why an open
    request is open again.
    """
    status = request.status
    if status == MediationRequest.Status.CANCELLED:
        return "cancelled"
    if status == MediationRequest.Status.DONE:
        return "done"
    if status == MediationRequest.Status.BOOKED:
        return "accepted"
    if request.starts_at <= now:
        return "unfilled"
    if status == MediationRequest.Status.OFFERED:
        return "offered"
    answered = [
        o for o in offers if o.status in (Assignment.Status.DECLINED, Assignment.Status.EXPIRED)
    ]
    if answered:
        latest = max(answered, key=lambda o: (o.responded_at or o.updated_at, o.pk))
        return "declined" if latest.status == Assignment.Status.DECLINED else "expired"
    return "open"


class BoardError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class BoardFilters:
    first_day: date
    last_day: date
    language: str = ""
    setting: str = ""
    state: str = ""

    @classmethod
    def default(cls, today: date) -> BoardFilters:
        """From today on: what needs attention lies ahead (on a Sunday, a week that began on
        Monday would show nothing but the past)."""
        return cls(today, today + timedelta(days=DEFAULT_BOARD_DAYS - 1))

    @classmethod
    def from_query(cls, query: Mapping[str, str], today: date) -> BoardFilters:
        """The filters of the URL; unknown choices are ignored, bad dates raise BoardError."""
        default = cls.default(today)
        first, last = query.get("von", "").strip(), query.get("bis", "").strip()
        try:
            first_day = parse_day(first) if first else default.first_day
            last_day = parse_day(last) if last else first_day + timedelta(days=13)
        except DayError as error:
            if error.out_of_range:
                raise BoardError(str(OUT_OF_RANGE)) from None
            raise BoardError(_("Bitte geben Sie die Daten als TT.MM.JJJJ an.")) from None
        if last_day < first_day:
            raise BoardError(_("Das Ende des Zeitraums liegt vor dem Anfang."))
        if (last_day - first_day).days >= MAX_BOARD_DAYS:
            raise BoardError(
                _("Der Zeitraum ist zu lang: höchstens %(days)d Tage.") % {"days": MAX_BOARD_DAYS}
            )
        setting = query.get("bereich", "")
        state = query.get("status", "")
        return cls(
            first_day,
            last_day,
            language=query.get("sprache", "")[:20],
            setting=setting if setting in MediationRequest.Setting.values else "",
            state=state if state in STATES else "",
        )

    def shifted(self, days: int) -> BoardFilters:
        """The same filters, the period moved by `days`."""
        return replace(
            self,
            first_day=self.first_day + timedelta(days=days),
            last_day=self.last_day + timedelta(days=days),
        )

    def as_query(self) -> dict[str, str]:
        values = {
            "von": self.first_day.isoformat(),
            "bis": self.last_day.isoformat(),
            "sprache": self.language,
            "bereich": self.setting,
            "status": self.state,
        }
        return {key: value for key, value in values.items() if value}


@dataclass(frozen=True)
class BoardRow:
    request: MediationRequest
    state: str
    offers: list[Assignment]

    @property
    def state_label(self) -> str:
        return str(STATES[self.state])

    @property
    def booked(self) -> Assignment | None:
        return next((o for o in self.offers if o.status in ("accepted", "done")), None)

    @property
    def may_search(self) -> bool:
        return self.state in SEARCHABLE

    @property
    def may_cancel(self) -> bool:
        return self.state in {"open", "offered", "accepted", "declined", "expired"}


def _period(filters: BoardFilters) -> tuple[datetime, datetime]:
    tz = ZoneInfo(settings.TIME_ZONE)
    return (
        datetime.combine(filters.first_day, time.min, tz),
        datetime.combine(filters.last_day + timedelta(days=1), time.min, tz),
    )


def board_queryset(region: Region, filters: BoardFilters) -> QuerySet[MediationRequest]:
    """The region's requests of the period and its filters (but the state, which is
    derived), with their offers: a fixed number of queries for any number of rows."""
    since, until = _period(filters)
    queryset = MediationRequest.objects.filter(
        region=region, starts_at__gte=since, starts_at__lt=until
    )
    if filters.language:
        queryset = queryset.filter(language__code=filters.language)
    if filters.setting:
        queryset = queryset.filter(setting=filters.setting)
    if filters.state:
        queryset = queryset.filter(status__in=STATUS_OF_STATE[filters.state])
    return (
        queryset.select_related("language", "area")
        .prefetch_related(
            Prefetch(
                "assignments",
                queryset=Assignment.objects.select_related("mediator").order_by("offered_at"),
            )
        )
        .order_by("starts_at", "pk")
    )


def board_rows(region: Region, filters: BoardFilters) -> list[BoardRow]:
    now = timezone.now()
    rows = []
    for request in board_queryset(region, filters):
        offers = list(request.assignments.all())
        row = BoardRow(request, board_state(request, offers, now), offers)
        if not filters.state or row.state == filters.state:
            rows.append(row)
    return rows


@dataclass(frozen=True)
class WeekDay:
    day: date
    rows: list[BoardRow]


def week_at_a_glance(rows: list[BoardRow], first_day: date) -> list[WeekDay]:
    """Seven days from `first_day` (the period's start), each with its requests."""
    tz = ZoneInfo(settings.TIME_ZONE)
    days: dict[date, list[BoardRow]] = {first_day + timedelta(days=n): [] for n in range(7)}
    for row in rows:
        day = row.request.starts_at.astimezone(tz).date()
        if day in days:
            days[day].append(row)
    return [WeekDay(day, day_rows) for day, day_rows in days.items()]


def count_by_state(rows: list[BoardRow]) -> list[tuple[str, str, int]]:
    counts = dict.fromkeys(STATES, 0)
    for row in rows:
        counts[row.state] += 1
    return [(key, str(label), counts[key]) for key, label in STATES.items()]


def languages_of(region: Region) -> list[Language]:
    """The languages the region's requests were made in, for the filter."""
    used = MediationRequest.objects.filter(region=region).values("language_id").distinct()
    return list(Language.objects.filter(pk__in=used).order_by("name_de"))
