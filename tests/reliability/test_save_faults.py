"""Saving under faults: full disk, failing replace or sync, read-only targets, vanished folders,
a file changed on disk by someone else, and a file already open elsewhere.

After every failed save: the project file is byte-for-byte the old version, no temporary file is
left behind, the project in memory is unchanged (so the consultant can save it elsewhere), and the
message is one plain line naming the file. Real faults are used where this machine allows them (a
small tmpfs, a read-only remount, both as root); elsewhere the same fault is injected by patching
the standard-library call that would fail.
"""

from __future__ import annotations

import contextlib
import errno
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from planner.model.capmodel import CapabilityModel
from planner.model.project import Project
from planner.storage.atomic import backup_path
from planner.storage.errors import ProjectFileError
from planner.storage.filestamp import FileChangedError, load_stamped, save_stamped
from planner.storage.lock import ProjectLock, ProjectLockedError
from planner.storage.migrate import migrate
from planner.storage.projectdoc import project_from_document
from planner.storage.projectfile import load_project, project_bytes, save_project
from tests.factories import scored_project
from tests.reliability.helpers import (
    REPO,
    assert_plain_message,
    corpus_module,
    disk_fills_up_after,
    faulty_fdopen,
    listing,
)

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


# -- the checks after every failure -----------------------------------------------------------------
def failed_save(project: Project, path: Path) -> str:
    """Save and expect a ProjectFileError; return its message."""
    with pytest.raises(ProjectFileError) as caught:
        save_project(project, path)
    return str(caught.value)


def assert_nothing_lost(path: Path, old: bytes, before: list[str], project: Project, in_memory: bytes) -> None:
    assert path.read_bytes() == old, "the project file changed"
    after = listing(path.parent)
    stray = set(after) - set(before) - {backup_path(path).name}
    assert not stray, f"stray files: {stray}"
    if backup_path(path).exists() and backup_path(path).name not in before:
        assert backup_path(path).read_bytes() == old
    assert project_bytes(project) == in_memory, "the project in memory changed"


@pytest.fixture
def saved(model: CapabilityModel, tmp_path: Path) -> tuple[Project, Path, bytes]:
    """A project saved once, then edited in memory (the edit is what the failing save tries to write)."""
    path = tmp_path / "northwind.roadmap"
    project = scored_project(model)
    save_project(project, path)
    old = path.read_bytes()
    project.engagement.client = "Northwind Retail Group"
    return project, path, old


def check_failure(saved: tuple[Project, Path, bytes], expected: str) -> str:
    project, path, old = saved
    before, in_memory = listing(path.parent), project_bytes(project)
    message = failed_save(project, path)
    assert_plain_message(message, path.name)
    assert expected in message, message
    assert_nothing_lost(path, old, before, project, in_memory)
    return message


def save_elsewhere_works(project: Project, folder: Path) -> None:
    """The intact project in memory can still be saved somewhere else."""
    other = folder / "rescued.roadmap"
    save_project(project, other)
    assert other.read_bytes() == project_bytes(project)


# -- disk full --------------------------------------------------------------------------------------
@contextlib.contextmanager
def tmpfs(folder: Path, size: str) -> Iterator[Path]:
    """Mount a small tmpfs on ``folder`` (root only); skip the test where that is not possible."""
    folder.mkdir()
    if not IS_ROOT or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False, capture_output=True)


