"""Autosave and crash-recovery files: where they live, how they are written, found and removed.

A running app writes its open project to ``<folder>/<token>.roadmap`` plus ``<token>.json`` (the
project's own file, the time, the process id), each atomically through
:func:`planner.storage.atomic.write_atomic`; the user's file is never touched. A clean save or an
orderly close removes them. Autosaves left by a process that is no longer running are offered for
recovery at the next start; the session that recovers one adopts its token, so a second crash
loses nothing either. When to write (a timer, "changed since the last autosave") is the app's
business; this module is Qt-free.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planner.model.project import Project
    from planner.storage.filestamp import FileStamp


__all__ = ["AutosaveSlot", "Recoverable", "find_recoverable"]


@dataclass(frozen=True, slots=True)
class Recoverable:
    """An autosave left behind by a session that ended without closing cleanly."""

    path: Path
    meta_path: Path
    source: Path | None
    saved_at: dt.datetime
    #: The source file as it was when last opened or saved in that session (``None``: unknown).
    source_stamp: FileStamp | None = None

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
    from planner.storage.filestamp import FileStamp  # the app starts without the file layer

    found = []
    for meta_path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        path = meta_path.with_suffix(".roadmap")
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            saved_at = dt.datetime.fromisoformat(meta["saved_at"])
            pid = int(meta.get("pid", 0))
            source = Path(meta["source"]) if meta.get("source") else None
            raw_stamp = meta.get("source_stamp")
            stamp = None if raw_stamp is None else FileStamp(**raw_stamp)
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if path.is_file() and not _pid_running(pid):
            found.append(Recoverable(path, meta_path, source, saved_at, stamp))
    found.sort(key=lambda r: r.saved_at, reverse=True)
    return found


class AutosaveSlot:
    """This process's autosave files in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._token = f"{os.getpid()}-{os.urandom(4).hex()}"

    @property
    def path(self) -> Path:
        """The autosaved project."""
        return self.folder / f"{self._token}.roadmap"

    @property
    def meta_path(self) -> Path:
        """What the autosave belongs to, and when it was written."""
        return self.folder / f"{self._token}.json"

    def write(self, project: Project, source: Path | None, stamp: FileStamp | None = None) -> None:
        """Write the project and its description atomically.

        Raises:
            OSError: the folder or a file cannot be written (nothing earlier is lost).
            ValueError: the project holds text JSON cannot carry.
        """
        from planner.storage.atomic import write_atomic  # the app starts without the file layer
        from planner.storage.projectfile import project_bytes

        data = project_bytes(project)
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(self.path, data)
        self.write_meta(source, stamp)

    def write_meta(self, source: Path | None, stamp: FileStamp | None = None) -> None:
        """Write the description: the project's own file and its stamp, the time, this process's id.

        Raises:
            OSError: it cannot be written.
        """
        meta = {
            "source": str(source) if source is not None else None,
            "saved_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "pid": os.getpid(),
            "source_stamp": None if stamp is None else dataclasses.asdict(stamp),
        }
        from planner.storage.atomic import write_atomic

        write_atomic(self.meta_path, json.dumps(meta, indent=2).encode("utf-8"))

    def adopt(self, recovered: Recoverable) -> None:
        """Take over a recovered autosave's files as this process's own."""
        self._token = recovered.path.stem

    def discard(self) -> None:
        """Remove this process's autosave files."""
        for path in (self.path, self.meta_path):
            with contextlib.suppress(OSError):
                path.unlink()
