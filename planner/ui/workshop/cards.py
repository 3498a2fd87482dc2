"""The focusable cards of workshop mode: a lens with its whole scale, and a pick-one choice.

A :class:`LensCard` shows a lens's name and question and its five anchor statements side by side
(or stacked when the window is too narrow for five readable columns), the chosen one
highlighted. It takes digits 0-4 (score), Delete/Backspace (unscore), Left/Right (one less or
more) and Up/Down (previous/next card); a click on a statement scores it. A :class:`ChoiceCard`
does the same for a short list of options keyed by digits (the target level, the importance).
Cards only ask; the view pushes the edits.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from planner.model.capmodel import Lens
from planner.model.limits import LENS_SCORE_MAX
from planner.ui.lenses import score_from_key

__all__ = ["AnchorCell", "ChoiceCard", "LensCard", "WorkshopCard"]

_DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(10)}


def _shrinkable(label: QLabel) -> QLabel:
    """Let a wrapped label take any width its layout gives (it grows in height instead)."""
    policy = label.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
    label.setSizePolicy(policy)
    return label


def _repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class AnchorCell(QLabel):
    """One statement of a scale (or one option), clickable, highlighted when chosen.

    Signals:
        clicked(): the cell was clicked.
    """

    clicked = Signal()

    def __init__(self, key: str, text: str, parent: QWidget | None = None, *, shrink: bool = True) -> None:
        super().__init__(parent)
        self.key, self.statement = key, text
        self.setObjectName("anchorCell")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setText(f"<b>{html.escape(key)}</b>&nbsp;&nbsp;{html.escape(text)}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        if shrink:  # a statement wraps to any width; an option's one or two words must stay whole
            _shrinkable(self)
        self.chosen = False
        self.setProperty("chosen", False)

    def set_chosen(self, chosen: bool) -> None:
        """Highlight the cell (or not)."""
        if chosen != self.chosen:
            self.chosen = chosen
            self.setProperty("chosen", chosen)
            _repolish(self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.isEnabled():
            self.clicked.emit()
        super().mousePressEvent(event)


class WorkshopCard(QFrame):
    """A focusable card that shows when it has the keyboard.

    Signals:
        move_requested(int): the previous (-1) or next (+1) card was asked for.
    """

    move_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workshopCard")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setProperty("focused", False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = Qt.Key(event.key())
        if mods == Qt.KeyboardModifier.NoModifier and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_requested.emit(-1 if key == Qt.Key.Key_Up else +1)
        elif mods == Qt.KeyboardModifier.NoModifier and self.handle_key(key):
            return
        else:
            super().keyPressEvent(event)

    def handle_key(self, key: Qt.Key) -> bool:
        """Act on an unmodified key; return whether it was used."""
        return False

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.setProperty("focused", True)
        _repolish(self)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.setProperty("focused", False)
        _repolish(self)
        super().focusOutEvent(event)


class LensCard(WorkshopCard):
    """A lens: name, question, the room's votes if any, and its five statements.

    Signals:
        score_requested(str, object): a score was chosen (``None`` to unscore).
    """

    score_requested = Signal(str, object)

    def __init__(self, lens: Lens, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lens = lens
        self.value: int | None = None
        self.setAccessibleName(f"{lens.name} lens")
        self.name = QLabel(html.escape(lens.name))
        self.name.setObjectName("workshopLens")
        self.question = QLabel(html.escape(lens.question))
        self.question.setObjectName("workshopLensQuestion")
        self.question.setWordWrap(True)
        _shrinkable(self.question)
        self.chosen_label = QLabel()
        self.chosen_label.setObjectName("workshopLensScore")
        self.chosen_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.cells = [AnchorCell(str(n), lens.anchors[n]) for n in range(LENS_SCORE_MAX + 1)]
        for n, cell in enumerate(self.cells):
            cell.clicked.connect(lambda n=n: self._clicked(n))
        head = QHBoxLayout()
        head.addWidget(self.name)
        head.addWidget(self.question, 1)
        head.addWidget(self.chosen_label)
        self._grid = QGridLayout()
        self._grid.setSpacing(4)
        self.columns = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addLayout(self._grid)
        self.set_columns(len(self.cells))

    def set_columns(self, columns: int) -> None:
        """Lay the statements out side by side (5) or stacked (1)."""
        if columns == self.columns:
            return
        self.columns = columns
        for cell in self.cells:
            self._grid.removeWidget(cell)
        for n, cell in enumerate(self.cells):
            self._grid.addWidget(cell, n // columns, n % columns)
        for col in range(len(self.cells)):
            self._grid.setColumnStretch(col, 1 if col < columns else 0)

    def show_value(self, value: int | None, applicable: bool, votes: Sequence[int] = ()) -> None:
        """Show the consensus score (highlighted statement) and the participants' votes."""
        self.value = value
        for n, cell in enumerate(self.cells):
            cell.set_chosen(applicable and n == value)
        if not applicable:
            text = "N/A"
        elif value is None:
            text = "Not scored"
        else:
            text = f"Score {value}"
        if votes and applicable:
            spread = f"{min(votes)}" if min(votes) == max(votes) else f"{min(votes)}-{max(votes)}"
            text = f"Votes {spread} ({len(votes)})   {text}"
        self.chosen_label.setText(text)
        self.setAccessibleDescription(f"{self.lens.name}: {text}")

    def _clicked(self, n: int) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.score_requested.emit(self.lens.id, n)

    def handle_key(self, key: Qt.Key) -> bool:
        asked = score_from_key(key, self.value)
        if asked is None:
            return False
        self.score_requested.emit(self.lens.id, asked[0])
        if asked[1]:
            self.move_requested.emit(+1)
        return True


class ChoiceCard(WorkshopCard):
    """Pick one of a few options by its digit (or a click).

    Signals:
        chosen(object): an option's value was picked.
    """

    chosen = Signal(object)

    def __init__(self, title: str, options: Sequence[tuple[int, str, object]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(title)
        self.options = list(options)
        self.title = QLabel(html.escape(title))
        self.title.setObjectName("workshopLens")
        self.cells = [AnchorCell(str(digit), label, shrink=False) for digit, label, _value in self.options]
        row = QHBoxLayout()
        row.setSpacing(6)
        for cell, (_digit, _label, value) in zip(self.cells, self.options, strict=True):
            cell.clicked.connect(lambda value=value: self._clicked(value))
            row.addWidget(cell, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addLayout(row)

    def show_value(self, value: object) -> None:
        """Highlight the option holding ``value``."""
        for cell, (_digit, _label, option) in zip(self.cells, self.options, strict=True):
            cell.set_chosen(option == value)

    def _clicked(self, value: object) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.chosen.emit(value)

    def handle_key(self, key: Qt.Key) -> bool:
        digit = _DIGITS.get(key)
        for option_digit, _label, value in self.options:
            if digit == option_digit:
                self.chosen.emit(value)
                self.move_requested.emit(+1)
                return True
        return False
