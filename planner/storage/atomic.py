"""Write a whole file atomically: the target is always the complete old or the complete new file.

Used for project files, autosaves and every export. The bytes are fully built in memory by the
caller first; then: a temporary file in the target's folder, write, flush, fsync, copy the old
file's permissions, keep the old file as ``<name>.bak`` when asked, ``os.replace``, fsync the
folder. On any failure the temporary file is removed and the old file is untouched.

A new file gets the permissions any program would give it (0666 less the user's umask, so
colleagues on a shared folder can read it as usual); an existing file keeps its permissions.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from pathlib import Path

__all__ = ["backup_path", "describe_os_error", "special_file", "write_atomic"]


def backup_path(path: Path) -> Path:
    """Return where the previous version of ``path`` is kept (``<name>.bak`` beside it)."""
    return path.with_name(path.name + ".bak")


def special_file(path: Path) -> str | None:
    """Name what ``path`` is when it exists and is neither a regular file nor a folder, else ``None``.

    Replacing such a path would replace a device node (``/dev/sda`` as root) or a FIFO with a file.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    return "a socket" if stat.S_ISSOCK(mode) else "a special file"


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
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "a folder has that name", str(path))
    if path.exists() and not os.access(path, os.W_OK):
        # os.replace would silently overwrite a read-only file on POSIX; respect the flag.
        raise PermissionError(errno.EACCES, "the file is read-only", str(path))
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
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
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{bak.name}.", suffix=".tmp")
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
