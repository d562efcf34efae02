"""The hostile-input campaign: walk every URL, find every form, send the corpus.

Nothing here lists forms or views. Routes come from the authorisation matrix's discovery
(tests/accounts/matrix.py: Django's resolver, parameters filled from the world and the
`tests/<pkg>/world.py` hooks); the project's own routes (views in `wir.*`) are called with
GET as every user of the campaign, and every <form> in the answers is parsed and filled.
Query parameters come from the links on the walked pages and from the names a view's
module reads from `request.GET`.
"""

from __future__ import annotations

import csv
import hashlib
import importlib
import inspect
import io
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from bs4 import BeautifulSoup
from django.contrib.messages import constants as message_levels
from django.db import connection
from django.forms import BaseForm
from django.forms.formsets import BaseFormSet
from django.http import HttpResponseBase
from django.test import Client
from django.urls import Resolver404, resolve

from tests.accounts import matrix
from tests.accounts.matrix import Route, World
from tests.hostile import corpus

# Tables a request may write whatever it is sent (not checked for "unchanged"):
UNWATCHED_TABLES = re.compile(
    r"^("
    r"django_session"  # the signed-in session and its messages
    r"|axes_.*"  # the login lock-out counts failed sign-ins (rejected on purpose)
    r"|django_cache.*"  # the database cache
    r"|wir_ratelimit.*|core_ratelimit.*"  # rate limits count every attempt, rejected or not
    r"|privacy_auditevent"  # reading personal data is recorded (viewed), also on a refusal
    r"|wagtailadmin_editingsession"  # Wagtail notes who has an editor open, on every request
    r")$"
)

# Words of action URLs that remove or end something: such forms are sent last, so that
# they do not take the world's objects away from the other forms.
ENDING = re.compile(r"loesch|entfern|widerruf|delete|revoke|abmeld|beend|archiv|sperr", re.I)

# Values that a field of a type gets when the round does not attack it.
PLAIN = {
    "email": "hostile@example.org",
    "number": "1",
    "range": "1",
    "date": "2027-03-01",
    "time": "10:00",
    "datetime-local": "2027-03-01T10:00",
    "month": "2027-03",
    "week": "2027-W09",
    "url": "https://example.org/",
    "tel": "0600 000000",
    "password": "korrekt-Pferd-Batterie-42",
    "color": "#000000",
}
TEXT_TYPES = {"text", "textarea", "search", ""}


def ours(route: Route) -> bool:
    """A view of this project (Wagtail's and third parties' views are theirs to test)."""
    return getattr(route.callback, "__module__", "").startswith("wir.")


@dataclass
class Input:
    name: str
    kind: str  # input type, "textarea" or "select"
    value: str
    options: list[str] = field(default_factory=list)
    multiple: bool = False


@dataclass
class Form:
    user: str
    page: str  # where it was found
    method: str
    action: str
    route: str
    inputs: list[Input]
    button: tuple[str, str] | None

    @property
    def key(self) -> tuple[str, str, str, tuple[str, ...]]:
        return (
            self.method,
            self.route,
            re.sub(r"\d+", "N", self.action),
            tuple(sorted(i.name for i in self.inputs)),
        )

    def plain(self) -> dict[str, list[str]]:
        """The form as a person would send it without changing anything but typed fields."""
        data: dict[str, list[str]] = {}
        for item in self.inputs:
            if item.kind in {"checkbox", "radio"}:
                if item.value:
                    data.setdefault(item.name, []).append(item.value)
                continue
            if item.kind == "select":
                if item.value:
                    data[item.name] = [item.value]
                elif item.options and not item.multiple:
                    data[item.name] = [item.options[0]]
                continue
            value = item.value or PLAIN.get(item.kind, "Hallo")
            data.setdefault(item.name, []).append(value)
        if self.button:
            data.setdefault(self.button[0], []).append(self.button[1])
        return data


@dataclass
class Page:
    user: str
    url: str
    route: str
    status: int
    content_type: str
    body: bytes

    @property
    def html(self) -> str:
        return self.body.decode(errors="replace") if "html" in self.content_type else ""


@dataclass
class Sent:
    user: str
    method: str
    url: str
    route: str
    label: str  # which round: a class of the corpus or "stored"
    status: int
    rejected: bool
    changed: bool
    data: dict[str, list[str]]


