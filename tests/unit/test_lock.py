"""The project lock: who holds it, live versus stale holders, take-over and release."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from planner import __version__
from planner.storage.errors import ProjectFileError
from planner.storage.lock import (
    LOCK_FORMAT,
    STALE_AFTER,
    LockInfo,
    ProjectLock,
    ProjectLockedError,
    lock_path,
    read_lock,
    remove_leftovers,
)

HOLDER = """
import sys
from pathlib import Path
from planner.storage.lock import ProjectLock
lock = ProjectLock.acquire(Path(sys.argv[1]))
print("locked", flush=True)
sys.stdin.read()
lock.release()
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "acme.roadmap"
    path.write_text("{}", encoding="utf-8")
    return path


def write_lock(project: Path, **fields: object) -> Path:
    doc: dict[str, object] = {
        "format": LOCK_FORMAT,
        "user": "jane",
        "host": platform.node(),
        "pid": os.getpid(),
        "app_version": "0.0.1",
        "time": dt.datetime.now(dt.UTC).isoformat(),
    }
    doc.update(fields)
    path = lock_path(project)
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def start_holder(project: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(project)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "locked"
    return child


def test_lock_file_sits_beside_the_project_and_names_the_holder(project: Path) -> None:
    with ProjectLock.acquire(project) as lock:
        assert lock.path == project.parent / ".acme.roadmap.lock"
        doc = json.loads(lock.path.read_text(encoding="utf-8"))
        assert doc["format"] == LOCK_FORMAT
        assert doc["pid"] == os.getpid()
        assert doc["host"] == platform.node()
        assert doc["app_version"] == __version__
        assert set(doc) == {"format", "user", "host", "pid", "app_version", "time"}
        assert dt.datetime.now(dt.UTC) - dt.datetime.fromisoformat(doc["time"]) < dt.timedelta(minutes=1)
        info = read_lock(project)
        assert info is not None and info.is_ours() and not info.is_stale()
        assert lock.taken_over is None
    assert not lock.path.exists()
    assert read_lock(project) is None


def test_second_open_in_the_same_process_is_refused(project: Path) -> None:
    lock = ProjectLock.acquire(project)
    with pytest.raises(ProjectLockedError) as caught:
        ProjectLock.acquire(project)
    assert str(caught.value).startswith("acme.roadmap: it is already open in this application")
    assert caught.value.holder.pid == os.getpid()
    lock.release()
    lock.release()  # twice is harmless
    ProjectLock.acquire(project).release()


def test_a_live_holder_in_another_process_is_named_then_the_lock_is_free_after_it_closes(project: Path) -> None:
    child = start_holder(project)
    try:
        with pytest.raises(ProjectLockedError) as caught:
            ProjectLock.acquire(project)
        holder = caught.value.holder
        assert holder.pid == child.pid
        assert not holder.is_stale()
        message = str(caught.value)
        assert f"on {platform.node()} since " in message
        assert "\n" not in message
    finally:
        assert child.stdin is not None
        child.stdin.close()
        child.wait(timeout=30)
    assert read_lock(project) is None
    ProjectLock.acquire(project).release()


def test_a_crashed_holder_on_this_host_is_taken_over(project: Path) -> None:
    child = start_holder(project)
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    assert lock_path(project).exists()  # a killed process cannot clean up
    with ProjectLock.acquire(project) as lock:
        assert lock.taken_over is not None and lock.taken_over.pid == child.pid
        info = read_lock(project)
        assert info is not None and info.is_ours()


def test_force_takes_a_live_lock_and_the_old_holder_then_leaves_it_alone(project: Path) -> None:
    first = ProjectLock.acquire(project)
    second = ProjectLock.acquire(project, force=True)
    assert second.taken_over is not None and second.taken_over.pid == os.getpid()
    assert not first.held and second.held
    first.refresh()
    first.release()  # must not delete the lock that is no longer its own
    assert second.held
    second.release()
    assert not lock_path(project).exists()


def test_another_hosts_lock_is_respected_until_it_is_old(project: Path) -> None:
    write_lock(project, host="consultant-laptop-7", pid=4242, user="jane")
    with pytest.raises(ProjectLockedError) as caught:
        ProjectLock.acquire(project)
    assert "by jane on consultant-laptop-7 since " in str(caught.value)
    old = dt.datetime.now(dt.UTC) - STALE_AFTER - dt.timedelta(minutes=1)
    write_lock(project, host="consultant-laptop-7", pid=4242, time=old.isoformat())
    with ProjectLock.acquire(project) as lock:
        assert lock.taken_over is not None and lock.taken_over.host == "consultant-laptop-7"


def test_same_host_dead_pid_is_stale_and_live_pid_is_not() -> None:
    now = dt.datetime.now(dt.UTC)
    host = platform.node()
    assert LockInfo("a", host, dead_pid(), "1", now).is_stale()
    assert not LockInfo("a", host, os.getpid(), "1", now).is_stale()
    assert LockInfo("a", host, 0, "1", now).is_stale()
    assert not LockInfo("a", "elsewhere", 1, "1", now).is_stale(now=now + STALE_AFTER)
    assert LockInfo("a", "elsewhere", 1, "1", now).is_stale(now=now + STALE_AFTER + dt.timedelta(seconds=1))


@pytest.mark.parametrize("content", [b"", b"\x00\xff garbage", b'{"format": "something else"}', b'{"format": "x'])
def test_a_damaged_lock_is_held_briefly_then_taken_over(project: Path, content: bytes) -> None:
    path = lock_path(project)
    path.write_bytes(content)
    with pytest.raises(ProjectLockedError) as caught:
        ProjectLock.acquire(project)
    assert "the lock file is damaged" in str(caught.value)
    past = time.time() - 60
    os.utime(path, (past, past))
    with ProjectLock.acquire(project) as lock:
        assert lock.taken_over is not None and not lock.taken_over.readable


def test_refresh_rewrites_the_time(project: Path) -> None:
    with ProjectLock.acquire(project) as lock:
        first = read_lock(project)
        time.sleep(0.01)
        lock.refresh()
        second = read_lock(project)
        assert first is not None and second is not None
        assert second.time > first.time
        assert lock.held


def test_a_lock_that_cannot_be_created_is_a_plain_project_file_error(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError) as caught:
        ProjectLock.acquire(tmp_path / "missing-folder" / "acme.roadmap")
    assert str(caught.value) == "acme.roadmap: the lock file cannot be created: the folder does not exist"


def test_only_one_of_several_processes_takes_a_stale_lock(project: Path) -> None:
    write_lock(project, pid=dead_pid())
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(project)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    try:
        outcomes = []
        for child in racers:
            assert child.stdout is not None
            line = child.stdout.readline().strip()
            if line != "locked":
                child.wait(timeout=30)
                assert child.stderr is not None
                line = child.stderr.read().strip().splitlines()[-1]
            outcomes.append(line)
        assert outcomes.count("locked") == 1, outcomes
        assert all(o == "locked" or "ProjectLockedError" in o for o in outcomes), outcomes
    finally:
        for child in racers:
            if child.poll() is None:
                assert child.stdin is not None
                child.stdin.close()
                child.wait(timeout=30)


def test_leftovers_of_an_interrupted_save_are_removed_and_nothing_else(project: Path) -> None:
    folder = project.parent
    leftovers = [folder / ".acme.roadmap.ab12_x9z.tmp", folder / ".acme.roadmap.bak.q1w2e3r4.tmp"]
    keep = [
        folder / ".acme.roadmap.lock",
        folder / "acme.roadmap.bak",
        folder / ".other.roadmap.ab12_x9z.tmp",
        folder / ".acme.roadmap.toolongname.tmp",
        folder / "notes.tmp",
    ]
    for path in leftovers + keep:
        path.write_text("x", encoding="utf-8")
    assert remove_leftovers(project) == []  # too recent: may belong to a save in progress
    past = time.time() - 120
    for path in leftovers + keep:
        os.utime(path, (past, past))
    assert sorted(remove_leftovers(project)) == sorted(leftovers)
    assert all(p.exists() for p in keep)
    assert project.exists()
