"""One open project: the :class:`Project`, its undo stack, its file, and what changed.

Views never mutate the project: every edit is a Qt-free :class:`~planner.model.edits.Edit`
pushed onto :attr:`Document.stack` inside the one generic undo command of
:mod:`planner.ui.commands`, whose ``redo``/``undo`` call :meth:`Document.apply`. Each applied edit
emits :attr:`Document.changed` with the :class:`~planner.model.edits.Change` naming what changed,
so a view refreshes only what it shows, and raises :attr:`Document.revision`, which anything that
must notice "the project differs from what I last saw" compares (the autosave does): the undo
stack's index does not move when typing merges into the command on top, nor after an undo followed
by a new edit. The scorecard is computed once per assessment change and shared by every view.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from planner.model.edits import ChangeKind, Edit
from planner.model.project import Project
from planner.model.scoring import Scorecard, rescore, score_project
from planner.storage.session import ProjectSession

__all__ = ["Document"]


class Document(QObject):
    """An open project with its undo stack.

    Signals:
        changed(Change): the project changed (by an edit, an undo or a redo).
        file_changed(): the path or the clean state changed (title bar, actions).
    """

    changed = Signal(object)
    file_changed = Signal()

    def __init__(
        self,
        project: Project,
        session: ProjectSession | None = None,
        parent: QObject | None = None,
        *,
        untitled: str = "Untitled",
    ) -> None:
        super().__init__(parent)
        self.project = project
        #: The file: its path, the lock held on it and the stamp of the version read or saved.
        self.session = session or ProjectSession()
        self.untitled = untitled
        #: Raised by every applied edit, undo and redo: equal revisions mean an equal project.
        self.revision = 0
        self.stack = QUndoStack(self)
        self._scorecard: Scorecard | None = None
        self.stack.cleanChanged.connect(self._clean_changed)

    def _clean_changed(self, _clean: bool) -> None:
        self.file_changed.emit()

    # -- state ---------------------------------------------------------------------------------
    @property
    def model(self) -> Any:
        """The capability model the project is scored against."""
        return self.project.model

    @property
    def path(self) -> Path | None:
        """The project's file (``None`` until it is first saved)."""
        return self.session.path

    @property
    def modified(self) -> bool:
        """Whether there are changes since the last save (taken from the undo stack)."""
        return not self.stack.isClean()

    @property
    def display_name(self) -> str:
        """The file name for the title bar (``Untitled`` or the given name before the first save)."""
        return self.path.name if self.path is not None else self.untitled

    def release(self) -> None:
        """Give up the file's lock (the project is being closed)."""
        self.session.close()

    def scorecard(self) -> Scorecard:
        """Return every score of the project (cached until the assessment changes)."""
        if self._scorecard is None:
            self._scorecard = score_project(self.project.model, self.project.assessment)
        return self._scorecard

    def mark_saved(self) -> None:
        """Record a successful save through the session: the stack becomes clean."""
        self.stack.setClean()
        self.file_changed.emit()

    def mark_unsaved(self) -> None:
        """Flag the project as having unsaved changes although nothing is on the stack (recovery)."""
        self.stack.resetClean()
        self.file_changed.emit()

    # -- edits ---------------------------------------------------------------------------------
    def push(self, edit: Edit) -> None:
        """Apply ``edit`` as one undo step (merged with the step on top when it continues it)."""
        from planner.ui.commands import EditCommand

        self.stack.push(EditCommand(self, edit))

    def apply(self, edit: Edit) -> None:
        """Apply an edit now, outside the undo history (the undo command calls this)."""
        change = edit.apply(self.project)
        self.revision += 1
        if change.kind is ChangeKind.ASSESSMENT and self._scorecard is not None:
            self._scorecard = rescore(self.project.model, self.project.assessment, self._scorecard, change.ids)
        elif change.affects_scores:
            self._scorecard = None
        self.changed.emit(change)
