"""The main window: a page list on the left, the pages, the menus, the title with ``[*]``.

One window shows one :class:`Document` at a time; New and Open replace it (after asking about
unsaved changes) and rebuild the pages on the new document, so no view ever holds a stale
project. An upgrade of the project's model (and its undo) rebuilds the pages too. Undo/Redo come from a QUndoGroup whose active stack is the document's. Dropping a
``.roadmap`` file on the window opens it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from planner import APP_NAME
from planner.model.edits import Change, ChangeKind
from planner.model.limits import PROJECT_SUFFIX
from planner.ui.files import FileController
from planner.ui.welcome import WelcomePage

if TYPE_CHECKING:
    from planner.ui.autosave import Autosaver
    from planner.ui.document import Document
    from planner.ui.settings import Settings

__all__ = ["PAGES", "MainWindow"]

log = logging.getLogger("planner.ui")

#: Page ids and their titles in the page list, in order.
PAGES: tuple[tuple[str, str], ...] = (
    ("welcome", "Start"),
    ("engagement", "Engagement"),
    ("assessment", "Assessment"),
    ("dashboard", "Dashboard"),
    ("roadmap", "Roadmap"),
)


class _PageList(QListWidget):
    """The list of pages on the left, as wide as its longest name in the current text size."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("pageList")
        self.setAccessibleName("Pages")
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.fit()

    def fit(self) -> None:
        metrics = self.fontMetrics()
        names = [self.item(row).text() for row in range(self.count())] or ["Engagement"]
        widest = max(metrics.horizontalAdvance(name) for name in names)
        # the style sheet's item padding (16 px a side) and selection border (4 px), and some air
        self.setFixedWidth(max(170, widest + 2 * 16 + 4 + metrics.averageCharWidth() * 2))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit()


