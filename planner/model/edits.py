"""Every user edit as a Qt-free object: apply it, invert it, merge it, and know what it changed.

The desktop app wraps each edit in one generic undo command; the command line and the tests use
the same objects without a QApplication. An edit is built by a factory that reads the project's
current state and checks the new value against :mod:`planner.model.limits`, raising
:class:`EditRefused` with a sentence a consultant can read (a refused edit changes nothing).

Edits are frozen values. :meth:`Edit.apply` mutates the project and returns the :class:`Change`;
:meth:`Edit.inverse` is the edit that undoes it exactly, so "apply, then apply the inverse" leaves
the project as it was, down to the bytes of its file. Per-capability edits therefore record the
whole capability record before and after (``None`` where the capability had no record yet):
scoring a lens of a capability never scored creates its record, and undoing that removes it
again. Continuous edits (typing in a text field, spinning a weight) carry a ``merge_key``; two
edits with the same key merge into one that goes from the first's old value to the second's new
value, so one burst of typing is one undo step. Upgrading the project's model is one edit too
(:class:`ReplaceModel`): model, engagement, assessment and roadmap change together, and the
:class:`Change` of kind ``MODEL`` tells the views to rebuild.
"""

from __future__ import annotations

import copy
import enum
import re
from abc import ABC, abstractmethod
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from planner.model.capmodel import ORG_SIZES, CapabilityModel
from planner.model.checks import is_iso_date
from planner.model.limits import (
    DEFAULT_WEIGHT,
    IMPORTANCE_RANGE,
    LENS_SCORE_MAX,
    LONG_TEXT_MAX,
    MONTH_MAX,
    SHORT_TEXT_MAX,
    WEIGHT_RANGE,
)
from planner.model.project import Assessment, CapabilityAssessment, Engagement, Project, Roadmap

__all__ = [
    "CAPABILITY_FIELDS",
    "ENGAGEMENT_FIELDS",
    "Change",
    "ChangeKind",
    "Edit",
    "EditRefused",
    "ProjectContent",
    "ReplaceModel",
    "ReplaceRoadmap",
    "SetCapabilityRecord",
    "SetEngagementField",
    "SetLensWeight",
    "replace_model",
    "replace_roadmap",
    "score_lens",
    "set_capability_field",
    "set_engagement_field",
    "set_lens_weight",
]

#: Engagement fields an edit may set (``scopes`` is a list of text; ``start_date`` a ``YYYY-MM`` month
#: or ``None``; ``org_size`` one of the model's sizes or ``None``; the others are text).
ENGAGEMENT_FIELDS = (
    "client", "title", "consultant", "firm", "assessment_date", "scopes", "summary", "start_date", "org_size",
)  # fmt: skip
#: Per-capability fields an edit may set, besides the lens scores.
CAPABILITY_FIELDS = ("applicable", "target", "importance", "notes", "internal_notes", "evidence", "na_reason")

_LABELS = {
    "client": "client",
    "title": "title",
    "consultant": "consultant",
    "firm": "firm",
    "assessment_date": "assessment date",
    "scopes": "scopes",
    "summary": "executive summary",
    "start_date": "plan start",
    "org_size": "organisation size",
    "applicable": "applicability",
    "target": "target level",
    "importance": "importance",
    "notes": "client-facing notes",
    "internal_notes": "internal notes",
    "evidence": "evidence",
    "na_reason": "reason it does not apply",
}
_LONG_TEXT = ("summary", "notes", "internal_notes", "na_reason")
_TYPED_TEXT = ("notes", "internal_notes", "evidence", "na_reason")  # merged while the consultant types
#: Engagement fields picked rather than typed: each choice is its own undo step (not merged), so
#: clearing the start month right after choosing it is undone on its own.
_CHOSEN = ("org_size", "start_date")
_START_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


class EditRefused(Exception):
    """The edit is not allowed; the message is a sentence for the user. Nothing was changed."""


class ChangeKind(enum.Enum):
    """Which part of a project an edit changed."""

    ENGAGEMENT = "engagement"  # ids: field names
    ASSESSMENT = "assessment"  # ids: capability ids
    WEIGHTS = "weights"  # ids: lens ids; every score may change
    ROADMAP = "roadmap"  # ids: initiative ids, empty for "anything"
    MODEL = "model"  # ids: empty; the model and everything scored against it changed (views rebuild)
    HISTORY = "history"  # ids: empty; the earlier rounds (labels, rounds added or deleted)


