"""Where a person lands after signing in: a page that is theirs, by their roles.

Back-office roles land in the back office (translators on their status matrix);
mediators and departments in the Sprachpool; volunteers and partners in their areas once
those exist (`volunteers:home`, `network:home`), until then on a page that says so.
Only URL names are used here, so that accounts imports none of the modules it points to.
"""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse

from wir.accounts.permissions import AnyUser, has_perm_somewhere, may_use_backoffice, regions_where
from wir.accounts.roles import Perm

PENDING = "accounts:area_pending"

# In this order: the first permission the user holds somewhere decides.
AREAS: tuple[tuple[Perm, str], ...] = (
    (Perm.ACT_AS_MEDIATOR, "sprachpool_site:home"),
    (Perm.ACT_AS_VOLUNTEER, "volunteers:home"),
    (Perm.CONTRIBUTE_NETWORK, "network:home"),
    (Perm.REQUEST_MEDIATION, "sprachpool_site:home"),
)


def url_of(name: str) -> str | None:
    """The path of a URL name, or None while no module provides it."""
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def _translator_home(user: AnyUser) -> str | None:
    """The status matrix, for someone who translates but edits nowhere."""
    if has_perm_somewhere(user, Perm.EDIT_CONTENT):
        return None
    region = regions_where(user, Perm.TRANSLATE_CONTENT).order_by("name").first()
    if region is None:
        return None
    try:
        return reverse("translation_status", args=[region.slug])
    except NoReverseMatch:
        return None


def landing_url(user: AnyUser) -> str:
    """The page a signed-in user starts on."""
    if may_use_backoffice(user):
        return _translator_home(user) or reverse("wagtailadmin_home")
    for perm, name in AREAS:
        if has_perm_somewhere(user, perm):
            return url_of(name) or reverse(PENDING)
    return reverse(PENDING)


def other_areas(user: AnyUser) -> list[tuple[str, str]]:
    """Areas that already exist for this user (label, path), for the waiting page."""
    found: list[tuple[str, str]] = []
    if has_perm_somewhere(user, Perm.REQUEST_MEDIATION) or has_perm_somewhere(
        user, Perm.ACT_AS_MEDIATOR
    ):
        path = url_of("sprachpool_site:home")
        if path:
            found.append(("Sprachpool", path))
    return found
