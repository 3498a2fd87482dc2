"""When the system ends the app: a termination signal, or the desktop session logging out.

Neither asks the user anything. On SIGTERM, SIGHUP or SIGINT (a shutdown, ``kill``, the terminal
closing, Ctrl+C) and when the desktop session ends (Qt's commit-data request), the window writes
a final autosave, keeps it for recovery, releases the project's lock and closes
(:meth:`~planner.ui.mainwindow.MainWindow.end_from_outside`).

Python runs a signal handler only when the interpreter gets control, which a Qt event loop does
not give it while idle. So the handler's only job is to exist: :func:`signal.set_wakeup_fd` writes
the signal number to a pipe, and a :class:`QSocketNotifier` on that pipe wakes the event loop.
Windows has no such signals; the commit-data request covers logging off there.
"""

from __future__ import annotations

import contextlib
import os
import signal
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtGui import QSessionManager
from PySide6.QtWidgets import QApplication

from planner.ui.mainwindow import MainWindow

__all__ = ["EndingWatcher"]

_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name))


def _ignore(_signum: int, _frame: FrameType | None) -> None:
    """The Python-level handler: the wakeup pipe does the work."""


class EndingWatcher(QObject):
    """Ends ``window`` cleanly when the system ends the app; :meth:`uninstall` restores the old handlers."""

    def __init__(self, app: QApplication, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._previous: dict[int, object] = {}
        self._old_fd: int | None = None
        self._pipe: tuple[int, int] | None = None
        self._notifier: QSocketNotifier | None = None
        app.commitDataRequest.connect(self._commit_data)
        if os.name == "posix":
            self._install_signals()

    def _install_signals(self) -> None:
        read_end, write_end = os.pipe()
        os.set_blocking(read_end, False)
        os.set_blocking(write_end, False)
        self._pipe = (read_end, write_end)
        self._old_fd = signal.set_wakeup_fd(write_end, warn_on_full_buffer=False)
        for signum in _SIGNALS:
            self._previous[signum] = signal.signal(signum, _ignore)
        self._notifier = QSocketNotifier(read_end, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._signalled)

    def _signalled(self) -> None:
        assert self._pipe is not None  # noqa: S101  # only connected with a pipe
        with contextlib.suppress(BlockingIOError):
            os.read(self._pipe[0], 64)
        self.window.end_from_outside()
        QApplication.quit()

    def _commit_data(self, _manager: QSessionManager) -> None:
        """The desktop session is ending: keep the work without asking (there may be no one to ask).

        Should the logout be cancelled after all, the app is gone but nothing is lost: the next
        start offers the autosave.
        """
        self.window.end_from_outside()

    def uninstall(self) -> None:
        """Put the previous signal handlers back and close the pipe."""
        if self._pipe is None:
            return
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]  # what signal.signal returned
        signal.set_wakeup_fd(self._old_fd if self._old_fd is not None else -1)
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        for fd in self._pipe:
            os.close(fd)
        self._pipe = None
