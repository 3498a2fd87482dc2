"""Write a questionnaire: the workbook a client person fills in Excel, LibreOffice or Numbers.

Layout (decisions where the design is silent):

- **Instructions**: what the questionnaire is for, how to answer, what 0-4, N/A and "Don't know"
  mean, and that the file goes back to the consultant unchanged apart from the answers.
- **Answers**: an identity block (client, assessment, model, and the participant's name, role and
  team: filled in for a named participant, to fill in on a blank questionnaire, the role from a
  dropdown of the model's personas), then per capability a header row with its summary and one row
  per lens: the question, the five anchor statements 0-4 side by side, the answer (a dropdown 0-4 /
  N/A / Don't know; anything else is rejected with a message) and a comment. A participant's
  earlier votes are filled in, so a second round revises rather than restarts. The sheet is
  protected without a password: answers, comments and a blank questionnaire's identity cells are
  unlocked; everything else is locked, and the workbook's structure (sheet names, order) is locked.
- **Identity** (very hidden): the tamper-evident identity of :mod:`exports.questionnaire.identity`.

openpyxl is imported when a questionnaire is built.
"""

from __future__ import annotations

import io
import math
from typing import Any

from exports.questionnaire.identity import Identity, checksum, project_key
from exports.questionnaire.layout import (
    ANSWER_CHOICES,
    ANSWER_COL,
    ANSWER_SHEET,
    COMMENT_COL,
    COMMENT_MAX,
    HEADER_ROW,
    IDENTITY_SHEET,
    INSTRUCTIONS_SHEET,
    KEY_COL,
    PERSON_CELLS,
)
from exports.text import one_line
from planner import __version__
from planner.model.project import Participant, Project

__all__ = ["QuestionnaireRefused", "questionnaire_bytes"]

_WIDTHS = (22, 13, 30, 24, 24, 24, 24, 24, 12, 32)
_INK, _ACCENT, _LIGHT, _ANSWER = "1F2937", "1F3A5F", "EEF2F7", "FFF7D6"


class QuestionnaireRefused(ValueError):
    """The questionnaire cannot be made (an unknown participant); the message is for the user."""


def _participant(project: Project, participant_id: str | None) -> Participant | None:
    if participant_id is None:
        return None
    for person in project.engagement.participants:
        if person.id == participant_id:
            return person
    known = ", ".join(p.id for p in project.engagement.participants) or "none yet"
    raise QuestionnaireRefused(f"the project has no participant {participant_id!r} (participants: {known})")


def questionnaire_bytes(project: Project, participant_id: str | None = None) -> bytes:
    """Build the questionnaire for one participant (``None``: a blank one); return the file's bytes.

    Raises:
        QuestionnaireRefused: ``participant_id`` names nobody in the project.
    """
    from openpyxl import Workbook
    from openpyxl.workbook.protection import WorkbookProtection

    from exports.xlsx.cells import SheetWriter, Styles

    person = _participant(project, participant_id)
    wb = Workbook()
    styles = Styles()
    warnings: list[str] = []
    intro = wb.active
    intro.title = INSTRUCTIONS_SHEET
    _instructions(SheetWriter(intro, styles, warnings), project, person)
    answers = wb.create_sheet(ANSWER_SHEET)
    rows = _answers(SheetWriter(answers, styles, warnings), project, person)
    hidden = wb.create_sheet(IDENTITY_SHEET)
    identity = Identity(
        project_key(project),
        project.engagement.client,
        project.engagement.assessment_date,
        project.model.id,
        project.model.revision,
        person.id if person else "",
        tuple(rows),
    )
    text = identity.to_json()
    for ref, value in (("A1", text), ("A2", checksum(text, identity.project))):
        cell = hidden[ref]
        cell.value = value
        cell.data_type = "s"
    hidden.sheet_state = "veryHidden"
    hidden.protection.sheet = True
    wb.active = 1
    wb.security = WorkbookProtection(lockStructure=True)
    props = wb.properties
    props.title = one_line(f"FinOps maturity questionnaire - {project.engagement.client}")[:250]
    props.creator = one_line(project.engagement.consultant or project.engagement.firm)[:200] or "FinOps Roadmap Planner"
    props.description = f"Made with FinOps Roadmap Planner {__version__}"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _instructions(w: Any, project: Project, person: Participant | None) -> None:
    from openpyxl.styles import Alignment

    eng, model = project.engagement, project.model
    wrap = Alignment(wrap_text=True, vertical="top")
    w.ws.column_dimensions["A"].width = 110
    lines: list[tuple[str, Any]] = [
        ("FinOps maturity questionnaire", w.styles.title),
        (f"{eng.client}" + (f" - {eng.title}" if eng.title else ""), w.styles.subtitle),
        (f"For: {person.name}" if person else "For: you (please fill in your name, role and team on the Answers sheet)",
         w.styles.bold),
        ("", None),
        ("Why you received this", w.styles.section),
        (f"{eng.consultant or 'Your consultant'}{' (' + eng.firm + ')' if eng.firm else ''} is assessing how mature "
         f"{eng.client or 'your organisation'}'s FinOps practice is, capability by capability, against the "
         f"{model.name}. Your own view matters: where people see things differently is what the workshop will "
         "discuss first.", None),
        ("", None),
        ("How to answer", w.styles.section),
        ("Go to the Answers sheet. Each capability has a short description, then one row per lens (a way of "
         "looking at it). For each row, read the five statements 0 to 4 and pick in the Answer column the one that "
         "best describes your organisation today, not where it wants to be.", None),
        ("0-4: the statement that fits best. N/A: this lens does not apply to your organisation. Don't know: you "
         "cannot judge it (that is a useful answer too). Leave a row empty to skip it.", None),
        ("The Comment column is for anything you want the consultant to know (an example, a caveat). "
         f"Comments hold up to {COMMENT_MAX:,} characters.", None),
        ("Only the Answer and Comment cells can be changed; please do not copy the rows into another file, "
         "rename the sheets or retype the workbook. Save it (Excel, LibreOffice or Numbers, .xlsx format) and send "
         "it back to your consultant.", None),
        ("", None),
        ("Your answers", w.styles.section),
        ("They are read back into the consultant's assessment as your view, next to the others' views. "
         "Nothing in this file is sent anywhere by itself.", None),
    ]  # fmt: skip
    for row, (text, font) in enumerate(lines, start=1):
        if text:
            w.text(row, 1, text, font=font, align=wrap)
            base = {id(w.styles.title): 30, id(w.styles.subtitle): 21, id(w.styles.section): 22}.get(id(font), 15)
            w.ws.row_dimensions[row].height = max(base, 14 * math.ceil(len(text) / 120))
    w.ws.protection.sheet = True
    w.print_setup(eng.client)


