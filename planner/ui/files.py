"""New, Open, Save, Save As, Revert and "save changes?" for the main window.

Every question and error goes through QMessageBox/QFileDialog statics, so tests patch them. A
failed open leaves the current project as it was; a failed save shows the ProjectFileError text
and leaves the project unsaved (and the window open). Opening a file that is already open simply
shows it. Paths chosen without the ``.roadmap`` suffix get it.

An open project holds the file's lock (:mod:`planner.storage.lock`); a file open elsewhere can be
opened as an untitled copy, or taken over when the other window is gone. Where no lock file can be
made (a read-only folder), the project opens without one. Saving checks the file's stamp
(:mod:`planner.storage.filestamp`) and asks before overwriting changes made on disk by others.
The demo opens as an untitled copy, so the shipped file is never overwritten.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from planner.model.limits import DEFAULT_MODEL, PROJECT_SUFFIX

if TYPE_CHECKING:
    from planner.model.project import Project
    from planner.storage.filestamp import FileStamp
    from planner.storage.lock import ProjectLock
    from planner.ui.document import Document
    from planner.ui.mainwindow import MainWindow

__all__ = ["PROJECT_SUFFIX", "FileController", "new_project"]


log = logging.getLogger("planner.ui.files")
_FILTER = f"FinOps roadmap projects (*{PROJECT_SUFFIX});;All files (*)"
_Button = QMessageBox.StandardButton


def new_project(model_id: str = DEFAULT_MODEL) -> Project:
    """Return an unscored project on a bundled model, dated today, with equal lens weights."""
    from planner.model.project import Assessment, Engagement, Project, Roadmap, default_phases
    from planner.storage.models import load_bundled_model

    model = load_bundled_model(model_id)
    return Project(
        model=model,
        engagement=Engagement(assessment_date=dt.date.today().isoformat()),
        assessment=Assessment(lens_weights=dict.fromkeys(model.lens_ids, 1.0)),
        roadmap=Roadmap(phases=default_phases(model)),
    )


class FileController:
    """The file operations of one main window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    @property
    def doc(self) -> Document | None:
        """The window's document."""
        return self.window.doc

    # -- questions -------------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask to save unsaved changes; return False when the user cancels or the save fails."""
        doc = self.doc
        if doc is None or not doc.modified:
            return True
        answer = QMessageBox.question(
            self.window,
            "Unsaved changes",
            f"{doc.display_name} has unsaved changes. Save them first?",
            _Button.Save | _Button.Discard | _Button.Cancel,
            _Button.Save,
        )
        if answer == _Button.Save:
            return self.save()
        return answer == _Button.Discard

    def _error(self, title: str, message: str) -> None:
        QMessageBox.warning(self.window, title, message)

    # -- new / open ------------------------------------------------------------------------------
    def new(self) -> bool:
        """Start a new, unscored project (after asking about unsaved changes)."""
        if not self.maybe_save():
            return False
        from planner.storage.models import bundled_models
        from planner.ui.document import Document

        model_id = DEFAULT_MODEL
        models = bundled_models()
        if len(models) > 1:
            names = [f"{m.name} ({m.id})" for m in models]
            choice, ok = QInputDialog.getItem(self.window, "New project", "Capability model:", names, 0, False)
            if not ok:
                return False
            model_id = models[names.index(choice)].id
        self.window.set_document(Document(new_project(model_id)))
        self.window.show_page("engagement")
        return True

    def open_dialog(self) -> bool:
        """Ask for a project file and open it."""
        folder = self.window.settings.last_folder
        name, _ = QFileDialog.getOpenFileName(self.window, "Open project", str(folder or Path.home()), _FILTER)
        return bool(name) and self.open_path(Path(name))

    def open_path(self, path: Path, *, remember: bool = True) -> bool:
        """Open a project file (after asking about unsaved changes); errors are shown, not raised."""
        from planner.storage.errors import ProjectFileError
        from planner.storage.filestamp import load_stamped
        from planner.ui.document import Document

        doc = self.doc
        path = Path(path).absolute()
        if doc is not None and doc.path is not None and _same(doc.path, path):
            return True
        if not self.maybe_save():
            return False
        proceed, lock, as_copy = self._lock(path)
        if not proceed:
            return False
        try:
            project, stamp = load_stamped(path)
        except ProjectFileError as exc:
            if lock is not None:
                lock.release()
            log.info("open refused: %s", path.suffix or "(no suffix)")
            self._error("Cannot open the project", str(exc))
            return False
        if as_copy:
            opened = Document(project, None, untitled=f"Copy of {path.name}")
        else:
            opened = Document(project, path)
            opened.lock, opened.stamp = lock, stamp
        self.window.set_document(opened)
        if remember:
            self.window.settings.add_recent(path)
            self.window.settings.last_folder = path.parent
        self.window.show_page("assessment")
        return True

    def open_copy(self, path: Path, name: str) -> bool:
        """Open a file as an untitled copy (the demo): Save asks for a new name, the file stays as it is."""
        from planner.storage.errors import ProjectFileError
        from planner.storage.projectfile import load_project
        from planner.ui.document import Document

        if not self.maybe_save():
            return False
        try:
            project = load_project(path)
        except ProjectFileError as exc:
            self._error("Cannot open the project", str(exc))
            return False
        self.window.set_document(Document(project, None, untitled=name))
        self.window.show_page("assessment")
        return True

    def _lock(self, path: Path) -> tuple[bool, ProjectLock | None, bool]:
        """Take the file's lock, asking what to do when it is open elsewhere.

        Returns:
            (go on, the lock or None, open as an untitled copy)
        """
        from planner.storage.errors import ProjectFileError
        from planner.storage.lock import ProjectLock, ProjectLockedError

        try:
            return True, ProjectLock.acquire(path), False
        except ProjectLockedError as exc:
            answer = QMessageBox.question(
                self.window,
                "The project is already open",
                f"{exc}\n\nOpen: open a copy here (Save will ask for a new name).\n"
                "Ignore: open the file itself anyway (only if that other window is gone for good).",
                _Button.Open | _Button.Ignore | _Button.Cancel,
                _Button.Open,
            )
            if answer == _Button.Open:
                return True, None, True
            if answer != _Button.Ignore:
                return False, None, False
            try:
                return True, ProjectLock.acquire(path, force=True), False
            except ProjectFileError as again:
                self._error("Cannot open the project", str(again))
                return False, None, False
        except ProjectFileError:
            log.info("opened without a lock (the lock file cannot be created)")
            return True, None, False

    # -- save ------------------------------------------------------------------------------------
    def save(self) -> bool:
        """Save to the project's file (asking for one the first time); return success."""
        doc = self.doc
        if doc is None:
            return False
        if doc.path is None:
            return self.save_as()
        return self._save_to(doc.path)

    def save_as(self) -> bool:
        """Ask for a file name and save there; return success."""
        doc = self.doc
        if doc is None:
            return False
        folder = doc.path.parent if doc.path else (self.window.settings.last_folder or Path.home())
        stem = (
            doc.path.name if doc.path else (_safe_stem(doc.project.engagement.client) or "assessment") + PROJECT_SUFFIX
        )
        name, _ = QFileDialog.getSaveFileName(self.window, "Save project as", str(folder / stem), _FILTER)
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != PROJECT_SUFFIX:
            path = path.with_name(path.name + PROJECT_SUFFIX)
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        from planner.storage.errors import ProjectFileError
        from planner.storage.lock import ProjectLock, ProjectLockedError

        doc = self.doc
        assert doc is not None  # noqa: S101  # callers check
        path = Path(path).absolute()
        new_file = doc.path is None or not _same(doc.path, path)
        new_lock: ProjectLock | None = None
        if new_file:
            try:
                new_lock = ProjectLock.acquire(path)
            except ProjectLockedError as exc:
                self._error("The project was not saved", str(exc))
                return False
            except ProjectFileError:
                new_lock = None  # a folder where no lock can be made: the save reports real problems
        try:
            stamp = self._save_checked(doc, path, None if new_file else doc.stamp)
        except ProjectFileError as exc:
            if new_lock is not None:
                new_lock.release()
            log.info("save failed")
            self._error("The project was not saved", f"{exc}\n\nYour changes are still open here; nothing was lost.")
            return False
        if stamp is None:  # the user chose not to overwrite changes made on disk
            if new_lock is not None:
                new_lock.release()
            return False
        if new_file:
            doc.release()
            doc.lock = new_lock
        elif doc.lock is not None:
            doc.lock.refresh()
        doc.stamp = stamp
        doc.mark_saved(path)
        self.window.settings.add_recent(path)
        self.window.settings.last_folder = path.parent
        self.window.statusBar().showMessage(f"Saved {path.name}", 4000)
        return True

    def _save_checked(self, doc: Document, path: Path, stamp: FileStamp | None) -> FileStamp | None:
        """Save, asking first if the file changed on disk; ``None`` when the user declines."""
        from planner.storage.filestamp import FileChangedError, save_stamped

        try:
            return save_stamped(doc.project, path, stamp)
        except FileChangedError as exc:
            answer = QMessageBox.question(
                self.window,
                "The file changed on disk",
                f"{exc}.\n\nSave your version anyway?",
                _Button.Save | _Button.Cancel,
                _Button.Cancel,
            )
            if answer != _Button.Save:
                return None
            return save_stamped(doc.project, path, stamp, overwrite=True)

    def revert(self) -> bool:
        """Reload the project from its file, dropping unsaved changes (after confirmation)."""
        from planner.storage.errors import ProjectFileError
        from planner.storage.filestamp import load_stamped
        from planner.ui.document import Document

        doc = self.doc
        if doc is None or doc.path is None or not doc.modified:
            return False
        answer = QMessageBox.question(
            self.window,
            "Revert",
            f"Discard every change since {doc.display_name} was last saved?",
            _Button.Discard | _Button.Cancel,
            _Button.Cancel,
        )
        if answer != _Button.Discard:
            return False
        try:
            project, stamp = load_stamped(doc.path)
        except ProjectFileError as exc:
            self._error("Cannot revert", str(exc))
            return False
        page = self.window.current_page()
        reverted = Document(project, doc.path)
        reverted.lock, reverted.stamp, doc.lock = doc.lock, stamp, None  # the lock passes on
        self.window.set_document(reverted)
        self.window.show_page(page)
        return True


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _safe_stem(text: str) -> str:
    keep = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in text)
    return "-".join(keep.split()).lower()[:60]
