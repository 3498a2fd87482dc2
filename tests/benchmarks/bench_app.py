"""Desktop app speed: start-up to an interactive window, and one score edit until the views show it.

* Start-up: a fresh process starts the app offscreen and quits on the first pass of the event
  loop after the window is shown; the baseline is a bare PySide6 QMainWindow started the same way
  in the same run (goal: at most 1.5x). Both run from compiled bytecode in a private cache.
* One score edit: push a lens score and process events until every visible view (navigator,
  capability panel, progress, lenses) is updated and painted, on the demo project and on a
  1,000-capability model made by repeating the bundled model's capabilities; the baseline is one
  pass of an empty Qt event loop (goal: under 50 ms).
"""

from __future__ import annotations

import copy
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from tests.benchmarks.common import Result, median_seconds, process_seconds

_BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1400, 900)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""

_APP = """
import sys, tempfile
from pathlib import Path
from PySide6.QtCore import QTimer
from planner.ui.app import _application, create_window, demo_path
from planner.ui.settings import Settings
app = _application()
tmp = Path(tempfile.mkdtemp())
window = create_window(Settings(tmp / "s.ini"), tmp / "autosave", demo=demo_path())
window.show()
if len(sys.argv) > 1:
    window.open_demo()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def big_model_document(capabilities: int) -> dict[str, Any]:
    """Return the bundled model's document with its capabilities repeated up to ``capabilities``."""
    from planner.storage.models import load_bundled_model

    doc = copy.deepcopy(dict(load_bundled_model().document))
    per_copy = sum(len(d["capabilities"]) for d in doc["domains"])
    copies = -(-capabilities // per_copy)
    for domain in doc["domains"]:
        originals = domain["capabilities"]
        grown = []
        for k in range(copies):
            for cap in originals:
                clone = copy.deepcopy(cap)
                clone["id"] = f"{cap['id']}-{k}"
                clone["name"] = f"{cap['name']} {k + 1}"
                clone["prerequisites"] = [f"{p}-{k}" for p in cap.get("prerequisites", [])]
                for item in clone.get("initiatives", []):
                    item["key"] = f"{item['key']}-{k}"
                    item["requires"] = [f"{r}-{k}" for r in item.get("requires", [])]
                grown.append(clone)
        domain["capabilities"] = grown
    doc.pop("predecessors", None)  # its rename maps name the original ids only
    doc.pop("initiative_renames", None)
    doc["id"] = "finops-large"
    return doc


def _edit_timer(project: Any) -> tuple[Any, Any]:
    """Build a window on ``project`` with the assessment page shown; return (window, one_edit)."""
    from PySide6.QtWidgets import QApplication

    from planner.model.edits import score_lens
    from planner.ui.app import _application, create_window
    from planner.ui.document import Document
    from planner.ui.settings import Settings

    app = _application()
    tmp = Path(tempfile.mkdtemp(prefix="planner-bench-"))
    window = create_window(Settings(tmp / "s.ini"), tmp / "autosave")
    window.resize(1400, 900)
    window.show()
    doc = Document(project)
    window.set_document(doc)
    window.show_page("assessment")
    page = window.pages["assessment"]
    cap_id = page.current_capability  # type: ignore[attr-defined]
    lens = project.model.lens_ids[1]
    values = iter(range(10**9))
    QApplication.processEvents()

    def one_edit() -> None:
        doc.push(score_lens(doc.project, cap_id, lens, next(values) % 5))
        app.processEvents()

    return window, one_edit


def run(repeat: int) -> list[Result]:
    """Measure start-up and edit latency against same-run baselines."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PLANNER_DATA_DIR": tempfile.mkdtemp()}
    # both processes start from compiled bytecode, as an installed or frozen app does (the warm-up
    # run fills a private cache) even where the environment disables writing .pyc files
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="planner-pycache-")
    bare = process_seconds(_BARE, repeat, env)
    results = [
        Result(
            "start-up to interactive window",
            process_seconds(_APP, repeat, env),
            "bare QMainWindow, same way",
            bare,
            "<= 1.5x",
        ),
    ]
    demo_start = _run_with_arg(_APP, repeat, env)
    results.append(Result("start-up and open the demo", demo_start, "bare QMainWindow, same way", bare, "info"))
    from PySide6.QtWidgets import QApplication

    from planner.model.modelload import model_from_document
    from planner.model.project import Assessment, Engagement, Project, Roadmap, default_phases
    from planner.storage.projectfile import load_project
    from planner.ui.app import _application, demo_path

    app = _application()
    empty = median_seconds(app.processEvents, repeat * 20)
    demo = demo_path()
    assert demo is not None
    window, edit = _edit_timer(load_project(demo))
    results.append(
        Result(
            "score edit -> views updated (demo)",
            median_seconds(edit, repeat * 10),
            "empty event loop pass",
            empty,
            "< 50 ms",
            "ms",
        )
    )
    _close(window)
    model = model_from_document(big_model_document(1000))
    big = Project(
        model=model,
        engagement=Engagement(client="Benchmark"),
        assessment=Assessment(lens_weights=dict.fromkeys(model.lens_ids, 1.0)),
        roadmap=Roadmap(phases=default_phases(model)),
    )
    window, edit = _edit_timer(big)
    results.append(
        Result(
            f"score edit -> views updated ({len(model.capabilities)} caps)",
            median_seconds(edit, repeat * 10),
            "empty event loop pass",
            empty,
            "< 50 ms",
            "ms",
        )
    )
    _close(window)
    QApplication.processEvents()
    return [_in_ms(r) if r.unit == "ms" else r for r in results]


def _close(window: Any) -> None:
    """Close a benchmark window without the unsaved-changes question (the edits were only timing)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    if window.doc is not None:
        window.doc.stack.setClean()
    window.close()
    window.deleteLater()  # destroyed now, not by the garbage collector after the application
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _in_ms(result: Result) -> Result:
    return Result(result.name, result.measured * 1000, result.baseline_name, result.baseline * 1000, result.goal, "ms")


def _run_with_arg(code: str, repeat: int, env: dict[str, str]) -> float:
    import subprocess

    def once() -> None:
        subprocess.run([sys.executable, "-c", code, "demo"], check=True, env=env, capture_output=True)

    return median_seconds(once, repeat)
