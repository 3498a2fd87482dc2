"""Hostile and damaged questionnaires: each is refused with a reason, and a refusal changes nothing."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from exports.questionnaire.layout import ANSWER_SHEET, IDENTITY_SHEET, MAX_COLS, MAX_ROWS
from exports.questionnaire.read import MAX_FILE_BYTES, AnswersRefused, read_questionnaire
from exports.questionnaire.review import ImportReview, review_answers
from exports.questionnaire.write import questionnaire_bytes
from planner.model.capmodel import CapabilityModel
from planner.model.project import Project
from planner.storage.projectfile import project_bytes
from tests.questionnaires import fill, project_with_people, write_filled

GOOD = {"allocation/process": 2, "forecasting/metrics": 3}


def _review(project: Project, *paths: Path) -> ImportReview:
    def read(path: Path) -> Any:
        try:
            return read_questionnaire(path)
        except AnswersRefused as exc:
            return exc

    return review_answers(project, [read(p) for p in paths])


def _refused(project: Project, path: Path) -> str:
    before = project_bytes(project)
    review = _review(project, path)
    edit = review.edit(project)
    assert edit is None
    assert project_bytes(project) == before
    return review.workbooks[0].refused


def _cap_refusal(project: Project, path: Path, cap: str) -> str:
    review = _review(project, path)
    found = {c.capability_id: c for c in review.workbooks[0].capabilities}
    assert found[cap].status == "refused"
    assert "forecasting" not in found or found["forecasting"].status == "new"  # the rest is still taken
    return found[cap].reason


def test_openpyxl_parses_through_defusedxml() -> None:
    assert openpyxl.xml.DEFUSEDXML is True


@pytest.mark.parametrize("value", [7, -1, 2.5, "yes", "3 or 4", True])
def test_a_value_outside_the_list_is_refused(model: CapabilityModel, tmp_path: Path, value: object) -> None:
    project = project_with_people(model)
    path = write_filled(tmp_path, project, "ana", {**GOOD, "allocation/process": value})
    assert "is not one of 0-4, N/A, Don't know" in _cap_refusal(project, path, "allocation")


def test_a_formula_answer_is_refused_never_evaluated(model: CapabilityModel, tmp_path: Path) -> None:
    project = project_with_people(model)
    path = write_filled(tmp_path, project, "ana", {**GOOD, "allocation/process": "=1+1"})
    assert "formula" in _cap_refusal(project, path, "allocation")


def test_a_formula_comment_is_refused(model: CapabilityModel, tmp_path: Path) -> None:
    project = project_with_people(model)
    path = write_filled(tmp_path, project, "ana", GOOD, comments={"allocation/process": '=HYPERLINK("x")'})
    assert "comment holds a formula" in _cap_refusal(project, path, "allocation")


def test_comments_are_cleaned_like_other_user_text(model: CapabilityModel, tmp_path: Path) -> None:
    project = project_with_people(model)
    path = write_filled(tmp_path, project, "ana", GOOD, comments={"allocation/process": "tags\x7f missing\r\nsee wiki"})
    edit = _review(project, path).edit(project)
    assert edit is not None
    edit.apply(project)
    notes = project.assessment.capabilities["allocation"].internal_notes
    assert "Ana Souza on Process: tags missing see wiki" in notes
    assert "\x7f" not in notes and "\r" not in notes


def _swap_rows(wb: Any) -> None:
    ws = wb[ANSWER_SHEET]
    rows = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 11).value == "allocation/process"]
    r = rows[0]
    for col in range(1, 12):
        a, b = ws.cell(r, col), ws.cell(r + 1, col)
        a.value, b.value = b.value, a.value


def test_a_moved_row_is_refused(model: CapabilityModel, tmp_path: Path) -> None:
    project = project_with_people(model)
    path = write_filled(tmp_path, project, "ana", GOOD, tweak=_swap_rows)
    assert "moved" in _refused(project, path)


def test_a_deleted_row_is_refused(model: CapabilityModel, tmp_path: Path) -> None:
    project = project_with_people(model)
    path = write_filled(tmp_path, project, "ana", GOOD, tweak=lambda wb: wb[ANSWER_SHEET].delete_rows(20, 1))
    assert "moved, inserted or deleted" in _refused(project, path)


def test_a_renamed_sheet_is_refused(model: CapabilityModel, tmp_path: Path) -> None:
    project = project_with_people(model)

    def rename(wb: Any) -> None:
        wb[ANSWER_SHEET].title = "Antworten"

    path = write_filled(tmp_path, project, "ana", GOOD, tweak=rename)
    assert "no sheet named 'Answers'" in _refused(project, path)


def test_an_edited_identity_is_refused(model: CapabilityModel, tmp_path: Path) -> None:
    project = project_with_people(model)

    def claim_to_be_ben(wb: Any) -> None:
        cell = wb[IDENTITY_SHEET]["A1"]
        doc = json.loads(cell.value)
        doc["participant"] = "ben"
        cell.value = json.dumps(doc, sort_keys=True, separators=(",", ":"))

    path = write_filled(tmp_path, project, "ana", GOOD, tweak=claim_to_be_ben)
    assert "identity was edited" in _refused(project, path)


def test_a_workbook_of_another_project_is_refused(model: CapabilityModel, tmp_path: Path) -> None:
    other = project_with_people(model)
    other.engagement.client = "Contoso"
    path = write_filled(tmp_path, other, "ana", GOOD)
    reason = _refused(project_with_people(model), path)
    assert "another project" in reason and "'Contoso'" in reason and "'Northwind Retail'" in reason


def test_a_workbook_of_another_model_is_refused(model: CapabilityModel, tmp_path: Path) -> None:
    project = project_with_people(model)
    path = write_filled(tmp_path, project, "ana", GOOD)
    from dataclasses import replace

    project.model = replace(model, revision=model.revision + 1)
    assert "made for the model" in _refused(project, path)


def test_a_participant_removed_since_is_refused(model: CapabilityModel, tmp_path: Path) -> None:
    project = project_with_people(model)
    path = write_filled(tmp_path, project, "chen", GOOD)
    project.engagement.participants.pop()
    assert "no longer in the project" in _refused(project, path)


def test_a_duplicate_participant_is_refused(model: CapabilityModel, tmp_path: Path) -> None:
    project = project_with_people(model)
    first = write_filled(tmp_path, project, "ana", GOOD, name="a.xlsx")
    second = write_filled(tmp_path, project, "ana", {"budgeting/process": 1}, name="b.xlsx")
    blank = write_filled(tmp_path, project, None, {"budgeting/process": 1}, person={"name": "ana souza"})
    review = _review(project, first, second, blank)
    assert not review.workbooks[0].refused
    assert "already come from a.xlsx" in review.workbooks[1].refused
    assert "already come from a.xlsx" in review.workbooks[2].refused
    assert {c.participant_id for c in review.accepted()} == {"ana"}


def test_an_empty_answer_sheet_is_refused(model: CapabilityModel, tmp_path: Path) -> None:
    project = project_with_people(model)
    assert "no question was answered" in _refused(project, write_filled(tmp_path, project, "ana", {}))


def test_a_blank_questionnaire_without_a_name_is_refused(model: CapabilityModel, tmp_path: Path) -> None:
    project = project_with_people(model)
    assert "name" in _refused(project, write_filled(tmp_path, project, None, GOOD))


def test_a_blank_questionnaire_adds_its_person(model: CapabilityModel, tmp_path: Path) -> None:
    project = project_with_people(model)
    path = write_filled(tmp_path, project, None, GOOD, person={"name": "Dana Lee", "role": "Astronaut", "team": "Ops"})
    edit = _review(project, path).edit(project)
    assert edit is not None
    edit.apply(project)
    dana = project.engagement.participants[-1]
    assert (dana.id, dana.name, dana.role, dana.team) == ("dana-lee", "Dana Lee", "", "Ops")  # unknown role dropped
    assert project.assessment.capabilities["allocation"].votes["dana-lee"] == {"process": 2}


def test_too_many_rows_are_refused_before_reading_them_all(model: CapabilityModel, tmp_path: Path) -> None:
    project = project_with_people(model)

    def grow(wb: Any) -> None:
        wb[ANSWER_SHEET].cell(MAX_ROWS + 5, 1).value = "x"

    assert "more than 2,000 rows" in _refused(project, write_filled(tmp_path, project, "ana", GOOD, tweak=grow))


def test_too_many_columns_are_refused(model: CapabilityModel, tmp_path: Path) -> None:
    project = project_with_people(model)

    def widen(wb: Any) -> None:
        wb[ANSWER_SHEET].cell(30, MAX_COLS + 3).value = "x"

    assert "columns" in _refused(project, write_filled(tmp_path, project, "ana", GOOD, tweak=widen))


def test_an_oversized_file_is_refused_unread(model: CapabilityModel, tmp_path: Path) -> None:
    path = tmp_path / "big.xlsx"
    with open(path, "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    assert "at most 5 MB" in _refused(project_with_people(model), path)


def test_a_zip_bomb_is_refused_before_openpyxl(model: CapabilityModel, tmp_path: Path) -> None:
    project = project_with_people(model)
    source = zipfile.ZipFile(io.BytesIO(questionnaire_bytes(project, "ana")))
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in source.infolist():
            bomb.writestr(item, source.read(item))
        bomb.writestr("xl/media/padding.bin", b"\0" * (60 * 1024 * 1024))
    assert path.stat().st_size < MAX_FILE_BYTES
    assert "zip bomb" in _refused(project, path)


def test_xml_entities_are_refused(model: CapabilityModel, tmp_path: Path) -> None:
    project = project_with_people(model)
    source = zipfile.ZipFile(io.BytesIO(write_filled(tmp_path, project, "ana", GOOD).read_bytes()))
    path = tmp_path / "laughs.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as evil:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet2.xml":
                head, _, rest = data.partition(b"?>")
                dtd = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
                data = head + b"?>" + dtd + rest
            evil.writestr(item, data)
    assert "could not be read" in _refused(project, path)


@pytest.mark.parametrize("content", [b"", b"not a workbook at all", b"PK\x03\x04broken"])
def test_not_a_workbook_is_refused(model: CapabilityModel, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "answers.xlsx"
    path.write_bytes(content)
    assert "Excel workbook" in _refused(project_with_people(model), path)


def test_another_workbook_is_refused(model: CapabilityModel, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.title = ANSWER_SHEET
    path = tmp_path / "other.xlsx"
    wb.save(path)
    assert "no sheet named" in _refused(project_with_people(model), path)


def test_fill_keeps_the_identity(model: CapabilityModel) -> None:
    """The helper itself: filling a questionnaire leaves its identity sheet as the planner wrote it."""
    project = project_with_people(model)
    data = questionnaire_bytes(project, "ana")
    filled = fill(data, GOOD)
    a = openpyxl.load_workbook(io.BytesIO(data))[IDENTITY_SHEET]["A2"].value
    b = openpyxl.load_workbook(io.BytesIO(filled))[IDENTITY_SHEET]["A2"].value
    assert a == b and len(a) == 64
