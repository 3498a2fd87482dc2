"""Autosave every minute (only when modified) and crash recovery.

The autosave goes to ``<data dir>/autosave/`` as ``<token>.roadmap`` plus ``<token>.json`` (the
project's own file, the time, the process id), written atomically through
:func:`planner.storage.atomic.write_atomic`; it never touches the user's file. A clean save or an
orderly close removes it. At the next start, autosaves left by a process that is no longer
running are offered for recovery with their time; a recovered project opens as unsaved, and its
autosave is adopted by the new session so a second crash loses nothing either.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from planner.ui.document import Document

__all__ = ["AUTOSAVE_INTERVAL_MS", "Autosaver", "Recoverable", "find_recoverable"]

log = logging.getLogger("planner.ui.autosave")
AUTOSAVE_INTERVAL_MS = 60_000


@dataclass(frozen=True, slots=True)
class Recoverable:
    """An autosave left behind by a session that ended without closing cleanly."""

    path: Path
    meta_path: Path
    source: Path | None
    saved_at: dt.datetime

    @property
    def label(self) -> str:
        """How to name it to the user: the file it belongs to, or "an untitled project"."""
        return self.source.name if self.source is not None else "an untitled project"

    def discard(self) -> None:
        """Delete the autosave."""
        for path in (self.path, self.meta_path):
            with contextlib.suppress(OSError):
                path.unlink()


def _pid_running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return False  # cannot tell cheaply; offer it (recovering never overwrites anything)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def find_recoverable(folder: Path) -> list[Recoverable]:
    """Return the autosaves of sessions that are no longer running, newest first."""
    import json

    found = []
    for meta_path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        path = meta_path.with_suffix(".roadmap")
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            saved_at = dt.datetime.fromisoformat(meta["saved_at"])
            pid = int(meta.get("pid", 0))
            source = Path(meta["source"]) if meta.get("source") else None
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if path.is_file() and not _pid_running(pid):
            found.append(Recoverable(path, meta_path, source, saved_at))
    found.sort(key=lambda r: r.saved_at, reverse=True)
    return found


class Autosaver(QObject):
    """Writes the watched document to the autosave folder when it has unsaved changes."""

    def __init__(self, folder: Path, interval_ms: int = AUTOSAVE_INTERVAL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.doc: Document | None = None
        self._token = f"{os.getpid()}-{os.urandom(4).hex()}"
        self._saved_index: int | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()

    @property
    def path(self) -> Path:
        """This session's autosave file."""
        return self.folder / f"{self._token}.roadmap"

    @property
    def meta_path(self) -> Path:
        """This session's autosave description."""
        return self.folder / f"{self._token}.json"

    def watch(self, doc: Document | None) -> None:
        """Autosave ``doc`` from now on (the previous document's autosave is removed)."""
        if self.doc is not None:
            self.doc.file_changed.disconnect(self._file_changed)
        self.discard()
        self.doc = doc
        self._saved_index = None
        if doc is not None:
            doc.file_changed.connect(self._file_changed)

    def adopt(self, recovered: Recoverable) -> None:
        """Take over a recovered autosave as this session's own (after :meth:`watch`)."""
        self._token = recovered.path.stem
        self._write_meta()

    def _file_changed(self) -> None:
        if self.doc is not None and not self.doc.modified:
            self.discard()  # saved cleanly, or undone back to the saved state

    def save_now(self) -> bool:
        """Write the autosave if the document changed since the last one; return whether it wrote."""
        from planner.storage.atomic import write_atomic
        from planner.storage.projectfile import project_bytes

        doc = self.doc
        if doc is None or not doc.modified or (self._saved_index == doc.stack.index() and self.path.exists()):
            return False
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_atomic(self.path, project_bytes(doc.project))
            self._write_meta()
        except (OSError, ValueError) as exc:
            log.warning("autosave failed: %s", type(exc).__name__)
            return False
        self._saved_index = doc.stack.index()
        return True

    def _write_meta(self) -> None:
        import json

        from planner.storage.atomic import write_atomic

        source = self.doc.path if self.doc is not None else None
        meta = {
            "source": str(source) if source is not None else None,
            "saved_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "pid": os.getpid(),
        }
        write_atomic(self.meta_path, json.dumps(meta, indent=2).encode("utf-8"))

    def discard(self) -> None:
        """Remove this session's autosave."""
        self._saved_index = None
        for path in (self.path, self.meta_path):
            with contextlib.suppress(OSError):
                path.unlink()
