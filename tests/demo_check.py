"""The demo engagement's consistency rule, checked against a project file.

Rule: every initiative title the executive summary (``engagement.summary``) names for the first
quarter (its sentences about "the first quarter", "the first 90 days" or "the first three months")
starts in the first horizon (Now) of the roadmap. The summary names an initiative by its exact
title, in quotes or not (case and spacing aside); a quoted phrase that is no title is reported,
and so is a first-quarter sentence that names no title, since then the rule cannot be checked.
Two conditions the rule needs are checked too: the project has a start month (so the PDF says
"Jan 2027", not "Month 1") and its roadmap does not predate its scores.

Run it after the demo is regenerated (it is not part of the test suite: the bundled demo is
rebuilt when the initiative library changes)::

    python -m tests.demo_check                  # the bundled demo
    python -m tests.demo_check other.roadmap    # any project

It prints each problem and exits 1, or prints what it checked and exits 0.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from planner.model.project import Initiative, Project
from planner.model.roadmap import horizon_of, stale_reasons
from planner.model.roadmap.schedule import UNSCHEDULED_STATUSES

__all__ = ["first_quarter_sentences", "main", "mentioned", "problems"]

_FIRST_QUARTER = re.compile(
    r"\b(first|opening)\s+(quarter|90\s+days|ninety\s+days|three\s+months|3\s+months)\b", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'\u201c\u2018])|\n\s*\n")
_QUOTED = re.compile(r"[\"\u201c\u2018']([^\"\u201d\u2019']{4,})[\"\u201d\u2019']")


def _plain(text: str) -> str:
    return " ".join(text.casefold().split())


def first_quarter_sentences(summary: str) -> list[str]:
    """Return the summary's sentences about the first quarter (first 90 days, first three months)."""
    return [s.strip() for s in _SENTENCE_END.split(summary) if _FIRST_QUARTER.search(s)]


def mentioned(project: Project, sentences: list[str]) -> list[Initiative]:
    """Return the roadmap's initiatives whose title one of ``sentences`` names, in roadmap order."""
    text = _plain(" ".join(sentences))
    return [item for item in project.roadmap.initiatives if _plain(item.title) in text]


def problems(project: Project) -> list[str]:
    """Return every way the project breaks the rule (empty: it keeps it)."""
    from planner.model.calendar import month_label

    eng, road = project.engagement, project.roadmap
    out: list[str] = []
    if eng.start_date is None:
        out.append("The project has no start month: the exports would say 'Month 1' instead of a calendar month.")
    changed = stale_reasons(project.model, project.assessment, road, org_size=eng.org_size)
    if changed:
        out.append(f"The roadmap predates the latest scores ({len(changed)} changes): regenerate it.")
    sentences = first_quarter_sentences(eng.summary)
    if not sentences:
        return [*out, "The executive summary says nothing about the first quarter (or the first 90 days)."]
    named = mentioned(project, sentences)
    titles = {_plain(item.title) for item in road.initiatives}
    for phrase in _QUOTED.findall(" ".join(sentences)):
        if _plain(phrase) not in titles:
            out.append(f"The summary quotes '{phrase}' for the first quarter, but no initiative has that title.")
    if not named:
        out.append(
            "The summary's first-quarter sentences name no initiative by its title, so they cannot be checked: "
            + " / ".join(sentences)
        )
    first = road.horizons[0] if road.horizons else None
    for item in named:
        if item.status in UNSCHEDULED_STATUSES:
            out.append(f"'{item.title}' is named for the first quarter but is {item.status}.")
        elif first is not None and horizon_of(road.horizons, item.start_month) != first.id:
            out.append(
                f"'{item.title}' is named for the first quarter but starts in "
                f"{month_label(eng.start_date, item.start_month)}, after the {first.name} horizon."
            )
    return out


def main(argv: list[str]) -> int:
    """Check the bundled demo (or the file given); print the problems; 1 if any, else 0."""
    from planner.cli.demo import DEMO_RESOURCE
    from planner.resources import resource_path
    from planner.storage.projectfile import load_project

    path = Path(argv[0]) if argv else resource_path(DEMO_RESOURCE)
    project = load_project(path)
    found = problems(project)
    for problem in found:
        print(f"{path.name}: {problem}")
    if found:
        return 1
    named = mentioned(project, first_quarter_sentences(project.engagement.summary))
    print(f"{path.name}: the {len(named)} initiatives the summary names for the first quarter all start in Now.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
