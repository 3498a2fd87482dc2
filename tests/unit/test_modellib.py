"""The model library: bundled models plus the consultant's own folder, listed, resolved and saved."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner.model.modelload import ModelError
from planner.storage.errors import ProjectFileError
from planner.storage.modellib import ModelNotFound, model_library, resolve_model, save_own_model
from planner.storage.projectfile import load_project

DATA = Path(__file__).parents[1] / "data"
SMALL = DATA / "model-secops-small.json"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    here = tmp_path / "firm-models"
    here.mkdir()
    monkeypatch.setenv("PLANNER_MODEL_DIR", str(here))
    return here


def _own(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_library_lists_bundled_then_own_and_broken_files_with_their_problem(folder: Path) -> None:
    _own(folder, "secops.json", SMALL.read_text(encoding="utf-8"))
    _own(folder, "empty.json", "")
    _own(folder, "half.json", '{"format": "finops-capability-model", "id": "x"')
    _own(folder, "notes.txt", "not a model, not listed")
    entries = model_library()
    assert [(e.id, e.source) for e in entries[:2]] == [("finops-2026", "bundled"), ("finops-2025", "bundled")]
    own = {e.path.name: e for e in entries if e.source == "own"}
    assert set(own) == {"secops.json", "empty.json", "half.json"}
    assert own["secops.json"].model is not None
    assert (own["secops.json"].version, own["secops.json"].capability_count) == (1, 9)
    assert own["empty.json"].model is None and "empty" in own["empty.json"].problem
    assert "truncated" in own["half.json"].problem


def test_resolve_by_id_version_and_file(folder: Path) -> None:
    assert resolve_model("finops-2026").revision == 2
    assert resolve_model("finops-2026@2").id == "finops-2026"
    assert resolve_model(str(SMALL)).id == "secops-basics"
    doc = json.loads(SMALL.read_text(encoding="utf-8"))
    save_own_model(doc)
    save_own_model(doc)
    assert resolve_model("secops-basics").revision == 2
    assert resolve_model("secops-basics@1").revision == 1
    with pytest.raises(ModelNotFound, match=r"no model 'itil-9' .*secops-basics"):
        resolve_model("itil-9")
    with pytest.raises(ModelNotFound, match="version 7"):
        resolve_model("secops-basics@7")
    broken = _own(folder, "broken.json", "{}")
    with pytest.raises(ProjectFileError, match=r"broken\.json"):
        resolve_model(str(broken))


def test_saving_never_overwrites_and_never_shadows_a_bundled_model(folder: Path) -> None:
    bundled = resolve_model("finops-2026")
    doc = dict(bundled.document)
    path, saved = save_own_model(doc)
    assert path.parent == folder and path.name == "finops-2026-v3.json"
    assert saved.revision == 3 and doc["revision"] == 2  # the caller's document is unchanged
    _own(folder, "finops-2026-v4.json", "{}")  # a broken file holds the next name: it is kept
    path2, saved2 = save_own_model(doc)
    assert (path2.name, saved2.revision) == ("finops-2026-v5.json", 5)
    assert (folder / "finops-2026-v4.json").read_text() == "{}"
    bad = dict(doc, levels=[])
    with pytest.raises(ModelError):
        save_own_model(bad)
    assert len(list(folder.iterdir())) == 3


def _cli(*args: str | Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planner", *map(str, args)], capture_output=True, text=True, timeout=60, env=env
    )


def test_cli_models_and_new_from_an_own_model(folder: Path, tmp_path: Path) -> None:
    _own(folder, "secops.json", SMALL.read_text(encoding="utf-8"))
    _own(folder, "zz-broken.json", '{"format": 1}')
    env = dict(os.environ)
    out = _cli("models", env=env)
    assert out.returncode == 0, out.stderr
    line = next(x for x in out.stdout.splitlines() if "secops-basics" in x)
    assert line.split()[-4:] == ["secops-basics", "1", "own", "9"]
    assert "BROKEN  zz-broken.json: format: must be 'finops-capability-model', not 1" in out.stdout
    assert str(folder) in out.stdout
    project_path = tmp_path / "sec.roadmap"
    out = _cli("new", "-o", project_path, "--client", "Contoso", "--model", "secops-basics", env=env)
    assert out.returncode == 0, out.stderr
    project = load_project(project_path)
    assert project.model.id == "secops-basics"
    assert [p.id for p in project.roadmap.phases] == ["defined", "managed"]
    by_file = tmp_path / "file.roadmap"
    out = _cli("new", "-o", by_file, "--client", "Contoso", "--model", SMALL, env=env)
    assert out.returncode == 0, out.stderr
    out = _cli("new", "-o", tmp_path / "no.roadmap", "--client", "C", "--model", folder / "zz-broken.json", env=env)
    assert out.returncode == 2
    assert out.stderr.startswith("planner: zz-broken.json: format: must be")
    assert not (tmp_path / "no.roadmap").exists()
