"""Questionnaires for tests: a project with participants, and filling a workbook as a person would."""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from exports.questionnaire.layout import ANSWER_COL, ANSWER_SHEET, COMMENT_COL, KEY_COL, PERSON_CELLS
from exports.questionnaire.write import questionnaire_bytes
from planner.model.capmodel import CapabilityModel
from planner.model.project import Participant, Project
from tests.factories import scored_project


def project_with_people(model: CapabilityModel) -> Project:
    """The scored test project with three participants and no votes."""
    project = scored_project(model)
    project.engagement.participants = [
        Participant("ana", "Ana Souza", "Finance", "Group finance"),
        Participant("ben", "Ben Okafor", "Engineering", "Platform"),
        Participant("chen", "Chen Wei", "Leadership", ""),
    ]
    return project


def fill(
    data: bytes,
    answers: Mapping[str, Any],
    comments: Mapping[str, str] | None = None,
    person: Mapping[str, str] | None = None,
    tweak: Callable[[Any], None] | None = None,
) -> bytes:
    """Fill a questionnaire's answer cells (keyed ``capability/lens``) and return the saved bytes."""
    wb = load_workbook(io.BytesIO(data))
    ws = wb[ANSWER_SHEET]
    for row in range(1, ws.max_row + 1):
        key = ws.cell(row, KEY_COL).value
        if key in answers:
            ws.cell(row, ANSWER_COL).value = answers[key]
        if comments and key in comments:
            ws.cell(row, COMMENT_COL).value = comments[key]
    for field, value in (person or {}).items():
        ws[PERSON_CELLS[field]] = value
    if tweak is not None:
        tweak(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def write_filled(
    tmp: Path, project: Project, participant: str | None, answers: Mapping[str, Any], name: str = "", **kw: Any
) -> Path:
    """Write a filled questionnaire for ``participant`` into ``tmp``; return its path."""
    path = tmp / (name or f"answers-{participant or 'blank'}.xlsx")
    path.write_bytes(fill(questionnaire_bytes(project, participant), answers, **kw))
    return path
