"""The one undo command: it wraps a Qt-free :class:`~planner.model.edits.Edit`.

``redo`` applies the edit and ``undo`` applies its inverse, both through
:meth:`~planner.ui.document.Document.apply`. Edits with the same merge key merge into the command
on top of the stack (one burst of typing is one undo step); a merge that returns to the original
value makes the command obsolete, and the stack drops it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from planner.model.edits import Edit

if TYPE_CHECKING:
    from planner.ui.document import Document

__all__ = ["EditCommand"]

#: The command id Qt compares before asking two commands to merge (-1: never merge).
_MERGEABLE = 1


class EditCommand(QUndoCommand):
    """One undo step: an edit, and its inverse on undo."""

    def __init__(self, doc: Document, edit: Edit) -> None:
        super().__init__(edit.text)
        self.doc, self.edit = doc, edit

    def redo(self) -> None:
        self.doc.apply(self.edit)

    def undo(self) -> None:
        self.doc.apply(self.edit.inverse())

    def id(self) -> int:
        return _MERGEABLE if self.edit.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other.edit.merge_key != self.edit.merge_key:
            return False
        self.edit = self.edit.merge(other.edit)
        self.setText(self.edit.text)
        self.setObsolete(self.edit.is_noop)
        return True
