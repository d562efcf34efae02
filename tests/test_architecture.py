"""The layers of docs/architecture.md, checked on the import graph of `wir/`.

Every module under wir/ (migrations apart) is parsed with `ast`; each import of a `wir`
module becomes an edge, marked by where it sits:

- "module": runs when the module is imported (top level, class bodies, `if`/`try` blocks);
- "function": inside a function or method, so it runs at call time;
- "type_checking": under `if TYPE_CHECKING:`, never at run time.

The layer rules hold for every kind: an import at call time couples the apps as much as one
at the top. The cycle check counts "module" and "function" edges (both run); imports only
for type checkers do not.

Today's exceptions are listed below, each with the reason. The lists only shrink: a new
violation fails, and so does an entry that is no longer needed (delete it then).
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

WIR = Path(__file__).resolve().parent.parent / "wir"

# --- the rules (docs/architecture.md, "Which way imports run") -------------------------

# Which other apps an app may import. An app not listed here imports no other app.
MAY_IMPORT: dict[str, frozenset[str]] = {
    "core": frozenset(),
    "accounts": frozenset({"core"}),
    "media": frozenset({"core"}),
    # The privacy core: declarations (registry.py imports only Django), audit log, consent,
    # retention, subject rights. Every domain module may use it; it imports none of them.
    "privacy": frozenset({"accounts", "core"}),
    "portal": frozenset({"privacy", "accounts", "core"}),
    "sprachpool": frozenset({"privacy", "accounts", "core"}),
    "volunteers": frozenset({"privacy", "accounts", "core"}),
    "translation": frozenset({"portal", "privacy", "accounts", "core"}),
    "api": frozenset({"portal", "privacy", "accounts", "core"}),
    "offline": frozenset({"api", "portal", "privacy", "accounts", "core"}),
    "network": frozenset({"privacy", "accounts", "core"}),
    # The programme report reads every domain module's figures (aggregates); what one
    # module shows of another goes through here. No domain module imports reports.
    "reports": frozenset(
        {"portal", "sprachpool", "volunteers", "network", "privacy", "accounts", "core"}
    ),
    "demo": frozenset(
        {
            "core",
            "accounts",
            "privacy",
            "media",
            "portal",
            "sprachpool",
            "volunteers",
            "network",
            "translation",
            "api",
            "offline",
            "reports",
        }
    ),
    # The project's own modules (wir/settings.py, wir/urls.py, wir/env.py, wir/wsgi.py,
    # wir/gunicorn_conf.py):
    # the URL configuration mounts the apps' views; settings read wir.env and the language
    # catalogue (which imports no models). Nothing of the project imports wir.demo except
    # wir.demo itself: its management command is found through INSTALLED_APPS.
    "settings": frozenset({"env", "core"}),
    "urls": frozenset(
        {
            "core",
            "accounts",
            "privacy",
            "portal",
            "api",
            "offline",
            "sprachpool",
            "volunteers",
            "network",
            "reports",
        }
    ),
    "env": frozenset(),
    # The WSGI entry point wraps Django in the hot path (core/hotpath.py): cached public
    # answers are sent before a request object exists.
    "wsgi": frozenset({"core"}),
    "gunicorn_conf": frozenset(),  # the server's settings: plain values from the environment
}

# Modules that may import nothing of Django, Wagtail or the project: plain data in,
# plain data out.
PURE_MODULES = frozenset(
    {"wir.sprachpool.matching", "wir.volunteers.card", "wir.volunteers.matching"}
)

# Inside an app, models do not import views: a view imports models, not the other way round.
# (portal's routable pages hand their requests on by name through wir/portal/routes.py.)
MODELS_IMPORTING_VIEWS: frozenset[tuple[str, str]] = frozenset()

# Exceptions to MAY_IMPORT, as (importing module, imported module). None today.
LAYER_EXCEPTIONS: frozenset[tuple[str, str]] = frozenset()

# Import cycles among wir modules, counting imports at call time. None today; a new one fails.
KNOWN_CYCLES: tuple[frozenset[str], ...] = ()

# --- the checker ------------------------------------------------------------------------


@dataclass(frozen=True)
class Import:
    source: str  # the importing module, e.g. "wir.portal.views.directory"
    target: str  # the imported module (a name imported from a module counts as the module)
    kind: str  # "module", "function" or "type_checking"
    line: int


def module_name(path: Path, root: Path = WIR) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def wir_modules(root: Path = WIR) -> dict[str, Path]:
    """Every module of the project except migrations: name → file."""
    return {
        module_name(path, root): path
        for path in sorted(root.rglob("*.py"))
        if "migrations" not in path.relative_to(root).parts
    }


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_in(
    source: str, module: str, known: Iterable[str] = (), *, is_package: bool = False
) -> list[Import]:
    """The imports of `wir` modules in `source`, the text of module `module`.

    `known` are the existing module names: `from wir.x import y` imports the module
    wir.x.y when there is one, else the name y of the module wir.x.
    """
    modules = set(known)
    found: list[Import] = []
    package = module if is_package else module.rpartition(".")[0]

    def absolute(node: ast.ImportFrom) -> str:
        if not node.level:
            return node.module or ""
        base = package.split(".")
        base = base[: len(base) - (node.level - 1)]
        return ".".join([*base, node.module] if node.module else base)

    def visit(node: ast.AST, kind: str) -> None:
        for child in ast.iter_child_nodes(node):
            child_kind = kind
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                child_kind = "type_checking" if kind == "type_checking" else "function"
            if isinstance(child, ast.Import):
                for alias in child.names:
                    if alias.name == "wir" or alias.name.startswith("wir."):
                        found.append(Import(module, alias.name, kind, child.lineno))
            elif isinstance(child, ast.ImportFrom):
                target = absolute(child)
                if target == "wir" or target.startswith("wir."):
                    for alias in child.names:
                        submodule = f"{target}.{alias.name}"
                        name = submodule if submodule in modules else target
                        found.append(Import(module, name, kind, child.lineno))
            elif isinstance(child, ast.If) and _is_type_checking(child.test):
                for statement in child.body:
                    visit(ast.Module(body=[statement], type_ignores=[]), "type_checking")
                for statement in child.orelse:
                    visit(ast.Module(body=[statement], type_ignores=[]), kind)
                continue
            visit(child, child_kind)

    visit(ast.parse(source), "module")
    return found


def all_imports(root: Path = WIR) -> list[Import]:
    modules = wir_modules(root)
    result: list[Import] = []
    for name, path in modules.items():
        result += imports_in(path.read_text(), name, modules, is_package=path.name == "__init__.py")
    return result


def app_of(module: str) -> str:
    """ "wir.portal.views.directory" → "portal"; "wir.settings" → "settings"."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def layer_violations(imports: Iterable[Import]) -> list[Import]:
    return [
        imp
        for imp in imports
        if app_of(imp.source) != app_of(imp.target)
        and app_of(imp.target) not in MAY_IMPORT.get(app_of(imp.source), frozenset())
    ]


