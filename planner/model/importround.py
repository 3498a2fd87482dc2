"""Take an earlier engagement's file as a round: "Import earlier assessment as a round…".

A consultant who used release 1 has last quarter's engagement as a separate project file. Its
assessment (applicability, lens scores, targets, lens weights, its model's id and revision) becomes
a round of the open project, dated by that file's assessment date and labelled after it. The
round keeps the model it was scored against; comparisons carry it through the open project's
model's upgrade mapping (:mod:`planner.model.compare`), and what has no place there is reported
before anything is added. Decisions: an earlier file without an assessment date, on a model the
project's model cannot map from, or dated after today is refused with a sentence saying why; a
file of another client is allowed once the consultant confirms (``same_client`` tells the caller
to ask).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from planner.model.compare import CompareRefused, map_capabilities, round_snapshot
from planner.model.edits import EditRefused
from planner.model.project import Project, Round
from planner.model.rounds import ReplaceHistory, add_round, freeze_round, new_round_id

__all__ = ["ImportedRound", "import_edit", "round_from_project"]


@dataclass(slots=True)
class ImportedRound:
    """The round made of an earlier file, whether it is the same client, and what could not be mapped."""

    round: Round
    same_client: bool
    notes: list[str] = field(default_factory=list)


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def round_from_project(earlier: Project, project: Project, *, label: str = "") -> ImportedRound:
    """The round ``earlier``'s assessment makes in ``project`` (nothing is changed yet).

    Raises:
        EditRefused: the earlier file has no assessment date, or its model cannot be mapped.
    """
    eng = earlier.engagement
    if not eng.assessment_date:
        raise EditRefused("The earlier project has no assessment date: set it there first, then import it.")
    day = dt.date.fromisoformat(eng.assessment_date)
    past = freeze_round(earlier, label or f"{eng.title or 'Assessment'}, {day.strftime('%B %Y')}", eng.assessment_date)
    past.id = new_round_id(project)
    try:
        mapping = map_capabilities(project.model, round_snapshot(past))
    except CompareRefused as exc:
        raise EditRefused(f"It cannot be compared with this project: {exc}.") from None
    notes = []
    for cap_id, new in mapping.items():
        if new is None:
            found = past.capabilities[cap_id]
            scores = ", ".join(f"{k} {v}" for k, v in found.lenses.items() if v is not None) or "no scores"
            notes.append(f"{cap_id} has no place in {project.model.name}: kept in the round, not compared ({scores}).")
        elif new != cap_id:
            notes.append(f"{cap_id} is compared as {project.model.capability(new).name}.")
    if earlier.model.id != project.model.id:
        notes.insert(
            0, f"Scored against {earlier.model.name}; compared through {project.model.name}'s upgrade mapping."
        )
    elif earlier.model.revision != project.model.revision:
        notes.insert(0, f"Scored against revision {earlier.model.revision}; compared under the current level bands.")
    return ImportedRound(past, _same(eng.client, project.engagement.client), notes)


def import_edit(project: Project, imported: ImportedRound, *, today: dt.date | None = None) -> ReplaceHistory:
    """The undoable edit that adds the imported round in date order.

    Raises:
        EditRefused: the round is dated after today.
    """
    return add_round(project, imported.round, today=today)
