"""Write a whole file atomically: the target is always the complete old or the complete new file.

Used for project files, autosaves and every export. The bytes are fully built in memory by the
caller first; then: a temporary file in the target's folder, write, flush, fsync, copy the old
file's permissions, keep the old file as ``<name>.bak`` when asked, ``os.replace``, fsync the
folder. On any failure the temporary file is removed and the old file is untouched.

A new file gets the permissions any program would give it (0666 less the user's umask, so
colleagues on a shared folder can read it as usual); an existing file keeps its permissions.

Decisions:

- The temporary file is ``.<name>.XXXXXXXX.tmp`` (what :func:`planner.storage.lock.remove_leftovers`
  cleans up after a crash) when that fits the file system's longest name; for a long but legal
  name it is a short ``.planner-XXXXXXXX.tmp`` instead, so any name the file system accepts can be
  saved and "too long" always means the name itself.
- Each refusal says what is really wrong, through its own error type that
  :func:`describe_os_error` words: a folder the user cannot write to (the temporary file cannot be
  created there), a read-only file, a read-only disk, a device, pipe or folder where the file
  should be, a name too long to keep its ``.bak`` beside it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from pathlib import Path

__all__ = [
    "BackupNameTooLongError",
    "FolderNotWritableError",
    "NotAFileError",
    "ReadOnlyFileError",
    "backup_path",
    "describe_os_error",
    "folder_writable",
    "special_kind",
    "write_atomic",
]

#: The longest file name (in bytes) where the file system does not say.
_NAME_MAX_DEFAULT = 255
#: What ``mkstemp`` adds to the prefix: eight random characters and the suffix.
_RANDOM_AND_SUFFIX = 8 + len(".tmp")


class FolderNotWritableError(PermissionError):
    """The folder refuses new files, so no temporary file (and no new file) can be made there."""


class ReadOnlyFileError(PermissionError):
    """The file itself is marked read-only."""


class NotAFileError(OSError):
    """Something other than a regular file (a device, a named pipe, a socket) has that name."""


class BackupNameTooLongError(OSError):
    """The name is legal, but ``<name>.bak`` would be longer than the file system allows."""


def backup_path(path: Path) -> Path:
    """Return where the previous version of ``path`` is kept (``<name>.bak`` beside it)."""
    return path.with_name(path.name + ".bak")


def special_kind(path: Path) -> str | None:
    """Name what ``path`` is when it is not a regular file (``"a folder"``, ``"a named pipe"``...).

    Returns ``None`` for a regular file and when nothing can be found there. It only looks (no
    open): a named pipe would block whoever opens it.
    """
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"


def folder_writable(folder: Path) -> bool:
    """Whether new files can be made in ``folder`` (its disk writable, and the user allowed to).

    A question to the system, not a proof: a network share may still refuse. Root passes the
    permission check, but not a read-only disk.
    """
    return os.access(folder, os.W_OK | os.X_OK) and not _read_only_disk(folder)


def _read_only_disk(folder: Path) -> bool:
    if not hasattr(os, "statvfs"):
        return False
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _name_max(folder: Path) -> int:
    try:
        return int(os.pathconf(folder, "PC_NAME_MAX"))
    except (AttributeError, OSError, ValueError):
        return _NAME_MAX_DEFAULT


def _temp_prefix(folder: Path, name: str) -> str:
    """The temporary file's prefix: ``.<name>.`` when the whole name fits, else a short fixed one."""
    prefix = f".{name}."
    if len(os.fsencode(prefix)) + _RANDOM_AND_SUFFIX <= _name_max(folder):
        return prefix
    return ".planner-"


def _make_temp(folder: Path, name: str) -> tuple[int, str]:
    """Create the temporary file in ``folder``; a folder the user cannot write to says so."""
    try:
        return tempfile.mkstemp(dir=folder, prefix=_temp_prefix(folder, name), suffix=".tmp")
    except PermissionError as exc:
        if _read_only_disk(folder):
            raise OSError(errno.EROFS, "the disk is read-only", str(folder)) from None
        raise FolderNotWritableError(exc.errno or errno.EACCES, "you cannot write to the folder", str(folder)) from None


def write_atomic(path: Path, data: bytes, *, keep_backup: bool = False) -> None:
    """Replace ``path`` with ``data`` atomically.

    Args:
        path: the target file.
        data: the complete new content.
        keep_backup: keep the current file (if any) as ``<name>.bak`` first.

    Raises:
        OSError: nothing was changed; :func:`describe_os_error` words it for the user.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise FileNotFoundError(errno.ENOENT, "the folder does not exist", str(folder))
    kind = special_kind(path)
    if kind == "a folder":
        raise IsADirectoryError(errno.EISDIR, "a folder has that name", str(path))
    if kind is not None:
        # os.replace would swap a device or a pipe for a plain file; never write over one.
        raise NotAFileError(errno.EINVAL, f"it is {kind}, not a file", str(path))
    if path.exists() and not os.access(path, os.W_OK):
        if _read_only_disk(folder):
            raise OSError(errno.EROFS, "the disk is read-only", str(path))
        # os.replace would silently overwrite a read-only file on POSIX; respect the flag.
        raise ReadOnlyFileError(errno.EACCES, "the file is read-only", str(path))
    if keep_backup and path.exists() and len(os.fsencode(backup_path(path).name)) > _name_max(folder):
        raise BackupNameTooLongError(errno.ENAMETOOLONG, "no room for the .bak name", str(path))
    fd, tmp_name = _make_temp(folder, path.name)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            written = handle.write(data)
            if written != len(data):
                raise OSError(errno.EIO, f"short write ({written} of {len(data)} bytes)", str(path))
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            shutil.copymode(path, tmp)
            if keep_backup:
                _keep_backup(path)
        else:
            os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give a new file the usual mode
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _sync_folder(folder)


def _umask() -> int:
    """Return the process umask without changing it (Linux reads it; elsewhere a brief swap)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _keep_backup(path: Path) -> None:
    """Copy the current file to ``<name>.bak`` atomically (the original stays in place)."""
    bak = backup_path(path)
    fd, tmp_name = _make_temp(path.parent, bak.name)
    try:
        with os.fdopen(fd, "wb") as out, path.open("rb") as src:
            shutil.copyfileobj(src, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp_name, bak)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def describe_os_error(exc: OSError) -> str:
    """Word an OS error about a file for a user (without the path; callers name the file)."""
    code = exc.errno
    if isinstance(exc, FolderNotWritableError):
        where = Path(exc.filename or ".").name or str(exc.filename)
        return f"permission denied: you cannot write to the folder {where!r}; save it in another folder"
    if isinstance(exc, ReadOnlyFileError):
        return "permission denied: the file is read-only; make it writable, or save under another name"
    if isinstance(exc, NotAFileError):
        return f"{exc.strerror}; choose a file name"
    if isinstance(exc, BackupNameTooLongError):
        return "the name is too long to keep the previous version beside it as <name>.bak; use a shorter name"
    if code == errno.ENOSPC:
        return "the disk is full; free some space and try again"
    if code == errno.EDQUOT:
        return "the disk quota is exhausted; free some space and try again"
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied: the file is read-only, or open in another program (close it there and try again)"
    if code == errno.ENOENT:
        return "the folder does not exist"
    if code == errno.EISDIR:
        return "a folder has that name"
    if code == errno.EROFS:
        return "the disk is read-only"
    if code == errno.ENAMETOOLONG:
        return "the file name is too long"
    reason = exc.strerror or str(exc)
    return f"it could not be written ({reason})"
