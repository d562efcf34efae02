"""Writes that change who may do what. Each checks permission, runs atomically and logs."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import partial

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

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
    _sync_region_workflow(
        region, [groups[r] for r, c in WAGTAIL_PAGE_PERMISSIONS.items() if "publish_page" in c]
    )
    return groups


WORKFLOW_NAME = "Freigabe durch die Redaktion"  # stored data: the site's language
TASK_NAME = "Prüfung durch die Redaktion"


def _sync_region_workflow(region: Region, reviewers: list[Group]) -> None:
    """The region's own approval workflow on its root page: a page submitted for review is
    approved by the region's coordination and editors (Wagtail's default workflow asks its
    "Moderators" group, to which no role belongs, so only the operator could approve), and
    nobody of another region sees it in their list of pages to review. A workflow the
    operator has put on the root page instead is left as it is; a region rebuilt (the
    demo's reset) finds its workflow again by its reviewers."""
    if not region.root_page_id or not reviewers:
        return
    assigned = WorkflowPage.objects.filter(page_id=region.root_page_id).first()
    if assigned is not None:
        return
    workflow = (
        Workflow.objects.filter(
            name=WORKFLOW_NAME, workflow_tasks__task__groupapprovaltask__groups=reviewers[0]
        )
        .distinct()
        .first()
    )
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME)
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for task in GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow):
        task.groups.set(reviewers)
    WorkflowPage.objects.create(workflow=workflow, page_id=region.root_page_id)


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


def _keep_one_coordinator(actor: User | None, membership: Membership) -> None:
    """A region is never left without coordination by a person's hand (the operator on the
    server, actor None, may)."""
    if actor is None or membership.role != Role.COORDINATION:
        return
    others = (
        Membership.objects.select_for_update()
        .filter(region_id=membership.region_id, role=Role.COORDINATION, user__is_active=True)
        .exclude(pk=membership.pk)
    )
    if not others.exists():
        raise ValidationError(
            _(
                "Die Region braucht mindestens eine Koordination. Bitte geben Sie die Rolle "
                "zuerst einer anderen Person."
            )
        )


@transaction.atomic
def revoke_role(actor: User | None, user: User, region: Region, role: str) -> bool:
    """Take the role away; returns False when the user did not hold it."""
    _check_may_manage_roles(actor, region)
    membership = Membership.objects.filter(user=user, region=region, role=role).first()
    if membership is None:
        return False
    _keep_one_coordinator(actor, membership)
    log(instance=membership, action="wir.role_revoked", user=actor)
    membership.delete()
    sync_user_groups(user)
    forget_cached_roles(user)
    return True


@transaction.atomic
def change_role(actor: User | None, membership: Membership, role: str) -> Membership:
    """Give the person another role in the same region instead of this one."""
    region = membership.region
    _check_may_manage_roles(actor, region)
    if role not in Role.values:
        raise ValidationError(_("Unbekannte Rolle: %(role)s") % {"role": role})
    if role == membership.role:
        return membership
    if Membership.objects.filter(user=membership.user, region=region, role=role).exists():
        raise ValidationError(_("Diese Person hat diese Rolle in der Region schon."))
    _keep_one_coordinator(actor, membership)
    before = membership.role
    membership.role = role
    membership.save(update_fields=["role"])
    if role != Role.TRANSLATOR:
        membership.languages.clear()
    if not Group.objects.filter(name=group_name(region, role)).exists():
        sync_region_groups(region)
    sync_user_groups(membership.user)
    log(instance=membership, action="wir.role_changed", user=actor, data={"von": before})
    forget_cached_roles(membership.user)
    return membership


def _free_username(email: str) -> str:
    """A username from the address's local part, numbered when it is taken."""
    base = re.sub(r"[^\w.@+-]", "", email.split("@", 1)[0])[:140] or "person"
    name, number = base, 1
    while User.objects.filter(username__iexact=name).exists():
        number += 1
        name = f"{base}{number}"
    return name


def invitation_path(user: User) -> str:
    """The one-time link to set a password: it stops working once the password is set
    (or after PASSWORD_RESET_TIMEOUT), as Django's password-reset tokens do."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return reverse("accounts:invitation", args=[uid, default_token_generator.make_token(user)])


def _send_invitation(user_id: int, region_id: int, role: str) -> None:
    user = User.objects.get(pk=user_id)
    region = Region.objects.get(pk=region_id)
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    label = str(Role(role).label)
    if user.has_usable_password():
        text = (
            f"Guten Tag,\n\nSie haben auf der WIR-Plattform ({region.full_name}) die Rolle "
            f"„{label}“ erhalten. "
            f"Melden Sie sich wie gewohnt an: {base}{reverse('accounts:login')}\n\n"
            "Ihre WIR-Koordination"
        )
    else:
        text = (
            f"Guten Tag,\n\ndie WIR-Koordination ({region.full_name}) lädt Sie ein, auf der "
            f"WIR-Plattform in der Rolle „{label}“ mitzuarbeiten. Ihr Benutzername: "
            f"{user.get_username()}\n\nBitte legen Sie hier Ihr Passwort fest (der Link gilt "
            f"einmal und für {settings.PASSWORD_RESET_TIMEOUT // 86400} Tage):\n"
            f"{base}{invitation_path(user)}\n\nIhre WIR-Koordination"
        )
    EmailMessage("Einladung zur WIR-Plattform", text, to=[user.email]).send()


def invite(
    actor: User,
    region: Region,
    email: str,
    role: str,
    languages: Iterable[str] | None = None,
) -> tuple[User, bool]:
    """Invite a person by e-mail to a role in the region: an unknown address gets a new
    account without a password and a one-time link to set one; a known one gets the role
    and a note. Returns the user and whether the account is new."""
    _check_may_manage_roles(actor, region)
    address = email.strip()
    try:
        validate_email(address)
    except ValidationError:
        raise ValidationError(_("Bitte geben Sie eine gültige E-Mail-Adresse an.")) from None
    if role not in Role.values:
        raise ValidationError(_("Unbekannte Rolle: %(role)s") % {"role": role})
    with transaction.atomic():
        user = User.objects.filter(email__iexact=address).order_by("pk").first()
        created = user is None
        if user is None:
            user = User.objects.create_user(username=_free_username(address), email=address)
        elif not user.is_active:
            raise ValidationError(_("Das Konto zu dieser Adresse ist gesperrt."))
        elif Membership.objects.filter(user=user, region=region, role=role).exists():
            raise ValidationError(_("Diese Person hat diese Rolle in der Region schon."))
        grant_role(actor, user, region, role, languages=languages)
        log(instance=user, action="wir.staff_invited", user=actor, data={"rolle": role})
        transaction.on_commit(partial(_send_invitation, user.pk, region.pk, role))
    return user, created
