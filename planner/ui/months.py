"""Month pickers that read like a calendar ("Mar 2027"): the plan's start, and a pinned start month.

Both are spin boxes: the arrows and PgUp/PgDn step a month or a year, and typing "Mar 2027",
"march 2027", "2027-03" or "3/2027" works too (a pinned start also takes "Month 4" when the plan
has no start month). Month names are the fixed English ones of :mod:`planner.model.calendar`, as
in the reports, whatever the machine's locale.

:class:`StartMonthPicker` holds an optional ``YYYY-MM``: its lowest value reads "Not set", and the
first step up from there lands on a sensible month (the one the caller gives) instead of the
picker's lowest year.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QSpinBox, QWidget

from planner.model.calendar import MONTH_NAMES, month_label, parse_start
from planner.model.limits import MONTH_MAX

__all__ = ["PlanMonthBox", "StartMonthPicker", "parse_month"]

_YEARS = (2000, 2099)
_NAMED = re.compile(r"^\s*([A-Za-z]{3,9})\.?\s+(\d{4})\s*$")
_NUMERIC = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$|^\s*(\d{1,2})\s*/\s*(\d{4})\s*$")
_PLAN = re.compile(r"^\s*(?:months?\s*)?(\d{1,3})\s*$", re.IGNORECASE)


def parse_month(text: str) -> tuple[int, int] | None:
    """Return (year, month 1-12) of "Mar 2027", "March 2027", "2027-03" or "3/2027"; ``None`` otherwise."""
    named = _NAMED.match(text)
    if named:
        prefix = named.group(1)[:3].capitalize()
        if prefix not in MONTH_NAMES:
            return None
        return int(named.group(2)), MONTH_NAMES.index(prefix) + 1
    numeric = _NUMERIC.match(text)
    if numeric:
        year, month = (numeric.group(1), numeric.group(2)) if numeric.group(1) else (numeric.group(4), numeric.group(3))
        if 1 <= int(month) <= 12:
            return int(year), int(month)
    return None


def _index(year: int, month: int) -> int:
    return year * 12 + month - 1


class _MonthBox(QSpinBox):
    """A spin box whose values are months shown as text; subclasses say how to label and parse."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setKeyboardTracking(False)  # a half-typed month is not a value yet
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToPreviousValue)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("Not pinned   ") + 40)

    def _label(self, value: int) -> str:
        raise NotImplementedError

    def _parse(self, text: str) -> int | None:
        raise NotImplementedError

    def textFromValue(self, value: int) -> str:
        return self._label(value)

    def valueFromText(self, text: str) -> int:
        found = self._parse(text)
        return self.value() if found is None else found

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        found = self._parse(text)
        if (self.specialValueText() and text == self.specialValueText()) or (
            found is not None and self.minimum() <= found <= self.maximum()
        ):
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos


class StartMonthPicker(_MonthBox):
    """The month a plan starts, or "Not set"; :meth:`month` gives it as ``YYYY-MM`` (``None`` unset)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(_index(_YEARS[0], 1) - 1, _index(_YEARS[1], 12))
        self.setSpecialValueText("Not set")
        #: Where the first step up from "Not set" goes (``YYYY-MM``); the picker's first month if unset.
        self.first_choice: str | None = None

    def _label(self, value: int) -> str:
        return f"{MONTH_NAMES[value % 12]} {value // 12}"

    def _parse(self, text: str) -> int | None:
        found = parse_month(text)
        return None if found is None else _index(*found)

    def stepBy(self, steps: int) -> None:
        start = parse_start(self.first_choice)
        if self.value() == self.minimum() and steps > 0 and start is not None:
            self.setValue(max(self.minimum() + 1, min(self.maximum(), _index(*start))))
            return
        super().stepBy(steps)

    def month(self) -> str | None:
        """The chosen month as ``YYYY-MM``, or ``None`` for "Not set"."""
        value = self.value()
        if value == self.minimum():
            return None
        return f"{value // 12:04d}-{value % 12 + 1:02d}"

    def set_month(self, month: str | None) -> None:
        """Show ``month`` (``YYYY-MM``; ``None`` or a month outside the picker's years: "Not set")."""
        start = parse_start(month)
        value = self.minimum() if start is None else _index(*start)
        self.setValue(value if self.minimum() < value <= self.maximum() else self.minimum())


class PlanMonthBox(_MonthBox):
    """A month of the plan (0 = its first), shown as "Mar 2027", or "Month 4" when the plan is undated."""

    def __init__(self, start_date: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start_date = start_date
        self.setRange(0, MONTH_MAX)

    def _label(self, value: int) -> str:
        return month_label(self.start_date, value)

    def _parse(self, text: str) -> int | None:
        plain = _PLAN.match(text)
        if plain:
            return int(plain.group(1)) - 1
        found = parse_month(text)
        start = parse_start(self.start_date)
        if found is None or start is None:
            return None
        return _index(*found) - _index(*start)
