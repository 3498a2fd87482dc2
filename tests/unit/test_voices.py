"""Participants, votes, spread, the offered consensus and the Disagreements list (Qt-free)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.model.capmodel import CapabilityModel
from planner.model.edits import EditRefused
from planner.model.project import Project
from planner.model.voices import (
    VoteChange,
    accept_consensus,
    add_participant,
    disagreements,
    edit_participant,
    lens_spread,
    median_vote,
    record_votes,
    remove_participant,
    set_vote,
    votes_of,
)
from planner.storage.projectfile import load_project, project_bytes, save_project
from tests.factories import scored_project


def _apply(project: Project, edit: object) -> None:
    edit.apply(project)  # type: ignore[attr-defined]


def _people(project: Project) -> list[str]:
    role = project.model.personas[0].name
    for name in ("Ana Souza", "Ben Okafor", "Chen Wei"):
        _apply(project, add_participant(project, name, role, "Platform"))
    return [p.id for p in project.engagement.participants]


def test_participants_get_stable_unique_ids(model: CapabilityModel) -> None:
    project = scored_project(model)
    _apply(project, add_participant(project, "Ana Souza"))
    _apply(project, add_participant(project, "Ana  Souza"))
    _apply(project, add_participant(project, "Zoë Ångström"))
    assert [p.id for p in project.engagement.participants] == ["ana-souza", "ana-souza-2", "zoe-angstrom"]
    _apply(project, edit_participant(project, "ana-souza", "Ana Souza-Lima", "", "FinOps"))
    assert project.engagement.participants[0].id == "ana-souza"
    assert project.engagement.participants[0].team == "FinOps"


def test_bad_participants_are_refused(model: CapabilityModel) -> None:
    project = scored_project(model)
    with pytest.raises(EditRefused, match="needs a name"):
        add_participant(project, "  ")
    with pytest.raises(EditRefused, match="personas"):
        add_participant(project, "Ana", role="Astronaut")
    with pytest.raises(EditRefused, match="no participant"):
        remove_participant(project, "nobody")
    with pytest.raises(EditRefused, match="no participant"):
        set_vote(project, "allocation", "process", "nobody", 2)


def test_removing_a_participant_removes_their_votes_in_one_undoable_edit(model: CapabilityModel) -> None:
    project = scored_project(model)
    ana, ben, _ = _people(project)
    _apply(project, set_vote(project, "allocation", "process", ana, 1))
    _apply(project, set_vote(project, "allocation", "process", ben, 3))
    _apply(project, set_vote(project, "anomaly-management", "metrics", ana, None))
    before = project_bytes(project)
    assert votes_of(project, ana) == 2
    edit = remove_participant(project, ana)
    _apply(project, edit)
    assert ana not in {p.id for p in project.engagement.participants}
    assert all(ana not in rec.votes for rec in project.assessment.capabilities.values())
    assert project.assessment.capabilities["allocation"].votes == {ben: {"process": 3}}
    _apply(project, edit.inverse())
    assert project_bytes(project) == before


def test_spread_median_and_disagreements(model: CapabilityModel) -> None:
    project = scored_project(model)
    ana, ben, chen = _people(project)
    for who, value in ((ana, 0), (ben, 4), (chen, 1)):
        _apply(project, set_vote(project, "allocation", "process", who, value))
    for who, value in ((ana, 2), (ben, 3)):
        _apply(project, set_vote(project, "anomaly-management", "metrics", who, value))
    _apply(project, set_vote(project, "anomaly-management", "metrics", chen, None))  # N/A: not counted
    spread = lens_spread(project, "allocation", "process")
    assert (spread.low, spread.high, spread.width) == (0, 4, 4)
    assert dict(spread.by_score) == {0: (ana,), 1: (chen,), 4: (ben,)}
    assert median_vote(project, "allocation", "process") == 1
    assert median_vote(project, "anomaly-management", "metrics") == 2  # the lower middle of 2 and 3
    agenda = disagreements(project)
    assert [(d.capability_id, d.lens_id, d.spread.width) for d in agenda] == [
        ("allocation", "process", 4),
        ("anomaly-management", "metrics", 1),
    ]


def test_consensus_is_offered_never_overwritten_silently(model: CapabilityModel) -> None:
    project = scored_project(model)
    ana, ben, chen = _people(project)
    for who, value in ((ana, 0), (ben, 4), (chen, 3)):
        _apply(project, set_vote(project, "allocation", "process", who, value))
    current = project.assessment.capabilities["allocation"].lenses["process"]
    assert current != 3
    with pytest.raises(EditRefused, match="already has a consensus"):
        accept_consensus(project, "allocation", ["process"])
    assert project.assessment.capabilities["allocation"].lenses["process"] == current
    edit = accept_consensus(project, "allocation", ["process"], overwrite=True)
    _apply(project, edit)
    assert project.assessment.capabilities["allocation"].lenses["process"] == 3
    _apply(project, edit.inverse())
    assert project.assessment.capabilities["allocation"].lenses["process"] == current
    project.assessment.capabilities["allocation"].lenses["process"] = None
    _apply(project, accept_consensus(project, "allocation", ["process"]))  # unset: filled without asking
    assert project.assessment.capabilities["allocation"].lenses["process"] == 3


def test_record_votes_adds_people_and_comments_once(model: CapabilityModel) -> None:
    project = scored_project(model)
    from planner.model.project import Participant

    dana = Participant("dana", "Dana")
    changes = [VoteChange("dana", "allocation", "process", 2), VoteChange("dana", "allocation", "metrics", None)]
    comments = [("allocation", "Dana (Process): tags are missing on half the accounts")]
    edit = record_votes(project, [dana], changes, "Import answers", comments)
    _apply(project, edit)
    _apply(project, record_votes(project, [], changes, "Import answers", comments))
    record = project.assessment.capabilities["allocation"]
    assert record.votes["dana"] == {"process": 2, "metrics": None}
    assert record.internal_notes.count("tags are missing") == 1


votes = st.dictionaries(
    st.sampled_from(["allocation", "anomaly-management", "forecasting", "budgeting"]),
    st.dictionaries(
        st.sampled_from(["knowledge", "process", "metrics", "adoption", "automation"]),
        st.one_of(st.none(), st.integers(0, 4)),
        min_size=1,
    ),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    people=st.lists(
        st.tuples(st.text(min_size=1, max_size=30).filter(str.strip), st.text(max_size=20), votes),
        min_size=1,
        max_size=4,
    )
)
def test_participants_and_votes_survive_save_and_reload(
    model: CapabilityModel, tmp_path: Path, people: list[tuple[str, str, dict[str, dict[str, int | None]]]]
) -> None:
    project = scored_project(model)
    changes = []
    for name, team, theirs in people:
        _apply(project, add_participant(project, name, "", team))
        pid = project.engagement.participants[-1].id
        changes += [VoteChange(pid, cap, lens, v) for cap, lenses in theirs.items() for lens, v in lenses.items()]
    _apply(project, record_votes(project, [], changes, "votes"))
    path = tmp_path / "p.roadmap"
    try:
        save_project(project, path, keep_backup=False)
    except Exception as exc:  # only invalid text may refuse a save
        assert "invalid text" in str(exc)  # noqa: PT017
        return
    again = load_project(path)
    assert again.engagement.participants == project.engagement.participants
    assert {k: v.votes for k, v in again.assessment.capabilities.items()} == {
        k: v.votes for k, v in project.assessment.capabilities.items()
    }
    assert project_bytes(again) == project_bytes(project)
    assert json.loads(project_bytes(copy.deepcopy(again)))["engagement"]["participants"]
