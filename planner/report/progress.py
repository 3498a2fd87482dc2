"""Progress since the last round, as the reports, the app and the command line present it.

Built from a :class:`~planner.model.compare.Comparison` (default: the project's latest round
against the assessment as it is now). :func:`build_progress` returns ``None`` for a project with
no earlier round, so a first-round project's deliverables stay exactly as they were.

Everything here is text and numbers ready to show: names instead of ids, dates as "29 Nov 2026",
movements as "Up" / "Down" / "Unchanged" / "Not scored". Scores stay unrounded numbers (the
workbook writes them as numbers; the PDF formats them with :func:`~planner.report.formatting.percent`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from planner.model.calendar import month_label
from planner.model.compare import CompareRefused, Comparison, ScoreDelta, compare_in_project
from planner.model.project import Project
from planner.model.roadmap.progress import by_capability_phase, by_phase
from planner.report.formatting import percent, status_text

__all__ = [
    "MOVEMENT_TEXT",
    "DeltaRow",
    "DoneRow",
    "NextRow",
    "ProgressReport",
    "build_progress",
    "date_text",
    "points",
    "progress_from",
]

#: How a movement reads.
MOVEMENT_TEXT = {"up": "Up", "down": "Down", "unchanged": "Unchanged", "not_scored": "Not scored"}
#: How many upcoming items "What is next" lists.
NEXT_MAX = 8


def date_text(iso: str | None) -> str:
    """``2026-11-29`` -> ``29 Nov 2026`` (anything else as it is; empty for none)."""
    if not iso:
        return ""
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {day.strftime('%b %Y')}"


def points(delta: float | None) -> str:
    """A score change in points, signed: ``+12.5 pts``, ``-3 pts``, ``0 pts``; ``-`` when unknown."""
    if delta is None:
        return "\u2013"
    text = percent(abs(delta)).rstrip("%")
    if text in ("0", "0.0"):
        return "0 pts"
    return f"{'+' if delta > 0 else '-'}{text} pts"


@dataclass(frozen=True, slots=True)
class DeltaRow:
    """One line of the delta table (the overall line, a domain or a capability)."""

    id: str
    name: str
    domain_name: str
    before: float | None
    after: float | None
    delta: float | None
    level_before: str
    level_after: str
    target: str
    movement: str
    done: int = 0

    @property
    def movement_text(self) -> str:
        """``Up``, ``Down``, ``Unchanged`` or ``Not scored``."""
        return MOVEMENT_TEXT.get(self.movement, self.movement)


@dataclass(frozen=True, slots=True)
class DoneRow:
    """An initiative done in the period."""

    title: str
    capability: str
    maturity: str
    done_on: str
    capability_moved: bool
    done_date: str | None = None  # YYYY-MM-DD, for the workbook's date cells


@dataclass(frozen=True, slots=True)
class NextRow:
    """An initiative still to do, the work in progress first."""

    title: str
    capability: str
    maturity: str
    status: str
    starts: str


@dataclass(frozen=True, slots=True)
class ProgressReport:
    """The progress section: headline, radar inputs, delta table, what was done, what is next."""

    title: str
    before_label: str
    before_date: str
    after_label: str
    after_date: str
    headline: str
    overall: DeltaRow
    domains: tuple[DeltaRow, ...]
    capabilities: tuple[DeltaRow, ...]
    done: tuple[DoneRow, ...]
    next: tuple[NextRow, ...]
    moved_without_work: tuple[str, ...]
    work_without_move: tuple[str, ...]
    unmapped: tuple[str, ...]
    rollup: tuple[str, ...]
    #: Radar spokes (applicable capabilities) and the three lines: earlier, now and target.
    radar_labels: tuple[str, ...]
    radar_before: tuple[float | None, ...]
    radar_after: tuple[float | None, ...]
    radar_target: tuple[float | None, ...]

    @property
    def moved(self) -> tuple[DeltaRow, ...]:
        """The capabilities whose score moved, biggest change first."""
        rows = [c for c in self.capabilities if c.movement in ("up", "down")]
        return tuple(sorted(rows, key=lambda c: -abs(c.delta or 0)))


def _row(cmp: Comparison, key: str, name: str, domain: str, score: ScoreDelta, target: str | None) -> DeltaRow:
    model = cmp.model
    return DeltaRow(
        key,
        name,
        domain,
        score.before,
        score.after,
        score.delta,
        model.level_name(score.level_before) if score.level_before else "",
        model.level_name(score.level_after) if score.level_after else "",
        model.level_name(target) if target else "",
        score.movement,
    )


def progress_from(project: Project, cmp: Comparison, *, today: dt.date | None = None) -> ProgressReport:
    """Present a comparison of the project's rounds (or of two files, ``project`` being the later)."""
    model = cmp.model
    names = {c.id: c.name for c in model.iter_capabilities()}
    domain_names = {d.id: d.name for d in model.domains}
    caps = tuple(
        replace(
            _row(cmp, c.capability, names[c.capability], domain_names[c.domain], c.score, c.target), done=len(c.done)
        )
        for c in cmp.capabilities
    )
    domains = tuple(_row(cmp, d, domain_names[d], "", s, None) for d, s in cmp.domains.items())
    overall = _row(cmp, "overall", "Overall", "", cmp.overall, None)
    levels = {lv.id: lv.min_score for lv in model.levels}
    spokes = [c for c in caps if c.before is not None or c.after is not None]
    targets = {c.capability: c.target for c in cmp.capabilities}
    after_label = cmp.after.label if cmp.after.round_id else "Now"
    since = date_text(cmp.before.date) or cmp.before.label
    return ProgressReport(
        title=f"Progress since {since}",
        before_label=cmp.before.label,
        before_date=date_text(cmp.before.date),
        after_label=after_label,
        after_date=date_text(cmp.after.date) or date_text((today or dt.date.today()).isoformat()),
        headline=_headline(cmp, overall, caps),
        overall=overall,
        domains=domains,
        capabilities=caps,
        done=tuple(
            DoneRow(
                d.title,
                names.get(d.capability, d.capability),
                model.level_name(d.phase) or d.phase,
                date_text(d.done_date),
                d.capability_moved,
                d.done_date,
            )
            for d in cmp.done
        ),
        next=_next(project),
        moved_without_work=tuple(names[c] for c in cmp.moved_without_work),
        work_without_move=tuple(names[c] for c in cmp.work_without_move),
        unmapped=tuple(cmp.unmapped),
        rollup=_rollup(project),
        radar_labels=tuple(c.name for c in spokes),
        radar_before=tuple(c.before for c in spokes),
        radar_after=tuple(c.after for c in spokes),
        radar_target=tuple(levels.get(targets.get(c.id) or "") for c in spokes),
    )