class MainWindow(QMainWindow):
    """The application window."""

    def __init__(self, settings: Settings, autosaver: Autosaver, demo_path: Path | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.autosaver = autosaver
        self.demo_path = demo_path
        self.doc: Document | None = None
        self.files = FileController(self)
        self.undo_group = QUndoGroup(self)
        self.pages: dict[str, QWidget] = {}
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.nav = _PageList()
        self.stack = QStackedWidget()
        self.welcome = WelcomePage(demo_available=demo_path is not None)
        self.welcome.new_requested.connect(self.files.new)
        self.welcome.open_requested.connect(self.files.open_dialog)
        self.welcome.demo_requested.connect(self.open_demo)
        self.welcome.recent_requested.connect(self.files.open_path)
        self.nav.currentRowChanged.connect(self._nav_changed)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        from planner.ui.menus import build_menus
        from planner.ui.workshop.mode import WorkshopMode

        self.workshop = WorkshopMode(self)
        self.actions_by_name: dict[str, QAction] = build_menus(self)
        self.statusBar()
        self.autosave_warning = QLabel()
        self.autosave_warning.setObjectName("autosaveWarning")
        self.autosave_warning.setStyleSheet("color: #b00020; font-weight: bold;")
        self.autosave_warning.hide()
        self.statusBar().addPermanentWidget(self.autosave_warning)
        autosaver.failed.connect(self._autosave_failed)
        autosaver.recovered.connect(self.autosave_warning.hide)
        self._ending = False
        self._install_pages()
        self.update_title()
        self.resize(1400, 900)
        if settings.geometry is not None:
            self.restoreGeometry(settings.geometry)

    # -- documents -----------------------------------------------------------------------------
    def set_document(self, doc: Document | None) -> None:
        """Show ``doc`` (replacing the current document and rebuilding the pages)."""
        old = self.doc
        self.doc = doc
        if old is not None:
            self.undo_group.removeStack(old.stack)
            old.file_changed.disconnect(self.update_title)
            old.changed.disconnect(self._document_changed)
            old.release()
        if doc is not None:
            doc.setParent(self)
            self.undo_group.addStack(doc.stack)
            self.undo_group.setActiveStack(doc.stack)
            doc.file_changed.connect(self.update_title)
            doc.changed.connect(self._document_changed)  # before the pages connect: rebuilt first
        self.autosaver.watch(doc)
        self._install_pages()
        if old is not None:
            old.deleteLater()
        self.update_title()

    def _document_changed(self, change: Change) -> None:
        """Rebuild the pages when the project moved to another model (an upgrade, its undo or redo)."""
        if change.kind is ChangeKind.MODEL:
            self._install_pages()

    def _page_factories(self, doc: Document) -> dict[str, Callable[[], QWidget]]:
        from planner.ui.assessment import AssessmentPage
        from planner.ui.dashboard import DashboardPage
        from planner.ui.engagement import EngagementPage
        from planner.ui.roadmap.page import RoadmapPage

        return {
            "engagement": lambda: EngagementPage(doc),
            "assessment": lambda: AssessmentPage(doc),
            "dashboard": lambda: DashboardPage(doc),
            "roadmap": lambda: RoadmapPage(doc, settings=self.settings),
        }

    def _install_pages(self) -> None:
        if self.workshop.active:  # its screen shows the old document (or model): back to the pages first
            self.workshop.leave()
        current = self.current_page() if self.pages else "welcome"
        for name, page in list(self.pages.items()):
            if name != "welcome":
                self.stack.removeWidget(page)
                page.deleteLater()
        self.pages = {"welcome": self.welcome}
        if self.stack.indexOf(self.welcome) < 0:
            self.stack.addWidget(self.welcome)
        if self.doc is not None:
            for name, factory in self._page_factories(self.doc).items():
                self.pages[name] = factory()
                self.stack.addWidget(self.pages[name])
        self.nav.blockSignals(True)
        self.nav.clear()
        for name, title in PAGES:
            if name in self.pages:
                self.nav.addItem(title)
                self.nav.item(self.nav.count() - 1).setData(Qt.ItemDataRole.UserRole, name)
        self.nav.blockSignals(False)
        self.nav.fit()
        self.welcome.show_recent(self.settings.recent_files)
        self.show_page(current if current in self.pages else "welcome")
        has_doc = self.doc is not None
        for name in (
            "save",
            "save_as",
            "revert",
            "export",
            "upgrade",
            "reassess",
            "rounds",
            "import_round",
            "questionnaire",
            "answers",
            "disagreements",
            "workshop",
        ):
            if name in self.actions_by_name:
                self.actions_by_name[name].setEnabled(has_doc)

    def page_names(self) -> list[str]:
        """The pages available now, in list order."""
        return [self.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.nav.count())]

    def show_page(self, name: str) -> None:
        """Switch to a page by id (ignored when it is not available)."""
        if name not in self.pages:
            return
        self.stack.setCurrentWidget(self.pages[name])
        row = self.page_names().index(name)
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)

    def current_page(self) -> str:
        """The id of the page shown."""
        widget = self.stack.currentWidget()
        return next((name for name, page in self.pages.items() if page is widget), "welcome")

    def _nav_changed(self, row: int) -> None:
        if 0 <= row < self.nav.count():
            self.show_page(self.nav.item(row).data(Qt.ItemDataRole.UserRole))

    def export_report(self) -> QDialog | None:
        """Open the export dialog for the current project."""
        if self.doc is None:
            return None
        from planner.ui.exportdialog import ExportDialog

        dialog = ExportDialog(self.doc, self.settings, self, autosave_folder=self.autosaver.folder)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def upgrade_model(self) -> QDialog | None:
        """Review and apply moving the project to a newer model (one undoable edit)."""
        from planner.ui.upgrading import start_upgrade

        return start_upgrade(self)

    def open_demo(self) -> bool:
        """Open the bundled demo engagement (not added to the recent files)."""
        if self.demo_path is None:
            return False
        return self.files.open_copy(self.demo_path, "Demo project")

    # -- window state --------------------------------------------------------------------------
    def update_title(self) -> None:
        """Show the file name and the unsaved-changes marker."""
        if self.doc is None:
            self.setWindowTitle(APP_NAME)
            self.setWindowModified(False)
            return
        self.setWindowTitle(f"{self.doc.display_name}[*] — {APP_NAME}")
        self.setWindowModified(self.doc.modified)
        revert = self.actions_by_name.get("revert")
        if revert is not None:
            revert.setEnabled(self.doc.path is not None and self.doc.modified)

    def change_text_size(self, step: int) -> None:
        """Make all text larger (+1), smaller (-1), or the system default (0); remembered."""
        from planner.ui.look import apply_text_size, default_point_size

        app = QApplication.instance()
        assert isinstance(app, QApplication)  # noqa: S101
        current = self.settings.text_size or default_point_size(app)
        size = None if step == 0 else current + step
        self.settings.text_size = apply_text_size(app, size)

    def _autosave_failed(self, reason: str) -> None:
        self.autosave_warning.setText(f"Autosave failed: {reason}. Save your work now.")
        self.autosave_warning.setToolTip(
            "Your changes are still open here, but a crash now would lose them. Save, or Save As to another disk."
        )
        self.autosave_warning.show()

    def end_from_outside(self) -> None:
        """The system ends the app (a termination signal, the desktop session ending): ask nothing.

        Unsaved work is written as an autosave and kept, so the next start offers to recover it;
        the project's lock is released; the window closes.
        """
        if self._ending:
            return
        self._ending = True
        self.autosaver.save_now()
        self.autosaver.stop()
        if self.doc is not None:
            self.doc.release()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._ending:
            self.settings.geometry = self.saveGeometry()
            self.settings.sync()
            event.accept()
            return
        if not self.files.maybe_save():
            event.ignore()
            return
        self.autosaver.watch(None)  # an orderly close: the autosave goes
        if self.doc is not None:
            self.doc.release()
        self.settings.geometry = self.saveGeometry()
        self.settings.sync()
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        suffixes = (PROJECT_SUFFIX, ".xlsx") if self.doc is not None else (PROJECT_SUFFIX,)
        if any(url.toLocalFile().lower().endswith(suffixes) for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        answers = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.toLocalFile().lower().endswith(".xlsx")]
        if answers and self.doc is not None:  # filled questionnaires: import them, with the review
            from planner.ui.voices.roundtrip import import_answers

            event.acceptProposedAction()
            import_answers(self, answers)
            return
        for url in event.mimeData().urls():
            path = Path(url.toLocalFile())
            if path.suffix.lower() == PROJECT_SUFFIX:
                event.acceptProposedAction()
                self.files.open_path(path)
                return

    # -- keyboard page switching ---------------------------------------------------------------
    def page_shortcut(self, position: int) -> None:
        """Show the n-th available page (Ctrl+1 ...) with the keyboard on its content.

        The page list keeps the focus when it is clicked or walked with the arrow keys; a shortcut
        means "work on that page", so the page takes the focus (the assessment page on the lens to
        score next).
        """
        names = self.page_names()
        if 0 <= position < len(names):
            if self.workshop.active:
                self.workshop.leave()
            self.show_page(names[position])
            page = self.pages[names[position]]
            take_focus = getattr(page, "take_focus", None)
            if callable(take_focus):
                take_focus()
            elif not (focused := QApplication.focusWidget()) or not page.isAncestorOf(focused):
                page.setFocus(Qt.FocusReason.ShortcutFocusReason)
                page.focusNextChild()

    @staticmethod
    def shortcut_text(sequence: QKeySequence.StandardKey | str) -> str:
        """Return a shortcut as the platform writes it (for the help text)."""
        return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)
