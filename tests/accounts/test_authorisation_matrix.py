"""The authorisation matrix: every URL of the project × users of two regions × methods.

Routes come from Django's resolver at run time (ours, Wagtail's, wagtail-localize's, the
APIs), filled with the objects of region A ("alpha"). They are called as anonymous visitors,
as every role of region B ("beta"), and as the roles of region A that may not change what
the URL names. The matrix fails on a server error, on region A's non-public data in any
answer to someone outside region A, on a successful answer for an object of region A to a
user of region B, and on any change of the database by a state-changing call of those users.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

import pytest
from django.db import transaction
from django.test import Client

from tests.accounts import matrix
from tests.accounts.matrix import SECRET, Call, Route, World
from tests.conftest import MakeRegion, verified_client
from wir.accounts.actions import grant_role
from wir.accounts.models import User
from wir.accounts.roles import Role
from wir.offline import builds

pytestmark = pytest.mark.django_db

STATE_CHANGING = ("POST", "PUT", "PATCH", "DELETE")

# Routes meant to be open to everyone (public site, APIs, sign-in, the mediator sign-up and
# the signed offer link). They are called like every other route and must still never show
# region A's non-public data.
PUBLIC_PREFIXES = (
    "api-v1:",
    "integreat:",
    "offline:",
    "accounts:login",
    "accounts:two_factor_setup",
    "wagtaildocs_serve",
    "wagtaildocs_authenticate_with_password",
)
PUBLIC_ROUTES = {
    "region_list",
    "wagtail_serve",
    "api_unknown",  # the JSON 404 of any address below /api/ without an endpoint
    "sitemap",
    "robots_txt",
    "health",
    "feedback",
    "sprachpool_site:signup",
    "volunteers:signup",  # the public sign-up form of a region
    "sprachpool_offer_link",  # the signed link answers the mediator it was sent to
    # Wagtail's own sign-in and password pages (redirected or switched off).
    "?",
    "wagtailadmin_login",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
}
# Parameters that name something of region A: a route filled with them must not answer a
# user of region B with success.
OBJECT_PARAMETERS = {
    "pk",
    "page_id",
    "parent_page_id",
    "page_to_move_id",
    "destination_id",
    "page_pk",
    "object_id",
    "revision_id",
    "translation_id",
    "translation_source_id",
    "string_segment_id",
    "overridable_segment_id",
    "region",
    "request_id",
    "assignment_id",
    "job_id",
    "mark_id",
    "path",
    "news_id",
    "token",
}


def is_public(route: Route) -> bool:
    return route.name in PUBLIC_ROUTES or route.name.startswith(PUBLIC_PREFIXES)


ROLES = [
    Role.COORDINATION,
    Role.EDITOR,
    Role.TRANSLATOR,
    Role.OBSERVER,
    Role.CLERK,
    Role.MEDIATOR,
    Role.VOLUNTEER,
    Role.PARTNER,
]


@pytest.fixture
def worlds(make_region: MakeRegion) -> dict[str, World]:
    builds.beat()  # a bundle worker is alive: no request starts a build thread
    built: dict[str, World] = {}
    for slug in ("alpha", "beta"):
        region = make_region(slug, ("de", "en", "ar"))
        users: dict[str, User] = {}
        for role in ROLES:
            user = User.objects.create_user(username=f"{SECRET[slug]}-{role}", password="x" * 16)
            languages = ["en"] if role == Role.TRANSLATOR else None
            grant_role(None, user, region, role, languages=languages)
            users[role] = user
        users["koordination"] = users[Role.COORDINATION]
        built[slug] = matrix.build_world(region, users)
    return built


def client_for(user: User | None) -> Client:
    return Client() if user is None else verified_client(user)


def run(
    record_property: Any,
    label: str,
    clients: dict[str, Client],
    world: World,
    methods: tuple[str, ...],
    only: Callable[[Route], bool] = lambda route: True,
) -> list[Call]:
    """Call every route as each client. Public routes (the same for everyone) are called as
    the first client only."""
    done: list[Call] = []
    for position, (name, client) in enumerate(clients.items()):
        first = position == 0

        def wanted(route: Route, first: bool = first) -> bool:
            return only(route) and (first or not is_public(route))

        done += list(matrix.calls_for(client, name, world, methods, wanted))
    urls = len({c.url for c in done})
    record_property(
        "matrix",
        f"{label}: {urls} URLs × {len(clients)} users × {len(methods)} methods = {len(done)} calls",
    )
    return done


def server_errors(calls: Iterable[Call]) -> list[str]:
    """5xx answers, except "not ready yet, ask again" (503 with Retry-After: an offline bundle
    still being prepared)."""
    return [
        f"{c.user} {c.method} {c.url} → {c.status}"
        for c in calls
        if c.status >= 500 and not (c.status == 503 and c.retry_after)
    ]


# The signed link in the offer mail shows the offer to whoever holds it (the mediator it
# was sent to): a capability, filled here with a valid token, so its answer may show it.
CAPABILITY_ROUTES = {"sprachpool_offer_link"}


def leaks(calls: Iterable[Call], secret: str) -> list[str]:
    calls = [c for c in calls if c.route not in CAPABILITY_ROUTES]
    return [
        f"{c.user} {c.method} {c.url} ({c.route}) shows {secret}" for c in calls if secret in c.body
    ]


def describe(problems: list[str]) -> str:
    return "\n".join(problems[:60]) + (f"\n… {len(problems)} in all" if len(problems) > 60 else "")


def routes_by_name() -> dict[str, Route]:
    return {route.name: route for route in matrix.routes()}


def names_region_object(call: Call, routes: dict[str, Route]) -> bool:
    route = routes.get(call.route)
    return route is not None and bool(set(matrix.parameters(route)) & OBJECT_PARAMETERS)


def test_every_route_can_be_filled(worlds: dict[str, World]) -> None:
    unknown = []
    for route in matrix.routes():
        try:
            url = matrix.build_url(route, matrix.fill(route, worlds["alpha"]))
        except matrix.UnknownParameterError as error:
            unknown.append(str(error))
            continue
        assert url.startswith("/"), url
    assert not unknown, "teach the matrix these parameters:\n" + "\n".join(unknown)
    assert len(matrix.routes()) > 300  # Wagtail's and wagtail-localize's routes are in


def outsiders(worlds: dict[str, World], roles: list[str]) -> dict[str, Client]:
    return {f"beta:{role}": client_for(worlds["beta"].users[role]) for role in roles}


def outsider_violations(
    record_property: Any,
    worlds: dict[str, World],
    clients: dict[str, Client],
    label: str,
    wanted: Callable[[Route], bool] = lambda route: True,
) -> list[str]:
    """What users outside region A got that they must not: region A's non-public data, a
    success on one of A's objects, a change of anything, a server error."""
    routes = routes_by_name()
    reads = run(record_property, f"{label} GET", clients, worlds["alpha"], ("GET",), wanted)
    before = matrix.database_digest()
    savepoint = transaction.savepoint()
    writes = run(
        record_property, f"{label} writes", clients, worlds["alpha"], STATE_CHANGING, wanted
    )
    changed = matrix.database_digest() != before
    transaction.savepoint_rollback(savepoint)
    everything = reads + writes
    problems = server_errors(everything) + leaks(everything, SECRET["alpha"])
    problems += [
        f"{c.user} GET {c.url} ({c.route}) opened region A's object → {c.status}"
        for c in reads
        if 200 <= c.status < 300
        and names_region_object(c, routes)
        and not is_public(routes[c.route])
    ]
    if changed:
        problems += find_writers(clients, worlds["alpha"], wanted)
    return problems


