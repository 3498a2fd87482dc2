"""The composition root: the QApplication, settings, autosave, error hook and the main window.

Nothing here is global: :func:`create_window` wires one window from explicit parts (tests pass a
temporary settings file and autosave folder), and :func:`run_app` is what ``planner`` calls.
matplotlib is not imported at start-up; the dashboard imports it when first shown.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from planner import APP_ID, APP_NAME, __version__
from planner.appdirs import data_dir
from planner.resources import ResourceError, resource_path
from planner.ui.autosave import Autosaver
from planner.ui.collector import MainThreadCollector
from planner.ui.ending import EndingWatcher
from planner.ui.errors import ErrorHandler
from planner.ui.look import app_icon, apply_text_size
from planner.ui.mainwindow import MainWindow
from planner.ui.settings import Settings

if TYPE_CHECKING:
    from planner.model.project import Project
    from planner.storage.autosave import Recoverable
    from planner.ui.document import Document

__all__ = ["autosave_folder", "create_window", "demo_path", "offer_recovery", "run_app"]

log = logging.getLogger("planner.ui.app")


def autosave_folder() -> Path:
    """Where autosaves go: ``<data dir>/autosave``."""
    return data_dir() / "autosave"


def demo_path() -> Path | None:
    """The bundled demo project, if this build ships one."""
    try:
        return resource_path("demo/demo.roadmap")
    except ResourceError:
        return None


def _application() -> QApplication:
    from planner.ui import refguard

    refguard.install()  # before the first thousands of calls into Qt (see the module)
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication([sys.argv[0] if sys.argv else "planner"])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    return app


def create_window(settings: Settings, autosave_dir: Path, *, demo: Path | None = None) -> MainWindow:
    """Build a main window from explicit parts (the application must exist)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)  # noqa: S101
    app.setWindowIcon(app_icon())
    apply_text_size(app, settings.text_size)
    autosaver = Autosaver(autosave_dir)
    window = MainWindow(settings, autosaver, demo)
    autosaver.setParent(window)
    return window


def offer_recovery(window: MainWindow) -> bool:
    """Offer the autosaves a crashed session left behind; return whether one was recovered."""
    from planner.storage.autosave import find_recoverable
    from planner.storage.errors import ProjectFileError
    from planner.storage.projectfile import load_project

    for found in find_recoverable(window.autosaver.folder):
        when = found.saved_at.strftime("%Y-%m-%d %H:%M")
        answer = QMessageBox.question(
            window,
            "Recover unsaved work?",
            f"The application did not close properly last time. An autosave of {found.label} from {when} "
            "was found.\n\nRecover it? (Discard deletes the autosave.)",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Ignore,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Discard:
            found.discard()
            continue
        if answer != QMessageBox.StandardButton.Yes:
            continue
        try:
            project = load_project(found.path)
        except ProjectFileError as exc:
            QMessageBox.warning(window, "Cannot recover", f"The autosave cannot be read: {exc.reason}")
            continue
        doc = _recovered_document(project, found)
        window.set_document(doc)
        window.autosaver.adopt(found)
        doc.mark_unsaved()
        window.show_page("assessment")
        return True
    return False


def _recovered_document(project: Project, found: Recoverable) -> Document:
    """A recovered project: on its own file when that file's lock can be taken, else an untitled copy."""
    from planner.storage.session import ProjectSession
    from planner.ui.document import Document

    source = found.source
    session = ProjectSession.for_recovered(source, found.source_stamp)
    if session.path is not None:
        return Document(project, session)
    return Document(project, session, untitled="Recovered project" if source is None else f"Recovered {source.name}")


def run_app(path: Path | None, *, smoke: bool = False) -> int:
    """Start the desktop app (on ``path`` if given); ``smoke`` runs the self-test and exits."""
    app = _application()
    if smoke:
        from planner.ui.smoke import run_smoke

        with tempfile.TemporaryDirectory(prefix="planner-smoke-") as tmp:
            window = create_window(Settings(Path(tmp) / "settings.ini"), Path(tmp) / "autosave", demo=demo_path())
            handler = ErrorHandler(window.autosaver, lambda: window, interactive=False)
            handler.install()
            collector = MainThreadCollector(window)
            collector.start()
            try:
                return run_smoke(app, window, Path(tmp), handler)
            finally:
                collector.stop()
                handler.uninstall()
    window = create_window(Settings(), autosave_folder(), demo=demo_path())
    collector = MainThreadCollector(window)  # garbage is collected on this thread only (see module)
    collector.start()
    handler = ErrorHandler(window.autosaver, lambda: window)
    handler.install()
    ending = EndingWatcher(app, window)
    window.show()
    if os.environ.get("PLANNER_QUIT_WHEN_SHOWN"):  # start-up benchmarks, frozen builds included
        QTimer.singleShot(0, app.quit)

    def start() -> None:
        recovered = offer_recovery(window)
        if path is not None and not recovered:
            window.files.open_path(path)

    QTimer.singleShot(0, start)
    try:
        return app.exec()
    finally:
        ending.uninstall()
        handler.uninstall()
        collector.stop()
        log.info("closed")
