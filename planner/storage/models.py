"""The capability models shipped in ``resources/models/``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planner.model.capmodel import CapabilityModel
from planner.model.limits import DEFAULT_MODEL
from planner.model.modelload import ModelError, model_from_document
from planner.model.upgrade import upgrade_targets
from planner.resources import resources_root
from planner.storage.errors import ProjectFileError
from planner.storage.jsonio import JsonRefused, loads_bytes, read_limited

__all__ = [
    "DEFAULT_MODEL",
    "ModelInfo",
    "bundled_models",
    "bundled_upgrade_targets",
    "load_bundled_model",
    "load_model_file",
]


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """A bundled model's id, name and file."""

    id: str
    name: str
    path: Path


def load_model_file(path: Path) -> CapabilityModel:
    """Load and validate a model file.

    Raises:
        ProjectFileError: the file is unreadable or the model invalid (every problem listed).
    """
    try:
        document = loads_bytes(read_limited(path))
    except (OSError, JsonRefused) as exc:
        raise ProjectFileError(path, f"the model cannot be read: {exc}") from None
    try:
        return model_from_document(document)
    except ModelError as exc:
        raise ProjectFileError(path, str(exc), [str(p) for p in exc.problems]) from None


def bundled_models() -> list[ModelInfo]:
    """List the bundled models, default first."""
    infos = []
    for path in sorted((resources_root() / "models").glob("*.json")):
        model = load_model_file(path)
        infos.append(ModelInfo(model.id, model.name, path))
    infos.sort(key=lambda m: (m.id != DEFAULT_MODEL, m.id))
    return infos


def load_bundled_model(model_id: str = DEFAULT_MODEL) -> CapabilityModel:
    """Load a bundled model by id.

    Raises:
        KeyError: no bundled model has that id.
    """
    for path in sorted((resources_root() / "models").glob("*.json")):
        if path.stem == model_id:
            return load_model_file(path)
    known = ", ".join(m.id for m in bundled_models())
    raise KeyError(f"no bundled model {model_id!r} (available: {known})")


def bundled_upgrade_targets(model: CapabilityModel) -> list[CapabilityModel]:
    """The bundled models a project on ``model`` can be upgraded to, the default (newest) first."""
    found = [load_model_file(path) for path in sorted((resources_root() / "models").glob("*.json"))]
    return upgrade_targets(model, found)
