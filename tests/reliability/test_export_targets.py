"""Export targets that would replace something precious: refused before anything is written.

The same check serves the export dialog and ``planner export``
(:func:`planner.storage.targets.check_targets`). Here through the command line, as a script or a
tired consultant would type it: the project itself (directly, through a link, through a hard
link), its ``.bak`` and lock, both formats into one file, a project file under an export's name,
a folder, a FIFO and a device. Each exits 2 with one line naming the file and the reason, and
every file in the folder is byte for byte as before. An existing export is still replaced.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

from planner.cli import main
from planner.model.capmodel import CapabilityModel
from planner.storage.atomic import backup_path
from planner.storage.lock import lock_path
from planner.storage.projectfile import save_project
from planner.storage.targets import Protected, TargetRefused, check_targets, protected_files
from tests.factories import scored_project


@pytest.fixture
def project_file(model: CapabilityModel, tmp_path: Path) -> Path:
    path = tmp_path / "client.roadmap"
    save_project(scored_project(model), path, keep_backup=False)
    return path


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry of a folder: a regular file's bytes, else its kind."""
    found: dict[str, bytes | str] = {}
    for entry in sorted(folder.iterdir()):
        if entry.is_symlink():
            found[entry.name] = f"link to {os.readlink(entry)}"
        elif entry.is_file():
            found[entry.name] = entry.read_bytes()
        else:
            found[entry.name] = "folder" if entry.is_dir() else "special"
    return found


def refused(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """Run ``planner export`` expecting a refusal; return its one line."""
    assert main(["export", *args]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert err[0].endswith("(nothing was written)") or "not a regular file" in err[0], err
    return err[0]


def test_the_project_itself_its_backup_and_its_lock(project_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    backup_path(project_file).write_bytes(project_file.read_bytes())
    lock_path(project_file).write_text('{"format": "finops-roadmap-planner-lock", "pid": 1}')
    before = snapshot(project_file.parent)
    cases = [
        (project_file, "the open project file itself"),
        (backup_path(project_file), "the backup of the open project"),
        (lock_path(project_file), "the lock file of the open project"),
    ]
    for target, reason in cases:
        for option in ("--xlsx", "--pdf"):
            line = refused(capsys, str(project_file), option, str(target))
            assert line.startswith(f"planner: {target.name}: ") and reason in line, line
    assert snapshot(project_file.parent) == before


def test_the_project_through_a_symlink_and_a_hard_link(
    project_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "alias.xlsx").symlink_to(project_file)
    os.link(project_file, tmp_path / "hard.pdf")
    before = snapshot(tmp_path)
    assert "project file itself" in refused(capsys, str(project_file), "--xlsx", str(tmp_path / "alias.xlsx"))
    assert "project file itself" in refused(capsys, str(project_file), "--pdf", str(tmp_path / "hard.pdf"))
    # and the project named through a link: its lock and backup sit beside the real file
    link = tmp_path / "via-link.roadmap"
    link.symlink_to(project_file)
    assert "project file itself" in refused(capsys, str(link), "--pdf", str(project_file))
    assert "backup" in refused(capsys, str(link), "--pdf", str(backup_path(project_file)))
    assert snapshot(tmp_path) == {**before, "via-link.roadmap": f"link to {project_file}"}


def test_both_formats_into_one_file(project_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "report.out"
    line = refused(capsys, str(project_file), "--xlsx", str(target), "--pdf", str(target))
    assert "two formats of this export would go to the same file" in line
    assert not target.exists()


def test_an_export_name_that_is_really_a_project(
    project_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other-client.xlsx"  # a project saved under an export's name
    shutil.copyfile(project_file, other)
    before = snapshot(tmp_path)
    line = refused(capsys, str(project_file), "--xlsx", str(other))
    assert "other-client.xlsx" in line and "is a FinOps Roadmap Planner project" in line
    assert snapshot(tmp_path) == before


def test_a_folder_a_fifo_and_a_device(project_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "folder.pdf").mkdir()
    os.mkfifo(tmp_path / "pipe.xlsx")
    before = snapshot(tmp_path)
    assert "a folder has that name" in refused(capsys, str(project_file), "--pdf", str(tmp_path / "folder.pdf"))
    stop = threading.Timer(20, lambda: os.close(os.open(tmp_path / "pipe.xlsx", os.O_RDONLY | os.O_NONBLOCK)))
    stop.start()  # if anything ever opened the FIFO for writing, unblock it instead of hanging the suite
    try:
        assert "a named pipe, not a regular file" in refused(
            capsys, str(project_file), "--xlsx", str(tmp_path / "pipe.xlsx")
        )
    finally:
        stop.cancel()
    null = os.stat(os.devnull)
    assert "a device, not a regular file" in refused(capsys, str(project_file), "--pdf", os.devnull)
    assert os.stat(os.devnull).st_rdev == null.st_rdev and not Path(os.devnull).is_file()
    assert snapshot(tmp_path) == before


def test_an_existing_export_is_replaced_only_with_force(project_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    xlsx = project_file.with_suffix(".xlsx")
    xlsx.write_bytes(b"an earlier export")
    assert main(["export", str(project_file), "--xlsx", str(xlsx)]) == 2
    assert "client.xlsx: exists already; add --force to replace it" in capsys.readouterr().err
    assert xlsx.read_bytes() == b"an earlier export"
    assert main(["export", str(project_file), "--xlsx", str(xlsx), "--force"]) == 0
    assert xlsx.read_bytes()[:2] == b"PK"


def test_the_check_itself_refuses_the_autosave_folder_and_passes_new_files(tmp_path: Path) -> None:
    autosaves = tmp_path / "autosave"
    autosaves.mkdir()
    with pytest.raises(TargetRefused, match="autosave"):
        check_targets([autosaves / "x.pdf"], autosave_folder=autosaves)
    check_targets([tmp_path / "new.xlsx", tmp_path / "new.pdf"], protected_files(tmp_path / "p.roadmap"))
    guarded = [Protected(tmp_path / "keep.txt", "that is kept")]
    with pytest.raises(TargetRefused, match=r"^keep\.txt: that is kept; choose another name"):
        check_targets([tmp_path / "keep.txt"], guarded)
