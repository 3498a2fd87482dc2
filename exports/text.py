"""Clean user text before it reaches a spreadsheet cell or a PDF paragraph.

What users type (or paste from Word, e-mail or a terminal) can hold characters neither format
accepts: C0 control characters other than tab and newline (a vertical tab from Word crashes
openpyxl), carriage returns (Excel stores them as line breaks anyway), lone surrogates and the
non-characters U+FFFE/U+FFFF. :func:`clean_text` removes them and normalises line ends; a vertical
tab or form feed (Word's manual line and page breaks) becomes a line break. Nothing else is
changed, so the client's words arrive as typed.
"""

from __future__ import annotations

import re

__all__ = ["clean_text", "one_line"]

_ILLEGAL = re.compile("[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile("\r\n|[\r\x0b\x0c]")


def clean_text(text: str) -> str:
    """Return ``text`` without control characters, surrogates or non-characters, with plain line ends."""
    if not text:
        return ""
    return _ILLEGAL.sub("", _BREAKS.sub("\n", text))


def one_line(text: str) -> str:
    """Return cleaned ``text`` with every run of whitespace (line breaks included) as one space."""
    return " ".join(clean_text(text).split())
