"""POST feedback/{type}/ from the Integreat app: what it sends, what we keep (no
personal data), and which page or offer it is about.

The app appends the writer's contact address to the comment ("Kontaktadresse: …"); we
never store it, nor mail addresses or phone numbers written into the text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Page

from wir.api.http import JSON_TYPE, add_public_headers, dumps, json_error
from wir.api.integreat import queries
from wir.api.integreat.locations import PLACE_SLUG_MARK
from wir.api.integreat.params import MAX_ID, BadParameterError, api_view, scoped
from wir.api.integreat.queries import Scope
from wir.core.personal_data import without_contact_data
from wir.portal.feedback import FeedbackInput, rate_limited, record_feedback
from wir.portal.models import DirectoryPage, Event, EventIndexPage, LegalPage, Offer, Place
from wir.portal.models.pages import HOME_PATH_LENGTH
from wir.portal.queries import home_page_for

# The feedback types of the app (its routes) and what each is about in our site.
PAGE_TYPES = {"page"}
POI_TYPES = {"poi"}
EVENT_TYPES = {"event"}
SECTION_TYPES = {
    "categories": "home",
    "region": "home",
    "search": "home",
    "events": "events",
    "map": "directory",
    "imprint-page": "imprint",
}
TYPES = PAGE_TYPES | POI_TYPES | EVENT_TYPES | set(SECTION_TYPES)

RATINGS = {"up": True, "down": False, None: None, "": None}

CONTACT_SUFFIX = re.compile(r"\s*Kontaktadresse:.*\Z", re.DOTALL | re.IGNORECASE)
MAX_COMMENT = 1000


class FeedbackError(ValueError):
    def __init__(self, parameter: str, detail: str) -> None:
        super().__init__(detail)
        self.parameter = parameter
        self.detail = detail


@dataclass(frozen=True)
class AppFeedback:
    kind: str
    helpful: bool | None
    comment: str
    slug: str


def without_personal_data(text: str) -> str:
    """The comment without the app's contact line, mail addresses and phone numbers."""
    text = without_contact_data(CONTACT_SUFFIX.sub("", text))
    return text.strip()[:MAX_COMMENT]


def parse_feedback(kind: str, data: dict[str, str]) -> AppFeedback:
    """Validate the app's form (rating "up"/"down", comment, slug, query)."""
    if kind not in TYPES:
        raise FeedbackError("type", f"Unknown feedback type '{kind}'; known: {sorted(TYPES)}.")
    rating = data.get("rating")
    if rating not in RATINGS:
        raise FeedbackError("rating", "rating must be 'up' or 'down'.")
    comment = without_personal_data(str(data.get("comment", "")))
    query = without_personal_data(str(data.get("query", "")))[:200]
    if kind == "search" and query:
        comment = f"[Suche: {query}] {comment}".strip()
    helpful = RATINGS[rating]
    if helpful is None and not comment:
        raise FeedbackError("rating", "Either a rating or a comment is required.")
    slug = str(data.get("slug", "")).strip()
    if kind in PAGE_TYPES | POI_TYPES | EVENT_TYPES and not slug:
        raise FeedbackError("slug", f"Feedback of type '{kind}' needs the slug of its item.")
    return AppFeedback(kind, helpful, comment, slug)


def form_data(request: HttpRequest) -> dict[str, str]:
    """The app sends multipart form data; other clients may send JSON."""
    if request.content_type == "application/json":
        try:
            data = json.loads(request.body or b"{}")
        except ValueError:
            raise BadParameterError("body", "The body is not valid JSON.") from None
        if not isinstance(data, dict):
            raise BadParameterError("body", "The body must be a JSON object.")
        return {str(k): str(v) if v is not None else "" for k, v in data.items()}
    return {key: request.POST.get(key, "") for key in request.POST}


def feedback_target(scope: Scope, kind: str, slug: str) -> tuple[Page | None, Offer | None]:
    """The page (and offer) the feedback is about; KeyError when the item is unknown."""
    if kind == "page":
        tree = queries.page_tree(scope.region)
        path = slug if slug.startswith("/") else None
        nodes = [
            n
            for n in tree.in_language(scope.language)
            if n.url_path == path or n.url_path.rstrip("/").endswith("/" + slug.strip("/"))
        ]
        if len(nodes) != 1:
            raise KeyError(slug)
        return Page.objects.get(pk=nodes[0].pk), None
    if kind == "poi" and place_id(slug) is not None:
        if not Place.objects.filter(region=scope.region, pk=place_id(slug)).exists():
            raise KeyError(slug)
        return section_page(scope, "directory"), None
    if kind == "poi":
        offer = Offer.objects.public().filter(region=scope.region, pk=slug_id(slug)).first()
        if offer is None:
            raise KeyError(slug)
        return section_page(scope, "directory"), offer
    if kind == "event":
        if not Event.objects.filter(region=scope.region, live=True, pk=slug_id(slug)).exists():
            raise KeyError(slug)
        return section_page(scope, "events"), None
    return section_page(scope, SECTION_TYPES[kind]), None


def place_id(slug: str) -> int | None:
    """The place id in a place's slug ("rathaus-ort12", see locations.place_slug)."""
    tail = slug.strip("/").split("/")[-1].rsplit("-", 1)[-1]
    number = tail.removeprefix(PLACE_SLUG_MARK)
    if number == tail or not number.isascii() or not number.isdigit() or int(number) > MAX_ID:
        return None
    return int(number)


def slug_id(slug: str) -> int:
    """Our event and location slugs end in the id ("sprachcafe-12", "sprachcafe-12$2030-01-01")."""
    tail = slug.strip("/").split("/")[-1].split("$")[0].rsplit("-", 1)[-1]
    if not tail.isascii() or not tail.isdigit() or int(tail) > MAX_ID:
        raise KeyError(slug)
    return int(tail)


def section_page(scope: Scope, section: str) -> Page | None:
    """The home page, or the directory/events/imprint page, of the scope's language."""
    home = home_page_for(scope.region, scope.language)
    if home is None or section == "home":
        return home
    if section == "imprint":
        return LegalPage.objects.live().child_of(home).filter(kind=LegalPage.Kind.IMPRINT).first()
    model = DirectoryPage if section == "directory" else EventIndexPage
    return model.objects.live().filter(path__startswith=home.path[:HOME_PATH_LENGTH]).first()


@csrf_exempt
@api_view(methods=("POST",))
@scoped
def feedback_view(request: HttpRequest, scope: Scope, kind: str) -> HttpResponse:
    """POST feedback/{type}/: rating up/down and/or a comment; 201 when stored."""
    try:
        parsed = parse_feedback(kind, form_data(request))
    except FeedbackError as error:
        status = 404 if error.parameter == "type" else 400
        return json_error(request, status, error.detail, parameter=error.parameter)
    try:
        page, offer = feedback_target(scope, parsed.kind, parsed.slug)
    except KeyError:
        return json_error(request, 404, "No public item matches the given slug.", parameter="slug")
    if rate_limited(request):
        return json_error(request, 429, "Too much feedback from here; please try again later.")
    record_feedback(
        FeedbackInput(
            region=scope.region,
            page_id=page.pk if page is not None else None,
            offer=offer,
            language_code=scope.language,
            helpful=parsed.helpful,
            comment=parsed.comment,
        )
    )
    created = HttpResponse(
        dumps({"success": "Feedback successfully submitted"}),
        status=201,
        content_type=JSON_TYPE,
    )
    return add_public_headers(created)
