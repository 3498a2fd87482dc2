"""Read a filled questionnaire back, treating the workbook as hostile until proven otherwise.

Order of checks, each before the next step reads more (decisions and limits):

1. the path is a regular file of at most :data:`MAX_FILE_BYTES` (5 MB; a filled questionnaire is
   about 40 KB, 100 KB after a round trip through LibreOffice); the bytes are read once and every
   later step works on that copy, so the file cannot change underneath;
2. as a zip: at most :data:`MAX_MEMBERS` members, no absolute or ``..`` names, at most
   :data:`MAX_UNCOMPRESSED` (50 MB) declared uncompressed in total, and no member over 1 MB that
   expands more than :data:`MAX_RATIO` times (a zip bomb); zipfile never reads past a member's
   declared size, so the declared sizes are what openpyxl can inflate;
3. openpyxl parses with defusedxml (no entities, no external references); if defusedxml is not
   active the workbook is refused rather than parsed unsafely;
4. the workbook is opened read-only with formulas kept as formulas (``data_only=False``), and only
   the answer and identity sheets are read, row by row, refusing a sheet longer than
   :data:`~exports.questionnaire.layout.MAX_ROWS` rows or wider than ``MAX_COLS`` columns;
5. the hidden identity and its checksum, then every lens row's key at the row the identity names
   (a moved, deleted or inserted row is refused), then each answer and comment cell on its own.

A problem with the file as a whole raises :class:`AnswersRefused`; a problem with one cell is
recorded on that cell, so the review can refuse that capability and accept the others.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from exports.questionnaire.identity import Identity, checksum
from exports.questionnaire.layout import (
    ANSWER_COL,
    ANSWER_SHEET,
    COMMENT_COL,
    COMMENT_MAX,
    DONT_KNOW,
    IDENTITY_SHEET,
    KEY_COL,
    MAX_COLS,
    MAX_ROWS,
    NOT_APPLICABLE,
    PERSON_CELLS,
)
from exports.text import clean_text

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_MEMBERS",
    "MAX_RATIO",
    "MAX_UNCOMPRESSED",
    "AnswerCell",
    "AnswersRefused",
    "FilledQuestionnaire",
    "defused_xml",
    "read_questionnaire",
]

MAX_FILE_BYTES: Final = 5 * 1024 * 1024
MAX_UNCOMPRESSED: Final = 50 * 1024 * 1024
MAX_MEMBERS: Final = 300
MAX_RATIO: Final = 100
_RATIO_FROM: Final = 1024 * 1024  # small members compress well legitimately; only large ones are checked

#: What an answer cell holds after reading: a score, N/A (``None``), or "Don't know".
DONT_KNOW_ANSWER: Final = "dont-know"


class AnswersRefused(Exception):
    """The workbook as a whole cannot be used; the message names the file and the problem."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path, self.reason = path, reason
        super().__init__(f"{path.name}: {reason}")


@dataclass(frozen=True, slots=True)
class AnswerCell:
    """One lens row as filled in.

    The answer is a score 0-4, ``None`` for N/A or "dont-know" (``answered`` is false for an empty
    cell); the comment is cleaned; ``problem`` names what is wrong with either cell (``""``: fine).
    """

    row: int
    capability_id: str
    lens_id: str
    answered: bool
    answer: int | str | None
    comment: str
    problem: str = ""


@dataclass(frozen=True, slots=True)
class FilledQuestionnaire:
    """What a questionnaire holds once read: its identity, the person block and the lens rows."""

    path: Path
    identity: Identity
    person: dict[str, str]
    cells: tuple[AnswerCell, ...] = field(default_factory=tuple)


def defused_xml() -> bool:
    """Whether openpyxl parses XML through defusedxml (it must, for untrusted workbooks)."""
    from openpyxl.xml import DEFUSEDXML

    return bool(DEFUSEDXML)


