"""Comparing two assessments: deltas, work done in between, other models, and the compare command."""

from __future__ import annotations

import copy
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.model.capmodel import CapabilityModel
from planner.model.compare import CompareRefused, compare, compare_in_project, current_snapshot, round_snapshot
from planner.model.convert import convert_project
from planner.model.edits import score_lens
from planner.model.project import CapabilityAssessment, Project
from planner.model.roadmap import set_status
from planner.model.rounds import freeze_round, start_reassessment
from planner.model.scoring import score_project
from planner.report.progress import build_progress
from planner.storage.models import load_bundled_model
from planner.storage.projectfile import save_project
from tests.factories import scored_project
from tests.scenarios import midsize, planned

TODAY = dt.date(2027, 5, 20)


def _reassessed(model: CapabilityModel) -> Project:
    """Baseline frozen 29 Nov 2026; since then Allocation rose, Forecasting fell, two items done."""
    project = planned(midsize(model))
    project.engagement.assessment_date = "2026-11-29"
    start_reassessment(project, "Baseline, November 2026", "2026-11-29", today=TODAY).apply(project)
    for lens in model.lens_ids:
        score_lens(project, "allocation", lens, 4).apply(project)
    score_lens(project, "forecasting", "knowledge", 0).apply(project)
    road = project.roadmap
    alloc = [i.id for i in road.initiatives if i.capability == "allocation"]
    other = next(i for i in road.initiatives if i.capability not in ("allocation", "forecasting"))
    road = set_status(road, alloc[:1], "done", done_date="2027-02-15")
    road = set_status(road, [other.id], "done", done_date="2027-03-01")
    road = set_status(road, alloc[1:2], "done", done_date="2026-10-01")  # before the baseline: not counted
    project.roadmap = road
    return project


def test_deltas_work_done_and_work_that_did_not_show(model: CapabilityModel) -> None:
    project = _reassessed(model)
    cmp = compare_in_project(project)
    caps = {c.capability: c for c in cmp.capabilities}
    assert caps["allocation"].score.movement == "up" and caps["allocation"].score.after == 100.0
    assert caps["forecasting"].score.movement == "down"
    assert cmp.count("up") == 1 and cmp.count("down") == 1
    before = score_project(model, project.assessment)  # the current side scores as the app does
    assert cmp.overall.after == pytest.approx(before.overall.score)
    done = {d.capability: d for d in cmp.done}
    assert set(done) == {"allocation", next(c for c in done if c != "allocation")}
    assert done["allocation"].capability_moved is True
    other = next(c for c in done if c != "allocation")
    assert cmp.work_without_move == [other]
    assert cmp.moved_without_work == []
    assert len(caps["allocation"].done) == 1  # the item done before the baseline is not in the period


def test_a_capability_that_moved_with_no_work_is_named(model: CapabilityModel) -> None:
    project = planned(midsize(model))
    start_reassessment(project, "Baseline", "2026-11-29", today=TODAY).apply(project)
    for lens in model.lens_ids:
        score_lens(project, "unit-economics", lens, 4).apply(project)
    assert compare_in_project(project).moved_without_work == ["unit-economics"]


_LENS = st.sampled_from([None, 0, 1, 2, 3, 4])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(scores=st.lists(st.tuples(st.integers(0, 21), st.integers(0, 4), _LENS), max_size=40), na=st.integers(0, 21))
def test_a_round_compared_with_itself_shows_no_change(
    model: CapabilityModel, scores: list[tuple[int, int, int | None]], na: int
) -> None:
    project = scored_project(model)
    caps = [c.id for c in model.iter_capabilities()]
    for cap, lens, value in scores:
        project.assessment.of(caps[cap]).lenses[model.lens_ids[lens]] = value
    project.assessment.of(caps[na]).applicable = False
    past = freeze_round(project, "Baseline", "2026-11-29")
    for cmp in (
        compare(model, round_snapshot(past), round_snapshot(past), project.roadmap.initiatives),
        compare(model, round_snapshot(past), current_snapshot(project), ()),
    ):
        assert cmp.count("up") == 0 and cmp.count("down") == 0
        assert all(c.score.delta in (None, 0.0) for c in cmp.capabilities)
        assert cmp.overall.movement in ("unchanged", "not_scored")
        assert cmp.moved_without_work == [] and cmp.unmapped == []