def _headline(cmp: Comparison, overall: DeltaRow, caps: tuple[DeltaRow, ...]) -> str:
    up = sum(1 for c in caps if c.movement == "up")
    down = sum(1 for c in caps if c.movement == "down")
    same = sum(1 for c in caps if c.movement == "unchanged")
    parts = []
    if overall.before is not None and overall.after is not None:
        level = (
            f", {overall.level_before} to {overall.level_after}"
            if overall.level_before != overall.level_after
            else f", still {overall.level_after}"
        )
        parts.append(
            f"Overall {percent(overall.before)} \u2192 {percent(overall.after)} ({points(overall.delta)}{level})."
        )
    parts.append(
        f"{up} capabilit{'y' if up == 1 else 'ies'} moved up, {down} down, {same} unchanged; "
        f"{len(cmp.done)} initiative{'' if len(cmp.done) == 1 else 's'} done since {cmp.before.label}."
    )
    return " ".join(parts)


def _next(project: Project) -> tuple[NextRow, ...]:
    model = project.model
    open_items = [i for i in project.roadmap.initiatives if i.status in ("planned", "in_progress")]
    open_items.sort(key=lambda i: (i.status != "in_progress", i.start_month))
    return tuple(
        NextRow(
            i.title,
            model.capability(i.capability).name if i.capability in model.capabilities else i.capability,
            model.level_name(i.phase) or i.phase,
            status_text(i.status),
            month_label(project.engagement.start_date, i.start_month),
        )
        for i in open_items[:NEXT_MAX]
    )


def _rollup(project: Project) -> tuple[str, ...]:
    """One sentence per maturity phase, then per capability and maturity that holds work."""
    model = project.model
    lines = [
        tally.sentence(model.level_name(phase) or phase)
        for phase, tally in by_phase(project.roadmap).items()
        if tally.total or tally.dropped
    ]
    for (cap, phase), tally in by_capability_phase(project.roadmap).items():
        if tally.total and (tally.done or tally.in_progress):
            name = model.capability(cap).name if cap in model.capabilities else cap
            lines.append(tally.sentence(name, model.level_name(phase) or phase))
    return tuple(lines)


def build_progress(project: Project, *, today: dt.date | None = None) -> ProgressReport | None:
    """The progress since the latest round, or ``None`` for a project without one (or one that cannot be compared)."""
    if not project.assessment.history:
        return None
    try:
        cmp = compare_in_project(project)
    except CompareRefused:
        return None
    return progress_from(project, cmp, today=today)