def import_cycles(imports: Iterable[Import]) -> list[frozenset[str]]:
    """The strongly connected components with more than one module (Tarjan, iterative)."""
    graph: dict[str, set[str]] = defaultdict(set)
    for imp in imports:
        if imp.kind != "type_checking" and imp.source != imp.target:
            graph[imp.source].add(imp.target)
            graph.setdefault(imp.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[frozenset[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(graph[successor]))))
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        cycles.append(frozenset(component))
    return cycles


def private_names_used(
    source: str, module: str, known: Iterable[str] = (), *, is_package: bool = False
) -> list[str]:
    """Names with a leading underscore that `module` takes from another wir module:
    `from wir.x import _name` and `x._name` on an imported wir module."""
    modules = set(known)
    tree = ast.parse(source)
    found: list[str] = []
    bound: dict[str, str] = {}  # local name → wir module it stands for
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("wir.") and alias.asname:
                    bound[alias.asname] = alias.name
        elif isinstance(node, ast.ImportFrom):
            for imp in imports_in(ast.unparse(node), module, modules, is_package=is_package):
                for alias in node.names:
                    if imp.target == f"{imp.target.rpartition('.')[0]}.{alias.name}":
                        bound[alias.asname or alias.name] = imp.target
                    elif _is_private(alias.name) and imp.target != module:
                        found.append(
                            f"{module}:{node.lineno}: from {imp.target} import {alias.name}"
                        )
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _is_private(node.attr):
            base = ast.unparse(node.value)
            target = bound.get(base) or (base if base in modules else None)
            if target is not None and target != module:
                found.append(f"{module}:{node.lineno}: {base}.{node.attr}")
    return sorted(set(found))


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def describe(imports: Iterable[Import]) -> str:
    return "\n".join(
        f"  {imp.source} → {imp.target} ({imp.kind}, line {imp.line})"
        for imp in sorted(imports, key=lambda i: (i.source, i.line, i.target))
    )


