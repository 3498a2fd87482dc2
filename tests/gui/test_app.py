"""Start-up, settings, text size, help and the error hook."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QTextBrowser

from planner.ui.mainwindow import MainWindow
from planner.ui.settings import Settings
from tests.gui.conftest import Dialogs

_START = """
import sys
from pathlib import Path
from planner.ui.app import _application, create_window, demo_path
from planner.ui.settings import Settings
app = _application()
window = create_window(Settings(Path(sys.argv[1]) / "s.ini"), Path(sys.argv[1]) / "autosave", demo=demo_path())
window.show()
app.processEvents()
print("matplotlib" in sys.modules, "openpyxl" in sys.modules, "reportlab" in sys.modules,
      "planner.storage.projectdoc" in sys.modules)
"""


def test_start_up_does_not_import_matplotlib_or_the_exporters(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", _START, str(tmp_path)], capture_output=True, text=True, env=env, check=True, timeout=60
    )
    assert done.stdout.split() == ["False", "False", "False", "False"]  # nor the storage layer, until a file opens


def test_text_size_is_applied_and_remembered(qtbot: Any, window: MainWindow, settings: Settings) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    base = app.font().pointSize()
    window.actions_by_name["larger"].trigger()
    window.actions_by_name["larger"].trigger()
    assert app.font().pointSize() == base + 2
    assert Settings(Path(settings.file_name)).text_size == base + 2
    window.actions_by_name["smaller"].trigger()
    assert app.font().pointSize() == base + 1
    window.actions_by_name["reset_text"].trigger()
    assert app.font().pointSize() == base
    assert settings.text_size is None


def test_help_and_about_show_method_and_attribution(qtbot: Any, window: MainWindow) -> None:
    method = window.actions_by_name["method"]
    method.trigger()
    about = window.actions_by_name["about"]
    about.trigger()
    dialogs = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]
    bodies = {d.windowTitle(): d.findChild(QTextBrowser).toPlainText() for d in dialogs}
    assert "score % = 100 \u00d7 Σ(weight \u00d7 score) / Σ(weight \u00d7 4)" in bodies["How scoring works"]
    about_text = bodies["About FinOps Roadmap Planner"]
    assert "CC BY 4.0" in about_text or "Creative Commons" in about_text
    assert "Version 0.1.0" in about_text
    for dialog in dialogs:
        dialog.close()


def test_the_lens_weights_action_shows_the_assessment_and_its_weights(
    qtbot: Any, window: MainWindow, project_file: Path
) -> None:
    from planner.ui.weights import LensWeightsDialog

    assert window.files.open_path(project_file)
    window.show_page("dashboard")
    window.actions_by_name["weights"].trigger()
    assert window.current_page() == "assessment"
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, LensWeightsDialog) and w.isVisible()]
    assert len(shown) == 1
    shown[0].close()


def test_unexpected_error_autosaves_first_and_names_the_log(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, project_file: Path, caplog: Any
) -> None:
    from planner.model.edits import score_lens
    from planner.ui.errors import ErrorHandler

    assert window.files.open_path(project_file)
    doc = window.doc
    assert doc is not None
    doc.push(score_lens(doc.project, "allocation", "process", 4))
    handler = ErrorHandler(window.autosaver, lambda: window)
    try:
        raise RuntimeError("Northwind secret")
    except RuntimeError as exc:
        handler(RuntimeError, exc, exc.__traceback__)
    assert window.autosaver.path.is_file()
    text = dialogs.texts("critical")[0]
    assert "Your unsaved work was autosaved first" in text
    assert "planner.log" in text
    assert "Northwind secret" not in text
    assert "RuntimeError" in caplog.text
    assert "Northwind" not in caplog.text  # the log never carries client text


def test_smoke_test_exits_by_itself_with_one_line_per_step(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PLANNER_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run(
        [sys.executable, "-m", "planner", "--smoke-test"], capture_output=True, text=True, env=env, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "smoke: main window shown"
    assert "smoke: opened the demo (Demo project)" in lines
    for page in ("engagement", "assessment", "dashboard", "roadmap"):
        assert f"smoke: visited page {page}" in lines
    assert any(line.startswith("smoke: exported XLSX") for line in lines)
    assert any(line.startswith("smoke: exported PDF") for line in lines)
    assert lines[-1] == "smoke: done"
