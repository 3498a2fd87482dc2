"""Helpers for the roadmap page tests: a page on a real project, drops through the widgets, dialogs run by script."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialog

from planner.model.capmodel import CapabilityModel
from planner.model.project import Project
from planner.model.roadmap import generate_roadmap
from planner.ui.document import Document
from planner.ui.mainwindow import MainWindow
from planner.ui.roadmap.board import CardColumn
from planner.ui.roadmap.page import RoadmapPage
from tests.gui.conftest import scored_project

D = TypeVar("D", bound=QDialog)

START = "2027-03"


def planned_project(model: CapabilityModel, *, start_date: str | None = START) -> Project:
    """The GUI tests' scored client with a generated roadmap, dated from ``start_date``."""
    project = scored_project(model)
    project.engagement.start_date = start_date
    project.roadmap = generate_roadmap(
        model, project.assessment, settings=project.roadmap, org_size=project.engagement.org_size
    )
    return project


def open_page(window: MainWindow, project: Project) -> RoadmapPage:
    """Show ``project`` in the window and return its roadmap page, shown."""
    window.set_document(Document(project))
    window.show_page("roadmap")
    page = window.pages["roadmap"]
    assert isinstance(page, RoadmapPage)
    return page


def drop(source: CardColumn, row: int, target: CardColumn, y: int = 5) -> None:
    """Drop the card on ``row`` of ``source`` at height ``y`` of ``target``, through the widget's own handling."""
    mime = source.mimeData([source.item(row)])  # kept alive while the event uses it
    event = QDropEvent(
        QPointF(QPoint(20, y)),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    target.dropEvent(event)


def script(monkeypatch: pytest.MonkeyPatch, dialog_class: type[D], act: Callable[[D], Any]) -> list[D]:
    """Run ``act(dialog)`` instead of the dialog's event loop; ``act`` clicks OK or returns a result code.

    Returns the list the dialogs shown are appended to.
    """
    shown: list[D] = []

    def run(dialog: D) -> int:
        shown.append(dialog)
        answer = act(dialog)
        return dialog.result() if answer is None else int(answer)

    monkeypatch.setattr(dialog_class, "exec", run)
    return shown


def status_message(page: RoadmapPage) -> str:
    """What the window's status bar says now."""
    window = page.window()
    assert isinstance(window, MainWindow)
    return window.statusBar().currentMessage()
