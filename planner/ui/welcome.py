"""The start page: New, Open, Open the demo, and the recent files.

The demo entry appears only when the build ships ``resources/demo/demo.roadmap``. Recent files
come from the settings, which prune files that no longer exist.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from planner import APP_NAME, __version__
from planner.ui.look import app_icon

__all__ = ["WelcomePage"]


class WelcomePage(QWidget):
    """Big, obvious ways in.

    Signals:
        new_requested(), open_requested(), demo_requested(): the buttons.
        recent_requested(Path): a recent file was chosen.
    """

    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_requested = Signal(Path)

    def __init__(self, demo_available: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        title = QLabel(APP_NAME)
        title.setObjectName("welcomeTitle")
        tagline = QLabel(
            "Score a client's FinOps practice capability by capability, see the gaps, "
            "shape a Crawl → Walk → Run roadmap, and hand over an Excel workbook and a PDF report."
        )
        tagline.setWordWrap(True)
        self.new_button = QPushButton("&New project")
        self.open_button = QPushButton("&Open project…")
        self.demo_button = QPushButton("Open the &demo")
        self.demo_button.setVisible(demo_available)
        for button, signal in (
            (self.new_button, self.new_requested),
            (self.open_button, self.open_requested),
            (self.demo_button, self.demo_requested),
        ):
            button.setMinimumHeight(40)
            button.clicked.connect(signal)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        recent_label = QLabel("<b>Recent projects</b>")
        self.recent = QListWidget()
        self.recent.setAccessibleName("Recent projects")
        self.recent.itemActivated.connect(self._activated)
        recent_label.setBuddy(self.recent)
        self.empty = QLabel("No recent projects yet.")
        version = QLabel(f"Version {__version__} · works offline; client data stays on this computer.")
        version.setObjectName("mutedText")
        self.recent.setMaximumHeight(320)
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(QSize(72, 72)))
        header = QHBoxLayout()
        header.addWidget(icon)
        header.addWidget(title, 1)
        column = QVBoxLayout()
        column.addSpacing(48)
        column.addLayout(header)
        column.addWidget(tagline)
        column.addSpacing(24)
        column.addLayout(buttons)
        column.addSpacing(32)
        column.addWidget(recent_label)
        column.addWidget(self.recent)
        column.addWidget(self.empty)
        column.addStretch(1)
        column.addWidget(version)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 4)
        outer.addStretch(1)

    def show_recent(self, paths: list[Path]) -> None:
        """List the recent files (name, then folder)."""
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{path.name}    —    {path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.recent.addItem(item)
        self.recent.setVisible(bool(paths))
        self.empty.setVisible(not paths)

    def _activated(self, item: QListWidgetItem) -> None:
        self.recent_requested.emit(Path(item.data(Qt.ItemDataRole.UserRole)))
