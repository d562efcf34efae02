"""The machinery of the authorisation matrix: every URL pattern of the project, filled with
objects of two regions, called as users of both regions.

Nothing here lists views: routes are collected from Django's resolver at run time
(Wagtail's and wagtail-localize's included), so a new view is called without edits. A URL
parameter the matrix cannot fill fails the run with its name, so that it is taught, not
skipped.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import (
    OverridableSegment,
    StringSegment,
    Translation,
    TranslationSource,
)

from wir.accounts.models import User
from wir.core.actions import add_area
from wir.core.models import Area, Language, Region
from wir.portal.actions import publish
from wir.portal.models import Contact, ContentPage, Event, Feedback, News, Offer, Place
from wir.sprachpool.models import Assignment, CefrLevel, MediationRequest, Mediator
from wir.sprachpool.notify import offer_token
from wir.translation.models import GlossaryTerm, MachineTranslation, TranslationJob

# Words that only region A's non-public data contains: drafts, feedback, mediator codes,
# account names, glossary notes. A response to anyone outside region A must not show them.
SECRET = {"alpha": "ALPHAGEHEIM", "beta": "BETAGEHEIM"}

# Tables that a refused request may write: sessions, the login lock-out's records.
UNWATCHED_TABLES = re.compile(r"^(django_session|axes_.*|django_cache.*|wir_ratelimit.*)$")


@dataclass
class World:
    """What one region holds for the matrix (every object the URLs can name)."""

    region: Region
    page: ContentPage
    arabic_page: Page
    offer: Offer
    draft_offer: Offer
    place: Place
    event: Event
    contact: Contact
    news: News
    feedback: Feedback
    glossary: GlossaryTerm
    area: Area
    mediator: Mediator
    request: MediationRequest
    assignment: Assignment
    translation: Translation
    source: TranslationSource
    job: TranslationJob
    mark: MachineTranslation
    users: dict[str, User] = field(default_factory=dict)
    # Objects that other modules' `tests/<package>/world.py` add (see `build_world`).
    extra: list[Any] = field(default_factory=list)

    def object_of(self, model: type) -> Any:
        for value in [*vars(self).values(), *self.extra]:
            if type(value) is model:
                return value
        if issubclass(model, Page):
            return self.page
        return model._default_manager.filter(**_region_filter(model, self.region)).first()


def _region_filter(model: type, region: Region) -> dict[str, Any]:
    if model is Region:
        return {"pk": region.pk}
    names = {f.name for f in model._meta.get_fields()}
    if "region" in names:
        return {"region": region}
    return {}


def build_world(region: Region, users: dict[str, User]) -> World:
    """Content, back-office records and personal data of one region, marked with its secret."""
    secret = SECRET[region.slug]
    de, ar = Locale.objects.get(language_code="de"), Locale.objects.get(language_code="ar")
    home = Page.objects.get(url_path=f"/{region.slug}/de/")
    page = ContentPage(title=f"Seite {region.slug}", slug="seite", intro="Kurz", body="<p>x</p>")
    home.add_child(instance=page)
    publish(page)
    page.title = f"Entwurf {secret}"
    page.save_revision()
    arabic_home = Page.objects.get(url_path=f"/{region.slug}/ar/")
    arabic = ContentPage(
        translation_key=page.translation_key, locale=ar, title="صفحة", slug="seite", intro="x"
    )
    arabic_home.add_child(instance=arabic)
    publish(arabic)
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=ar, enabled=True)
    area = add_area(
        region, f"Ort {region.slug}", Area.Kind.MUNICIPALITY, Decimal("50.3"), Decimal("8.7")
    )
    place = Place.objects.create(
        region=region,
        name=f"Rathaus {region.slug}",
        street="Markt 1",
        postcode="61169",
        town=area.name,
        area=area,
        latitude=area.latitude,
        longitude=area.longitude,
    )
    offer = Offer(
        region=region,
        locale=de,
        category="counselling",
        title=f"Beratung {region.slug}",
        summary="Kurz",
        provider="Beratungsstelle",
        place=place,
        area=area,
    )
    offer.save()
    offer.save_revision().publish()
    offer.title = f"Beratung Entwurf {secret}"
    offer.save_revision()
    draft = Offer(
        region=region,
        locale=de,
        category="counselling",
        title=f"Neu {secret}",
        summary="Kurz",
        provider="Beratungsstelle",
        area=area,
        live=False,
    )
    draft.save()
    draft.save_revision()
    now = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
    event = Event(
        region=region,
        locale=de,
        title=f"Treffen {region.slug}",
        summary="Kurz",
        organiser="Verein",
        area=area,
        start=now,
        end=now + timedelta(hours=2),
    )
    event.save()
    event.save_revision().publish()
    contact = Contact.objects.create(
        region=region,
        locale=de,
        topic=Contact._meta.get_field("topic").choices[0][0],
        role=f"WIR-Koordination {region.slug}",
    )
    news = News(region=region, locale=de, title=f"Neuigkeit {region.slug}", message="Text")
    news.save()
    news.save_revision().publish()
    feedback = Feedback.objects.create(
        region=region,
        page=page,
        language_code="de",
        helpful=False,
        comment=f"Rückmeldung {secret}",
    )
    glossary = GlossaryTerm.objects.create(
        region=region,
        term="Jobcenter",
        language_code="ar",
        translation="مركز العمل",
        note=f"Hinweis {secret}",
    )
    mediator = Mediator.objects.create(
        region=region,
        code=f"{secret}-M",
        status=Mediator.Status.ACTIVE,
        german_level=CefrLevel.B2,
    )
    request = MediationRequest.objects.create(
        region=region,
        language=Language.objects.get(code="ar"),
        starts_at=now,
        ends_at=now + timedelta(hours=1),
        setting=MediationRequest.Setting.HEALTH,
        client_reference=f"AZ-{secret}",
        notes=f"Notiz {secret}",
        status=MediationRequest.Status.OFFERED,
        requested_by=users["koordination"],
    )
    assignment = Assignment.objects.create(
        request=request, mediator=mediator, starts_at=request.starts_at, ends_at=request.ends_at
    )
    job = TranslationJob.objects.create(
        region=region, kind=TranslationJob.Kind.MACHINE, created_by=users["koordination"]
    )
    mark = MachineTranslation.objects.create(
        region=region,
        content_type=ContentType.objects.get_for_model(Page),
        object_id=arabic.pk,
        language_code="ar",
    )
    world = World(
        region=region,
        page=page,
        arabic_page=arabic,
        offer=offer,
        draft_offer=draft,
        place=place,
        event=event,
        contact=contact,
        news=news,
        feedback=feedback,
        glossary=glossary,
        area=area,
        mediator=mediator,
        request=request,
        assignment=assignment,
        translation=translation,
        source=source,
        job=job,
        mark=mark,
        users=users,
    )
    for populate in module_worlds():
        world.extra.extend(populate(region, users, secret))
    return world


def module_worlds() -> list[Callable[[Region, dict[str, User], str], list[Any]]]:
    """Every `tests/<package>/world.py` that defines `populate(region, users, secret)`.

    A module (volunteers, network, ...) adds its records to both regions of the matrix by
    writing such a file: a list of saved objects, personal fields marked with `secret`. The
    matrix fills a URL parameter `<model>_id` (or `pk` of a view for that model) with the
    region's object of that model, found in this list. Nothing here needs editing.
    """
    import importlib
    import pkgutil

    import tests

    found = []
    for info in sorted(pkgutil.iter_modules(tests.__path__), key=lambda i: i.name):
        if not info.ispkg:
            continue
        try:
            module = importlib.import_module(f"tests.{info.name}.world")
        except ModuleNotFoundError as error:
            if error.name != f"tests.{info.name}.world":
                raise
            continue
        found.append(module.populate)
    return found


def object_for_parameter(world: World, name: str) -> Any:
    """The world's object for a parameter `<model_name>_id` (e.g. `shift_id` → a Shift)."""
    wanted = name.removesuffix("_id").replace("_", "")
    for value in [*vars(world).values(), *world.extra]:
        meta = getattr(value, "_meta", None)
        if meta is not None and meta.model_name == wanted:
            return value
    return None


