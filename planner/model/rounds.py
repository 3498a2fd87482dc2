"""Assessment rounds: freeze the assessment as a dated, read-only round, rename or delete a round.

A consultant comes back three to six months after the first workshop and re-assesses the client.
"Start re-assessment" freezes the current assessment (each capability's applicability, lens
scores and target, the lens weights, and the id and revision of the model they were scored
against) as a :class:`~planner.model.project.Round` at the end of ``assessment.history``. The
current scores stay as they are: they are the starting point of the new round, which the
consultant then re-scores.

Decisions where the design is silent:

* The round's label and date are the consultant's ("Baseline, November 2026", the day of that
  workshop); the date defaults to the engagement's assessment date. It may not be after today:
  a round is something that happened. The engagement's ``assessment_date`` becomes today (the
  new round is dated when it begins), in the same undo step.
* Importance, notes and evidence are not frozen: the file's round shape (design section 6) holds
  what a comparison needs, and the notes stay where the consultant keeps writing them.
* A round is never edited: only its label can change, or the whole round be deleted. Every edit
  here replaces the history list with a new one made of copies, so a round object already in a
  history is never mutated (undo restores it byte for byte).
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, replace

from planner.model.checks import is_iso_date
from planner.model.edits import Change, ChangeKind, Edit, EditRefused
from planner.model.limits import SHORT_TEXT_MAX
from planner.model.project import Project, Round, RoundCapability

__all__ = [
    "ReplaceHistory",
    "add_round",
    "delete_round",
    "freeze_round",
    "new_round_id",
    "rename_round",
    "round_by_id",
    "start_reassessment",
]


def new_round_id(project: Project) -> str:
    """An id no round of the project has yet (``round-1``, ``round-2``, ...)."""
    taken = {r.id for r in project.assessment.history}
    n = len(taken) + 1
    while f"round-{n}" in taken:
        n += 1
    return f"round-{n}"


def round_by_id(project: Project, round_id: str) -> Round:
    """The round with that id.

    Raises:
        KeyError: no round has that id (the message lists the ids there are).
    """
    for past in project.assessment.history:
        if past.id == round_id:
            return past
    known = ", ".join(r.id for r in project.assessment.history) or "none"
    raise KeyError(f"no round {round_id!r} (rounds: {known})")


def freeze_round(project: Project, label: str, date: str, round_id: str | None = None) -> Round:
    """The project's current assessment as a round (copies: later edits never reach it)."""
    ass = project.assessment
    return Round(
        id=round_id or new_round_id(project),
        label=label,
        date=date,
        model_id=project.model.id,
        model_revision=project.model.revision,
        lens_weights=dict(ass.lens_weights),
        capabilities={
            cap_id: RoundCapability(found.applicable, dict(found.lenses), found.target)
            for cap_id, found in ass.capabilities.items()
        },
    )


@dataclass(frozen=True, slots=True)
class ReplaceHistory(Edit):
    """Replace the list of rounds (and, for a re-assessment, the assessment date) in one step.

    The rounds are copied in on every apply, so nothing done to the project later reaches the
    rounds this edit holds, and undo restores exactly what was there.
    """

    old: tuple[Round, ...]
    new: tuple[Round, ...]
    text: str
    old_date: str | None = None  # the engagement's assessment date to restore, None: unchanged
    new_date: str | None = None

    def apply(self, project: Project) -> Change:
        """Set the history (and the assessment date, for a re-assessment)."""
        project.assessment.history = copy.deepcopy(list(self.new))
        if self.new_date is not None:
            project.engagement.assessment_date = self.new_date
            return Change(ChangeKind.ENGAGEMENT, ("assessment_date", "history"))
        return Change(ChangeKind.HISTORY)

    def inverse(self) -> ReplaceHistory:
        """The edit that puts the rounds (and the date) back."""
        return replace(self, old=self.new, new=self.old, old_date=self.new_date, new_date=self.old_date)


def _label(label: object) -> str:
    if not isinstance(label, str) or not label.strip():
        raise EditRefused("A round needs a label, e.g. 'Baseline, November 2026'.")
    if len(label) > SHORT_TEXT_MAX:
        raise EditRefused(f"A round's label is at most {SHORT_TEXT_MAX} characters; this one is {len(label):,}.")
    return label.strip()


def _date(date: object, today: dt.date) -> str:
    if not isinstance(date, str) or not is_iso_date(date):
        raise EditRefused(f"A round's date must be a date written YYYY-MM-DD, not {date!r}.")
    if dt.date.fromisoformat(date) > today:
        raise EditRefused(f"A round's date cannot be in the future ({date}; today is {today.isoformat()}).")
    return date


def start_reassessment(project: Project, label: str, date: str, *, today: dt.date | None = None) -> ReplaceHistory:
    """The edit that freezes the current assessment as a round dated ``date`` and starts a new one today.

    Raises:
        EditRefused: no label, a date that is not ``YYYY-MM-DD`` or is in the future, or a date
            before the latest round's (rounds are kept in the order they happened).
    """
    when = today or dt.date.today()
    label, date = _label(label), _date(date, when)
    history = project.assessment.history
    if history and date < history[-1].date:
        raise EditRefused(
            f"The round being frozen is dated {date}, before the latest round ({history[-1].label}, "
            f"{history[-1].date}); rounds are kept in the order they happened."
        )
    frozen = freeze_round(project, label, date)
    return ReplaceHistory(
        tuple(history),
        (*history, frozen),
        f"Start re-assessment (freeze '{label}')",
        old_date=project.engagement.assessment_date,
        new_date=max(when.isoformat(), date),
    )


def add_round(project: Project, past: Round, *, today: dt.date | None = None) -> ReplaceHistory:
    """The edit that adds a round from elsewhere (an earlier project file), in date order.

    Raises:
        EditRefused: the round has no label, a bad or future date.
    """
    when = today or dt.date.today()
    label, date = _label(past.label), _date(past.date, when)
    taken = {r.id for r in project.assessment.history}
    added = replace(copy.deepcopy(past), label=label, date=date)
    if added.id in taken or not added.id:
        added = replace(added, id=new_round_id(project))
    rounds = sorted([*project.assessment.history, added], key=lambda r: r.date)  # stable: equal dates keep order
    return ReplaceHistory(tuple(project.assessment.history), tuple(rounds), f"Import round '{label}'")


def rename_round(project: Project, round_id: str, label: str) -> ReplaceHistory:
    """The edit that gives a round another label (nothing else of it changes).

    Raises:
        EditRefused: no such round, or the label is empty or too long.
    """
    label = _label(label)
    try:
        round_by_id(project, round_id)
    except KeyError as exc:
        raise EditRefused(f"There is {exc.args[0]}.") from None
    history = tuple(project.assessment.history)
    renamed = tuple(replace(r, label=label) if r.id == round_id else r for r in history)
    return ReplaceHistory(history, renamed, f"Rename round to '{label}'")


def delete_round(project: Project, round_id: str) -> ReplaceHistory:
    """The edit that deletes a round (undo brings it back unchanged).

    Raises:
        EditRefused: no such round.
    """
    try:
        gone = round_by_id(project, round_id)
    except KeyError as exc:
        raise EditRefused(f"There is {exc.args[0]}.") from None
    history = tuple(project.assessment.history)
    return ReplaceHistory(history, tuple(r for r in history if r.id != round_id), f"Delete round '{gone.label}'")