@dataclass(frozen=True, slots=True)
class Change:
    """What an edit changed, so each view refreshes only what it shows."""

    kind: ChangeKind
    ids: tuple[str, ...] = ()

    @property
    def affects_scores(self) -> bool:
        """Whether scores, levels or gaps may differ after this change."""
        return self.kind in (ChangeKind.ASSESSMENT, ChangeKind.WEIGHTS, ChangeKind.MODEL)


class Edit(ABC):
    """One undoable change to a project."""

    #: What the undo history calls it ("Score Allocation: Process 3").
    text: str

    @abstractmethod
    def apply(self, project: Project) -> Change:
        """Make the change; return what changed."""

    @abstractmethod
    def inverse(self) -> Edit:
        """Return the edit that undoes this one."""

    @property
    def merge_key(self) -> Hashable | None:
        """Edits with the same key merge into one undo step (``None``: never merged)."""
        return None

    def merge(self, later: Edit) -> Edit:
        """Return one edit doing this one and then ``later`` (which has the same merge key)."""
        raise TypeError(f"{type(self).__name__} does not merge")

    @property
    def is_noop(self) -> bool:
        """Whether the edit changes nothing (a merge that returned to the original value)."""
        return False


# -- engagement ------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SetEngagementField(Edit):
    """Change one engagement field."""

    name: str
    old: Any
    new: Any
    text: str

    def apply(self, project: Project) -> Change:
        setattr(project.engagement, self.name, copy.copy(self.new))
        return Change(ChangeKind.ENGAGEMENT, (self.name,))

    def inverse(self) -> SetEngagementField:
        return replace(self, old=self.new, new=self.old)

    @property
    def merge_key(self) -> Hashable | None:
        return None if self.name in _CHOSEN else ("engagement", self.name)

    def merge(self, later: Edit) -> SetEngagementField:
        assert isinstance(later, SetEngagementField)  # noqa: S101  # same merge key
        return replace(self, new=later.new)

    @property
    def is_noop(self) -> bool:
        return bool(self.old == self.new)


def set_engagement_field(project: Project, name: str, value: Any) -> SetEngagementField:
    """Return the edit that sets an engagement field (see :data:`ENGAGEMENT_FIELDS`).

    Raises:
        EditRefused: an unknown field, a value of the wrong kind or too long, a start that is not
            a ``YYYY-MM`` month, or a size the model does not know.
    """
    if name not in ENGAGEMENT_FIELDS:
        raise EditRefused(f"The engagement has no field {name!r}.")
    label = _LABELS[name]
    if name in ("start_date", "org_size"):
        value = _plan_fact(name, value)
    elif name == "scopes":
        if isinstance(value, str) or not isinstance(value, Sequence):
            raise EditRefused("Scopes must be a list of names.")
        value = [_text(scope, "A scope", SHORT_TEXT_MAX) for scope in value]
    else:
        value = _text(value, f"The {label}", LONG_TEXT_MAX if name in _LONG_TEXT else SHORT_TEXT_MAX)
    if name == "assessment_date" and value and not is_iso_date(value):
        raise EditRefused(f"The assessment date must be a date written YYYY-MM-DD, not {value!r}.")
    old = copy.copy(getattr(project.engagement, name))
    return SetEngagementField(name, old, value, f"Edit {label}")


def _plan_fact(name: str, value: Any) -> str | None:
    """Check the plan's start month (``YYYY-MM``) or the organisation size; ``None`` clears either."""
    if value is None:
        return None
    if name == "start_date":
        if not isinstance(value, str) or not _START_MONTH.fullmatch(value) or value < "0001-01":
            raise EditRefused(f"The plan start must be a month written YYYY-MM, like 2027-03, not {value!r}.")
        return value
    if value not in ORG_SIZES:
        raise EditRefused(f"The organisation size must be one of {', '.join(ORG_SIZES)} or not set, not {value!r}.")
    return str(value)


# -- one capability's findings ---------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SetCapabilityRecord(Edit):
    """Replace one capability's record (``None``: the capability has no record, i.e. is unscored)."""

    capability_id: str
    old: CapabilityAssessment | None
    new: CapabilityAssessment | None
    text: str
    key: Hashable | None = None

    def apply(self, project: Project) -> Change:
        records = project.assessment.capabilities
        if self.new is None:
            records.pop(self.capability_id, None)
        else:
            records[self.capability_id] = copy.deepcopy(self.new)
        return Change(ChangeKind.ASSESSMENT, (self.capability_id,))

    def inverse(self) -> SetCapabilityRecord:
        return replace(self, old=self.new, new=self.old)

    @property
    def merge_key(self) -> Hashable | None:
        return self.key

    def merge(self, later: Edit) -> SetCapabilityRecord:
        assert isinstance(later, SetCapabilityRecord)  # noqa: S101  # same merge key
        return replace(self, new=later.new)

    @property
    def is_noop(self) -> bool:
        return self.old == self.new