# --- routes ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    """One URL pattern with the path pieces it is made of, as the resolver holds it."""

    pieces: tuple[Any, ...]
    name: str
    callback: Any

    @property
    def text(self) -> str:
        return "".join(str(p) for p in self.pieces)

    @property
    def model(self) -> Any:
        return getattr(self.callback, "view_initkwargs", {}).get("model")


def routes() -> list[Route]:
    found: list[Route] = []

    def walk(resolver: URLResolver, pieces: tuple[Any, ...], namespace: tuple[str, ...]) -> None:
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                ns = (*namespace, entry.namespace) if entry.namespace else namespace
                walk(entry, (*pieces, entry.pattern), ns)
            elif isinstance(entry, URLPattern):
                name = ":".join((*namespace, entry.name or "?"))
                found.append(Route((*pieces, entry.pattern), name, entry.callback))

    walk(get_resolver(), (), ())
    return found


_GROUP = re.compile(r"\(\?P<(\w+)>")
_CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")


def _fill_regex(text: str, values: dict[str, str]) -> str:
    out, i = [], 0
    while i < len(text):
        match = _GROUP.match(text, i)
        if match:
            depth, j = 1, match.end()
            while depth:
                depth += {"(": 1, ")": -1}.get(text[j], 0) if text[j - 1] != "\\" else 0
                j += 1
            out.append(values[match.group(1)])
            i = j
            continue
        if text.startswith("(", i):  # an unnamed group: documents/<id>/<name>
            depth, j = 1, i + 1
            while depth:
                depth += {"(": 1, ")": -1}.get(text[j], 0)
                j += 1
            out.append(values.get("_positional", "1"))
            i = j
            continue
        out.append(text[i])
        i += 1
    filled = "".join(out).lstrip("^").rstrip("$")
    return filled.replace("\\.", ".").replace("/?", "/")


