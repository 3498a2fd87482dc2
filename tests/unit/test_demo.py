"""The bundled demo engagement loads, is scored, carries an edited roadmap, and ``planner demo`` writes it."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from planner.cli import main
from planner.cli.demo import DEMO_RESOURCE
from planner.model.roadmap import phase_spans, roadmap_warnings
from planner.model.scoring import score_project
from planner.report.data import build_report
from planner.report.marks import deliverable_marks
from planner.resources import resource_path
from planner.storage.models import load_bundled_model
from planner.storage.projectfile import check_project_file, load_project


def test_demo_project_is_valid_complete_and_realistic() -> None:
    path = resource_path(DEMO_RESOURCE)
    assert check_project_file(path) == []
    project = load_project(path)
    model = project.model
    card = score_project(model, project.assessment)
    assert project.engagement.client and project.engagement.summary.strip()
    assert set(project.assessment.capabilities) == set(model.capabilities)
    not_applicable = [c for c in card.capabilities.values() if not c.applicable]
    assert 1 <= len(not_applicable) <= 4
    assert card.overall.score is not None and card.overall.level is not None
    assert all(c.score is not None for c in card.capabilities.values() if c.applicable)
    assert any(not c.complete for c in card.capabilities.values() if c.applicable)
    found = project.assessment.capabilities.values()
    assert all(f.notes.strip() for f in found)
    assert sum(1 for f in found if f.internal_notes.strip()) >= 3


def test_demo_uses_the_bundled_bands_and_its_summary_states_its_levels() -> None:
    """The sample engagement shows the current method, and its executive summary tells the truth about it."""
    project = load_project(resource_path(DEMO_RESOURCE))
    model, bundled = project.model, load_bundled_model()
    assert (model.id, model.revision) == (bundled.id, bundled.revision)
    assert [(lv.id, lv.name, lv.min_score) for lv in model.levels] == [
        (lv.id, lv.name, lv.min_score) for lv in bundled.levels
    ]
    card = score_project(model, project.assessment)
    levels = {d.domain: d.level for d in card.domains}
    # 33% overall: a mean lens score of 1.3, below Crawl's 1.5; understand and optimise reach Crawl
    assert card.overall.level == "none"
    assert levels == {"understand": "crawl", "quantify": "none", "optimize": "crawl", "manage": "none"}
    summary = project.engagement.summary
    assert f"Overall the practice is still {model.level_name(card.overall.level)}" in summary
    assert "with understanding and optimising usage at Crawl" in summary


def test_demo_roadmap_is_edited_like_a_real_one() -> None:
    project = load_project(resource_path(DEMO_RESOURCE))
    items = project.roadmap.initiatives
    assert len(items) >= 20
    assert any(i.origin == "custom" for i in items)
    assert any(i.locked for i in items)
    assert any(i.edited and i.origin == "generated" for i in items)
    assert all(i.owner for i in items)
    spans = phase_spans(project.roadmap)
    assert [spans[p.id][0] for p in project.roadmap.phases] == sorted(spans[p.id][0] for p in project.roadmap.phases)
    assert isinstance(roadmap_warnings(project.model, project.assessment, project.roadmap), list)


def test_planner_demo_writes_the_project_and_its_exports(tmp_path: Path, capsys) -> None:
    out = tmp_path / "new" / "demo-out"
    assert main(["demo", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["demo.pdf", "demo.roadmap", "demo.xlsx"]
    project = load_project(out / "demo.roadmap")
    assert project.engagement.client in capsys.readouterr().out
    book = load_workbook(out / "demo.xlsx")
    marks = deliverable_marks(build_report(project))
    assert [m.kind for m in marks] == ["draft"]  # the demo leaves one lens unscored
    assert book["Assessment"]["A1"].value.startswith("DRAFT: 19 of 20 capabilities fully scored")
    assert book["Assessment"].max_row == len(marks) + 1 + len(project.model.capabilities)
    reader = PdfReader(io.BytesIO((out / "demo.pdf").read_bytes()))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert project.engagement.client in text
    assert 10 <= len(reader.pages) <= 40
    for found in project.assessment.capabilities.values():
        if found.internal_notes:
            assert found.internal_notes[:40] not in " ".join(text.split())


def test_planner_demo_refuses_a_file_as_folder(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    assert main(["demo", str(blocker)]) == 2
    assert capsys.readouterr().err.strip() == "planner: file.txt: exists and is not a folder"


def test_demo_summary_tells_the_truth_about_its_plan() -> None:
    """The executive summary's numbers and first-quarter promises are the plan's own."""
    import re

    from planner.model.roadmap import horizon_of

    project = load_project(resource_path(DEMO_RESOURCE))
    road, summary = project.roadmap, project.engagement.summary
    assert project.engagement.start_date == "2027-01" and project.engagement.org_size == "midsize"
    months = max(i.end_month for i in road.initiatives)
    assert f"The roadmap runs {months} months from January 2027" in summary
    assert f"with {len(road.initiatives)} initiatives and at most {road.capacity} at a time" in summary.replace(
        "five", "5"
    )
    first_quarter = [i for i in road.initiatives if horizon_of(road.horizons, i.start_month) == "now"]
    promised = {
        "anomaly detection": "anomaly-management",
        "waste cleared": "usage-optimization",
        "tag dictionary": "allocation",
        "normalised to FOCUS": "data-ingestion",
        "executive sponsor": "finops-practice-operations",
        "Savings Plans that expire in March 2027": "rate-optimization",
    }
    for phrase, capability in promised.items():
        assert phrase in summary
        assert any(i.capability == capability for i in first_quarter), phrase
    renewal = road.initiative("custom.rate-optimization.savings-plan-renewal")
    assert renewal.pinned_start == renewal.start_month == 2  # March 2027, fixed in the plan
    assert not roadmap_warnings(project.model, project.assessment, road, start_date="2027-01", org_size="midsize")[
        1:
    ], "the demo carries at most its one deliberate warning"
    assert re.search(r"Run during 20\d\d", summary)


def test_demo_ships_with_its_baseline_round_and_work_done_since() -> None:
    from planner.model.compare import compare_in_project

    project = load_project(resource_path(DEMO_RESOURCE))
    [baseline] = project.assessment.history
    assert baseline.date < project.engagement.assessment_date
    statuses = {i.status for i in project.roadmap.initiatives}
    assert {"done", "in_progress", "planned"} <= statuses
    cmp = compare_in_project(project)
    assert cmp.count("up") >= 3 and cmp.done and cmp.moved_without_work and cmp.work_without_move
    assert all(d.done_date and d.done_date > baseline.date for d in cmp.done)


def test_demo_has_four_participants_whose_views_diverge() -> None:
    from planner.model.voices import disagreements, median_vote

    project = load_project(resource_path("demo/demo.roadmap"))
    people = project.engagement.participants
    assert len(people) == 4
    assert {p.role for p in people} <= {persona.name for persona in project.model.personas}
    agenda = disagreements(project)
    assert agenda[0].spread.width >= 3
    assert [d.spread.width for d in agenda] == sorted((d.spread.width for d in agenda), reverse=True)
    top = agenda[0]
    assert top.median is not None and top.consensus is not None
    assert median_vote(project, top.capability_id, top.lens_id) == top.median
