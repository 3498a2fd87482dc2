"""The export dialog: which formats, where to, internal notes or not; runs in the background.

The formats are the registry's (:func:`exports.registry.exporters`), one row each. Defaults: every
format, named after the project file (or the client) in the last export folder,
internal notes excluded. While the job runs the dialog shows progress and cannot be closed; then
it offers to open each file written (one button per file) or their folder. Errors are shown as the
exporter words them; the project and any earlier export are untouched.

The version with internal notes is named ``<name>-internal`` (:mod:`exports.naming`): ticking the
option renames the files in the fields, and an export with internal notes under any other name is
renamed so before anything is written (the field shows it), so it can never replace the client's
version. An assessment not fully scored is a draft: a notice at the top says so, with its coverage,
before the user presses Export, and every page and sheet of the files is marked DRAFT.

Before the job starts the targets are checked (:func:`planner.storage.targets.check_targets`): the
open project, its backup and lock, the autosave folder, two formats into one file, folders,
devices, FIFOs and project files under any name are refused with one line in the dialog, and
nothing is written. Replacing any other existing file asks first (No is the default). The dialog
never closes the window or touches the project.

While the roadmap is out of date (the assessment moved on since it was drafted, and it was neither
regenerated nor kept as is), a warning at the top says so and what changed: the export still runs,
with the roadmap as it is, because a consultant may need the file before deciding.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.model.edits import Change, ChangeKind
from planner.model.roadmap import stale_reasons
from planner.storage.targets import TargetRefused, check_targets, existing_targets, protected_files
from planner.ui.document import Document
from planner.ui.exporting import ExportJob, ExportRequest, ExportResult
from planner.ui.reportoptions import ReportOptionsBox
from planner.ui.roadmap.banner import stale_summary
from planner.ui.settings import Settings

__all__ = ["ExportDialog", "default_stem"]


def _notice(name: str, fill: str, border: str, ink: str) -> QLabel:
    """Return a boxed, wrapped notice label (plain text: it may quote the model's names)."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(
        f"QLabel#{name} {{ background: {fill}; border: 1px solid {border}; border-radius: 6px;"
        f" padding: 6px; color: {ink}; }}"
    )
    return label


def default_stem(doc: Document) -> str:
    """The base name of the exports: the project file's, else the client's, else "assessment"."""
    if doc.path is not None:
        return doc.path.stem
    keep = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in doc.project.engagement.client)
    return "-".join(keep.split())[:60] or "assessment"


