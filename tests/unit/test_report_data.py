"""The report data: one source for both exports, equal to the scoring module and the roadmap engine."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.model.capmodel import CapabilityModel
from planner.model.roadmap import phase_spans, project_levels, roadmap_warnings
from planner.model.scoring import score_project
from planner.report.data import TOP_GAPS, build_report
from tests.unit.test_export_support import CLIENT, INTERNAL, hostile_project


@pytest.fixture
def project(model: CapabilityModel):
    return hostile_project(model)


def test_scores_levels_and_gaps_equal_the_scoring_module(project) -> None:
    card = score_project(project.model, project.assessment)
    report = build_report(project)
    assert report.overall_score == card.overall.score
    assert report.overall_level == card.overall.level
    assert [d.score for d in report.domains] == [d.score for d in card.domains]
    assert len(report.capabilities) == len(project.model.capabilities) == report.capability_count
    for row in report.capabilities:
        expected = card.capabilities[row.id]
        assert (row.score, row.level, row.target, row.gap, row.complete) == (
            expected.score,
            expected.level,
            expected.target,
            expected.gap,
            expected.complete,
        )
        assert row.lens_scores == tuple(t.score for t in expected.terms)
        assert row.explanation == tuple(expected.explain(project.model))
    assert report.scored_count == card.scored_count
    assert report.applicable_count == card.applicable_count


def test_engagement_and_model_facts(project) -> None:
    report = build_report(project, today=dt.date(2026, 12, 1))
    assert report.client == CLIENT
    assert report.generated_on == "2026-12-01"
    assert report.model_name == project.model.name
    assert "CC BY 4.0" in report.attribution.text
    assert [lv.id for lv in report.levels] == list(project.model.level_ids)
    assert [ln.id for ln in report.lenses] == list(project.model.lens_ids)


def test_not_applicable_capability_has_no_numbers(project) -> None:
    row = next(c for c in build_report(project).capabilities if c.id == "sustainability")
    assert not row.applicable
    assert row.score is None and row.gap is None and row.level is None


def test_internal_notes_and_evidence_only_when_asked(project) -> None:
    public = build_report(project)
    assert all(not c.internal_notes and not c.evidence for c in public.capabilities)
    internal = build_report(project, include_internal=True)
    assert all(c.internal_notes.startswith(INTERNAL) for c in internal.capabilities)
    assert all(c.evidence for c in internal.capabilities)


def test_the_roadmap_warnings_are_in_every_report(project) -> None:
    expected = roadmap_warnings(project.model, project.assessment, project.roadmap, start_date=None)
    assert expected
    assert list(build_report(project).warnings) == expected
    assert list(build_report(project, include_internal=True).warnings) == expected


def test_biggest_gaps_are_ranked_by_importance_times_gap(project) -> None:
    report = build_report(project)
    gaps = report.biggest_gaps
    assert 0 < len(gaps) <= TOP_GAPS
    assert all((c.gap or 0) > 0 and c.applicable for c in gaps)
    priorities = [c.priority for c in gaps]
    assert priorities == sorted(priorities, reverse=True)
    left_out = [c for c in report.capabilities if c.applicable and (c.gap or 0) > 0 and c not in gaps]
    assert all(c.priority <= priorities[-1] for c in left_out)


def test_roadmap_phases_spans_and_references(project) -> None:
    report = build_report(project)
    spans = phase_spans(project.roadmap)
    assert [p.id for p in report.phases] == [p.id for p in project.roadmap.phases]
    for phase in report.phases:
        assert (phase.start_month, phase.end_month) == spans[phase.id]
        starts = [i.start_month for i in phase.initiatives]
        assert starts == sorted(starts)
    assert sorted(i.id for i in report.initiatives) == sorted(i.id for i in project.roadmap.initiatives)
    refs = [i.ref for i in report.initiatives]
    assert refs == [str(n) for n in range(1, len(refs) + 1)]  # numbered in plan order
    by_id = {i.id: i for i in report.initiatives}
    for item in report.initiatives:
        assert set(item.depends_on) == set(project.roadmap.initiative(item.id).depends_on)
        assert item.depends_on_refs == tuple(by_id[d].ref for d in item.depends_on)
        assert [int(r) for r in item.depends_on_refs] == sorted(int(r) for r in item.depends_on_refs)
        assert item.first_month == item.start_month + 1 and item.last_month == item.end_month
    assert report.months == max(i.end_month for i in project.roadmap.initiatives)


def test_projections_follow_the_engine(project) -> None:
    report = build_report(project)
    expected = project_levels(project.model, project.assessment, project.roadmap)
    assert [p.key for p in report.projections] == [key for key, _ in expected]
    assert report.projections[0].label == "Current"
    assert report.projections[1].label == "After Crawl"
    assert [p.levels for p in report.projections] == [levels for _, levels in expected]


def test_an_empty_project_still_makes_a_report(model: CapabilityModel) -> None:
    from planner.model.project import Project

    report = build_report(Project(model=model))
    assert report.overall_score is None
    assert report.initiatives == () and report.months == 0
    assert report.biggest_gaps == ()


def test_a_given_scorecard_is_used_instead_of_rescoring(project, monkeypatch: pytest.MonkeyPatch) -> None:
    import planner.report.data as data

    card = score_project(project.model, project.assessment)
    expected = build_report(project, today=dt.date(2025, 1, 2))

    def rescore(*_args: object) -> None:
        raise AssertionError("the report rescored the project although it was given the scores")

    monkeypatch.setattr(data, "score_project", rescore)
    assert build_report(project, today=dt.date(2025, 1, 2), scorecard=card) == expected
