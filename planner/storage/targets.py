"""Check where exports are about to go, before anything is written: never over something precious.

Both the export dialog and ``planner export`` call :func:`check_targets` with every file of one
export run and the files the caller protects (:func:`protected_files`: the open project, its
``.bak`` and its lock; the app adds its autosave folder). A target is refused when it is:

- one of the protected files, compared as real paths (links followed) and, when both exist, as
  the same file on disk (a hard link is the project too);
- inside the autosave folder (those files are the app's, for crash recovery);
- the target of another format of the same run (two formats into one file);
- an existing folder, or anything that is not a regular file (a device such as ``/dev/null`` or a
  disk, even as root; a FIFO, whose reader would block; a socket);
- an existing project, project backup or lock file of this app, whatever its name or suffix: the
  first bytes are sniffed for the format marker (``planner export client.xlsx`` where
  ``client.xlsx`` is really a project).

Decisions: an existing *export* (any other regular file) is not refused here; the app asks before
replacing it and the command line replaces it only with ``--force`` (:func:`existing_targets`). Sniffing
opens the file without blocking and only after ``stat`` says it is a regular file, so a FIFO is
never opened. A target that cannot be examined (no permission to ``stat``) is left to the writer,
which reports its own error. This module is Qt-free and writes nothing.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from planner.storage.atomic import backup_path, special_kind
from planner.storage.lock import lock_path
from planner.storage.session import real_path

__all__ = ["Protected", "TargetRefused", "check_targets", "existing_targets", "protected_files"]

#: How much of an existing file is read to recognise a project, backup or lock file.
SNIFF_BYTES = 64 * 1024
#: The format marker of project files (``finops-roadmap-planner``) and of lock files (``...-lock``).
_PROJECT_MARKER = re.compile(rb'"format"\s*:\s*"finops-roadmap-planner')


@dataclass(frozen=True, slots=True)
class Protected:
    """A file no export may replace, and how to name it to the user ("the open project file")."""

    path: Path
    what: str


class TargetRefused(Exception):
    """An export target is refused; the message names the file and the reason, fit for a user.

    Nothing was written.
    """

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path.name}: {reason}; choose another name for the export (nothing was written)")


def protected_files(project: Path | None) -> list[Protected]:
    """Return the files of an open project that exports must leave alone: the file, its backup, its lock.

    Each is protected under the name given and under the real path (links followed), since the
    backup and the lock sit beside the file the link points to.
    """
    if project is None:
        return []
    found: list[Protected] = []
    for path in dict.fromkeys([Path(project), real_path(Path(project))]):
        found += [
            Protected(path, "that is the open project file itself"),
            Protected(backup_path(path), "that is the backup of the open project (.bak)"),
            Protected(lock_path(path), "that is the lock file of the open project"),
        ]
    return found


def check_targets(
    targets: Sequence[Path], protected: Iterable[Protected] = (), *, autosave_folder: Path | None = None
) -> None:
    """Refuse export targets that would replace something precious (see the module's list).

    Args:
        targets: every file one export run is about to write.
        protected: files no export may replace (:func:`protected_files`).
        autosave_folder: the app's autosave folder (nothing in it may be an export target).

    Raises:
        TargetRefused: the first refused target, naming the file and the reason.
    """
    guarded = list(protected)
    seen: dict[Path, Path] = {}
    for target in targets:
        real = real_path(target)
        first = seen.setdefault(real, target)
        if first is not target:
            raise TargetRefused(target, "two formats of this export would go to the same file")
        for item in guarded:
            if real == real_path(item.path) or _same_existing(real, item.path):
                raise TargetRefused(target, item.what)
        if autosave_folder is not None and real.parent == real_path(autosave_folder):
            raise TargetRefused(target, "that folder holds the app's autosave files")
        _check_existing(target, real)


def existing_targets(targets: Sequence[Path]) -> list[Path]:
    """Return the targets that exist already (an export would replace them: the app asks first)."""
    return [target for target in targets if os.path.lexists(target)]


def _same_existing(a: Path, b: Path) -> bool:
    """Whether two existing paths are one file on disk (hard links); ``False`` if either is missing."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _check_existing(target: Path, real: Path) -> None:
    """Refuse an existing target that is a folder, not a regular file, or a file of this app."""
    try:
        info = os.stat(real)
    except OSError:
        return  # missing (the usual case), or not examinable: the writer reports its own error
    if stat.S_ISDIR(info.st_mode):
        raise TargetRefused(target, "a folder has that name")
    kind = special_kind(real)
    if kind is not None:
        raise TargetRefused(target, f"that is {kind}, not a regular file")
    head = _head(real)
    if head is not None and _PROJECT_MARKER.search(head):
        raise TargetRefused(target, "that is a FinOps Roadmap Planner project (or its backup or lock), not an export")


def _head(path: Path) -> bytes | None:
    """Return the first bytes of a regular file without ever blocking; ``None`` if it cannot be read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # replaced since the stat: read nothing
            return None
        with contextlib.suppress(OSError):
            return os.read(fd, SNIFF_BYTES)
        return None
    finally:
        os.close(fd)
