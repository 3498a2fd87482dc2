"""``planner roadmap``: text output by horizon, regeneration that saves, and one-line errors.

The calendar, the JSON shape and staleness: ``test_cli_roadmap_calendar``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from planner.cli import main
from planner.model.capmodel import CapabilityModel
from planner.model.project import Engagement, Project, Roadmap, default_phases
from planner.model.roadmap import edit_initiative, generate_roadmap, roadmap_warnings, set_locked
from planner.storage.lock import ProjectLock
from planner.storage.projectfile import load_project, save_project
from tests.unit.test_roadmap_generate import assess

STARTUP = {"data-ingestion": "none", "allocation": "none", "reporting-analytics": "crawl", "forecasting": None}
TARGETS = {"data-ingestion": "walk", "allocation": "walk", "reporting-analytics": "walk", "forecasting": "walk"}


def write_project(model: CapabilityModel, path: Path, roadmap: Roadmap | None = None, **levels: str | None) -> Project:
    ass = assess(model, {**STARTUP, **levels}, TARGETS)
    project = Project(
        model, Engagement(client="Brightwave Labs"), ass, roadmap or Roadmap(phases=default_phases(model))
    )
    save_project(project, path, keep_backup=False)
    return project


def run_cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_no_roadmap_yet_says_how_to_draft_one(
    model: CapabilityModel, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bw.roadmap"
    write_project(model, path)
    code, out, _ = run_cli(capsys, "roadmap", path)
    assert code == 0
    assert "The roadmap is empty. Draft it from the assessment with: planner roadmap bw.roadmap --regenerate" in out
    assert "Forecasting has a target (Walk) but is not scored yet" in out


def test_regenerate_saves_then_prints_by_horizon_with_warnings(
    model: CapabilityModel, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bw.roadmap"
    project = write_project(model, path)
    code, out, _ = run_cli(capsys, "roadmap", path, "--regenerate")
    assert code == 0
    expected = generate_roadmap(model, project.assessment, settings=project.roadmap)
    assert out.splitlines()[0] == f"Regenerated the roadmap: {len(expected.initiatives)} added, 0 removed, 0 kept."
    first = expected.initiatives[0]
    assert f"  + Month {first.start_month + 1}  Crawl: {first.title}" in out.splitlines()
    assert out.splitlines()[-1] == "Saved bw.roadmap."
    assert load_project(path).roadmap == expected
    assert not list(tmp_path.glob(".*.lock"))  # the lock was released
    code, out, _ = run_cli(capsys, "roadmap", path)
    lines = out.splitlines()
    end = max(i.end_month for i in expected.initiatives)
    assert lines[0] == (
        f"Roadmap for Brightwave Labs: {len(expected.initiatives)} initiatives over {end} months, "
        f"at most {expected.capacity} at a time and {expected.owner_capacity} per owner, lean scope"
    )
    assert lines[1] == "Months count from the start of the plan: the project has no start month."
    now = [i for i in expected.initiatives if i.start_month < 3]
    assert f"Now: Months 1-3, {len(now)} initiative{'s' if len(now) != 1 else ''}" in lines
    warnings = roadmap_warnings(model, project.assessment, expected)
    assert lines.index(f"Warnings ({len(warnings)}):") > max(
        n for n, line in enumerate(lines) if line.startswith("Later: ")
    )
    assert f"  - {warnings[0]}" in lines
    item_lines = [line for line in lines if line.startswith("  Month ")]
    assert len(item_lines) == len(expected.initiatives)
    starts = [int(line.split()[1]) for line in item_lines]
    assert starts == sorted(starts)  # horizon by horizon, each by start month: the whole plan in time order
    cap = model.capability(first.capability).name
    assert any(
        line.split()[:3] == ["Month", str(first.start_month + 1), model.level_name(first.phase)]
        and line.endswith(f"{cap} ({first.owner}): {first.title}")
        for line in item_lines
    )


def test_regenerate_again_leaves_the_file_alone(
    model: CapabilityModel, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bw.roadmap"
    project = write_project(model, path)
    write_project(model, path, generate_roadmap(model, project.assessment, settings=project.roadmap))
    before = path.read_bytes()
    code, out, _ = run_cli(capsys, "roadmap", path, "--regenerate")
    assert code == 0 and "bw.roadmap already matched the assessment: the file is unchanged." in out
    assert path.read_bytes() == before


def test_regenerate_keeps_manual_work_and_prints_the_diff(
    model: CapabilityModel, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bw.roadmap"
    project = write_project(model, path)
    road = generate_roadmap(model, project.assessment, settings=Roadmap(scope="full"))
    ingest = [i.id for i in road.initiatives if i.capability == "data-ingestion" and i.phase == "crawl"]
    manual = ingest[:2]  # one edited, one locked (when the library has two)
    road = edit_initiative(road, manual[0], owner="Platform team")
    road = set_locked(road, manual[-1], True)
    write_project(model, path, road, **{"data-ingestion": "crawl"})  # re-scored: ingestion reached Crawl
    code, out, _ = run_cli(capsys, "roadmap", path, "--regenerate", "--json")
    assert code == 0
    doc = json.loads(out)
    assert doc["regeneration"]["removed"] == ingest[len(manual) :]
    assert doc["regeneration"]["added"] == []
    assert set(manual) <= set(doc["regeneration"]["kept"])
    saved = load_project(path).roadmap
    assert saved.initiative(manual[0]).owner == "Platform team" and saved.initiative(manual[-1]).locked
    assert (tmp_path / "bw.roadmap.bak").is_file()


def test_everything_at_target_says_so_plainly(
    model: CapabilityModel, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "done.roadmap"
    write_project(model, path, None, **dict.fromkeys(TARGETS, "walk"))
    code, out, _ = run_cli(capsys, "roadmap", path)
    assert code == 0
    unscored = len(list(model.iter_capabilities())) - len(TARGETS)
    said = (
        f"Nothing to plan: every scored capability with a target is already at or above it ({unscored} not scored yet)."
    )
    assert said in out.splitlines()
    code, out, _ = run_cli(capsys, "roadmap", path, "--regenerate")
    assert code == 0 and said in out.splitlines()


def test_an_unscored_project_is_not_called_at_target(
    model: CapabilityModel, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new.roadmap"
    assert main(["new", "-o", str(path), "--client", "Acme"]) == 0
    code, out, _ = run_cli(capsys, "roadmap", path)
    assert code == 0
    assert "Nothing to plan yet: no capability is scored. Score the assessment and set targets first." in out
    assert "at or above" not in out
    project = write_project(model, tmp_path / "untargeted.roadmap", None)
    for found in project.assessment.capabilities.values():
        found.target = None
    save_project(project, tmp_path / "untargeted.roadmap", keep_backup=False)
    code, out, _ = run_cli(capsys, "roadmap", tmp_path / "untargeted.roadmap")
    assert "Nothing to plan yet: no scored capability has a target." in out


def test_errors_are_one_line_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], model: CapabilityModel
) -> None:
    code, _, err = run_cli(capsys, "roadmap", tmp_path / "missing.roadmap")
    assert code == 2 and err == "planner: missing.roadmap: the file does not exist\n"
    bad = tmp_path / "bad.roadmap"
    bad.write_text("{}", encoding="utf-8")
    code, _, err = run_cli(capsys, "roadmap", bad, "--regenerate")
    assert code == 2 and err.count("\n") == 1 and "bad.roadmap" in err
    assert bad.read_text(encoding="utf-8") == "{}"
    path = tmp_path / "open.roadmap"
    write_project(model, path)
    before = path.read_bytes()
    with ProjectLock.acquire(path):
        code, _, err = run_cli(capsys, "roadmap", path, "--regenerate")
    assert code == 2 and "open.roadmap" in err and "already open" in err
    assert path.read_bytes() == before


def test_runs_as_a_real_process(model: CapabilityModel, tmp_path: Path) -> None:
    path = tmp_path / "bw.roadmap"
    write_project(model, path)
    out = subprocess.run(
        [sys.executable, "-m", "planner", "roadmap", str(path), "--regenerate"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.rstrip().endswith("Saved bw.roadmap.")
