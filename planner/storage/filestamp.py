"""Notice when a project file was changed on disk since it was opened, before overwriting it.

A :class:`FileStamp` (size, ``mtime_ns``, SHA-256 of the content) is taken when a project is
opened (:func:`load_stamped`) and after every save (:func:`save_stamped`). Before the next save,
:func:`changed_since` compares the file on disk with the stamp: if another program, a colleague on
a shared folder or a sync tool wrote it meanwhile, the save is refused with
:class:`FileChangedError` until the user confirms (``overwrite=True``). The previous file is then
still kept as ``<name>.bak``, so even the other version is not lost.

Decisions: size and modification time equal means unchanged (no hashing on the common path);
when they differ, the content hash decides, so a file that was only touched or rewritten with
identical bytes (sync tools do this) raises no alarm. A file deleted or moved since it was opened
also counts as changed: the user is asked before it is written again. The check and the save are
two steps, so a write landing in between is not noticed; that window is a few milliseconds.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from planner.model.project import Project
from planner.storage.atomic import backup_path, describe_os_error
from planner.storage.errors import ProjectFileError
from planner.storage.projectfile import load_project, save_project

__all__ = ["FileChangedError", "FileStamp", "changed_since", "load_stamped", "save_stamped", "stamp_file"]

_CHUNK = 1024 * 1024
_ATTEMPTS = 3


@dataclass(frozen=True, slots=True)
class FileStamp:
    """What a file was when it was last read or written by this app."""

    size: int
    mtime_ns: int
    sha256: str


def stamp_file(path: Path) -> FileStamp:
    """Return the stamp of a file as it is now.

    Raises:
        OSError: the file cannot be read.
    """
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        before = os.fstat(handle.fileno())
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(chunk)
    return FileStamp(before.st_size, before.st_mtime_ns, digest.hexdigest())


def changed_since(path: Path, stamp: FileStamp) -> str | None:
    """Return why the file on disk is no longer the one stamped, or ``None`` if it is the same.

    The reason is worded for a user, without the file name (callers name the file).
    """
    path = Path(path)
    try:
        now = path.stat()
    except FileNotFoundError:
        return "it was deleted, moved or renamed since it was opened"
    except OSError:
        return None  # unreadable now: the save itself reports the problem
    if now.st_size == stamp.size and now.st_mtime_ns == stamp.mtime_ns:
        return None
    try:
        current = stamp_file(path)
    except OSError:
        return None
    if current.sha256 == stamp.sha256:
        return None
    return "it was changed on disk since it was opened (by another program, another person or a sync tool)"


class FileChangedError(ProjectFileError):
    """Saving would overwrite changes made on disk by someone else; ask before saving again."""


def load_stamped(path: Path) -> tuple[Project, FileStamp]:
    """Open a project file and stamp exactly the version that was read.

    If the file changes while it is being read, it is read again (up to three times).

    Raises:
        ProjectFileError: the file cannot be opened (as :func:`load_project` says).
    """
    path = Path(path)
    for _ in range(_ATTEMPTS):
        try:
            before = path.stat()
        except OSError:
            before = None
        project = load_project(path)
        try:
            stamp = stamp_file(path)
        except OSError as exc:
            raise ProjectFileError(path, f"it cannot be read: {describe_os_error(exc)}") from None
        if before is not None and (before.st_size, before.st_mtime_ns) == (stamp.size, stamp.mtime_ns):
            return project, stamp
    raise ProjectFileError(
        path, "it keeps changing while it is being read; try again when it is no longer being written"
    )


def save_stamped(
    project: Project, path: Path, stamp: FileStamp | None, *, overwrite: bool = False, keep_backup: bool = True
) -> FileStamp:
    """Save a project unless the file changed on disk since ``stamp``; return the new stamp.

    Args:
        project: what to save.
        path: the project file.
        stamp: the stamp from opening or the last save; ``None`` for a file never opened here
            (Save As, where the file dialog already asked about overwriting).
        overwrite: save even if the file changed (the user confirmed).
        keep_backup: keep the previous file as ``<name>.bak``.

    Raises:
        FileChangedError: the file changed and ``overwrite`` is false; nothing was written.
        ProjectFileError: the save failed; the file on disk is unchanged.
    """
    path = Path(path)
    if stamp is not None and not overwrite:
        reason = changed_since(path, stamp)
        if reason is not None:
            if not path.exists():
                raise FileChangedError(path, f"{reason}; saving now writes it again where it was")
            keep = f"; saving anyway keeps that version as {backup_path(path).name}" if keep_backup else ""
            raise FileChangedError(path, f"{reason}; saving now would overwrite those changes{keep}")
    save_project(project, path, keep_backup=keep_backup)
    try:
        return stamp_file(path)
    except OSError as exc:
        raise ProjectFileError(path, f"it was saved but cannot be read back: {describe_os_error(exc)}") from None
