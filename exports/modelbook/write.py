"""Write a capability model as the model workbook (see :mod:`exports.modelbook.layout`).

Every text is a safe string cell (:class:`~exports.xlsx.cells.SheetWriter`); numbers are numbers.
Where a value comes from a list (a domain, a capability, a level, an effort, a tier, a persona) the
cell offers that list as a dropdown (data validation); the lists reach far below the last row, so
rows a consultant adds get them too. A persona outside the list is allowed with a warning (an
owner is free text in a model); every other list refuses other values. Sizes, requires and
lenses may hold several entries, so they have no dropdown (the instructions list the choices).
"""

from __future__ import annotations

import io
import json
from typing import Any

from exports.modelbook.layout import (
    CAPABILITIES,
    COLUMNS,
    DOMAINS,
    INITIATIVES,
    INSTRUCTIONS,
    KEPT,
    KPIS,
    LENSES,
    LEVEL_TEXTS,
    LEVELS,
    MODEL,
    MODEL_FIELDS,
    ORIGIN,
    PERSONAS,
    QUESTIONS,
    TOP_LEVEL_SHOWN,
)
from planner import __version__
from planner.model.capmodel import EFFORTS, TIERS, VALUE_RANGE, CapabilityModel

__all__ = ["INSTRUCTION_LINES", "model_workbook_bytes"]

#: How far below the header the dropdowns reach.
_VALIDATION_ROWS = 5000
#: Kept JSON is cut into cells of this many characters (Excel holds 32,767 per cell).
_KEPT_CHUNK = 30_000

INSTRUCTION_LINES = (
    "How to edit this capability model",
    "Each sheet is one table: one row per level, lens, domain, capability, KPI, question or initiative. "
    "The order of the rows is the order in the app and in the reports.",
    "Model: change the Id to make this your firm's own model (e.g. acme-finops); keep it to make a new version "
    "of the same model. The version is set when you import the workbook.",
    "Levels: the lowest level first; 'Reached from (%)' starts at 0 and increases level by level (3 to 6 levels).",
    "Lenses: every lens is scored 0 to 4, so it needs all five 'Score N means' anchors (3 to 8 lenses).",
    "Capabilities: pick the domain from the list. Prerequisites are ids of other capabilities, separated by commas.",
    "Level descriptions, KPIs, Questions: one row per text; pick the capability (and level) from the lists.",
    "Initiatives: what the roadmap proposes to reach a level. Key: a unique id such as 'capability.level.short-name' "
    "(left empty, one is made from the title). Tier 'core' defines reaching the level, 'extra' adds depth. "
    "Value 1-3: how much it moves spend, visibility or accountability. Sizes: startup, midsize, enterprise "
    "(empty: every size). Requires: keys of initiatives it needs first, of the same or a lower level. "
    "Lenses: the lenses it raises. A capability may have no initiatives: the roadmap then says so.",
    "Ids, keys and list cells: separate several entries with commas; ids hold no commas or semicolons.",
    "Do not rename or delete sheets; you may reorder columns, add columns or add sheets of your own (they are ignored). "
    "Type values, not formulas: a workbook with formulas is refused.",
    "Check the workbook with 'planner model check FILE.xlsx'; import it with 'planner model import FILE.xlsx' or "
    "File > Import model in the app. Every problem is reported with its sheet, row and column; nothing is saved "
    "until the model is valid, and a bundled model is never overwritten.",
)


def _lists() -> dict[str, str]:
    """Formula ranges of the dropdown lists (the id columns of other sheets)."""
    far = _VALIDATION_ROWS + 1
    return {
        "domain": f"{DOMAINS}!$A$2:$A${far}",
        "capability": f"{CAPABILITIES}!$B$2:$B${far}",
        "level": f"{LEVELS}!$A$2:$A$20",
        "owner": f"{PERSONAS}!$A$2:$A$200",
    }


def _quoted(sheet_range: str) -> str:
    sheet, _, cells = sheet_range.partition("!")
    return f"'{sheet}'!{cells}" if " " in sheet else sheet_range


def _validate(ws: Any, column: int, *, formula: str, warn: bool = False, kind: str = "list", **extra: Any) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    dv = DataValidation(type=kind, formula1=formula, allow_blank=True, showErrorMessage=True, **extra)
    dv.errorStyle = "warning" if warn else "stop"
    dv.error = "Pick a value from the list." if kind == "list" else "Out of range."
    letter = get_column_letter(column)
    dv.add(f"{letter}2:{letter}{_VALIDATION_ROWS + 1}")
    ws.add_data_validation(dv)


def _table(book: Any, styles: Any, title: str, rows: list[list[object]]) -> Any:
    from exports.xlsx.cells import SheetWriter

    ws = book.create_sheet(title)
    writer = SheetWriter(ws, styles, [])
    columns = COLUMNS[title]
    writer.header_row(1, [header for _f, header, _w in columns])
    writer.widths([width for _f, _h, width in columns])
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                writer.number(r, c, value, fmt="0.###")
            else:
                writer.text(r, c, str(value), align=styles.wrap)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{ws.cell(row=1, column=len(columns)).column_letter}{max(2, len(rows) + 1)}"
    return ws


def _column(title: str, field: str) -> int:
    return [f for f, _h, _w in COLUMNS[title]].index(field) + 1


def _joined(values: tuple[str, ...] | list[str]) -> str:
    return ", ".join(values)


