"""The export job: render and write the chosen formats off the UI thread, reporting progress.

The report data is computed on the UI thread from a consistent snapshot of the project (fast),
then a QRunnable on the global QThreadPool checks the targets once more
(:func:`planner.storage.targets.check_targets`: one may have become a FIFO since the dialog asked),
renders every format and only then writes each file with :func:`exports.base.export_files`
(atomically, so a failure leaves any earlier export intact). Results and errors come back as
queued signals. The formats and their step counts come from :mod:`exports.registry`.

An unexpected error is logged as its type and the places it passed through (file:line in
function), never its message: exceptions raised while handling client text may quote it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, Signal

from planner.ui.errors import error_places

if TYPE_CHECKING:
    from exports.base import Exporter
    from planner.storage.targets import Protected

__all__ = ["ExportJob", "ExportRequest", "ExportResult", "ExportSignals"]

log = logging.getLogger("planner.ui.export")


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What to export and where: a file per chosen format, in the registry's order."""

    targets: tuple[tuple[Exporter, Path], ...]
    include_internal: bool = False
    #: Files no export may replace (the open project, its backup and lock: see :mod:`planner.storage.targets`).
    protected: tuple[Protected, ...] = ()
    #: The app's autosave folder, where no export may go.
    autosave_folder: Path | None = None

    @property
    def steps(self) -> int:
        """How many progress steps the job reports (each format's steps, plus writing its file)."""
        return sum(exporter.steps + 1 for exporter, _ in self.targets)

    def path_for(self, export_id: str) -> Path | None:
        """Return where the format ``export_id`` goes, or ``None`` when it is not chosen."""
        return next((path for exporter, path in self.targets if exporter.id == export_id), None)


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
        from exports.base import export_files
        from exports.errors import ExportError
        from planner.storage.targets import TargetRefused, check_targets

        request = self.request
        result = ExportResult()
        try:
            check_targets(
                [path for _, path in request.targets], request.protected, autosave_folder=request.autosave_folder
            )
            result.warnings.extend(export_files(request.targets, self.report, self._step, result.files.append))
        except (ExportError, TargetRefused) as exc:
            self.signals.failed.emit(str(exc), result)
            return
        except Exception as exc:  # reported to the user, never lost in a worker thread
            log.error("export failed: %s\n%s", type(exc).__qualname__, error_places(exc.__traceback__))
            self.signals.failed.emit(f"The export failed unexpectedly ({type(exc).__name__}); see the log.", result)
            return
        self.signals.finished.emit(result)
