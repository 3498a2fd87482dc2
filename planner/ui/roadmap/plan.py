"""What every roadmap view reads: the roadmap with its calendar, names and horizons, built once per refresh.

Maturity and time are kept apart on purpose: an initiative's *phase* is the maturity it helps reach
(a chip on every card, its colour down the card's edge), its *horizon* is when it starts (Now,
Next, Later), and its months read as calendar months from the engagement's start ("Mar 2027"), or
"Month 4" when the project has no start month. Deferred and dropped initiatives are in no horizon:
they are off the plan (they keep their months for the record).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.charts.palette import level_colour
from planner.model.calendar import MONTH_NAMES, month_label, month_span_label
from planner.model.project import Initiative, Project, Roadmap
from planner.model.roadmap import horizon_bounds, horizon_of
from planner.model.roadmap.schedule import FIXED_STATUSES, UNSCHEDULED_STATUSES
from planner.report.formatting import status_text

__all__ = [
    "FIXED_STATUSES",
    "OFF_PLAN",
    "STATUS_COLOURS",
    "UNSCHEDULED_STATUSES",
    "PlanView",
    "plan_view",
]

#: The board column and table value of deferred and dropped initiatives (in no horizon).
OFF_PLAN = "off-plan"
#: A colour per status, for the status on cards and in the timeline.
STATUS_COLOURS: dict[str, str] = {
    "planned": "#6B7785",
    "in_progress": "#2F6FC1",
    "done": "#2E8A57",
    "deferred": "#B26A00",
    "dropped": "#8A929C",
}


@dataclass(frozen=True, slots=True)
class PlanView:
    """A roadmap with what it takes to show it: names, colours and the calendar."""

    roadmap: Roadmap
    start_date: str | None
    capability_names: dict[str, str]
    level_ids: tuple[str, ...]
    phase_names: dict[str, str] = field(default_factory=dict)
    horizon_names: dict[str, str] = field(default_factory=dict)

    def capability(self, item: Initiative) -> str:
        """The name of the initiative's capability."""
        return self.capability_names.get(item.capability, item.capability)

    def phase(self, item: Initiative) -> str:
        """The name of the maturity the initiative helps reach ("Walk")."""
        return self.phase_names.get(item.phase, item.phase.capitalize())

    def colour(self, phase_id: str) -> str:
        """The colour of a maturity level."""
        return level_colour(phase_id, self.level_ids)

    def horizon(self, item: Initiative) -> str:
        """The id of the horizon the initiative starts in, or :data:`OFF_PLAN` (deferred, dropped)."""
        if item.status in UNSCHEDULED_STATUSES:
            return OFF_PLAN
        return horizon_of(self.roadmap.horizons, item.start_month)

    def horizon_name(self, horizon_id: str) -> str:
        """The name of a horizon ("Now"), or "Not scheduled" for deferred and dropped work."""
        return "Not scheduled" if horizon_id == OFF_PLAN else self.horizon_names.get(horizon_id, horizon_id)

    def month(self, month: int) -> str:
        """A plan month as a person reads it ("Mar 2027", or "Month 4" when the plan is undated)."""
        return month_label(self.start_date, month)

    def span(self, start: int, end: int) -> str:
        """Months ``[start, end)`` as "Mar-May 2027"."""
        return month_span_label(self.start_date, start, end)

    def status(self, item: Initiative) -> str:
        """The initiative's status as a person reads it ("In progress")."""
        return status_text(item.status)

    def done_on(self, item: Initiative) -> str:
        """When the initiative was done, "14 May 2027" (empty if not done or no date)."""
        if item.status != "done" or not item.done_date:
            return ""
        year, month, day = item.done_date.split("-")
        return f"{int(day)} {MONTH_NAMES[int(month) - 1]} {year}"

    def horizon_window(self, horizon_id: str) -> str:
        """When a horizon runs: "Jan-Mar 2027", or "from Jan 2028" for the open last one."""
        for horizon, first, end in horizon_bounds(self.roadmap.horizons):
            if horizon.id == horizon_id:
                return f"from {self.month(first)}" if end is None else self.span(first, end)
        return ""

    def first_month(self, horizon_id: str) -> int | None:
        """The first month of a horizon (``None`` if there is no such horizon)."""
        return next((first for h, first, _ in horizon_bounds(self.roadmap.horizons) if h.id == horizon_id), None)

    def plan_span(self) -> str:
        """The months the scheduled initiatives cover ("Jan 2027-Jun 2028"), empty without any."""
        scheduled = [i for i in self.roadmap.initiatives if i.status not in UNSCHEDULED_STATUSES]
        if not scheduled:
            return ""
        return self.span(min(i.start_month for i in scheduled), max(i.end_month for i in scheduled))


def plan_view(project: Project) -> PlanView:
    """Return the view of a project's roadmap."""
    model = project.model
    roadmap = project.roadmap
    names = {level.id: level.name for level in model.levels}
    names.update({p.id: p.name for p in roadmap.phases})
    return PlanView(
        roadmap=roadmap,
        start_date=project.engagement.start_date,
        capability_names={cap.id: cap.name for cap in model.iter_capabilities()},
        level_ids=model.level_ids,
        phase_names=names,
        horizon_names={h.id: h.name for h in roadmap.horizons},
    )