# --- the project's graph ----------------------------------------------------------------

IMPORTS = all_imports()


def test_every_app_has_a_rule() -> None:
    apps = {app_of(name) for name in wir_modules()} - {""}
    assert apps <= set(MAY_IMPORT), f"add a rule for {sorted(apps - set(MAY_IMPORT))}"


def test_apps_import_only_the_layers_below_them() -> None:
    violations = layer_violations(IMPORTS)
    new = [imp for imp in violations if (imp.source, imp.target) not in LAYER_EXCEPTIONS]
    assert not new, "imports against docs/architecture.md:\n" + describe(new)
    stale = LAYER_EXCEPTIONS - {(imp.source, imp.target) for imp in violations}
    assert not stale, f"no longer needed, remove it from LAYER_EXCEPTIONS: {sorted(stale)}"


def test_nothing_imports_the_demo() -> None:
    importers = [
        imp for imp in IMPORTS if app_of(imp.target) == "demo" and app_of(imp.source) != "demo"
    ]
    assert not importers, describe(importers)


def test_only_settings_reads_the_environment_module() -> None:
    readers = [imp for imp in IMPORTS if imp.target == "wir.env" and imp.source != "wir.settings"]
    assert not readers, describe(readers)


def test_pure_modules_import_neither_django_nor_the_project() -> None:
    modules = wir_modules()
    for name in PURE_MODULES:
        tree = ast.parse(modules[name].read_text())
        imported = {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        } | {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        bad = sorted(
            m for m in imported if m.split(".")[0] in {"django", "wagtail", "wir"} or m == ""
        )
        assert not bad, f"{name} imports {bad}"


def test_models_do_not_import_views() -> None:
    def is_views(module: str) -> bool:
        return any(part == "views" or part.endswith("_views") for part in module.split("."))

    def is_models(module: str) -> bool:
        return module.split(".")[2:3] == ["models"]

    found = {
        (imp.source, imp.target)
        for imp in IMPORTS
        if is_models(imp.source) and is_views(imp.target)
    }
    assert found <= MODELS_IMPORTING_VIEWS, f"new: {sorted(found - MODELS_IMPORTING_VIEWS)}"
    assert found >= MODELS_IMPORTING_VIEWS, (
        f"gone, remove it from MODELS_IMPORTING_VIEWS: {sorted(MODELS_IMPORTING_VIEWS - found)}"
    )


def test_migrations_import_no_project_code() -> None:
    """docs/style.md: migrations use apps.get_model, never the app's code."""
    bad = []
    for path in sorted(WIR.glob("*/migrations/*.py")):
        for imp in imports_in(path.read_text(), module_name(path)):
            bad.append(imp)
    assert not bad, describe(bad)


def test_no_import_cycles_but_the_known_ones() -> None:
    cycles = import_cycles(IMPORTS)
    for cycle in cycles:
        assert any(cycle <= known for known in KNOWN_CYCLES), (
            "a new import cycle (or a module joined a known one):\n  "
            + "\n  ".join(sorted(cycle))
            + "\nthe imports that close it at call time:\n"
            + describe(
                imp
                for imp in IMPORTS
                if imp.kind == "function" and imp.source in cycle and imp.target in cycle
            )
        )
    for known in KNOWN_CYCLES:
        assert known in cycles, (
            "a known cycle shrank or is gone; write what is left into KNOWN_CYCLES: "
            f"{[sorted(c) for c in cycles if c & known]}"
        )


def test_no_module_uses_another_modules_private_names() -> None:
    """docs/style.md: a name with a leading underscore stays in its module."""
    modules = wir_modules()
    found = [
        use
        for name, path in modules.items()
        for use in private_names_used(
            path.read_text(), name, modules, is_package=path.name == "__init__.py"
        )
    ]
    assert not found, "give these names a public name:\n" + "\n".join(found)


# --- the checker catches what it should (synthetic modules) -----------------------------


def test_control_a_forbidden_import_is_reported_with_its_kind() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "from wir.core.models import Region\n"
        "from wir.portal import models\n"
        "if TYPE_CHECKING:\n"
        "    from wir.sprachpool.models import Mediator\n"
        "class Thing:\n"
        "    def method(self):\n"
        "        import wir.api.http\n"
        "        from wir.demo.text import first_paragraph_text\n"
    )
    known = {"wir.portal.models", "wir.demo.text", "wir.api.http", "wir.core.models"}
    imports = imports_in(source, "wir.core.fake", known)
    assert {(i.target, i.kind) for i in imports} == {
        ("wir.core.models", "module"),
        ("wir.portal.models", "module"),
        ("wir.sprachpool.models", "type_checking"),
        ("wir.api.http", "function"),
        ("wir.demo.text", "function"),
    }
    assert {i.target for i in layer_violations(imports)} == {
        "wir.portal.models",
        "wir.sprachpool.models",
        "wir.api.http",
        "wir.demo.text",
    }


