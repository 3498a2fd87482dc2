"""Open, check and save ``.roadmap`` project files.

Opening reads at most :data:`~planner.model.limits.FILE_BYTES_MAX`, decodes strict JSON,
checks the format marker and version, migrates older versions, then validates every field.
Any failure is one :class:`ProjectFileError` naming the file, the problem and the field path.
Saving serialises the whole project in memory first and then replaces the file atomically,
keeping the previous version as ``<name>.bak``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planner.model.project import Project
from planner.storage.atomic import describe_os_error, write_atomic
from planner.storage.errors import ProjectFileError
from planner.storage.jsonio import JsonRefused, dumps_bytes, loads_bytes, read_limited
from planner.storage.migrate import MigrationError, migrate
from planner.storage.projectdoc import (
    FORMAT,
    DocumentInvalid,
    document_problems,
    project_from_document,
    project_to_document,
)

__all__ = ["check_project_file", "load_project", "project_bytes", "read_document", "save_project"]


def read_document(path: Path) -> dict[str, Any]:
    """Read a project file's JSON, check its marker and version and migrate it to the current one.

    Raises:
        ProjectFileError: the file cannot be read, is not a project file, or is too new.
    """
    path = Path(path)
    try:
        data = read_limited(path)
    except IsADirectoryError:
        raise ProjectFileError(path, "it is a folder, not a project file") from None
    except FileNotFoundError:
        raise ProjectFileError(path, "the file does not exist") from None
    except JsonRefused as exc:
        raise ProjectFileError(path, str(exc)) from None
    except OSError as exc:
        raise ProjectFileError(path, f"it cannot be read ({exc.strerror or exc})") from None
    try:
        document = loads_bytes(data)
    except JsonRefused as exc:
        raise ProjectFileError(path, f"not a valid project file: {exc}") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ProjectFileError(path, "not a FinOps Roadmap Planner project file (the format marker is missing)")
    version = document.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ProjectFileError(path, f"schema_version: must be a whole number of at least 1, not {version!r}")
    try:
        return migrate(document, version)
    except MigrationError as exc:
        raise ProjectFileError(path, str(exc)) from None


def load_project(path: Path) -> Project:
    """Open a project file.

    Raises:
        ProjectFileError: with the first problem (and how many more there are).
    """
    document = read_document(path)
    try:
        return project_from_document(document)
    except DocumentInvalid as exc:
        problems = [str(p) for p in exc.problems]
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise ProjectFileError(path, problems[0] + more, problems) from None


def check_project_file(path: Path) -> list[str]:
    """Return every problem of a project file as ``file: field: problem`` lines (empty if valid)."""
    try:
        document = read_document(path)
    except ProjectFileError as exc:
        return [str(exc)]
    return [f"{Path(path).name}: {p}" for p in document_problems(document)]


def project_bytes(project: Project) -> bytes:
    """Serialise a project to the bytes of its file.

    Raises:
        ValueError: the project holds something JSON cannot carry (an invalid character).
    """
    return dumps_bytes(project_to_document(project))


def save_project(project: Project, path: Path, *, keep_backup: bool = True) -> None:
    """Save a project atomically; the previous file is kept as ``<name>.bak``.

    Raises:
        ProjectFileError: nothing on disk was changed.
    """
    path = Path(path)
    try:
        data = project_bytes(project)
    except (ValueError, UnicodeError) as exc:
        raise ProjectFileError(
            path, f"the project could not be saved: it holds invalid text ({_bad_text(exc)})"
        ) from None
    refusal = _unloadable(data)
    if refusal is not None:
        raise ProjectFileError(
            path, f"the project was not saved because it could not be opened again: {refusal}. Fix that and save again"
        )
    try:
        write_atomic(path, data, keep_backup=keep_backup)
    except OSError as exc:
        raise ProjectFileError(path, f"could not save: {describe_os_error(exc)}") from None


def _unloadable(data: bytes) -> str | None:
    """Return why these bytes would be refused when opened (the loader's own checks), or ``None``.

    Saving runs the very checks opening runs, on the very bytes about to be written, so the app
    never writes a file it then refuses to open: a text or number past a limit, a plan past the
    last month, a file past the size limit.
    """
    try:
        problems = document_problems(loads_bytes(data))
    except JsonRefused as exc:
        return str(exc)
    if not problems:
        return None
    more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
    return f"{problems[0]}{more}"


def _bad_text(exc: Exception) -> str:
    """Name the offending character of an encoding error in words, not codec jargon."""
    if isinstance(exc, UnicodeError) and isinstance(getattr(exc, "object", None), str):
        bad = exc.object[exc.start : exc.start + 1]  # type: ignore[attr-defined]
        before = exc.object[max(0, exc.start - 30) : exc.start]  # type: ignore[attr-defined]
        before = before.rsplit('"', 1)[-1]  # the text typed, without the JSON around it
        return f"an unusable character U+{ord(bad):04X} after {before!r}; delete it and save again"
    return "an unusable character; delete it and save again"