def model_workbook_bytes(model: CapabilityModel) -> bytes:
    """Return the model workbook of ``model`` as xlsx bytes."""
    from openpyxl import Workbook

    from exports.xlsx.cells import SheetWriter, Styles

    book = Workbook()
    styles = Styles()
    intro = book.active
    intro.title = INSTRUCTIONS
    writer = SheetWriter(intro, styles, [])
    writer.widths([120])
    writer.text(1, 1, INSTRUCTION_LINES[0], font=styles.title)
    for row, line in enumerate(INSTRUCTION_LINES[1:], start=3):
        writer.text(row, 1, line, align=styles.wrap)
    writer.text(len(INSTRUCTION_LINES) + 3, 1, f"Written by FinOps Roadmap Planner {__version__}.", font=styles.muted)

    ws = book.create_sheet(MODEL)
    writer = SheetWriter(ws, styles, [])
    writer.header_row(1, ["Field", "Value"])
    writer.widths([28, 110])
    values: dict[str, object] = {
        "id": model.id,
        "name": model.name,
        "description": model.description,
        "revision": model.revision,
        "level_bands_note": model.bands_note,
    }
    for field in ("text", "source", "source_url", "author", "author_url", "licence", "licence_url"):
        values[f"attribution.{field}"] = getattr(model.attribution, field)
    for row, (field, label) in enumerate(MODEL_FIELDS, start=2):
        writer.text(row, 1, label, font=styles.bold)
        value = values[field]
        if isinstance(value, int):
            writer.number(row, 2, value)
        else:
            writer.text(row, 2, str(value), align=styles.wrap)

    _table(book, styles, LEVELS, [[lv.id, lv.name, lv.min_score, lv.description] for lv in model.levels])
    _validate(book[LEVELS], 3, kind="decimal", operator="between", formula="0", formula2="100")
    _table(book, styles, LENSES, [[lens.id, lens.name, lens.question, *lens.anchors] for lens in model.lenses])
    _table(book, styles, PERSONAS, [[p.name, p.kind] for p in model.personas])
    _validate(book[PERSONAS], 2, formula='"core,allied"')
    _table(book, styles, DOMAINS, [[d.id, d.name, d.summary] for d in model.domains])
    caps = list(model.iter_capabilities())
    _table(book, styles, CAPABILITIES, [[c.domain, c.id, c.name, c.summary, _joined(c.prerequisites)] for c in caps])
    lists = {k: _quoted(v) for k, v in _lists().items()}
    _validate(book[CAPABILITIES], 1, formula=lists["domain"])
    _table(
        book,
        styles,
        LEVEL_TEXTS,
        [[c.id, level, text] for c in caps for level, text in c.level_descriptions.items()],
    )
    _validate(book[LEVEL_TEXTS], 1, formula=lists["capability"])
    _validate(book[LEVEL_TEXTS], 2, formula=lists["level"])
    _table(book, styles, KPIS, [[c.id, k.name, k.measure] for c in caps for k in c.kpis])
    _validate(book[KPIS], 1, formula=lists["capability"])
    _table(book, styles, QUESTIONS, [[c.id, q] for c in caps for q in c.questions])
    _validate(book[QUESTIONS], 1, formula=lists["capability"])
    _initiatives(book, styles, model, lists)
    _kept(book, styles, model)
    book.active = 0
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _initiatives(book: Any, styles: Any, model: CapabilityModel, lists: dict[str, str]) -> None:
    rows: list[list[object]] = [
        [
            t.capability,
            t.level,
            t.key,
            t.title,
            t.description,
            t.owner,
            t.effort,
            t.duration_months,
            t.tier,
            t.value,
            _joined(t.sizes),
            _joined(t.requires),
            _joined(t.lenses),
        ]
        for c in model.iter_capabilities()
        for t in c.initiatives
    ]
    _table(book, styles, INITIATIVES, rows)
    ws = book[INITIATIVES]
    _validate(ws, _column(INITIATIVES, "capability"), formula=lists["capability"])
    _validate(ws, _column(INITIATIVES, "level"), formula=lists["level"])
    _validate(ws, _column(INITIATIVES, "owner"), formula=lists["owner"], warn=True)
    _validate(ws, _column(INITIATIVES, "effort"), formula=f'"{",".join(EFFORTS)}"')
    _validate(ws, _column(INITIATIVES, "tier"), formula=f'"{",".join(TIERS)}"')
    lo, hi = VALUE_RANGE
    _validate(ws, _column(INITIATIVES, "value"), kind="whole", operator="between", formula=str(lo), formula2=str(hi))
    _validate(ws, _column(INITIATIVES, "duration_months"), kind="whole", operator="between", formula="1", formula2="60")


def _kept(book: Any, styles: Any, model: CapabilityModel) -> None:
    """Write the document's parts no sheet shows, as JSON cut into cells, on a hidden sheet."""
    rows: list[list[object]] = [[ORIGIN, json.dumps({"id": model.id, "revision": model.revision})]]
    for key, value in model.document.items():
        if key in TOP_LEVEL_SHOWN:
            continue
        text = json.dumps(value, ensure_ascii=False, sort_keys=False)
        rows.append([key, *(text[i : i + _KEPT_CHUNK] for i in range(0, max(len(text), 1), _KEPT_CHUNK))])
    ws = _table(book, styles, KEPT, rows)
    ws.sheet_state = "hidden"
