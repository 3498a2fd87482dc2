"""Every user edit as a thin QUndoCommand: ``redo`` sets the new value, ``undo`` the old one.

Commands record the old value at construction and call one :class:`~planner.ui.document.Document`
setter. Continuous edits (typing in a text field, spinning a weight) share an ``id()`` and merge
with the command on top of the stack when they target the same field, so one burst of typing is
one undo step. A merge that returns a field to its original value makes the command obsolete.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtGui import QUndoCommand

from planner.model.project import Roadmap
from planner.ui.document import Document

__all__ = [
    "ReplaceRoadmap",
    "SetCapabilityField",
    "SetEngagementField",
    "SetLensScore",
    "SetLensWeight",
]

_MERGE_ENGAGEMENT = 1001
_MERGE_CAPABILITY_TEXT = 1002
_MERGE_WEIGHT = 1003
_TEXT_FIELDS = ("notes", "internal_notes", "evidence")
_FIELD_LABELS = {
    "client": "client",
    "title": "title",
    "consultant": "consultant",
    "firm": "firm",
    "assessment_date": "assessment date",
    "scopes": "scopes",
    "summary": "executive summary",
    "applicable": "applicability",
    "target": "target level",
    "importance": "importance",
    "notes": "client-facing notes",
    "internal_notes": "internal notes",
    "evidence": "evidence",
}


class SetEngagementField(QUndoCommand):
    """Change one engagement field ("Edit client")."""

    def __init__(self, doc: Document, name: str, value: Any) -> None:
        super().__init__(f"Edit {_FIELD_LABELS.get(name, name)}")
        self.doc, self.name = doc, name
        self.old = copy.copy(getattr(doc.project.engagement, name))
        self.new = copy.copy(value)

    def redo(self) -> None:
        self.doc.set_engagement_field(self.name, self.new)

    def undo(self) -> None:
        self.doc.set_engagement_field(self.name, self.old)

    def id(self) -> int:
        return _MERGE_ENGAGEMENT

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetEngagementField) or other.name != self.name:
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)
        return True


class SetLensScore(QUndoCommand):
    """Score (or unscore) one lens of one capability ("Score Allocation: Process 3")."""

    def __init__(self, doc: Document, capability_id: str, lens_id: str, value: int | None) -> None:
        model = doc.project.model
        what = "unscored" if value is None else str(value)
        super().__init__(f"Score {model.capability(capability_id).name}: {model.lens(lens_id).name} {what}")
        self.doc, self.cap, self.lens = doc, capability_id, lens_id
        found = doc.project.assessment.capabilities.get(capability_id)
        self.old = None if found is None else found.lenses.get(lens_id)
        self.new = value

    def redo(self) -> None:
        self.doc.set_lens(self.cap, self.lens, self.new)

    def undo(self) -> None:
        self.doc.set_lens(self.cap, self.lens, self.old)


class SetCapabilityField(QUndoCommand):
    """Change a capability's target, importance, applicability, notes or evidence."""

    def __init__(self, doc: Document, capability_id: str, name: str, value: Any) -> None:
        model = doc.project.model
        super().__init__(f"Edit {_FIELD_LABELS.get(name, name)} of {model.capability(capability_id).name}")
        self.doc, self.cap, self.name = doc, capability_id, name
        found = doc.project.assessment.capabilities.get(capability_id)
        if found is None:
            from planner.model.project import CapabilityAssessment

            found = CapabilityAssessment()
        self.old = copy.copy(getattr(found, name))
        self.new = copy.copy(value)

    def redo(self) -> None:
        self.doc.set_capability_field(self.cap, self.name, self.new)

    def undo(self) -> None:
        self.doc.set_capability_field(self.cap, self.name, self.old)

    def id(self) -> int:
        return _MERGE_CAPABILITY_TEXT if self.name in _TEXT_FIELDS else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetCapabilityField) or (other.cap, other.name) != (self.cap, self.name):
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)
        return True


class SetLensWeight(QUndoCommand):
    """Change the weight of a lens for the whole project."""

    def __init__(self, doc: Document, lens_id: str, value: float) -> None:
        super().__init__(f"Set {doc.project.model.lens(lens_id).name} weight to {value:g}")
        self.doc, self.lens = doc, lens_id
        self.old = doc.project.assessment.lens_weights.get(lens_id)
        self.new = value

    def redo(self) -> None:
        self.doc.set_weight(self.lens, self.new)

    def undo(self) -> None:
        self.doc.set_weight(self.lens, self.old)

    def id(self) -> int:
        return _MERGE_WEIGHT

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetLensWeight) or other.lens != self.lens:
            return False
        self.new = other.new
        self.setText(f"Set {self.doc.project.model.lens(self.lens).name} weight to {self.new:g}")
        self.setObsolete(self.new == self.old)
        return True


class ReplaceRoadmap(QUndoCommand):
    """Any roadmap edit: the pure edit function's result replaces the roadmap; undo restores it."""

    def __init__(self, doc: Document, new: Roadmap, text: str, ids: tuple[str, ...] = ()) -> None:
        super().__init__(text)
        self.doc, self.ids = doc, ids
        self.old = doc.project.roadmap
        self.new = new

    def redo(self) -> None:
        self.doc.set_roadmap(self.new, self.ids)

    def undo(self) -> None:
        self.doc.set_roadmap(self.old, self.ids)
