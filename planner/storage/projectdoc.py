"""Convert between a :class:`Project` and its version-1 JSON document, validating on the way in.

Field rules (decisions where the design is silent are noted): scores are whole numbers 0-4 or
null; importance 1-5; lens weights 0-10 (at least one above 0); capacity 1-50; months 0-600 and
durations 1-120; ``assessment_date`` empty or ``YYYY-MM-DD``; any single text at most
as :mod:`planner.model.limits` says. Keys this version does not know are kept in ``extra`` and written
back after the known ones, so nothing a newer release stored is lost.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from planner import __version__
from planner.model.capmodel import EFFORTS, CapabilityModel
from planner.model.checks import Checker, Problem, join_path
from planner.model.limits import (
    CAPACITY_RANGE,
    DEFAULT_CAPACITY,
    DEFAULT_IMPORTANCE,
    DEFAULT_WEIGHT,
    DURATION_RANGE,
    IMPORTANCE_RANGE,
    LENS_SCORE_MAX,
    LONG_TEXT_MAX,
    MONTH_MAX,
    NAME_MAX,
    SHORT_TEXT_MAX,
    TITLE_MAX,
    WEIGHT_RANGE,
)
from planner.model.modelload import ModelError, model_from_document
from planner.model.project import (
    INITIATIVE_ORIGINS,
    INITIATIVE_STATUSES,
    Assessment,
    CapabilityAssessment,
    Engagement,
    Initiative,
    Phase,
    Project,
    Roadmap,
)

__all__ = ["FORMAT", "DocumentInvalid", "document_problems", "project_from_document", "project_to_document"]

FORMAT = "finops-roadmap-planner"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TOP = ("format", "schema_version", "saved_by", "model", "engagement", "assessment", "roadmap")
_ENGAGEMENT = ("client", "title", "consultant", "firm", "assessment_date", "scopes", "summary")
_CAP = ("applicable", "lenses", "target", "importance", "notes", "internal_notes", "evidence")
_ROADMAP = ("capacity", "phases", "initiatives")
_PHASE = ("id", "name", "start_month")
_INITIATIVE = (
    "id", "capability", "title", "description", "phase", "owner", "effort", "start_month",
    "duration_months", "status", "depends_on", "origin", "locked", "template", "edited",
)  # fmt: skip


def _extra(raw: dict[str, Any], known: tuple[str, ...]) -> dict[str, Any]:
    return {k: v for k, v in raw.items() if k not in known}


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


# -- writing ---------------------------------------------------------------------------------------
def project_to_document(project: Project) -> dict[str, Any]:
    """Return the version-1 document of a project (keys in a stable, diff-friendly order)."""
    model = project.model
    eng = project.engagement
    ass = project.assessment
    caps: dict[str, Any] = {}
    order = {cid: i for i, cid in enumerate(c.id for c in model.iter_capabilities())}
    for cap_id in sorted(ass.capabilities, key=lambda c: (order.get(c, len(order)), c)):
        found = ass.capabilities[cap_id]
        lens_order = {lid: i for i, lid in enumerate(model.lens_ids)}
        caps[cap_id] = {
            "applicable": found.applicable,
            "lenses": {k: found.lenses[k] for k in sorted(found.lenses, key=lambda k: (lens_order.get(k, 99), k))},
            "target": found.target,
            "importance": found.importance,
            "notes": found.notes,
            "internal_notes": found.internal_notes,
            "evidence": list(found.evidence),
            **found.extra,
        }
    road = project.roadmap
    return {
        "format": FORMAT,
        "schema_version": 1,
        "saved_by": f"planner {__version__}",
        "model": dict(model.document),
        "engagement": {
            "client": eng.client,
            "title": eng.title,
            "consultant": eng.consultant,
            "firm": eng.firm,
            "assessment_date": eng.assessment_date,
            "scopes": list(eng.scopes),
            "summary": eng.summary,
            **eng.extra,
        },
        "assessment": {
            "lens_weights": {k: _number(v) for k, v in ass.lens_weights.items()},
            "capabilities": caps,
            **ass.extra,
        },
        "roadmap": {
            "capacity": road.capacity,
            "phases": [{"id": p.id, "name": p.name, "start_month": p.start_month, **p.extra} for p in road.phases],
            "initiatives": [_initiative_doc(i) for i in road.initiatives],
            **road.extra,
        },
        **project.extra,
    }


def _initiative_doc(item: Initiative) -> dict[str, Any]:
    return {
        "id": item.id,
        "capability": item.capability,
        "title": item.title,
        "description": item.description,
        "phase": item.phase,
        "owner": item.owner,
        "effort": item.effort,
        "start_month": item.start_month,
        "duration_months": item.duration_months,
        "status": item.status,
        "depends_on": list(item.depends_on),
        "origin": item.origin,
        "locked": item.locked,
        "template": item.template,
        "edited": item.edited,
        **item.extra,
    }


# -- reading ---------------------------------------------------------------------------------------
class DocumentInvalid(ValueError):
    """A project document is invalid; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(str(problems[0]))


