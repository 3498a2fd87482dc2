"""The open project's file: its path, the lock held on it and the stamp of the version read.

One :class:`ProjectSession` per open project, used alike by the desktop app and by
``planner roadmap --regenerate``, so both lock the file while it is open, notice when someone
else changed it on disk (:mod:`planner.storage.filestamp`) and save atomically with a ``.bak``.
Questions ("open a copy?", "overwrite their changes?") are the caller's: every method either
succeeds or raises a :class:`~planner.storage.errors.ProjectFileError` subclass naming the file,
and leaves the session as it was.

Paths are resolved once, links followed (:func:`real_path`), for locking, saving and comparing.

Decisions: where no lock file can be made (a read-only folder, some network shares) the project
opens without a lock, since refusing would keep the consultant from reading their own file; saving
there reports the real problem. A project opened as a copy, a new project and a recovered project
whose file is locked elsewhere have no path until Save As.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from planner.model.project import Project
from planner.storage.errors import ProjectFileError
from planner.storage.filestamp import FileStamp, load_stamped, save_stamped
from planner.storage.lock import ProjectLock, ProjectLockedError
from planner.storage.projectfile import load_project

__all__ = ["ProjectSession", "real_path", "same_file"]

log = logging.getLogger("planner.storage.session")


def real_path(path: Path) -> Path:
    """The file a path names, links followed: what is locked, saved and compared.

    Saving through a symbolic link then writes the file it points to (the link stays a link), and
    one file opened through two names takes one lock.
    """
    return Path(os.path.realpath(path))


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name the same file (``False`` when either cannot be resolved)."""
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _try_lock(path: Path, *, take_over: bool = False) -> ProjectLock | None:
    """Lock ``path``; ``None`` where no lock file can be made.

    Raises:
        ProjectLockedError: another window or process has it open (and ``take_over`` is false).
    """
    try:
        return ProjectLock.acquire(path, force=take_over)
    except ProjectLockedError:
        raise
    except ProjectFileError:
        log.info("no lock: the lock file cannot be created there")
        return None


class ProjectSession:
    """Path + lock + stamp of one open project (all ``None`` for a project never saved)."""

    def __init__(
        self, path: Path | None = None, lock: ProjectLock | None = None, stamp: FileStamp | None = None
    ) -> None:
        self.path = path
        self.lock = lock
        self.stamp = stamp

    # -- opening -------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path, *, take_over: bool = False) -> tuple[Project, ProjectSession]:
        """Lock a project file and read it.

        Args:
            path: the project file.
            take_over: take the lock of another window that is gone for good.

        Raises:
            ProjectLockedError: it is open elsewhere; nothing is held.
            ProjectFileError: it cannot be read; nothing is held.
        """
        path = real_path(path)
        lock = _try_lock(path, take_over=take_over)
        try:
            project, stamp = load_stamped(path)
        except ProjectFileError:
            if lock is not None:
                lock.release()
            raise
        return project, cls(path, lock, stamp)

    @classmethod
    def open_copy(cls, path: Path) -> tuple[Project, ProjectSession]:
        """Read a project file as an untitled copy: no lock, and Save asks for a new name.

        Raises:
            ProjectFileError: it cannot be read.
        """
        return load_project(Path(path)), cls()

    @classmethod
    def for_recovered(cls, source: Path | None, stamp: FileStamp | None = None) -> ProjectSession:
        """The session of a recovered autosave: on its own file when that file's lock can be taken.

        ``stamp`` is the file as the crashed session last read or wrote it, so the first save asks
        before overwriting changes someone made on disk since. Without the lock (the file is open
        elsewhere) the recovered project has no path.
        """
        if source is None:
            return cls()
        try:
            lock = ProjectLock.acquire(source)
        except ProjectFileError:
            return cls()
        return cls(source, lock, stamp)

    # -- saving --------------------------------------------------------------------------------
    def save(self, project: Project, *, overwrite: bool = False) -> None:
        """Save to the session's file, refusing to overwrite changes made on disk by others.

        Raises:
            FileChangedError: the file changed on disk and ``overwrite`` is false; nothing written.
            ProjectFileError: the save failed; the file on disk is unchanged. Also when there is
                no path yet (the caller asks for one and calls :meth:`save_as`).
        """
        if self.path is None:
            raise ProjectFileError(Path("untitled"), "it has no file yet; choose where to save it")
        self.stamp = save_stamped(project, self.path, self.stamp, overwrite=overwrite)
        if self.lock is not None:
            self.lock.refresh()

    def save_as(self, project: Project, path: Path, *, overwrite: bool = False) -> None:
        """Save to ``path`` and make it the session's file (its lock replaces the old one).

        Saving as the session's own file is :meth:`save`.

        Raises:
            ProjectLockedError: ``path`` is open elsewhere; nothing written.
            FileChangedError: (own file only) see :meth:`save`.
            ProjectFileError: the save failed; the session keeps its old file and lock.
        """
        path = real_path(path)
        if self.path is not None and same_file(self.path, path):
            self.save(project, overwrite=overwrite)
            return
        lock = _try_lock(path)
        try:
            stamp = save_stamped(project, path, None)
        except ProjectFileError:
            if lock is not None:
                lock.release()
            raise
        self.close()
        self.path, self.lock, self.stamp = path, lock, stamp

    def reread(self) -> Project:
        """Read the session's file again (revert), keeping the lock.

        Raises:
            ProjectFileError: it cannot be read (or there is no file); the session is unchanged.
        """
        if self.path is None:
            raise ProjectFileError(Path("untitled"), "it has no file to go back to")
        project, self.stamp = load_stamped(self.path)
        return project

    def close(self) -> None:
        """Give up the file's lock (the project is being closed)."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None
