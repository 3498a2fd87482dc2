"""Render the app's pages on the demo project to PNG (``make screenshots``).

Usage: ``python -m tests.screenshots OUTDIR [--all]``. By default it writes the four pictures kept
under docs/screenshots (assessment, dashboard, roadmap board, timeline); ``--all`` adds every
other page and view. The window is 1400x900 with temporary settings, so the user's own
preferences are never touched. Works under xvfb-run (xcb) and offscreen.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from planner.ui.app import _application, create_window, demo_path
from planner.ui.mainwindow import MainWindow
from planner.ui.settings import Settings

SIZE = (1400, 900)


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def _assessment(window: MainWindow) -> None:
    window.show_page("assessment")
    page = window.pages["assessment"]
    page.select_capability("allocation")  # type: ignore[attr-defined]
    page.panel.lenses.focus_lens(2)  # type: ignore[attr-defined]


def _dashboard(window: MainWindow) -> None:
    window.show_page("dashboard")
    window.pages["dashboard"].redraw()  # type: ignore[attr-defined]


def _roadmap(tab: int) -> Callable[[MainWindow], None]:
    def show(window: MainWindow) -> None:
        window.show_page("roadmap")
        window.pages["roadmap"].tabs.setCurrentIndex(tab)  # type: ignore[attr-defined]

    return show


SHOTS: dict[str, Callable[[MainWindow], None]] = {
    "assessment": _assessment,
    "dashboard": _dashboard,
    "roadmap-board": _roadmap(0),
    "roadmap-timeline": _roadmap(2),
}
EXTRA: dict[str, Callable[[MainWindow], None]] = {
    "engagement": lambda w: w.show_page("engagement"),
    "roadmap-table": _roadmap(1),
    "welcome": lambda w: w.show_page("welcome"),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--all", action="store_true", help="every page and view, not only the four kept in docs")
    args = parser.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)
    demo = demo_path()
    if demo is None:
        print("screenshots: this build ships no demo project", file=sys.stderr)
        return 2
    app = _application()
    with tempfile.TemporaryDirectory(prefix="planner-shots-") as tmp:
        window = create_window(Settings(Path(tmp) / "settings.ini"), Path(tmp) / "autosave", demo=demo)
        window.resize(*SIZE)
        window.show()
        window.open_demo()
        shots = {**SHOTS, **(EXTRA if args.all else {})}
        for name, arrange in shots.items():
            arrange(window)
            _settle(app)
            path = args.outdir / f"{name}.png"
            window.grab().save(str(path))
            print(f"wrote {path}")
        window.autosaver.watch(None)
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
