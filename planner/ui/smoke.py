"""``planner --smoke-test``: start, open the demo, visit every page, export, exit by itself.

Prints one line per step and returns 0 only when every step worked. Runs offscreen too. The
settings and autosave folder are temporary, so the user's own are never touched.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from planner.model.project import new_project
from planner.storage.models import load_bundled_model
from planner.ui.document import Document
from planner.ui.errors import ErrorHandler
from planner.ui.mainwindow import MainWindow

__all__ = ["run_smoke"]

_EXPORT_TIMEOUT_MS = 120_000


def _step(text: str) -> None:
    print(f"smoke: {text}", flush=True)


def _export(app: QApplication, window: MainWindow, folder: Path) -> bool:
    from planner.ui.exportdialog import ExportDialog

    dialog = window.export_report()
    if not isinstance(dialog, ExportDialog):
        _step("FAILED: the export dialog did not open")
        return False
    targets = [folder / f"smoke{exporter.suffix}" for exporter in dialog.formats]
    for exporter, path in zip(dialog.formats, targets, strict=True):
        dialog.paths[exporter.id].setText(str(path))
    loop = QEventLoop()
    outcome: list[bool] = []

    def finished(ok: bool) -> None:
        outcome.append(ok)
        loop.quit()

    dialog.export_finished.connect(finished)
    QTimer.singleShot(_EXPORT_TIMEOUT_MS, loop.quit)
    dialog.start()
    loop.exec()
    if outcome != [True]:
        _step(f"FAILED: export ({dialog.status.text() or 'timed out'})")
        return False
    for path in targets:
        _step(f"exported {path.suffix[1:].upper()} ({path.stat().st_size // 1024} KB)")
    dialog.close()
    return True


def run_smoke(app: QApplication, window: MainWindow, folder: Path, errors: ErrorHandler) -> int:
    """Exercise the app; return the exit code."""
    window.show()
    app.processEvents()
    _step("main window shown")
    if window.demo_path is not None and window.open_demo():
        _step(f"opened the demo ({window.doc.display_name if window.doc else '?'})")
    else:
        window.set_document(Document(new_project(load_bundled_model())))
        _step("no demo in this build: started a new project")
    for name in window.page_names():
        window.show_page(name)
        app.processEvents()
        _step(f"visited page {name}")
    if not _export(app, window, folder):
        return 1
    window.autosaver.watch(None)
    window.close()
    app.processEvents()
    if errors.count:
        _step(f"FAILED: {errors.count} unexpected error(s)")
        return 1
    _step("done")
    return 0
