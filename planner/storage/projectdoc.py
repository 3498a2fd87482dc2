"""Convert between a :class:`Project` and its JSON document (format version 2), validating on the way in.

Reading is :mod:`planner.storage.projectread` and :mod:`planner.storage.roadmapread`, writing
:mod:`planner.storage.projectwrite`; older versions are upgraded first by
:mod:`planner.storage.migrate`. Keys this version does not know are kept in ``extra`` and written
back after the known ones, so nothing a newer release stored is lost.
"""

from __future__ import annotations

from typing import Any

from planner.model.checks import Checker, Problem
from planner.model.modelload import ModelError, model_from_document
from planner.model.project import Project
from planner.storage.projectread import extra_keys, read_assessment, read_engagement
from planner.storage.projectwrite import FORMAT, project_to_document
from planner.storage.reportread import read_report_settings
from planner.storage.roadmapread import read_roadmap

__all__ = ["FORMAT", "DocumentInvalid", "document_problems", "project_from_document", "project_to_document"]

_TOP = ("format", "schema_version", "saved_by", "model", "engagement", "assessment", "roadmap", "report")


class DocumentInvalid(ValueError):
    """A project document is invalid; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(str(problems[0]))


def document_problems(document: dict[str, Any]) -> list[Problem]:
    """Return every problem in a migrated document; empty when it is valid."""
    try:
        project_from_document(document)
    except DocumentInvalid as exc:
        return exc.problems
    return []


def project_from_document(document: dict[str, Any]) -> Project:
    """Build a project from a migrated document.

    Raises:
        DocumentInvalid: with every problem found.
    """
    check = Checker()
    try:
        model = model_from_document(document.get("model"), "model")
    except ModelError as exc:
        raise DocumentInvalid(exc.problems) from None
    saved_by = check.text(document, "saved_by", "", required=False, max_len=200)
    engagement = read_engagement(check, model, check.obj(document.get("engagement", {}), "engagement"))
    assessment = read_assessment(
        check, model, check.obj(document.get("assessment", {}), "assessment"), engagement.participants
    )
    roadmap = read_roadmap(check, model, check.obj(document.get("roadmap", {}), "roadmap"))
    report = read_report_settings(check, document.get("report"))
    if check.problems:
        raise DocumentInvalid(check.problems)
    return Project(model, engagement, assessment, roadmap, saved_by, extra_keys(document, _TOP), report)
