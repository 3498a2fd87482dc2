"""Collect validation problems with their path in a JSON document.

Model and project validation both walk untrusted JSON. They use :class:`Checker`, which reads a
value of the expected type or records a :class:`Problem` (``path: message``) and returns a safe
default, so one pass reports every problem instead of stopping at the first.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any

__all__ = ["Checker", "Problem", "is_iso_date", "join_path"]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a document, at ``path`` (e.g. ``assessment.capabilities.allocation``)."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


def is_iso_date(text: str) -> bool:
    """Whether ``text`` is a real calendar date written ``YYYY-MM-DD`` (``fromisoformat`` alone takes more)."""
    if not _ISO_DATE.fullmatch(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def join_path(path: str, key: str | int) -> str:
    """Extend a dotted document path by a key or a list index."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    key = key if key.isprintable() else repr(key)  # a line break in a key must not split a one-line message
    return f"{path}.{key}" if path else key


def _type_name(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


class Checker:
    """Read typed values out of parsed JSON, recording a problem for each mismatch."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: str, message: str) -> None:
        """Record a problem."""
        self.problems.append(Problem(path, message))

    def obj(self, value: object, path: str) -> dict[str, Any]:
        """Return ``value`` if it is a JSON object, else record a problem and return ``{}``."""
        if isinstance(value, dict):
            return value
        self.add(path, f"must be an object, not {_type_name(value)}")
        return {}

    def seq(self, parent: dict[str, Any], key: str, path: str, *, required: bool = True) -> list[Any]:
        """Return ``parent[key]`` if it is a list (``[]`` and a problem otherwise)."""
        here = join_path(path, key)
        if key not in parent:
            if required:
                self.add(here, "is missing")
            return []
        value = parent[key]
        if isinstance(value, list):
            return value
        self.add(here, f"must be a list, not {_type_name(value)}")
        return []

    def text(
        self,
        parent: dict[str, Any],
        key: str,
        path: str,
        *,
        required: bool = True,
        empty_ok: bool = True,
        default: str = "",
        max_len: int | None = None,
    ) -> str:
        """Return ``parent[key]`` if it is a string meeting the constraints."""
        here = join_path(path, key)
        if key not in parent:
            if required:
                self.add(here, "is missing")
            return default
        return self.text_value(parent[key], here, empty_ok=empty_ok, default=default, max_len=max_len)

    def text_value(
        self, value: object, here: str, *, empty_ok: bool = True, default: str = "", max_len: int | None = None
    ) -> str:
        """Check a string found at ``here``."""
        if not isinstance(value, str):
            self.add(here, f"must be text, not {_type_name(value)}")
            return default
        if not empty_ok and not value.strip():
            self.add(here, "must not be empty")
            return default
        if max_len is not None and len(value) > max_len:
            self.add(here, f"is too long ({len(value):,} characters; at most {max_len:,})")
            return value[:max_len]
        return value

    def integer(
        self,
        parent: dict[str, Any],
        key: str,
        path: str,
        lo: int,
        hi: int,
        *,
        required: bool = True,
        default: int = 0,
    ) -> int:
        """Return ``parent[key]`` if it is a whole number within ``lo..hi``."""
        here = join_path(path, key)
        if key not in parent:
            if required:
                self.add(here, "is missing")
            return default
        return self.integer_value(parent[key], here, lo, hi, default=default)

    def integer_value(self, value: object, here: str, lo: int, hi: int, *, default: int = 0) -> int:
        """Check a whole number found at ``here``."""
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, float) and value.is_integer() and lo <= value <= hi:
                return int(value)
            self.add(here, f"must be a whole number from {lo} to {hi}, not {_describe(value)}")
            return default
        if not lo <= value <= hi:
            self.add(here, f"must be from {lo} to {hi}, not {_describe(value)}")
            return default
        return value

    def optional_integer(self, parent: dict[str, Any], key: str, path: str, lo: int, hi: int) -> int | None:
        """Return ``parent[key]`` if it is a whole number within ``lo..hi``; ``None`` when absent or null."""
        value = parent.get(key)
        if value is None:
            return None
        return self.integer_value(value, join_path(path, key), lo, hi, default=lo)

    def choice(
        self, parent: dict[str, Any], key: str, path: str, choices: tuple[str, ...], *, default: str | None
    ) -> str | None:
        """Return ``parent[key]`` if it is one of ``choices``; ``default`` when absent (or null, if allowed).

        A null is accepted only where ``default`` is ``None``.
        """
        value = parent.get(key)
        if value is None and (key not in parent or default is None):
            return default
        if not isinstance(value, str) or value not in choices:
            allowed = ", ".join(choices) + (", or null" if default is None else "")
            self.add(join_path(path, key), f"must be one of {allowed}, not {_describe(value)}")
            return default
        return value

    def choice_value(self, value: object, here: str, choices: tuple[str, ...]) -> str:
        """Return ``value`` if it is one of ``choices``; otherwise report it and return the first choice."""
        if not isinstance(value, str) or value not in choices:
            self.add(here, f"must be one of {', '.join(choices)}, not {_describe(value)}")
            return choices[0]
        return value

    def number(
        self, parent: dict[str, Any], key: str, path: str, lo: float, hi: float, *, default: float = 0.0
    ) -> float:
        """Return ``parent[key]`` if it is a finite number within ``lo..hi``."""
        here = join_path(path, key)
        if key not in parent:
            self.add(here, "is missing")
            return default
        value = parent[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            self.add(here, f"must be a number from {lo:g} to {hi:g}, not {_describe(value)}")
            return default
        if not lo <= value <= hi:
            self.add(here, f"must be from {lo:g} to {hi:g}, not {_describe(value)}")
            return default
        return float(value)

    def boolean(self, parent: dict[str, Any], key: str, path: str, *, default: bool) -> bool:
        """Return ``parent[key]`` if it is true/false (optional; ``default`` when absent)."""
        if key not in parent:
            return default
        value = parent[key]
        if isinstance(value, bool):
            return value
        self.add(join_path(path, key), f"must be true or false, not {_describe(value)}")
        return default


def _describe(value: object) -> str:
    if isinstance(value, str):
        shown = value if len(value) <= 30 else value[:27] + "..."
        return repr(shown)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        text = repr(value)
        return text if len(text) <= 30 else f"a {len(text)}-digit number"
    return _type_name(value)
