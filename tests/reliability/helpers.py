"""Shared checks for the reliability tests: plain messages, folder listings, the bad-file corpus."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

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
