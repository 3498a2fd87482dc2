"""Roadmap edits as undo steps: pure edit function, then re-plan, then one undoable edit.

Decision: start months are the scheduler's, so the plan is re-planned after every edit and a start
month is never typed in as such; a consultant who needs a fixed start pins the initiative (the
editor, or a drop on a horizon), which the scheduler honours. Durations, order, dependencies,
statuses and capacities are edited too, and they move the dates.
"""

from __future__ import annotations

from collections.abc import Callable

from planner.model.edits import EditRefused, replace_roadmap
from planner.model.project import Roadmap
from planner.model.roadmap import schedule
from planner.ui.document import Document

__all__ = ["push_edit"]


def push_edit(doc: Document, text: str, change: Callable[[Roadmap], Roadmap], ids: tuple[str, ...] = ()) -> str | None:
    """Apply ``change`` to the roadmap as one undo step named ``text``.

    Returns:
        ``None`` on success, or the edit function's message when it refused the change.
    """
    try:
        new = change(doc.project.roadmap)
        edit = replace_roadmap(doc.project, schedule(doc.project.model, new), text, ids)
    except EditRefused as exc:
        return str(exc)
    doc.push(edit)
    return None
