"""Unexpected errors: save the work first, log what happened, tell the user plainly.

The hook writes the autosave before anything else, logs the exception type and stack (never the
exception's message, which may quote client text) and shows a dialog naming where the log is.
In the smoke test there is nobody to read a dialog: the error is printed and the run fails.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

if TYPE_CHECKING:
    from planner.ui.autosave import Autosaver

__all__ = ["ErrorHandler", "error_places", "show_refusal"]

log = logging.getLogger("planner.ui.errors")


def error_places(tb: TracebackType | None) -> str:
    """Return where an exception passed: ``file:line in function`` a line; no message, source or values."""
    return "\n".join(f"  {Path(f.filename).name}:{f.lineno} in {f.name}" for f in traceback.extract_tb(tb))


def show_refusal(parent: QWidget, message: str) -> None:
    """Tell the user an edit was refused (an :class:`~planner.model.edits.EditRefused` message)."""
    QMessageBox.warning(parent, "Not changed", message)


class ErrorHandler:
    """A ``sys.excepthook`` for the running app."""

    def __init__(self, autosaver: Autosaver, parent: Callable[[], QWidget | None], *, interactive: bool = True) -> None:
        self.autosaver = autosaver
        self.parent = parent
        self.interactive = interactive
        self.count = 0
        self._previous = sys.excepthook
        self._busy = False

    def install(self) -> None:
        """Become ``sys.excepthook``."""
        sys.excepthook = self

    def uninstall(self) -> None:
        """Restore the previous hook."""
        if sys.excepthook is self:
            sys.excepthook = self._previous

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        self.count += 1
        if self._busy:  # an error while reporting an error: do not loop
            return
        self._busy = True
        from planner.logsetup import log_path  # here, not at start-up: the hook rarely runs

        try:
            saved = self.autosaver.save_now()
            # file, line and function only: no message, no source text, no local values
            log.error("unexpected error %s.%s\n%s", exc_type.__module__, exc_type.__qualname__, error_places(tb))
            message = (
                "Something went wrong inside the application "
                f"({exc_type.__name__}). "
                + ("Your unsaved work was autosaved first. " if saved else "")
                + "Please save your project under a new name to be safe.\n\n"
                f"Details are in the log: {log_path()}"
            )
            if self.interactive and QApplication.instance() is not None:
                QMessageBox.critical(self.parent(), "Unexpected error", message)
            else:
                print(f"planner: {message}", file=sys.stderr)
        finally:
            self._busy = False
