"""Randomly edited model workbooks: reading gives the same model, another valid model, or problems
that each name a sheet; a file refused as a whole says why. Never a crash.

Mutations are what a consultant (or a damaged copy) does to a workbook: change a cell to empty
text, other text, a number, a formula, an error-looking string, a very long text or an id from
elsewhere; delete a row; swap two rows; rename a sheet; rename a column header; and bytes cut or
flipped in the saved file.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from exports.modelbook.layout import SHEETS
from exports.modelbook.read import BookRefused, read_model_workbook
from exports.modelbook.write import model_workbook_bytes
from planner.storage.models import load_model_file

SMALL = Path(__file__).parents[1] / "data" / "model-secops-small.json"
MODEL = load_model_file(SMALL)
BOOK = model_workbook_bytes(MODEL)
VALUES = st.one_of(
    st.sampled_from(["", " ", "=1+1", "=HYPERLINK(\"x\")", "#N/A", "asset-inventory", "defined", "managed", "core",
                     "extra", "S", "XL", "people, process", "startup", "x" * 20_001, "0", "-1", "101", "2.5", "3"]),
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30),
    st.integers(min_value=-5, max_value=200),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
)  # fmt: skip


@st.composite
def mutations(draw: st.DrawFn) -> list[tuple[Any, ...]]:
    steps = []
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        kind = draw(st.sampled_from(["cell", "cell", "cell", "delete", "swap", "rename", "header"]))
        sheet = draw(st.sampled_from(SHEETS))
        steps.append(
            (kind, sheet, draw(st.integers(1, 40)), draw(st.integers(1, 9)), draw(VALUES), draw(st.integers(2, 40)))
        )
    return steps


def _apply(steps: list[tuple[Any, ...]]) -> bytes:
    try:
        return _applied(steps)
    except (ValueError, TypeError):  # openpyxl refuses the edit itself (e.g. a sheet title it does not allow)
        reject()


def _applied(steps: list[tuple[Any, ...]]) -> bytes:
    book = load_workbook(io.BytesIO(BOOK))
    for kind, sheet, row, col, value, other in steps:
        if sheet not in book.sheetnames:
            continue
        ws = book[sheet]
        if kind == "cell":
            ws.cell(row=row, column=col).value = value
        elif kind == "delete":
            ws.delete_rows(row)
        elif kind == "swap":
            a = [c.value for c in ws[max(row, 2)]]
            b = [c.value for c in ws[other]]
            for i, v in enumerate(b, start=1):
                ws.cell(row=max(row, 2), column=i).value = v
            for i, v in enumerate(a, start=1):
                ws.cell(row=other, column=i).value = v
        elif kind == "rename":
            ws.title = f"{sheet[:20]} (2)"
        else:
            ws.cell(row=1, column=col).value = str(value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _check(path: Path) -> None:
    refused = ""
    try:
        read = read_model_workbook(path)
    except BookRefused as exc:
        refused = str(exc)
    if refused:
        assert "\n" not in refused
        return
    if read.model is None:
        assert read.problems
        for problem in read.problems:
            assert problem.place.sheet and problem.message
            assert str(problem).split(":")[0].split(",")[0] in (*SHEETS, "Model")
        return
    assert read.problems == []
    again = tmp_book(path.parent / "again.xlsx", model_workbook_bytes(read.model))
    assert read_model_workbook(again).model == read.model  # whatever was accepted is itself stable


def tmp_book(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=mutations())
def test_edited_workbooks_give_a_model_or_located_problems(steps: list[tuple[Any, ...]], tmp_path: Path) -> None:
    path = tmp_book(tmp_path / "edited.xlsx", _apply(steps))
    _check(path)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=len(BOOK)), flips=st.lists(st.integers(0, len(BOOK) - 1), max_size=4))
def test_damaged_bytes_are_refused_or_read(cut: int, flips: list[int], tmp_path: Path) -> None:
    data = bytearray(BOOK)
    for at in flips:
        data[at] ^= 0x5A
    path = tmp_book(tmp_path / "damaged.xlsx", bytes(data[: max(cut, 1)] if cut < len(BOOK) // 2 else data))
    _check(path)


def test_an_untouched_workbook_gives_the_identical_model(tmp_path: Path) -> None:
    read = read_model_workbook(tmp_book(tmp_path / "same.xlsx", _apply([])))
    assert read.model == MODEL and read.document == dict(MODEL.document)
