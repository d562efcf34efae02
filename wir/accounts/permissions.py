"""The one place that answers "may user U do A on object O?".

Every view, API endpoint and admin screen asks here; nothing checks roles ad hoc.
Objects are scoped to a region: a Region itself, anything with a `region_id`, or a Wagtail
page (its region is the one whose page tree it lies in).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.http import Http404

from wir.accounts.models import Membership, User
from wir.accounts.roles import ROLE_PERMS, TWO_FACTOR_ROLES, Perm, Role
from wir.core.languages import DEFAULT_LANGUAGE
from wir.core.models import Region

AnyUser = User | AnonymousUser
_CACHE_ATTR = "_wir_roles_by_region"
_LANGUAGES_ATTR = "_wir_translation_languages"
ROOT_PATH_LENGTH = 8  # treebeard: 4 characters per level; region roots are at depth 2


def roles_by_region(user: AnyUser) -> dict[int, frozenset[str]]:
    """The user's roles per region id, loaded once per user object (i.e. per request)."""
    if not user.is_authenticated or not user.is_active:
        return {}
    cached: dict[int, frozenset[str]] | None = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        collected: dict[int, set[str]] = {}
        for region_id, role in Membership.objects.filter(user=user).values_list(
            "region_id", "role"
        ):
            collected.setdefault(region_id, set()).add(role)
        cached = {region_id: frozenset(roles) for region_id, roles in collected.items()}
        setattr(user, _CACHE_ATTR, cached)
    return cached


def forget_cached_roles(user: AnyUser) -> None:
    for attr in (_CACHE_ATTR, _LANGUAGES_ATTR):
        if hasattr(user, attr):
            delattr(user, attr)


def perms_in_region(user: AnyUser, region_id: int) -> frozenset[Perm]:
    if user.is_authenticated and user.is_active and user.is_superuser:
        return frozenset(Perm)
    roles = roles_by_region(user).get(region_id, frozenset())
    granted: set[Perm] = set()
    for role in roles:
        granted |= ROLE_PERMS[role]
    return frozenset(granted)


def region_id_of(obj: Any) -> int | None:
    """The id of the region an object belongs to, or None if it belongs to none."""
    if isinstance(obj, Region):
        return obj.pk
    region_id = getattr(obj, "region_id", None)
    if region_id is not None:
        return int(region_id)
    path = getattr(obj, "path", None)
    if isinstance(path, str) and len(path) >= ROOT_PATH_LENGTH:
        return region_id_for_page_path(path)
    return None


def region_id_for_page_path(path: str) -> int | None:
    return (
        Region.objects.filter(root_page__path=path[:ROOT_PATH_LENGTH])
        .values_list("pk", flat=True)
        .first()
    )


def can(user: AnyUser, perm: Perm, obj: Any) -> bool:
    """May `user` do `perm` on `obj` (a Region or an object of one region)?"""
    if not user.is_authenticated or not user.is_active:
        return False
    region_id = region_id_of(obj)
    if region_id is None:
        return bool(user.is_superuser)
    return perm in perms_in_region(user, region_id)


def regions_where(user: AnyUser, perm: Perm) -> QuerySet[Region]:
    """The regions in which `user` may do `perm`, for filtering lists."""
    if not user.is_authenticated or not user.is_active:
        return Region.objects.none()
    if user.is_superuser:
        return Region.objects.all()
    region_ids = [
        region_id for region_id in roles_by_region(user) if perm in perms_in_region(user, region_id)
    ]
    return Region.objects.filter(pk__in=region_ids)


def has_perm_somewhere(user: AnyUser, perm: Perm) -> bool:
    """Does `user` hold `perm` in at least one region? From the roles loaded once per
    request: menus and panels ask this many times per page without a query each."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return Region.objects.exists()
    return any(perm in perms_in_region(user, region_id) for region_id in roles_by_region(user))


def access_region(user: AnyUser, slug: str, perm: Perm) -> Region:
    """Load a region for `perm`; missing and forbidden look alike (404) to the caller."""
    region = Region.objects.filter(slug=slug).first()
    if region is None or not can(user, perm, region):
        raise Http404("Region nicht gefunden")
    return region


def translation_languages(user: AnyUser, region_id: int) -> frozenset[str] | None:
    """The language codes `user` may translate into in the region; None means all of them.

    Editors and coordination translate into every language; a translator only into the
    languages assigned to their membership (none assigned: none). German, the language
    of the originals, is never a translation language.
    """
    perms = perms_in_region(user, region_id)
    if Perm.EDIT_CONTENT in perms:
        return None
    if Perm.TRANSLATE_CONTENT not in perms or not isinstance(user, User):
        return frozenset()
    cache: dict[int, frozenset[str]] = getattr(user, _LANGUAGES_ATTR, None) or {}
    if region_id not in cache:
        cache[region_id] = frozenset(
            Membership.objects.filter(
                user=user, region_id=region_id, role=Role.TRANSLATOR
            ).values_list("languages__code", flat=True)
        ) - {None, DEFAULT_LANGUAGE}
        setattr(user, _LANGUAGES_ATTR, cache)
    return cache[region_id]


def can_translate(user: AnyUser, obj: Any, language_code: str) -> bool:
    """May `user` edit the translation into `language_code` of content of `obj`'s region?"""
    if language_code == DEFAULT_LANGUAGE or not user.is_authenticated or not user.is_active:
        return False
    region_id = region_id_of(obj)
    if region_id is None:
        return bool(user.is_superuser)
    if Perm.TRANSLATE_CONTENT not in perms_in_region(user, region_id):
        return False
    languages = translation_languages(user, region_id)
    return languages is None or language_code in languages


def requires_two_factor(user: AnyUser) -> bool:
    """Coordination, editors and platform administrators must use a second factor."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return any(roles & TWO_FACTOR_ROLES for roles in roles_by_region(user).values())


def is_verified(user: AnyUser) -> bool:
    """True when this request's session was confirmed with a second factor (django-otp)."""
    check = getattr(user, "is_verified", None)
    return bool(check()) if callable(check) else False


def may_use_backoffice(user: AnyUser) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return any(
        Perm.USE_BACKOFFICE in perms_in_region(user, region_id)
        for region_id in roles_by_region(user)
    )
