"""A process that opens a project, edits it and saves it, pausing at a chosen point to be killed.

Run as ``python -m tests.reliability.save_child FILE POINT``. The pause is a hook patched into the
standard-library functions the atomic writer calls, in this process only; production code has no
test hooks. At the point it prints ``PAUSED <point>`` and sleeps until killed. With the point
``none`` it saves normally and prints ``SAVED``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from planner.model.project import Project
from planner.storage.atomic import backup_path
from planner.storage.lock import ProjectLock
from planner.storage.projectfile import load_project, save_project

POINTS = (
    "temp-created",  # the temporary file exists and is empty
    "mid-write",  # half of the new content is in the temporary file
    "written-before-fsync",  # all of it is written, not yet forced to disk
    "fsynced-before-backup",  # the temporary file is complete and synced; the .bak copy comes next
    "fsynced-before-replace",  # .bak is written; the temporary file is about to replace the project
    "replaced-before-folder-sync",  # the project file is already the new version
)
#: The points after which the file on disk is the new version.
NEW_AFTER = {"replaced-before-folder-sync"}


def edit(project: Project) -> None:
    """The edit the child saves (the test applies it too, to know the new bytes)."""
    project.engagement.client = "Northwind Retail (after the workshop)"
    for i, found in enumerate(project.assessment.capabilities.values()):
        found.notes = f"Revised after the workshop, finding {i}. " * 40


def _pause(point: str) -> None:
    print(f"PAUSED {point}", flush=True)
    time.sleep(600)
    raise SystemExit(3)  # never reached: the test kills this process


def _install(point: str, target: Path) -> None:
    real_mkstemp = tempfile.mkstemp
    real_fdopen = os.fdopen
    real_fsync = os.fsync
    real_replace = os.replace
    state = {"fsyncs": 0}

    def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        result = real_mkstemp(*args, **kwargs)
        if point == "temp-created":
            _pause(point)
        return result

    class HalfThenPause:
        def __init__(self, handle: IO[bytes]) -> None:
            self._handle = handle

        def write(self, data: bytes) -> int:
            half = len(data) // 2
            self._handle.write(data[:half])
            self._handle.flush()
            _pause(point)
            return half

        def __enter__(self) -> HalfThenPause:
            return self

        def __exit__(self, *exc: object) -> None:
            self._handle.close()

        def __getattr__(self, name: str) -> Any:
            return getattr(self._handle, name)

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        handle = real_fdopen(fd, *args, **kwargs)
        if point == "mid-write":
            return HalfThenPause(handle)
        return handle

    def fsync(fd: int) -> None:
        state["fsyncs"] += 1
        if point == "written-before-fsync" and state["fsyncs"] == 1:
            _pause(point)
        real_fsync(fd)

    def replace(src: Any, dst: Any) -> None:
        dst_path = Path(dst)
        if point == "fsynced-before-backup" and dst_path == backup_path(target):
            _pause(point)
        if point == "fsynced-before-replace" and dst_path == target:
            _pause(point)
        real_replace(src, dst)
        if point == "replaced-before-folder-sync" and dst_path == target:
            _pause(point)

    patches: dict[str, Callable[..., Any]] = {"fdopen": fdopen, "fsync": fsync, "replace": replace}
    tempfile.mkstemp = mkstemp  # type: ignore[assignment]
    for name, func in patches.items():
        setattr(os, name, func)


def main(argv: list[str]) -> int:
    """Open, lock, edit and save ``argv[0]``, pausing at ``argv[1]``."""
    target = Path(argv[0]).resolve()
    point = argv[1]
    lock = ProjectLock.acquire(target)
    project = load_project(target)
    edit(project)
    if point != "none":
        _install(point, target)
    save_project(project, target)
    lock.release()
    print("SAVED", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
