"""A plain ``pip install .`` works: the wheel lists every package and carries the resources.

The slow test builds a wheel of the checkout's files, installs it into a fresh virtual
environment (the dependencies come from the test environment through a ``.pth`` file) and runs
``planner demo`` there, outside the checkout and without ``PLANNER_RESOURCES``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from planner.storage.projectfile import load_project
from tests.reliability.helpers import REPO

#: What a build needs from the checkout (the rest is tests, docs and tooling).
BUILD_INPUTS = ("pyproject.toml", "README.md", "planner", "exports", "resources")


def _setuptools() -> dict[str, Any]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    found: dict[str, Any] = config["tool"]["setuptools"]
    return found


def test_the_wheel_lists_every_package_of_the_checkout() -> None:
    on_disk = {
        ".".join(init.parent.relative_to(REPO).parts)
        for root in ("planner", "exports")
        for init in (REPO / root).rglob("__init__.py")
    }
    listed = set(_setuptools()["packages"])
    assert listed - on_disk == {"planner._resources"}, "pyproject.toml lists packages that do not exist"
    assert on_disk - listed == set(), "add these packages to [tool.setuptools] packages in pyproject.toml"
    assert _setuptools()["package-dir"] == {"planner._resources": "resources"}


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.mark.slow
def test_the_installed_wheel_runs_the_demo_with_its_own_resources(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    for name in BUILD_INPUTS:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(REPO / name, source / name)
    wheels = tmp_path / "wheels"
    pip = (sys.executable, "-m", "pip", "--disable-pip-version-check")
    _run(*pip, "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", wheels, source, cwd=tmp_path)
    (wheel,) = wheels.glob("finops_roadmap_planner-*.whl")

    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    _run(*pip, "--python", python, "install", "-q", "--no-deps", "--no-index", wheel, cwd=tmp_path)
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=tmp_path).strip())
    ours = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (site / "test-dependencies.pth").write_text("\n".join(sorted(ours)) + "\n", encoding="utf-8")

    env = {k: v for k, v in os.environ.items() if k not in ("PLANNER_RESOURCES", "PYTHONPATH")}
    env |= {"QT_QPA_PLATFORM": "offscreen", "PLANNER_DATA_DIR": str(tmp_path / "data")}
    where = "import planner, planner.resources as r; print(planner.__file__); print(r.resources_root())"
    module, resources = _run(python, "-c", where, cwd=tmp_path, env=env).split()
    assert Path(module).is_relative_to(site) and Path(resources) == site / "planner" / "_resources"

    out = tmp_path / "demo"
    _run(venv / "bin" / "planner", "demo", out, cwd=tmp_path, env=env)
    (project,) = out.glob("*.roadmap")
    assert load_project(project).engagement.client
    (workbook,) = out.glob("*.xlsx")
    assert {"Summary", "Assessment", "Roadmap", "Method"} <= set(load_workbook(workbook).sheetnames)
    (report,) = out.glob("*.pdf")
    assert len(PdfReader(report).pages) >= 3