def test_control_relative_imports_and_allowed_ones() -> None:
    imports = imports_in(
        "from . import models\nfrom ..core.models import Region\nfrom .views import x\n",
        "wir.portal.signals",
        {"wir.portal.models"},
    )
    assert [(i.target, i.kind) for i in imports] == [
        ("wir.portal.models", "module"),
        ("wir.core.models", "module"),
        ("wir.portal.views", "module"),
    ]
    assert layer_violations(imports) == []


def test_control_cycles_through_call_time_imports_are_found() -> None:
    a = imports_in("from wir.x.b import f\n", "wir.x.a")
    b = imports_in("def g():\n    from wir.x.a import h\n", "wir.x.b")
    c = imports_in(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import wir.x.a\n", "wir.x.c"
    )
    d = imports_in("import wir.x.c\n", "wir.x.d")
    assert import_cycles([*a, *b, *c, *d]) == [frozenset({"wir.x.a", "wir.x.b"})]
    assert import_cycles([*a, *c, *d]) == []


def test_control_private_names_taken_from_other_modules_are_found() -> None:
    source = (
        "from wir.translation import xliff\n"
        "import wir.translation.status as status\n"
        "from wir.translation.xliff import _label, keyed\n"
        "def f(instance):\n"
        "    from wir.translation.status_views import _original\n"
        "    return xliff._field_label(instance, ''), status._cells, _own(), xliff.__name__\n"
    )
    known = {
        "wir.translation.xliff",
        "wir.translation.status",
        "wir.translation.status_views",
        "wir.translation.editor_views",
    }
    assert private_names_used(source, "wir.translation.editor_views", known) == [
        "wir.translation.editor_views:3: from wir.translation.xliff import _label",
        "wir.translation.editor_views:5: from wir.translation.status_views import _original",
        "wir.translation.editor_views:6: status._cells",
        "wir.translation.editor_views:6: xliff._field_label",
    ]
