"""Participants and their votes: who took part, what each scored, where views diverge, and the consensus.

Each participant of the engagement may score every lens of every capability (``votes``); the
capability's ``lenses`` stay the consensus that every score uses, and only the consultant sets
them. Decisions where the design is silent:

- A participant id is a short slug of the name made unique in the project ("dana-lee",
  "dana-lee-2"); it never changes when the name is edited, so questionnaires sent earlier still map
  back.
- A vote of ``None`` means the participant answered "N/A" (the lens does not apply for them); a
  lens they did not answer (or answered "Don't know") has no vote at all. Neither counts in the
  spread or the median.
- The offered consensus is the median of the votes; with an even number of votes it is the lower
  of the two middle scores, since a maturity assessment should not round a split room upwards.
- Accepting the consensus never overwrites a lens the consultant has already scored differently
  unless the caller says so (the app asks first); :class:`EditRefused` names the lens and both
  scores.

Editing participants (add, edit, remove) and importing answers are one edit,
:class:`SetVoices`: it replaces the participant list and the records of the capabilities whose
votes change together, so removing a participant removes their votes in the same undo step.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from planner.model.edits import Change, ChangeKind, Edit, EditRefused, SetCapabilityRecord
from planner.model.limits import LENS_SCORE_MAX, LONG_TEXT_MAX, SHORT_TEXT_MAX
from planner.model.project import CapabilityAssessment, Participant, Project

__all__ = [
    "Disagreement",
    "LensSpread",
    "SetVoices",
    "VoteChange",
    "accept_consensus",
    "add_participant",
    "disagreements",
    "edit_participant",
    "lens_spread",
    "median_vote",
    "new_participant_id",
    "record_votes",
    "remove_participant",
    "set_vote",
    "votes_of",
]

_SLUG = re.compile(r"[^a-z0-9]+")


# -- the edit --------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SetVoices(Edit):
    """Replace the participants and the records of some capabilities at once (one undo step).

    ``old_records``/``new_records`` map a capability id to its whole record (``None``: no record).
    """

    old_participants: tuple[Participant, ...]
    new_participants: tuple[Participant, ...]
    old_records: Mapping[str, CapabilityAssessment | None]
    new_records: Mapping[str, CapabilityAssessment | None]
    text: str

    def apply(self, project: Project) -> Change:
        """Set the participants and the records; the change names ``participants`` and the capabilities."""
        project.engagement.participants = copy.deepcopy(list(self.new_participants))
        records = project.assessment.capabilities
        for cap_id, record in self.new_records.items():
            if record is None:
                records.pop(cap_id, None)
            else:
                records[cap_id] = copy.deepcopy(record)
        return Change(ChangeKind.ENGAGEMENT, ("participants", *sorted(self.new_records)))

    def inverse(self) -> SetVoices:
        """The edit that restores the participants and records as they were."""
        return replace(
            self,
            old_participants=self.new_participants,
            new_participants=self.old_participants,
            old_records=self.new_records,
            new_records=self.old_records,
        )

    @property
    def is_noop(self) -> bool:
        """Whether nothing changes."""
        return self.old_participants == self.new_participants and dict(self.old_records) == dict(self.new_records)


def _voices(
    project: Project,
    participants: Iterable[Participant],
    records: Mapping[str, CapabilityAssessment | None],
    text: str,
) -> SetVoices:
    old = {cap_id: copy.deepcopy(project.assessment.capabilities.get(cap_id)) for cap_id in records}
    return SetVoices(
        tuple(copy.deepcopy(project.engagement.participants)),
        tuple(copy.deepcopy(list(participants))),
        old,
        {cap_id: copy.deepcopy(record) for cap_id, record in records.items()},
        text,
    )


# -- participants ----------------------------------------------------------------------------------
def new_participant_id(project: Project, name: str, taken: Iterable[str] = ()) -> str:
    """Return a new id for a participant called ``name``: a slug of it, unique in the project."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = _SLUG.sub("-", ascii_name.lower()).strip("-")[:40] or "participant"
    used = {p.id for p in project.engagement.participants} | set(taken)
    candidate, n = base, 1
    while candidate in used:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _checked(project: Project, name: str, role: str, team: str) -> tuple[str, str, str]:
    for what, value, limit in (
        ("name", name, SHORT_TEXT_MAX),
        ("role", role, SHORT_TEXT_MAX),
        ("team", team, SHORT_TEXT_MAX),
    ):
        if not isinstance(value, str):
            raise EditRefused(f"A participant's {what} must be text.")
        if len(value) > limit:
            raise EditRefused(f"A participant's {what} is {len(value):,} characters long; the most is {limit:,}.")
    if not name.strip():
        raise EditRefused("A participant needs a name.")
    personas = [p.name for p in project.model.personas]
    if role and role not in personas:
        raise EditRefused(
            f"The role must be one of the model's personas ({', '.join(personas)}) or empty, not {role!r}."
        )
    return name, role, team


