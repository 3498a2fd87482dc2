"""The one error type the exporters raise."""

from __future__ import annotations

from pathlib import Path

__all__ = ["ExportError"]


class ExportError(Exception):
    """An export could not be written; the message names the file and the problem, fit for a user.

    Nothing on disk changed: a previous export at that path is intact.
    """

    def __init__(self, path: str | Path, message: str) -> None:
        self.path = Path(path)
        self.reason = message
        super().__init__(f"{self.path.name}: {message}")
