"""Every range and size limit of a project, in one place.

The loader validates files against these numbers, edits refuse values outside them
(:mod:`planner.model.edits`), and the widgets set their spin-box ranges and text lengths from
them, so what the app lets a consultant type is exactly what it can save and open again.

Decisions where the design is silent: a short text (client, title, consultant, firm, a scope,
an owner) holds at most 500 characters, an initiative title 1,000, a long text (summary, notes,
evidence, descriptions) 1,000,000; months run from 0 to 600 (fifty years) and durations from 1 to
120 months. Importing this module costs nothing: it holds constants only.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "CAPACITY_RANGE",
    "DEFAULT_CAPACITY",
    "DEFAULT_IMPORTANCE",
    "DEFAULT_MODEL",
    "DEFAULT_OWNER_CAPACITY",
    "DEFAULT_WEIGHT",
    "DURATION_RANGE",
    "FILE_BYTES_MAX",
    "IMPORTANCE_RANGE",
    "INT_DIGITS_MAX",
    "JSON_DEPTH_MAX",
    "LENS_SCORES",
    "LENS_SCORE_MAX",
    "LONG_TEXT_MAX",
    "MODEL_TEXT_MAX",
    "NAME_MAX",
    "OWNER_CAPACITY_RANGE",
    "MONTH_MAX",
    "PROJECT_SUFFIX",
    "SHORT_TEXT_MAX",
    "TITLE_MAX",
    "WEIGHT_RANGE",
]

#: The suffix of a project file.
PROJECT_SUFFIX: Final = ".roadmap"
#: The bundled model a new project uses unless told otherwise.
DEFAULT_MODEL: Final = "finops-2026"

#: The highest score of a lens; scores run 0..LENS_SCORE_MAX.
LENS_SCORE_MAX: Final = 4
#: How many scores (and anchor statements) a lens has.
LENS_SCORES: Final = LENS_SCORE_MAX + 1

#: A capability's importance to the client, lowest and highest.
IMPORTANCE_RANGE: Final = (1, 5)
DEFAULT_IMPORTANCE: Final = 3

#: A lens weight, lowest and highest (at least one lens must weigh more than 0).
WEIGHT_RANGE: Final = (0.0, 10.0)
DEFAULT_WEIGHT: Final = 1.0

#: How many initiatives may run at once, lowest and highest.
CAPACITY_RANGE: Final = (1, 50)
DEFAULT_CAPACITY: Final = 4

#: How many initiatives one owner (persona) may run at once, lowest and highest.
OWNER_CAPACITY_RANGE: Final = (1, 50)
DEFAULT_OWNER_CAPACITY: Final = 2

#: The last month a plan may use (months count from 0 in files).
MONTH_MAX: Final = 600
#: An initiative's duration in months, shortest and longest.
DURATION_RANGE: Final = (1, 120)

#: An id, or a phase's name.
NAME_MAX: Final = 200
#: Client, title, consultant, firm, a scope, an initiative's owner.
SHORT_TEXT_MAX: Final = 500
#: An initiative's title.
TITLE_MAX: Final = 1_000
#: Executive summary, notes, internal notes, one piece of evidence, a description.
#: A million characters (about 150,000 words, a whole workshop transcript): release 1's 200,000
#: was a limit consultants met. The file size limit still caps a project's texts in total, and a
#: save past it is refused with a message (nothing is lost).
LONG_TEXT_MAX: Final = 1_000_000
#: Any single text of a capability model.
MODEL_TEXT_MAX: Final = 20_000

#: The largest project or model file the app reads.
FILE_BYTES_MAX: Final = 20 * 1024 * 1024
#: How deeply a JSON document may nest.
JSON_DEPTH_MAX: Final = 64
#: The most digits a JSON integer may have.
INT_DIGITS_MAX: Final = 18
