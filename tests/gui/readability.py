"""Measuring what a widget really shows of a text: the lines that fit a box, cut where they overflow.

The screenshot-size tests ask the widgets where a name is drawn (a cell's ``visualRect``, a
card's text box, a timeline row) and lay the name out in that box with the widget's font, as a
reader would see it: wrapped at word boundaries, only the lines that fit the height, a line wider
than the box cut with an ellipsis. What is left is compared with the name.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout, QTextOption

__all__ = ["first_words", "is_whole", "shown_text", "starts_with_words"]


def shown_text(text: str, font: QFont, width: float, height: float, *, wrap: bool = True) -> str:
    """Return what of ``text`` is readable in a box of ``width`` x ``height`` pixels (words joined by spaces).

    Without ``wrap`` the text is one line, elided at the box's width (what a cell without word wrap shows).
    """
    metrics = QFontMetricsF(font)
    if width <= 0 or height < metrics.height() - 1:
        return ""
    if not wrap:
        return metrics.elidedText(" ".join(text.split()), Qt.TextElideMode.ElideRight, width)
    layout = QTextLayout(" ".join(text.split()), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines: list[tuple[int, int, float]] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append((line.textStart(), line.textLength(), line.naturalTextWidth()))
    layout.endLayout()
    full = layout.text()
    room = max(1, int((height + 1) // metrics.lineSpacing()))
    shown: list[str] = []
    for n, (start, length, natural) in enumerate(lines):
        part = full[start : start + length].strip()
        last_fitting = n == room - 1 and n < len(lines) - 1
        if natural > width + 0.5 or last_fitting:
            rest = full[start:].strip() if last_fitting else part
            shown.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
            break
        shown.append(part)
        if n == room - 1:
            break
    return " ".join(shown)


def first_words(text: str, count: int = 2) -> str:
    """The first ``count`` words of ``text``."""
    return " ".join(text.split()[:count])


def starts_with_words(shown: str, text: str, count: int = 2) -> bool:
    """Whether ``shown`` holds at least the first ``count`` words of ``text``, uncut (the whole text if shorter)."""
    # compared without spaces: a line may break after a hyphen ("company-" / "level")
    wanted = "".join(text.split()[:count])
    return "".join(shown.split()).startswith(wanted) and "\u2026" not in "".join(shown.split())[: len(wanted)]


def is_whole(shown: str, text: str) -> bool:
    """Whether ``shown`` is the whole of ``text`` (nothing cut)."""
    return "".join(shown.split()) == "".join(text.split())
