"""The one interface every export format implements, and the one way an export reaches the disk.

An exporter turns a :class:`~planner.report.data.ReportData` into the bytes of a file and the
warnings worth telling the user (text cut at a cell limit, characters no font has). It never
writes: :func:`export_files` renders every chosen format in memory first and only then writes
each file atomically, so a failure leaves any earlier file intact.

Decisions on a run of several formats: a format that fails to render (a bug: valid content must
always render) raises before any file of the run is written, so the run never leaves a workbook
without its report; a file that fails to *write* (disk full, folder gone) raises
:class:`~exports.errors.ExportError` after the files before it were written, and the caller
reports both (``on_written`` tells it which files are on disk). Where exports go is checked before
the run by the caller (:mod:`planner.storage.targets`). What goes into the file is decided when the report is built: a report built without
internal notes has none to render, so exporters take no flag of their own for them.

An exporter module imports its heavy library (openpyxl, reportlab, matplotlib) inside
:meth:`Exporter.render`, never at import time: the registry is read at start-up.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from exports.errors import write_export
from planner.report.data import ReportData

__all__ = ["BytesExporter", "ExportOutput", "Exporter", "Progress", "export_files", "export_to_file"]

#: Called with a short description of each step as rendering reaches it ("PDF: charts").
Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class ExportOutput:
    """A rendered export: the file's bytes and warnings for the user (empty when all went well)."""

    data: bytes
    warnings: tuple[str, ...] = ()


class Exporter(Protocol):
    """An export format."""

    @property
    def id(self) -> str:
        """A short, stable name: the command line's option (``--xlsx``) and the settings key."""

    @property
    def label(self) -> str:
        """What the user picks: ``"Excel workbook"``."""

    @property
    def noun(self) -> str:
        """The file in a sentence: ``"the workbook could not be written"``."""

    @property
    def suffix(self) -> str:
        """The file name suffix, with its dot: ``".xlsx"``."""

    @property
    def steps(self) -> int:
        """How many times :meth:`render` reports progress."""

    def render(self, report: ReportData, *, progress: Progress | None = None) -> ExportOutput:
        """Build the file in memory, reporting each of :attr:`steps` steps to ``progress``."""


@dataclass(frozen=True, slots=True)
class BytesExporter:
    """An :class:`Exporter` made of one function that builds the file's bytes and its warnings.

    Attributes:
        build: ``build(report, progress)`` returns the bytes and the warnings; it calls
            ``progress`` with the name of each of its :attr:`steps` parts.
        step_text: how a part's name reads in the progress, e.g. ``"Excel: {} sheet"``.
    """

    id: str
    label: str
    noun: str
    suffix: str
    steps: int
    step_text: str
    build: Callable[[ReportData, Progress | None], tuple[bytes, list[str]]]

    def render(self, report: ReportData, *, progress: Progress | None = None) -> ExportOutput:
        """Build the file, reporting each part as :attr:`step_text` words it."""
        step = None if progress is None else (lambda name: progress(self.step_text.format(name)))
        data, warnings = self.build(report, step)
        return ExportOutput(data, tuple(warnings))


def export_files(
    targets: Sequence[tuple[Exporter, Path]],
    report: ReportData,
    progress: Progress | None = None,
    on_written: Callable[[Path], None] | None = None,
) -> tuple[str, ...]:
    """Render every format of ``targets`` in memory, then write each file atomically; return the warnings.

    Progress is reported :attr:`Exporter.steps` times per format while rendering, then once per
    file, as ``"Writing <name>"``, before it is written. ``on_written`` is called with each file
    once it is on disk.

    Raises:
        ExportError: a file could not be written (that file is unchanged; the files before it in
            ``targets`` were written and passed to ``on_written``).
        Exception: a format failed to render (a bug); nothing was written.
    """
    outputs = [exporter.render(report, progress=progress) for exporter, _ in targets]
    for (exporter, path), output in zip(targets, outputs, strict=True):
        if progress is not None:
            progress(f"Writing {path.name}")
        write_export(path, output.data, exporter.noun)
        if on_written is not None:
            on_written(path)
    return tuple(warning for output in outputs for warning in output.warnings)


def export_to_file(
    exporter: Exporter, report: ReportData, path: Path, progress: Progress | None = None
) -> tuple[str, ...]:
    """Render ``report`` and write it atomically to ``path``; return the warnings.

    Progress is reported :attr:`Exporter.steps` times while rendering and once more, as
    ``"Writing <name>"``, before the file is written.

    Raises:
        ExportError: the file could not be written (nothing on disk changed).
    """
    return export_files([(exporter, path)], report, progress)