def _read_bytes(path: Path) -> bytes:
    try:
        info = os.stat(path)
    except OSError as exc:
        raise AnswersRefused(path, f"cannot be read ({exc.strerror or 'no access'})") from None
    if not stat.S_ISREG(info.st_mode):
        raise AnswersRefused(path, "is not a regular file")
    if info.st_size > MAX_FILE_BYTES:
        raise AnswersRefused(
            path,
            f"is {info.st_size / 1e6:.1f} MB; a questionnaire is far smaller (at most {MAX_FILE_BYTES // 2**20} MB)",
        )
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise AnswersRefused(path, f"cannot be read ({exc.strerror or 'no access'})") from None
    if len(data) > MAX_FILE_BYTES:
        raise AnswersRefused(path, "grew while it was being read")
    return data


def _check_zip(path: Path, data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise AnswersRefused(path, "is not an Excel workbook (.xlsx)") from None
    if len(members) > MAX_MEMBERS:
        raise AnswersRefused(path, f"holds {len(members)} parts; a workbook this tool reads holds far fewer")
    total = 0
    for member in members:
        name = member.filename.replace("\\", "/")
        if name.startswith("/") or ".." in name.split("/") or ":" in name:
            raise AnswersRefused(path, "holds a part with a suspicious name; it was not opened")
        total += member.file_size
        if member.file_size > _RATIO_FROM and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            raise AnswersRefused(path, "expands far more than a workbook does (a zip bomb?); it was not opened")
    if total > MAX_UNCOMPRESSED:
        raise AnswersRefused(
            path, f"would expand to {total / 1e6:,.0f} MB (at most {MAX_UNCOMPRESSED // 2**20} MB); it was not opened"
        )
    if "xl/workbook.xml" not in {m.filename for m in members}:
        raise AnswersRefused(path, "is not an Excel workbook (.xlsx)")


def read_questionnaire(path: Path) -> FilledQuestionnaire:
    """Read a filled questionnaire safely (see the module doc for the checks, in order).

    Raises:
        AnswersRefused: the file as a whole is unusable (too big, not a workbook, a zip bomb, no
            safe XML parser, a renamed sheet, an edited identity, moved rows, an oversized sheet).
    """
    path = Path(path)
    data = _read_bytes(path)
    _check_zip(path, data)
    if not defused_xml():
        raise AnswersRefused(path, "was not opened: the safe XML reader (defusedxml) is missing from this installation")
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    except Exception:  # any parse failure of an untrusted file is "not readable"
        raise AnswersRefused(path, "could not be read as an Excel workbook") from None
    try:
        names = wb.sheetnames
        if ANSWER_SHEET not in names or IDENTITY_SHEET not in names:
            raise AnswersRefused(
                path, f"has no sheet named {ANSWER_SHEET!r} (was it renamed, or is it another workbook?)"
            )
        identity = _identity(path, _rows(path, wb[IDENTITY_SHEET], 4))
        return _answers(path, identity, _rows(path, wb[ANSWER_SHEET], MAX_ROWS))
    except AnswersRefused:
        raise
    except Exception:  # sheets are parsed lazily: an unsafe or broken sheet fails here
        raise AnswersRefused(path, "could not be read as an Excel workbook (a sheet is damaged or unsafe)") from None
    finally:
        wb.close()


def _rows(path: Path, ws: Any, limit: int) -> dict[int, list[Any]]:
    """The sheet's non-empty rows (row number -> cells), refusing too many rows or columns."""
    found: dict[int, list[Any]] = {}
    for count, row in enumerate(ws.iter_rows(), start=1):
        if count > limit:
            raise AnswersRefused(path, f"sheet {ws.title!r} has more than {limit:,} rows; a questionnaire has fewer")
        cells = [c for c in row if getattr(c, "value", None) is not None]
        if not cells:
            continue
        if max(c.column for c in cells) > MAX_COLS:
            raise AnswersRefused(
                path, f"sheet {ws.title!r} has more than {MAX_COLS} columns; a questionnaire has fewer"
            )
        found[cells[0].row] = cells
    return found


def _cell(rows: dict[int, list[Any]], row: int, col: int) -> Any:
    for cell in rows.get(row, ()):
        if cell.column == col:
            return cell
    return None


def _identity(path: Path, rows: dict[int, list[Any]]) -> Identity:
    text, mark = _cell(rows, 1, 1), _cell(rows, 2, 1)
    if text is None or mark is None or not isinstance(text.value, str) or not isinstance(mark.value, str):
        raise AnswersRefused(path, "has no questionnaire identity (is it a questionnaire made by the planner?)")
    try:
        identity = Identity.from_json(text.value)
    except ValueError:
        raise AnswersRefused(path, "has a damaged questionnaire identity") from None
    if checksum(text.value, identity.project) != mark.value.strip():
        raise AnswersRefused(path, "its hidden identity was edited, so its answers cannot be trusted")
    return identity


def _text_of(cell: Any) -> tuple[str, str]:
    """A cell's text and its problem (a formula or an error value is a problem, never evaluated)."""
    if cell is None or cell.value is None:
        return "", ""
    if cell.data_type == "f" or (isinstance(cell.value, str) and cell.value.startswith("=") and cell.data_type != "s"):
        return "", "holds a formula, not an answer"
    if cell.data_type == "e":
        return "", "holds an error value"
    return clean_text(str(cell.value)).strip(), ""


def _answer(cell: Any) -> tuple[bool, int | str | None, str]:
    """Whether the cell is answered, the answer, and its problem."""
    if cell is None or cell.value is None or (isinstance(cell.value, str) and not cell.value.strip()):
        return False, None, ""
    if cell.data_type == "f":
        return True, None, "holds a formula, not an answer"
    value = cell.value
    if isinstance(value, bool):
        return True, None, f"{value!r} is not one of 0-4, N/A, Don't know"
    if isinstance(value, int | float) and float(value).is_integer() and 0 <= value <= 4:
        return True, int(value), ""
    if isinstance(value, str):
        text = " ".join(value.split()).replace("\u2019", "'")
        if text in ("0", "1", "2", "3", "4"):
            return True, int(text), ""
        if text.casefold() == NOT_APPLICABLE.casefold():
            return True, None, ""
        if text.casefold() == DONT_KNOW.casefold():
            return True, DONT_KNOW_ANSWER, ""
    shown = clean_text(str(value))[:40]
    return True, None, f"{shown!r} is not one of 0-4, N/A, Don't know"


def _answers(path: Path, identity: Identity, rows: dict[int, list[Any]]) -> FilledQuestionnaire:
    if not rows:
        raise AnswersRefused(path, f"sheet {ANSWER_SHEET!r} is empty")
    expected = dict(identity.rows)
    for row, cells in rows.items():
        key = _cell({row: cells}, row, KEY_COL)
        found = key.value if key is not None else None
        if row in expected and found != expected[row]:
            raise AnswersRefused(
                path, f"row {row} of {ANSWER_SHEET!r} no longer holds the question it was made with "
                "(rows were moved, inserted or deleted); please send a fresh questionnaire"
            )  # fmt: skip
        if row not in expected and isinstance(found, str) and "/" in found:
            raise AnswersRefused(path, f"row {row} of {ANSWER_SHEET!r} holds a question out of place (rows were moved)")
        for cell in cells:
            if cell.column not in (ANSWER_COL, COMMENT_COL) and cell.data_type == "f":
                raise AnswersRefused(path, f"cell {cell.coordinate} of {ANSWER_SHEET!r} holds a formula")
    missing = [row for row, key in identity.rows if _cell(rows, row, KEY_COL) is None]
    if missing:
        raise AnswersRefused(path, f"row {missing[0]} of {ANSWER_SHEET!r} was deleted or cleared")
    person = {}
    for key, ref in PERSON_CELLS.items():
        text, _problem = _text_of(_cell(rows, int(ref[1:]), 2))
        person[key] = " ".join(text.split())
    answers: list[AnswerCell] = []
    for row, key in identity.rows:
        cap_id, _, lens_id = key.partition("/")
        answered, answer, problem = _answer(_cell(rows, row, ANSWER_COL))
        comment, comment_problem = _text_of(_cell(rows, row, COMMENT_COL))
        if not comment_problem and len(comment) > COMMENT_MAX:
            comment_problem = f"the comment is {len(comment):,} characters long (at most {COMMENT_MAX:,})"
        problems = [f"the answer {problem}"] if problem else []
        if comment_problem:
            problems.append(
                comment_problem if comment_problem.startswith("the comment") else f"the comment {comment_problem}"
            )
        issue = "; ".join(problems)
        answers.append(AnswerCell(row, cap_id, lens_id, answered, answer, comment, issue))
    return FilledQuestionnaire(path, identity, person, tuple(answers))
