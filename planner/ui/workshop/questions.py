"""The side panel of workshop mode with the capability's discovery questions, and its short description.

The questions come from the model (3-5 per capability); they are what the consultant asks the
room before it scores. The panel scrolls on its own when they do not fit.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

__all__ = ["QuestionsPanel", "short_description"]

#: A sentence ends at . ! or ? followed by a space and a capital letter (not inside "e.g. the").
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
#: A first sentence shorter than this takes the second one with it.
_SHORT = 90


def short_description(summary: str) -> str:
    """Return the first sentence of a summary (two when the first is very short)."""
    sentences = _SENTENCE_END.split(summary.strip(), maxsplit=2)
    text = sentences[0]
    if len(text) < _SHORT and len(sentences) > 1:
        text += " " + sentences[1]
    return text


class QuestionsPanel(QScrollArea):
    """The discovery questions of the capability shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workshopQuestionsPanel")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        heading = QLabel("Discovery questions")
        heading.setObjectName("workshopLens")
        self.text = QLabel()
        self.text.setObjectName("workshopQuestions")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(12, 4, 4, 4)
        layout.addWidget(heading)
        layout.addWidget(self.text)
        layout.addStretch(1)
        self.setWidget(inner)

    def show_questions(self, questions: Sequence[str]) -> None:
        """Show a capability's questions (a sentence when the model has none)."""
        if not questions:
            self.text.setText("<p>The model has no questions for this capability.</p>")
            return
        items = "".join(
            f"<p style='margin-bottom:10px'>{n}.&nbsp;{html.escape(q)}</p>" for n, q in enumerate(questions, 1)
        )
        self.text.setText(items)
