"""``planner roadmap`` and ``summary`` in calendar months: the JSON shape, horizons, staleness, settings.

The projects are the realistic scenarios of :mod:`tests.scenarios` (dated, with an organisation
size), saved to disk and read back through the command line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.cli import main
from planner.model.calendar import month_label, month_span_label
from planner.model.capmodel import CapabilityModel
from planner.model.project import Project, Roadmap
from planner.model.roadmap import (
    generate_roadmap,
    horizon_of,
    horizon_spans,
    phase_spans,
    roadmap_warnings,
    schedule,
    set_pin,
    set_status,
    stale_reasons,
)
from planner.storage.projectfile import load_project, save_project
from tests.scenarios import enterprise, planned, startup


def run_cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def ym(project: Project, month: int) -> str:
    """Plan month ``month`` (0-based) as YYYY-MM, counted here independently of the code under test."""
    year, number = map(int, (project.engagement.start_date or "").split("-"))
    total = year * 12 + number - 1 + month
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


def saved(project: Project, path: Path) -> Path:
    save_project(project, path, keep_backup=False)
    return path


def rescored(project: Project) -> Project:
    """Return the project with one capability moved up a level after its roadmap was generated."""
    cap = next(c for c, found in project.assessment.capabilities.items() if found.applicable and found.target)
    found = project.assessment.capabilities[cap]
    found.lenses = {lens: min(4, (score or 0) + 1) for lens, score in found.lenses.items()}
    return project


def test_json_has_the_settings_the_calendar_and_every_initiatives_horizon(
    model: CapabilityModel, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = planned(enterprise(model), "full")  # work in every horizon
    road = project.roadmap
    path = saved(project, tmp_path / "contoso.roadmap")
    code, out, _ = run_cli(capsys, "roadmap", path, "--json")
    assert code == 0
    doc = json.loads(out)
    assert list(doc) == [
        "capacity",
        "owner_capacity",
        "scope",
        "org_size",
        "start_date",
        "stale",
        "stale_reasons",
        "phases",
        "horizons",
        "initiatives",
        "warnings",
    ]
    assert (doc["capacity"], doc["owner_capacity"], doc["scope"]) == (road.capacity, road.owner_capacity, "full")
    assert (doc["org_size"], doc["start_date"]) == ("enterprise", project.engagement.start_date)
    assert doc["stale"] is False and doc["stale_reasons"] == []
    start = project.engagement.start_date
    spans = horizon_spans(road)
    assert [h["id"] for h in doc["horizons"]] == [h.id for h in road.horizons]
    for horizon in doc["horizons"]:
        first, end = spans[horizon["id"]]
        assert (horizon["start_month"], horizon["end_month"]) == (first, end)
        assert horizon["start"] == ym(project, first) and horizon["end"] == ym(project, end - 1)
        assert horizon["label"] == month_span_label(start, first, end)
        assert horizon["initiatives"] == sum(
            1 for i in road.initiatives if horizon_of(road.horizons, i.start_month) == horizon["id"]
        )
    pspans = phase_spans(road)
    for phase in doc["phases"]:
        first, end = pspans[phase["id"]]
        assert (phase["start_month"], phase["end_month"]) == (first, end)
        if any(i.phase == phase["id"] for i in road.initiatives):
            assert phase["label"] == month_span_label(start, first, end) and phase["start"] == ym(project, first)
        else:
            assert phase["start"] is phase["end"] is phase["label"] is None
    raw = json.loads(path.read_text(encoding="utf-8"))["roadmap"]["initiatives"]
    assert [i["id"] for i in doc["initiatives"]] == [i["id"] for i in raw]
    for item, file_item, engine_item in zip(doc["initiatives"], raw, road.initiatives, strict=True):
        assert {k: item[k] for k in file_item} == file_item  # the file's object, unchanged
        assert item["horizon"] == horizon_of(road.horizons, engine_item.start_month)
        assert item["start"] == ym(project, engine_item.start_month)
        assert item["start_label"] == month_label(start, engine_item.start_month)
        assert item["end"] == ym(project, engine_item.end_month - 1)
        assert item["end_label"] == month_label(start, engine_item.end_month - 1)
        assert "pinned_start" in item and item["status"] == engine_item.status
    assert doc["warnings"] == roadmap_warnings(model, project.assessment, road, start_date=start)


def test_json_of_an_undated_plan_has_no_dates_and_reads_month_n(
    model: CapabilityModel, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = planned(enterprise(model))
    project.engagement.start_date = None
    path = saved(project, tmp_path / "undated.roadmap")
    doc = json.loads(run_cli(capsys, "roadmap", path, "--json")[1])
    assert doc["start_date"] is None
    item = doc["initiatives"][-1]
    assert item["start"] is None and item["end"] is None
    assert item["start_label"] == f"Month {item['start_month'] + 1}"
    assert doc["horizons"][0]["label"] == "Months 1-3" and doc["horizons"][0]["start"] is None


def test_deferred_work_is_in_no_horizon_and_a_pin_and_status_show(
    model: CapabilityModel, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = planned(startup(model))
    ids = [i.id for i in project.roadmap.initiatives]
    road = set_status(project.roadmap, [ids[0]], "deferred")
    road = set_status(road, [ids[1]], "in_progress")
    road = set_pin(road, ids[-1], 5)
    project.roadmap = schedule(model, road)
    path = saved(project, tmp_path / "lumen.roadmap")
    doc = json.loads(run_cli(capsys, "roadmap", path, "--json")[1])
    by_id = {i["id"]: i for i in doc["initiatives"]}
    assert by_id[ids[0]]["horizon"] is None and by_id[ids[0]]["status"] == "deferred"
    assert by_id[ids[-1]]["pinned_start"] == 5 and by_id[ids[-1]]["start_month"] == 5
    assert by_id[ids[-1]]["horizon"] == "next"
    assert sum(h["initiatives"] for h in doc["horizons"]) == len(ids) - 1
    lines = run_cli(capsys, "roadmap", path)[1].splitlines()
    deferred = project.roadmap.initiative(ids[0])
    at = lines.index("Not scheduled (deferred or dropped): 1 initiative")
    assert deferred.title in lines[at + 1] and lines[at + 1].endswith("[deferred]")
    pinned = next(line for line in lines if project.roadmap.initiative(ids[-1]).title in line)
    assert pinned.startswith(f"  {month_label(project.engagement.start_date, 5)}") and "[pinned]" in pinned
    assert any(project.roadmap.initiative(ids[1]).title in line and "[in progress]" in line for line in lines)


def test_text_groups_by_horizon_with_calendar_months(
    model: CapabilityModel, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = planned(startup(model))
    road, start = project.roadmap, project.engagement.start_date
    path = saved(project, tmp_path / "lumen.roadmap")
    code, out, _ = run_cli(capsys, "roadmap", path)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Roadmap for Lumen Labs: ")
    end = max(i.end_month for i in road.initiatives)
    assert f"over {end} months ({month_span_label(start, 0, end)})" in lines[0]
    headings = [line for line in lines if line.split(":")[0] in {h.name for h in road.horizons}]
    spans = horizon_spans(road)
    assert [h.split(",")[0] for h in headings] == [
        f"{h.name}: {month_span_label(start, *spans[h.id])}" for h in road.horizons
    ]
    for item in road.initiatives:
        line = next(line for line in lines if line.endswith(f": {item.title}"))
        fields = line.split()
        assert " ".join(fields[:2]) == month_label(start, item.start_month)
        assert fields[2] == model.level_name(item.phase)
        assert f"{model.capability(item.capability).name} ({item.owner}): " in line
        heading = max(n for n, h in enumerate(lines) if h in headings and n < lines.index(line))
        assert lines[heading].startswith(
            next(h.name for h in road.horizons if h.id == horizon_of(road.horizons, item.start_month))
        )
    assert "Month " not in out.split("Warnings")[0]  # a dated plan never says "Month 7"


def test_a_stale_roadmap_says_so_first_in_roadmap_and_summary(
    model: CapabilityModel, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = rescored(planned(enterprise(model)))
    reasons = stale_reasons(model, project.assessment, project.roadmap, org_size="enterprise")
    assert reasons
    path = saved(project, tmp_path / "contoso.roadmap")
    lines = run_cli(capsys, "roadmap", path)[1].splitlines()
    assert lines[0] == "Out of date: this roadmap predates the latest scores. Since it was generated:"
    assert lines[1 : 1 + len(reasons)] == [f"  - {r}" for r in reasons]
    assert lines[1 + len(reasons)].startswith("Regenerate it with: planner roadmap contoso.roadmap --regenerate")
    doc = json.loads(run_cli(capsys, "roadmap", path, "--json")[1])
    assert doc["stale"] is True and doc["stale_reasons"] == reasons
    summary = run_cli(capsys, "summary", path)[1].splitlines()
    assert f"out of date: it predates the latest scores ({len(reasons)} change" in summary[3]
    assert summary[3].startswith(f"Roadmap: {len(project.roadmap.initiatives)} initiatives over ")
    brief = json.loads(run_cli(capsys, "summary", path, "--json")[1])["roadmap"]
    assert brief["stale"] is True and brief["stale_reasons"] == reasons
    assert brief["initiatives"] == len(project.roadmap.initiatives) and brief["start"] == project.engagement.start_date
    fresh = planned(enterprise(model))
    saved(fresh, path)
    assert "out of date" not in run_cli(capsys, "summary", path)[1]
    assert not run_cli(capsys, "roadmap", path)[1].startswith("Out of date")


def test_regenerate_keeps_the_roadmaps_settings_and_the_organisation_size(
    model: CapabilityModel, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = startup(model)
    first = generate_roadmap(model, project.assessment, settings=Roadmap(scope="full"), org_size="startup")
    settings = Roadmap(capacity=2, owner_capacity=1, scope="full", dismissed=[first.initiatives[0].template])
    project.roadmap = settings
    path = saved(project, tmp_path / "lumen.roadmap")
    code, out, _ = run_cli(capsys, "roadmap", path, "--regenerate")
    assert code == 0, out
    after = load_project(path).roadmap
    assert after == generate_roadmap(model, project.assessment, settings=settings, org_size="startup")
    assert (after.capacity, after.owner_capacity, after.scope) == (2, 1, "full")
    assert first.initiatives[0].template not in {i.template for i in after.initiatives}
    assert stale_reasons(model, project.assessment, after, org_size="startup") == []
    # a roadmap generated without the size is stale once the size is known; regenerating fixes it
    project.roadmap = generate_roadmap(model, project.assessment, settings=Roadmap(), org_size=None)
    saved(project, path)
    assert json.loads(run_cli(capsys, "roadmap", path, "--json")[1])["stale"] is True
    assert run_cli(capsys, "roadmap", path, "--regenerate")[0] == 0
    assert json.loads(run_cli(capsys, "roadmap", path, "--json")[1])["stale"] is False
