"""The changed-on-disk check: stamps at load and save, and the refusal to overwrite silently."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from planner.model.capmodel import CapabilityModel
from planner.model.project import Engagement, Project
from planner.storage.errors import ProjectFileError
from planner.storage.filestamp import (
    FileChangedError,
    FileStamp,
    changed_since,
    load_stamped,
    save_stamped,
    stamp_file,
)
from planner.storage.projectfile import load_project, project_bytes, save_project


@pytest.fixture
def saved(tmp_path: Path, model: CapabilityModel) -> Path:
    path = tmp_path / "acme.roadmap"
    save_project(Project(model, Engagement(client="Acme")), path, keep_backup=False)
    return path


def test_stamp_is_size_mtime_and_hash(saved: Path) -> None:
    stamp = stamp_file(saved)
    data = saved.read_bytes()
    assert stamp == FileStamp(len(data), saved.stat().st_mtime_ns, hashlib.sha256(data).hexdigest())


def test_unchanged_file_passes(saved: Path) -> None:
    assert changed_since(saved, stamp_file(saved)) is None


def test_touched_or_rewritten_with_the_same_bytes_is_not_a_change(saved: Path) -> None:
    stamp = stamp_file(saved)
    os.utime(saved, ns=(stamp.mtime_ns + 5_000_000_000, stamp.mtime_ns + 5_000_000_000))
    assert changed_since(saved, stamp) is None


def test_new_content_is_a_change_even_with_the_same_size_and_time(saved: Path) -> None:
    stamp = stamp_file(saved)
    data = bytearray(saved.read_bytes())
    data[-2:-1] = b" "  # same length
    saved.write_bytes(bytes(data))
    os.utime(saved, ns=(stamp.mtime_ns, stamp.mtime_ns))
    assert changed_since(saved, stamp) is None  # size and time equal: trusted without hashing
    os.utime(saved, ns=(stamp.mtime_ns + 1, stamp.mtime_ns + 1))
    assert changed_since(saved, stamp) == (
        "it was changed on disk since it was opened (by another program, another person or a sync tool)"
    )


def test_deleted_since_opened_is_a_change(saved: Path) -> None:
    stamp = stamp_file(saved)
    saved.unlink()
    assert changed_since(saved, stamp) == "it was deleted, moved or renamed since it was opened"


def test_load_stamped_stamps_what_was_read(saved: Path) -> None:
    project, stamp = load_stamped(saved)
    assert project.engagement.client == "Acme"
    assert stamp == stamp_file(saved)


def test_load_stamped_reports_bad_files_like_load_project(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match=r"^missing\.roadmap: the file does not exist$"):
        load_stamped(tmp_path / "missing.roadmap")


def test_save_refuses_to_overwrite_changes_from_elsewhere_until_confirmed(saved: Path) -> None:
    mine, stamp = load_stamped(saved)
    theirs = load_project(saved)
    theirs.engagement.client = "Acme (edited by a colleague)"
    save_project(theirs, saved, keep_backup=False)
    their_bytes = saved.read_bytes()
    mine.engagement.client = "Acme Corp"
    with pytest.raises(FileChangedError) as caught:
        save_stamped(mine, saved, stamp)
    assert str(caught.value) == (
        "acme.roadmap: it was changed on disk since it was opened (by another program, another person or a "
        "sync tool); saving now would overwrite those changes; saving anyway keeps that version as acme.roadmap.bak"
    )
    assert saved.read_bytes() == their_bytes
    assert mine.engagement.client == "Acme Corp"
    new_stamp = save_stamped(mine, saved, stamp, overwrite=True)
    assert saved.read_bytes() == project_bytes(mine)
    assert saved.with_name("acme.roadmap.bak").read_bytes() == their_bytes
    assert new_stamp == stamp_file(saved)
    mine.engagement.title = "Second save"
    save_stamped(mine, saved, new_stamp)  # our own save does not count as a change
    assert load_project(saved).engagement.title == "Second save"


def test_save_as_without_stamp_writes(tmp_path: Path, model: CapabilityModel) -> None:
    target = tmp_path / "copy.roadmap"
    stamp = save_stamped(Project(model, Engagement(client="Acme")), target, None)
    assert stamp == stamp_file(target)
    assert not target.with_name("copy.roadmap.bak").exists()


def test_saving_over_a_deleted_file_says_it_is_written_again(tmp_path: Path) -> None:
    from planner.storage.filestamp import FileChangedError, save_stamped, stamp_file
    from planner.storage.models import load_bundled_model
    from tests.factories import scored_project

    path = tmp_path / "gone.roadmap"
    project = scored_project(load_bundled_model())
    path.write_bytes(b"{}")
    stamp = stamp_file(path)
    path.unlink()
    with pytest.raises(FileChangedError) as caught:
        save_stamped(project, path, stamp)
    assert str(caught.value) == (
        "gone.roadmap: it was deleted, moved or renamed since it was opened; saving now writes it again where it was"
    )
