"""Entering and leaving workshop mode in the main window (View > Workshop mode, F11).

Entering puts the window in full screen, hides the page list, the pages, the menu bar and the
status bar, and shows the :class:`~planner.ui.workshop.view.WorkshopView`, on the capability the
assessment page shows, beside them in the central widget. Hidden, the pages keep their state and
count for nothing in the layout (their minimum widths at a large text size would otherwise widen
the screen); hiding and showing them is also several times cheaper than moving them out of the
window and back (measured: 0.3 s against 1.4 s on the demo project). Leaving (Esc, F11 or the menu entry) restores the window as it was and returns to the
assessment page on the capability the workshop ended on, keyboard on its lenses. The window's
actions stay reachable by their shortcuts while the menu bar is hidden (undo, redo, save, text
size). Opening another project, or a model upgrade rebuilding the pages, leaves workshop mode
first. The time spent per capability is kept for the open project only (see
:mod:`planner.ui.workshop.clock`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt
from PySide6.QtWidgets import QLayout, QWidget

from planner.ui.workshop.clock import StopwatchBook

if TYPE_CHECKING:
    from planner.ui.document import Document
    from planner.ui.mainwindow import MainWindow
    from planner.ui.workshop.view import WorkshopView

__all__ = ["WorkshopMode"]


class WorkshopMode(QObject):
    """Workshop mode of one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.view: WorkshopView | None = None
        #: Makes the book of times for a newly opened project (tests give it a clock they drive).
        self.new_clock: Callable[[], StopwatchBook] = StopwatchBook
        self.clock = StopwatchBook()
        self._clock_doc: Document | None = None
        self._state = Qt.WindowState.WindowNoState
        self._bars: list[tuple[QWidget, bool]] = []
        window.installEventFilter(self)

    @property
    def active(self) -> bool:
        """Whether the window is in workshop mode."""
        return self.view is not None

    def set_active(self, on: bool) -> None:
        """Enter (``True``) or leave workshop mode."""
        if on:
            self.enter()
        else:
            self.leave()

    def enter(self) -> bool:
        """Show the workshop screen; ``False`` when there is no project to score."""
        window, doc = self.window, self.window.doc
        if self.view is not None:
            return True
        if doc is None:
            self._check(False)
            return False
        if self._clock_doc is not doc:
            self.clock, self._clock_doc = self.new_clock(), doc
        from planner.ui.workshop.view import WorkshopView  # loaded on first use, not at start-up

        page = window.pages.get("assessment")
        cap_id = str(getattr(page, "current_capability", "") or "")
        self.view = WorkshopView(doc, self.clock, window.settings, cap_id)
        self.view.leave_requested.connect(self.leave)
        self._state = window.windowState()
        self._bars = [
            (bar, bar.isVisible()) for bar in (window.nav, window.stack, window.menuBar(), window.statusBar())
        ]
        for bar, _visible in self._bars:
            bar.hide()
        _central_layout(window).addWidget(self.view)
        self.view.show()  # now, not when the layout gets round to it: the keyboard goes there next
        window.setWindowState(self._state | Qt.WindowState.WindowFullScreen)
        self._check(True)
        self.view.take_focus()
        return True

    def leave(self) -> None:
        """Back to the window as it was, on the assessment page at the workshop's capability."""
        view, window = self.view, self.window
        if view is None:
            self._check(False)
            return
        self.view = None
        self.clock.switch(None)
        cap_id = view.cap_id
        view.hide()
        _central_layout(window).removeWidget(view)
        view.deleteLater()
        for bar, visible in self._bars:
            bar.setVisible(visible)
        window.setWindowState(self._state & ~Qt.WindowState.WindowFullScreen)
        self._check(False)
        window.show_page("assessment")
        page = window.pages.get("assessment")
        select = getattr(page, "select_capability", None)
        if callable(select) and cap_id:
            select(cap_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Closing the window leaves workshop mode first, so the pages close with the window."""
        if watched is self.window and event.type() == QEvent.Type.Close and self.view is not None:
            self.leave()
        return super().eventFilter(watched, event)

    def _check(self, on: bool) -> None:
        action = self.window.actions_by_name.get("workshop")
        if action is not None and action.isChecked() != on:
            with QSignalBlocker(action):
                action.setChecked(on)


def _central_layout(window: MainWindow) -> QLayout:
    """The layout of the window's central widget (the page list beside the pages)."""
    central = window.centralWidget()
    layout = central.layout() if central is not None else None
    if layout is None:
        raise RuntimeError("the main window has no central layout")  # built in MainWindow.__init__
    return layout
