"""Writes that change who may do what. Each checks permission, runs atomically and logs."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import GroupPagePermission

from wir.accounts.models import Membership, User
from wir.accounts.permissions import can, forget_cached_roles
from wir.accounts.roles import ROLE_PERMS, WAGTAIL_PAGE_PERMISSIONS, Perm, Role
from wir.core.languages import DEFAULT_LANGUAGE
from wir.core.models import Language, Region

GROUP_PREFIX = "wir:"


def group_name(region: Region, role: str) -> str:
    return f"{GROUP_PREFIX}{region.slug}:{role}"


@transaction.atomic
def sync_region_groups(region: Region) -> dict[str, Group]:
    """Create or refresh the Wagtail groups of a region so that page permissions follow roles.

    Permissions are granted on the region's root page, so they cover every language.
    """
    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    page_perms = {
        p.codename: p
        for p in Permission.objects.filter(content_type__app_label="wagtailcore")
        if p.codename.endswith("_page")
    }
    roots = [region.root_page_id] if region.root_page_id else []
    groups: dict[str, Group] = {}
    for role, codenames in WAGTAIL_PAGE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=group_name(region, role))
        if Perm.USE_BACKOFFICE in ROLE_PERMS[role]:
            group.permissions.add(admin_access)
        wanted = {(root, page_perms[codename].pk) for root in roots for codename in codenames}
        existing: set[tuple[int, int]] = set()
        for gpp in GroupPagePermission.objects.filter(group=group):
            key = (gpp.page_id, gpp.permission_id)
            if key in wanted:
                existing.add(key)
            else:
                gpp.delete()
        GroupPagePermission.objects.bulk_create(
            [
                GroupPagePermission(group=group, page_id=page_id, permission_id=perm_id)
                for page_id, perm_id in wanted - existing
            ]
        )
        groups[role] = group
    return groups


def sync_user_groups(user: User) -> None:
    """Make the user's Wagtail groups mirror their memberships (other groups stay)."""
    wanted = {
        group_name(m.region, m.role)
        for m in Membership.objects.filter(user=user).select_related("region")
        if m.role in WAGTAIL_PAGE_PERMISSIONS
    }
    current = {g.name: g for g in user.groups.filter(name__startswith=GROUP_PREFIX)}
    user.groups.remove(*[g for name, g in current.items() if name not in wanted])
    user.groups.add(*Group.objects.filter(name__in=wanted - set(current)))


def _check_may_manage_roles(actor: User | None, region: Region) -> None:
    # actor None: a management command run by the operator on the server.
    if actor is not None and not can(actor, Perm.MANAGE_ROLES, region):
        raise PermissionDenied(_("Sie dürfen die Rollen dieser Region nicht ändern."))


@transaction.atomic
def grant_role(
    actor: User | None,
    user: User,
    region: Region,
    role: str,
    languages: Iterable[str] | None = None,
) -> Membership:
    """Give `user` the `role` in `region`; a role held already is left as it is.

    `languages`: for the translator role, the language codes they may translate into.
    """
    _check_may_manage_roles(actor, region)
    if role not in Role.values:
        raise ValidationError(_("Unbekannte Rolle: %(role)s") % {"role": role})
    membership, created = Membership.objects.get_or_create(
        user=user, region=region, role=role, defaults={"granted_by": actor}
    )
    if created:
        if not Group.objects.filter(name=group_name(region, role)).exists():
            sync_region_groups(region)
        sync_user_groups(user)
        log(instance=membership, action="wir.role_granted", user=actor)
    if languages is not None and role == Role.TRANSLATOR:
        _set_languages(membership, languages)
    forget_cached_roles(user)
    return membership


def _set_languages(membership: Membership, codes: Iterable[str]) -> None:
    membership.languages.set(
        Language.objects.filter(code__in=list(codes), regions=membership.region).exclude(
            code=DEFAULT_LANGUAGE
        )
    )


@transaction.atomic
def revoke_role(actor: User | None, user: User, region: Region, role: str) -> bool:
    """Take the role away; returns False when the user did not hold it."""
    _check_may_manage_roles(actor, region)
    membership = Membership.objects.filter(user=user, region=region, role=role).first()
    if membership is None:
        return False
    log(instance=membership, action="wir.role_revoked", user=actor)
    membership.delete()
    sync_user_groups(user)
    forget_cached_roles(user)
    return True
