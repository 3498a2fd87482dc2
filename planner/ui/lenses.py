"""The five lens controls, built for scoring by keyboard in a workshop.

Each lens is a row: its name and question, buttons 0-4, and the anchor sentence of the chosen
score. A focused row takes digits 0-4 (score), Delete/Backspace (unscore), Left/Right (one
less/more) and Up/Down (previous/next lens); after a digit the focus moves on to the next lens,
so a capability is scored with five key presses. Buttons take no focus, so a click scores and
leaves the keyboard on the row.

The scale is visible before a score is chosen, without making the page five times taller: the
focused row unfolds its five anchor statements as a compact list (the chosen one marked) in place
of its chosen statement, the other rows show only their chosen statement, and pointing at a button shows its statement in
place of the chosen one. A capability that does not apply shows no "press 0-4" prompt.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from planner.model.capmodel import Lens
from planner.model.limits import LENS_SCORE_MAX

__all__ = ["LensPanel", "LensRow"]

_DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(LENS_SCORE_MAX + 1)}


def score_from_key(key: Qt.Key, value: int | None) -> tuple[int | None, bool] | None:
    """What a key asks of a lens now scored ``value``: ``(new score, move on)``, or ``None`` if nothing.

    Digits 0-4 score and move to the next lens; Delete or Backspace unscores; Left and Right lower
    or raise the score by one. Shared by the assessment page and workshop mode, so both keep one
    keyboard.
    """
    if key in _DIGITS:
        return _DIGITS[key], True
    if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
        return None, False
    if key == Qt.Key.Key_Left and value is not None and value > 0:
        return value - 1, False
    if key == Qt.Key.Key_Right:
        return (0 if value is None else min(LENS_SCORE_MAX, value + 1)), False
    return None


class LensRow(QFrame):
    """One lens: buttons 0-4 and the anchor sentence of the chosen score.

    Signals:
        score_requested(str, object): the user chose a score (``None`` to unscore).
        move_requested(int): the user asked for the previous (-1) or next (+1) lens.
    """

    score_requested = Signal(str, object)
    move_requested = Signal(int)

    def __init__(self, lens: Lens, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lens = lens
        self.value: int | None = None
        self.setObjectName("lensRow")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(f"{lens.name} lens score")
        self.setToolTip(f"{lens.question}\nKeys: 0-4 score, Delete unscores, arrows move")
        name = QLabel(f"<b>{lens.name}</b>")
        name.setToolTip(lens.question)
        self.buttons: list[QToolButton] = []
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        for n in range(LENS_SCORE_MAX + 1):
            button = QToolButton()
            button.setText(str(n))
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumWidth(34)
            button.setAccessibleName(f"{lens.name} {n}")
            button.setToolTip(lens.anchors[n])
            button.clicked.connect(lambda _checked=False, n=n: self._clicked(n))
            button.installEventFilter(self)
            self.buttons.append(button)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.anchor = QLabel()
        self.anchor.setWordWrap(True)
        self.anchor.setObjectName("anchorText")
        self.anchor.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.scale = QLabel()
        self.scale.setObjectName("scaleList")
        self.scale.setWordWrap(True)
        self.scale.setTextFormat(Qt.TextFormat.RichText)
        self.scale.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.scale.hide()
        self.applicable = True
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.addWidget(name, 0, 0)
        grid.addLayout(buttons, 0, 1)
        grid.addWidget(self.anchor, 1, 0, 1, 2)
        grid.addWidget(self.scale, 2, 0, 1, 2)
        grid.setColumnMinimumWidth(0, 110)
        grid.setColumnStretch(1, 1)
        self.show_value(None)

    def show_value(self, value: int | None, applicable: bool = True) -> None:
        """Show a score (``None``: unscored); a capability that does not apply is not scored at all."""
        self.value = value
        self.applicable = applicable
        for n, button in enumerate(self.buttons):
            button.setChecked(n == value and applicable)
        if not applicable:
            self.anchor.setText("Not scored: the capability does not apply to this client.")
        elif value is None:
            self.anchor.setText("Not scored yet. Press 0-4.")
        else:
            self.anchor.setText(f"{value}: {self.lens.anchors[value]}")
        self.scale.setText(
            "".join(
                f"<div>{'<b>&#9654; ' if n == value else ''}{n}&nbsp;&nbsp;{html.escape(text)}"
                f"{'</b>' if n == value else ''}</div>"
                for n, text in enumerate(self.lens.anchors)
            )
        )
        self._show_scale(self.hasFocus())
        self.setAccessibleDescription(self.anchor.text())

    def _show_scale(self, on: bool) -> None:
        unfolded = on and self.applicable
        self.scale.setVisible(unfolded)
        self.anchor.setVisible(not unfolded)  # the unfolded list marks the chosen statement itself

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Pointing at a button previews its statement; leaving it shows the chosen one again."""
        if watched in self.buttons and self.applicable:
            if event.type() == QEvent.Type.Enter:
                n = self.buttons.index(watched)
                self.anchor.setText(f"{n}: {self.lens.anchors[n]}")
            elif event.type() == QEvent.Type.Leave:
                self.show_value(self.value, self.applicable)
        return super().eventFilter(watched, event)

    def _clicked(self, n: int) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.show_value(self.value, self.applicable)  # the document decides; the refresh checks the right button
        self.score_requested.emit(self.lens.id, n)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        asked = score_from_key(key, self.value) if mods == Qt.KeyboardModifier.NoModifier else None
        if mods != Qt.KeyboardModifier.NoModifier:
            super().keyPressEvent(event)
        elif asked is not None:
            self.score_requested.emit(self.lens.id, asked[0])
            if asked[1]:
                self.move_requested.emit(+1)
        elif key == Qt.Key.Key_Up:
            self.move_requested.emit(-1)
        elif key == Qt.Key.Key_Down:
            self.move_requested.emit(+1)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._show_scale(True)
        self.setProperty("focused", True)
        self.style().polish(self)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._show_scale(False)
        self.setProperty("focused", False)
        self.style().polish(self)
        super().focusOutEvent(event)


class LensPanel(QWidget):
    """The lens rows of a capability.

    Signals:
        score_requested(str, object): a lens was scored (``None`` to unscore).
    """

    score_requested = Signal(str, object)

    def __init__(self, lenses: tuple[Lens, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.rows: list[LensRow] = []
        for lens in lenses:
            row = LensRow(lens)
            row.score_requested.connect(self.score_requested)
            row.move_requested.connect(lambda step, row=row: self._move(row, step))
            self.rows.append(row)
            layout.addWidget(row)

    def show_scores(self, scores: dict[str, int | None], enabled: bool) -> None:
        """Show every lens's score; disabled for a not-applicable capability."""
        for row in self.rows:
            row.show_value(scores.get(row.lens.id), enabled)
            row.setEnabled(enabled)

    def focus_lens(self, position: int) -> None:
        """Put the keyboard focus on a lens row."""
        if self.rows:
            self.rows[max(0, min(position, len(self.rows) - 1))].setFocus(Qt.FocusReason.OtherFocusReason)

    def focused_position(self) -> int | None:
        """Return which row has the focus, if any."""
        for i, row in enumerate(self.rows):
            if row.hasFocus():
                return i
        return None

    def _move(self, row: LensRow, step: int) -> None:
        position = self.rows.index(row) + step
        if 0 <= position < len(self.rows):
            self.focus_lens(position)