@dataclass
class Campaign:
    world: World
    clients: dict[str, Client]
    pages: list[Page] = field(default_factory=list)
    forms: list[Form] = field(default_factory=list)
    params: dict[str, set[str]] = field(default_factory=dict)  # path → names
    sent: list[Sent] = field(default_factory=list)
    stored: dict[str, str] = field(default_factory=dict)  # marker → payload
    problems: dict[str, list[str]] = field(default_factory=dict)
    inputs: int = 0
    _digest: str | None = None
    _marks: int = 0

    def problem(self, kind: str, text: str) -> None:
        self.problems.setdefault(kind, []).append(text)
        if os.environ.get("WIR_HOSTILE_LOG"):  # findings as they happen, while it runs
            with open(os.environ["WIR_HOSTILE_LOG"], "a") as log:
                log.write(f"{kind}: {text[:600]}\n")


# --- calling ---------------------------------------------------------------------------


def request(client: Client, method: str, url: str, data: Any = None) -> HttpResponseBase:
    client.raise_request_exception = False  # a server error is a finding, reported as 500
    if method == "POST":
        return client.post(url, data or {}, follow=False)
    return client.get(url, data or {}, follow=False)


def body_of(response: HttpResponseBase) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)  # type: ignore[attr-defined]
    return response.content  # type: ignore[attr-defined]


def check_answer(campaign: Campaign, what: str, response: HttpResponseBase, body: bytes) -> None:
    """What no answer may do, whatever it was sent."""
    status = response.status_code
    if status >= 500 and not (status == 503 and response.has_header("Retry-After")):
        campaign.problem("server error", f"{what} → {status}")
    content_type = response.get("Content-Type", "")
    # HTML only: JSON carries the text as data (served as application/json, nosniff); its
    # readers (the app, Integreat) escape it where they show it.
    if "html" in content_type:
        text = body.decode(errors="replace")
        for raw in corpus.RAW:
            found = raw.search(text)
            if found:
                start = max(found.start() - 60, 0)
                campaign.problem(
                    "unescaped", f"{what} → {status}: …{text[start : found.end() + 20]!r}"
                )
                break
    for name, value in response.items():
        if "pwned" in name.lower() or "\n" in value or "Set-Cookie: pwned" in value:
            campaign.problem("header injection", f"{what}: header {name}: {value[:80]!r}")
    if "pwned" in response.cookies:
        campaign.problem("header injection", f"{what}: sets the cookie pwned")


# --- walking ---------------------------------------------------------------------------


def route_urls(world: World) -> Iterator[tuple[Route, str]]:
    for route in matrix.routes():
        if route.name in matrix.NEVER_CALLED or not ours(route):
            continue
        yield route, matrix.build_url(route, matrix.fill(route, world))


BACK_OFFICE = "/admin/"


def back_office_user(user: str) -> bool:
    return user in {"koordination", "sachbearbeitung"}


def route_of(path: str) -> str | None:
    """The route name of one of our views at `path`, or None (not ours, not found)."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    if not getattr(match.func, "__module__", "").startswith("wir."):
        return None
    name = ":".join([*match.namespaces, match.url_name or "?"])
    return None if name in matrix.NEVER_CALLED else name


def parse_forms(user: str, url: str, html: str) -> Iterator[Form]:
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all("form"):
        action = urljoin(url, str(element.get("action") or url))
        parts = urlsplit(action)
        if parts.netloc not in {"", "testserver"}:
            continue
        route = route_of(parts.path)
        if route is None:
            continue
        method = str(element.get("method") or "GET").upper()
        inputs: list[Input] = []
        button = None
        for field_ in element.find_all(["input", "textarea", "select", "button"]):
            name = field_.get("name")
            if not name:
                continue
            name = str(name)
            tag = field_.name
            if tag == "button" or (tag == "input" and field_.get("type") in {"submit", "image"}):
                if button is None:
                    button = (name, str(field_.get("value") or ""))
                continue
            if tag == "textarea":
                inputs.append(Input(name, "textarea", field_.get_text()))
            elif tag == "select":
                options = [str(o.get("value", o.get_text())) for o in field_.find_all("option")]
                chosen = [
                    str(o.get("value", o.get_text()))
                    for o in field_.find_all("option")
                    if o.has_attr("selected")
                ]
                inputs.append(
                    Input(
                        name,
                        "select",
                        chosen[0] if chosen else "",
                        [o for o in options if o],
                        field_.has_attr("multiple"),
                    )
                )
            else:
                kind = str(field_.get("type") or "text").lower()
                if kind in {"file", "reset"}:
                    continue
                value = str(field_.get("value") or "")
                if kind in {"checkbox", "radio"}:
                    value = (value or "on") if field_.has_attr("checked") else ""
                    if (
                        kind == "radio"
                        and not value
                        and not any(i.name == name and i.value for i in inputs)
                    ):
                        value = str(field_.get("value") or "on")
                inputs.append(Input(name, kind, value))
        # Radios of one name: one value (the first chosen).
        seen: set[str] = set()
        unique = []
        for item in inputs:
            if item.kind == "radio":
                if item.name in seen or not item.value:
                    continue
                seen.add(item.name)
            unique.append(item)
        yield Form(user, url, method, action, route, unique, button)


def parameters_read_by(route: Route) -> set[str]:
    """The names a view's module reads from `request.GET` (its filters)."""
    module = importlib.import_module(route.callback.__module__)
    try:
        source = inspect.getsource(module)
    except (OSError, TypeError):
        return set()
    return set(re.findall(r"\.GET(?:\.get|\.getlist)?\(?\[?\s*[\"'](\w+)[\"']", source))


