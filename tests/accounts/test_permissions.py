"""Roles per region decide everything; regions are isolated from each other."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from wagtail.models import Page

from tests.conftest import MakeRegion, MakeUser
from wir.accounts.actions import grant_role, revoke_role
from wir.accounts.models import Membership
from wir.accounts.permissions import (
    access_region,
    can,
    regions_where,
    requires_two_factor,
)
from wir.accounts.roles import Perm, Role

pytestmark = pytest.mark.django_db


def test_each_role_gets_exactly_its_permissions(make_region: MakeRegion, make_user: MakeUser):
    region = make_region()
    expectations = {
        Role.COORDINATION: {Perm.MANAGE_ROLES, Perm.EDIT_CONTENT, Perm.VIEW_PERSONAL_DATA},
        Role.EDITOR: {Perm.EDIT_CONTENT, Perm.PUBLISH_CONTENT},
        Role.TRANSLATOR: {Perm.TRANSLATE_CONTENT},
        Role.CLERK: {Perm.REQUEST_MEDIATION},
        Role.MEDIATOR: {Perm.ACT_AS_MEDIATOR},
        Role.VOLUNTEER: {Perm.ACT_AS_VOLUNTEER},
        Role.PARTNER: {Perm.CONTRIBUTE_NETWORK},
        Role.OBSERVER: {Perm.VIEW_REPORTS},
    }
    forbidden = {
        Role.EDITOR: {Perm.MANAGE_ROLES, Perm.VIEW_PERSONAL_DATA, Perm.MANAGE_MEDIATION},
        Role.TRANSLATOR: {Perm.PUBLISH_CONTENT, Perm.EDIT_CONTENT},
        Role.CLERK: {Perm.EDIT_CONTENT, Perm.USE_BACKOFFICE, Perm.VIEW_PERSONAL_DATA},
        Role.MEDIATOR: {Perm.REQUEST_MEDIATION, Perm.VIEW_PERSONAL_DATA},
        Role.VOLUNTEER: {Perm.MANAGE_VOLUNTEERS},
        Role.OBSERVER: {Perm.EDIT_CONTENT, Perm.VIEW_PERSONAL_DATA},
    }
    for role, perms in expectations.items():
        user = make_user(f"user-{role}", role, region)
        for perm in perms:
            assert can(user, perm, region), (role, perm)
        for perm in forbidden.get(role, set()):
            assert not can(user, perm, region), (role, perm)


def test_staff_of_one_region_cannot_act_in_another(make_region: MakeRegion, make_user: MakeUser):
    north = make_region("nordkreis")
    south = make_region("suedkreis")
    coordinator = make_user("koordination-nord", Role.COORDINATION, north)
    assert can(coordinator, Perm.MANAGE_REGION, north)
    assert not can(coordinator, Perm.MANAGE_REGION, south)
    assert not can(coordinator, Perm.EDIT_CONTENT, south)
    assert list(regions_where(coordinator, Perm.EDIT_CONTENT)) == [north]
    assert access_region(coordinator, "nordkreis", Perm.MANAGE_REGION) == north
    with pytest.raises(Http404):  # forbidden looks exactly like missing
        access_region(coordinator, "suedkreis", Perm.MANAGE_REGION)
    with pytest.raises(Http404):
        access_region(coordinator, "gibtesnicht", Perm.MANAGE_REGION)


def test_pages_belong_to_the_region_of_their_tree(make_region: MakeRegion, make_user: MakeUser):
    north = make_region("nordkreis")
    make_region("suedkreis")
    editor = make_user("redaktion-nord", Role.EDITOR, north)
    north_arabic_home = Page.objects.get(url_path="/nordkreis/ar/")
    south_home = Page.objects.get(url_path="/suedkreis/de/")
    assert can(editor, Perm.EDIT_CONTENT, north_arabic_home)
    assert not can(editor, Perm.EDIT_CONTENT, south_home)


def test_anonymous_and_inactive_users_may_do_nothing(region, make_user: MakeUser) -> None:
    from django.contrib.auth.models import AnonymousUser

    assert not can(AnonymousUser(), Perm.EDIT_CONTENT, region)
    user = make_user("ehemals", Role.COORDINATION, region)
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert not can(user, Perm.EDIT_CONTENT, region)


def test_only_coordination_grants_roles_and_changes_are_logged(region, make_user: MakeUser):
    from wagtail.models import ModelLogEntry

    coordinator = make_user("koordination", Role.COORDINATION, region)
    editor = make_user("redaktion", Role.EDITOR, region)
    newcomer = make_user("neu")
    with pytest.raises(PermissionDenied):
        grant_role(editor, newcomer, region, Role.EDITOR)
    assert not Membership.objects.filter(user=newcomer).exists()
    grant_role(coordinator, newcomer, region, Role.TRANSLATOR)
    assert can(newcomer, Perm.TRANSLATE_CONTENT, region)
    assert newcomer.groups.filter(name=f"wir:{region.slug}:translator").exists()
    assert revoke_role(coordinator, newcomer, region, Role.TRANSLATOR)
    assert not can(newcomer, Perm.TRANSLATE_CONTENT, region)
    assert not newcomer.groups.exists()
    actions = list(ModelLogEntry.objects.filter(user=coordinator).values_list("action", flat=True))
    assert sorted(actions) == ["wir.role_granted", "wir.role_revoked"]


def test_two_factor_is_required_for_coordination_and_editors(region, make_user: MakeUser):
    assert requires_two_factor(make_user("k", Role.COORDINATION, region))
    assert requires_two_factor(make_user("r", Role.EDITOR, region))
    assert not requires_two_factor(make_user("u", Role.TRANSLATOR, region))
    assert not requires_two_factor(make_user("f", Role.CLERK, region))
