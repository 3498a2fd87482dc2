"""The model library: the bundled capability models plus the consultant's own, in the model folder.

The model folder is :func:`planner.appdirs.model_dir` (``PLANNER_MODEL_DIR`` overrides it). Every
``*.json`` file in it is listed; one that cannot be read or is not a valid model is listed with
its problem and is never used, and never stops anything else.

Decisions where the design is silent:

- A model is asked for by id (``finops-2026``), by id and version (``finops-2026@3``) or by file.
  An id alone means its highest version; on a tie the bundled model wins (the consultant's copy of
  it is then only reachable through its file).
- A model saved into the folder always gets a new version: one above every version of that id in
  the library, bundled or own, so a bundled model is never shadowed silently and no file is ever
  overwritten. The file is named ``<id>-v<version>.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planner.appdirs import model_dir
from planner.model.capmodel import CapabilityModel
from planner.model.limits import DEFAULT_MODEL
from planner.model.modelload import ModelError, model_from_document
from planner.resources import resources_root
from planner.storage.atomic import describe_os_error, write_atomic
from planner.storage.errors import ProjectFileError
from planner.storage.jsonio import dumps_bytes
from planner.storage.models import load_model_file

__all__ = [
    "BUNDLED",
    "OWN",
    "LibraryEntry",
    "import_base",
    "ModelNotFound",
    "model_library",
    "resolve_model",
    "save_own_model",
]

BUNDLED, OWN = "bundled", "own"
#: The most files of the model folder the library reads (a folder of thousands is not a library).
_FOLDER_FILES_MAX = 500
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


class ModelNotFound(LookupError):
    """No usable model matches what was asked for; the message lists what there is."""


@dataclass(frozen=True, slots=True)
class LibraryEntry:
    """One model file of the library; ``problem`` is set (and ``model`` ``None``) when it is broken."""

    path: Path
    source: str
    model: CapabilityModel | None = None
    problem: str = ""

    @property
    def id(self) -> str:
        """The model's id (empty for a broken file)."""
        return self.model.id if self.model else ""

    @property
    def name(self) -> str:
        """The model's name (the file name for a broken file)."""
        return self.model.name if self.model else self.path.name

    @property
    def version(self) -> int:
        """The model's version (its ``revision``; 0 for a broken file)."""
        return self.model.revision if self.model else 0

    @property
    def capability_count(self) -> int:
        """How many capabilities the model has."""
        return len(self.model.capabilities) if self.model else 0

    @property
    def label(self) -> str:
        """``Name (id, version N, own)``: how lists and questions show the model."""
        return f"{self.name} ({self.id}, version {self.version}, {self.source})"


def _entry(path: Path, source: str) -> LibraryEntry:
    try:
        return LibraryEntry(path, source, load_model_file(path))
    except ProjectFileError as exc:
        problem = exc.problems[0] if exc.problems else exc.reason
        if len(exc.problems) > 1:
            problem += f" (and {len(exc.problems) - 1} more problems)"
        return LibraryEntry(path, source, problem=problem)


def _folder_files(folder: Path) -> list[Path]:
    try:
        found = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".json" and not p.name.startswith("."))
    except OSError:
        return []
    return found[:_FOLDER_FILES_MAX]


def model_library(folder: Path | None = None) -> list[LibraryEntry]:
    """List the bundled models (the default first) and then the model folder's, by id and version."""
    bundled = [_entry(p, BUNDLED) for p in sorted((resources_root() / "models").glob("*.json"))]
    bundled.sort(key=lambda e: (e.id != DEFAULT_MODEL, e.id))
    own_folder = folder if folder is not None else model_dir(create=False)
    own = [_entry(p, OWN) for p in _folder_files(own_folder)] if own_folder.is_dir() else []
    own.sort(key=lambda e: (e.model is None, e.id, e.version, e.path.name))
    return bundled + own


def _looks_like_file(spec: str) -> bool:
    return spec.lower().endswith(".json") or "/" in spec or "\\" in spec


def resolve_model(spec: str, folder: Path | None = None) -> CapabilityModel:
    """Return the model ``spec`` names: a model file, ``ID`` (its newest version) or ``ID@VERSION``.

    Raises:
        ModelNotFound: nothing usable matches (the message lists the ids there are).
        ProjectFileError: ``spec`` is a file that is no valid model.
    """
    if _looks_like_file(spec) or Path(spec).is_file():
        return load_model_file(Path(spec))
    model_id, _, version = spec.partition("@")
    usable = [e for e in model_library(folder) if e.model is not None]
    matching = [e for e in usable if e.id == model_id and (not version or str(e.version) == version)]
    if not matching:
        known = ", ".join(sorted({e.id for e in usable})) or "none"
        what = f"{model_id!r} version {version}" if version else repr(model_id)
        raise ModelNotFound(f"no model {what} (available: {known}; see 'planner models')")
    best = max(matching, key=lambda e: (e.version, e.source == BUNDLED))
    assert best.model is not None  # noqa: S101 - filtered above
    return best.model


def next_version(model_id: str, folder: Path | None = None) -> int:
    """Return the version a new model of that id gets: one above every version in the library (1 if none)."""
    versions = [e.version for e in model_library(folder) if e.id == model_id]
    return max(versions, default=0) + 1


def save_own_model(document: dict[str, Any], folder: Path | None = None) -> tuple[Path, CapabilityModel]:
    """Validate ``document``, give it the next version of its id and save it into the model folder.

    Returns the new file and the model as saved. ``document`` itself is not changed.

    Raises:
        ModelError: the document is no valid model.
        ProjectFileError: the folder cannot be written (the message says why).
    """
    model = model_from_document(document)
    target_folder = folder if folder is not None else model_dir(create=True)
    version = next_version(model.id, target_folder)
    saved = dict(document)
    saved["revision"] = version
    safe_id = _UNSAFE_NAME.sub("-", model.id).strip(".-") or "model"
    path = target_folder / f"{safe_id}-v{version}.json"
    while path.exists():  # a file of another name claims the same id and version: never overwrite
        version += 1
        saved["revision"] = version
        path = target_folder / f"{safe_id}-v{version}.json"
    try:
        model = model_from_document(saved)
        target_folder.mkdir(parents=True, exist_ok=True)
        write_atomic(path, dumps_bytes(saved))
    except ModelError:
        raise
    except OSError as exc:
        raise ProjectFileError(path, f"the model cannot be saved: {describe_os_error(exc)}") from None
    return path, model


def import_base(
    model: CapabilityModel, origin: tuple[str, int] | None = None, entries: list[LibraryEntry] | None = None
) -> LibraryEntry | None:
    """Return the library model an imported ``model`` is compared with (``None``: a new model).

    The same id and version; else the newest version of the same id (the consultant's previous
    import of it); else the model the workbook was exported from (``origin``: a workbook knows it,
    so a firm's copy saved under its own id is still compared with the model it started from).
    """
    usable = [e for e in (entries if entries is not None else model_library()) if e.model is not None]
    same = sorted((e for e in usable if e.id == model.id), key=lambda e: e.version)
    exact = [e for e in same if e.version == model.revision]
    if exact or same:
        return (exact or same)[-1]
    if origin is not None:
        return next((e for e in usable if (e.id, e.version) == origin), None)
    return None