def walk(campaign: Campaign) -> None:
    """GET every route of ours as every user; collect pages, forms and query parameters."""
    seen_forms: set[tuple[str, str, str, tuple[str, ...]]] = set()
    urls = list(route_urls(campaign.world))
    for route, url in urls:
        names = parameters_read_by(route)
        if names:
            campaign.params.setdefault(urlsplit(url).path, set()).update(names)
    for user, client in campaign.clients.items():
        for route, url in urls:
            if not back_office_user(user) and url.startswith(BACK_OFFICE):
                continue  # refused by the admin gate (the authorisation matrix's concern)
            response = request(client, "GET", url)
            body = body_of(response)
            check_answer(campaign, f"{user} GET {url}", response, body)
            page = Page(
                user, url, route.name, response.status_code, response.get("Content-Type", ""), body
            )
            campaign.pages.append(page)
            if response.status_code != 200 or not page.html:
                continue
            for form in parse_forms(user, url, page.html):
                if form.key not in seen_forms:
                    seen_forms.add(form.key)
                    campaign.forms.append(form)
            for link in BeautifulSoup(page.html, "html.parser").find_all("a", href=True):
                target = urlsplit(urljoin(url, str(link["href"])))
                if target.query and target.netloc in {"", "testserver"} and route_of(target.path):
                    names = {
                        name for name, _value in parse_qsl(target.query, keep_blank_values=True)
                    }
                    campaign.params.setdefault(target.path, set()).update(names)


# --- the database ----------------------------------------------------------------------


def changes() -> int | None:
    """SQLite counts the rows this connection wrote (the test client's requests run on it):
    unchanged means nothing was written, and the full digest can be skipped."""
    if connection.vendor != "sqlite":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT total_changes()")
        return int(cursor.fetchone()[0])


def digest() -> str:
    """A hash over every row of every watched table (SQLite and PostgreSQL alike)."""
    value = hashlib.sha256()
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names()):
            if UNWATCHED_TABLES.match(table):
                continue
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from the schema
            rows = sorted(repr(row) for row in cursor.fetchall())
            value.update(table.encode())
            value.update("\n".join(rows).encode())
    return value.hexdigest()


def text_cells() -> Iterator[tuple[str, str]]:
    """(table, text) of every text cell that holds a marker of the corpus."""
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names()):
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from the schema
            for row in cursor.fetchall():
                for cell in row:
                    if isinstance(cell, str) and "WIRQ" in cell:
                        yield table, cell
                    elif isinstance(cell, dict | list) and "WIRQ" in json.dumps(cell):
                        yield table, json.dumps(cell, ensure_ascii=False)


# --- sending ---------------------------------------------------------------------------


def rejected(response: HttpResponseBase) -> bool:
    """Refused: a client error, a form shown again with errors, or an error message."""
    if 400 <= response.status_code < 500:
        return True
    for context in getattr(response, "context", None) or []:
        for value in context.flatten().values() if hasattr(context, "flatten") else []:
            if isinstance(value, BaseForm) and value.is_bound and value.errors:
                return True
            if isinstance(value, BaseFormSet) and value.is_bound and not value.is_valid():
                return True
    wsgi = getattr(response, "wsgi_request", None)
    storage = getattr(wsgi, "_messages", None)
    queued = getattr(storage, "_queued_messages", [])
    return any(m.level >= message_levels.ERROR for m in queued)


