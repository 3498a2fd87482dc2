"""Fixtures for the desktop app tests: a real main window on temporary settings and folders.

Every QMessageBox/QFileDialog static is patched by :class:`Dialogs`, which answers from a queue
the test fills and fails the test on any dialog nobody expected, so nothing modal can block.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

from planner.model.capmodel import CapabilityModel
from planner.model.project import Assessment, CapabilityAssessment, Engagement, Project, Roadmap, default_phases
from planner.storage.projectfile import save_project
from planner.ui.app import create_window
from planner.ui.document import Document
from planner.ui.mainwindow import MainWindow
from planner.ui.settings import Settings


class Dialogs:
    """Scripted answers for the modal statics; ``seen`` records (kind, title, text)."""

    def __init__(self) -> None:
        self.answers: dict[str, list[Any]] = {}
        self.seen: list[tuple[str, str, str]] = []

    def answer(self, kind: str, *values: Any) -> None:
        """Queue answers for ``question``, ``warning``, ``critical``, ``information``, ``open``, ``save``."""
        self.answers.setdefault(kind, []).extend(values)

    def _next(self, kind: str, title: str, text: str) -> Any:
        self.seen.append((kind, title, text))
        queue = self.answers.get(kind)
        if kind in ("warning", "critical", "information") and not queue:
            return QMessageBox.StandardButton.Ok
        if not queue:
            raise AssertionError(f"unexpected {kind} dialog: {title!r}: {text!r}")
        return queue.pop(0)

    def texts(self, kind: str) -> list[str]:
        return [text for k, _title, text in self.seen if k == kind]


@pytest.fixture(scope="session", autouse=True)
def _reference_guard() -> None:
    """Long GUI sessions need the same guard as the app (see planner.ui.refguard)."""
    from planner.ui import refguard

    refguard.install()


@pytest.fixture(scope="session", autouse=True)
def _collector(qapp: QApplication) -> Iterator[Any]:
    """Collect garbage on the GUI thread only, as the app does (see planner.ui.collector)."""
    from planner.ui.collector import MainThreadCollector

    collector = MainThreadCollector(qapp)
    collector.start()
    yield collector
    collector.stop()


@pytest.fixture(autouse=True)
def _collect_after_test(_collector: Any) -> Iterator[None]:
    """Collect what each test left, on the GUI thread, before the next test starts a worker."""
    yield
    _collector.collect_due()


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    scripted = Dialogs()

    def box(kind: str) -> Any:
        def show(_parent: Any, title: str, text: str, *_args: Any, **_kw: Any) -> Any:
            return scripted._next(kind, title, text)

        return staticmethod(show)

    for kind in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, box(kind))
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(scripted._next("open", "", "")), ""))
    )
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(scripted._next("save", "", "")), ""))
    )
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: scripted._next("item", "", "")))
    return scripted


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.ini")


def _forget_changes(window: MainWindow) -> None:
    if window.doc is not None:
        window.doc.stack.setClean()


@pytest.fixture
def make_window(qtbot: Any, tmp_path: Path, settings: Settings) -> Iterator[Any]:
    """Build main windows; at the end they are closed and none may be left visible."""
    made: list[MainWindow] = []

    def make(demo: Path | None = None) -> MainWindow:
        window = create_window(settings, tmp_path / "autosave", demo=demo)
        qtbot.addWidget(window, before_close_func=_forget_changes)
        window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        _forget_changes(window)
        window.close()
        window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    leaked = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert not leaked, f"windows left open: {leaked}"


@pytest.fixture
def window(make_window: Any) -> MainWindow:
    return make_window()


def scored_project(model: CapabilityModel, client: str = "Northwind Retail") -> Project:
    """A client with every capability scored and targeted (one not applicable, one incomplete)."""
    assessment = Assessment(lens_weights=dict.fromkeys(model.lens_ids, 1.0))
    for i, cap in enumerate(model.iter_capabilities()):
        assessment.capabilities[cap.id] = CapabilityAssessment(
            lenses={lens: (i + j) % 4 for j, lens in enumerate(model.lens_ids)},
            target=("walk", "run", "crawl")[i % 3],
            importance=1 + i % 5,
            notes=f"Observed practice for {cap.name}.",
            internal_notes="Sponsor is sceptical.",
            evidence=["Workshop notes"],
        )
    assessment.capabilities["sustainability"].applicable = False
    assessment.capabilities["licensing-saas"].lenses["automation"] = None
    return Project(
        model=model,
        engagement=Engagement(client=client, title="FinOps maturity assessment", assessment_date="2026-11-29"),
        assessment=assessment,
        roadmap=Roadmap(phases=default_phases(model)),
    )


@pytest.fixture
def project_file(tmp_path: Path, model: CapabilityModel) -> Path:
    """A saved, scored project on disk."""
    path = tmp_path / "northwind.roadmap"
    save_project(scored_project(model), path, keep_backup=False)
    return path


def open_document(window: MainWindow, project: Project) -> Document:
    doc = Document(project)
    window.set_document(doc)
    return doc
