"""The app killed (SIGKILL) at each step of a save: the file is the complete old or new version.

A child process opens and locks the project, edits it and saves; a hook in the child pauses it at
one step of the atomic write and the test kills it there. The next open then takes over the dead
process's lock and removes its half-written temporary files, so the folder is as it was.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from planner.model.capmodel import CapabilityModel
from planner.storage.atomic import backup_path
from planner.storage.lock import ProjectLock, lock_path, read_lock
from planner.storage.projectfile import load_project, project_bytes, save_project
from tests.factories import scored_project
from tests.reliability import save_child
from tests.reliability.helpers import REPO, listing

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")


def start_child(path: Path, point: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.save_child", str(path), point],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )


@pytest.fixture
def saved(model: CapabilityModel, tmp_path: Path) -> tuple[Path, bytes, bytes]:
    """A saved project; returns its path, its bytes and the bytes the child's edit would save."""
    path = tmp_path / "northwind.roadmap"
    project = scored_project(model)
    save_project(project, path, keep_backup=False)
    old = path.read_bytes()
    save_child.edit(project)
    return path, old, project_bytes(project)


def test_the_child_saves_normally_without_a_pause(saved: tuple[Path, bytes, bytes]) -> None:
    path, _old, new = saved
    child = start_child(path, "none")
    out, err = child.communicate(timeout=120)
    assert child.returncode == 0, err
    assert out.strip() == "SAVED"
    assert path.read_bytes() == new
    assert listing(path.parent) == sorted([path.name, backup_path(path).name])


@pytest.mark.parametrize("point", save_child.POINTS)
def test_killed_during_save_leaves_the_old_or_the_new_file_complete(
    saved: tuple[Path, bytes, bytes], point: str
) -> None:
    path, old, new = saved
    child = start_child(path, point)
    assert child.stdout is not None
    line = child.stdout.readline().strip()
    if line != f"PAUSED {point}":
        child.kill()
        _, err = child.communicate(timeout=60)
        pytest.fail(f"the child did not pause at {point}: {line!r} {err}")
    os.kill(child.pid, signal.SIGKILL)
    child.communicate(timeout=60)
    assert child.returncode == -signal.SIGKILL

    expected = new if point in save_child.NEW_AFTER else old
    assert path.read_bytes() == expected, f"{point}: the project file is neither complete version"
    load_project(path)  # and it opens

    # The dead process's lock is still there, and so may be its temporary files.
    holder = read_lock(path)
    assert holder is not None and holder.pid == child.pid and holder.is_stale()

    # The next open takes the lock over and cleans up after the crash.
    with ProjectLock.acquire(path) as lock:
        assert lock.taken_over is not None and lock.taken_over.pid == child.pid
        names = set(listing(path.parent)) - {lock_path(path).name}
        assert names <= {path.name, backup_path(path).name}, f"{point}: stray files {names}"
        if backup_path(path).name in names:
            assert backup_path(path).read_bytes() == old  # the .bak is always the complete previous file
        if point != "replaced-before-folder-sync":
            assert lock.leftovers_removed, f"{point}: the interrupted save left no temporary file to clean"
    assert listing(path.parent) == sorted(names)