def find_writers(
    clients: dict[str, Client], world: World, wanted: Callable[[Route], bool]
) -> list[str]:
    """Repeat the state-changing calls one by one to name the ones that wrote."""
    culprits = []
    for name, client in clients.items():
        for route in matrix.routes():
            if route.name in matrix.NEVER_CALLED or not wanted(route):
                continue
            url = matrix.build_url(route, matrix.fill(route, world))
            for method in STATE_CHANGING:
                if not matrix.handles(route, method):
                    continue
                before = matrix.database_digest()
                savepoint = transaction.savepoint()
                status, _body, _retry = matrix.call(client, method, url)
                if matrix.database_digest() != before:
                    culprits.append(f"{name} {method} {url} ({route.name}) wrote → {status}")
                transaction.savepoint_rollback(savepoint)
    return culprits or ["the database changed, but no single call repeats it"]


def test_anonymous_and_back_office_of_another_region(
    worlds: dict[str, World], record_property: Any
) -> None:
    clients = {"anonym": Client()}
    clients |= outsiders(worlds, [Role.COORDINATION, Role.EDITOR])
    problems = outsider_violations(record_property, worlds, clients, "anonym, beta koord/red")
    assert not problems, describe(problems)


def test_limited_back_office_and_site_roles_of_another_region(
    worlds: dict[str, World], record_property: Any
) -> None:
    clients = outsiders(
        worlds, [Role.TRANSLATOR, Role.OBSERVER, Role.CLERK, Role.MEDIATOR, Role.PARTNER]
    )
    problems = outsider_violations(record_property, worlds, clients, "beta further roles")
    assert not problems, describe(problems)


