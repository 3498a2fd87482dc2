"""Three realistic engagements, for the scenario tests and for reading the plans they produce.

* start-up: a young company on credits, mostly "not started", Crawl targets, Walk on allocation
  and data ingestion, small and quick.
* mid-size: Crawl everywhere, Walk targets, allocation, usage and rate optimisation most important.
* enterprise: Walk everywhere, Run targets on a few capabilities that matter to the CFO.

``python -m tests.scenarios [lean|full]`` prints each plan month by month, as a FinOps lead reads it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from planner.model.calendar import month_label, month_span_label
from planner.model.capmodel import CapabilityModel
from planner.model.project import Assessment, CapabilityAssessment, Engagement, Project, Roadmap
from planner.model.roadmap import generate_roadmap, horizon_of
from planner.storage.models import load_bundled_model

START = "2027-01"


def level_score(model: CapabilityModel, level: str) -> int:
    """Return the lens score that puts a capability at ``level`` under the model's bands."""
    index = model.level_index(level)
    upper = model.levels[index + 1].min_score if index + 1 < len(model.levels) else 101.0
    return next(s for s in range(5) if model.level(level).min_score <= 25 * s < upper)


def _assessment(
    model: CapabilityModel,
    levels: dict[str, str],
    targets: dict[str, str | None],
    importance: dict[str, int],
    not_applicable: set[str] = frozenset(),  # type: ignore[assignment]
) -> Assessment:
    ass = Assessment(lens_weights=dict.fromkeys(model.lens_ids, 1.0))
    for cap in model.iter_capabilities():
        score = level_score(model, levels[cap.id])
        ass.capabilities[cap.id] = CapabilityAssessment(
            applicable=cap.id not in not_applicable,
            lenses=dict.fromkeys(model.lens_ids, score),
            target=targets.get(cap.id),
            importance=importance.get(cap.id, 3),
        )
    return ass


def startup(model: CapabilityModel) -> Project:
    """A 60-person software start-up on one cloud and an AI API, its credits running out this year."""
    levels = {cap.id: "none" for cap in model.iter_capabilities()}
    levels["data-ingestion"] = "crawl"
    targets: dict[str, str | None] = dict.fromkeys(levels, "crawl")
    targets.update({"data-ingestion": "walk", "allocation": "walk", "sustainability": None, "finops-assessment": None})
    importance = dict.fromkeys(levels, 2)
    importance.update(
        {"allocation": 5, "rate-optimization": 5, "usage-optimization": 4, "anomaly-management": 4, "data-ingestion": 4}
    )
    importance.update({"budgeting": 3, "forecasting": 3, "reporting-analytics": 3})
    na = {"invoicing-chargeback", "intersecting-disciplines"}
    return Project(
        model=model,
        engagement=Engagement(client="Lumen Labs", org_size="startup", start_date=START),
        assessment=_assessment(model, levels, targets, importance, na),
        roadmap=Roadmap(capacity=3, owner_capacity=2),
    )


def midsize(model: CapabilityModel) -> Project:
    """A mid-size retailer: Crawl habits everywhere, aiming at Walk; allocation, usage, rates first."""
    levels = {cap.id: "crawl" for cap in model.iter_capabilities()}
    targets: dict[str, str | None] = dict.fromkeys(levels, "walk")
    importance = dict.fromkeys(levels, 3)
    importance.update({"allocation": 5, "usage-optimization": 5, "rate-optimization": 5})
    importance.update({"planning-estimating": 2, "sustainability": 2, "finops-assessment": 2})
    return Project(
        model=model,
        engagement=Engagement(client="Northwind Retail", org_size="midsize", start_date=START),
        assessment=_assessment(model, levels, targets, importance),
        roadmap=Roadmap(capacity=5, owner_capacity=2),
    )


def enterprise(model: CapabilityModel) -> Project:
    """A multi-cloud enterprise at Walk, aiming at Run where the CFO's questions are."""
    levels = {cap.id: "walk" for cap in model.iter_capabilities()}
    targets: dict[str, str | None] = dict.fromkeys(levels, "walk")
    run = ("allocation", "forecasting", "unit-economics", "rate-optimization", "anomaly-management")
    targets.update(dict.fromkeys(run, "run"))
    importance = dict.fromkeys(levels, 3)
    importance.update({"allocation": 5, "unit-economics": 5, "rate-optimization": 4, "forecasting": 4})
    return Project(
        model=model,
        engagement=Engagement(client="Contoso Group", org_size="enterprise", start_date=START),
        assessment=_assessment(model, levels, targets, importance),
        roadmap=Roadmap(capacity=5, owner_capacity=2),
    )


SCENARIOS: dict[str, Callable[[CapabilityModel], Project]] = {
    "start-up": startup,
    "mid-size": midsize,
    "enterprise": enterprise,
}


def planned(project: Project, scope: str = "lean") -> Project:
    """Return the project with its roadmap generated at ``scope``."""
    settings = project.roadmap
    settings.scope = scope
    project.roadmap = generate_roadmap(
        project.model, project.assessment, settings=settings, org_size=project.engagement.org_size
    )
    return project


def plan_length(project: Project) -> int:
    """Return the months from the plan's start to the end of its last initiative."""
    return max((i.end_month for i in project.roadmap.initiatives), default=0)


def describe(project: Project) -> str:
    """Return the plan as a practitioner reads it: by start month, with owner, level and length."""
    road, model, start = project.roadmap, project.model, project.engagement.start_date
    lines = [
        f"{project.engagement.client} ({project.engagement.org_size}, {road.scope}): "
        f"{len(road.initiatives)} initiatives over {plan_length(project)} months"
    ]
    current = ""
    for item in sorted(road.initiatives, key=lambda i: (i.start_month, road.initiatives.index(i))):
        horizon = horizon_of(road.horizons, item.start_month)
        if horizon != current:
            current = horizon
            lines.append(f"-- {horizon.title()}")
        span = month_span_label(start, item.start_month, item.end_month)
        cap = model.capability(item.capability).name
        lines.append(
            f"  {month_label(start, item.start_month):9} {span:20} {model.level_name(item.phase):5} "
            f"{cap[:28]:28} {item.owner[:19]:19} {item.title}"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Print every scenario's plan at the scopes asked for (default: lean and full)."""
    model = load_bundled_model()
    for scope in argv or ["lean", "full"]:
        for build in SCENARIOS.values():
            print(describe(planned(build(model), scope)))
            print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
