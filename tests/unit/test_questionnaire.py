"""The questionnaire workbook: what a client person sees, and answers read back as votes."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from exports.questionnaire.layout import ANSWER_COL, ANSWER_SHEET, COMMENT_COL, HEADER_ROW, IDENTITY_SHEET, KEY_COL
from exports.questionnaire.read import read_questionnaire
from exports.questionnaire.review import review_answers
from exports.questionnaire.write import questionnaire_bytes
from planner.model.capmodel import CapabilityModel
from tests.questionnaires import project_with_people, write_filled


def test_the_workbook_a_person_fills_in(model: CapabilityModel) -> None:
    project = project_with_people(model)
    wb = load_workbook(io.BytesIO(questionnaire_bytes(project, "ben")))
    assert wb.sheetnames == ["Instructions", ANSWER_SHEET, IDENTITY_SHEET]
    assert wb[IDENTITY_SHEET].sheet_state == "veryHidden"
    assert wb.security.lockStructure
    ws = wb[ANSWER_SHEET]
    assert ws.protection.sheet and not ws.protection.password
    assert ws["B4"].value == "Ben Okafor" and ws["B4"].protection.locked
    lens_rows = [r for r in range(HEADER_ROW + 1, ws.max_row + 1) if "/" in str(ws.cell(r, KEY_COL).value)]
    assert len(lens_rows) == len(model.capabilities) * len(model.lenses)
    first = lens_rows[0]
    cap = next(iter(model.iter_capabilities()))
    assert ws.cell(first - 1, 2).value == cap.summary  # the capability's summary heads its rows
    assert [ws.cell(first, c).value for c in range(4, 9)] == list(model.lenses[0].anchors)
    assert not ws.cell(first, ANSWER_COL).protection.locked
    assert not ws.cell(first, COMMENT_COL).protection.locked
    assert ws.cell(first, 3).protection.locked
    assert ws.column_dimensions["K"].hidden
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert lists[0].formula1 == '"0,1,2,3,4,N/A,Don\'t know"'
    assert lists[0].showErrorMessage and lists[0].error
    assert ws.cell(first, ANSWER_COL).coordinate in lists[0].sqref
    instructions = " ".join(str(c.value) for c in wb["Instructions"]["A"] if c.value)
    assert "Don't know" in instructions and "Ben Okafor" in instructions


def test_a_blank_questionnaire_asks_for_the_person(model: CapabilityModel) -> None:
    wb = load_workbook(io.BytesIO(questionnaire_bytes(project_with_people(model))))
    ws = wb[ANSWER_SHEET]
    assert ws["B4"].value in (None, "") and not ws["B4"].protection.locked
    roles = [dv for dv in ws.data_validations.dataValidation if "B5" in dv.sqref]
    assert roles and "Finance" in roles[0].formula1


def test_earlier_votes_are_filled_in(model: CapabilityModel) -> None:
    project = project_with_people(model)
    project.assessment.capabilities["allocation"].votes["ana"] = {"process": 3, "metrics": None}
    ws = load_workbook(io.BytesIO(questionnaire_bytes(project, "ana")))[ANSWER_SHEET]
    values = {ws.cell(r, KEY_COL).value: ws.cell(r, ANSWER_COL).value for r in range(1, ws.max_row + 1)}
    assert values["allocation/process"] == 3
    assert values["allocation/metrics"] == "N/A"
    assert values["allocation/knowledge"] is None


ANSWER = st.sampled_from([0, 1, 2, 3, 4, "0", "4", "N/A", "n/a", "Don't know", "Don\u2019t know", None])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_round_trip_votes_equal_what_was_written(model: CapabilityModel, tmp_path: Path, data: st.DataObject) -> None:
    project = project_with_people(model)
    keys = [f"{c}/{lens}" for c in model.capabilities for lens in model.lens_ids]
    chosen = data.draw(st.dictionaries(st.sampled_from(keys), ANSWER, min_size=1, max_size=40))
    who = data.draw(st.sampled_from(["ana", "ben", "chen"]))
    path = write_filled(tmp_path, project, who, chosen)
    review = review_answers(project, [read_questionnaire(path)])
    edit = review.edit(project)
    expected: dict[str, dict[str, int | None]] = {}
    for key, value in chosen.items():
        if value is None or (isinstance(value, str) and "know" in value):
            continue
        cap, lens = key.split("/")
        score = None if isinstance(value, str) and value.lower() == "n/a" else int(value)
        expected.setdefault(cap, {})[lens] = score
    if not expected:
        assert edit is None or not review.accepted()
        return
    assert edit is not None
    edit.apply(project)
    got = {cap: rec.votes[who] for cap, rec in project.assessment.capabilities.items() if who in rec.votes}
    assert got == expected
    again = review_answers(project, [read_questionnaire(path)])
    assert {c.status for b in again.workbooks for c in b.capabilities} == {"unchanged"}
    assert again.edit(project) is None


def test_review_says_new_changed_unchanged(model: CapabilityModel, tmp_path: Path) -> None:
    project = project_with_people(model)
    project.assessment.capabilities["allocation"].votes["ana"] = {"process": 1}
    project.assessment.capabilities["forecasting"].votes["ana"] = {"metrics": 2}
    answers = {"allocation/process": 3, "forecasting/metrics": 2, "budgeting/adoption": "N/A"}
    path = write_filled(tmp_path, project, "ana", answers)
    review = review_answers(project, [read_questionnaire(path)])
    status = {c.capability_id: c.status for c in review.workbooks[0].capabilities}
    assert status == {"allocation": "changed", "forecasting": "unchanged", "budgeting": "new"}
    text = "\n".join(review.lines(project))
    assert "Allocation: changed (Process 3)" in text
