"""The one error type that loading or saving a project file raises."""

from __future__ import annotations

from pathlib import Path

__all__ = ["ProjectFileError"]


class ProjectFileError(Exception):
    """A project (or model) file cannot be read or written.

    The message names the file and the problem, and the field path when there is one, in words
    fit to show a user as they are: ``"acme.roadmap: assessment.capabilities.allocation.lenses.
    process: must be from 0 to 4, not 7"``. ``problems`` holds every problem when validation found
    several.
    """

    def __init__(self, path: str | Path, message: str, problems: list[str] | None = None) -> None:
        self.path = Path(path)
        self.reason = message
        self.problems = problems if problems is not None else [message]
        super().__init__(f"{self.path.name}: {message}")
