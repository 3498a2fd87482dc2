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

A project whose folder cannot be written to (a read-only share, a write-protected stick) opens as
usual, and the status bar says so at once, not at the first Save: the consultant can read and edit
it, and Save then asks where to keep it, starting in the last writable folder used (such a folder
never becomes the "last folder").
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from planner.model.limits import DEFAULT_MODEL, PROJECT_SUFFIX

if TYPE_CHECKING:
    from planner.storage.filestamp import FileChangedError
    from planner.storage.lock import ProjectLockedError
    from planner.ui.document import Document
    from planner.ui.mainwindow import MainWindow

__all__ = ["FileController"]


log = logging.getLogger("planner.ui.files")
_FILTER = f"FinOps roadmap projects (*{PROJECT_SUFFIX});;All files (*)"
_Button = QMessageBox.StandardButton
#: How long the status bar says a project's folder cannot be written to.
_NOTICE_MS = 30_000


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
        from planner.model.project import new_project
        from planner.storage.modellib import model_library
        from planner.ui.document import Document

        # The default model first; broken files of the model folder are not offered (the
        # Capability models dialog says what is wrong with them).
        entries = [e for e in model_library() if e.model is not None]
        models = [e.model for e in entries if e.model is not None]
        model = next((m for m in models if m.id == DEFAULT_MODEL), models[0])
        if len(models) > 1:
            names = [
                f"{e.name} ({e.id})" if e.source == "bundled" else f"{e.name} ({e.id}, version {e.version}, your own)"
                for e in entries
            ]
            choice, ok = QInputDialog.getItem(self.window, "New project", "Capability model:", names, 0, False)
            if not ok:
                return False
            model = models[names.index(choice)]
        self.window.set_document(Document(new_project(model)))
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
        from planner.storage.lock import ProjectLockedError
        from planner.storage.session import ProjectSession, same_file
        from planner.ui.document import Document

        doc = self.doc
        path = Path(path).absolute()
        if doc is not None and doc.path is not None and same_file(doc.path, path):
            return True
        if not self.maybe_save():
            return False
        try:
            try:
                project, session = ProjectSession.open(path)
                opened = Document(project, session)
            except ProjectLockedError as exc:
                choice = self._ask_locked(exc)
                if choice is None:
                    return False
                if choice == "copy":
                    project, session = ProjectSession.open_copy(path)
                    opened = Document(project, session, untitled=f"Copy of {path.name}")
                else:
                    project, session = ProjectSession.open(path, take_over=True)
                    opened = Document(project, session)
        except ProjectFileError as exc:
            log.info("open refused: %s", path.suffix or "(no suffix)")
            self._error("Cannot open the project", str(exc))
            return False
        self.window.set_document(opened)
        writable = _writable_folder(path.parent)
        if remember:
            self.window.settings.add_recent(path)
            if writable:  # else keep the last folder Save can use
                self.window.settings.last_folder = path.parent
        self.window.show_page("assessment")
        if not writable:
            self.window.statusBar().showMessage(
                f"{path.name} is in a folder you cannot write to: you can edit it here, "
                "and Save will ask where to keep your changes.",
                _NOTICE_MS,
            )
        return True

    def open_copy(self, path: Path, name: str) -> bool:
        """Open a file as an untitled copy (the demo): Save asks for a new name, the file stays as it is."""
        from planner.storage.errors import ProjectFileError
        from planner.storage.session import ProjectSession
        from planner.ui.document import Document

        if not self.maybe_save():
            return False
        try:
            project, session = ProjectSession.open_copy(path)
        except ProjectFileError as exc:
            self._error("Cannot open the project", str(exc))
            return False
        self.window.set_document(Document(project, session, untitled=name))
        self.window.show_page("assessment")
        return True

    def _ask_locked(self, exc: ProjectLockedError) -> str | None:
        """Ask what to do with a file open elsewhere: ``"copy"``, ``"take over"`` or ``None`` (cancel)."""
        answer = QMessageBox.question(
            self.window,
            "The project is already open",
            f"{exc}\n\nOpen: open a copy here (Save will ask for a new name).\n"
            "Ignore: open the file itself anyway (only if that other window is gone for good).",
            _Button.Open | _Button.Ignore | _Button.Cancel,
            _Button.Open,
        )
        if answer == _Button.Open:
            return "copy"
        return "take over" if answer == _Button.Ignore else None

    # -- save ------------------------------------------------------------------------------------
    def save(self) -> bool:
        """Save to the project's file (asking for one the first time); return success."""
        doc = self.doc
        if doc is None:
            return False
        if doc.path is None:
            return self.save_as()
        if doc.path.parent.is_dir() and not _writable_folder(doc.path.parent):
            return self.save_as()  # a missing folder is reported as such by the save
        return self._save_to(doc.path)

    def save_as(self) -> bool:
        """Ask for a file name and save there; return success."""
        doc = self.doc
        if doc is None:
            return False
        candidates = (doc.path.parent if doc.path else None, self.window.settings.last_folder)
        folder = next((f for f in candidates if f is not None and _writable_folder(f)), Path.home())
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
        from planner.storage.filestamp import FileChangedError
        from planner.storage.lock import ProjectLockedError

        doc = self.doc
        assert doc is not None  # noqa: S101  # callers check
        try:
            try:
                doc.session.save_as(doc.project, path)
            except FileChangedError as exc:
                if not self._confirm_overwrite(exc):
                    return False
                doc.session.save_as(doc.project, path, overwrite=True)
        except ProjectLockedError as exc:
            self._error("The project was not saved", str(exc))
            return False
        except ProjectFileError as exc:
            log.info("save failed")
            self._error("The project was not saved", f"{exc}\n\nYour changes are still open here; nothing was lost.")
            return False
        saved = doc.session.path
        assert saved is not None  # noqa: S101  # a successful save names the file
        doc.mark_saved()
        self.window.settings.add_recent(saved)
        self.window.settings.last_folder = saved.parent
        self.window.statusBar().showMessage(f"Saved {saved.name}", 4000)
        return True

    def _confirm_overwrite(self, exc: FileChangedError) -> bool:
        """Ask before overwriting changes made on disk by someone else."""
        answer = QMessageBox.question(
            self.window,
            "The file changed on disk",
            f"{exc}.\n\nSave your version anyway?",
            _Button.Save | _Button.Cancel,
            _Button.Cancel,
        )
        return answer == _Button.Save

    def revert(self) -> bool:
        """Reload the project from its file, dropping unsaved changes (after confirmation)."""
        from planner.storage.errors import ProjectFileError
        from planner.storage.session import ProjectSession
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
        session = doc.session
        try:
            project = session.reread()
        except ProjectFileError as exc:
            self._error("Cannot revert", str(exc))
            return False
        page = self.window.current_page()
        doc.session = ProjectSession()  # the file and its lock pass on to the reverted document
        self.window.set_document(Document(project, session))
        self.window.show_page(page)
        return True


def _writable_folder(folder: Path) -> bool:
    """Whether a folder takes new files (what every save needs: its temporary file and lock)."""
    from planner.storage.atomic import folder_writable

    return folder_writable(folder)


def _safe_stem(text: str) -> str:
    keep = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in text)
    return "-".join(keep.split()).lower()[:60]