def small_project(notes_chars: int) -> Project:
    """The corpus's small valid project with notes padded to about ``notes_chars`` characters."""
    project = project_from_document(migrate(corpus_module().base_document(), 1))  # the corpus is version 1
    project.assessment.capabilities["allocation"].notes = "Tag coverage notes. " * (notes_chars // 20)
    return project


@pytest.mark.parametrize(
    ("old_kb", "new_kb", "where"),
    [(100, 200, "writing the new file"), (90, 120, "keeping the backup")],
    ids=["while-writing", "while-keeping-backup"],
)
def test_disk_full_on_a_real_small_filesystem(tmp_path: Path, old_kb: int, new_kb: int, where: str) -> None:
    with tmpfs(tmp_path / "small", "256k") as disk:
        path = disk / "northwind.roadmap"
        project = small_project(old_kb * 1024)
        save_project(project, path)
        old = path.read_bytes()
        revised = "Revised tag coverage notes. " * (new_kb * 1024 // 56)  # two notes, each within the limit
        project.assessment.capabilities["allocation"].notes = revised
        project.assessment.capabilities["allocation"].internal_notes = revised
        before, in_memory = listing(disk), project_bytes(project)
        message = failed_save(project, path)
        assert_plain_message(message, path.name)
        assert "the disk is full" in message, (where, message)
        assert_nothing_lost(path, old, before, project, in_memory)
        save_elsewhere_works(project, tmp_path)


def test_disk_full_simulated_part_way_through_the_write(
    saved: tuple[Project, Path, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "fdopen", faulty_fdopen(disk_fills_up_after(4096)))
    check_failure(saved, "could not save: the disk is full; free some space and try again")
    monkeypatch.undo()
    save_elsewhere_works(saved[0], saved[1].parent)


def test_short_write_is_caught(saved: tuple[Project, Path, bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    """A write that reports fewer bytes than asked (QSaveFile's trap) must fail the save."""

    def short(handle: Any, data: bytes) -> int:
        return int(handle.write(data[: len(data) // 3]))

    monkeypatch.setattr(os, "fdopen", faulty_fdopen(short))
    check_failure(saved, "could not save: it could not be written (short write")


# -- the replace, the sync ----------------------------------------------------------------------------
@pytest.mark.parametrize("step", ["project", "backup"])
def test_replace_failing(saved: tuple[Project, Path, bytes], monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    """As on Windows when Excel, a sync client or antivirus holds the file."""
    project, path, _ = saved
    real_replace = os.replace
    failing = path if step == "project" else backup_path(path)

    def replace(src: Any, dst: Any) -> None:
        if Path(dst) == failing:
            raise PermissionError(errno.EACCES, "Access is denied", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    check_failure(saved, "permission denied: the file is read-only, or open in another program")
    monkeypatch.undo()
    save_elsewhere_works(project, path.parent)


def test_fsync_failing(saved: tuple[Project, Path, bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    def fsync(fd: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", fsync)
    check_failure(saved, "could not save: it could not be written (Input/output error)")


def test_temporary_file_cannot_be_created(saved: tuple[Project, Path, bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder the user may read but not write (simulated: root ignores folder permissions)."""

    def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    check_failure(saved, "permission denied")


# -- read-only target, missing folder, a folder in the way ---------------------------------------------
@pytest.mark.skipif(IS_ROOT, reason="root ignores permission bits; the remount test covers root")
def test_read_only_file_by_permissions(saved: tuple[Project, Path, bytes]) -> None:
    path = saved[1]
    path.chmod(0o444)
    try:
        check_failure(saved, "permission denied: the file is read-only")
    finally:
        path.chmod(0o644)


def test_read_only_file_simulated(saved: tuple[Project, Path, bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    """What a 0444 file looks like to a normal user, also where the tests run as root."""
    path = saved[1]
    real_access = os.access

    def access(target: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        if Path(target) == path and mode & os.W_OK:
            return False
        return real_access(target, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    check_failure(saved, "permission denied: the file is read-only")


def test_read_only_filesystem(tmp_path: Path) -> None:
    """A real read-only disk (a remounted tmpfs): refused even for root."""
    with tmpfs(tmp_path / "ro", "1m") as disk:
        path = disk / "northwind.roadmap"
        project = small_project(1000)
        save_project(project, path)
        done = subprocess.run(["mount", "-o", "remount,ro", str(disk)], capture_output=True)
        if done.returncode != 0:
            pytest.skip("cannot remount read-only here")
        old = path.read_bytes()
        project.engagement.client = "Changed"
        before, in_memory = listing(disk), project_bytes(project)
        message = failed_save(project, path)
        assert_plain_message(message, path.name)
        assert "read-only" in message, message
        assert_nothing_lost(path, old, before, project, in_memory)
        save_elsewhere_works(project, tmp_path)


def test_folder_removed_since_opening(saved: tuple[Project, Path, bytes], tmp_path: Path) -> None:
    """The project was opened from a USB stick or network share that has gone away."""
    project, path, _ = saved
    loaded = load_project(path)
    loaded.engagement.summary = "Edited while the stick was unplugged."
    in_memory = project_bytes(loaded)
    shutil.rmtree(path.parent)
    message = failed_save(loaded, path)
    assert message == "northwind.roadmap: could not save: the folder does not exist"
    assert not path.parent.exists()  # nothing was created in its place
    assert project_bytes(loaded) == in_memory
    rescue = tmp_path.parent / f"{tmp_path.name}-rescue"
    rescue.mkdir()
    save_elsewhere_works(loaded, rescue)
    del project


def test_a_folder_where_the_file_should_be(saved: tuple[Project, Path, bytes]) -> None:
    project, path, _ = saved
    target = path.with_name("taken.roadmap")
    target.mkdir()
    before = listing(path.parent)
    message = failed_save(project, target)
    assert message == "taken.roadmap: could not save: a folder has that name"
    assert listing(path.parent) == before
    assert target.is_dir() and not any(target.iterdir())


def test_text_that_cannot_be_encoded_fails_before_the_disk_is_touched(saved: tuple[Project, Path, bytes]) -> None:
    project, path, old = saved
    before = listing(path.parent)
    project.assessment.capabilities["allocation"].notes = "pasted \udc80 garbage"
    message = failed_save(project, path)
    assert_plain_message(message, path.name)
    assert "the project could not be saved: it holds invalid text" in message
    assert path.read_bytes() == old
    assert listing(path.parent) == before
    assert project.assessment.capabilities["allocation"].notes == "pasted \udc80 garbage"


# -- someone else got there first -------------------------------------------------------------------
OTHER_WRITER = """
import sys
from pathlib import Path
from planner.storage.projectfile import load_project, save_project
path = Path(sys.argv[1])
project = load_project(path)
project.engagement.summary = "Edited by a colleague on the shared drive."
save_project(project, path, keep_backup=False)
"""

HOLDER = """
import sys
from pathlib import Path
from planner.storage.lock import ProjectLock
lock = ProjectLock.acquire(Path(sys.argv[1]))
print("locked", flush=True)
sys.stdin.read()
lock.release()
"""


def test_changed_on_disk_by_another_process_is_not_overwritten_without_asking(
    model: CapabilityModel, tmp_path: Path
) -> None:
    path = tmp_path / "northwind.roadmap"
    save_project(scored_project(model), path, keep_backup=False)
    mine, stamp = load_stamped(path)
    subprocess.run([sys.executable, "-c", OTHER_WRITER, str(path)], cwd=REPO, check=True, timeout=120)
    theirs = path.read_bytes()
    mine.engagement.client = "Northwind Retail Group"
    in_memory, before = project_bytes(mine), listing(tmp_path)

    with pytest.raises(FileChangedError) as caught:
        save_stamped(mine, path, stamp)
    assert_plain_message(str(caught.value), path.name)
    assert "changed on disk since it was opened" in str(caught.value)
    assert_nothing_lost(path, theirs, before, mine, in_memory)

    save_stamped(mine, path, stamp, overwrite=True)  # the user confirmed
    assert path.read_bytes() == in_memory
    assert backup_path(path).read_bytes() == theirs  # the colleague's version is kept


def test_opened_twice_the_second_open_learns_who_holds_it(model: CapabilityModel, tmp_path: Path) -> None:
    path = tmp_path / "northwind.roadmap"
    save_project(scored_project(model), path, keep_backup=False)
    on_disk, before = path.read_bytes(), listing(tmp_path)
    with subprocess.Popen(  # leaving the block closes the pipes and waits for the holder
        [sys.executable, "-c", HOLDER, str(path)], cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as child:
        try:
            assert child.stdout is not None and child.stdout.readline().strip() == "locked"
            with pytest.raises(ProjectLockedError) as caught:
                ProjectLock.acquire(path)
            message = str(caught.value)
            assert_plain_message(message, path.name)
            assert (
                f"it is already open by {caught.value.holder.user or 'an unknown user'} on {platform.node()}" in message
            )
            assert caught.value.holder.pid == child.pid
        finally:
            assert child.stdin is not None
            child.stdin.close()
            child.wait(timeout=60)
    assert path.read_bytes() == on_disk
    assert listing(tmp_path) == before  # the holder released its lock on close
    with ProjectLock.acquire(path) as lock:
        assert lock.taken_over is None
