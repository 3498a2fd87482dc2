"""What a deliverable must say on its cover and on every page and sheet: draft, internal.

Two marks exist, and a deliverable carries each that applies, internal first:

- *internal*: the version with the consultant's internal notes and evidence. It says "Internal:
  not for the client" on the cover, every page and every sheet, and its files are named
  ``<name>-internal`` (:mod:`exports.naming`), so it can never replace the client's version.
- *draft*: an assessment not fully scored (:attr:`planner.model.coverage.Coverage.draft`). It
  says DRAFT with its coverage ("DRAFT: 6 of 21 capabilities fully scored (...)"), because its
  overall level and its roadmap rest on scores still missing.

A final client version (fully scored, no internal notes) carries no mark. The PDF draws the marks
in a band at the top of every page and on the cover; the workbook in a row at the top of every
sheet and in its print header; the export dialog and ``planner export`` say the draft mark before
anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.report.data import ReportData

__all__ = ["INTERNAL_DETAIL", "INTERNAL_MARK", "Mark", "deliverable_marks"]

#: The words of the internal mark.
INTERNAL_MARK = "Internal: not for the client"
#: Why it is internal, after the mark.
INTERNAL_DETAIL = "It contains the consultant's internal notes and evidence."


@dataclass(frozen=True, slots=True)
class Mark:
    """A mark: ``kind`` (``"internal"`` or ``"draft"``), its short ``label``, why (``detail``), and both in one ``line``."""

    kind: str
    label: str
    detail: str
    line: str


def deliverable_marks(report: ReportData) -> tuple[Mark, ...]:
    """Return the marks a deliverable of ``report`` carries, internal first (none for a final client version)."""
    marks = []
    if report.include_internal:
        line = f"{INTERNAL_MARK}: it contains the consultant's internal notes and evidence"
        marks.append(Mark("internal", INTERNAL_MARK, INTERNAL_DETAIL, line))
    if report.draft:
        coverage = report.coverage
        detail = f"{coverage.text[:1].upper()}{coverage.text[1:]}: scores, levels and the roadmap may still change."
        marks.append(Mark("draft", "DRAFT", detail, coverage.draft_line))
    return tuple(marks)