def test_roles_of_the_region_that_may_not_change_what_they_see(
    worlds: dict[str, World], record_property: Any
) -> None:
    """Region A's translator (English only), observer and site roles: they may see some of
    A's things, but no state-changing call of theirs changes anything (the translator's
    Arabic included), and nothing of region B shows."""
    alpha = worlds["alpha"]
    clients = {
        f"alpha:{role}": client_for(alpha.users[role])
        for role in (Role.TRANSLATOR, Role.OBSERVER, Role.CLERK, Role.MEDIATOR, Role.VOLUNTEER)
    }
    reads = run(record_property, "alpha limited GET", clients, alpha, ("GET",))
    before = matrix.database_digest()
    savepoint = transaction.savepoint()
    writes = run(record_property, "alpha limited writes", clients, alpha, STATE_CHANGING)
    changed = matrix.database_digest() != before
    transaction.savepoint_rollback(savepoint)
    everything = reads + writes
    assert not server_errors(everything), describe(server_errors(everything))
    assert not leaks(everything, SECRET["beta"]), describe(leaks(everything, SECRET["beta"]))
    if changed:
        pytest.fail(
            "state-changing calls changed the database:\n"
            + describe(find_writers(clients, alpha, lambda route: True))
        )


def test_coordination_of_the_region_reads_everything_of_its_own(
    worlds: dict[str, World], record_property: Any
) -> None:
    """The other side: the matrix does not pass by refusing everything. Region A's
    coordination opens A's objects on every scoped route, without server errors and
    without anything of region B."""
    alpha = worlds["alpha"]
    clients = {"alpha:coordination": client_for(alpha.users[Role.COORDINATION])}
    reads = run(record_property, "alpha coordination GET", clients, alpha, ("GET",))
    assert not server_errors(reads), describe(server_errors(reads))
    assert not leaks(reads, SECRET["beta"]), describe(leaks(reads, SECRET["beta"]))
    status = {c.route: c.status for c in reads}
    for route in [
        "wagtailsnippets_portal_offer:edit",
        "wagtailsnippets_portal_offer:history",
        "wagtailsnippets_portal_feedback:list",
        "wagtailsnippets_sprachpool_mediator:edit",
        "wagtailsnippetchoosers_portal_offer:choose",
        "wagtailadmin_pages:edit",
        "wagtail_localize:download_pofile",
        "sprachpool_request",
        "translation_status",
    ]:
        assert status[route] == 200, (route, status[route])
    opened = Counter(c.status for c in reads)
    assert opened[200] > 150, opened


@pytest.mark.urls("tests.accounts.unscoped_urls")
def test_control_the_matrix_catches_an_unscoped_view(
    worlds: dict[str, World], record_property: Any
) -> None:
    """A view that forgot to ask `can` is found: it shows region A's draft to region B and
    lets region B unpublish A's offer. The same view under /admin/ is refused by the gate
    without anyone having scoped it (deny by default)."""
    clients = outsiders(worlds, [Role.COORDINATION])

    def control(route: Route) -> bool:
        return route.name.startswith("control_")

    problems = outsider_violations(record_property, worlds, clients, "control", control)
    assert any("control_unscoped)" in p and "ALPHAGEHEIM" in p for p in problems), problems
    assert any("opened region A's object" in p and "control_unscoped)" in p for p in problems)
    assert any("POST" in p and "control_unscoped)" in p and "wrote" in p for p in problems)
    assert not [p for p in problems if "control_unscoped_admin" in p], problems
    url = f"/admin/kontrolle/angebot/{worlds['alpha'].offer.pk}/zurueckziehen/"
    assert clients["beta:coordination"].post(url).status_code == 403
