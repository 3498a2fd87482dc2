"""One open project: the :class:`Project`, its undo stack, its file path, and what changed.

Views never mutate the project: every edit is a command (:mod:`planner.ui.commands`) pushed onto
:attr:`Document.stack`, whose ``redo``/``undo`` call the small setters below. Each setter emits
:attr:`Document.changed` with a :class:`Change` naming what changed, so a view refreshes only what
it shows. The scorecard is computed once per assessment change and shared by every view.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from planner.model.project import Project, Roadmap
from planner.model.scoring import (
    DomainScore,
    OverallScore,
    Scorecard,
    level_for,
    score_capability,
    score_project,
)
from planner.storage.filestamp import FileStamp
from planner.storage.lock import ProjectLock

__all__ = ["CAPABILITY_FIELDS", "ENGAGEMENT_FIELDS", "Change", "Document"]

#: Engagement fields an edit may set (``scopes`` is a list of text, the others are text).
ENGAGEMENT_FIELDS = ("client", "title", "consultant", "firm", "assessment_date", "scopes", "summary")
#: Per-capability fields an edit may set, besides the lens scores.
CAPABILITY_FIELDS = ("applicable", "target", "importance", "notes", "internal_notes", "evidence")


@dataclass(frozen=True, slots=True)
class Change:
    """What an edit changed.

    ``kind`` is one of ``engagement`` (ids: field names), ``assessment`` (ids: capability ids),
    ``weights`` (ids: lens ids; every score may change), ``roadmap`` (ids: initiative ids, empty
    for "anything"), ``project`` (the whole project was replaced) or ``file`` (path or clean state).
    """

    kind: str
    ids: tuple[str, ...] = ()

    @property
    def affects_scores(self) -> bool:
        """Whether scores, levels or gaps may differ after this change."""
        return self.kind in ("assessment", "weights", "project")


class Document(QObject):
    """An open project with its undo stack.

    Signals:
        changed(Change): the project changed (by an edit, an undo or a redo).
        file_changed(): the path or the clean state changed (title bar, actions).
    """

    changed = Signal(object)
    file_changed = Signal()

    def __init__(
        self, project: Project, path: Path | None = None, parent: QObject | None = None, *, untitled: str = "Untitled"
    ) -> None:
        super().__init__(parent)
        self.project = project
        self.path = path
        self.untitled = untitled
        #: The lock held on ``path`` while the project is open here (None: not locked).
        self.lock: ProjectLock | None = None
        #: The file as it was when opened or last saved, to notice changes made by others.
        self.stamp: FileStamp | None = None
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
    def modified(self) -> bool:
        """Whether there are changes since the last save (taken from the undo stack)."""
        return not self.stack.isClean()

    @property
    def display_name(self) -> str:
        """The file name for the title bar (``Untitled`` or the given name before the first save)."""
        return self.path.name if self.path is not None else self.untitled

    def release(self) -> None:
        """Give up the file's lock (the project is being closed)."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def scorecard(self) -> Scorecard:
        """Return every score of the project (cached until the assessment changes)."""
        if self._scorecard is None:
            self._scorecard = score_project(self.project.model, self.project.assessment)
        return self._scorecard

    def mark_saved(self, path: Path) -> None:
        """Record a successful save to ``path``: the stack becomes clean."""
        self.path = path
        self.stack.setClean()
        self.file_changed.emit()

    def mark_unsaved(self) -> None:
        """Flag the project as having unsaved changes although nothing is on the stack (recovery)."""
        self.stack.resetClean()
        self.file_changed.emit()

    # -- setters used by commands only -----------------------------------------------------------
    def _emit(self, change: Change) -> None:
        if change.kind == "assessment" and self._scorecard is not None:
            self._scorecard = _rescored(self.project, self._scorecard, change.ids)
        elif change.affects_scores:
            self._scorecard = None
        self.changed.emit(change)

    def set_engagement_field(self, name: str, value: Any) -> None:
        """Set an engagement field (see :data:`ENGAGEMENT_FIELDS`)."""
        if name not in ENGAGEMENT_FIELDS:
            raise KeyError(name)
        setattr(self.project.engagement, name, list(value) if name == "scopes" else value)
        self._emit(Change("engagement", (name,)))

    def set_lens(self, capability_id: str, lens_id: str, value: int | None) -> None:
        """Score a lens of a capability (``None`` unscores it)."""
        self.project.assessment.of(capability_id).lenses[lens_id] = value
        self._emit(Change("assessment", (capability_id,)))

    def set_capability_field(self, capability_id: str, name: str, value: Any) -> None:
        """Set a per-capability field (see :data:`CAPABILITY_FIELDS`)."""
        if name not in CAPABILITY_FIELDS:
            raise KeyError(name)
        setattr(self.project.assessment.of(capability_id), name, list(value) if name == "evidence" else value)
        self._emit(Change("assessment", (capability_id,)))

    def set_weight(self, lens_id: str, value: float | None) -> None:
        """Set a lens weight for the whole project (``None`` returns it to the default, 1)."""
        if value is None:
            self.project.assessment.lens_weights.pop(lens_id, None)
        else:
            self.project.assessment.lens_weights[lens_id] = value
        self._emit(Change("weights", (lens_id,)))

    def set_roadmap(self, roadmap: Roadmap, ids: tuple[str, ...] = ()) -> None:
        """Replace the roadmap (roadmap edits are pure functions returning a new one)."""
        self.project.roadmap = roadmap
        self._emit(Change("roadmap", ids))


def _rescored(project: Project, card: Scorecard, changed: tuple[str, ...]) -> Scorecard:
    """Return ``card`` with only the changed capabilities, their domains and the overall re-scored.

    The same rules as :func:`planner.model.scoring.score_project` (a test holds them equal), so an
    edit costs one capability's score, not the whole model's, on large models.
    """
    model, assessment = project.model, project.assessment
    caps = dict(card.capabilities)
    for cap_id in changed:
        caps[cap_id] = score_capability(model, assessment, cap_id)
    touched = {model.capability(cap_id).domain for cap_id in changed}
    domains = []
    for old in card.domains:
        if old.domain not in touched:
            domains.append(old)
            continue
        members = tuple(
            (cid, s)
            for cid in model.domain(old.domain).capability_ids
            for s in [caps[cid].score]
            if caps[cid].applicable and s is not None
        )
        mean = sum(s for _, s in members) / len(members) if members else None
        domains.append(DomainScore(old.domain, mean, level_for(model, mean), members))
    overall_members = tuple((d.domain, d.score) for d in domains if d.score is not None)
    overall = sum(s for _, s in overall_members) / len(overall_members) if overall_members else None
    return Scorecard(caps, tuple(domains), OverallScore(overall, level_for(model, overall), overall_members))
