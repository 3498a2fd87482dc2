"""The main window's menus and shortcuts (File, Edit, View, Help)."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from planner.ui.mainwindow import MainWindow

__all__ = ["FOLDER_CHARS", "build_menus", "recent_label"]

#: The longest folder shown in the recent files menu (longer ones keep their last characters).
FOLDER_CHARS = 48

_Key = QKeySequence.StandardKey


def build_menus(window: MainWindow) -> dict[str, QAction]:
    """Create the menus; return the actions by name (``save``, ``undo``, ...)."""
    actions: dict[str, QAction] = {}
    bar = window.menuBar()

    def add(
        menu: QMenu, name: str, text: str, slot: Callable[[], object], *keys: QKeySequence.StandardKey | str
    ) -> QAction:
        action = QAction(text, window)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        actions[name] = action
        return action

    files = bar.addMenu("&File")
    add(files, "new", "&New project", window.files.new, _Key.New)
    add(files, "open", "&Open…", window.files.open_dialog, _Key.Open)
    if window.demo_path is not None:
        add(files, "demo", "Open the &demo", window.open_demo)
    recent = files.addMenu("Open &recent")
    recent.aboutToShow.connect(lambda: _fill_recent(window, recent))
    files.addSeparator()
    add(files, "save", "&Save", window.files.save, _Key.Save)
    add(files, "save_as", "Save &as…", window.files.save_as, _Key.SaveAs, "Ctrl+Shift+S")
    add(files, "revert", "Re&vert to saved", window.files.revert)
    files.addSeparator()
    add(files, "export", "&Export report…", window.export_report, "Ctrl+E")
    add(files, "upgrade", "&Upgrade model…", window.upgrade_model)
    _voices_actions(window, files, add)
    files.addSeparator()
    add(files, "reassess", "Start re-&assessment…", lambda: _rounds(window, "reassess"))
    add(files, "rounds", "Rounds and &progress…", lambda: _rounds(window, "progress"))
    add(files, "import_round", "&Import earlier assessment as a round…", lambda: _rounds(window, "import"))
    files.addSeparator()
    add(files, "models", "Capability &models…", lambda: _models(window))
    add(files, "export_model", "E&xport model…", lambda: _export_model(window))
    add(files, "import_model", "&Import model…", lambda: _import_model(window))
    files.addSeparator()
    add(files, "quit", "&Quit", window.close, _Key.Quit, "Ctrl+Q")

    edit = bar.addMenu("&Edit")
    undo = window.undo_group.createUndoAction(window, "&Undo")
    undo.setShortcuts(QKeySequence.keyBindings(_Key.Undo))
    redo = window.undo_group.createRedoAction(window, "&Redo")
    redo.setShortcuts(QKeySequence.keyBindings(_Key.Redo))
    edit.addAction(undo)
    edit.addAction(redo)
    actions["undo"], actions["redo"] = undo, redo
    edit.addSeparator()
    add(edit, "weights", "Lens &weights…", lambda: _weights(window))
    add(edit, "preferences", "&Preferences…", lambda: _preferences(window), "Ctrl+,")

    view = bar.addMenu("&View")
    add(view, "larger", "&Larger text", lambda: window.change_text_size(+1), _Key.ZoomIn, "Ctrl+=")
    add(view, "smaller", "&Smaller text", lambda: window.change_text_size(-1), _Key.ZoomOut)
    add(view, "reset_text", "&Default text size", lambda: window.change_text_size(0), "Ctrl+0")
    add(view, "disagreements", "&Disagreements…", lambda: _disagreements(window))
    view.addSeparator()
    workshop = add(view, "workshop", "&Workshop mode", lambda: None, "F11")
    workshop.setCheckable(True)
    workshop.setToolTip("Full screen, one capability at a time in large type (Esc or F11 leaves)")
    workshop.triggered.connect(window.workshop.set_active)
    view.addSeparator()
    for position in range(5):
        add(
            view,
            f"page{position + 1}",
            f"Page {position + 1}",
            partial(window.page_shortcut, position),
            f"Ctrl+{position + 1}",
        )

    help_menu = bar.addMenu("&Help")
    from planner.ui import helpdialogs

    add(help_menu, "method", "How &scoring works", lambda: helpdialogs.show_method(window), _Key.HelpContents)
    add(help_menu, "shortcuts", "&Keyboard shortcuts", lambda: helpdialogs.show_shortcuts(window))
    add(help_menu, "about", "&About", lambda: helpdialogs.show_about(window))
    # Workshop mode hides the menu bar: the window itself carries the shortcuts too.
    window.addActions(list(actions.values()))
    return actions


def recent_label(number: int, path: Path) -> str:
    """Return a recent file's menu text: its number (a shortcut up to 9), name and folder.

    Engagements of different clients are often saved under the same file name, so the folder is
    shown too: shortened to ``~`` under the home folder and to its last parts when long.
    """
    folder = str(path.parent)
    home = str(Path.home())
    if folder == home or folder.startswith(home + os.sep):
        folder = "~" + folder[len(home) :]
    if len(folder) > FOLDER_CHARS:
        folder = "…" + folder[-(FOLDER_CHARS - 1) :]
    name = path.name.replace("&", "&&")
    prefix = f"&{number}  " if number <= 9 else "    "
    return f"{prefix}{name}    ({folder.replace('&', '&&')})"


def _fill_recent(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    paths = window.settings.recent_files
    for number, path in enumerate(paths, start=1):
        action = menu.addAction(recent_label(number, path))
        action.setToolTip(str(path))
        action.triggered.connect(lambda _checked=False, p=path: window.files.open_path(p))
    if not paths:
        menu.addAction("No recent projects").setEnabled(False)
    else:
        menu.addSeparator()
        menu.addAction("Clear the list", window.settings.clear_recent)


def _voices_actions(window: MainWindow, files: QMenu, add: Callable[..., QAction]) -> None:
    """Questionnaires out and answers in (File), the Disagreements list (View) - see planner.ui.voices."""

    def roundtrip() -> Any:
        from planner.ui.voices import roundtrip  # loads the exporters: on first use, not at start-up

        return roundtrip

    files.addSeparator()
    add(files, "questionnaire", "Export &questionnaire…", lambda: roundtrip().export_questionnaires(window))
    add(files, "answers", "&Import answers…", lambda: roundtrip().import_answers(window))


def _disagreements(window: MainWindow) -> None:
    from planner.ui.voices.agenda import show_disagreements

    if window.doc is not None:
        show_disagreements(window.doc, window)


def _preferences(window: MainWindow) -> None:
    from planner.ui.preferences import PreferencesDialog

    PreferencesDialog(window.settings, window).exec()


def _weights(window: MainWindow) -> None:
    from planner.ui.assessment import AssessmentPage  # the pages load on first use, not at start-up

    page = window.pages.get("assessment")
    if isinstance(page, AssessmentPage):
        window.show_page("assessment")
        page.edit_weights()


def _rounds(window: MainWindow, what: str) -> None:
    from planner.ui import rounds  # loaded on first use, not at start-up

    if what == "reassess":
        rounds.start_reassessment_dialog(window)
    elif what == "import":
        rounds.import_round_dialog(window)
    else:
        rounds.open_rounds(window, "progress" if window.doc and window.doc.project.assessment.history else "rounds")


def _models(window: MainWindow) -> None:
    from planner.ui.modelsdialog import show_models

    show_models(window)


def _export_model(window: MainWindow) -> None:
    from planner.ui.modelfiles import export_model

    if window.doc is not None:
        export_model(window, window.doc.project.model)
    else:
        from planner.storage.models import load_bundled_model

        export_model(window, load_bundled_model())


def _import_model(window: MainWindow) -> None:
    from planner.ui.modelfiles import import_model

    import_model(window)
