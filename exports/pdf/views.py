"""The report's optional "Where views diverged" section (only when participants' votes differ).

The client version counts people per score; names appear only when the report was built with
them (:attr:`~planner.report.data.ReportData.views_named`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from exports.pdf.context import Ctx

__all__ = ["views_section"]


def views_section(ctx: Ctx) -> list[Flowable]:
    """Return the section's flowables (none when no lens is two or more points apart)."""
    r, s = ctx.report, ctx.styles
    if not r.views:
        return []
    who = "Who said what" if r.views_named else "How many people gave each score"
    rows: list[list[Any]] = [ctx.head("Capability", "Lens", "Spread", who, "Median", "Agreed")]
    for row in r.views:
        rows.append(
            [
                ctx.text(row.capability, s.cell_bold),
                ctx.text(row.lens, s.cell),
                ctx.plain(f"{row.low}-{row.high}"),
                ctx.text(row.who, s.cell),
                ctx.plain("-" if row.median is None else str(row.median)),
                ctx.plain("-" if row.consensus is None else str(row.consensus)),
            ]
        )
    intro = (
        "Before the workshop each participant scored the capabilities on their own. These lenses drew the "
        "widest range of views, widest first; the agreed score is the one every result in this report uses."
    )
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak

    return [
        CondPageBreak(70 * mm),  # the heading, its text and the first rows stay together
        ctx.text("Where views diverged", s.h2),
        ctx.text(intro, s.body),
        ctx.table(rows, [0.22, 0.12, 0.08, 0.38, 0.1, 0.1]),
    ]
