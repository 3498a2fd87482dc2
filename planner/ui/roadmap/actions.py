"""What the roadmap page does to the roadmap: each action is one undoable edit, or a sentence saying why not.

Decisions where the design is silent:

* Generating a first roadmap applies at once; regenerating, restoring deleted items and the
  "out of date" banner's Regenerate go through the preview, and apply only what the consultant
  ticked, as one undo step. Restoring forgets the dismissals and regenerates in the same step, so
  the items come back visibly (as ticked additions) or not at all (Cancel changes nothing).
* A drag never changes a library initiative's maturity: that is what the item helps reach, not a
  place in time. The editor can change it on purpose; a custom initiative may be dragged.
* Dragging a card to another horizon pins it to the horizon's first month. Work in progress or
  done keeps its months (they are facts), and a deferred or dropped item must be planned again
  before it can be placed in time; both are refused with the reason.
* Actions on a selection (lock, delete, status) apply to every selected initiative in one step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from planner.model.edits import EditRefused, replace_roadmap
from planner.model.project import Roadmap
from planner.model.roadmap import (
    add_custom_initiative,
    apply_choices,
    confirm_as_is,
    delete_initiatives,
    edit_initiative,
    generate_roadmap,
    move_initiative,
    nothing_to_plan_reason,
    regenerate,
    restore_dismissed,
    set_capacity,
    set_locked_many,
    set_owner_capacity,
    set_pin,
    set_scope,
    set_status,
    stale_reasons,
)
from planner.report.formatting import status_text
from planner.ui.document import Document
from planner.ui.roadmap.dialogs import AddInitiativeDialog, DoneDateDialog, RegenerationDialog
from planner.ui.roadmap.edits import push_edit
from planner.ui.roadmap.plan import FIXED_STATUSES, UNSCHEDULED_STATUSES, plan_view

__all__ = ["RoadmapActions", "describe"]


def describe(titles: list[str]) -> str:
    """Name what an action applies to: "'Tag resources'" or "3 initiatives"."""
    return f"'{titles[0]}'" if len(titles) == 1 else f"{len(titles)} initiatives"


class RoadmapActions:
    """The roadmap page's actions over one document; ``say`` shows a sentence to the consultant."""

    def __init__(self, doc: Document, parent: QWidget, say: Callable[[str], None]) -> None:
        self.doc = doc
        self.parent = parent
        self.say = say

    # -- plumbing ------------------------------------------------------------------------------
    def apply(self, text: str, change: Callable[[Roadmap], Roadmap], ids: tuple[str, ...] = ()) -> bool:
        """Apply a roadmap edit (then re-plan) as one undo step, or say why it was refused."""
        message = push_edit(self.doc, text, change, ids)
        self.say(message or "")
        return message is None

    def replace(self, new: Roadmap, text: str) -> bool:
        """Replace the roadmap as one undo step (no re-plan: ``new`` is already scheduled)."""
        try:
            self.doc.push(replace_roadmap(self.doc.project, new, text))
        except EditRefused as exc:
            self.say(str(exc))
            return False
        self.say("")
        return True

    def _titles(self, ids: list[str]) -> list[str]:
        roadmap = self.doc.project.roadmap
        return [roadmap.initiative(i).title for i in ids]

    def stale(self) -> list[str]:
        """What changed since the roadmap was drafted (empty: up to date, or nothing planned)."""
        project = self.doc.project
        if not project.roadmap.initiatives:
            return []
        return stale_reasons(project.model, project.assessment, project.roadmap, org_size=project.engagement.org_size)

    # -- generate, regenerate, restore, keep ---------------------------------------------------
    def generate(self) -> bool:
        """Draft a first roadmap, or preview and apply a regeneration."""
        project = self.doc.project
        if project.roadmap.initiatives:
            return self.regenerate()
        fresh = generate_roadmap(
            project.model, project.assessment, settings=project.roadmap, org_size=project.engagement.org_size
        )
        if not fresh.initiatives:
            self.say(nothing_to_plan_reason(project.model, project.assessment))
            return False
        return self.replace(fresh, "Generate roadmap")

    def regenerate(self, start: Roadmap | None = None, *, title: str = "", text: str = "") -> bool:
        """Preview a regeneration of ``start`` (default: the roadmap) and apply the ticked changes."""
        project = self.doc.project
        base = start or project.roadmap
        plan = regenerate(project.model, project.assessment, base, org_size=project.engagement.org_size)
        stale = bool(self.stale()) or base is not project.roadmap
        dialog = RegenerationDialog(
            plan, project.model, self.parent, stale=stale, title=title or "Regenerate the roadmap", intro=text
        )
        try:
            if dialog.exec() != RegenerationDialog.DialogCode.Accepted:
                return False
            reject_added, keep_removed = dialog.choices()
        finally:
            dialog.deleteLater()
        if not plan.changes_anything and not stale:
            return False
        result = apply_choices(project.model, base, plan, reject_added=reject_added, keep_removed=keep_removed)
        added = len(plan.added) - len(reject_added)
        removed = len(plan.removed) - len(keep_removed)
        verb = "Restore deleted initiatives" if base is not project.roadmap else "Regenerate roadmap"
        return self.replace(result, f"{verb} (+{added}, -{removed})")

    def restore_dismissed(self) -> bool:
        """Forget every deleted library initiative and preview the regeneration that brings them back."""
        roadmap = self.doc.project.roadmap
        try:
            restored = restore_dismissed(roadmap)
        except EditRefused as exc:
            self.say(str(exc))
            return False
        count = len(roadmap.dismissed)
        text = (
            f"{count} deleted library initiative{'s are' if count != 1 else ' is'} no longer set aside. "
            "Those the assessment still calls for are ticked below as additions; untick any to set it "
            "aside again. Nothing changes until you apply (and Undo takes it back)."
        )
        return self.regenerate(restored, title="Restore deleted initiatives", text=text)

    def keep_as_is(self) -> bool:
        """Record the roadmap as matching the current assessment ("Keep as is")."""
        project = self.doc.project
        kept = confirm_as_is(project.model, project.assessment, project.roadmap, org_size=project.engagement.org_size)
        return self.replace(kept, "Keep the roadmap as is")

    # -- moving cards --------------------------------------------------------------------------
    def move_to_phase(self, initiative_id: str, phase: str, position: int) -> bool:
        """Reorder within a maturity column, or move a custom initiative to another maturity."""
        roadmap = self.doc.project.roadmap
        item = roadmap.initiative(initiative_id)
        view = plan_view(self.doc.project)
        if item.phase != phase and item.origin == "generated":
            self.say(
                f"'{item.title}' stays in {view.phase(item)}: dragging does not change the maturity a library "
                "initiative helps reach. To change it anyway, open the initiative (double-click or Enter)."
            )
            return False
        if item.phase == phase:
            members = [i.id for i in roadmap.initiatives if i.phase == phase]
            if members.index(initiative_id) < position:
                position -= 1  # the card leaves its old place first
            if members.index(initiative_id) == position:
                return False
            text = f"Reorder '{item.title}'"
        else:
            text = f"Move '{item.title}' to {view.phase_names.get(phase, phase)}"
        return self.apply(text, lambda r: move_initiative(r, initiative_id, phase, position), (initiative_id,))

    def pin_to_horizon(self, initiative_id: str, horizon: str) -> bool:
        """Pin an initiative to the first month of a horizon (a drop on the horizon board)."""
        view = plan_view(self.doc.project)
        item = view.roadmap.initiative(initiative_id)
        first = view.first_month(horizon)
        if view.horizon(item) == horizon:
            return False
        if first is None:
            self.say("Set an initiative's status to deferred or dropped to take it off the plan.")
            return False
        if item.status in UNSCHEDULED_STATUSES:
            self.say(
                f"'{item.title}' is {status_text(item.status).lower()}: set it to planned before placing it in time."
            )
            return False
        if item.status in FIXED_STATUSES:
            self.say(f"'{item.title}' is {status_text(item.status).lower()}: its months are what happened, not a plan.")
            return False
        text = f"Pin '{item.title}' to {view.horizon_name(horizon)} ({view.month(first)})"
        return self.apply(text, lambda r: set_pin(r, initiative_id, first), (initiative_id,))

    # -- the selection -------------------------------------------------------------------------
    def toggle_lock(self, ids: list[str]) -> bool:
        """Lock every selected initiative, or unlock them all when they all are locked."""
        roadmap = self.doc.project.roadmap
        lock = not all(roadmap.initiative(i).locked for i in ids)
        text = f"{'Lock' if lock else 'Unlock'} {describe(self._titles(ids))}"
        return self.apply(text, lambda r: set_locked_many(r, ids, lock), tuple(ids))

    def delete(self, ids: list[str]) -> bool:
        """Delete the selected initiatives (library ones are remembered as dismissed)."""
        text = f"Delete {describe(self._titles(ids))}"
        return self.apply(text, lambda r: delete_initiatives(r, ids), tuple(ids))

    def set_status(self, ids: list[str], status: str) -> bool:
        """Give the selected initiatives a status; "done" asks for the date (today by default)."""
        done_date: str | None = None
        if status == "done":
            dialog = DoneDateDialog(len(ids), self.parent)
            try:
                if dialog.exec() != DoneDateDialog.DialogCode.Accepted:
                    return False
                done_date = dialog.done_date()
            finally:
                dialog.deleteLater()
        text = f"Set {describe(self._titles(ids))} to {status_text(status)}"
        return self.apply(text, lambda r: set_status(r, ids, status, done_date=done_date), tuple(ids))

    def edit(self, initiative_id: str, changes: dict[str, Any]) -> str | None:
        """Apply the editor's changes as one step; return why they were refused, if they were."""
        title = self.doc.project.roadmap.initiative(initiative_id).title
        message = push_edit(
            self.doc, f"Edit '{title}'", lambda r: edit_initiative(r, initiative_id, **changes), (initiative_id,)
        )
        self.say(message or "")
        return message

    def add(self) -> bool:
        """Ask for a custom initiative and add it."""
        project = self.doc.project
        dialog = AddInitiativeDialog(project.model, project.roadmap, self.parent)
        try:
            if dialog.exec() != AddInitiativeDialog.DialogCode.Accepted:
                return False
            values = dialog.values()
        finally:
            dialog.deleteLater()
        return self.apply(f"Add '{values['title']}'", lambda r: add_custom_initiative(r, **values))

    # -- plan settings -------------------------------------------------------------------------
    def set_capacity(self, value: int) -> bool:
        """How many initiatives run at once."""
        if value == self.doc.project.roadmap.capacity:
            return False
        return self.apply(f"Set capacity to {value}", lambda r: set_capacity(r, value))

    def set_owner_capacity(self, value: int) -> bool:
        """How many initiatives one owner runs at once."""
        if value == self.doc.project.roadmap.owner_capacity:
            return False
        return self.apply(f"Set capacity per owner to {value}", lambda r: set_owner_capacity(r, value))

    def set_scope(self, scope: str) -> bool:
        """Lean or full: applies at the next regeneration (the roadmap says it is out of date)."""
        if scope == self.doc.project.roadmap.scope:
            return False
        return self.apply(f"Set scope to {scope}", lambda r: set_scope(r, scope))
