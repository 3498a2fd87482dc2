"""Editors bound to one value of the document: user edits go out as a callback, refreshes come in.

A refresh that carries the value the editor already shows does nothing, so typing is never
interrupted by the echo of its own command, and undo/redo update the editor in place.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

__all__ = ["LineField", "TextField"]


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

    def __init__(self, on_edit: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)  # Tab moves on in a form; text here rarely needs tabs
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

    def show_value(self, value: str) -> None:
        """Show ``value`` unless it is already shown, keeping the cursor position when possible."""
        if self.text() == value:
            return
        cursor = self.textCursor().position()
        with QSignalBlocker(self):
            self.setPlainText(value)
            text_cursor = self.textCursor()
            text_cursor.setPosition(min(cursor, len(value)))
            self.setTextCursor(text_cursor)