def test_a_round_on_the_2025_model_compares_through_the_upgrade_mapping(model: CapabilityModel) -> None:
    old_model = load_bundled_model("finops-2025")
    old = Project(old_model)
    old.assessment.lens_weights = dict.fromkeys(old_model.lens_ids, 1.0)
    for cap in old_model.iter_capabilities():
        old.assessment.capabilities[cap.id] = CapabilityAssessment(lenses=dict.fromkeys(old_model.lens_ids, 2))
    old.assessment.capabilities["benchmarking"] = CapabilityAssessment(lenses=dict.fromkeys(old_model.lens_ids, 1))
    past = freeze_round(old, "Baseline 2025", "2026-01-15")
    upgraded, _ = convert_project(old, model)
    upgraded.assessment.history = [past]
    cmp = compare_in_project(upgraded)
    caps = {c.capability: c for c in cmp.capabilities}
    # benchmarking was renamed kpis-benchmarking: its old score is found under the new id
    assert caps["kpis-benchmarking"].score.before == pytest.approx(25.0)
    assert caps["kpis-benchmarking"].score.movement == "unchanged"
    # a capability new in 2026 has no earlier score
    new_caps = [c for c in model.capabilities if c not in {m for m in cmp.model.capabilities if caps[m].score.before}]
    assert all(caps[c].score.movement == "not_scored" for c in new_caps)
    bogus = copy.deepcopy(past)
    bogus.model_id = "someone-elses-model"
    upgraded.assessment.history = [bogus]
    with pytest.raises(CompareRefused, match="does not say how to carry"):
        compare_in_project(upgraded)


def test_progress_report_reads_as_a_consultant_presents_it(model: CapabilityModel) -> None:
    project = _reassessed(model)
    report = build_progress(project, today=TODAY)
    assert report is not None
    assert report.title == "Progress since 29 Nov 2026"
    assert report.headline.startswith("Overall ")
    assert "1 capability moved up, 1 down" in report.headline
    alloc = next(c for c in report.capabilities if c.id == "allocation")
    assert (alloc.movement_text, alloc.level_after, alloc.done) == ("Up", "Run", 1)
    assert report.moved[0].name in ("Allocation", "Forecasting")
    assert [d.done_on for d in report.done] == ["15 Feb 2027", "1 Mar 2027"]
    assert len(report.radar_labels) == len(report.radar_before) == len(report.radar_after) == len(report.radar_target)
    assert any(line.startswith("Allocation: 2 of ") for line in report.rollup)
    assert build_progress(planned(midsize(model))) is None


# -- the command line ------------------------------------------------------------------------------
def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planner", "compare", *map(str, args)], capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def files(model: CapabilityModel, tmp_path: Path) -> tuple[Path, Path]:
    old = planned(midsize(model))
    old.engagement.client = "Acme Retail"
    old.engagement.assessment_date = "2026-11-29"
    save_project(old, tmp_path / "acme-q4.roadmap")
    new = _reassessed(model)
    new.engagement.client = "ACME  retail"  # the same client, typed differently
    save_project(new, tmp_path / "acme-q2.roadmap")
    return tmp_path / "acme-q4.roadmap", tmp_path / "acme-q2.roadmap"


def test_compare_two_files_as_json_has_the_documented_shape(files: tuple[Path, Path]) -> None:
    out = run(*files, "--json")
    assert out.returncode == 0, out.stderr
    doc: dict[str, Any] = json.loads(out.stdout)
    assert list(doc) == [
        "client", "model", "before", "after", "overall", "domains", "capabilities", "done",
        "moved_without_work", "work_without_move", "unmapped", "counts",
    ]  # fmt: skip
    assert doc["before"]["file"] == "acme-q4.roadmap" and doc["before"]["round"] is None
    assert set(doc["overall"]) == {"before", "after", "delta", "level_before", "level_after", "movement"}
    alloc = next(c for c in doc["capabilities"] if c["id"] == "allocation")
    assert alloc["movement"] == "up" and alloc["after"] == 100.0 and isinstance(alloc["delta"], float)
    assert {"id", "domain", "name", "target", "done", "in_progress"} <= set(alloc)
    assert doc["counts"]["up"] == 1 and doc["counts"]["down"] == 1
    assert [d["done_date"] for d in doc["done"]] == ["2027-02-15", "2027-03-01"]


def test_compare_within_one_file_by_round(files: tuple[Path, Path]) -> None:
    _, new = files
    out = run(new, "--round", "round-1")
    assert out.returncode == 0, out.stderr
    assert "Baseline, November 2026 (29 Nov 2026) -> Now" in out.stdout
    assert "Allocation" in out.stdout and "Up" in out.stdout
    same = json.loads(run(new, "--round", "round-1", "--to", "round-1", "--json").stdout)
    assert same["counts"]["up"] == same["counts"]["down"] == 0


@pytest.mark.parametrize(
    ("change", "args", "message"),
    [
        ("client", (), "are for different clients ('Acme Retail' and 'Globex')"),
        (None, ("--round", "nope"), "no round 'nope'"),
        ("no-history", (), "no earlier round"),
    ],
)
def test_bad_comparisons_get_one_clear_line(
    files: tuple[Path, Path], model: CapabilityModel, change: str | None, args: tuple[str, ...], message: str
) -> None:
    old, new = files
    if change == "client":
        other = planned(midsize(model))
        other.engagement.client = "Globex"
        save_project(other, new)
        out = run(old, new)
    elif change == "no-history":
        out = run(old)
    else:
        out = run(new, *args)
    assert out.returncode == 2
    assert message in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr
