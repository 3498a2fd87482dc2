"""Editors bound to one value of the document: user edits go out as a callback, refreshes come in.

A refresh that carries the value the editor already shows does nothing, so typing is never
interrupted by the echo of its own command, and undo/redo update the editor in place.

Long pasted text: a multi-line field refuses a paste that would take it past its limit (the
project could not hold it) and says so. Qt lays out an unbroken run of characters (a pasted log
line, a long URL) in time that grows with the square of its length when it may only break at word
boundaries: 200,000 characters took 9 s and a million three minutes. A field holding such a run
wraps anywhere instead, which lays out a million characters in about a second.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QMimeData, QSignalBlocker
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPlainTextEdit, QWidget

from planner.model.limits import LONG_TEXT_MAX

__all__ = ["LineField", "TextField"]

#: An unbroken run this long switches a field to wrapping anywhere.
_LONG_RUN = re.compile(r"\S{2000}")


class LineField(QLineEdit):
    """A one-line text editor that reports every user edit through ``on_edit(text)``."""

    def __init__(self, on_edit: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.textEdited.connect(on_edit)

    def show_value(self, value: str) -> None:
        """Show ``value`` unless it is already shown (keeps the cursor while typing)."""
        if self.text() != value:
            with QSignalBlocker(self):
                self.setText(value)


class TextField(QPlainTextEdit):
    """A multi-line text editor that reports every user edit through ``on_edit(text)``."""

    def __init__(
        self, on_edit: Callable[[str], None], parent: QWidget | None = None, *, max_length: int = LONG_TEXT_MAX
    ) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)  # Tab moves on in a form; text here rarely needs tabs
        self.max_length = max_length
        self._on_edit = on_edit
        self.textChanged.connect(self._changed)

    def text(self) -> str:
        """The text exactly as typed or pasted.

        ``toPlainText`` turns non-breaking spaces into spaces and line separators into line
        breaks, so one keystroke in a note would silently change every such character in it. The
        raw text keeps them; only the paragraph separator between blocks becomes a line break.
        """
        return self.document().toRawText().replace("\u2029", "\n")

    def _changed(self) -> None:
        self._on_edit(self.text())

    @staticmethod
    def _wrapping_for(text: str) -> QTextOption.WrapMode:
        """Wrap anywhere while the text holds a very long unbroken run, at word boundaries otherwise."""
        if _LONG_RUN.search(text):
            return QTextOption.WrapMode.WrapAnywhere
        return QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere

    def insertFromMimeData(self, source: QMimeData) -> None:
        pasted = source.text() if source.hasText() else ""
        selected = len(self.textCursor().selectedText())
        total = len(self.text()) - selected + len(pasted)
        if total > self.max_length:
            QMessageBox.warning(
                self,
                "Not pasted",
                f"That would make this text {total:,} characters long; it can hold at most "
                f"{self.max_length:,}. Paste a shorter extract, or keep the full text in a document "
                "and name it here.",
            )
            return
        if pasted and self._wrapping_for(pasted) == QTextOption.WrapMode.WrapAnywhere:
            self.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)  # before the text is laid out
        super().insertFromMimeData(source)

    def show_value(self, value: str) -> None:
        """Show ``value`` unless it is already shown, keeping the cursor position when possible."""
        if self.text() == value:
            return
        cursor = self.textCursor().position()
        mode = self._wrapping_for(value)
        # Switch to wrapping anywhere before the long text is laid out, and back to word
        # boundaries only once it is gone: either way no layout sees a long run with word wrapping.
        if mode == QTextOption.WrapMode.WrapAnywhere:
            self.setWordWrapMode(mode)
        with QSignalBlocker(self):
            self.setPlainText(value)
            text_cursor = self.textCursor()
            text_cursor.setPosition(min(cursor, len(value)))
            self.setTextCursor(text_cursor)
        if self.wordWrapMode() != mode:
            self.setWordWrapMode(mode)
