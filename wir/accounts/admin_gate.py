"""The gate in front of every back-office route: one decision, with the object's region.

Wagtail's and wagtail-localize's own views check *model* permissions ("may this user
change offers?"), which in a multi-region deployment means "in any region". This gate
runs before every view under the admin prefix and decides, for signed-in users who are not
platform administrators, through `wir.accounts.permissions.can` with the region of the object
the URL names:

- **Views of a region-scoped model** (every snippet view and chooser, whatever its action:
  edit, delete, copy, lock, unlock, publish, unpublish, revert, history, compare, usage,
  inspect, preview, workflow, chosen): the object named by `pk` must lie in a region where
  the user holds the model's permission (`RegionScopedPolicy.perm`). Their lists and
  choosers are filtered by the same policy (`policies.py`).
- **Page views**: the page (or parent, destination) must lie in a region where the user may
  see (`VIEW_CONTENT_ADMIN`) or change (`EDIT_CONTENT`) content.
- **wagtail-localize**: only editors and coordination of the source object's region;
  turning a translation into an alias needs `PUBLISH_CONTENT`. Translators write through
  our translation editor and XLIFF import only.
- **Our own views** check through `wir.accounts.permissions` themselves (`SELF`).
- **Harmless views** without region data (dashboard, account, choosers of external links)
  are `OPEN`.
- **Everything else is refused** (403) unless the user is a platform administrator: a new
  Wagtail or wagtail-localize route that nobody scoped is closed, not open.

The authorisation matrix (tests/accounts/test_authorisation_matrix.py) calls every URL of
the project as users of two regions and proves the decisions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import ResolverMatch
from wagtail.models import Page
from wagtail.permissions import policy_registry

from wir.accounts.permissions import AnyUser, can, has_perm_somewhere
from wir.accounts.policies import RegionScopedPolicy
from wir.accounts.roles import Perm

ADMIN_PREFIX = "/admin/"

Check = Callable[[AnyUser, HttpRequest, dict[str, Any]], bool]


def _open(user: AnyUser, request: HttpRequest, kwargs: dict[str, Any]) -> bool:
    return True


def _operator(user: AnyUser, request: HttpRequest, kwargs: dict[str, Any]) -> bool:
    return False  # platform administrators (superusers) pass before any rule is asked


OPEN: Check = _open
SELF: Check = _open  # the view decides through wir.accounts.permissions itself
OPERATOR: Check = _operator


def _page_allowed(user: AnyUser, page_id: Any, perm: Perm) -> bool:
    try:
        page = Page.objects.filter(pk=int(page_id)).only("path", "depth").first()
    except (TypeError, ValueError):
        return True  # not a page id: the view answers 404
    if page is None:
        return True  # missing: the view answers 404 like for a forbidden page
    if page.depth < 2:
        # The tree's root belongs to no region; Wagtail lists below it only the pages the
        # user may explore. Writing at the root is the operator's job.
        return perm == Perm.VIEW_CONTENT_ADMIN and has_perm_somewhere(user, perm)
    return can(user, perm, page)


def page(perm: Perm, *names: str) -> Check:
    """The pages named by the URL parameters `names` must allow `perm`."""

    def check(user: AnyUser, request: HttpRequest, kwargs: dict[str, Any]) -> bool:
        return all(_page_allowed(user, kwargs[name], perm) for name in names if name in kwargs)

    return check


def region_policy(model: type[Model]) -> RegionScopedPolicy | None:
    policy = policy_registry.get_by_type(model, fallback=False)
    return policy if isinstance(policy, RegionScopedPolicy) else None


def _objects_allowed(
    user: AnyUser, model: type[Model], pks: Iterable[Any], perm: Perm | None = None
) -> bool:
    """Every existing object among `pks` lies in a region where the user may act on it."""
    if issubclass(model, Page):
        return all(_page_allowed(user, pk, perm or Perm.EDIT_CONTENT) for pk in pks)
    policy = region_policy(model)
    if policy is None:
        return False
    keys = [unquote(str(pk)) for pk in pks]
    try:
        objects = list(model._default_manager.filter(pk__in=keys))
    except (ValueError, ValidationError, OverflowError):
        # Not a valid key (OverflowError: an integer beyond SQLite's range): the view
        # answers 404.
        return True
    return all(can(user, perm or policy.perm, obj) for obj in objects)


def _model_from_kwargs(kwargs: dict[str, Any]) -> type[Model] | None:
    app_label, model_name = kwargs.get("app_label"), kwargs.get("model_name")
    try:
        return apps.get_model(str(app_label), str(model_name))
    except (LookupError, ValueError):
        return None


def _bulk_action(user: AnyUser, request: HttpRequest, kwargs: dict[str, Any]) -> bool:
    model = _model_from_kwargs(kwargs)
    ids = request.GET.getlist("id")
    if model is None or "all" in ids:
        return False  # "select all" spans regions; only the operator may
    return _objects_allowed(user, model, ids)


def _editing_session(user: AnyUser, request: HttpRequest, kwargs: dict[str, Any]) -> bool:
    model = _model_from_kwargs(kwargs)
    if model is None:
        return False
    return _objects_allowed(user, model, [kwargs["object_id"]], _read_perm(model))


def _read_perm(model: type[Model]) -> Perm | None:
    return Perm.VIEW_CONTENT_ADMIN if issubclass(model, Page) else None


def _snippet_submit(user: AnyUser, request: HttpRequest, kwargs: dict[str, Any]) -> bool:
    model = _model_from_kwargs(kwargs)
    if model is None:
        return False
    return _objects_allowed(user, model, [kwargs["pk"]], Perm.EDIT_CONTENT)


def _source_region_allowed(user: AnyUser, source: Any, perm: Perm) -> bool:
    try:
        instance = source.get_source_instance()
    except Exception:  # a source whose object is gone belongs to no region
        return False
    return can(user, perm, instance)


def localize_translation(perm: Perm) -> Check:
    def check(user: AnyUser, request: HttpRequest, kwargs: dict[str, Any]) -> bool:
        from wagtail_localize.models import Translation

        translation = (
            Translation.objects.select_related("source").filter(pk=kwargs["translation_id"]).first()
        )
        return translation is None or _source_region_allowed(user, translation.source, perm)

    return check


def _localize_source(user: AnyUser, request: HttpRequest, kwargs: dict[str, Any]) -> bool:
    from wagtail_localize.models import TranslationSource

    source = TranslationSource.objects.filter(pk=kwargs["translation_source_id"]).first()
    return source is None or _source_region_allowed(user, source, Perm.EDIT_CONTENT)


def _model_view(
    user: AnyUser, request: HttpRequest, kwargs: dict[str, Any], model: Any, action: str = ""
) -> bool:
    """Views built for one model (snippets, choosers, Wagtail's model viewsets)."""
    model = _model_class(model)
    policy = None if model is None else region_policy(model)
    if model is None or policy is None:
        return False  # users, groups, sites, locales, images, ...: the operator's
    if "pk" in kwargs:
        # Wagtail checks unpublishing as "publish": PUBLISH_CONTENT in the row's region.
        perm = policy.perm_for("publish") if action == "unpublish" else None
        return _objects_allowed(user, model, [kwargs["pk"]], perm)
    if "id" in request.GET:  # chosen-multiple
        return _objects_allowed(user, model, request.GET.getlist("id"))
    return True  # lists, choosers, add: filtered by the policy


VIEW = Perm.VIEW_CONTENT_ADMIN
EDIT = Perm.EDIT_CONTENT

# Routes by view name. A route that is neither here nor a view of a region-scoped model
# is refused for everyone but the platform operator.
RULES: dict[str, Check] = {
    # --- Wagtail: no region data -------------------------------------------------------
    "admin_login_redirect": OPEN,  # to our sign-in
    "admin_external_link_chooser": OPEN,  # Wagtail's, answering bad input without an error
    "wagtailadmin_home": OPEN,  # dashboard panels list only the user's own pages/tasks
    "wagtailadmin_account": OPEN,
    "wagtailadmin_logout": OPEN,
    "wagtailadmin_login": OPEN,
    "wagtailadmin_javascript_catalog": OPEN,
    "wagtailadmin_sprite": OPEN,
    "wagtailadmin_dismissibles": OPEN,
    "wagtailadmin_block_preview": OPEN,
    "wagtailadmin_tag_autocomplete": OPEN,  # tag names only, no objects
    "wagtailadmin_choose_page_external_link": OPEN,
    "wagtailadmin_choose_page_email_link": OPEN,
    "wagtailadmin_choose_page_phone_link": OPEN,
    "wagtailadmin_choose_page_anchor_link": OPEN,
    "wagtailsnippets:index": OPEN,  # the list of snippet types, counts filtered by policy
    "wagtailadmin_password_reset": OPEN,  # anonymous; switched off by setting
    "wagtailadmin_password_reset_done": OPEN,
    "wagtailadmin_password_reset_confirm": OPEN,
    "wagtailadmin_password_reset_complete": OPEN,
    "wagtailadmin_editing_sessions:release": OPEN,  # Wagtail checks the session is the user's
    "wagtailadmin_editing_sessions:ping": _editing_session,
    "wagtail_bulk_action": _bulk_action,
    # --- Wagtail pages -------------------------------------------------------------------
    "wagtailadmin_explore_root": OPEN,  # redirects to the user's explorable root
    "wagtailadmin_explore": page(VIEW, "parent_page_id"),
    "wagtailadmin_explore_results": page(VIEW, "parent_page_id"),
    "wagtailadmin_pages:search": OPEN,  # filtered to explorable pages by Wagtail
    "wagtailadmin_pages:search_results": OPEN,
    "wagtailadmin_choose_page": OPEN,  # filtered by construct_page_chooser_queryset
    "wagtailadmin_choose_page_search": OPEN,
    "wagtailadmin_choose_page_chosen_multiple": OPEN,
    "wagtailadmin_choose_page_child": page(VIEW, "parent_page_id"),
    "wagtailadmin_pages:add": page(EDIT, "parent_page_id"),
    "wagtailadmin_pages:add_subpage": page(EDIT, "parent_page_id"),
    "wagtailadmin_pages:preview_on_add": page(EDIT, "parent_page_id"),
    "wagtailadmin_pages:choose_parent": OPEN,  # lists only pages the user may add to
    "wagtailadmin_pages:usage": page(VIEW, "page_id"),
    "wagtailadmin_pages:view_draft": page(VIEW, "page_id"),
    "wagtailadmin_pages:preview_on_edit": page(EDIT, "page_id"),
    "wagtailadmin_pages:revisions_index": page(VIEW, "page_id"),
    "wagtailadmin_pages:revisions_view": page(VIEW, "page_id"),
    "wagtailadmin_pages:revisions_compare": page(VIEW, "pk"),
    "wagtailadmin_pages:history": page(VIEW, "page_id"),
    "wagtailadmin_pages:history_results": page(VIEW, "page_id"),
    "wagtailadmin_pages:workflow_history": page(VIEW, "page_id"),
    "wagtailadmin_pages:workflow_history_detail": page(VIEW, "page_id"),
    "wagtailadmin_pages:edit": page(EDIT, "page_id"),
    "wagtailadmin_pages:delete": page(EDIT, "page_id"),
    "wagtailadmin_pages:unpublish": page(EDIT, "page_id"),
    "wagtailadmin_pages:convert_alias": page(EDIT, "page_id"),
    "wagtailadmin_pages:move": page(EDIT, "page_to_move_id"),
    "wagtailadmin_pages:move_confirm": page(EDIT, "page_to_move_id", "destination_id"),
    "wagtailadmin_pages:set_page_position": page(EDIT, "page_to_move_id"),
    "wagtailadmin_pages:copy": page(EDIT, "page_id"),
    "wagtailadmin_pages:workflow_action": page(EDIT, "page_id"),
    "wagtailadmin_pages:collect_workflow_action_data": page(EDIT, "page_id"),
    "wagtailadmin_pages:confirm_workflow_cancellation": page(EDIT, "page_id"),
    "wagtailadmin_pages:workflow_preview": page(EDIT, "page_id"),
    "wagtailadmin_pages:set_privacy": page(EDIT, "page_id"),
    "wagtailadmin_pages:lock": page(EDIT, "page_id"),
    "wagtailadmin_pages:unlock": page(EDIT, "page_id"),
    "wagtailadmin_pages:revisions_revert": page(EDIT, "page_id"),
    "wagtailadmin_pages:revisions_unschedule": page(EDIT, "page_id"),
    "wagtailadmin_api:pages:listing": OPEN,  # filtered by construct_explorer_page_queryset
    "wagtailadmin_api:pages:find": OPEN,
    "wagtailadmin_api:pages:detail": page(VIEW, "pk"),
    "wagtailadmin_api:pages:action": page(EDIT, "pk"),
    # --- wagtail-localize: editors and coordination of the source's region -----------------
    "wagtail_localize:javascript_catalog": OPEN,
    "wagtail_localize:submit_page_translation": page(EDIT, "page_id"),
    "wagtail_localize:submit_snippet_translation": _snippet_submit,
    "wagtail_localize:update_translations": _localize_source,
    "wagtail_localize:edit_string_translation": localize_translation(EDIT),
    "wagtail_localize:edit_override": localize_translation(EDIT),
    "wagtail_localize:download_pofile": localize_translation(EDIT),
    "wagtail_localize:upload_pofile": localize_translation(EDIT),
    "wagtail_localize:machine_translate": localize_translation(EDIT),
    "wagtail_localize:preview_translation": localize_translation(EDIT),
    "wagtail_localize:stop_translation": localize_translation(EDIT),
    # An alias puts the German page live at the translated URL: an editor's decision.
    "wagtail_localize:convert_to_alias": page(Perm.PUBLISH_CONTENT, "page_id"),
    # --- our own back-office views: they decide through wir.accounts.permissions ------------
    "portal_stale_offers": SELF,
    "portal_stale_offers_results": SELF,
    "translation_editor": SELF,
    "translation_editor_target": SELF,
    "translation_machine": SELF,
    "translation_machine_page": SELF,
    "translation_machine_job": SELF,
    "translation_machine_review": SELF,
    "translation_status_index": SELF,
    "translation_status": SELF,
    "translation_status_cell": SELF,
    "translation_xliff": SELF,
    "accounts_team_index": SELF,
    "accounts_team": SELF,
    "accounts_role_change": SELF,
    "accounts_role_revoke": SELF,
    "sprachpool_index": SELF,
    "sprachpool_plan": SELF,
    "sprachpool_statements": SELF,
    "sprachpool_report": SELF,
    "sprachpool_request": SELF,
    "privacy_register_index": SELF,
    "privacy_register": SELF,
    "privacy_index": SELF,
    "privacy_audit_log": SELF,
    "privacy_people": SELF,
    "privacy_person": SELF,
    "sprachpool_board": SELF,
    "sprachpool_request_cancel": SELF,
    "sprachpool_request_search": SELF,
    "reports_index": SELF,
    "reports_region": SELF,
    "reports_run": SELF,
    "reports_export": SELF,
}
# Refused for everyone but the operator (listed so that the decision is visible):
# Wagtail's users, groups, sites, locales, collections, workflows and tasks, redirects,
# images and documents (shared media, not region-scoped), its reports (locked pages and
# page ages filter by users of every region; site history and workflow reports span
# regions), page-type usage (lists pages of every region), wagtail-localize's translations
# report and its snippet API (lists snippets of every region), the error test view.


def refusal(user: AnyUser, request: HttpRequest, match: ResolverMatch) -> int | None:
    """None when `user` may call the admin route `match`, else the status to answer.

    Objects of another region look missing (404), like in every other view; routes that
    are closed to everyone but the operator answer 403. Anonymous users go on to the login.
    """
    if not user.is_authenticated or user.is_superuser:
        return None
    rule = RULES.get(match.view_name)
    model = getattr(match.func, "view_initkwargs", {}).get("model")
    if rule is not None:
        ok = rule(user, request, match.kwargs)
    elif model is not None:
        ok = _model_view(user, request, match.kwargs, model, match.url_name or "")
        if not ok and region_policy_of(model) is None:
            return 403
    else:
        # Wagtail's catch-all answers 404; anything else unknown is refused.
        return None if match.url_name is None and match.route.endswith("^.*/$") else 403
    if ok:
        return None
    return 403 if rule is OPERATOR else 404


def allowed(user: AnyUser, request: HttpRequest, match: ResolverMatch) -> bool:
    return refusal(user, request, match) is None


def _model_class(model: Any) -> type[Model] | None:
    """The model a view was built for ("app.Model" or the class)."""
    if isinstance(model, str):
        try:
            model = apps.get_model(model)
        except (LookupError, ValueError):
            return None
    return model if isinstance(model, type) and issubclass(model, Model) else None


def region_policy_of(model: Any) -> RegionScopedPolicy | None:
    model_class = _model_class(model)
    return None if model_class is None else region_policy(model_class)


class AdminGateMiddleware:
    """Refuse every admin route the gate does not allow for this user."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: Any
    ) -> None:
        match = request.resolver_match
        if match is None or not request.path_info.startswith(ADMIN_PREFIX):
            return None
        status = refusal(request.user, request, match)
        if status == 404:
            raise Http404
        if status is not None:
            raise PermissionDenied
        return None