def _answers(w: Any, project: Project, person: Participant | None) -> list[tuple[int, str]]:
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    ws, st, model, eng = w.ws, w.styles, project.model, project.engagement
    wrap = Alignment(wrap_text=True, vertical="top")
    small = Font(name="Calibri", size=9, color=_INK)
    open_cell, answer_fill = Protection(locked=False), PatternFill("solid", fgColor=_ANSWER)
    band = PatternFill("solid", fgColor=_LIGHT)
    w.widths(list(_WIDTHS))
    ws.column_dimensions["K"].hidden = True
    w.text(1, 1, f"FinOps maturity questionnaire - {eng.client}", font=st.title)
    ws.row_dimensions[1].height = 28
    w.text(2, 1, f"Assessment of {eng.assessment_date or 'this round'} against the {model.name}", font=st.muted)
    for label, key in (("Your name", "name"), ("Your role", "role"), ("Your team", "team")):
        row = int(PERSON_CELLS[key][1:])
        w.text(row, 1, label, font=st.bold)
        value = getattr(person, key) if person else ""
        cell = w.text(row, 2, value)
        if person is None:
            cell.protection, cell.fill = open_cell, answer_fill
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=4)
    personas = ",".join(p.name for p in model.personas)
    if person is None and personas and len(personas) < 250 and '"' not in personas:
        roles = DataValidation(type="list", formula1=f'"{personas}"', allow_blank=True)
        roles.error, roles.errorTitle = "Please pick a role from the list.", "Role"
        ws.add_data_validation(roles)
        roles.add(PERSON_CELLS["role"])
    headers = ["Capability", "Lens", "Question", "0", "1", "2", "3", "4", "Your answer", "Comment", "key"]
    w.header_row(HEADER_ROW, headers)
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    choices = DataValidation(type="list", formula1='"' + ",".join(ANSWER_CHOICES) + '"', allow_blank=True)
    choices.showErrorMessage = True
    choices.errorTitle = "Not an answer"
    choices.error = "Please pick 0, 1, 2, 3, 4, N/A or Don't know from the list."
    choices.promptTitle, choices.prompt = "Your answer", "0-4: the statement that fits best; N/A; or Don't know"
    choices.showInputMessage = True
    comments = DataValidation(
        type="textLength", operator="lessThanOrEqual", formula1=str(COMMENT_MAX), allow_blank=True
    )
    comments.showErrorMessage = True
    comments.errorTitle, comments.error = "Comment too long", f"A comment holds up to {COMMENT_MAX:,} characters."
    ws.add_data_validation(choices)
    ws.add_data_validation(comments)
    rows: list[tuple[int, str]] = []
    row = HEADER_ROW + 1
    for cap in model.iter_capabilities():
        record = project.assessment.capabilities.get(cap.id)
        mine = record.votes.get(person.id, {}) if record is not None and person is not None else {}
        w.text(row, 1, cap.name, font=st.bold, align=wrap)
        w.text(row, 2, cap.summary, font=small, align=wrap)
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=10)
        for col in range(1, 11):
            ws.cell(row, col).fill = band
        w.text(row, KEY_COL, cap.id)
        ws.row_dimensions[row].height = max(18, 13 * math.ceil(len(cap.summary) / 190))
        row += 1
        for lens in model.lenses:
            w.text(row, 1, cap.name, font=small, align=wrap)
            w.text(row, 2, lens.name, font=st.bold, align=wrap)
            w.text(row, 3, lens.question, font=small, align=wrap)
            for i, anchor in enumerate(lens.anchors[:5]):
                w.text(row, 4 + i, anchor, font=small, align=wrap)
            answer = ws.cell(row, ANSWER_COL)
            if lens.id in mine:
                answer.value = mine[lens.id] if mine[lens.id] is not None else "N/A"
            answer.protection, answer.fill = open_cell, answer_fill
            answer.alignment, answer.font = st.centre, st.bold
            choices.add(answer.coordinate)
            comment = ws.cell(row, COMMENT_COL)
            comment.protection, comment.fill, comment.alignment = open_cell, answer_fill, wrap
            comments.add(comment.coordinate)
            w.text(row, KEY_COL, f"{cap.id}/{lens.id}")
            longest = max([len(lens.question) * 24 / 30, *(len(a) for a in lens.anchors)])
            ws.row_dimensions[row].height = 12 * max(2, math.ceil(longest / 26))
            rows.append((row, f"{cap.id}/{lens.id}"))
            row += 1
    ws.protection.sheet = True
    ws.protection.formatRows = False  # a person may still make a row taller to read it
    ws.protection.formatColumns = False
    w.print_setup(eng.client, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")
    return rows
