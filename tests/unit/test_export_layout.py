"""The exporters' package layout: no import circle, and the report below them imports the model only."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(package: str) -> dict[str, set[str]]:
    """Every first-party module a module of ``package`` imports (at any depth of its code)."""
    graph: dict[str, set[str]] = {}
    for path in sorted((REPO / package.replace(".", "/")).rglob("*.py")):
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        graph[_module_name(path)] = {m for m in found if m.split(".")[0] in ("exports", "planner")}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    state: dict[str, int] = {}
    trail: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        trail.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in graph:
                continue
            if state.get(nxt) == 1:
                return [*trail[trail.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node] = 2
        trail.pop()
        return []

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return []


def test_no_import_circle_in_exports_or_the_report() -> None:
    graph = {**_imports("exports"), **_imports("planner.report")}
    assert len(graph) >= 20
    assert _cycle(graph) == []


def test_the_report_imports_the_model_only() -> None:
    for module, imported in _imports("planner.report").items():
        outside = {m for m in imported if not m.startswith(("planner.model", "planner.report"))}
        assert outside == set(), module


def test_exports_import_no_ui_storage_internals_or_cli() -> None:
    allowed = (
        "exports",
        "planner.report",
        "planner.charts",
        "planner.model",
        "planner.storage.atomic",
        "planner.resources",
    )
    for module, imported in _imports("exports").items():
        outside = {m for m in imported if not m.startswith(allowed) and m != "planner.__version__" and m != "planner"}
        assert outside == set(), module
