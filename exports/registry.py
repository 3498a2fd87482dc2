"""Every export format the product offers, in the order the export dialog and the command line list them.

A new format is one module implementing :class:`~exports.base.Exporter` and one line here; the
export dialog, the export job, ``planner export`` and ``planner demo``, and the frozen build's
smoke test all loop over :func:`exporters`. Importing this module loads no openpyxl, reportlab or
matplotlib: each exporter imports its library when it renders.
"""

from __future__ import annotations

from exports.base import Exporter
from exports.pdf.document import pdf_exporter
from exports.xlsx.workbook import xlsx_exporter

__all__ = ["exporter", "exporters"]


def exporters() -> tuple[Exporter, ...]:
    """Return every export format, in display order."""
    return (xlsx_exporter(), pdf_exporter())


def exporter(export_id: str) -> Exporter:
    """Return the format with id ``export_id``.

    Raises:
        KeyError: no format has that id.
    """
    for found in exporters():
        if found.id == export_id:
            return found
    raise KeyError(f"no export format {export_id!r}")
