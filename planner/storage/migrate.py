"""Upgrade project documents written by older releases, one function per schema step.

``STEPS[n]`` turns a version-``n`` document into a version-``n + 1`` document, in memory. Version 1
is the first published format, so there is no step yet; the first change to the format adds
``STEPS[1]`` and a golden ``tests/data/project-v1.roadmap`` keeps proving that old files open.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["CURRENT_SCHEMA", "STEPS", "MigrationError", "migrate"]

CURRENT_SCHEMA = 1

Step = Callable[[dict[str, Any]], dict[str, Any]]
STEPS: dict[int, Step] = {}


class MigrationError(ValueError):
    """A document's version cannot be upgraded (too new, or no path from it)."""


def migrate(
    document: dict[str, Any], version: int, *, steps: Mapping[int, Step] | None = None, current: int = CURRENT_SCHEMA
) -> dict[str, Any]:
    """Upgrade ``document`` from ``version`` to ``current``, returning the upgraded document.

    Raises:
        MigrationError: the version is newer than ``current`` or has no upgrade path.
    """
    table = STEPS if steps is None else steps
    if version > current:
        raise MigrationError(
            f"it was saved by a newer version of the planner (file format version {version}; "
            f"this version reads up to {current}); please update the application"
        )
    while version < current:
        step = table.get(version)
        if step is None:
            raise MigrationError(f"file format version {version} is not supported")
        document = step(document)
        version += 1
        document["schema_version"] = version
    return document
