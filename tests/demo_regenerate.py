"""Rebuild the bundled demo engagement's roadmap after the engine or the library changes.

``python -m tests.demo_regenerate`` takes ``resources/demo/demo.roadmap``, embeds the bundled model,
drafts a fresh lean roadmap with the current engine and then makes the edits a consultant made in
the workshop, so the demo keeps showing edited work: the Savings Plan renewal pinned to its month, a
custom peak-season item, an owner changed by hand and a locked item. The assessment, notes and
executive summary are the demo's own; the summary must agree with the plan it describes (a test
checks what it promises for the first quarter), so rewrite it when the plan changes.
"""

from __future__ import annotations

from planner.model.calendar import month_label
from planner.model.project import Project, Roadmap, default_phases
from planner.model.roadmap import (
    add_custom_initiative,
    edit_initiative,
    generate_roadmap,
    schedule,
    set_locked,
    set_pin,
)
from planner.resources import resource_path
from planner.storage.models import load_bundled_model
from planner.storage.projectfile import load_project, save_project
from tests.scenarios import describe

DEMO = "demo/demo.roadmap"
RENEWAL = "custom.rate-optimization.savings-plan-renewal"
GUARDRAILS = "custom.usage-optimization.peak-season-guardrails"


def rebuild(project: Project) -> Project:
    """Return the demo with the bundled model and a freshly drafted, hand-edited roadmap."""
    project.model = load_bundled_model()
    project.engagement.start_date = "2027-01"
    project.engagement.org_size = "midsize"
    settings = Roadmap(capacity=5, owner_capacity=2, scope="lean", phases=default_phases(project.model))
    road = generate_roadmap(project.model, project.assessment, settings=settings, org_size="midsize")
    road = add_custom_initiative(
        road,
        capability="rate-optimization",
        initiative_id=RENEWAL,
        title="Renew the Savings Plans that expire in March 2027 at the right size",
        phase="crawl",
        owner="FinOps Practitioner",
        effort="S",
        duration_months=1,
        description=(
            "Size the renewal of the compute Savings Plans expiring on 31 March 2027 from the last "
            "90 days of eligible usage after the January waste clean-up, not from last year's "
            "commitment, and agree the term with Finance. Done when the renewal is bought, its "
            "hourly commitment is recorded in the commitment register and expected utilisation "
            "is at or above 95%."
        ),
    )
    road = set_pin(road, RENEWAL, 2)  # March 2027
    road = add_custom_initiative(
        road,
        capability="usage-optimization",
        initiative_id=GUARDRAILS,
        title="Set cost guardrails for the 2027 peak season",
        phase="crawl",
        owner="Engineering",
        effort="S",
        duration_months=1,
        description=(
            "Agree with the shop and payments teams the scaling limits, budget alerts and "
            "on-call escalation for the fourth quarter, when 38% of orders arrive. Done when "
            "every peak-critical service has a documented scaling ceiling and an owner who "
            "receives its daily cost."
        ),
    )
    road = set_pin(road, GUARDRAILS, 7)  # August 2027, before the fourth quarter
    road = edit_initiative(road, "allocation.walk.allocation-strategy", owner="Platform Engineering")
    road = set_locked(road, "rate-optimization.run.commitment-strategy", True)
    project.roadmap = schedule(project.model, road)
    return project


def main() -> int:
    """Rebuild the demo in place and print its plan for reading."""
    path = resource_path(DEMO)
    project = rebuild(load_project(path))
    save_project(project, path, keep_backup=False)
    print(describe(project))
    print(f"Plan starts {month_label(project.engagement.start_date, 0)}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