def parameters(route: Route) -> list[str]:
    names: list[str] = []
    for piece in route.pieces:
        if isinstance(piece, RoutePattern):
            names += [m.group(2) for m in _CONVERTER.finditer(str(piece))]
        elif isinstance(piece, RegexPattern):
            names += _GROUP.findall(str(piece))
    return names


def build_url(route: Route, values: dict[str, str]) -> str:
    url = ""
    for piece in route.pieces:
        text = str(piece)
        if isinstance(piece, RoutePattern):
            url += _CONVERTER.sub(lambda m: values[m.group(2)], text)
        else:
            url += _fill_regex(text, values)
    return "/" + url


class UnknownParameterError(Exception):
    pass


def fill(route: Route, world: World) -> dict[str, str]:
    """Values for every parameter of `route`, naming objects of `world`'s region."""
    w = world
    page_ids = {
        "page_id",
        "parent_page_id",
        "page_to_move_id",
        "destination_id",
        "page_pk",
    }
    values: dict[str, str] = {}
    for name in parameters(route):
        model = route.model
        if isinstance(model, str):
            from django.apps import apps

            model = apps.get_model(model)
        if name in page_ids:
            value: Any = w.page.pk
        elif (name == "pk" and "wagtailadmin_pages" in route.name) or route.name.startswith(
            "wagtailadmin_api:pages"
        ):
            value = w.page.pk
        elif name == "object_id" and "editing_sessions" in route.name:
            value = w.offer.pk
        elif name == "object_id" and route.name.startswith("translation"):
            value = w.page.pk  # kind "page", content type of pages
        elif name in {"pk", "object_id"} and model is not None:
            obj = w.object_of(model)
            value = obj.pk if obj is not None else 999999
        elif name in {"offer_id", "place_id", "event_id"}:
            value = getattr(w, name.removesuffix("_id")).pk
        elif name in {"app_label", "content_type_app_name", "app_name"}:
            value = "portal"
        elif name in {"model_name", "content_type_model_name"}:
            value = "offer" if "bulk" in route.name or "editing" in route.name else "contentpage"
        elif name == "pk":  # wagtail-localize's snippet routes: portal/contentpage → offer
            value = w.offer.pk
        elif name in {"revision_id"}:
            # Looked up only for the routes that name a revision (not once per route).
            revision = Revision.page_revisions.filter(object_id=str(w.page.pk)).first()
            value = revision.pk if revision else 1
        elif name in {"revision_id_a", "revision_id_b"}:
            value = "earliest" if name.endswith("a") else "latest"
        elif name == "translation_id":
            value = w.translation.pk
        elif name == "translation_source_id":
            value = w.source.pk
        elif name == "string_segment_id":
            segment = StringSegment.objects.filter(source=w.source).first()
            value = segment.pk if segment else 1
        elif name == "overridable_segment_id":
            segment = OverridableSegment.objects.filter(source=w.source).first()
            value = segment.pk if segment else 1
        elif name == "region":
            value = w.region.slug
        elif name == "language":
            value = "ar"
        elif name == "kind":
            value = "page"
        elif name == "content_type_id":
            value = ContentType.objects.get_for_model(Page).pk
        elif name == "job_id":
            value = w.job.pk
        elif name == "mark_id":
            value = w.mark.pk
        elif name == "request_id":
            value = w.request.pk
        elif name == "assignment_id":
            value = w.assignment.pk
        elif name == "token":
            value = offer_token(w.assignment)
        elif name in {"year", "month"}:
            value = 2027 if name == "year" else 3
        elif name == "fmt":
            value = "pdf"
        elif name in {"action", "action_name"}:
            value = {"sprachpool_site:answer": "annehmen"}.get(route.name, "unpublish")
        elif name in {
            "session_id",
            "task_state_id",
            "task_id",
            "workflow_state_id",
            "workflow_pk",
            "collection_id",
            "redirect_id",
            "image_id",
            "document_id",
            "doc_id",
            "uploaded_file_id",
            "restriction_id",
        }:
            value = 1  # records of the platform, not of a region; the routes are the operator's
        elif name in {"uidb64", "filter_spec", "mode", "news_id", "digest", "extension"}:
            value = {
                "uidb64": "MQ",
                "filter_spec": "original",
                "mode": "",
                "news_id": str(w.news.pk),
                "digest": "0" * 64,
                "extension": "json",
            }[name]
        elif name == "path":
            value = f"{w.region.slug}/de/seite/"
        elif name.endswith("_id") and object_for_parameter(w, name) is not None:
            value = object_for_parameter(w, name).pk
        else:
            raise UnknownParameterError(f"{route.name} ({route.text}): parameter {name!r}")
        values[name] = str(value)
    if route.name == "wagtailadmin_password_reset_confirm":
        values["token"] = "set-password"
    if route.name == "wagtail_localize:preview_translation" and "mode" in values:
        values["mode"] = "default"
    return values


