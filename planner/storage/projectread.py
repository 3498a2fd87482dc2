"""Read and validate the engagement and assessment of a (migrated) version-2 project document.

Field rules (decisions where the design is silent are noted): scores are whole numbers 0-4 or
null; importance 1-5; lens weights 0-10 (at least one above 0); capacity and owner capacity 1-50;
months 0-600 and durations 1-120; ``assessment_date``, a round's ``date`` and ``done_date``
``YYYY-MM-DD``; ``start_date`` ``YYYY-MM``; any single text at most as :mod:`planner.model.limits`
says. A participant's ``role`` names a persona of the model (or is empty); votes name known
participants and lenses. Every problem is recorded with its path; keys this version does not know
are kept in ``extra``. The roadmap is read by :mod:`planner.storage.roadmapread`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from planner.model.capmodel import CapabilityModel
from planner.model.checks import Checker, is_iso_date, join_path
from planner.model.limits import (
    DEFAULT_IMPORTANCE,
    DEFAULT_WEIGHT,
    IMPORTANCE_RANGE,
    LENS_SCORE_MAX,
    LONG_TEXT_MAX,
    NAME_MAX,
    SHORT_TEXT_MAX,
    WEIGHT_RANGE,
)
from planner.model.project import (
    ORG_SIZES,
    Assessment,
    CapabilityAssessment,
    Engagement,
    Participant,
    Round,
    RoundCapability,
)

__all__ = ["extra_keys", "read_assessment", "read_date", "read_engagement", "read_target"]

_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
_ENGAGEMENT = (
    "client", "title", "consultant", "firm", "assessment_date", "scopes", "summary", "start_date", "org_size",
    "participants",
)  # fmt: skip
_PARTICIPANT = ("id", "name", "role", "team")
_CAP = (
    "applicable", "lenses", "target", "importance", "notes", "internal_notes", "evidence", "na_reason", "votes",
)  # fmt: skip
_ROUND = ("id", "label", "date", "model_id", "model_revision", "lens_weights", "capabilities")
_ROUND_CAP = ("applicable", "lenses", "target")


def extra_keys(raw: dict[str, Any], known: tuple[str, ...]) -> dict[str, Any]:
    """The keys of ``raw`` this release does not know, kept to be written back."""
    return {k: v for k, v in raw.items() if k not in known}


def read_date(check: Checker, raw: dict[str, Any], key: str, path: str, *, nullable: bool) -> str | None:
    """Return a ``YYYY-MM-DD`` date (empty text allowed where not nullable, null where nullable)."""
    value = raw.get(key)
    if value is None and nullable:
        return None
    text = check.text(raw, key, path, required=False, max_len=10)
    if text and not is_iso_date(text):
        check.add(join_path(path, key), f"must be a date like 2026-11-29, not {text!r}")
    return text or (None if nullable else "")


def _lens_scores(check: Checker, model: CapabilityModel, raw: object, here: str) -> dict[str, int | None]:
    if isinstance(raw, dict) and all(
        lens_id in model.lens_ids and (value is None or (type(value) is int and 0 <= value <= LENS_SCORE_MAX))
        for lens_id, value in raw.items()
    ):
        return dict(raw)  # the usual case, checked at once: field paths are only built for a problem
    scores: dict[str, int | None] = {}
    for lens_id, value in check.obj(raw, here).items():
        if lens_id not in model.lens_ids:
            check.add(join_path(here, lens_id), f"unknown lens {lens_id!r}")
            continue
        scores[lens_id] = (
            None if value is None else check.integer_value(value, join_path(here, lens_id), 0, LENS_SCORE_MAX)
        )
    return scores


def read_target(check: Checker, model: CapabilityModel, raw: dict[str, Any], here: str) -> str | None:
    """Return a level id of the model, or ``None`` (a problem is recorded for anything else)."""
    target = raw.get("target")
    if target is not None and (not isinstance(target, str) or target not in model.level_ids):
        check.add(join_path(here, "target"), f"unknown level {target!r} (one of {', '.join(model.level_ids)}, or null)")
        return None
    return target


def _lens_weights(check: Checker, model: CapabilityModel, raw: dict[str, Any], path: str) -> dict[str, float]:
    weights_path = join_path(path, "lens_weights")
    weights_raw = check.obj(raw.get("lens_weights", {}), weights_path)
    weights: dict[str, float] = {}
    for lens_id in weights_raw:
        if lens_id not in model.lens_ids:
            check.add(join_path(weights_path, lens_id), f"unknown lens {lens_id!r}")
            continue
        weights[lens_id] = check.number(weights_raw, lens_id, weights_path, *WEIGHT_RANGE, default=DEFAULT_WEIGHT)
    if weights and all(weights.get(lid, DEFAULT_WEIGHT) == 0 for lid in model.lens_ids):
        check.add(weights_path, "at least one lens must weigh more than 0")
    return weights


# -- engagement ------------------------------------------------------------------------------------
def read_engagement(check: Checker, model: CapabilityModel, raw: dict[str, Any]) -> Engagement:
    """Validate the engagement object."""
    p = "engagement"
    scopes = [
        check.text_value(s, join_path(join_path(p, "scopes"), i), max_len=SHORT_TEXT_MAX)
        for i, s in enumerate(check.seq(raw, "scopes", p, required=False))
    ]
    start = raw.get("start_date")
    if start is not None and (not isinstance(start, str) or not _MONTH.fullmatch(start)):
        check.add(join_path(p, "start_date"), f"must be a month like 2027-01, or null, not {start!r}")
        start = None
    return Engagement(
        client=check.text(raw, "client", p, required=False, max_len=SHORT_TEXT_MAX),
        title=check.text(raw, "title", p, required=False, max_len=SHORT_TEXT_MAX),
        consultant=check.text(raw, "consultant", p, required=False, max_len=SHORT_TEXT_MAX),
        firm=check.text(raw, "firm", p, required=False, max_len=SHORT_TEXT_MAX),
        assessment_date=read_date(check, raw, "assessment_date", p, nullable=False) or "",
        scopes=scopes,
        summary=check.text(raw, "summary", p, required=False, max_len=LONG_TEXT_MAX),
        start_date=start,
        org_size=check.choice(raw, "org_size", p, ORG_SIZES, default=None),
        participants=_participants(check, model, raw, p),
        extra=extra_keys(raw, _ENGAGEMENT),
    )


def _participants(check: Checker, model: CapabilityModel, raw: dict[str, Any], p: str) -> list[Participant]:
    personas = {persona.name for persona in model.personas}
    found: list[Participant] = []
    for i, item in enumerate(check.seq(raw, "participants", p, required=False)):
        here = join_path(join_path(p, "participants"), i)
        obj = check.obj(item, here)
        person = Participant(
            id=check.text(obj, "id", here, empty_ok=False, max_len=NAME_MAX),
            name=check.text(obj, "name", here, empty_ok=False, max_len=SHORT_TEXT_MAX),
            role=check.text(obj, "role", here, required=False, max_len=SHORT_TEXT_MAX),
            team=check.text(obj, "team", here, required=False, max_len=SHORT_TEXT_MAX),
            extra=extra_keys(obj, _PARTICIPANT),
        )
        if person.role and person.role not in personas:
            check.add(join_path(here, "role"), f"unknown role {person.role!r} (a persona of the model, or empty)")
        if person.id and any(other.id == person.id for other in found):
            check.add(join_path(here, "id"), f"duplicate participant {person.id!r}")
        found.append(person)
    return found


# -- assessment ------------------------------------------------------------------------------------
def read_assessment(
    check: Checker, model: CapabilityModel, raw: dict[str, Any], participants: list[Participant]
) -> Assessment:
    """Validate the assessment object (votes must name one of ``participants``)."""
    p = "assessment"
    weights = _lens_weights(check, model, raw, p)
    caps_path = join_path(p, "capabilities")
    who = {person.id for person in participants}
    caps: dict[str, CapabilityAssessment] = {}
    for cap_id, cap_raw in check.obj(raw.get("capabilities", {}), caps_path).items():
        here = join_path(caps_path, cap_id)
        if cap_id not in model.capabilities:
            check.add(here, f"unknown capability {cap_id!r} (not in the model {model.id!r})")
            continue
        caps[cap_id] = _capability(check, model, check.obj(cap_raw, here), here, who)
    today = dt.date.today()
    history = [
        _round(check, model, check.obj(item, here), here, today)
        for i, item in enumerate(check.seq(raw, "history", p, required=False))
        for here in [join_path(join_path(p, "history"), i)]
    ]
    ids = [r.id for r in history]
    for i, past in enumerate(history):
        if past.id and ids.index(past.id) != i:
            check.add(join_path(join_path(join_path(p, "history"), i), "id"), f"duplicate round {past.id!r}")
    return Assessment(weights, caps, history, extra_keys(raw, ("lens_weights", "capabilities", "history")))


def _capability(
    check: Checker, model: CapabilityModel, raw: dict[str, Any], here: str, participants: set[str]
) -> CapabilityAssessment:
    evidence = [
        check.text_value(e, join_path(join_path(here, "evidence"), i), max_len=LONG_TEXT_MAX)
        for i, e in enumerate(check.seq(raw, "evidence", here, required=False))
    ]
    votes_path = join_path(here, "votes")
    votes: dict[str, dict[str, int | None]] = {}
    for person, scores in check.obj(raw.get("votes", {}), votes_path).items():
        if person not in participants:
            check.add(join_path(votes_path, person), f"unknown participant {person!r}")
            continue
        votes[person] = _lens_scores(check, model, scores, join_path(votes_path, person))
    return CapabilityAssessment(
        applicable=check.boolean(raw, "applicable", here, default=True),
        lenses=_lens_scores(check, model, raw.get("lenses", {}), join_path(here, "lenses")),
        target=read_target(check, model, raw, here),
        importance=check.integer(
            raw, "importance", here, *IMPORTANCE_RANGE, required=False, default=DEFAULT_IMPORTANCE
        ),
        notes=check.text(raw, "notes", here, required=False, max_len=LONG_TEXT_MAX),
        internal_notes=check.text(raw, "internal_notes", here, required=False, max_len=LONG_TEXT_MAX),
        evidence=evidence,
        na_reason=check.text(raw, "na_reason", here, required=False, max_len=LONG_TEXT_MAX),
        votes=votes,
        extra=extra_keys(raw, _CAP),
    )


def _round_capabilities(model: CapabilityModel, model_id: str) -> frozenset[str] | None:
    """The capability ids a round scored against ``model_id`` may name (``None``: unknown here).

    The project's own model (any revision: revisions keep capability ids), or a model the
    project's model says it succeeds (its ``predecessors`` entry names every id that changed; the
    others kept theirs). A round of any other model is not checked: this release cannot know it.
    """
    own = frozenset(model.capabilities)
    if model_id == model.id:
        return own
    preds = model.document.get("predecessors", {})
    entry = preds.get(model_id) if isinstance(preds, dict) else None
    if not isinstance(entry, dict):
        return None
    named: set[str] = set()
    for key in ("renamed", "merged"):
        if isinstance(entry.get(key), dict):
            named |= {k for k in entry[key] if isinstance(k, str)}
    if isinstance(entry.get("removed"), list):
        named |= {k for k in entry["removed"] if isinstance(k, str)}
    return own | named


def _round(check: Checker, model: CapabilityModel, raw: dict[str, Any], here: str, today: dt.date) -> Round:
    """An earlier round, scored against the model named in it.

    That may be an older model than the project's (an upgraded project): capability ids are
    checked against what the project's model says of that model (see :func:`_round_capabilities`),
    and levels only when the round is of the project's own model. Lenses are checked, since every
    model shares the five lenses. A round must have a date, and it may not be after today (a
    round is something that happened; a day of slack for time zones).
    """
    model_id = check.text(raw, "model_id", here, empty_ok=False, max_len=NAME_MAX)
    known = _round_capabilities(model, model_id)
    caps_path = join_path(here, "capabilities")
    caps: dict[str, RoundCapability] = {}
    for cap_id, cap_raw in check.obj(raw.get("capabilities", {}), caps_path).items():
        at = join_path(caps_path, cap_id)
        if known is not None and cap_id not in known:
            check.add(at, f"unknown capability {cap_id!r} (not in the model {model_id!r})")
            continue
        obj = check.obj(cap_raw, at)
        target = obj.get("target")
        if target is not None and not isinstance(target, str):
            check.add(join_path(at, "target"), f"must be a level id or null, not {target!r}")
            target = None
        elif model_id == model.id and target is not None and target not in model.level_ids:
            check.add(
                join_path(at, "target"), f"unknown level {target!r} (one of {', '.join(model.level_ids)}, or null)"
            )
            target = None
        caps[cap_id] = RoundCapability(
            applicable=check.boolean(obj, "applicable", at, default=True),
            lenses=_lens_scores(check, model, obj.get("lenses", {}), join_path(at, "lenses")),
            target=target,
            extra=extra_keys(obj, _ROUND_CAP),
        )
    date = ""
    if "date" not in raw or raw.get("date") in (None, ""):
        check.add(join_path(here, "date"), "a round needs the date it was assessed, like 2026-11-29")
    else:
        date = read_date(check, raw, "date", here, nullable=False) or ""
        if is_iso_date(date) and dt.date.fromisoformat(date) > today + dt.timedelta(days=1):
            check.add(join_path(here, "date"), f"{date} is in the future: a round is an assessment already made")
    return Round(
        id=check.text(raw, "id", here, empty_ok=False, max_len=NAME_MAX),
        label=check.text(raw, "label", here, empty_ok=False, max_len=SHORT_TEXT_MAX),
        date=date,
        model_id=model_id,
        model_revision=check.optional_integer(raw, "model_revision", here, 0, 1_000_000),
        lens_weights=_lens_weights(check, model, raw, here),
        capabilities=caps,
        extra=extra_keys(raw, _ROUND),
    )
