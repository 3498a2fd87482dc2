"""The "out of date" banner of the roadmap page: what changed since the roadmap was drafted, and two ways out.

It names the first few changes (a re-score, a new target, another organisation size or scope)
and how many more there are; all of them are in its tooltip. "Regenerate…" opens the preview;
"Keep as is" records the roadmap as matching the current assessment. Both are the page's to do.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

__all__ = ["SHOWN_REASONS", "StaleBanner", "stale_summary"]

#: How many changes the banner names before "and N more".
SHOWN_REASONS = 3


def stale_summary(reasons: list[str], shown: int = SHOWN_REASONS) -> str:
    """Return "The roadmap is out of date: A. B. C. And 4 more changes." for a list of reasons."""
    head = " ".join(reasons[:shown])
    more = len(reasons) - shown
    tail = f" And {more} more change{'s' if more != 1 else ''}." if more > 0 else ""
    return f"The roadmap is out of date: {head}{tail}"


class StaleBanner(QFrame):
    """A warning strip with the changes and the "Regenerate…" and "Keep as is" buttons.

    Signals:
        regenerate_requested(): the consultant wants the regeneration preview.
        keep_requested(): the consultant keeps the roadmap as it is.
    """

    regenerate_requested = Signal()
    keep_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staleBanner")
        self.setStyleSheet(
            "QFrame#staleBanner { background: #FFF4DC; border: 1px solid #E0A030; border-radius: 6px; }"
            "QFrame#staleBanner QLabel { color: #3D2A00; background: transparent; border: none; }"
        )
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # capability names are the model's text
        self.text.setAccessibleName("Roadmap out of date")
        self.regenerate = QPushButton("Re&generate…")
        self.regenerate.setToolTip("Preview what the current assessment calls for, then choose what to apply")
        self.regenerate.clicked.connect(self.regenerate_requested)
        self.keep = QPushButton("&Keep as is")
        self.keep.setToolTip("Record the roadmap as matching the current assessment (Undo takes it back)")
        self.keep.clicked.connect(self.keep_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.regenerate)
        layout.addWidget(self.keep)
        self.hide()

    def show_reasons(self, reasons: list[str]) -> None:
        """Show the banner for these changes (hide it when there are none)."""
        if not reasons:
            self.hide()
            return
        self.text.setText(stale_summary(reasons))
        self.setToolTip("\n".join(reasons))
        self.show()
