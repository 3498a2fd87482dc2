"""Each refusal names its real cause: a folder the user cannot write to is not "a read-only file", a
legal long name is not "too long", a pipe or a folder given to ``planner FILE`` is not "missing".

Real faults where this machine allows them (a non-writable folder as a normal user, a read-only
remount and device nodes as root); elsewhere the failing call is patched.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from planner.cli.common import UsageError
from planner.cli.gui import launch_gui
from planner.model.capmodel import CapabilityModel
from planner.model.project import Project
from planner.storage.atomic import backup_path, folder_writable
from planner.storage.errors import ProjectFileError
from planner.storage.projectfile import load_project, project_bytes, save_project
from planner.storage.session import ProjectSession
from tests.factories import scored_project
from tests.reliability.helpers import assert_plain_message, listing
from tests.reliability.test_save_faults import IS_ROOT, small_project, tmpfs

NAME_MAX = 255


def refused(project: Project, path: Path) -> str:
    with pytest.raises(ProjectFileError) as caught:
        save_project(project, path)
    message = str(caught.value)
    assert_plain_message(message, path.name)
    return message


@pytest.fixture
def project(model: CapabilityModel) -> Project:
    return scored_project(model)


# -- a folder the user cannot write to, a read-only file, a read-only disk ---------------------------
def test_folder_refusing_new_files_is_named_as_the_folder(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "Client share"
    folder.mkdir()
    path = folder / "northwind.roadmap"
    save_project(project, path)
    old = path.read_bytes()

    def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    message = refused(project, path)
    assert message == (
        "northwind.roadmap: could not save: permission denied: you cannot write to the folder 'Client share'; "
        "save it in another folder"
    )
    assert "read-only" not in message and "another program" not in message
    assert path.read_bytes() == old


@pytest.mark.skipif(IS_ROOT, reason="root ignores folder permissions; the simulated test covers it")
def test_folder_refusing_new_files_for_real(project: Project, tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "northwind.roadmap"
    save_project(project, path)
    folder.chmod(0o555)
    try:
        assert not folder_writable(folder)
        assert "you cannot write to the folder 'locked'" in refused(project, path)
    finally:
        folder.chmod(0o755)


def test_read_only_file_is_named_as_the_file(project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "northwind.roadmap"
    save_project(project, path)
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode, *a, **k: False if Path(p) == path else real_access(p, mode, *a, **k)
    )
    message = refused(project, path)
    assert message == (
        "northwind.roadmap: could not save: permission denied: the file is read-only; "
        "make it writable, or save under another name"
    )


def test_read_only_disk_is_named_as_the_disk(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "ro", "1m") as disk:
        existing, new = disk / "old.roadmap", disk / "new.roadmap"
        project = small_project(1000)
        save_project(project, existing)
        if subprocess.run(["mount", "-o", "remount,ro", str(disk)], capture_output=True).returncode != 0:
            pytest.skip("cannot remount read-only here")
        assert not folder_writable(disk)
        assert refused(project, existing) == "old.roadmap: could not save: the disk is read-only"
        assert refused(project, new) == "new.roadmap: could not save: the disk is read-only"


# -- not a file: a named pipe, a device ---------------------------------------------------------------
def test_a_named_pipe_is_never_written_over(project: Project, tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.roadmap"
    os.mkfifo(pipe)
    before = listing(tmp_path)
    assert refused(project, pipe) == "pipe.roadmap: could not save: it is a named pipe, not a file; choose a file name"
    assert listing(tmp_path) == before


def test_a_device_is_never_written_over(project: Project, tmp_path: Path) -> None:
    """As root a device node's folder is writable: os.replace would swap the device for a file."""
    device = tmp_path / "null.roadmap"
    try:
        os.mknod(device, 0o666 | 0o020000, os.makedev(1, 3))  # a character device, like /dev/null
    except (PermissionError, AttributeError):
        pytest.skip("making a device node needs root")
    assert refused(project, device) == "null.roadmap: could not save: it is a device, not a file; choose a file name"
    assert os.stat(device).st_rdev == os.makedev(1, 3)


# -- long names -------------------------------------------------------------------------------------
def _name(length: int) -> str:
    return "n" * (length - len(".roadmap")) + ".roadmap"


@pytest.mark.parametrize("length", [245, 250, 251])
def test_a_long_legal_name_saves_twice_and_reopens(project: Project, tmp_path: Path, length: int) -> None:
    """The temporary file's name is short when the long one would not fit: any legal name saves."""
    path = tmp_path / _name(length)
    save_project(project, path)
    project.engagement.client = "Changed"
    save_project(project, path)  # second save: the backup too
    assert load_project(path).engagement.client == "Changed"
    assert backup_path(path).is_file()
    assert sorted(listing(tmp_path)) == sorted([path.name, backup_path(path).name])


def test_a_long_legal_name_through_the_session_the_app_uses(project: Project, tmp_path: Path) -> None:
    path = tmp_path / _name(245)
    session = ProjectSession()
    try:
        session.save_as(project, path)
        project.engagement.summary = "Edited"
        session.save(project)
    finally:
        session.close()
    assert load_project(path).engagement.summary == "Edited"


def test_a_name_with_no_room_for_its_backup_says_so(project: Project, tmp_path: Path) -> None:
    path = tmp_path / _name(NAME_MAX)
    save_project(project, path)  # a new file needs no backup
    old = path.read_bytes()
    project.engagement.client = "Changed"
    message = refused(project, path)
    assert message.endswith(
        "could not save: the name is too long to keep the previous version beside it as <name>.bak; use a shorter name"
    )
    assert path.read_bytes() == old
    save_project(project, path, keep_backup=False)
    assert path.read_bytes() == project_bytes(project)


def test_too_long_means_the_name_itself(project: Project, tmp_path: Path) -> None:
    path = tmp_path / _name(NAME_MAX + 1)
    assert refused(project, path).endswith("could not save: the file name is too long")


# -- planner FILE: what the path really is ------------------------------------------------------------
def test_launching_on_something_that_is_not_a_project_file(tmp_path: Path) -> None:
    pipe, folder = tmp_path / "pipe.roadmap", tmp_path / "folder.roadmap"
    os.mkfifo(pipe)
    folder.mkdir()
    cases = {
        pipe: "pipe.roadmap: it is a named pipe, not a project file",
        folder: "folder.roadmap: it is a folder, not a project file",
        tmp_path / "gone.roadmap": "gone.roadmap: the file does not exist",
    }
    if os.path.exists("/dev/null"):
        cases[Path("/dev/null")] = "null: it is a device, not a project file"
    for path, expected in cases.items():
        with pytest.raises(UsageError) as caught:
            launch_gui(path)
        assert str(caught.value) == expected


def test_launching_on_a_pipe_answers_at_once(tmp_path: Path) -> None:
    """A real process: no window, no hang on the pipe, one line and exit code 2."""
    pipe = tmp_path / "pipe.roadmap"
    os.mkfifo(pipe)
    done = subprocess.run([sys.executable, "-m", "planner", str(pipe)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.strip() == "planner: pipe.roadmap: it is a named pipe, not a project file"
