"""The one error type the exporters raise, and the atomic write both exporters end with."""

from __future__ import annotations

from pathlib import Path

from planner.storage.atomic import describe_os_error, special_kind, write_atomic

__all__ = ["ExportError", "write_export"]


class ExportError(Exception):
    """An export could not be written; the message names the file and the problem, fit for a user.

    Nothing on disk changed: a previous export at that path is intact.
    """

    def __init__(self, path: str | Path, message: str) -> None:
        self.path = Path(path)
        self.reason = message
        super().__init__(f"{self.path.name}: {message}")


def write_export(path: str | Path, data: bytes, what: str) -> None:
    """Write a finished export atomically, so a failure leaves any earlier file intact.

    A target that is a device, a FIFO or a socket is refused before anything is written (as root,
    replacing ``/dev/sda`` would otherwise replace the device node with a file).

    Raises:
        ExportError: "the <what> could not be written: <reason>" (nothing on disk changed).
    """
    kind = special_kind(Path(path))
    if kind not in (None, "a folder"):  # a folder: the writer says "a folder has that name"
        raise ExportError(path, f"the {what} was not written: that is {kind}, not a regular file")
    try:
        write_atomic(Path(path), data)
    except OSError as exc:
        raise ExportError(path, f"the {what} could not be written: {describe_os_error(exc)}") from None
