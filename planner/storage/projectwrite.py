"""Write a :class:`Project` as its current (version 2) document, keys in a stable, diff-friendly order.

Every key of the format is written, defaults included, so a file read by another tool or a person
says everything it means. Keys this release does not know (kept in ``extra``) follow the known ones.
"""

from __future__ import annotations

from typing import Any

from planner import __version__
from planner.model.project import (
    Assessment,
    CapabilityAssessment,
    Engagement,
    Initiative,
    Project,
    Roadmap,
    RoadmapBasis,
    Round,
)
from planner.storage.migrate import CURRENT_SCHEMA
from planner.storage.reportread import report_settings_document

__all__ = ["FORMAT", "project_to_document"]

FORMAT = "finops-roadmap-planner"


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def project_to_document(project: Project) -> dict[str, Any]:
    """Return the current-version document of a project."""
    return {
        "format": FORMAT,
        "schema_version": CURRENT_SCHEMA,
        "saved_by": f"planner {__version__}",
        "model": dict(project.model.document),
        "engagement": _engagement(project.engagement),
        "assessment": _assessment(project, project.assessment),
        "roadmap": _roadmap(project.roadmap),
        **_report(project),
        **project.extra,
    }


def _report(project: Project) -> dict[str, Any]:
    """The optional ``report`` key: left out while every option is at its default."""
    doc = report_settings_document(project.report)
    return {} if doc is None else {"report": doc}


def _engagement(eng: Engagement) -> dict[str, Any]:
    return {
        "client": eng.client,
        "title": eng.title,
        "consultant": eng.consultant,
        "firm": eng.firm,
        "assessment_date": eng.assessment_date,
        "scopes": list(eng.scopes),
        "summary": eng.summary,
        "start_date": eng.start_date,
        "org_size": eng.org_size,
        "participants": [
            {"id": p.id, "name": p.name, "role": p.role, "team": p.team, **p.extra} for p in eng.participants
        ],
        **eng.extra,
    }


def _sorted_lenses(lenses: dict[str, Any], lens_order: dict[str, int]) -> dict[str, Any]:
    return {k: lenses[k] for k in sorted(lenses, key=lambda k: (lens_order.get(k, len(lens_order)), k))}


def _assessment(project: Project, ass: Assessment) -> dict[str, Any]:
    model = project.model
    order = {cid: i for i, cid in enumerate(c.id for c in model.iter_capabilities())}
    lens_order = {lid: i for i, lid in enumerate(model.lens_ids)}
    caps = {
        cap_id: _capability(ass.capabilities[cap_id], lens_order)
        for cap_id in sorted(ass.capabilities, key=lambda c: (order.get(c, len(order)), c))
    }
    return {
        "lens_weights": {k: _number(v) for k, v in ass.lens_weights.items()},
        "capabilities": caps,
        "history": [_round(r, lens_order) for r in ass.history],
        **ass.extra,
    }


def _capability(found: CapabilityAssessment, lens_order: dict[str, int]) -> dict[str, Any]:
    return {
        "applicable": found.applicable,
        "lenses": _sorted_lenses(found.lenses, lens_order),
        "target": found.target,
        "importance": found.importance,
        "notes": found.notes,
        "internal_notes": found.internal_notes,
        "evidence": list(found.evidence),
        "na_reason": found.na_reason,
        "votes": {who: _sorted_lenses(scores, lens_order) for who, scores in found.votes.items()},
        **found.extra,
    }


def _round(past: Round, lens_order: dict[str, int]) -> dict[str, Any]:
    return {
        "id": past.id,
        "label": past.label,
        "date": past.date,
        "model_id": past.model_id,
        "model_revision": past.model_revision,
        "lens_weights": {k: _number(v) for k, v in past.lens_weights.items()},
        "capabilities": {
            cap_id: {
                "applicable": cap.applicable,
                "lenses": _sorted_lenses(cap.lenses, lens_order),
                "target": cap.target,
                **cap.extra,
            }
            for cap_id, cap in past.capabilities.items()
        },
        **past.extra,
    }


def _roadmap(road: Roadmap) -> dict[str, Any]:
    return {
        "capacity": road.capacity,
        "owner_capacity": road.owner_capacity,
        "scope": road.scope,
        "phases": [{"id": p.id, "name": p.name, "start_month": p.start_month, **p.extra} for p in road.phases],
        "horizons": [{"id": h.id, "name": h.name, "end_month": h.end_month, **h.extra} for h in road.horizons],
        "initiatives": [_initiative(i) for i in road.initiatives],
        "dismissed": list(road.dismissed),
        "generated_from": _basis(road.generated_from),
        **road.extra,
    }


def _basis(basis: RoadmapBasis | None) -> dict[str, Any] | None:
    if basis is None:
        return None
    return {
        "org_size": basis.org_size,
        "scope": basis.scope,
        "capabilities": {
            cap_id: {"level": c.level, "target": c.target, "importance": c.importance, "applicable": c.applicable}
            for cap_id, c in basis.capabilities.items()
        },
    }


def _initiative(item: Initiative) -> dict[str, Any]:
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
        "pinned_start": item.pinned_start,
        "status": item.status,
        "done_date": item.done_date,
        "depends_on": list(item.depends_on),
        "origin": item.origin,
        "locked": item.locked,
        "template": item.template,
        "edited": item.edited,
        **item.extra,
    }
