"""The edit that changes a project's report options (:mod:`planner.model.reportsettings`) as one undo step.

The export dialog applies it when the consultant exports with options that differ from the
project's, so the next export (in the app or with ``planner export``) starts from the same choice.
It reports an engagement change with the id ``report``: no score moves.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from planner.model.branding import colour_problems
from planner.model.edits import Change, ChangeKind, Edit, EditRefused
from planner.model.project import Project
from planner.model.reportsettings import MAX_PROJECT_LOGO_BYTES, REPORT_SECTIONS, TEXT_LIMIT, ReportSettings

__all__ = ["SetReportSettings", "set_report_settings"]


@dataclass(frozen=True, slots=True)
class SetReportSettings(Edit):
    """Replace the project's report options."""

    old: ReportSettings
    new: ReportSettings
    text: str = "Change report options"

    def apply(self, project: Project) -> Change:
        """Put :attr:`new` in the project."""
        project.report = copy.deepcopy(self.new)
        return Change(ChangeKind.ENGAGEMENT, ("report",))

    def inverse(self) -> SetReportSettings:
        """Return the edit that restores :attr:`old`."""
        return SetReportSettings(self.new, self.old, self.text)

    @property
    def is_noop(self) -> bool:
        """Whether nothing changes."""
        return self.old == self.new


def set_report_settings(project: Project, new: ReportSettings) -> SetReportSettings:
    """Return the edit to ``new`` options.

    Raises:
        EditRefused: a section the report does not have, no section at all, a text over
            :data:`~planner.model.reportsettings.TEXT_LIMIT` characters, a colour below 3:1
            against white, or a project logo over its size limit.
    """
    unknown = [s for s in new.sections if s not in REPORT_SECTIONS]
    if unknown:
        raise EditRefused(f"The report has no section {unknown[0]!r}.")
    if not new.sections:
        raise EditRefused("Choose at least one section for the report.")
    for label, text in (("cover title", new.cover_title), ("confidentiality line", new.confidentiality)):
        if len(text) > TEXT_LIMIT:
            raise EditRefused(f"The {label} is too long ({len(text)} characters; at most {TEXT_LIMIT}).")
    if new.firm is not None:
        problems = colour_problems(new.firm)
        if problems:
            raise EditRefused(problems[0])
        if len(new.firm.logo) > MAX_PROJECT_LOGO_BYTES:
            raise EditRefused(f"A project carries a logo of at most {MAX_PROJECT_LOGO_BYTES // 1024} KB.")
    ordered = tuple(s for s in REPORT_SECTIONS if s in new.sections)
    settings = ReportSettings(ordered, new.cover_title.strip(), new.confidentiality.strip(), new.firm, new.extra)
    return SetReportSettings(copy.deepcopy(project.report), settings)
