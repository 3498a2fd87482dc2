"""A lock file beside an open project, so that the same file is never edited twice at once.

While a project is open, ``.<name>.lock`` sits next to it (``acme.roadmap`` -> ``.acme.roadmap.lock``):
a small JSON record of who holds it (user, host, process id, app version, time taken). It is created
with ``O_CREAT | O_EXCL``, so of two windows, two instances or two people on a shared folder exactly
one gets it; the other learns who holds it (:class:`ProjectLockedError`) and can open read-only, open
a copy, or, when the consultant says so, take the lock over (``force=True``).

Stale locks are taken over without asking, because they belong to nobody:

- same host, and the process that took the lock is no longer running (the app crashed or was
  killed); a lock we cannot even parse is treated the same way once it is a few seconds old;
- another host, and the lock is older than :data:`STALE_AFTER` (12 hours). A process on another
  computer cannot be checked, so age is the only evidence; an open app refreshes its lock on every
  save (:meth:`ProjectLock.refresh`), so a lock that old means that computer stopped without closing
  the file.

Taking over a crashed process's lock also removes that process's half-written temporary files
(:func:`remove_leftovers`). Deleting a temporary file under a live writer is harmless: that writer's
replace step fails and its save reports an error, while the project file stays complete.

The lock is advisory: it guards against this app, not against other programs. Decision: a lock file
that cannot be created (read-only folder, full disk) is reported as a :class:`ProjectFileError`; the
caller may then open the project without a lock and say so.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import getpass
import json
import os
import platform
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from planner import __version__
from planner.storage.atomic import describe_os_error
from planner.storage.errors import ProjectFileError

__all__ = [
    "LOCK_FORMAT",
    "STALE_AFTER",
    "LockInfo",
    "ProjectLock",
    "ProjectLockedError",
    "lock_path",
    "read_lock",
    "remove_leftovers",
]

LOCK_FORMAT = "finops-roadmap-planner-lock"
#: A lock taken on another computer counts as abandoned after this long without a refresh.
STALE_AFTER = dt.timedelta(hours=12)
#: A lock file that cannot be parsed may be one being written right now; after this it is stale.
_UNREADABLE_GRACE = dt.timedelta(seconds=10)
_TAKE_ATTEMPTS = 3


def lock_path(project: Path) -> Path:
    """Return the lock file of a project file (``.<name>.lock`` in the same folder)."""
    project = Path(project)
    return project.with_name(f".{project.name}.lock")


@dataclass(frozen=True, slots=True)
class LockInfo:
    """Who holds a lock: what the lock file says (``pid`` 0 and empty texts when unreadable)."""

    user: str
    host: str
    pid: int
    app_version: str
    time: dt.datetime
    readable: bool = True

    def describe(self) -> str:
        """Word the holder for a user, e.g. ``jane on LAPTOP-7 since 2026-11-29 09:12``."""
        if not self.readable:
            return "an unknown user (the lock file is damaged)"
        when = self.time.astimezone().strftime("%Y-%m-%d %H:%M")
        who = self.user or "an unknown user"
        return f"{who} on {self.host or 'an unknown computer'} since {when}"

    def is_ours(self) -> bool:
        """Return whether this process took the lock."""
        return self.readable and self.host == _host() and self.pid == os.getpid()

    def is_stale(self, *, now: dt.datetime | None = None) -> bool:
        """Return whether the holder is gone (see the module docstring for the rules)."""
        now = now or dt.datetime.now(dt.UTC)
        if not self.readable:
            return now - self.time > _UNREADABLE_GRACE
        if self.host == _host():
            return not _pid_alive(self.pid)
        return now - self.time > STALE_AFTER


class ProjectLockedError(ProjectFileError):
    """The project is open elsewhere; ``holder`` says by whom."""

    def __init__(self, path: Path, holder: LockInfo) -> None:
        self.holder = holder
        where = "in this application" if holder.is_ours() else f"by {holder.describe()}"
        super().__init__(
            path,
            f"it is already open {where}; close it there first",
        )


def _host() -> str:
    # platform.node() reads uname on POSIX: no socket call, so the app stays visibly offline.
    return platform.node()


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name (some containers, services)
        return ""


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only

    def _pid_alive(pid: int) -> bool:
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return bool(kernel32.GetLastError() == 5)  # ERROR_ACCESS_DENIED: it exists
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)

else:

    def _pid_alive(pid: int) -> bool:
        if pid <= 0:
            return False
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:  # it exists but belongs to someone else
            return True
        return True


def _parse(raw: bytes, mtime: float) -> LockInfo:
    try:
        doc = json.loads(raw.decode("utf-8"))
        if not isinstance(doc, dict) or doc.get("format") != LOCK_FORMAT:
            raise ValueError("not a lock file")
        when = dt.datetime.fromisoformat(str(doc["time"]))
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        pid = doc["pid"]
        if isinstance(pid, bool) or not isinstance(pid, int):
            raise ValueError("bad pid")
        return LockInfo(str(doc["user"]), str(doc["host"]), pid, str(doc["app_version"]), when)
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return LockInfo("", "", 0, "", dt.datetime.fromtimestamp(mtime, dt.UTC), readable=False)


def _read_raw(path: Path) -> tuple[bytes, LockInfo] | None:
    try:
        with path.open("rb") as handle:
            raw = handle.read(64 * 1024)
            mtime = os.fstat(handle.fileno()).st_mtime
    except FileNotFoundError:
        return None
    return raw, _parse(raw, mtime)


def read_lock(project: Path) -> LockInfo | None:
    """Return who holds a project's lock, or ``None`` when it is not locked.

    Raises:
        OSError: the lock file exists but cannot be read.
    """
    found = _read_raw(lock_path(project))
    return None if found is None else found[1]


_LEFTOVER = r"(?:bak\.)?[a-z0-9_]{8}\.tmp"


def remove_leftovers(project: Path, *, older_than: float = 60.0) -> list[Path]:
    """Delete temporary files that an interrupted save of ``project`` left in its folder.

    Only the atomic writer's own names are touched (``.<name>.XXXXXXXX.tmp`` and the backup's
    ``.<name>.bak.XXXXXXXX.tmp``), and only those last modified more than ``older_than`` seconds ago.

    Returns:
        The files removed.
    """
    project = Path(project)
    pattern = re.compile(re.escape(f".{project.name}.") + _LEFTOVER)
    removed: list[Path] = []
    limit = time.time() - older_than
    try:
        entries = list(os.scandir(project.parent if str(project.parent) else "."))
    except OSError:
        return removed
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime <= limit:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


class ProjectLock:
    """A held project lock; release it when the project is closed (or use it as a context manager)."""

    def __init__(self, project: Path, lock_file: Path, content: bytes, taken_over: LockInfo | None) -> None:
        self.project = project
        self.path = lock_file
        self._content = content
        #: The stale holder this lock replaced (the app should then offer crash recovery), if any.
        self.taken_over = taken_over
        self.leftovers_removed: list[Path] = []

    @classmethod
    def acquire(cls, project: Path, *, force: bool = False) -> ProjectLock:
        """Take the lock of ``project``, taking over a stale one.

        Args:
            project: the project file (it need not exist yet).
            force: take the lock even from a live holder (only after the user confirmed).

        Raises:
            ProjectLockedError: someone else holds it (``holder`` says who).
            ProjectFileError: the lock file cannot be created or read.
        """
        project = Path(project)
        path = lock_path(project)
        for _ in range(_TAKE_ATTEMPTS):
            content = _lock_content()
            try:
                _create_exclusive(path, content)
            except FileExistsError:
                pass
            except OSError as exc:
                raise ProjectFileError(project, f"the lock file cannot be created: {describe_os_error(exc)}") from None
            else:
                return cls(project, path, content, None)
            try:
                found = _read_raw(path)
            except OSError as exc:
                raise ProjectFileError(project, f"the lock file cannot be read: {describe_os_error(exc)}") from None
            if found is None:
                continue  # released meanwhile: try again
            raw, holder = found
            if not (force or holder.is_stale()):
                raise ProjectLockedError(project, holder)
            if _remove_if_unchanged(path, raw):
                lock = cls._take(project, path, holder)
                if lock is not None:
                    return lock
        raise ProjectFileError(project, "the lock file keeps changing; another window may be opening it")

    @classmethod
    def _take(cls, project: Path, path: Path, holder: LockInfo) -> ProjectLock | None:
        content = _lock_content()
        try:
            _create_exclusive(path, content)
        except FileExistsError:
            return None
        except OSError as exc:
            raise ProjectFileError(project, f"the lock file cannot be created: {describe_os_error(exc)}") from None
        lock = cls(project, path, content, holder)
        if holder.is_stale():
            lock.leftovers_removed = remove_leftovers(project, older_than=0)
        return lock

    @property
    def held(self) -> bool:
        """Return whether the lock file on disk is still the one this object wrote."""
        try:
            return self.path.read_bytes() == self._content
        except OSError:
            return False

    def refresh(self) -> None:
        """Rewrite the time in the lock (call on every save, so others do not think it abandoned).

        Does nothing when the lock is no longer ours (taken over meanwhile).
        """
        if not self.held:
            return
        content = _lock_content()
        tmp = self.path.with_name(self.path.name + f".{os.getpid()}.tmp")
        try:
            tmp.write_bytes(content)
            os.replace(tmp, self.path)
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink()
            return
        self._content = content

    def release(self) -> None:
        """Remove the lock file if it is still ours (calling it twice is harmless)."""
        if self.held:
            with contextlib.suppress(OSError):
                self.path.unlink()
        self._content = b""

    def __enter__(self) -> ProjectLock:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


def _lock_content() -> bytes:
    doc = {
        "format": LOCK_FORMAT,
        "user": _user(),
        "host": _host(),
        "pid": os.getpid(),
        "app_version": __version__,
        "time": dt.datetime.now(dt.UTC).isoformat(timespec="microseconds"),
    }
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _create_exclusive(path: Path, content: bytes) -> None:
    """Create ``path`` only if it does not exist, and write ``content`` into it."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, 0o644)
    try:
        written = os.write(fd, content)
        if written != len(content):
            raise OSError(errno.EIO, "short write", str(path))
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            path.unlink()
        raise
    os.close(fd)


def _remove_if_unchanged(path: Path, seen: bytes) -> bool:
    """Remove the lock file if it still holds ``seen``; return whether the slot is free now.

    The file is first moved aside under a unique name (atomic), then compared: if another process
    replaced it in between, it is put back and ``False`` is returned.
    """
    aside = path.with_name(f"{path.name}.{os.getpid()}.{time.monotonic_ns()}.stale")
    try:
        os.replace(path, aside)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    try:
        if aside.read_bytes() == seen:
            return True
        with contextlib.suppress(OSError):  # not the one we judged stale: give it back
            os.link(aside, path)
        if not path.exists():
            os.replace(aside, path)
        return False
    finally:
        with contextlib.suppress(OSError):
            aside.unlink()
