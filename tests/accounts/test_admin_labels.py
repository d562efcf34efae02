"""The back office speaks German: list headers say what a column holds (no "Locale",
"User", "Language codes"), yes/no values are icons (no "True"), the publish menu names a
German workflow, and the start pages of German and Easy German are told apart."""

from __future__ import annotations

import re

import pytest
from wagtail.models import Page, Workflow
from wagtail.snippets.models import get_snippet_models

from tests.conftest import MakeRegion, MakeUser, verified_client
from wir.accounts.roles import Role
from wir.portal.models import Feedback

pytestmark = pytest.mark.django_db

ENGLISH = re.compile(r">\s*(Locale|User|Language codes|Full name|Parent|True|False)\s*<")


def test_every_list_has_german_headers_and_icons(make_region: MakeRegion, make_user: MakeUser):
    region = make_region("nordkreis")
    Feedback.objects.create(region=region, language_code="de", helpful=True, comment="gut")
    client = verified_client(make_user("koordination", Role.COORDINATION, region))
    checked = 0
    for model in get_snippet_models():
        viewset = model.snippet_viewset
        answer = client.get(f"/admin/snippets/{viewset.app_label}/{viewset.model_name}/")
        if answer.status_code != 200:
            continue
        checked += 1
        html = answer.content.decode()
        assert not ENGLISH.search(html), (model.__name__, ENGLISH.search(html))
    assert checked >= 10
    feedback = client.get("/admin/snippets/portal/feedback/").content.decode()
    assert "icon-check" in feedback
    assert re.search(r'w-sr-only">\s*ja\s*<', feedback)  # read out: "ja"


def test_the_workflow_has_a_german_name(make_region: MakeRegion, make_user: MakeUser) -> None:
    names = set(Workflow.objects.values_list("name", flat=True))
    assert "Moderators approval" not in names
    assert "Freigabe durch die Redaktion" in names
    region = make_region("nordkreis")
    home = Page.objects.get(
        path__startswith=region.root_page.path, depth=3, locale__language_code="de"
    )
    client = verified_client(make_user("redaktion", Role.EDITOR, region))
    html = client.get(f"/admin/pages/{home.pk}/edit/").content.decode()
    assert "Zur Freigabe durch die Redaktion einreichen" in html
    assert "Moderators" not in html


def test_easy_german_start_page_is_named_in_the_tree(
    make_region: MakeRegion, make_user: MakeUser
) -> None:
    region = make_region("nordkreis", languages=("de", "de-x-ls"))
    Page.objects.filter(path__startswith=region.root_page.path, depth=3).update(
        title="Willkommen", draft_title="Willkommen"
    )
    client = verified_client(make_user("redaktion", Role.EDITOR, region))
    html = client.get(f"/admin/pages/{region.root_page.pk}/").content.decode()
    assert "Willkommen (Leichte Sprache)" in html
    assert re.search(r">\s*Willkommen\s*<", html)


def test_a_page_submitted_for_review_is_approved_by_its_own_region(
    make_region: MakeRegion, make_user: MakeUser
) -> None:
    """Wagtail's default workflow asks its "Moderators" group, which no role belongs to:
    each region has its own workflow whose reviewers are its coordination and editors."""
    north, south = make_region("nordkreis"), make_region("suedkreis")
    editor = make_user("redaktion", Role.EDITOR, north)
    own = make_user("koordination", Role.COORDINATION, north)
    other = make_user("koordination-sued", Role.COORDINATION, south)
    make_user("redaktion-sued", Role.EDITOR, south)
    home = Page.objects.get(
        path__startswith=north.root_page.path, depth=3, locale__language_code="de"
    ).specific
    workflow = home.get_workflow()
    assert workflow is not None
    assert workflow.name == "Freigabe durch die Redaktion"
    state = workflow.start(home, editor)
    task = state.current_task_state.task.specific
    assert "approve" in [action[0] for action in task.get_actions(home, own)]  # own region
    assert task.get_actions(home, other) == []  # another region's may not
    south_home = Page.objects.get(
        path__startswith=south.root_page.path, depth=3, locale__language_code="de"
    ).specific
    assert south_home.get_workflow() != workflow
    # The reviewer sees it on the start page; the other region's coordination does not.
    assert home.title in verified_client(own).get("/admin/").content.decode()
    assert home.title not in verified_client(other).get("/admin/").content.decode()


def test_regions_made_before_get_their_workflow_from_the_migration(
    make_region: MakeRegion, make_user: MakeUser
) -> None:
    import importlib

    from django.apps import apps
    from wagtail.models import WorkflowPage

    migration = importlib.import_module("wir.accounts.migrations.0006_region_workflows")
    region = make_region("nordkreis")
    own = make_user("koordination", Role.COORDINATION, region)
    WorkflowPage.objects.filter(page_id=region.root_page_id).delete()  # as before 0006
    migration.forwards(apps, None)
    home = Page.objects.get(
        path__startswith=region.root_page.path, depth=3, locale__language_code="de"
    ).specific
    workflow = home.get_workflow()
    assert workflow.name == "Freigabe durch die Redaktion"
    task = workflow.tasks.first().specific
    assert set(task.groups.values_list("name", flat=True)) == {
        "wir:nordkreis:coordination",
        "wir:nordkreis:editor",
    }
    workflow.start(home, own)
    assert "approve" in [action[0] for action in task.get_actions(home, own)]
    migration.forwards(apps, None)  # a second run adds nothing
    assert WorkflowPage.objects.filter(page_id=region.root_page_id).count() == 1
