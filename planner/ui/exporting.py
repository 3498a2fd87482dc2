"""The export job: build the workbook and/or PDF off the UI thread, reporting progress.

The report data is computed on the UI thread from a consistent snapshot of the project (fast),
then a QRunnable on the global QThreadPool renders and writes the files, each atomically, so a
failure leaves any earlier export intact. Results and errors come back as queued signals.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal

__all__ = ["XLSX_STEPS", "ExportJob", "ExportRequest", "ExportResult", "ExportSignals"]

log = logging.getLogger("planner.ui.export")

#: Progress steps of each file (sections as the exporters report them, plus writing).
XLSX_STEPS = 5
PDF_STEPS = 6


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What to export and where (``None``: skip that format)."""

    xlsx: Path | None
    pdf: Path | None
    include_internal: bool = False

    @property
    def steps(self) -> int:
        """How many progress steps the job reports."""
        return (XLSX_STEPS if self.xlsx else 0) + (PDF_STEPS if self.pdf else 0)


@dataclass(slots=True)
class ExportResult:
    """The files written and the exporters' warnings."""

    files: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class ExportSignals(QObject):
    """Signals of an :class:`ExportJob` (a QRunnable cannot carry signals itself).

    Signals:
        progress(int, str): steps done so far and what is being done.
        finished(object): the :class:`ExportResult`.
        failed(str, object): a message fit for the user, and the partial :class:`ExportResult`.
    """

    progress = Signal(int, str)
    finished = Signal(object)
    failed = Signal(str, object)


class ExportJob(QRunnable):
    """Render and write the requested files from a prepared report."""

    def __init__(self, report: Any, request: ExportRequest) -> None:
        super().__init__()
        self.report = report
        self.request = request
        self.signals = ExportSignals()
        self._done = 0

    def _step(self, text: str) -> None:
        self._done += 1
        self.signals.progress.emit(self._done, text)

    def run(self) -> None:
        from exports.errors import ExportError

        result = ExportResult()
        try:
            if self.request.xlsx is not None:
                self._write(self.request.xlsx, "workbook", result)
            if self.request.pdf is not None:
                self._write(self.request.pdf, "report", result)
        except ExportError as exc:
            self.signals.failed.emit(str(exc), result)
            return
        except Exception as exc:  # reported to the user, never lost in a worker thread
            log.exception("export failed: %s", type(exc).__name__)
            self.signals.failed.emit(f"The export failed unexpectedly ({type(exc).__name__}); see the log.", result)
            return
        self.signals.finished.emit(result)

    def _write(self, path: Path, kind: str, result: ExportResult) -> None:
        from exports.errors import ExportError
        from planner.storage.atomic import describe_os_error, write_atomic

        if kind == "workbook":
            from exports.xlsx.workbook import workbook_bytes

            data, warnings = workbook_bytes(self.report, lambda name: self._step(f"Excel: {name} sheet"))
        else:
            from exports.pdf.document import pdf_bytes

            data, warnings = pdf_bytes(self.report, lambda name: self._step(f"PDF: {name}"))
        self._step(f"Writing {path.name}")
        try:
            write_atomic(path, data)
        except OSError as exc:
            raise ExportError(path, f"the {kind} could not be written: {describe_os_error(exc)}") from None
        result.files.append(path)
        result.warnings.extend(warnings)