def add_participant(project: Project, name: str, role: str = "", team: str = "") -> SetVoices:
    """Return the edit that adds a participant (a new id is made from the name).

    Raises:
        EditRefused: an empty or too long name, or a role that is not one of the model's personas.
    """
    name, role, team = _checked(project, name, role, team)
    person = Participant(new_participant_id(project, name), name, role, team)
    return _voices(project, [*project.engagement.participants, person], {}, f"Add participant {name}")


def _find(project: Project, participant_id: str) -> int:
    for i, person in enumerate(project.engagement.participants):
        if person.id == participant_id:
            return i
    raise EditRefused(f"The project has no participant {participant_id!r}.")


def edit_participant(project: Project, participant_id: str, name: str, role: str, team: str) -> SetVoices:
    """Return the edit that changes a participant's name, role and team (the id stays).

    Raises:
        EditRefused: an unknown participant, or a value :func:`add_participant` would refuse.
    """
    index = _find(project, participant_id)
    name, role, team = _checked(project, name, role, team)
    people = copy.deepcopy(project.engagement.participants)
    people[index] = replace(people[index], name=name, role=role, team=team)
    return _voices(project, people, {}, f"Edit participant {name}")


def votes_of(project: Project, participant_id: str) -> int:
    """Return how many lens votes a participant has in the project (to ask before removing them)."""
    return sum(len(rec.votes.get(participant_id, {})) for rec in project.assessment.capabilities.values())


def remove_participant(project: Project, participant_id: str) -> SetVoices:
    """Return the edit that removes a participant and every vote of theirs, as one undo step.

    Raises:
        EditRefused: an unknown participant.
    """
    index = _find(project, participant_id)
    people = copy.deepcopy(project.engagement.participants)
    gone = people.pop(index)
    records: dict[str, CapabilityAssessment | None] = {}
    for cap_id, record in project.assessment.capabilities.items():
        if participant_id in record.votes:
            changed = copy.deepcopy(record)
            del changed.votes[participant_id]
            records[cap_id] = changed
    return _voices(project, people, records, f"Remove participant {gone.name}")


# -- votes -----------------------------------------------------------------------------------------
def _score(value: int | None) -> int | None:
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= LENS_SCORE_MAX
    ):
        raise EditRefused(f"A vote must be a whole number from 0 to {LENS_SCORE_MAX} or N/A, not {value!r}.")
    return value


def _record(project: Project, capability_id: str) -> CapabilityAssessment:
    if capability_id not in project.model.capabilities:
        raise EditRefused(f"The model has no capability {capability_id!r}.")
    found = project.assessment.capabilities.get(capability_id)
    return copy.deepcopy(found) if found is not None else CapabilityAssessment()


_NO_VOTE = object()


def set_vote(
    project: Project, capability_id: str, lens_id: str, participant_id: str, value: int | object | None = _NO_VOTE
) -> SetCapabilityRecord:
    """Return the edit that records one participant's vote on one lens (no ``value``: remove the vote).

    ``None`` records "N/A". Raises :class:`EditRefused` for an unknown capability, lens or
    participant, or a score outside 0-4.
    """
    _find(project, participant_id)
    if lens_id not in project.model.lens_ids:
        raise EditRefused(f"The model has no lens {lens_id!r}.")
    new = _record(project, capability_id)
    old = copy.deepcopy(project.assessment.capabilities.get(capability_id))
    mine = new.votes.setdefault(participant_id, {})
    if value is _NO_VOTE:
        mine.pop(lens_id, None)
        what = "no vote"
    else:
        mine[lens_id] = _score(value)  # type: ignore[arg-type]  # checked by _score
        what = "N/A" if value is None else str(value)
    if not mine:
        del new.votes[participant_id]
    name = next(p.name for p in project.engagement.participants if p.id == participant_id)
    cap, lens = project.model.capability(capability_id).name, project.model.lens(lens_id).name
    return SetCapabilityRecord(capability_id, old, new, f"Vote of {name} on {cap}: {lens} {what}")


@dataclass(frozen=True, slots=True)
class VoteChange:
    """One accepted answer: a participant's vote on one lens (``None``: N/A)."""

    participant_id: str
    capability_id: str
    lens_id: str
    value: int | None


def record_votes(
    project: Project,
    new_people: Iterable[Participant],
    changes: Iterable[VoteChange],
    text: str,
    comments: Iterable[tuple[str, str]] = (),
) -> SetVoices:
    """Return the one edit that adds ``new_people`` and records every vote of ``changes``.

    ``comments`` are ``(capability id, line)`` pairs added to the capability's internal notes
    (attributed, so internal by default); a line the notes already hold is not added again, so
    importing the same answers twice changes nothing.

    Raises:
        EditRefused: a vote names an unknown participant, capability or lens, or a score outside 0-4.
    """
    people = [*copy.deepcopy(project.engagement.participants), *copy.deepcopy(list(new_people))]
    known = {p.id for p in people}
    if len(known) != len(people):
        raise EditRefused("Two participants would have the same id.")
    records: dict[str, CapabilityAssessment | None] = {}
    for change in changes:
        if change.participant_id not in known:
            raise EditRefused(f"The project has no participant {change.participant_id!r}.")
        if change.lens_id not in project.model.lens_ids:
            raise EditRefused(f"The model has no lens {change.lens_id!r}.")
        record = records.get(change.capability_id) or _record(project, change.capability_id)
        record.votes.setdefault(change.participant_id, {})[change.lens_id] = _score(change.value)
        records[change.capability_id] = record
    for cap_id, line in comments:
        record = records.get(cap_id) or _record(project, cap_id)
        if line and line not in record.internal_notes:
            joined = f"{record.internal_notes.rstrip()}\n{line}".lstrip("\n")
            if len(joined) <= LONG_TEXT_MAX:
                record.internal_notes = joined
        records[cap_id] = record
    return _voices(project, people, records, text)


