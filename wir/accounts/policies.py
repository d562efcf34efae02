"""Wagtail permission policies that ask `wir.accounts.permissions`, and admin view mixins.

Wagtail's admin screens for region-scoped models (regions, areas, roles, later offers,
mediators, ...) use `RegionScopedPolicy`: a user sees and changes only rows of the regions
in which their role grants the permission. Rows of other regions answer 404, like missing
ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Model, Q, QuerySet
from django.http import Http404
from wagtail.permission_policies.base import BasePermissionPolicy

from wir.accounts.models import User
from wir.accounts.permissions import (
    AnyUser,
    can,
    perms_in_region,
    regions_where,
    roles_by_region,
)
from wir.accounts.roles import ROLE_PERMS, Perm
from wir.core.models import Region


class RegionScopedPolicy(BasePermissionPolicy):
    """All actions on a region-scoped model need `perm` in the row's region, except
    "publish" (and unpublish, which Wagtail checks as "publish"): that needs
    `PUBLISH_CONTENT` in the row's region, as for pages.

    `operator_actions` are kept for platform administrators (superusers), e.g. creating or
    deleting a whole region.
    """

    def __init__(self, model: type[Model], perm: Perm, operator_actions: Iterable[str] = ()):
        super().__init__(model)
        self.perm = perm
        self.operator_actions = frozenset(operator_actions)

    def perm_for(self, action: str) -> Perm:
        """The permission an action needs in the row's region."""
        return Perm.PUBLISH_CONTENT if action == "publish" else self.perm

    def _allowed_action(self, user: AnyUser, action: str) -> bool:
        if not user.is_authenticated or not user.is_active:
            return False
        if action in self.operator_actions:
            return bool(user.is_superuser)
        if user.is_superuser:
            return True
        # From the roles loaded once per request, not a query per row and button of a list.
        perm = self.perm_for(action)
        return any(perm in perms_in_region(user, region_id) for region_id in roles_by_region(user))

    def user_has_permission(self, user: AnyUser, action: str) -> bool:
        return self._allowed_action(user, action)

    def user_has_any_permission(self, user: AnyUser, actions: Iterable[str]) -> bool:
        return any(self._allowed_action(user, action) for action in actions)

    def users_with_any_permission(self, actions: Iterable[str]) -> QuerySet[User]:
        wanted = {self.perm_for(action) for action in actions}
        roles = [role for role, perms in ROLE_PERMS.items() if wanted & perms]
        return User.objects.filter(
            Q(is_superuser=True) | Q(memberships__role__in=roles), is_active=True
        ).distinct()

    def user_has_permission_for_instance(self, user: AnyUser, action: str, instance: Any) -> bool:
        return self._allowed_action(user, action) and can(user, self.perm_for(action), instance)

    def user_has_any_permission_for_instance(
        self, user: AnyUser, actions: Iterable[str], instance: Any
    ) -> bool:
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_any_permission_for(
        self, user: AnyUser, actions: Iterable[str]
    ) -> QuerySet[Any]:
        queryset = self.model._default_manager.all()
        if not self.user_has_any_permission(user, actions):
            return queryset.none()
        if user.is_superuser:
            return queryset
        regions = regions_where(user, self.perm)
        if self.model is Region:
            return queryset.filter(pk__in=regions)
        return queryset.filter(region__in=regions)

    def users_with_any_permission_for_instance(
        self, actions: Iterable[str], instance: Any
    ) -> QuerySet[User]:
        users = self.users_with_any_permission(actions)
        return users.filter(
            Q(is_superuser=True) | Q(memberships__region_id=getattr(instance, "region_id", None))
        ).distinct()


class RegionScopedViewMixin:
    """For Wagtail's generic admin views: lists and objects limited to the user's regions."""

    permission_policy: RegionScopedPolicy
    request: Any

    def _scoped(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        allowed = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["change", "delete", "view"]
        )
        return queryset.filter(pk__in=allowed.values("pk"))

    def get_base_queryset(self) -> QuerySet[Any]:
        return self._scoped(super().get_base_queryset())  # type: ignore[misc]

    def get_object(self, *args: Any, **kwargs: Any) -> Any:
        # Wagtail's views load objects in several ways; check the result, whichever it was.
        obj = super().get_object(*args, **kwargs)  # type: ignore[misc]
        if obj is not None and not self._scoped(type(obj)._default_manager.filter(pk=obj.pk)):
            raise Http404
        return obj


def scoped_for(user: AnyUser, model: type[Model], queryset: QuerySet[Any]) -> QuerySet[Any]:
    """`queryset` limited to the rows of `model` that `user` may see through its policy."""
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(model, fallback=False)
    if not isinstance(policy, RegionScopedPolicy):
        return queryset if user.is_superuser else queryset.none()
    allowed = policy.instances_user_has_any_permission_for(user, ["change", "delete", "view"])
    return queryset.filter(pk__in=allowed.values("pk"))


class RegionScopedChooserMixin:
    """Snippet choosers list and return only rows of the user's regions."""

    request: Any
    model_class: type[Model]

    def get_object_list(self) -> QuerySet[Any]:
        return scoped_for(
            self.request.user,
            self.model_class,
            super().get_object_list(),  # type: ignore[misc]
        )

    def get_object(self, pk: Any) -> Any:
        return scoped_for(
            self.request.user, self.model_class, self.model_class._default_manager.all()
        ).get(pk=pk)

    def get_objects(self, pks: Any) -> QuerySet[Any]:
        return scoped_for(
            self.request.user, self.model_class, self.model_class._default_manager.all()
        ).filter(pk__in=pks)
