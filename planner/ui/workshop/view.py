"""The workshop screen: one capability at a time, in large type, for the room to read.

Top: the domain and position ("Capability 3 of 22"), the score badge and the time spent on this
capability (hidden or shown with T). Then the capability's name and the first sentence of its
summary. The body holds a card per lens with all five anchor statements, so the room reads the
whole scale before it votes (the chosen statement highlighted, participants' votes and spread
beside the lens), then the target level and the importance. At the side: the discovery
questions (hidden or shown with Q). Notes, internal notes and evidence are not shown: the
screen is on the projector.

Keyboard (the whole flow works without a mouse): 0-4 score the focused lens and move on;
Delete unscores; Left/Right one less or more; Up/Down or Tab/Shift+Tab move between the cards;
on the target card 0 clears and 1-3 pick a level, on the importance card 1-5; ``]``, PageDown
or Ctrl+PageDown go to the next capability, ``[``, PageUp or Ctrl+PageUp to the previous one,
Home and End to the first and last; N marks the capability not applicable (or applicable
again) and puts the keyboard in the field for why; Esc leaves (F11 too, through the window).
Every choice is one undo step, pushed exactly as on the assessment page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.model.edits import Change, ChangeKind
from planner.model.limits import DEFAULT_IMPORTANCE, IMPORTANCE_RANGE
from planner.ui.capability import badge_text_and_colour, push_field, push_score
from planner.ui.document import Document
from planner.ui.fields import TextField
from planner.ui.workshop.cards import ChoiceCard, LensCard, WorkshopCard
from planner.ui.workshop.clock import StopwatchBook, clock_text
from planner.ui.workshop.questions import QuestionsPanel, short_description

__all__ = ["WorkshopView"]

#: Fewest average characters per line a statement may get before the statements stack.
_MIN_CHARS_PER_LINE = 16
_HINTS = (
    "0-4 score · Del unscore · ↑↓ Tab lens · ] [ PgDn PgUp capability · Home End first/last · "
    "N not applicable · Ctrl+Z undo"
)


def _label(name: str, *, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class WorkshopView(QWidget):
    """One capability in large type, scored with the keyboard.

    Signals:
        leave_requested(): Esc was pressed.
        capability_changed(str): another capability is shown.
    """

    leave_requested = Signal()
    capability_changed = Signal(str)

    def __init__(
        self, doc: Document, clock: StopwatchBook, settings: Any, cap_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.doc, self.clock, self.settings = doc, clock, settings
        self.cap_id = ""
        self.setObjectName("workshopView")
        model = doc.project.model
        self.order = [cid for dom in model.domains for cid in dom.capability_ids]
        self.place = _label("workshopPlace")
        self.badge = _label("workshopBadge", wrap=False)
        self.timer_label = _label("workshopTimer", wrap=False)
        self.timer_label.setAccessibleName("Time spent on this capability")
        self.title = _label("workshopTitle")
        self.summary = _label("workshopSummary")
        self.na_banner = _label("workshopNotApplicable")
        self.na_banner.setText("Not applicable to this client: left out of every score and the roadmap. Why:")
        self.na_reason = TextField(lambda text: self._push("na_reason", text))
        self.na_reason.setObjectName("workshopReason")
        self.na_reason.setAccessibleName("Why it does not apply")
        self.na_reason.setPlaceholderText("Why this capability does not apply to this client")
        self.na_reason.setMaximumHeight(self.na_reason.fontMetrics().lineSpacing() * 4)
        self.lens_cards = [LensCard(lens) for lens in model.lenses]
        for card in self.lens_cards:
            card.score_requested.connect(self._score)
        self.target_card = ChoiceCard(
            "Target level",
            [(0, "No target", None)] + [(i, level.name, level.id) for i, level in enumerate(model.levels[1:], 1)],
        )
        self.target_card.chosen.connect(lambda value: self._push("target", value))
        low, high = IMPORTANCE_RANGE
        words = {low: "low", high: "critical"}
        self.importance_card = ChoiceCard(
            "Importance to the client", [(n, words.get(n, ""), n) for n in range(low, high + 1)]
        )
        self.importance_card.chosen.connect(lambda value: self._push("importance", value))
        self.cards: list[WorkshopCard] = [*self.lens_cards, self.target_card, self.importance_card]
        for each in self.cards:
            each.move_requested.connect(lambda step, each=each: self.move_focus(each, step))
        self.questions = QuestionsPanel()
        self.inline_questions = _label("workshopQuestions")
        self.inline_questions.setTextFormat(Qt.TextFormat.RichText)
        self.inline_questions.setAccessibleName("Discovery questions")
        self._questions_on = True
        self._build()
        self._shortcuts()
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_time)
        self._tick.start()
        self.set_timer_visible(settings.workshop_timer)
        self.set_questions_visible(settings.workshop_questions)
        doc.changed.connect(self._on_changed)
        self.show_capability(cap_id if cap_id in self.order else self.order[0])

    # -- layout --------------------------------------------------------------------------------
    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.place, 1)
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addSpacing(16)
        top.addWidget(self.timer_label, 0, Qt.AlignmentFlag.AlignVCenter)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 8, 0)
        body_layout.setSpacing(8)
        body_layout.addWidget(self.summary)
        body_layout.addWidget(self.na_banner)
        body_layout.addWidget(self.na_reason)
        body_layout.addWidget(self.inline_questions)
        for card in self.lens_cards:
            body_layout.addWidget(card)
        body_layout.addWidget(self.target_card)  # one under the other: side by side they would need
        body_layout.addWidget(self.importance_card)  # more than a small screen's width at a large text size
        body_layout.addStretch(1)
        self.body_scroll = QScrollArea()
        self.body_scroll.setWidget(body)
        self.body_scroll.setWidgetResizable(True)
        self.body_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.body_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        middle = QHBoxLayout()
        middle.addWidget(self.body_scroll, 3)
        middle.addWidget(self.questions, 1)
        self.timer_button = self._toggle("&Timer (T)", self.toggle_timer)
        self.questions_button = self._toggle("&Questions (Q)", self.toggle_questions)
        leave = QToolButton()
        leave.setText("Leave (Esc)")
        leave.setToolTip("Leave workshop mode (Esc or F11)")
        leave.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        leave.clicked.connect(self.leave_requested)
        hints = _label("workshopHints", wrap=False)
        hints.setText(_HINTS)
        hints.setToolTip(_HINTS)
        policy = hints.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)  # cut at the right on a narrow screen
        hints.setSizePolicy(policy)
        bottom = QHBoxLayout()
        bottom.addWidget(hints, 1)
        bottom.addWidget(self.timer_button)
        bottom.addWidget(self.questions_button)
        bottom.addWidget(leave)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addLayout(middle, 1)
        layout.addLayout(bottom)

    def _toggle(self, text: str, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _shortcuts(self) -> None:
        keys: list[tuple[tuple[str, ...], Callable[[], None]]] = [
            (("]", "PgDown", "Ctrl+PgDown"), lambda: self.step(+1)),
            (("[", "PgUp", "Ctrl+PgUp"), lambda: self.step(-1)),
            (("Home",), lambda: self.go_to(self.order[0])),
            (("End",), lambda: self.go_to(self.order[-1])),
            (("N",), self.toggle_not_applicable),
            (("T",), self.toggle_timer),
            (("Q",), self.toggle_questions),
            (("Esc",), self.leave_requested.emit),
        ]
        for sequences, slot in keys:
            for sequence in sequences:
                shortcut = QShortcut(QKeySequence(sequence), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow()

    def changeEvent(self, event: QEvent) -> None:
        """A new text size (font or style sheet) may change how many statements fit side by side."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            QTimer.singleShot(0, self, self._reflow)

    def _reflow(self) -> None:
        """Lay out for the room: statements side by side while each gets a readable line.

        The questions sit beside the cards while that leaves the statements readable; otherwise
        they move above the cards and the statements get the whole width; when even that is too
        narrow (a small screen at a large text size) each lens's statements stack.
        """
        cells = len(self.lens_cards[0].cells)
        needed = self.lens_cards[0].cells[0].fontMetrics().averageCharWidth() * _MIN_CHARS_PER_LINE
        available = self.width() - 48 - 40  # margins, the scroll bar and the cards' own padding
        beside = self._questions_on and available * 3 / 4 / cells >= needed
        self.questions.setVisible(beside)
        self.inline_questions.setVisible(self._questions_on and not beside)
        width = available * 3 / 4 if beside else available
        wide = width / cells >= needed
        for card in self.lens_cards:
            card.set_columns(cells if wide else 1)

    # -- navigation ----------------------------------------------------------------------------
    def step(self, step: int) -> None:
        """Show the previous (-1) or next (+1) capability, staying at the ends."""
        position = self.order.index(self.cap_id) + step
        self.go_to(self.order[max(0, min(len(self.order) - 1, position))])

    def go_to(self, cap_id: str) -> None:
        """Show a capability with the keyboard on its first unscored lens."""
        if cap_id != self.cap_id:
            self.show_capability(cap_id)
        self.take_focus()

    def show_capability(self, cap_id: str) -> None:
        """Switch to another capability (its timer continues where it stopped)."""
        model = self.doc.project.model
        cap = model.capability(cap_id)
        self.cap_id = cap_id
        self.clock.switch(cap_id)
        self.place.setText(
            f"{model.domain(cap.domain).name}   ·   Capability {self.order.index(cap_id) + 1} of {len(self.order)}"
        )
        self.title.setText(cap.name)
        self.summary.setText(short_description(cap.summary))
        self.questions.show_questions(cap.questions)
        self.inline_questions.setText("<b>Discovery questions</b>" + self.questions.text.text())
        self.refresh()
        self._show_time()
        self.body_scroll.verticalScrollBar().setValue(0)
        self.capability_changed.emit(cap_id)

    def focus_chain(self) -> list[QWidget]:
        """The widgets Tab, Up and Down walk through, in order."""
        chain: list[QWidget] = [self.na_reason] if self.na_reason.isVisibleTo(self) else []
        chain += [card for card in self.cards if card.isEnabled()]
        return chain

    def take_focus(self) -> None:
        """Keyboard on the first unscored lens (the first lens when all are; the reason when N/A)."""
        chain = self.focus_chain()
        found = self.doc.project.assessment.capabilities.get(self.cap_id)
        scores = found.lenses if found else {}
        first = next((c for c in self.lens_cards if c.isEnabled() and scores.get(c.lens.id) is None), None)
        target = first or (chain[0] if chain else None)
        if target is not None:
            self._focus(target, Qt.FocusReason.OtherFocusReason)

    def _focus(self, widget: QWidget, reason: Qt.FocusReason) -> None:
        """Give ``widget`` the keyboard and scroll it into view (the reason field with its banner)."""
        widget.setFocus(reason)
        if widget is self.na_reason:  # just shown, right under the summary: the top of the page
            self.body_scroll.verticalScrollBar().setValue(0)
        else:
            self.body_scroll.ensureWidgetVisible(widget, 0, 8)

    def move_focus(self, widget: QWidget, step: int) -> None:
        """Move the keyboard from ``widget`` to the previous or next one of the chain (no wrapping)."""
        chain = self.focus_chain()
        if widget in chain:
            position = chain.index(widget) + step
            if 0 <= position < len(chain):
                self._focus(chain[position], Qt.FocusReason.TabFocusReason)

    def focusNextPrevChild(self, next: bool) -> bool:  # Qt names the argument
        """Tab and Shift+Tab walk the cards (wrapping), never the buttons or the scroll area."""
        chain = self.focus_chain()
        if not chain:
            return False
        focused = self.focusWidget()
        position = chain.index(focused) if focused in chain else -1
        target = chain[(position + (1 if next else -1)) % len(chain)]
        self._focus(target, Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason)
        return True

    # -- toggles -------------------------------------------------------------------------------
    def toggle_timer(self) -> None:
        """Show or hide the time spent on the capability (remembered in the preferences)."""
        self.set_timer_visible(not self.timer_label.isVisibleTo(self))

    def set_timer_visible(self, on: bool) -> None:
        """Show or hide the timer."""
        self.timer_label.setVisible(on)
        self.timer_button.setChecked(on)
        self.settings.workshop_timer = on

    def toggle_questions(self) -> None:
        """Show or hide the discovery questions (remembered in the preferences)."""
        self.set_questions_visible(not self._questions_on)

    @property
    def questions_shown(self) -> bool:
        """Whether the discovery questions are on screen (beside or above the cards)."""
        return self._questions_on

    def set_questions_visible(self, on: bool) -> None:
        """Show or hide the discovery questions."""
        self._questions_on = on
        self.questions_button.setChecked(on)
        self.settings.workshop_questions = on
        self._reflow()

    def toggle_not_applicable(self) -> None:
        """Mark the capability not applicable (keyboard to the reason) or applicable again."""
        found = self.doc.project.assessment.capabilities.get(self.cap_id)
        applicable = found.applicable if found else True
        self._push("applicable", not applicable)
        if applicable:
            self._focus(self.na_reason, Qt.FocusReason.ShortcutFocusReason)
        else:
            self.take_focus()

    def _show_time(self) -> None:
        if self.cap_id:
            self.timer_label.setText(f"Time {clock_text(self.clock.elapsed(self.cap_id))}")

    # -- edits and refresh ---------------------------------------------------------------------
    def _score(self, lens_id: str, value: int | None) -> None:
        if not push_score(self.doc, self, self.cap_id, lens_id, value):
            self.refresh()

    def _push(self, name: str, value: Any) -> None:
        if not push_field(self.doc, self, self.cap_id, name, value):
            self.refresh()

    def _on_changed(self, change: Change) -> None:
        if change.kind is ChangeKind.WEIGHTS or (change.kind is ChangeKind.ASSESSMENT and self.cap_id in change.ids):
            self.refresh()

    def refresh(self) -> None:
        """Show the capability's scores, target and importance as they are in the project."""
        model = self.doc.project.model
        found = self.doc.project.assessment.capabilities.get(self.cap_id)
        applicable = found.applicable if found else True
        for card in self.lens_cards:
            lens = card.lens.id
            votes = [vote for v in found.votes.values() if (vote := v.get(lens)) is not None] if found else []
            card.show_value(found.lenses.get(lens) if found else None, applicable, votes)
            card.setEnabled(applicable)
        self.target_card.show_value(found.target if found else None)
        self.importance_card.show_value(found.importance if found else DEFAULT_IMPORTANCE)
        self.target_card.setEnabled(applicable)
        self.importance_card.setEnabled(applicable)
        self.na_banner.setVisible(not applicable)
        self.na_reason.setVisible(not applicable)
        self.na_reason.show_value(found.na_reason if found else "")
        score = self.doc.scorecard().capabilities[self.cap_id]
        badge, colour = badge_text_and_colour(model, score, applicable=applicable)
        self.badge.setText(badge)
        sheet = f"QLabel {{ background: {colour}; color: white; border-radius: 10px; padding: 4px 14px; }}"
        if self.badge.styleSheet() != sheet:
            self.badge.setStyleSheet(sheet)
