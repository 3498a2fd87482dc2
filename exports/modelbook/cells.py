"""Reading the cells of an untrusted model workbook: one row as values, each problem with its place.

A cell gives text or a number or a problem: a formula (refused: the workbook holds values only),
an error value such as ``#N/A``, a date where text was expected. Each problem names the sheet, the
row and the column header, as a consultant finds it in Excel.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

__all__ = ["BookProblem", "Place", "SheetRows", "read_rows"]

#: The most rows one sheet may have (a 500-capability model needs about 10,000 initiatives).
ROWS_MAX = 60_000


@dataclass(frozen=True, slots=True)
class Place:
    """Where a value sits: the sheet, the row (``None``: the whole sheet) and the column header."""

    sheet: str
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        parts = [self.sheet]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column!r}")
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class BookProblem:
    """One problem of the workbook, at a place."""

    place: Place
    message: str

    def __str__(self) -> str:
        return f"{self.place}: {self.message}"


@dataclass
class SheetRows:
    """The rows of a table sheet: per row its number and its cells by document field."""

    sheet: str
    headers: dict[str, str]  # field -> header
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    problems: list[BookProblem] = field(default_factory=list)

    def place(self, row: int, field_name: str | None = None) -> Place:
        """Return the place of a row (and of one of its fields)."""
        return Place(self.sheet, row, self.headers.get(field_name, field_name) if field_name else None)

    def text(self, row: int, cells: dict[str, Any], field_name: str) -> str:
        """Return a cell as text (numbers written as typed); a problem and ``""`` for anything else."""
        value = cells.get(field_name)
        if value is None:
            return ""
        if isinstance(value, str):
            return value
        if isinstance(value, bool):
            return "TRUE" if value else "FALSE"
        if isinstance(value, int):
            return str(value)
        if isinstance(value, float):
            return str(int(value)) if value.is_integer() else repr(value)
        what = "a date" if isinstance(value, (dt.date, dt.time, dt.timedelta)) else "not text"
        self.problems.append(BookProblem(self.place(row, field_name), f"is {what}; type it as text"))
        return ""

    def number(self, row: int, cells: dict[str, Any], field_name: str, *, whole: bool) -> float | int | None:
        """Return a cell as a number (text holding a number is accepted); ``None`` when empty or wrong."""
        value = cells.get(field_name)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        number: float | None = None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            number = float(value)
        elif isinstance(value, str):
            try:
                number = float(value.strip())
            except ValueError:
                number = None
        kind = "a whole number" if whole else "a number"
        if number is None or number != number or number in (float("inf"), float("-inf")):
            self.problems.append(BookProblem(self.place(row, field_name), f"must be {kind}, not {_shown(value)}"))
            return None
        if whole:
            if not number.is_integer():
                self.problems.append(BookProblem(self.place(row, field_name), f"must be {kind}, not {_shown(value)}"))
                return None
            return int(number)
        return int(number) if isinstance(value, int) else number


def _shown(value: object) -> str:
    text = str(value)
    return repr(text if len(text) <= 30 else text[:27] + "...")


def _value(cell: Any, place: Place, problems: list[BookProblem]) -> Any:
    kind = getattr(cell, "data_type", None)
    value = cell.value
    if kind == "f" or (value is not None and not isinstance(value, (str, int, float, bool, dt.datetime, dt.date))):
        problems.append(BookProblem(place, "holds a formula; type the value instead (formulas are refused)"))
        return None
    if kind == "e":
        problems.append(BookProblem(place, f"holds the error value {value}; type a value instead"))
        return None
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _rows(ws: Any) -> Iterator[tuple[int, list[Any]]]:
    for cells in ws.iter_rows():
        number = next((c.row for c in cells if getattr(c, "row", None) is not None), None)
        if number is not None:
            yield number, list(cells)


def read_rows(ws: Any, sheet: str, columns: tuple[tuple[str, str, int], ...]) -> SheetRows:
    """Read a table sheet: the header row names the columns; blank rows are skipped.

    A missing column is one problem (naming it); a column of another header is ignored.
    """
    headers = {f: h for f, h, _w in columns}
    result = SheetRows(sheet, headers)
    wanted = {h.casefold(): f for f, h, _w in columns}
    index: dict[int, str] = {}
    extra: list[int] = []  # columns after the last header: continuation cells (the Kept sheet's JSON)
    count = 0
    for number, cells in _rows(ws):
        count += 1
        if count > ROWS_MAX:
            result.problems.append(BookProblem(Place(sheet), f"has more than {ROWS_MAX:,} rows; it is not read"))
            return result
        if not index:
            for cell in cells:
                column = getattr(cell, "column", None)
                if isinstance(cell.value, str) and cell.value.strip().casefold() in wanted and column is not None:
                    index[column] = wanted[cell.value.strip().casefold()]
            missing = [h for f, h, _w in columns if f not in index.values()]
            for header in missing:
                result.problems.append(BookProblem(Place(sheet, number, header), "the column is missing"))
            if len(missing) == len(columns):
                return result
            last = max(index)
            extra = list(range(last + 1, last + 200))
            continue
        values: dict[str, Any] = {}
        continued: list[str] = []
        for cell in cells:
            column = getattr(cell, "column", None)
            if column is None or (column not in index and column not in extra):
                continue
            field_name = index.get(column)
            place = Place(
                sheet, number, columns[[f for f, _h, _w in columns].index(field_name)][1] if field_name else None
            )
            value = _value(cell, place, result.problems)
            if field_name is not None:
                values[field_name] = value
            elif isinstance(value, str):
                continued.append(value)
        if continued:
            values["_continued"] = "".join(continued)
        if any(v is not None for v in values.values()):
            result.rows.append((number, values))
    if not index:
        result.problems.append(BookProblem(Place(sheet, 1), "the header row is missing"))
    return result
