"""Look at an untrusted .xlsx before openpyxl opens it: size, zip bomb, odd member names, macros.

An .xlsx is a zip archive. Its central directory says how large every member is once
decompressed (and Python's reader stops at that size), so these checks cost nothing and refuse a
file that would make openpyxl decompress gigabytes, before a byte is decompressed:

- the file is at most :data:`~planner.model.limits.FILE_BYTES_MAX` and a regular file;
- at most :data:`MEMBERS_MAX` members, together at most :data:`UNPACKED_MAX` bytes unpacked, and
  no member larger than :data:`RATIO_MAX` times its compressed size (beyond a small allowance:
  XML compresses well, a few hundred times is not);
- no member named with an absolute path, a drive letter or ``..``;
- no macros (``vbaProject.bin``): a model workbook holds values only.

openpyxl itself reads XML through defusedxml (entities refused), which the reader asserts.
"""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path, PurePosixPath

from planner.model.limits import FILE_BYTES_MAX

__all__ = ["MEMBERS_MAX", "RATIO_MAX", "UNPACKED_MAX", "BookRefused", "check_zip"]

MEMBERS_MAX = 2_000
UNPACKED_MAX = 300 * 1024 * 1024
RATIO_MAX = 200
#: Members smaller than this are not held to the ratio (a tiny, highly repetitive part is normal).
_RATIO_FLOOR = 1024 * 1024


class BookRefused(ValueError):
    """The file is refused as a whole; the message says why in plain words (without the file name)."""


def check_zip(path: Path) -> None:
    """Refuse ``path`` unless it is a plausible, harmless .xlsx archive.

    Raises:
        BookRefused: with the reason.
    """
    try:
        info = os.stat(path)
    except OSError as exc:
        raise BookRefused(f"it cannot be read ({exc.strerror or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        raise BookRefused("it is not a regular file")
    if info.st_size > FILE_BYTES_MAX:
        raise BookRefused(
            f"the file is too large ({info.st_size / 1048576:.1f} MB; the limit is {FILE_BYTES_MAX // 1048576} MB)"
        )
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise BookRefused("it is not an Excel workbook (.xlsx); save it from Excel or LibreOffice as .xlsx") from None
    if len(members) > MEMBERS_MAX:
        raise BookRefused(
            f"the workbook has {len(members):,} parts (at most {MEMBERS_MAX:,}); it is not a model workbook"
        )
    total = 0
    names = set()
    for member in members:
        name = member.filename
        pure = PurePosixPath(name.replace("\\", "/"))
        if pure.is_absolute() or ".." in pure.parts or (len(name) > 1 and name[1] == ":"):
            raise BookRefused(f"the workbook holds a part with an unsafe name ({name[:60]!r})")
        total += member.file_size
        if member.file_size > _RATIO_FLOOR and member.file_size > RATIO_MAX * max(member.compress_size, 1):
            raise BookRefused("the workbook unpacks to far more than its size (a 'zip bomb'); it is refused")
        names.add(name.lower())
    if total > UNPACKED_MAX:
        raise BookRefused(
            f"the workbook unpacks to {total / 1048576:.0f} MB (at most {UNPACKED_MAX // 1048576} MB); it is refused"
        )
    if "xl/workbook.xml" not in names:
        raise BookRefused("it is not an Excel workbook (.xlsx): it has no workbook part")
    if any(n.endswith("vbaproject.bin") for n in names):
        raise BookRefused("the workbook contains macros; save it as a plain .xlsx without macros")