def send(campaign: Campaign, form: Form, label: str, data: dict[str, list[str]]) -> None:
    client = campaign.clients[form.user]
    if campaign._digest is None:
        campaign._digest = digest()
    before = campaign._digest
    written = changes()
    url = form.action
    if form.method == "GET":
        url = url.split("?")[0]
    response = request(client, form.method, url, data)
    body = body_of(response)
    what = f"{form.user} {form.method} {url} ({form.route}, {label})"
    check_answer(campaign, what, response, body)
    after = before if written is not None and changes() == written else digest()
    campaign._digest = after
    refused = rejected(response)
    if refused and after != before:
        campaign.problem("half-saved", f"{what} → {response.status_code} but the database changed")
    campaign.sent.append(
        Sent(
            form.user,
            form.method,
            url,
            form.route,
            label,
            response.status_code,
            refused,
            after != before,
            data,
        )
    )


def rounds_for(index: int) -> list[int]:
    """The rotation rounds one form (or one URL's parameters) gets.

    `make test` runs `corpus.TEST_ROUNDS` rounds per form, starting at an offset that moves
    with the form's index, so that across the forms every class meets every input position;
    `WIR_HOSTILE_FULL=1` (`make bench`: bench/bench_hostile.py) runs all of them, so that
    each input of each form gets every class once."""
    every = len(corpus.NAMES)
    if corpus.full_rotation():
        return list(range(every))
    return sorted({(index + step) % every for step in range(corpus.TEST_ROUNDS)})


def attack(campaign: Campaign) -> None:
    """Every form: its inputs get the corpus in rotation rounds (`rounds_for`), then a
    round in which the text inputs carry payloads meant to be stored and shown again."""
    forms = sorted(campaign.forms, key=lambda f: bool(ENDING.search(f.action)))
    for index, form in enumerate(forms):
        campaign.inputs += len(form.inputs)
        for round_ in rounds_for(index):
            data = form.plain()
            for item, payload in zip(
                form.inputs, corpus.rotation(len(form.inputs), round_), strict=True
            ):
                data[item.name] = [payload]
            send(campaign, form, f"round {round_}", data)
        texts = [i for i in form.inputs if i.kind in TEXT_TYPES]
        if not texts:
            continue
        data = form.plain()
        for position, item in enumerate(texts):
            campaign._marks += 1
            payload = corpus.STORED[(position + len(campaign.sent)) % len(corpus.STORED)](
                campaign._marks
            )
            campaign.stored[corpus.mark(campaign._marks)] = payload
            data[item.name] = [payload]
        send(campaign, form, "stored", data)


def attack_parameters(campaign: Campaign) -> int:
    """Every query parameter of every walked URL of ours gets the corpus (`rounds_for`)."""
    count = 0
    walked: dict[str, Page] = {}
    for page in campaign.pages:
        if page.status == 200:
            walked.setdefault(urlsplit(page.url).path, page)
    for index, (path, names) in enumerate(sorted(campaign.params.items())):
        if path not in walked or not names:
            continue
        page = walked[path]
        ordered = sorted(names)
        for round_ in rounds_for(index):
            query = dict(zip(ordered, corpus.rotation(len(ordered), round_), strict=True))
            response = request(campaign.clients[page.user], "GET", path, query)
            body = body_of(response)
            what = f"{page.user} GET {path}?{urlencode(query)[:200]}"
            check_answer(campaign, what, response, body)
            count += 1
    return count


# --- where stored payloads end up -------------------------------------------------------


def formula_cells(cells: Iterator[str]) -> list[str]:
    return [
        c for c in cells if "WIRQ" in c or "x.invalid" in c if c.startswith(corpus.FORMULA_STARTS)
    ]


