"""Upgrading a project's model: the review, the one undoable edit, and ``planner upgrade``.

The golden files of release 1 embed finops-2026 revision 1 (bands 25/50/75); upgrading them to
the bundled revision 2 recomputes their levels under the midpoint bands and says which moved.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from planner.cli import main
from planner.model.capmodel import CapabilityModel
from planner.model.edits import ChangeKind, EditRefused, replace_model
from planner.model.modelload import model_from_document
from planner.model.project import Assessment, CapabilityAssessment, Initiative, Project, Roadmap, default_phases
from planner.model.scoring import score_project
from planner.model.upgrade import UpgradeRefused, newest_upgrade, upgrade_project, upgrade_targets
from planner.storage.lock import ProjectLock
from planner.storage.models import bundled_upgrade_targets, load_bundled_model
from planner.storage.projectfile import load_project, project_bytes, save_project
from tests.conftest import DATA

GOLDEN = ("project-v1.roadmap", "project-v2.roadmap")


@pytest.fixture(scope="module")
def model_2025() -> CapabilityModel:
    return load_bundled_model("finops-2025")


def run_cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def golden_copy(tmp_path: Path, name: str = "project-v2.roadmap") -> Path:
    path = tmp_path / name
    path.write_bytes((DATA / name).read_bytes())
    return path


# -- which model a project goes to -----------------------------------------------------------------
def test_the_default_target_is_the_newest_bundled_upgrade(model: CapabilityModel, model_2025: CapabilityModel) -> None:
    old = load_project(DATA / "project-v2.roadmap").model
    assert (old.id, old.revision) == ("finops-2026", 1)
    assert [(m.id, m.revision) for m in bundled_upgrade_targets(old)] == [("finops-2026", 2)]
    assert [(m.id, m.revision) for m in bundled_upgrade_targets(model_2025)] == [("finops-2026", 2)]
    assert bundled_upgrade_targets(model) == []
    assert newest_upgrade(model, [model, model_2025]) is None
    assert upgrade_targets(old, [model_2025, model, old]) == [model]


def test_no_upgrade_to_the_same_an_older_or_an_unrelated_model(
    model: CapabilityModel, model_2025: CapabilityModel
) -> None:
    project = Project(model)
    with pytest.raises(UpgradeRefused, match=r"already uses FinOps Framework 2026 \(revision 2\)"):
        upgrade_project(project, model)
    with pytest.raises(UpgradeRefused, match="FinOps Framework 2025 is not an upgrade of FinOps Framework 2026"):
        upgrade_project(project, model_2025)
    old = load_project(DATA / "project-v2.roadmap")
    with pytest.raises(UpgradeRefused, match="uses a newer revision than"):
        upgrade_project(Project(model), old.model)


# -- the golden files: revision 1 -> 2 -------------------------------------------------------------
@pytest.mark.parametrize("name", GOLDEN)
def test_golden_files_upgrade_with_a_clear_report_and_save_and_reload(
    name: str, model: CapabilityModel, tmp_path: Path
) -> None:
    project = load_project(DATA / name)
    before = score_project(project.model, project.assessment)
    upgrade = upgrade_project(project, model)
    report = upgrade.report
    conv = report.conversion
    # same capabilities: nothing renamed, merged, retired or added, nothing to re-score
    assert (conv.renamed, conv.merged, conv.removed, conv.added, conv.rescore) == ([], [], [], [], [])
    sections = dict(report.sections())
    assert sections["Level bands"][:2] == [
        "Were: Not started from 0%, Crawl from 25%, Walk from 50%, Run from 75%",
        "Now: Ad hoc from 0%, Crawl from 37.5%, Walk from 62.5%, Run from 87.5%",
    ]
    after = score_project(model, upgrade.project.assessment)
    moved = {
        c: (before.capabilities[c].level, after.capabilities[c].level)
        for c in model.capabilities
        if before.capabilities[c].level != after.capabilities[c].level
    }
    assert moved  # these files score many capabilities 30-35%: Crawl then, Ad hoc now
    assert {ch.capability: (ch.old_level, ch.new_level) for ch in report.levels} == moved
    assert "Data Ingestion: Crawl -> Ad hoc (30.0%)" in sections["Levels that change"]
    assert all(ch.score == ch.old_score for ch in report.levels)  # same scores, new bands
    assert report.roadmap_out_of_date
    # saved and reopened: the new model is embedded, every finding and item is there
    path = tmp_path / name
    save_project(upgrade.project, path)
    again = load_project(path)
    assert (again.model.id, again.model.revision) == ("finops-2026", 2)
    assert again.model.document == model.document
    assert again.assessment.capabilities == project.assessment.capabilities
    assert [i.id for i in again.roadmap.initiatives] == [i.id for i in project.roadmap.initiatives]
    assert again.engagement == project.engagement
    assert score_project(again.model, again.assessment) == after
    assert project.model.revision == 1  # the project upgraded is a copy


def _revision_2_with_renamed_items(source: CapabilityModel) -> tuple[CapabilityModel, dict[str, str | None]]:
    """A synthetic revision 2 of ``source``: one library item renamed, one retired."""
    keys = [t.key for t in source.capability("allocation").initiatives]
    renamed, retired, kept = keys[0], keys[1], keys[2]
    doc = copy.deepcopy(json.loads(json.dumps(source.document)))
    doc["revision"] = 2
    for domain in doc["domains"]:
        for cap in domain["capabilities"]:
            for tpl in cap["initiatives"]:
                if tpl["key"] == renamed:
                    tpl["key"] = renamed + "-v2"
                tpl["requires"] = [
                    renamed + "-v2" if r == renamed else r for r in tpl.get("requires", []) if r != retired
                ]
            cap["initiatives"] = [t for t in cap["initiatives"] if t["key"] != retired]
    doc["initiative_renames"] = {renamed: renamed + "-v2", retired: None}
    return model_from_document(doc), {"renamed": renamed, "retired": retired, "kept": kept}


def test_a_revision_remaps_library_keys_and_keeps_touched_retired_items(tmp_path: Path) -> None:
    source = load_project(DATA / "project-v2.roadmap").model
    target, keys = _revision_2_with_renamed_items(source)
    roadmap = Roadmap(phases=default_phases(source))
    roadmap.initiatives = [
        Initiative(id="r", capability="allocation", title="Renamed", phase="crawl", template=keys["renamed"]),
        Initiative(id="t", capability="allocation", title="Retired, untouched", phase="crawl", template=keys["retired"]),
        Initiative(id="s", capability="allocation", title="Retired, done", phase="crawl", template=keys["retired"] + "x",
                   status="done", done_date="2026-10-01", depends_on=["t"]),
        Initiative(id="k", capability="allocation", title="Kept", phase="crawl", template=keys["kept"], depends_on=["t"]),
    ]  # fmt: skip
    roadmap.dismissed = [keys["renamed"], keys["retired"]]
    project = Project(
        source, assessment=Assessment(capabilities={"allocation": CapabilityAssessment()}), roadmap=roadmap
    )
    upgrade = upgrade_project(project, target)
    items = {i.id: i for i in upgrade.project.roadmap.initiatives}
    assert items["r"].template == keys["renamed"] + "-v2"
    assert items["k"].template == keys["kept"] and items["k"].depends_on == []
    assert "t" not in items  # untouched: set aside whole
    assert (items["s"].origin, items["s"].status, items["s"].done_date) == ("custom", "done", "2026-10-01")
    assert upgrade.project.roadmap.extra["initiatives_of_retired_library_items"][0]["title"] == "Retired, untouched"
    assert upgrade.project.roadmap.dismissed == [keys["renamed"] + "-v2"]
    road = dict(upgrade.report.sections())["Roadmap"]
    assert f"Item r now follows library item {keys['renamed']}-v2 (was {keys['renamed']})" in road
    assert f"Library item {keys['retired']} is retired: \u201cRetired, untouched\u201d is set aside in the file" in road
    assert any("\u201cRetired, done\u201d is kept in the plan as a custom initiative" in line for line in road)
    doc = upgrade.report.to_json()
    assert doc["initiatives"]["retired"] == [
        {"id": "t", "key": keys["retired"], "title": "Retired, untouched", "kept_as": "set_aside"},
        {"id": "s", "key": keys["retired"] + "x", "title": "Retired, done", "kept_as": "custom"},
    ]
    assert doc["initiatives"]["dismissed"] == [
        {"from": keys["renamed"], "to": keys["renamed"] + "-v2"},
        {"from": keys["retired"], "to": None},
    ]
    path = tmp_path / "p.roadmap"
    save_project(upgrade.project, path)
    assert load_project(path).roadmap.extra == upgrade.project.roadmap.extra


# -- from 2025 -------------------------------------------------------------------------------------
def test_a_2025_project_upgrades_with_merge_rescore_and_levels(
    model_2025: CapabilityModel, model: CapabilityModel, tmp_path: Path
) -> None:
    caps = {
        "onboarding-workloads": CapabilityAssessment(lenses=dict.fromkeys(model.lens_ids, 2), notes="Waves slip."),
        "architecting-for-cloud": CapabilityAssessment(lenses=dict.fromkeys(model.lens_ids, 3), target="run"),
        "benchmarking": CapabilityAssessment(lenses=dict.fromkeys(model.lens_ids, 2), target="walk"),
    }
    project = Project(
        model_2025, assessment=Assessment(capabilities=caps), roadmap=Roadmap(phases=default_phases(model_2025))
    )
    assert newest_upgrade(model_2025, [model]) is model
    upgrade = upgrade_project(project, model)
    sections = dict(upgrade.report.sections())
    assert "Merged: Onboarding Workloads -> Architecting & Workload Placement" in sections["Capabilities"]
    assert "Renamed: Benchmarking -> KPIs & Benchmarking" in sections["Capabilities"]
    assert "Added: Executive Strategy Alignment (not scored yet)" in sections["Capabilities"]
    assert any(line.startswith("  conflict: both were scored") for line in sections["Capabilities"])
    rescore = sections["Re-score: their scope grew, so the carried scores say less than before"]
    assert any(line.startswith("Architecting & Workload Placement: Took in Onboarding Workloads") for line in rescore)
    # 2 everywhere was Walk under 25/50/75 and is Crawl now; 3 everywhere was Run and is Walk now
    assert "KPIs & Benchmarking: Walk -> Crawl (50.0%)" in sections["Levels that change"]
    assert "Architecting & Workload Placement: Run -> Walk (75.0%)" in sections["Levels that change"]
    assert not upgrade.report.roadmap_out_of_date  # nothing planned yet
    found = upgrade.project.assessment.capabilities["architecting-workload-placement"]
    assert found.lenses == caps["architecting-for-cloud"].lenses
    assert found.notes.endswith("Waves slip.")
    path = tmp_path / "from-2025.roadmap"
    save_project(upgrade.project, path)
    assert load_project(path).assessment.capabilities["architecting-workload-placement"].notes == found.notes


# -- the one undoable edit -------------------------------------------------------------------------
def test_the_upgrade_is_one_edit_that_undoes_to_the_same_bytes(model: CapabilityModel) -> None:
    project = load_project(DATA / "project-v2.roadmap")
    original = project_bytes(project)
    upgrade = upgrade_project(project, model)
    edit = replace_model(project, upgrade.project, "Upgrade model to FinOps Framework 2026")
    change = edit.apply(project)
    assert change.kind is ChangeKind.MODEL and change.affects_scores
    assert project.model is model
    upgraded = project_bytes(project)
    assert upgraded == project_bytes(upgrade.project)
    project.assessment.capabilities["allocation"].notes = "typed after the upgrade"  # never reaches the edit
    edit.inverse().apply(project)
    assert project_bytes(project) == original
    edit.apply(project)
    assert project_bytes(project) == upgraded
    with pytest.raises(EditRefused, match="already uses this model"):
        replace_model(project, project, "again")


# -- planner upgrade -------------------------------------------------------------------------------
def test_cli_reviews_without_writing(
    model: CapabilityModel, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = golden_copy(tmp_path)
    before = path.read_bytes()
    code, out, err = run_cli(capsys, "upgrade", path)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == (
        "Upgrade project-v2.roadmap from FinOps Framework 2026 (revision 1) to FinOps Framework 2026 (revision 2)."
    )
    assert "  Now: Ad hoc from 0%, Crawl from 37.5%, Walk from 62.5%, Run from 87.5%" in lines
    assert "  Data Ingestion: Crawl -> Ad hoc (30.0%)" in lines
    assert lines[-1] == (
        "Nothing was written. To save the upgraded project: planner upgrade project-v2.roadmap --to finops-2026 -o OUT"
    )
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project-v2.roadmap"]


def test_cli_saves_to_a_new_file_and_leaves_the_input(
    model: CapabilityModel, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = golden_copy(tmp_path, "project-v1.roadmap")
    before = path.read_bytes()
    out_path = tmp_path / "upgraded.roadmap"
    code, out, _ = run_cli(capsys, "upgrade", path, "--to", "finops-2026", "-o", out_path)
    assert code == 0
    assert out.splitlines()[-1] == f"Saved the upgraded project as {out_path}; project-v1.roadmap is unchanged."
    assert path.read_bytes() == before
    assert load_project(out_path).model.revision == 2
    # an existing OUT is replaced only with --force, and then kept as .bak
    out_path.write_bytes(before)
    code, _, err = run_cli(capsys, "upgrade", path, "-o", out_path)
    assert code == 2
    assert err == (
        "planner: upgraded.roadmap: the file already exists (use --force to replace it, "
        "or -o project-v1.roadmap to upgrade in place)\n"
    )
    assert out_path.read_bytes() == before
    assert run_cli(capsys, "upgrade", path, "-o", out_path, "--force")[0] == 0
    assert (tmp_path / "upgraded.roadmap.bak").read_bytes() == before
    assert load_project(out_path).model.revision == 2


def test_cli_upgrades_in_place_keeping_a_backup_and_then_has_nothing_to_do(
    model: CapabilityModel, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = golden_copy(tmp_path)
    before = path.read_bytes()
    code, out, _ = run_cli(capsys, "upgrade", path, "-o", path)
    assert code == 0
    assert out.splitlines()[-1] == (
        "Upgraded project-v2.roadmap in place; the previous version is kept as project-v2.roadmap.bak."
    )
    assert (tmp_path / "project-v2.roadmap.bak").read_bytes() == before
    again = load_project(path)
    assert again.model.revision == 2
    assert again.assessment.capabilities == load_project(tmp_path / "project-v2.roadmap.bak").assessment.capabilities
    after = path.read_bytes()
    code, out, _ = run_cli(capsys, "upgrade", path, "-o", path)
    assert code == 0
    assert out.strip() == (
        "project-v2.roadmap already uses FinOps Framework 2026 (revision 2), the newest bundled model: "
        "nothing to upgrade. Nothing was written."
    )
    assert path.read_bytes() == after


def test_cli_json_is_the_documented_shape(
    model: CapabilityModel, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = golden_copy(tmp_path)
    code, out, _ = run_cli(capsys, "upgrade", path, "--json")
    assert code == 0
    doc: dict[str, Any] = json.loads(out)
    assert (doc["file"], doc["saved"]) == ("project-v2.roadmap", None)
    up = doc["upgrade"]
    assert up["from"] == {"id": "finops-2026", "name": "FinOps Framework 2026", "revision": 1}
    assert up["to"] == {"id": "finops-2026", "name": "FinOps Framework 2026", "revision": 2}
    assert [b["min_score"] for b in up["bands"]["to"]] == [0, 37.5, 62.5, 87.5]
    assert up["capabilities"] == {"renamed": [], "merged": [], "retired": [], "added": []}
    assert up["rescore"] == []
    assert {"capability": "data-ingestion", "score": 30.0, "old_score": 30.0, "from": "crawl", "to": "none"} in up[
        "levels"
    ]
    assert set(up["initiatives"]) == {"remapped", "retired", "set_aside_with_capability", "dismissed"}
    assert up["roadmap_out_of_date"] is True
    code, out, _ = run_cli(capsys, "upgrade", path, "--json", "-o", path)
    assert json.loads(out)["saved"] == str(path)
    code, out, _ = run_cli(capsys, "upgrade", path, "--json")
    nothing = json.loads(out)
    assert (nothing["upgrade"], nothing["saved"]) == (None, None)
    assert "nothing to upgrade" in nothing["message"]


def test_cli_refusals_are_one_clear_line_and_write_nothing(
    model: CapabilityModel, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = golden_copy(tmp_path)
    before = path.read_bytes()
    (tmp_path / "folder.roadmap").mkdir()
    cases = {
        ("--to", "finops-2025"): "planner: project-v2.roadmap: FinOps Framework 2025 is not an upgrade of "
        "FinOps Framework 2026: it does not say how to come from it\n",
        (
            "--to",
            "no-such",
        ): "planner: project-v2.roadmap: no bundled model 'no-such' (available: finops-2026, finops-2025)\n",
        ("-o", str(tmp_path / "project-v2.roadmap.bak")): "planner: project-v2.roadmap.bak: that is the backup of "
        "project-v2.roadmap; choose another name (nothing was written)\n",
        ("-o", str(tmp_path / "folder.roadmap")): "planner: folder.roadmap: a folder has that name; choose another "
        "name (nothing was written)\n",
    }
    for args, message in cases.items():
        code, out, err = run_cli(capsys, "upgrade", path, *args)
        assert (code, out, err) == (2, "", message), args
    code, _, err = run_cli(capsys, "upgrade", tmp_path / "missing.roadmap")
    assert (code, err) == (2, "planner: missing.roadmap: the file does not exist\n")
    with ProjectLock.acquire(path):
        code, _, err = run_cli(capsys, "upgrade", path, "-o", path)
    assert code == 2 and err.startswith("planner: project-v2.roadmap:") and "already open" in err
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.roadmap", "project-v2.roadmap"]


def test_cli_shows_control_characters_in_titles_instead_of_obeying_them(
    model: CapabilityModel, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = load_project(DATA / "project-v2.roadmap").model
    target, keys = _revision_2_with_renamed_items(source)
    roadmap = Roadmap(phases=default_phases(source))
    roadmap.initiatives = [
        Initiative(id="t", capability="allocation", title="Gone\x1b[2J\x07", phase="crawl", template=keys["retired"])
    ]
    project = Project(source, roadmap=roadmap)
    report = upgrade_project(project, target).report
    from planner.cli.terminal import terminal_output

    with terminal_output():
        print("\n".join(report.lines()))
    out = capsys.readouterr().out
    assert "Gone\\u001b[2J\\u0007" in out and "\x1b" not in out


def test_cli_upgrades_a_2025_project_with_the_merge_in_its_json(
    model_2025: CapabilityModel, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    caps = {
        "onboarding-workloads": CapabilityAssessment(lenses={"knowledge": 1}, notes="Partner runs migrations."),
        "policy-governance": CapabilityAssessment(lenses=dict.fromkeys(model_2025.lens_ids, 2), target="walk"),
    }
    path = tmp_path / "old.roadmap"
    project = Project(
        model_2025, assessment=Assessment(capabilities=caps), roadmap=Roadmap(phases=default_phases(model_2025))
    )
    save_project(project, path)
    code, out, _ = run_cli(capsys, "upgrade", path, "--json", "-o", tmp_path / "new.roadmap")
    assert code == 0
    up = json.loads(out)["upgrade"]
    assert (up["from"]["id"], up["to"]["id"], up["to"]["revision"]) == ("finops-2025", "finops-2026", 2)
    [merged] = up["capabilities"]["merged"]
    assert (merged["from"], merged["into"], merged["conflicts"]) == (
        "onboarding-workloads", "architecting-workload-placement", [],
    )  # fmt: skip
    assert merged["carried"][0].startswith("lens scores (Knowledge 1")
    assert {"from": "policy-governance", "to": "governance-policy-risk"} in up["capabilities"]["renamed"]
    assert up["capabilities"]["added"] == ["executive-strategy-alignment"]
    assert "governance-policy-risk" in {r["id"] for r in up["rescore"]}
    assert {
        "capability": "governance-policy-risk",
        "score": 50.0,
        "old_score": 50.0,
        "from": "walk",
        "to": "crawl",
    } in up["levels"]
    saved = load_project(tmp_path / "new.roadmap")
    assert saved.assessment.capabilities["architecting-workload-placement"].notes.endswith("Partner runs migrations.")
