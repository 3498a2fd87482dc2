"""The import contract: which layer may import which, read from the source with ``ast``.

Every module of ``planner`` and ``exports`` belongs to exactly one layer of :data:`LAYERS`. An
import of ours must stay in its layer or point down the table; module-level, function-level and
``TYPE_CHECKING`` imports all count, except the lazy imports :data:`LAZY_ONLY` names. Qt is a layer
of its own, so "no Qt below the UI" is one more row. Circles of imports that run (at module level
or inside a function; ``TYPE_CHECKING`` ones never run) are refused between any modules of ours
unless :data:`KNOWN_CYCLES` lists them.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

SOURCE_ROOTS = ("planner", "exports")
QT = "qt"


@dataclass(frozen=True)
class Layer:
    """A row of the contract: the modules of a layer and the layers they may import."""

    name: str
    patterns: tuple[str, ...]
    may_import: frozenset[str]


def _layer(name: str, patterns: tuple[str, ...], *may_import: str) -> Layer:
    return Layer(name, patterns, frozenset(may_import))


#: Top to bottom. A module belongs to the row with its most specific pattern; it may import its
#: own layer and the layers its row names, nothing else.
LAYERS = (
    _layer("cli", ("planner.cli", "planner.cli.*", "planner.__main__"),
           "exports", "report", "charts", "storage", "atomic", "model", "base"),  # + ui, lazily (LAZY_ONLY)
    _layer("ui", ("planner.ui", "planner.ui.*"),
           "exports", "report", "charts", "storage", "atomic", "model", "base", QT),
    _layer("exports", ("exports", "exports.*"), "report", "charts", "model", "base", "atomic"),
    _layer("report", ("planner.report", "planner.report.*"), "model", "base"),
    _layer("charts", ("planner.charts", "planner.charts.*"), "model", "base"),
    # storage minus its atomic writer, which the exporters share (one way to write a file safely)
    _layer("storage", ("planner.storage", "planner.storage.*"), "atomic", "model", "base"),
    _layer("atomic", ("planner.storage.atomic",)),
    # the package root: name and version, the resources helper, user folders, logging set-up
    _layer("base", ("planner", "planner.resources", "planner.appdirs", "planner.logsetup")),
    _layer("model", ("planner.model", "planner.model.*")),
    _layer(QT, ("PySide6", "PySide6.*", "shiboken6", "shiboken6.*", "matplotlib.backends.backend_qt*")),
)  # fmt: skip

#: (importer, imported) layers allowed inside a function only: the command line starts the desktop
#: app on demand, so its subcommands keep working on a machine without Qt.
LAZY_ONLY = frozenset({("cli", "ui")})

#: Layers the renovation creates; until their package exists their row has nothing to check.
NOT_YET: frozenset[str] = frozenset()

#: Import circles accepted for now, each as the set of its modules. Empty is the goal.
KNOWN_CYCLES: frozenset[frozenset[str]] = frozenset()


@dataclass(frozen=True)
class Import:
    """One import statement's target, as found in a module."""

    source: str
    target: str
    line: int
    lazy: bool  # inside a function: runs when called, not when the module loads
    typing_only: bool  # under ``if TYPE_CHECKING:``: never runs


def module_name(root: Path, path: Path) -> str:
    """Return the dotted name of the module at ``path`` under the folder ``root``."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def our_modules(root: Path) -> dict[str, Path]:
    """Return every module of ours under ``root`` by dotted name."""
    found: dict[str, Path] = {}
    for package in SOURCE_ROOTS:
        for path in sorted((root / package).rglob("*.py")):
            found[module_name(root, path)] = path
    return found


def layer_of(module: str) -> Layer | None:
    """Return the layer a module belongs to (the row with the most specific matching pattern), if any."""
    matches = [(len(p), layer) for layer in LAYERS for p in layer.patterns if fnmatchcase(module, p)]
    return max(matches, key=lambda match: match[0])[1] if matches else None


def is_ours(module: str) -> bool:
    """Tell whether a dotted name belongs to one of our packages."""
    return module.split(".")[0] in SOURCE_ROOTS


def _is_type_checking(test: ast.expr) -> bool:
    return ast.unparse(test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING")


def _targets(node: ast.Import | ast.ImportFrom, source: str, is_package: bool, known: set[str]) -> Iterator[str]:
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
        return
    base = node.module or ""
    if node.level:
        anchor = source.split(".") if is_package else source.split(".")[:-1]
        anchor = anchor[: len(anchor) - node.level + 1]
        base = ".".join([*anchor, base] if base else anchor)
    for alias in node.names:
        submodule = f"{base}.{alias.name}"
        yield submodule if submodule in known else base


def imports_of(source: str, path: Path, known: set[str]) -> list[Import]:
    """Return every import in a module, with where it sits (function, ``TYPE_CHECKING`` block)."""
    found: list[Import] = []
    is_package = path.name == "__init__.py"

    def visit(node: ast.AST, lazy: bool, typing_only: bool) -> None:
        if isinstance(node, ast.Import | ast.ImportFrom):
            for target in _targets(node, source, is_package, known):
                found.append(Import(source, target, node.lineno, lazy, typing_only))
        lazy = lazy or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.body:
                visit(child, lazy, True)
            for child in node.orelse:
                visit(child, lazy, typing_only)
            return
        for child in ast.iter_child_nodes(node):
            visit(child, lazy, typing_only)

    visit(ast.parse(path.read_text(encoding="utf-8"), str(path)), False, False)
    return found


def all_imports(root: Path) -> list[Import]:
    """Return the imports of every module of ours under ``root``."""
    modules = our_modules(root)
    known = set(modules)
    return [found for name, path in modules.items() for found in imports_of(name, path, known)]


def violations(root: Path) -> list[str]:
    """Return one line per import against the direction of :data:`LAYERS`."""
    lines = [f"{name}: in no layer of the contract" for name in our_modules(root) if layer_of(name) is None]
    for found in all_imports(root):
        mine, theirs = layer_of(found.source), layer_of(found.target)
        if mine is None:
            continue
        if theirs is None:
            if is_ours(found.target):
                lines.append(f"{found.source}:{found.line} imports {found.target}, which is in no layer")
            continue
        if theirs is mine or theirs.name in mine.may_import:
            continue
        if found.lazy and (mine.name, theirs.name) in LAZY_ONLY:
            continue
        where = "inside a function" if found.lazy else "at module level"
        lines.append(
            f"{found.source}:{found.line} imports {found.target} {where} ({mine.name} -> {theirs.name} is not allowed)"
        )
    return sorted(set(lines))


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = list(graph.get(start, ()))
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo.extend(graph.get(node, ()))
    return seen


def import_cycles(root: Path) -> set[frozenset[str]]:
    """Return each circle of imports that run (module level or in functions) as its set of modules."""
    graph: dict[str, set[str]] = {}
    for found in all_imports(root):
        if not found.typing_only and is_ours(found.target) and found.target != found.source:
            graph.setdefault(found.source, set()).add(found.target)
    reach = {node: _reachable(graph, node) for node in graph}
    return {
        frozenset({node} | {other for other in reach[node] if node in reach.get(other, ())})
        for node in graph
        if node in reach[node]
    }
