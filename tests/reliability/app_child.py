"""A real app process for the end-to-end autosave tests: open a project, edit it, wait to be ended.

Run as ``python -m tests.reliability.app_child PROJECT FOLDER``. It builds the window exactly as
``planner`` does (autosave, error hook, the watcher of termination signals), with its settings and
autosave folder inside FOLDER, opens PROJECT and makes the edits of :data:`EDITS` through the same
edit objects the pages push: typing that merges into one undo step, and a score changed after an
undo. After the autosave timer has written them it prints ``READY``, makes one more edit that
only a final autosave can keep, prints ``EDITED`` and runs the event loop until the test kills or
terminates it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: What the child types and scores; the tests expect every one of these back.
SUMMARY = "Tagging first, then showback"
CLIENT = "Northwind Retail (re-assessed)"
PROCESS_SCORE = 4
#: Typed after the last timed autosave.
LAST_TITLE = "Typed a moment before the end"


def main(project: Path, folder: Path) -> int:
    from PySide6.QtCore import QTimer

    from planner.model.edits import score_lens, set_engagement_field
    from planner.ui.app import _application, create_window
    from planner.ui.ending import EndingWatcher
    from planner.ui.errors import ErrorHandler
    from planner.ui.settings import Settings

    app = _application()
    window = create_window(Settings(folder / "settings.ini"), folder / "autosave")
    handler = ErrorHandler(window.autosaver, lambda: window, interactive=False)
    handler.install()
    ending = EndingWatcher(app, window)
    window.show()
    if not window.files.open_path(project):
        print("OPEN FAILED", flush=True)
        return 2
    doc = window.doc
    assert doc is not None
    for end in range(1, len(SUMMARY) + 1):  # one keystroke at a time: one merged undo step
        doc.push(set_engagement_field(doc.project, "summary", SUMMARY[:end]))
    doc.push(set_engagement_field(doc.project, "client", CLIENT))
    doc.push(score_lens(doc.project, "allocation", "process", 1))
    doc.stack.undo()
    doc.push(score_lens(doc.project, "allocation", "process", PROCESS_SCORE))

    def wrote() -> None:
        if not window.autosaver.path.exists():
            QTimer.singleShot(50, wrote)
            return
        print("READY", flush=True)
        # one more edit that no timer will autosave: only the final autosave at the end can keep it
        window.autosaver.timer.setInterval(3_600_000)
        doc.push(set_engagement_field(doc.project, "title", LAST_TITLE))
        print("EDITED", flush=True)

    window.autosaver.timer.setInterval(100)
    QTimer.singleShot(50, wrote)
    try:
        return app.exec()
    finally:
        ending.uninstall()
        handler.uninstall()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
