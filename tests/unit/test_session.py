"""The open file's session: lock while open, notice changes by others, keep the old file on failure."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.model.capmodel import CapabilityModel
from planner.storage.errors import ProjectFileError
from planner.storage.filestamp import FileChangedError
from planner.storage.lock import ProjectLock, ProjectLockedError, lock_path
from planner.storage.projectfile import load_project, save_project
from planner.storage.session import ProjectSession, same_file
from tests.factories import scored_project


@pytest.fixture
def project_file(tmp_path: Path, model: CapabilityModel) -> Path:
    path = tmp_path / "northwind.roadmap"
    save_project(scored_project(model), path, keep_backup=False)
    return path


def test_open_holds_the_lock_until_closed(project_file: Path) -> None:
    project, session = ProjectSession.open(project_file)
    assert project.engagement.client == "Northwind Retail"
    assert session.path == project_file and session.stamp is not None
    assert lock_path(project_file).exists()
    with pytest.raises(ProjectLockedError):
        ProjectSession.open(project_file)  # a second window of this process is refused too
    session.close()
    assert not lock_path(project_file).exists()
    ProjectSession.open(project_file)[1].close()


def test_take_over_and_open_as_copy(project_file: Path) -> None:
    _, first = ProjectSession.open(project_file)
    copy, untitled = ProjectSession.open_copy(project_file)
    assert copy.engagement.client == "Northwind Retail"
    assert untitled.path is None and untitled.lock is None
    _, second = ProjectSession.open(project_file, take_over=True)
    assert second.lock is not None and second.lock.held
    assert first.lock is not None and not first.lock.held
    second.close()


def test_a_file_that_cannot_be_read_leaves_no_lock(tmp_path: Path) -> None:
    bad = tmp_path / "bad.roadmap"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(ProjectFileError, match=r"bad\.roadmap"):
        ProjectSession.open(bad)
    assert not lock_path(bad).exists()


def test_save_refuses_to_overwrite_changes_made_on_disk(project_file: Path) -> None:
    project, session = ProjectSession.open(project_file)
    other = load_project(project_file)
    other.engagement.client = "Changed by a colleague"
    save_project(other, project_file, keep_backup=False)
    project.engagement.client = "Mine"
    with pytest.raises(FileChangedError, match="changed on disk"):
        session.save(project)
    assert load_project(project_file).engagement.client == "Changed by a colleague"
    session.save(project, overwrite=True)
    assert load_project(project_file).engagement.client == "Mine"
    assert load_project(project_file.with_name("northwind.roadmap.bak")).engagement.client == "Changed by a colleague"
    project.engagement.client = "Mine again"
    session.save(project)  # the stamp now is that of our own save: no question
    session.close()


def test_save_as_moves_the_lock_and_a_failed_save_as_keeps_the_old_file(project_file: Path, tmp_path: Path) -> None:
    project, session = ProjectSession.open(project_file)
    with pytest.raises(ProjectFileError, match="folder does not exist"):
        session.save_as(project, tmp_path / "gone" / "x.roadmap")
    assert session.path == project_file and lock_path(project_file).exists()
    taken = tmp_path / "taken.roadmap"
    with ProjectLock.acquire(taken), pytest.raises(ProjectLockedError):
        session.save_as(project, taken)
    assert session.path == project_file
    copy = tmp_path / "copy.roadmap"
    session.save_as(project, copy)
    assert same_file(session.path, copy)
    assert lock_path(copy).exists() and not lock_path(project_file).exists()
    assert session.stamp is not None
    session.close()


def test_reread_and_untitled_sessions(project_file: Path, model: CapabilityModel) -> None:
    project, session = ProjectSession.open(project_file)
    project.engagement.client = "Unsaved"
    assert session.reread().engagement.client == "Northwind Retail"
    session.close()
    untitled = ProjectSession()
    with pytest.raises(ProjectFileError, match="no file yet"):
        untitled.save(scored_project(model))
    with pytest.raises(ProjectFileError, match="no file to go back to"):
        untitled.reread()


def test_a_recovered_project_gets_its_file_only_when_it_can_be_locked(project_file: Path) -> None:
    recovered = ProjectSession.for_recovered(project_file)
    assert recovered.path == project_file and recovered.stamp is None
    elsewhere = ProjectSession.for_recovered(project_file)  # now locked by the first
    assert elsewhere.path is None
    recovered.close()
    assert ProjectSession.for_recovered(None).path is None


def test_a_link_behaves_like_the_file_it_points_to(project_file: Path, tmp_path: Path) -> None:
    link = tmp_path / "shortcut.roadmap"
    link.symlink_to(project_file)
    project, session = ProjectSession.open(link)
    assert session.path == project_file.resolve()
    with pytest.raises(ProjectLockedError):
        ProjectSession.open(project_file)  # one file, one lock, whatever the name
    project.engagement.client = "Saved through the link"
    session.save(project)
    assert link.is_symlink()
    assert load_project(project_file).engagement.client == "Saved through the link"
    session.save_as(project, link)  # the same file under another name: a plain save
    assert link.is_symlink() and session.path == project_file.resolve()
    session.close()