def document_problems(document: dict[str, Any]) -> list[Problem]:
    """Return every problem in a (migrated) version-1 document; empty when it is valid."""
    try:
        project_from_document(document)
    except DocumentInvalid as exc:
        return exc.problems
    return []


def project_from_document(document: dict[str, Any]) -> Project:
    """Build a project from a migrated version-1 document.

    Raises:
        DocumentInvalid: with every problem found.
    """
    check = Checker()
    try:
        model = model_from_document(document.get("model"), "model")
    except ModelError as exc:
        raise DocumentInvalid(exc.problems) from None
    saved_by = check.text(document, "saved_by", "", required=False, max_len=200)
    engagement = _engagement(check, check.obj(document.get("engagement", {}), "engagement"))
    assessment = _assessment(check, model, check.obj(document.get("assessment", {}), "assessment"))
    roadmap = _roadmap(check, model, check.obj(document.get("roadmap", {}), "roadmap"))
    if check.problems:
        raise DocumentInvalid(check.problems)
    return Project(model, engagement, assessment, roadmap, saved_by, _extra(document, _TOP))


def _valid_date(text: str) -> bool:
    if not _DATE.fullmatch(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _engagement(check: Checker, raw: dict[str, Any]) -> Engagement:
    p = "engagement"
    date = check.text(raw, "assessment_date", p, required=False, max_len=10)
    if date and not _valid_date(date):
        check.add(join_path(p, "assessment_date"), f"must be a date like 2026-11-29, not {date!r}")
    scopes = [
        check.text_value(s, join_path(join_path(p, "scopes"), i), max_len=SHORT_TEXT_MAX)
        for i, s in enumerate(check.seq(raw, "scopes", p, required=False))
    ]
    return Engagement(
        client=check.text(raw, "client", p, required=False, max_len=SHORT_TEXT_MAX),
        title=check.text(raw, "title", p, required=False, max_len=SHORT_TEXT_MAX),
        consultant=check.text(raw, "consultant", p, required=False, max_len=SHORT_TEXT_MAX),
        firm=check.text(raw, "firm", p, required=False, max_len=SHORT_TEXT_MAX),
        assessment_date=date,
        scopes=scopes,
        summary=check.text(raw, "summary", p, required=False, max_len=LONG_TEXT_MAX),
        extra=_extra(raw, _ENGAGEMENT),
    )


def _assessment(check: Checker, model: CapabilityModel, raw: dict[str, Any]) -> Assessment:
    p = "assessment"
    weights_path = join_path(p, "lens_weights")
    weights_raw = check.obj(raw.get("lens_weights", {}), weights_path)
    weights: dict[str, float] = {}
    for lens_id in weights_raw:
        if lens_id not in model.lens_ids:
            check.add(join_path(weights_path, lens_id), f"unknown lens {lens_id!r}")
            continue
        weights[lens_id] = check.number(weights_raw, lens_id, weights_path, *WEIGHT_RANGE, default=DEFAULT_WEIGHT)
    if weights and all(weights.get(lid, 1.0) == 0 for lid in model.lens_ids):
        check.add(weights_path, "at least one lens must weigh more than 0")
    caps_path = join_path(p, "capabilities")
    caps: dict[str, CapabilityAssessment] = {}
    for cap_id, cap_raw in check.obj(raw.get("capabilities", {}), caps_path).items():
        here = join_path(caps_path, cap_id)
        if cap_id not in model.capabilities:
            check.add(here, f"unknown capability {cap_id!r} (not in the model {model.id!r})")
            continue
        caps[cap_id] = _capability(check, model, check.obj(cap_raw, here), here)
    return Assessment(weights, caps, _extra(raw, ("lens_weights", "capabilities")))


def _capability(check: Checker, model: CapabilityModel, raw: dict[str, Any], here: str) -> CapabilityAssessment:
    lenses_path = join_path(here, "lenses")
    lenses: dict[str, int | None] = {}
    for lens_id, value in check.obj(raw.get("lenses", {}), lenses_path).items():
        if lens_id not in model.lens_ids:
            check.add(join_path(lenses_path, lens_id), f"unknown lens {lens_id!r}")
            continue
        lenses[lens_id] = (
            None if value is None else check.integer_value(value, join_path(lenses_path, lens_id), 0, LENS_SCORE_MAX)
        )
    target = raw.get("target")
    if target is not None and (not isinstance(target, str) or target not in model.level_ids):
        check.add(join_path(here, "target"), f"unknown level {target!r} (one of {', '.join(model.level_ids)}, or null)")
        target = None
    evidence = [
        check.text_value(e, join_path(join_path(here, "evidence"), i), max_len=LONG_TEXT_MAX)
        for i, e in enumerate(check.seq(raw, "evidence", here, required=False))
    ]
    return CapabilityAssessment(
        applicable=check.boolean(raw, "applicable", here, default=True),
        lenses=lenses,
        target=target,
        importance=check.integer(
            raw, "importance", here, *IMPORTANCE_RANGE, required=False, default=DEFAULT_IMPORTANCE
        ),
        notes=check.text(raw, "notes", here, required=False, max_len=LONG_TEXT_MAX),
        internal_notes=check.text(raw, "internal_notes", here, required=False, max_len=LONG_TEXT_MAX),
        evidence=evidence,
        extra=_extra(raw, _CAP),
    )


def _roadmap(check: Checker, model: CapabilityModel, raw: dict[str, Any]) -> Roadmap:
    p = "roadmap"
    phases: list[Phase] = []
    for i, item in enumerate(check.seq(raw, "phases", p, required=False)):
        here = join_path(join_path(p, "phases"), i)
        ph = check.obj(item, here)
        phase_id = check.text(ph, "id", here, empty_ok=False)
        if phase_id and phase_id not in model.level_ids[1:]:
            check.add(join_path(here, "id"), f"unknown phase {phase_id!r} (one of {', '.join(model.level_ids[1:])})")
        elif any(x.id == phase_id for x in phases):
            check.add(join_path(here, "id"), f"duplicate phase {phase_id!r}")
        phases.append(
            Phase(
                phase_id,
                check.text(ph, "name", here, required=False, default=phase_id, max_len=NAME_MAX),
                check.integer(ph, "start_month", here, 0, MONTH_MAX, required=False),
                _extra(ph, _PHASE),
            )
        )
    items = [
        _initiative(check, model, check.obj(item, here), here)
        for i, item in enumerate(check.seq(raw, "initiatives", p, required=False))
        for here in [join_path(join_path(p, "initiatives"), i)]
    ]
    ids = [x.id for x in items]
    phase_ids = {x.id for x in phases}
    for i, item in enumerate(items):
        here = join_path(join_path(p, "initiatives"), i)
        if item.id and ids.index(item.id) != i:
            check.add(join_path(here, "id"), f"duplicate initiative id {item.id!r}")
        if item.phase and item.phase not in phase_ids:
            check.add(join_path(here, "phase"), f"unknown phase {item.phase!r}")
        for j, dep in enumerate(item.depends_on):
            if dep not in ids or dep == item.id:
                check.add(join_path(join_path(here, "depends_on"), j), f"unknown initiative {dep!r}")
    return Roadmap(
        capacity=check.integer(raw, "capacity", p, *CAPACITY_RANGE, required=False, default=DEFAULT_CAPACITY),
        phases=phases,
        initiatives=items,
        extra=_extra(raw, _ROADMAP),
    )


def _initiative(check: Checker, model: CapabilityModel, raw: dict[str, Any], here: str) -> Initiative:
    cap_id = check.text(raw, "capability", here, empty_ok=False)
    if cap_id and cap_id not in model.capabilities:
        check.add(join_path(here, "capability"), f"unknown capability {cap_id!r}")
    effort = check.text(raw, "effort", here, required=False, default="M")
    if effort not in EFFORTS:
        check.add(join_path(here, "effort"), f"must be one of {', '.join(EFFORTS)}, not {effort!r}")
    status = check.text(raw, "status", here, required=False, default="planned")
    if status not in INITIATIVE_STATUSES:
        check.add(join_path(here, "status"), f"must be one of {', '.join(INITIATIVE_STATUSES)}, not {status!r}")
    origin = check.text(raw, "origin", here, required=False, default="generated")
    if origin not in INITIATIVE_ORIGINS:
        check.add(join_path(here, "origin"), f"must be one of {', '.join(INITIATIVE_ORIGINS)}, not {origin!r}")
    deps = [
        check.text_value(d, join_path(join_path(here, "depends_on"), j), empty_ok=False)
        for j, d in enumerate(check.seq(raw, "depends_on", here, required=False))
    ]
    return Initiative(
        id=check.text(raw, "id", here, empty_ok=False, max_len=NAME_MAX),
        capability=cap_id,
        title=check.text(raw, "title", here, empty_ok=False, max_len=TITLE_MAX),
        phase=check.text(raw, "phase", here, empty_ok=False),
        description=check.text(raw, "description", here, required=False, max_len=LONG_TEXT_MAX),
        owner=check.text(raw, "owner", here, required=False, max_len=SHORT_TEXT_MAX),
        effort=effort,
        start_month=check.integer(raw, "start_month", here, 0, MONTH_MAX, required=False),
        duration_months=check.integer(
            raw, "duration_months", here, *DURATION_RANGE, required=False, default=DURATION_RANGE[0]
        ),
        status=status,
        depends_on=deps,
        origin=origin,
        locked=check.boolean(raw, "locked", here, default=False),
        template=check.text(raw, "template", here, required=False, max_len=NAME_MAX),
        edited=check.boolean(raw, "edited", here, default=False),
        extra=_extra(raw, _INITIATIVE),
    )
