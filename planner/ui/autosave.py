"""Autosave every minute (only when the project changed) and the recovery of a crashed session.

The files are :mod:`planner.storage.autosave`'s; this module keeps the timer and decides when to
write. "Changed since the last autosave" is the document's revision, raised by every applied edit,
undo and redo: the undo stack's index would miss typing merged into the command on top, and an
undo followed by a new edit. A recovered project opens as unsaved, and its autosave is adopted by
the new session so a second crash loses nothing either.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from planner.storage.autosave import AutosaveSlot, Recoverable

if TYPE_CHECKING:
    from planner.ui.document import Document

__all__ = ["AUTOSAVE_INTERVAL_MS", "Autosaver"]

log = logging.getLogger("planner.ui.autosave")
AUTOSAVE_INTERVAL_MS = 60_000


class Autosaver(QObject):
    """Writes the watched document to the autosave folder when it has unsaved changes.

    Signals:
        failed(str): an autosave could not be written; the reason, in words for the user.
        recovered(): an autosave succeeded again after a failure.
    """

    failed = Signal(str)
    recovered = Signal()

    def __init__(self, folder: Path, interval_ms: int = AUTOSAVE_INTERVAL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.slot = AutosaveSlot(folder)
        self.doc: Document | None = None
        self._saved_revision: int | None = None
        self._failing = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()

    @property
    def folder(self) -> Path:
        """Where autosaves go."""
        return self.slot.folder

    @property
    def path(self) -> Path:
        """This session's autosave file."""
        return self.slot.path

    def watch(self, doc: Document | None) -> None:
        """Autosave ``doc`` from now on (the previous document's autosave is removed)."""
        if self.doc is not None:
            self.doc.file_changed.disconnect(self._file_changed)
        self.discard()
        self.doc = doc
        if doc is not None:
            doc.file_changed.connect(self._file_changed)

    def adopt(self, recovered: Recoverable) -> None:
        """Take over a recovered autosave as this session's own (after :meth:`watch`)."""
        self.slot.adopt(recovered)
        doc = self.doc
        self.slot.write_meta(doc.path if doc is not None else None, doc.session.stamp if doc is not None else None)

    def _file_changed(self) -> None:
        if self.doc is not None and not self.doc.modified:
            self.discard()  # saved cleanly, or undone back to the saved state

    def save_now(self) -> bool:
        """Write the autosave if the document changed since the last one; return whether it wrote."""
        doc = self.doc
        if doc is None or not doc.modified or (self._saved_revision == doc.revision and self.slot.path.exists()):
            return False
        try:
            self.slot.write(doc.project, doc.path, doc.session.stamp)
        except (OSError, ValueError) as exc:
            from planner.storage.atomic import describe_os_error  # only when it fails

            log.warning("autosave failed: %s", type(exc).__name__)
            reason = (
                describe_os_error(exc) if isinstance(exc, OSError) else "the project holds text that cannot be saved"
            )
            self._failing = True
            self.failed.emit(reason)
            return False
        self._saved_revision = doc.revision
        if self._failing:
            self._failing = False
            self.recovered.emit()
        return True

    def stop(self) -> None:
        """Stop autosaving and keep the last autosave for recovery (the app is ended from outside)."""
        self.timer.stop()
        if self.doc is not None:
            self.doc.file_changed.disconnect(self._file_changed)
        self.doc = None

    def discard(self) -> None:
        """Remove this session's autosave."""
        self._saved_revision = None
        self.slot.discard()