# -- spread and consensus --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class LensSpread:
    """The votes on one lens: lowest, highest and who gave which score (``None`` key: N/A)."""

    low: int | None
    high: int | None
    by_score: Mapping[int | None, tuple[str, ...]] = field(default_factory=dict)

    @property
    def width(self) -> int:
        """``high - low`` (0 with fewer than two scored votes)."""
        return 0 if self.low is None or self.high is None else self.high - self.low

    @property
    def count(self) -> int:
        """How many participants gave a score (N/A not counted)."""
        return sum(len(who) for score, who in self.by_score.items() if score is not None)


def lens_spread(project: Project, capability_id: str, lens_id: str) -> LensSpread:
    """Return the spread of the votes on one lens of one capability (in participant order)."""
    record = project.assessment.capabilities.get(capability_id)
    groups: dict[int | None, list[str]] = {}
    for person in project.engagement.participants:
        mine = record.votes.get(person.id, {}) if record is not None else {}
        if lens_id in mine:
            groups.setdefault(mine[lens_id], []).append(person.id)
    scores = [s for s in groups if s is not None]
    order = sorted(groups, key=lambda s: -1 if s is None else s)
    return LensSpread(min(scores, default=None), max(scores, default=None), {s: tuple(groups[s]) for s in order})


def median_vote(project: Project, capability_id: str, lens_id: str) -> int | None:
    """Return the median of the scored votes on a lens (the lower middle one when even), or ``None``."""
    spread = lens_spread(project, capability_id, lens_id)
    values = sorted(s for s, who in spread.by_score.items() if s is not None for _ in who)
    return values[(len(values) - 1) // 2] if values else None


@dataclass(frozen=True, slots=True)
class Disagreement:
    """A lens the participants scored differently: an item of the workshop's agenda."""

    capability_id: str
    lens_id: str
    spread: LensSpread
    consensus: int | None
    median: int | None


def disagreements(project: Project, minimum_width: int = 1) -> list[Disagreement]:
    """Return every lens whose votes are at least ``minimum_width`` apart, widest first.

    Ties keep the model's order (capability, then lens), so the agenda reads like the assessment.
    """
    found: list[Disagreement] = []
    lenses = project.model.lens_ids
    for cap in project.model.iter_capabilities():
        record = project.assessment.capabilities.get(cap.id)
        if record is None or not record.votes:
            continue
        for lens_id in lenses:
            spread = lens_spread(project, cap.id, lens_id)
            if spread.count >= 2 and spread.width >= minimum_width:
                found.append(
                    Disagreement(
                        cap.id, lens_id, spread, record.lenses.get(lens_id), median_vote(project, cap.id, lens_id)
                    )
                )
    return sorted(found, key=lambda d: -d.spread.width)


def accept_consensus(
    project: Project, capability_id: str, lens_ids: Iterable[str] | None = None, *, overwrite: bool = False
) -> SetCapabilityRecord:
    """Return the edit that sets the consensus of lenses to the median of their votes (one undo step).

    ``lens_ids`` defaults to every lens that has votes. A lens without votes is left alone.

    Raises:
        EditRefused: no lens has a vote, or (unless ``overwrite``) a lens already holds another
            score, so the consultant decides rather than the median silently replacing it.
    """
    model = project.model
    old = copy.deepcopy(project.assessment.capabilities.get(capability_id))
    new = _record(project, capability_id)
    wanted = model.lens_ids if lens_ids is None else tuple(lens_ids)
    taken: list[str] = []
    set_any = False
    for lens_id in wanted:
        if lens_id not in model.lens_ids:
            raise EditRefused(f"The model has no lens {lens_id!r}.")
        median = median_vote(project, capability_id, lens_id)
        if median is None:
            continue
        current = new.lenses.get(lens_id)
        if current is not None and current != median and not overwrite:
            taken.append(f"{model.lens(lens_id).name} is {current}, the votes' median {median}")
        new.lenses[lens_id] = median
        set_any = True
    name = model.capability(capability_id).name
    if not set_any:
        raise EditRefused(f"No participant has scored {name} yet.")
    if taken:
        raise EditRefused(f"{name} already has a consensus: {'; '.join(taken)}. Confirm to replace it.")
    return SetCapabilityRecord(capability_id, old, new, f"Accept the votes' median for {name}")