def _record(project: Project, capability_id: str) -> tuple[CapabilityAssessment | None, CapabilityAssessment]:
    """Return the capability's record as it is (``None`` if absent) and a copy to change."""
    try:
        project.model.capability(capability_id)
    except KeyError:
        raise EditRefused(f"The model has no capability {capability_id!r}.") from None
    old = project.assessment.capabilities.get(capability_id)
    new = copy.deepcopy(old) if old is not None else CapabilityAssessment()
    return (copy.deepcopy(old) if old is not None else None), new


def score_lens(project: Project, capability_id: str, lens_id: str, value: int | None) -> SetCapabilityRecord:
    """Return the edit that scores (``None``: unscores) one lens of one capability.

    Raises:
        EditRefused: an unknown capability or lens, or a score outside 0-4.
    """
    model = project.model
    if lens_id not in model.lens_ids:
        raise EditRefused(f"The model has no lens {lens_id!r}.")
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= LENS_SCORE_MAX
    ):
        raise EditRefused(f"A lens score must be a whole number from 0 to {LENS_SCORE_MAX}, not {value!r}.")
    old, new = _record(project, capability_id)
    new.lenses[lens_id] = value
    what = "unscored" if value is None else str(value)
    text = f"Score {model.capability(capability_id).name}: {model.lens(lens_id).name} {what}"
    return SetCapabilityRecord(capability_id, old, new, text)


def set_capability_field(project: Project, capability_id: str, name: str, value: Any) -> SetCapabilityRecord:
    """Return the edit that sets a capability's target, importance, applicability, notes, evidence or N/A reason.

    Raises:
        EditRefused: an unknown capability or field, or a value the project file could not hold.
    """
    if name not in CAPABILITY_FIELDS:
        raise EditRefused(f"A capability has no field {name!r}.")
    model = project.model
    old, new = _record(project, capability_id)
    setattr(new, name, _capability_value(project, name, value))
    key = ("capability", capability_id, name) if name in _TYPED_TEXT else None
    return SetCapabilityRecord(
        capability_id, old, new, f"Edit {_LABELS[name]} of {model.capability(capability_id).name}", key
    )


def _capability_value(project: Project, name: str, value: Any) -> Any:
    if name == "applicable":
        if not isinstance(value, bool):
            raise EditRefused("Applicability is yes or no.")
        return value
    if name == "target":
        levels = [level.id for level in project.model.levels]
        if value is not None and value not in levels:
            raise EditRefused(f"The target must be one of the levels {', '.join(levels)}, not {value!r}.")
        return value
    if name == "importance":
        low, high = IMPORTANCE_RANGE
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise EditRefused(f"Importance must be a whole number from {low} to {high}, not {value!r}.")
        return value
    if name == "evidence":
        if isinstance(value, str) or not isinstance(value, Sequence):
            raise EditRefused("Evidence must be a list of texts.")
        return [_text(item, "A piece of evidence", LONG_TEXT_MAX) for item in value]
    return _text(value, f"The {_LABELS[name]}", LONG_TEXT_MAX)


# -- lens weights ----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SetLensWeight(Edit):
    """Change the weight of a lens for the whole project (``None``: no weight set, i.e. 1)."""

    lens_id: str
    old: float | None
    new: float | None
    text: str

    def apply(self, project: Project) -> Change:
        weights = project.assessment.lens_weights
        if self.new is None:
            weights.pop(self.lens_id, None)
        else:
            weights[self.lens_id] = self.new
        return Change(ChangeKind.WEIGHTS, (self.lens_id,))

    def inverse(self) -> SetLensWeight:
        return replace(self, old=self.new, new=self.old)

    @property
    def merge_key(self) -> Hashable | None:
        return ("weight", self.lens_id)

    def merge(self, later: Edit) -> SetLensWeight:
        assert isinstance(later, SetLensWeight)  # noqa: S101  # same merge key
        return replace(self, new=later.new, text=later.text)

    @property
    def is_noop(self) -> bool:
        return self.old == self.new


