"""Feedback from the Integreat app: what it sends, what we keep (no personal data).

The app appends the writer's contact address to the comment ("Kontaktadresse: …"); we
never store it, nor mail addresses or phone numbers written into the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The feedback types of the app (its routes) and what each is about in our site.
PAGE_TYPES = {"page"}
POI_TYPES = {"poi"}
EVENT_TYPES = {"event"}
SECTION_TYPES = {
    "categories": "home",
    "search": "home",
    "events": "events",
    "map": "directory",
    "imprint-page": "imprint",
}
TYPES = PAGE_TYPES | POI_TYPES | EVENT_TYPES | set(SECTION_TYPES)

RATINGS = {"up": True, "down": False, None: None, "": None}

CONTACT_SUFFIX = re.compile(r"\s*Kontaktadresse:.*\Z", re.DOTALL | re.IGNORECASE)
MAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<!\w)\+?\d[\d ()/.-]{5,}\d")
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
    text = CONTACT_SUFFIX.sub("", text)
    text = MAIL.sub("[E-Mail entfernt]", text)
    text = PHONE.sub("[Telefonnummer entfernt]", text)
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
