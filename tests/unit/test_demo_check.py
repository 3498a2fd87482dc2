"""The demo's consistency check (``python -m tests.demo_check``) catches what it should, on a realistic plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.model.capmodel import CapabilityModel
from planner.model.project import Project
from planner.storage.projectfile import save_project
from tests.demo_check import first_quarter_sentences, main, problems
from tests.scenarios import planned, startup


@pytest.fixture
def project(model: CapabilityModel) -> Project:
    return planned(startup(model))


def test_titles_named_for_the_first_quarter_must_start_in_now(project: Project) -> None:
    now = [i for i in project.roadmap.initiatives if i.start_month < 3]
    later = next(i for i in project.roadmap.initiatives if i.start_month >= 3)
    project.engagement.summary = (
        "The practice is at Crawl.\n\nIn the first 90 days the team will "
        + ", ".join(f"'{i.title.lower()}'" for i in now[:2])
        + ". Later work follows."
    )
    assert problems(project) == []
    project.engagement.summary += f" The first quarter also brings {later.title}."
    found = problems(project)
    assert len(found) == 1 and later.title in found[0] and "after the Now horizon" in found[0]


def test_a_quarter_without_titles_a_wrong_quote_and_silence_are_problems(project: Project) -> None:
    project.engagement.summary = "The first quarter makes spend visible: daily data and a sponsor."
    assert any("name no initiative by its title" in p for p in problems(project))
    project.engagement.summary = "The first three months deliver 'A dashboard nobody asked for'."
    assert any("no initiative has that title" in p for p in problems(project))
    project.engagement.summary = "A good plan."
    assert problems(project) == ["The executive summary says nothing about the first quarter (or the first 90 days)."]
    assert first_quarter_sentences("First. The first quarter is busy.\n\nThen the opening 90 days.") == [
        "The first quarter is busy.",
        "Then the opening 90 days.",
    ]


def test_an_undated_or_stale_project_is_reported_and_the_script_exits_1(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = next(i for i in project.roadmap.initiatives if i.start_month == 0)
    project.engagement.summary = f"The first quarter starts with {first.title}."
    path = tmp_path / "x.roadmap"
    save_project(project, path, keep_backup=False)
    assert main([str(path)]) == 0
    assert "all start in Now" in capsys.readouterr().out
    project.engagement.start_date = None
    project.engagement.org_size = "enterprise"
    save_project(project, path, keep_backup=False)
    assert main([str(path)]) == 1
    out = capsys.readouterr().out
    assert "no start month" in out and "predates the latest scores" in out