class ExportDialog(QDialog):
    """Choose formats and paths, export in the background, then open the result.

    Signals:
        export_finished(bool): the job ended (True when every file was written).
    """

    export_finished = Signal(bool)

    def __init__(
        self, doc: Document, settings: Settings, parent: QWidget | None = None, *, autosave_folder: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self.settings = settings
        self.autosave_folder = autosave_folder
        self.outcome: ExportResult | None = None
        self.running = False
        self.setWindowTitle("Export the report")
        folder = settings.last_export_folder or (doc.path.parent if doc.path else Path.home())
        stem = default_stem(doc)
        from exports.registry import exporters

        self.formats = exporters()
        #: Per format id: whether it is chosen, and where it goes.
        self.checks: dict[str, QCheckBox] = {}
        self.paths: dict[str, QLineEdit] = {}
        grid = QGridLayout()
        for row, exporter in enumerate(self.formats):
            check = self.checks[exporter.id] = QCheckBox(f"&{exporter.label}")
            line = self.paths[exporter.id] = QLineEdit(str(folder / f"{stem}{exporter.suffix}"))
            suffix = exporter.suffix.lstrip(".")
            check.setChecked(True)
            line.setAccessibleName(f"{suffix.upper()} file")
            browse = QPushButton("Browse…")
            browse.clicked.connect(lambda _c=False, line=line, suffix=suffix: self._browse(line, suffix))
            check.toggled.connect(line.setEnabled)
            check.toggled.connect(browse.setEnabled)
            check.toggled.connect(self._validate)
            grid.addWidget(check, row, 0)
            grid.addWidget(line, row, 1)
            grid.addWidget(browse, row, 2)
        grid.setColumnStretch(1, 1)
        self.internal = QCheckBox("Include &internal notes (for your team, not for the client)")
        self.internal.toggled.connect(self._name_for_version)
        self.draft = _notice("draftNotice", "#FFF1D1", "#C98A1B", "#4A2E00")
        self.internal_note = _notice("internalNotice", "#FBE3E0", "#B03A2E", "#5A1009")
        self.internal_note.setText(
            "Internal version: the files are named …-internal and say “Internal: not for the client” on the "
            "cover and every page and sheet. They never replace the client's version."
        )
        self.internal_note.setVisible(False)
        self.internal.toggled.connect(self.internal_note.setVisible)
        self.options = ReportOptionsBox(doc.project.report, settings.firm_profile)
        self.stale = _notice("staleWarning", "#FFF4DC", "#E0A030", "#3D2A00")  # names the model's capabilities
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        #: One "Open <file>" button per file the last export wrote.
        self.open_buttons: list[QPushButton] = []
        self.open_folder = QPushButton("Open f&older")
        self.open_folder.clicked.connect(self._open_folder)
        self.after = QHBoxLayout()
        self.after.addWidget(self.open_folder)
        self.after.addStretch(1)
        self.open_folder.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton("E&xport", QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.draft)
        layout.addWidget(self.stale)
        layout.addLayout(grid)
        layout.addWidget(self.internal)
        layout.addWidget(self.internal_note)
        layout.addWidget(self.options)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(self.after)
        layout.addWidget(self.buttons)
        self.resize(760, 440)
        self._validate()
        self._show_staleness()
        self._show_draft()
        doc.changed.connect(self._on_changed)

    def _on_changed(self, change: Change) -> None:
        if change.kind is not ChangeKind.ENGAGEMENT or {"org_size"} & set(change.ids):
            self._show_staleness()
        self._show_draft()

    def _show_draft(self) -> None:
        """Say first that a partly scored assessment exports as a draft, with its coverage."""
        coverage = self.doc.scorecard().coverage
        if coverage.draft:
            self.draft.setText(
                f"Draft: {coverage.text}. Every page and sheet of the export will be marked DRAFT "
                "with this count; score the rest first for a final version."
            )
        self.draft.setVisible(coverage.draft)

    def _name_for_version(self) -> None:
        """Name each file for the version: ``<name>-internal`` with internal notes, ``<name>`` without."""
        from exports.naming import export_name

        internal = self.internal.isChecked()
        for line in self.paths.values():
            if line.text().strip():
                line.setText(str(export_name(Path(line.text()), internal=internal)))

    def _show_staleness(self) -> None:
        """Warn while the roadmap is out of date; the export is still allowed."""
        project = self.doc.project
        reasons = (
            stale_reasons(project.model, project.assessment, project.roadmap, org_size=project.engagement.org_size)
            if project.roadmap.initiatives
            else []
        )
        if reasons:
            self.stale.setText(
                f"{stale_summary(reasons, shown=2)} The export shows the roadmap as it is; to "
                "update it first, regenerate it or keep it as is on the Roadmap page."
            )
            self.stale.setToolTip("\n".join(reasons))
        self.stale.setVisible(bool(reasons))

    def _validate(self) -> None:
        self.export_button.setEnabled(not self.running and any(check.isChecked() for check in self.checks.values()))

    def _browse(self, line: QLineEdit, suffix: str) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export to", line.text(), f"{suffix.upper()} files (*.{suffix})")
        if name:
            path = Path(name)
            line.setText(str(path if path.suffix.lower() == f".{suffix}" else path.with_name(f"{path.name}.{suffix}")))

    def request(self) -> ExportRequest:
        """The export the dialog's fields describe (an internal one always named ``<name>-internal``)."""
        if self.internal.isChecked():
            self._name_for_version()
        return ExportRequest(
            targets=tuple(
                (exporter, Path(self.paths[exporter.id].text()).expanduser())
                for exporter in self.formats
                if self.checks[exporter.id].isChecked()
            ),
            include_internal=self.internal.isChecked(),
            protected=tuple(protected_files(self.doc.path)),
            autosave_folder=self.autosave_folder,
        )

    def _may_write(self, request: ExportRequest) -> bool:
        """Refuse targets that would replace something precious; ask before replacing an existing file."""
        paths = [path for _, path in request.targets]
        try:
            check_targets(paths, request.protected, autosave_folder=request.autosave_folder)
        except TargetRefused as exc:
            self.status.setText(f"Not exported: {exc}")
            return False
        existing = existing_targets(paths)
        if not existing:
            return True
        names = " and ".join(path.name for path in existing)
        answer = QMessageBox.question(
            self,
            "Replace existing files?",
            f"{names} already exist{'s' if len(existing) == 1 else ''} in that folder. Replace "
            f"{'it' if len(existing) == 1 else 'them'} with this export?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.status.setText("Not exported: nothing was replaced.")
            return False
        return True

    def start(self) -> bool:
        """Start the export in the background; return False if there is nothing to do or it is refused."""
        request = self.request()
        if self.running or not request.steps or not self._may_write(request):
            return False
        from planner.model.edits import EditRefused
        from planner.model.reportedits import set_report_settings
        from planner.report.data import build_report

        try:
            edit = set_report_settings(self.doc.project, self.options.settings())
        except EditRefused as exc:
            self.status.setText(str(exc))
            return False
        if not edit.is_noop:
            self.doc.push(edit)  # remembered in the project: the next export makes the same report
        report = build_report(
            self.doc.project,
            include_internal=request.include_internal,
            scorecard=self.doc.scorecard(),
            profile=self.settings.firm_profile,
        )
        job = ExportJob(report, request)
        job.signals.progress.connect(self._progress)
        job.signals.finished.connect(self._finished)
        job.signals.failed.connect(self._failed)
        self._job_signals = job.signals  # keep the receiver alive until the job reports
        self.running = True
        self._validate()
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setEnabled(False)
        self._clear_open_buttons()
        self.progress.setRange(0, request.steps)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.status.setText("Preparing the report…")
        QThreadPool.globalInstance().start(job)
        return True

    def _progress(self, done: int, text: str) -> None:
        self.progress.setValue(done)
        self.status.setText(text + "…")

    def _end(self, result: ExportResult) -> None:
        self.running = False
        self.outcome = result
        self._validate()
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setEnabled(True)
        self.progress.setVisible(False)
        if result.files:
            self.settings.last_export_folder = result.files[-1].parent

    def _finished(self, result: ExportResult) -> None:
        self._end(result)
        names = " and ".join(p.name for p in result.files)
        notes = "" if not result.warnings else "\n\nNote: " + "\n".join(result.warnings)
        self.status.setText(f"Saved {names}.{notes}")
        self._offer_to_open(result.files)
        self.export_finished.emit(True)

    def _failed(self, message: str, result: ExportResult) -> None:
        self._end(result)
        saved = f"\n\n{' and '.join(p.name for p in result.files)} was saved." if result.files else ""
        self.status.setText(f"Export failed: {message}{saved}\nThe project is unchanged; try another folder or name.")
        self._offer_to_open(result.files)
        self.export_finished.emit(False)

    def _clear_open_buttons(self) -> None:
        for button in self.open_buttons:
            self.after.removeWidget(button)
            button.deleteLater()
        self.open_buttons = []
        self.open_folder.setVisible(False)

    def _offer_to_open(self, files: list[Path]) -> None:
        """Show one "Open <name>" button per file written, then "Open folder"."""
        self._clear_open_buttons()
        for index, path in enumerate(files):
            button = QPushButton(f"Open {path.name}")
            button.setToolTip(str(path))
            button.clicked.connect(lambda _c=False, path=path: self._open(path))
            self.after.insertWidget(index, button)
            button.setVisible(True)  # a child added to a shown dialog stays hidden until shown
            self.open_buttons.append(button)
        self.open_folder.setVisible(bool(files))

    @staticmethod
    def _open(path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _open_folder(self) -> None:
        if self.outcome and self.outcome.files:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.outcome.files[-1].parent)))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            event.ignore()  # the files are being written; the dialog closes when it is done
            return
        super().closeEvent(event)
