"""Dependencies the safety of the app rests on, and the Qt-free core.

openpyxl must parse workbooks through defusedxml (entity bombs refused); reportlab must be past
CVE-2023-33733 (3.6.13); the model, storage, charts and exports must import without PySide6, so
the command line and the exporters work on machines without Qt.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import tomllib
from importlib import metadata

from tests.reliability import layers
from tests.reliability.helpers import REPO


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


def test_defusedxml_is_installed_and_used_by_openpyxl() -> None:
    import defusedxml  # noqa: F401
    import openpyxl

    assert openpyxl.DEFUSEDXML is True


BOMB_SCRIPT = textwrap.dedent(
    """
    import io, sys, zipfile
    import openpyxl

    book = openpyxl.Workbook()
    book.active["A1"] = "placeholder"
    plain = io.BytesIO()
    book.save(plain)
    bomb = io.BytesIO()
    dtd = (
        b'<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    )
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(bomb, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = dtd + data.replace(b"placeholder", b"&c;")
            dst.writestr(item, data)
    bomb.seek(0)
    try:
        cell = openpyxl.load_workbook(bomb).active["A1"].value
    except Exception as exc:
        chain = [exc, exc.__cause__, exc.__context__]
        print("REFUSED", " ".join(f"{type(e).__module__}.{type(e).__name__}" for e in chain if e))
    else:
        print("EXPANDED", len(cell))
    """
)


def _open_bomb(defused: bool) -> str:
    env = {**os.environ, "OPENPYXL_DEFUSEDXML": "True" if defused else "False"}
    done = subprocess.run(
        [sys.executable, "-c", BOMB_SCRIPT], cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_openpyxl_refuses_an_entity_bomb() -> None:
    """A workbook with nested entities in a sheet is refused, where plain expat would expand it."""
    assert _open_bomb(defused=False) == "EXPANDED 1000"  # the bomb is real ...
    assert _open_bomb(defused=True).startswith("REFUSED")  # ... and defusedxml stops it
    assert "defusedxml" in _open_bomb(defused=True)


def test_reportlab_is_past_cve_2023_33733() -> None:
    import reportlab
    from reportlab import rl_config

    assert _version(reportlab.Version) >= (3, 6, 13)
    assert _version(metadata.version("reportlab")) >= (3, 6, 13)
    assert rl_config.toColorCanUse == "rl_extended_literal_eval"
    assert rl_config.trustedHosts is None  # no remote images


def test_the_project_declares_both_as_requirements() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    deps = {re.split(r"[<>=!~ \[]", d, maxsplit=1)[0].lower(): d for d in project["project"]["dependencies"]}
    assert "defusedxml" in deps
    floor = re.search(r">=\s*([\d.]+)", deps["reportlab"])
    assert floor is not None and _version(floor.group(1)) >= (3, 6, 13)
    lock = (REPO / "requirements.lock").read_text(encoding="utf-8").lower()
    assert re.search(r"^defusedxml==", lock, re.MULTILINE)
    pinned = re.search(r"^reportlab==([\d.]+)", lock, re.MULTILINE)
    assert pinned is not None and _version(pinned.group(1)) >= (3, 6, 13)


QT_FREE_PACKAGES = ("planner.model", "planner.storage", "planner.charts", "planner.report", "exports")


def _qt_free_packages() -> list[str]:
    """The Qt-free packages of this checkout; only one the renovation has yet to create may be absent."""
    present = [p for p in QT_FREE_PACKAGES if (REPO / p.replace(".", "/") / "__init__.py").is_file()]
    absent = set(QT_FREE_PACKAGES) - set(present)
    assert absent <= {f"planner.{layer}" for layer in layers.NOT_YET}, f"missing packages: {sorted(absent)}"
    return present


GUARD = textwrap.dedent(
    """
    import importlib, pkgutil, sys

    attempts = []

    class BlockQt:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6"):
                attempts.append(name)
                raise ImportError(f"PySide6 is blocked in this test: {name}")
            return None

    sys.meta_path.insert(0, BlockQt())
    imported = []
    for package in sys.argv[1:]:
        root = importlib.import_module(package)
        imported.append(package)
        for info in pkgutil.walk_packages(root.__path__, package + "."):
            importlib.import_module(info.name)
            imported.append(info.name)
    leaked = [m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6")]
    print(len(imported), "modules")
    if attempts or leaked:
        print("QT", attempts, leaked)
        sys.exit(1)
    """
)


def test_model_storage_charts_and_exports_import_without_pyside6() -> None:
    done = subprocess.run(
        [sys.executable, "-c", GUARD, *_qt_free_packages()],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    count = int(done.stdout.split()[0])
    assert count >= 15, done.stdout


def test_the_guard_notices_a_module_that_imports_pyside6(tmp_path: object) -> None:
    """The blocker is not decorative: the UI package, which needs Qt, fails under it."""
    done = subprocess.run(
        [sys.executable, "-c", GUARD, "planner.ui"], cwd=REPO, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode != 0
    assert "PySide6 is blocked" in done.stderr or "QT" in done.stdout
