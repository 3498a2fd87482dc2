"""File > Capability models: the model library in a small table (name, id, version, source, capabilities).

A broken file of the model folder is a row of its own that says what is wrong; it is never used
and never stops the dialog. The dialog names the model folder, so a consultant knows where to put
(or share) the firm's models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.appdirs import model_dir
from planner.storage.modellib import LibraryEntry, model_library

if TYPE_CHECKING:
    from planner.ui.mainwindow import MainWindow

__all__ = ["COLUMNS", "ModelsDialog", "show_models"]

#: The table's columns.
COLUMNS = ("Name", "Id", "Version", "Source", "Capabilities", "Problem")


class ModelsDialog(QDialog):
    """The library's models; ``entries`` are the rows, in order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Capability models")
        self.entries: list[LibraryEntry] = []
        layout = QVBoxLayout(self)
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.folder_label)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)
        self.resize(860, 360)
        self.refresh()

    def refresh(self) -> None:
        """Read the library again and fill the table."""
        self.entries = model_library()
        folder = model_dir(create=False)
        self.folder_label.setText(
            f"Your own models are the .json files in {folder}. "
            "Import a model workbook or file to add one; the bundled models are never changed."
        )
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            values = (
                entry.name,
                entry.id,
                str(entry.version) if entry.model else "",
                entry.source,
                str(entry.capability_count) if entry.model else "",
                entry.problem,
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(str(entry.path) if column == 0 else value)
                self.table.setItem(row, column, item)


def show_models(window: MainWindow) -> ModelsDialog:
    """Open the library dialog beside the window (non-modal)."""
    dialog = ModelsDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
