"""The import contract holds: imports point down the layer table, no Qt below the UI, no circles."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability import layers
from tests.reliability.helpers import REPO


def _modules_by_layer() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {layer.name: [] for layer in layers.LAYERS}
    for name in layers.our_modules(REPO):
        layer = layers.layer_of(name)
        if layer is not None:
            found[layer.name].append(name)
    return found


def test_every_module_is_in_exactly_one_layer() -> None:
    modules = layers.our_modules(REPO)
    assert len(modules) >= 90
    assert [name for name in modules if layers.layer_of(name) is None] == []


@pytest.mark.parametrize("layer", [layer.name for layer in layers.LAYERS if layer.name != layers.QT])
def test_the_layer_exists(layer: str) -> None:
    """A layer whose package is missing fails, unless the renovation has yet to create it."""
    if not _modules_by_layer()[layer] and layer in layers.NOT_YET:
        pytest.skip(f"the {layer} package does not exist yet")
    assert _modules_by_layer()[layer], f"no module of ours is in the {layer} layer: renamed or deleted?"


def test_imports_point_down_the_layer_table() -> None:
    assert layers.violations(REPO) == []


def test_no_import_circles_except_the_known_ones() -> None:
    found = layers.import_cycles(REPO)
    assert sorted(map(sorted, found - layers.KNOWN_CYCLES)) == [], "new import circles"
    assert sorted(map(sorted, layers.KNOWN_CYCLES - found)) == [], "gone: remove them from KNOWN_CYCLES"


def _write(root: Path, name: str, text: str) -> None:
    path = root.joinpath(*name.split(".")).with_suffix(".py")
    path.parent.mkdir(parents=True, exist_ok=True)
    for parent in path.relative_to(root).parents:
        if parent.parts:
            (root / parent / "__init__.py").touch()
    path.write_text(text, encoding="utf-8")


#: A small tree with one breach of each rule, next to imports the rules allow.
BREACHES = {
    "planner.model.score": "from planner.storage import projectfile\n",
    "planner.storage.projectfile": "from planner.model import score\n",
    "planner.charts.radar": "def draw():\n    from PySide6 import QtGui\n",
    "planner.cli.gui": "from planner.ui import app\n",
    "planner.cli.lazy": "def run():\n    from planner.ui import app\n",
    "planner.ui.app": "from PySide6 import QtWidgets\nfrom planner.storage import atomic\n",
    "planner.storage.atomic": "",
    "planner.stray": "",
    "exports.a": "from . import b\n",
    "exports.b": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from exports import c\n",
    "exports.c": "from exports.b import x\nfrom planner.storage.atomic import write\n",
    "exports.d": "from planner.storage.projectfile import load\n",
}


def test_the_contract_notices_each_kind_of_breach(tmp_path: Path) -> None:
    """The checker is not decorative: a tree with one breach of each rule fails on each."""
    for name, text in BREACHES.items():
        _write(tmp_path, name, text)
    assert layers.violations(tmp_path) == [
        "exports.d:1 imports planner.storage.projectfile at module level (exports -> storage is not allowed)",
        "planner.charts.radar:2 imports PySide6 inside a function (charts -> qt is not allowed)",
        "planner.cli.gui:1 imports planner.ui.app at module level (cli -> ui is not allowed)",
        "planner.model.score:1 imports planner.storage.projectfile at module level (model -> storage is not allowed)",
        "planner.stray: in no layer of the contract",
    ]
    assert layers.import_cycles(tmp_path) == {frozenset({"planner.model.score", "planner.storage.projectfile"})}
    _write(tmp_path, "exports.b", "def later():\n    from exports import a\n")  # a lazy import closes a circle
    assert frozenset({"exports.a", "exports.b"}) in layers.import_cycles(tmp_path)