# --- calls -----------------------------------------------------------------------------

NEVER_CALLED = {
    # Signing out ends the session the matrix calls with; it holds no region data.
    "accounts:logout",
    "wagtailadmin_logout",
    # Wagtail's deliberate error page for operators (raises on purpose).
    "wagtailadmin_error_test",
}


def database_digest() -> str:
    """A hash over every row of every watched table."""
    digest = hashlib.sha256()
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names()):
            if UNWATCHED_TABLES.match(table):
                continue
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - table names from the schema
            rows = sorted(repr(row) for row in cursor.fetchall())
            digest.update(table.encode())
            digest.update("\n".join(rows).encode())
    return digest.hexdigest()


@dataclass
class Call:
    user: str
    method: str
    url: str
    route: str
    status: int
    body: str
    retry_after: bool = False


def call(client: Client, method: str, url: str) -> tuple[int, str, bool]:
    client.raise_request_exception = False  # a server error is a finding, reported as 500
    response = getattr(client, method.lower())(url, follow=False)
    body = ""
    if not getattr(response, "streaming", False):
        body = response.content.decode(errors="replace")
    return response.status_code, body, response.has_header("Retry-After")


def handles(route: Route, method: str) -> bool:
    """Could the view answer `method` other than with 405? (Function views: maybe.)"""
    if method in {"GET", "POST"}:
        return True
    view_class = getattr(route.callback, "view_class", None)
    return view_class is None or hasattr(view_class, method.lower())


def calls_for(
    client: Client,
    user: str,
    world: World,
    methods: tuple[str, ...],
    wanted: Callable[[Route], bool] = lambda r: True,
) -> Iterator[Call]:
    for route in routes():
        if route.name in NEVER_CALLED or not wanted(route):
            continue
        url = build_url(route, fill(route, world))
        for method in methods:
            if not handles(route, method):
                continue
            status, body, retry_after = call(client, method, url)
            yield Call(user, method, url, route.name, status, body, retry_after)
