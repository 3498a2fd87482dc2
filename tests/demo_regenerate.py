"""Rebuild the bundled demo engagement's roadmap after the engine or the library changes.

``python -m tests.demo_regenerate`` takes ``resources/demo/demo.roadmap``, embeds the bundled model,
drafts a fresh lean roadmap with the current engine and then makes the edits a consultant made in
the workshop, so the demo keeps showing edited work: the Savings Plan renewal pinned to its month, a
custom peak-season item, an owner changed by hand and a locked item. The assessment, notes and
executive summary are the demo's own; the summary must agree with the plan it describes (a test
checks what it promises for the first quarter), so rewrite it when the plan changes.

Then it plays the return visit (:func:`reassess`): the November workshop is frozen as the baseline
round, the first four months of work are marked done or in progress, and the practice is
re-scored at the end of April 2027: five capabilities rose with the work done, Invoicing &
Chargeback rose without planned work, Governance slipped (its policy owner left), and the first
cost-per-customer figure exists but has not changed how teams work yet. The roadmap is confirmed
as it is. Run again, it first puts the baseline back, so the result is the same every time.
"""

from __future__ import annotations

from planner.model.calendar import month_label
from planner.model.project import Project, Roadmap, default_phases
from planner.model.roadmap import (
    add_custom_initiative,
    confirm_as_is,
    edit_initiative,
    generate_roadmap,
    schedule,
    set_locked,
    set_pin,
    set_status,
)
from planner.model.rounds import freeze_round
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


BASELINE = ("Baseline workshop, November 2026", "2026-11-20")
REASSESSED_ON = "2027-04-28"
#: Library key (or custom id) -> (status, done date) at the return visit.
PROGRESS = {
    "finops-practice-operations.crawl.appoint-lead-and-sponsor": ("done", "2027-01-29"),
    "usage-optimization.crawl.waste-cleanup-sprint": ("done", "2027-02-19"),
    "anomaly-management.crawl.enable-native-detection": ("done", "2027-02-12"),
    "unit-economics.crawl.company-unit-cost": ("done", "2027-02-26"),
    "kpis-benchmarking.crawl.starter-kpi-cards": ("done", "2027-03-05"),
    "allocation.crawl.account-owner-mapping": ("done", "2027-03-12"),
    RENEWAL: ("done", "2027-03-31"),
    "data-ingestion.walk.focus-normalisation": ("in_progress", None),
    "licensing-saas.crawl.software-spend-inventory": ("in_progress", None),
    "executive-strategy-alignment.crawl.sponsor-and-briefing": ("in_progress", None),
}
#: Capability -> lens -> score at the return visit (the rest as in November).
RESCORED = {
    "finops-practice-operations": {"process": 2, "adoption": 2},
    "usage-optimization": {"process": 2, "automation": 2},
    "anomaly-management": {"process": 2, "automation": 2},
    "kpis-benchmarking": {"knowledge": 2, "metrics": 2},
    "allocation": {"process": 3, "metrics": 2},
    "invoicing-chargeback": {"adoption": 3},  # Finance began sending showback on its own
    "governance-policy-risk": {"process": 0},  # the policy owner left in February
}


def baseline(project: Project) -> Project:
    """Put the November assessment back (the first round), with every initiative planned."""
    if project.assessment.history:
        first = project.assessment.history[0]
        for cap_id, found in first.capabilities.items():
            project.assessment.capabilities[cap_id].lenses = dict(found.lenses)
        project.engagement.assessment_date = first.date
        project.assessment.history = []
    return project


def reassess(project: Project) -> Project:
    """The return visit: freeze the baseline, mark the first months' work, re-score, confirm the plan."""
    project.assessment.history = [freeze_round(project, *BASELINE, round_id="baseline-2026-11")]
    project.engagement.assessment_date = REASSESSED_ON
    road = project.roadmap
    by_key = {item.template or item.id: item.id for item in road.initiatives}
    for key, (status, done) in PROGRESS.items():
        road = set_status(road, [by_key[key]], status, done_date=done)  # a KeyError: the plan changed, update PROGRESS
    for cap_id, lenses in RESCORED.items():
        project.assessment.capabilities[cap_id].lenses.update(lenses)
    project.roadmap = confirm_as_is(project.model, project.assessment, road, org_size=project.engagement.org_size)
    return project


def main() -> int:
    """Rebuild the demo in place and print its plan for reading."""
    path = resource_path(DEMO)
    project = reassess(rebuild(baseline(load_project(path))))
    save_project(project, path, keep_backup=False)
    print(describe(project))
    print(f"Plan starts {month_label(project.engagement.start_date, 0)}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
