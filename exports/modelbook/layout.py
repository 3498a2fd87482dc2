"""The model workbook's sheets and columns, shared by the writer and the reader.

Layout (one row per thing, in model order; the row order is the model's order):

- Instructions: how to edit and import the workbook.
- Model: field / value rows (id, name, description, version, the bands note, the attribution).
- Levels: id, name, reached from (%), description; the lowest level first, starting at 0.
- Lenses: id, name, question and the five anchors (what a score of 0..4 means).
- Personas: the owners an initiative can have, core or allied.
- Domains: id, name, summary.
- Capabilities: domain, id, name, summary, prerequisites.
- Level descriptions: capability, level, what the capability looks like at that level.
- KPIs, Questions: capability and the text (discovery questions for the workshop).
- Initiatives: capability, level, key, title, description, owner, effort, duration, tier, value,
  sizes, requires, lenses.
- Kept (hidden): parts of the model no sheet shows (renames from older models and the like), as
  JSON, so that exporting and importing gives the same model back; and the id and version of the
  model the workbook was exported from, so an import shows what changed even under a new id.

Decision: a cell listing several ids (prerequisites, requires, lenses, sizes) separates them with
commas, semicolons or line breaks; ids therefore never hold these characters in a workbook.
Columns are found by their header, so a consultant may reorder them or add their own; every
sheet is required (a renamed sheet is an error that names it), other sheets are ignored.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "COLUMNS",
    "KEPT",
    "LIST_SEPARATORS",
    "MODEL_FIELDS",
    "SHEETS",
    "TOP_LEVEL_SHOWN",
    "split_list",
]

MODEL: Final = "Model"
LEVELS: Final = "Levels"
LENSES: Final = "Lenses"
PERSONAS: Final = "Personas"
DOMAINS: Final = "Domains"
CAPABILITIES: Final = "Capabilities"
LEVEL_TEXTS: Final = "Level descriptions"
KPIS: Final = "KPIs"
QUESTIONS: Final = "Questions"
INITIATIVES: Final = "Initiatives"
KEPT: Final = "Kept"
#: The Kept sheet's row naming the model the workbook was exported from (not part of the model).
ORIGIN: Final = "(exported from)"
INSTRUCTIONS: Final = "Instructions"

#: The sheets the reader needs, in workbook order (Instructions first, Kept last and hidden).
SHEETS: Final = (
    MODEL,
    LEVELS,
    LENSES,
    PERSONAS,
    DOMAINS,
    CAPABILITIES,
    LEVEL_TEXTS,
    KPIS,
    QUESTIONS,
    INITIATIVES,
    KEPT,
)

#: Per table sheet: (document field, header, column width). The header is what the reader looks for.
COLUMNS: Final[dict[str, tuple[tuple[str, str, int], ...]]] = {
    LEVELS: (
        ("id", "Id", 14),
        ("name", "Name", 18),
        ("min_score", "Reached from (%)", 14),
        ("description", "Description", 80),
    ),
    LENSES: (
        ("id", "Id", 14),
        ("name", "Name", 16),
        ("question", "Question", 44),
        *((f"anchor{s}", f"Score {s} means", 40) for s in range(5)),
    ),
    PERSONAS: (("name", "Name", 28), ("kind", "Kind", 10)),
    DOMAINS: (("id", "Id", 16), ("name", "Name", 30), ("summary", "Summary", 80)),
    CAPABILITIES: (
        ("domain", "Domain", 14),
        ("id", "Id", 28),
        ("name", "Name", 30),
        ("summary", "Summary", 70),
        ("prerequisites", "Prerequisites", 36),
    ),
    LEVEL_TEXTS: (("capability", "Capability", 28), ("level", "Level", 12), ("text", "Description", 100)),
    KPIS: (("capability", "Capability", 28), ("name", "KPI", 32), ("measure", "How it is measured", 90)),
    QUESTIONS: (("capability", "Capability", 28), ("text", "Discovery question", 110)),
    INITIATIVES: (
        ("capability", "Capability", 24),
        ("level", "Level", 10),
        ("key", "Key", 40),
        ("title", "Title", 44),
        ("description", "Description (with its 'done when')", 80),
        ("owner", "Owner", 20),
        ("effort", "Effort", 8),
        ("duration_months", "Duration (months)", 10),
        ("tier", "Tier", 8),
        ("value", "Value (1-3)", 8),
        ("sizes", "Sizes (empty: all)", 22),
        ("requires", "Requires", 44),
        ("lenses", "Lenses", 26),
    ),
    KEPT: (("key", "Key", 24), ("json", "Value (JSON)", 100)),
}

#: The Model sheet's rows: (document path, label).
MODEL_FIELDS: Final = (
    ("id", "Id"),
    ("name", "Name"),
    ("description", "Description"),
    ("revision", "Version (set on import)"),
    ("level_bands_note", "Note on the level bands"),
    ("attribution.text", "Attribution"),
    ("attribution.source", "Source"),
    ("attribution.source_url", "Source link"),
    ("attribution.author", "Author"),
    ("attribution.author_url", "Author link"),
    ("attribution.licence", "Licence"),
    ("attribution.licence_url", "Licence link"),
)

#: Top-level keys of a model document that the sheets show (the others go to the Kept sheet).
TOP_LEVEL_SHOWN: Final = frozenset(
    {"format", "id", "name", "description", "revision", "level_bands_note", "attribution", "levels", "lenses"}
    | {"personas", "domains"}
)

LIST_SEPARATORS: Final = re.compile(r"[,;\n\r]+")


def split_list(text: str) -> list[str]:
    """Split a cell listing ids into the ids, without blanks."""
    return [part.strip() for part in LIST_SEPARATORS.split(text) if part.strip()]
