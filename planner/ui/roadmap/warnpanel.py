"""The roadmap page's warnings: a one-line header that folds, over the warnings sized to their text.

The panel takes the room its warnings need and no more: two warnings are two short paragraphs,
not a fixed box. A long list (more than :data:`SHOWN_UNFOLDED`) starts folded to its header, and
unfolded it scrolls after about :data:`MAX_LINES` lines, so the board above keeps the room. The
header says how many there are; clicking it (or Space on it) folds and unfolds. The consultant's
choice holds until the number of warnings changes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QToolButton, QVBoxLayout, QWidget

__all__ = ["MAX_LINES", "SHOWN_UNFOLDED", "WarningsPanel"]

#: Up to this many warnings, the panel starts unfolded.
SHOWN_UNFOLDED = 3
#: Unfolded, the panel grows to about this many lines of text (at most an eighth of the window), then scrolls.
MAX_LINES = 6


class WarningsPanel(QWidget):
    """A folding header and the warnings as bulleted, wrapped text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("warningsPanel")
        self._warnings: list[str] = []
        self.header = QToolButton()
        self.header.setCheckable(True)
        self.header.setAutoRaise(True)
        self.header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.header.setAccessibleName("Roadmap warnings")
        self.header.toggled.connect(self._unfold)
        self.text = QLabel()
        self.text.setObjectName("warningsText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # capability names are the model's text
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setContentsMargins(6, 0, 6, 2)
        self.body = QScrollArea()
        self.body.setWidget(self.text)
        self.body.setWidgetResizable(True)
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        self.body.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.body)
        self.show_warnings([])

    def show_warnings(self, warnings: list[str]) -> None:
        """Show these warnings (a new number of them folds or unfolds the panel afresh)."""
        changed = len(warnings) != len(self._warnings)
        self._warnings = list(warnings)
        self.text.setText("\n".join(f"\u2022 {w}" for w in warnings))
        self.header.setEnabled(bool(warnings))
        if changed:
            self.header.setChecked(0 < len(warnings) <= SHOWN_UNFOLDED)
        self._unfold(self.header.isChecked())

    def texts(self) -> list[str]:
        """The warnings shown."""
        return list(self._warnings)

    @property
    def unfolded(self) -> bool:
        """Whether the warnings are shown under the header."""
        return self.header.isChecked() and bool(self._warnings)

    def _unfold(self, on: bool) -> None:
        count = len(self._warnings)
        if not count:
            self.header.setText("No warnings")
        else:
            self.header.setText(f"Warnings ({count})" + ("" if on else ": click to show"))
        self.header.setArrowType(Qt.ArrowType.DownArrow if on and count else Qt.ArrowType.RightArrow)
        self.body.setVisible(on and bool(count))
        self._fit()

    def _fit(self) -> None:
        """As tall as the wrapped text at the current width, up to :data:`MAX_LINES` lines."""
        if not self.body.isVisible() and not self.header.isChecked():
            return
        width = max(100, self.width())  # the text spans the panel (no frame; a scroll bar only past the cap)
        needed = self.text.heightForWidth(width)
        line = self.text.fontMetrics().lineSpacing()
        window = self.window().height() if self.window() is not self else 0
        # large text on a short screen: fewer lines, so the board above keeps the room (the rest scrolls)
        cap = max(2 * line, min(line * MAX_LINES, window // 8 if window else line * MAX_LINES)) + 4
        self.body.setFixedHeight(max(self.text.fontMetrics().lineSpacing(), min(needed, cap)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()
