r"""Terminal output that text from a file cannot take over: control characters are shown, not obeyed.

Client, capability and initiative names, notes and file names come from files anyone may have
written. Printed raw, an escape sequence in them could clear the screen, retitle the terminal,
move the cursor over earlier lines or hide text. :func:`terminal_output` wraps ``sys.stdout`` and
``sys.stderr`` for the whole run of ``planner``, so every line any subcommand, argparse or the
error handler prints goes through :func:`escape_controls`, in this one place.

Decisions:

- Escaped: the C0 controls except line feed and tab (so ESC, BEL, backspace, carriage return and
  form feed), DEL, the C1 controls U+0080-U+009F (a terminal may read U+009B as CSI), and the
  bidirectional embeddings, overrides and isolates U+202A-U+202E and U+2066-U+2069, which reorder
  what the reader sees. Line and paragraph separators (U+2028, U+2029) and NEL stay visible too.
- Each one is written as ``\uXXXX``. That is visible, unambiguous, and also a JSON escape: a raw
  C1 control or DEL inside a ``--json`` string (``json.dumps`` passes them through) becomes an
  escape that decodes to the very same character, so the JSON output stays valid and exact.
- Backslashes themselves are left alone: text that literally reads ``\u001b`` prints the same as
  an escaped ESC. Only the terminal's safety is at stake here, and JSON output escapes its own
  backslashes.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterator
from typing import Any, TextIO, cast

__all__ = ["SafeStream", "escape_controls", "terminal_output"]

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def escape_controls(text: str) -> str:
    r"""Return ``text`` with every control character a terminal could obey written as ``\uXXXX``."""
    return _UNSAFE.sub(_escape, text)


class SafeStream:
    """A text stream that escapes control characters and writes the rest to the stream it wraps.

    Everything but ``write`` (``flush``, ``fileno``, ``encoding``...) is the wrapped stream's.
    """

    def __init__(self, wrapped: TextIO) -> None:
        self.wrapped = wrapped

    def write(self, text: str) -> int:
        """Write ``text`` escaped; return its length (as the caller wrote it)."""
        self.wrapped.write(escape_controls(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.wrapped, name)


@contextlib.contextmanager
def terminal_output() -> Iterator[None]:
    """Escape control characters in everything printed on stdout and stderr while inside."""
    saved = sys.stdout, sys.stderr
    # A windowed build has no streams at all (None): printing then does nothing, as before.
    if saved[0] is not None:
        sys.stdout = cast(TextIO, SafeStream(saved[0]))
    if saved[1] is not None:
        sys.stderr = cast(TextIO, SafeStream(saved[1]))
    try:
        yield
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
        sys.stdout, sys.stderr = saved