def set_lens_weight(project: Project, lens_id: str, value: float) -> SetLensWeight:
    """Return the edit that sets a lens weight.

    Raises:
        EditRefused: an unknown lens, a weight out of range, or every lens weighing 0.
    """
    model = project.model
    if lens_id not in model.lens_ids:
        raise EditRefused(f"The model has no lens {lens_id!r}.")
    low, high = WEIGHT_RANGE
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise EditRefused(f"A lens weight must be a number from {low:g} to {high:g}, not {value!r}.")
    weights = project.assessment.lens_weights
    if value == 0 and all(weights.get(other, DEFAULT_WEIGHT) == 0 for other in model.lens_ids if other != lens_id):
        raise EditRefused("At least one lens must weigh more than 0, or no capability could be scored.")
    return SetLensWeight(
        lens_id, weights.get(lens_id), float(value), f"Set {model.lens(lens_id).name} weight to {value:g}"
    )


# -- the roadmap -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ReplaceRoadmap(Edit):
    """Any roadmap edit: the roadmap engine's pure functions return a new roadmap, which replaces it."""

    old: Roadmap
    new: Roadmap
    text: str
    ids: tuple[str, ...] = ()

    def apply(self, project: Project) -> Change:
        project.roadmap = self.new
        return Change(ChangeKind.ROADMAP, self.ids)

    def inverse(self) -> ReplaceRoadmap:
        return replace(self, old=self.new, new=self.old)


def replace_roadmap(project: Project, new: Roadmap, text: str, ids: tuple[str, ...] = ()) -> ReplaceRoadmap:
    """Return the edit that replaces the project's roadmap with ``new`` (never mutated afterwards).

    Raises:
        EditRefused: the plan starts work after the last month a project file can hold (a
            scheduler's capacity far too low for the targets): it could be shown but never saved.
    """
    last = max((item.start_month for item in new.initiatives), default=0)
    if last > MONTH_MAX:
        raise EditRefused(
            f"This plan would start work in month {last + 1:,}, {last / 12:,.0f} years from now; a project holds "
            f"plans of up to {MONTH_MAX // 12} years. Raise the capacity, lower some targets or remove "
            "initiatives, then try again."
        )
    return ReplaceRoadmap(project.roadmap, new, text, ids)


# -- the model -------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ProjectContent:
    """Everything of a project an upgrade replaces: the model and all that is scored against it."""

    model: CapabilityModel
    engagement: Engagement
    assessment: Assessment
    roadmap: Roadmap
    extra: dict[str, Any]

    @classmethod
    def of(cls, project: Project) -> ProjectContent:
        """A copy of the project's content (the model is immutable and shared)."""
        return cls(
            project.model,
            copy.deepcopy(project.engagement),
            copy.deepcopy(project.assessment),
            copy.deepcopy(project.roadmap),
            copy.deepcopy(project.extra),
        )


@dataclass(frozen=True, slots=True)
class ReplaceModel(Edit):
    """Move the project to another model (an upgrade): model, engagement, assessment and roadmap at once.

    The contents are copied in on every apply, so later edits of the project never reach them and
    undoing and redoing restores exactly what was reviewed.
    """

    old: ProjectContent
    new: ProjectContent
    text: str

    def apply(self, project: Project) -> Change:
        project.model = self.new.model
        project.engagement = copy.deepcopy(self.new.engagement)
        project.assessment = copy.deepcopy(self.new.assessment)
        project.roadmap = copy.deepcopy(self.new.roadmap)
        project.extra = copy.deepcopy(self.new.extra)
        return Change(ChangeKind.MODEL)

    def inverse(self) -> ReplaceModel:
        return replace(self, old=self.new, new=self.old)


def replace_model(project: Project, upgraded: Project, text: str) -> ReplaceModel:
    """Return the edit that replaces the project by ``upgraded`` (an upgrade's result, reviewed).

    Raises:
        EditRefused: ``upgraded`` has the very model the project has (nothing to upgrade).
    """
    if upgraded.model is project.model or (
        upgraded.model.id == project.model.id
        and upgraded.model.revision == project.model.revision
        and upgraded.model.document == project.model.document
    ):
        raise EditRefused("The project already uses this model.")
    return ReplaceModel(ProjectContent.of(project), ProjectContent.of(upgraded), text)


# -- checks ----------------------------------------------------------------------------------------
def _text(value: Any, what: str, limit: int) -> str:
    if not isinstance(value, str):
        raise EditRefused(f"{what} must be text.")
    if len(value) > limit:
        raise EditRefused(
            f"{what} is {len(value):,} characters long; the most a project can hold is {limit:,}. Shorten it first."
        )
    return value
