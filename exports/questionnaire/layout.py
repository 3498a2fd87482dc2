"""Where things are in a questionnaire: sheet names, the identity block, the answer columns, the limits.

The writer and the reader share these, so a questionnaire the planner writes is one it can read.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "ANSWER_CHOICES",
    "ANSWER_COL",
    "ANSWER_SHEET",
    "COMMENT_COL",
    "COMMENT_MAX",
    "DONT_KNOW",
    "HEADER_ROW",
    "IDENTITY_SHEET",
    "INSTRUCTIONS_SHEET",
    "KEY_COL",
    "MAX_COLS",
    "MAX_ROWS",
    "NOT_APPLICABLE",
    "PERSON_CELLS",
]

INSTRUCTIONS_SHEET: Final = "Instructions"
ANSWER_SHEET: Final = "Answers"
#: The very hidden sheet holding the identity JSON (A1) and its checksum (A2).
IDENTITY_SHEET: Final = "Identity"

NOT_APPLICABLE: Final = "N/A"
DONT_KNOW: Final = "Don't know"
#: What the answer dropdown offers, in order.
ANSWER_CHOICES: Final = ("0", "1", "2", "3", "4", NOT_APPLICABLE, DONT_KNOW)

#: The identity block of the answer sheet: label in column A, value in column B.
PERSON_CELLS: Final = {"name": "B4", "role": "B5", "team": "B6"}
HEADER_ROW: Final = 8
# Columns of the answer table: A capability, B lens, C question, D-H anchors 0-4, I answer, J comment, K key.
ANSWER_COL: Final = 9
COMMENT_COL: Final = 10
KEY_COL: Final = 11

#: The most characters a comment may have (a longer one is refused, not cut, so nothing is lost silently).
COMMENT_MAX: Final = 5_000
#: The answer sheet of any questionnaire stays within these (a larger sheet is refused before it is read whole).
MAX_ROWS: Final = 2_000
MAX_COLS: Final = 26
