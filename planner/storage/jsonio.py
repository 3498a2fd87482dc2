"""Strict JSON decoding and stable encoding for project and model files.

Decoding refuses what :func:`json.loads` would quietly accept or crash on: a file over
:data:`~planner.model.limits.FILE_BYTES_MAX` (checked before reading it whole), bytes that are not UTF-8 (a UTF-8 byte
order mark is accepted), ``NaN``/``Infinity``, duplicate keys, integers of more than
:data:`INT_DIGITS_MAX` digits, nesting deeper than :data:`JSON_DEPTH_MAX`, and lone surrogates in
strings (which could not be written back). Each refusal is a :class:`JsonRefused` whose message
a user can read.

Encoding is pretty-printed for diffs, but compact for a document whose pretty form would not fit
under the size limit (:func:`dumps_bytes`): whatever opens can be saved and opened again.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from planner.model.limits import FILE_BYTES_MAX, INT_DIGITS_MAX, JSON_DEPTH_MAX
from planner.storage.atomic import special_kind

__all__ = ["JsonRefused", "dumps_bytes", "loads_bytes", "read_limited"]


#: A JSON escape of a UTF-16 surrogate (``\\ud800`` to ``\\udfff``, either case).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class JsonRefused(ValueError):
    """The bytes are not acceptable JSON; the message says why in plain words."""


def read_limited(path: Path, limit: int = FILE_BYTES_MAX) -> bytes:
    """Read a whole file, refusing one larger than ``limit`` bytes before reading it.

    Raises:
        JsonRefused: the file is too large.
        OSError: it cannot be read.
    """
    kind = special_kind(path)  # before opening: a pipe would block
    if kind is not None:
        raise JsonRefused(f"it is {kind}, not a project file")
    with path.open("rb") as handle:
        size = handle.seek(0, 2)
        if size > limit:
            raise JsonRefused(f"the file is too large ({size / 1048576:.1f} MB; the limit is {limit // 1048576} MB)")
        handle.seek(0)
        return handle.read(limit + 1)


def _reject_constant(name: str) -> Any:
    raise JsonRefused(f"it contains {name}, which is not a valid JSON number")


def _parse_int(text: str) -> int:
    digits = text.lstrip("-")
    if len(digits) > INT_DIGITS_MAX:
        raise JsonRefused(f"it contains a {len(digits)}-digit number, far larger than any value a project holds")
    return int(text)


def _parse_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise JsonRefused(f"it contains the number {text[:20]}, too large to represent")
    return value


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise JsonRefused(f"the key {key[:40]!r} appears twice in the same object")
        result[key] = value
    return result


def _depth_and_surrogates(value: Any, escapes: bool = True) -> None:
    r"""Walk the parsed value iteratively, refusing deep nesting and lone surrogates.

    A lone surrogate can only come from a ``\uD800``-style escape (valid UTF-8 holds none), so
    when the text has no such escape (``escapes`` false) only the depth is checked: a large model
    then loads in about half the time.
    """
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            if escapes:
                _check_text(item)
            continue
        if not isinstance(item, (list, dict)):
            continue
        if depth > JSON_DEPTH_MAX:
            raise JsonRefused(f"it is nested more than {JSON_DEPTH_MAX} levels deep")
        if isinstance(item, dict):
            for key, child in item.items():
                if escapes:
                    _check_text(key)
                stack.append((child, depth + 1))
        else:
            stack.extend((child, depth + 1) for child in item if isinstance(child, (list, dict)) or escapes)


def _check_text(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise JsonRefused("it contains an invalid character (a lone surrogate escape such as \\ud800)") from None


def _looks_utf16(head: bytes) -> bool:
    """Return whether text without a byte order mark looks like UTF-16 (ASCII with every other byte 0)."""
    even, odd = head[0::2], head[1::2]
    if len(odd) < 8:
        return False
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    return max(zeros_even, zeros_odd) > 0.9 and min(zeros_even, zeros_odd) < 0.1


def loads_bytes(data: bytes) -> Any:
    """Decode strict JSON from UTF-8 bytes.

    Raises:
        JsonRefused: with a plain reason.
    """
    if not data.strip():
        raise JsonRefused("the file is empty")
    if len(data) > FILE_BYTES_MAX:
        raise JsonRefused(f"the file is too large (the limit is {FILE_BYTES_MAX // 1048576} MB)")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or _looks_utf16(data[:200]):
        raise JsonRefused("it is UTF-16 text, not UTF-8; save it again as UTF-8")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise JsonRefused(f"it is not UTF-8 text (invalid byte at position {exc.start})") from None
    if "\x00" in text:
        raise JsonRefused("it is a binary file, not a project file")
    try:
        value = json.loads(
            text,
            object_pairs_hook=_pairs,
            parse_constant=_reject_constant,
            parse_int=_parse_int,
            parse_float=_parse_float,
        )
    except JsonRefused:
        raise
    except RecursionError:
        raise JsonRefused(f"it is nested more than {JSON_DEPTH_MAX} levels deep") from None
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
            # A JSON string cannot hold a raw line break, so an unterminated one runs to the end.
            raise JsonRefused(f"it ends too early ({where}); the file looks truncated") from None
        raise JsonRefused(f"it is not valid JSON: {exc.msg[:1].lower()}{exc.msg[1:]} ({where})") from None
    except ValueError as exc:  # e.g. int conversion limits
        raise JsonRefused(f"it is not valid JSON ({exc})") from None
    _depth_and_surrogates(value, _SURROGATE_ESCAPE.search(text) is not None)
    return value


def dumps_bytes(value: Any, *, limit: int = FILE_BYTES_MAX) -> bytes:
    """Encode JSON as UTF-8 bytes: 2-space indent, keys in the order given, newline at the end.

    Head-room (decision): indenting adds bytes, so a compact file just under ``limit`` that opens
    would grow past the limit when saved pretty-printed, and could never be opened again. When the
    pretty form would exceed ``limit``, the compact form (no spaces, same key order) is written
    instead; it is never larger than the compact file that was read, except where numbers are
    written differently (``1e5`` becomes ``100000.0``), which no field of a project holds in bulk.
    The choice depends on the content only, so saving the same project twice gives the same bytes.

    Raises:
        ValueError: the value holds NaN/Infinity or text that cannot be encoded.
    """
    data = (json.dumps(value, indent=2, ensure_ascii=False, allow_nan=False) + "\n").encode("utf-8")
    if len(data) <= limit:
        return data
    compact = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return (compact + "\n").encode("utf-8")
