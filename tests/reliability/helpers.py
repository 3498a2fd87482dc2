"""Shared checks for the reliability tests: plain messages, folder listings, the bad-file corpus."""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
BAD = DATA / "bad"


def assert_plain_message(message: str, file_name: str) -> None:
    """A message fit for a user: one line, names the file first, no traceback or exception jargon."""
    assert message.startswith(f"{file_name}: "), message
    assert "\n" not in message.strip(), message
    for jargon in ("Traceback", "Error:", "Errno", "Exception", 'File "'):
        assert jargon not in message, message


def listing(folder: Path) -> list[str]:
    """Return the names in a folder, hidden ones included, sorted."""
    return sorted(os.listdir(folder))


def corpus_module() -> ModuleType:
    """Import ``tests/data/make_bad_corpus.py`` (a script, not a package module)."""
    name = "make_bad_corpus"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, DATA / "make_bad_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


class _FaultyFile:
    """A real file object whose ``write`` is replaced by ``write(handle, data) -> int``."""

    def __init__(self, handle: Any, write: Callable[[Any, bytes], int]) -> None:
        self._handle = handle
        self._write = write

    def write(self, data: bytes) -> int:
        return self._write(self._handle, data)

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)


def faulty_fdopen(write: Callable[[Any, bytes], int]) -> Callable[..., Any]:
    """Return an ``os.fdopen`` replacement whose files write through ``write(handle, data)``."""
    real = os.fdopen
    return lambda fd, *a, **k: _FaultyFile(real(fd, *a, **k), write)


def disk_fills_up_after(size: int) -> Callable[[Any, bytes], int]:
    """A write that stores the first ``size`` bytes, then reports the disk full (as a real disk does)."""
    import errno

    def write(handle: Any, data: bytes) -> int:
        handle.write(data[:size])
        handle.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    return write