def check_export(campaign: Campaign, what: str, content_type: str, body: bytes) -> bool:
    """CSV and XLSX cells that hold our payloads must not start as a formula."""
    if "csv" in content_type:
        text = body.decode("utf-8-sig", errors="replace")
        dialect = ";" if text.count(";") >= text.count(",") else ","
        cells = (c for row in csv.reader(io.StringIO(text), delimiter=dialect) for c in row)
    elif "spreadsheet" in content_type:
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(body))
        cells = (
            str(cell.value)
            for sheet in book.worksheets
            for row in sheet.iter_rows()
            for cell in row
            if cell.value is not None
        )
    elif "pdf" in content_type:
        for danger in (b"/JavaScript", b"/JS ", b"/Launch", b"/OpenAction"):
            if danger in body:
                campaign.problem("pdf", f"{what} holds {danger.decode()}")
        return True
    else:
        return False
    for cell in formula_cells(cells):
        campaign.problem("formula injection", f"{what}: cell {cell[:80]!r}")
    return True


def revisit(campaign: Campaign) -> list[Page]:
    """GET every route again as every user, and the links of the coordination's pages one
    step further (the records the submissions created): the pages that show a payload."""
    shown: list[Page] = []
    exports = 0
    followed: set[str] = set()
    for user, client in campaign.clients.items():
        targets = [
            url
            for _route, url in route_urls(campaign.world)
            if back_office_user(user) or not url.startswith(BACK_OFFICE)
        ]
        for url in targets:
            response = request(client, "GET", url)
            body = body_of(response)
            check_answer(campaign, f"{user} GET {url} (after)", response, body)
            content_type = response.get("Content-Type", "")
            page = Page(
                user,
                url,
                route_of(urlsplit(url).path) or "?",
                response.status_code,
                content_type,
                body,
            )
            if check_export(campaign, f"{user} GET {url}", content_type, body):
                exports += 1
            if b"WIRQ" in body and "html" in content_type:
                shown.append(page)
            if user == "koordination" and page.html and response.status_code == 200:
                for link in BeautifulSoup(page.html, "html.parser").find_all("a", href=True):
                    target = urlsplit(urljoin(url, str(link["href"])))
                    path = target.path
                    if (
                        target.netloc in {"", "testserver"}
                        and path not in followed
                        and route_of(path)
                    ):
                        followed.add(path)
        if user == "koordination":
            known = {urlsplit(u).path for u in targets}
            for path in sorted(followed - known):
                response = request(client, "GET", path)
                body = body_of(response)
                check_answer(campaign, f"{user} GET {path} (linked)", response, body)
                content_type = response.get("Content-Type", "")
                check_export(campaign, f"{user} GET {path}", content_type, body)
                if b"WIRQ" in body and "html" in content_type:
                    shown.append(
                        Page(
                            user,
                            path,
                            route_of(path) or "?",
                            response.status_code,
                            content_type,
                            body,
                        )
                    )
    campaign.problems.setdefault("exports checked", []).append(str(exports))
    return shown


def check_stored(campaign: Campaign) -> None:
    """A stored payload is what was sent: no truncation, no half of it."""
    for table, cell in text_cells():
        for marker in {f"WIRQ{n}Z" for n in corpus.MARK.findall(cell)}:
            sent = campaign.stored.get(marker)
            if sent is None:
                continue
            variants = {sent, sent.strip(), json.dumps(sent, ensure_ascii=False)[1:-1]}
            if not any(v in cell for v in variants):
                campaign.problem(
                    "stored differently", f"{table}: sent {sent!r}, stored {cell[:200]!r}"
                )


# --- proof that discovery is automatic ---------------------------------------------------


def app_of(path: str) -> str | None:
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return None
    module = getattr(match.func, "__module__", "")
    return module.split(".")[1] if module.startswith("wir.") else None


def form_classes_used_by_views() -> dict[str, set[str]]:
    """Per app, the Form classes of `wir.<app>.forms` that a view module of the app names."""
    import pkgutil

    import wir

    used: dict[str, set[str]] = {}
    for info in pkgutil.iter_modules(wir.__path__):
        try:
            forms = importlib.import_module(f"wir.{info.name}.forms")
        except ModuleNotFoundError:
            continue
        classes = {
            name
            for name, value in vars(forms).items()
            if inspect.isclass(value)
            and issubclass(value, BaseForm)
            and value.__module__ == forms.__name__
        }
        package = importlib.import_module(f"wir.{info.name}")
        sources = []
        for module in pkgutil.walk_packages(package.__path__, f"wir.{info.name}."):
            if "view" in module.name:
                try:
                    sources.append(inspect.getsource(importlib.import_module(module.name)))
                except (OSError, TypeError):  # a package without source of its own
                    continue
        text = "\n".join(sources)
        used[info.name] = {name for name in classes if re.search(rf"\b{name}\b", text)}
    return used
