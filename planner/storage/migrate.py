"""Upgrade project documents written by older releases, one function per schema step.

``STEPS[n]`` turns a version-``n`` document into a version-``n + 1`` document, in memory; a golden
file per version in ``tests/data/`` keeps proving that old files open. The file on disk is not
touched: the first save writes the new version and keeps the old file as ``.bak``.

Version 2 (release 2) adds the engagement's start month, organisation size and participants, per
capability the reason it does not apply and each participant's votes, earlier assessment rounds,
and for the roadmap the owner capacity, scope, horizons, dismissed library keys, what it was
generated from, and per initiative a pinned start and the date it was done. All of them are
optional when reading, so the step from version 1 only renames what changed meaning (the statuses
``in-progress`` and ``on-hold`` are ``in_progress`` and ``deferred``) and writes down what release 1
assumed where release 2's defaults differ: a capacity of 3 when the file gives none, and no limit
per owner (an owner capacity equal to the capacity), so that re-planning an edited version-1
roadmap does not suddenly queue one owner's work. A version-1 roadmap keeps every initiative,
month and dependency until the consultant regenerates it; it has no ``generated_from`` (it was
drafted under release 1's rules).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["CURRENT_SCHEMA", "STEPS", "MigrationError", "migrate"]

CURRENT_SCHEMA = 2

Step = Callable[[dict[str, Any]], dict[str, Any]]

_STATUS_V2 = {"in-progress": "in_progress", "on-hold": "deferred"}


#: Release 1's capacity when a file gave none.
_V1_CAPACITY = 3


def _v1_to_v2(document: dict[str, Any]) -> dict[str, Any]:
    """Rename the two statuses whose spelling changed and keep release 1's capacities."""
    roadmap = document.get("roadmap")
    if isinstance(roadmap, dict):
        capacity = roadmap.setdefault("capacity", _V1_CAPACITY)
        if isinstance(capacity, int) and not isinstance(capacity, bool) and capacity >= 1:
            roadmap.setdefault("owner_capacity", capacity)  # a bad capacity is reported once, as itself
    items = roadmap.get("initiatives") if isinstance(roadmap, dict) else None
    for item in items if isinstance(items, list) else []:
        status = item.get("status") if isinstance(item, dict) else None
        if isinstance(status, str) and status in _STATUS_V2:
            item["status"] = _STATUS_V2[status]
    return document


STEPS: dict[int, Step] = {1: _v1_to_v2}


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
