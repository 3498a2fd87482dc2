"""Where everything on the timeline goes: rows as tall as their wrapped titles, months as wide as their names.

One :class:`TimelineLayout` is shared by the three painted parts of the timeline (the frozen title
column, the frozen month header, the scrolling chart), so a row is at the same height in the
titles and in the chart. Every size comes from the font: larger text gives taller rows, wider
months and a taller header. The title column's width is the consultant's (a splitter handle);
titles wrap within it and never lose a word.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect
from PySide6.QtGui import QFont, QFontMetrics

from planner.model.project import Initiative
from planner.ui.roadmap.cards import wrap_words

__all__ = ["TITLE_INDENT", "TimelineLayout", "build_layout"]

#: Where an initiative's title starts in the title column (a group row's text starts at half that).
TITLE_INDENT = 16
_RIGHT_PAD = 8
_ROW_PAD = 8  # above and below the text of a row, together


@dataclass(frozen=True, slots=True)
class TimelineLayout:
    """Rows (horizon, initiative or ``None`` for the group's header row) with their tops and heights."""

    rows: list[tuple[str, Initiative | None]]
    tops: list[int]
    heights: list[int]
    lines: list[list[str]]
    line: int
    months: int
    month_width: int
    header_height: int
    title_width: int

    @property
    def height(self) -> int:
        """The height of all rows together."""
        return (self.tops[-1] + self.heights[-1]) if self.rows else self.line + _ROW_PAD

    @property
    def chart_width(self) -> int:
        """The width of the month grid."""
        return self.months * self.month_width

    def title_rect(self, row: int) -> QRect:
        """The box of a row's title in the title column."""
        indent = TITLE_INDENT if self.rows[row][1] is not None else TITLE_INDENT // 2
        return QRect(
            indent, self.tops[row] + _ROW_PAD // 2, self.title_width - indent - _RIGHT_PAD, self.heights[row] - _ROW_PAD
        )

    def row_at(self, y: float) -> int | None:
        """The row at height ``y`` (``None`` below the last row)."""
        for row, top in enumerate(self.tops):
            if top <= y < top + self.heights[row]:
                return row
        return None

    def row_of(self, initiative_id: str) -> int | None:
        """The row showing an initiative."""
        return next(
            (n for n, (_k, item) in enumerate(self.rows) if item is not None and item.id == initiative_id), None
        )


def build_layout(
    rows: list[tuple[str, Initiative | None]], group_texts: dict[str, str], months: int, font: QFont, title_width: int
) -> TimelineLayout:
    """Lay the rows out for ``font`` and a title column ``title_width`` pixels wide.

    Args:
        rows: (horizon key, initiative or ``None`` for a group's header row), top to bottom.
        group_texts: the text of each group's header row, by horizon key.
        months: how many month columns the chart has.
        font: the timeline's font (every size follows it).
        title_width: the title column's width.
    """
    metrics = QFontMetrics(font)
    bold = QFont(font)
    bold.setBold(True)
    bold_metrics = QFontMetrics(bold)
    line = metrics.lineSpacing()
    tops: list[int] = []
    heights: list[int] = []
    lines: list[list[str]] = []
    y = 0
    for key, item in rows:
        if item is None:
            text = wrap_words(group_texts.get(key, key), bold_metrics, title_width - TITLE_INDENT // 2 - _RIGHT_PAD)
        else:
            # two pixels of slack: integer and fractional advances may differ at the edge of the box
            text = wrap_words(item.title, metrics, title_width - TITLE_INDENT - _RIGHT_PAD - 2)
        text = text or [""]
        height = len(text) * line + _ROW_PAD
        tops.append(y)
        heights.append(height)
        lines.append(text)
        y += height
    month_width = max(34, metrics.horizontalAdvance("May") + metrics.averageCharWidth() * 2)
    return TimelineLayout(
        rows=rows,
        tops=tops,
        heights=heights,
        lines=lines,
        line=line,
        months=max(months, 1),
        month_width=month_width,
        header_height=3 * (line + 4) + 4,
        title_width=title_width,
    )
