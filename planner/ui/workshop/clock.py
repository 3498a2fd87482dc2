"""Time spent per capability in workshop mode, for the consultant's pacing only.

The book counts wall time while a capability is on screen; coming back to a capability continues
its count, and a capability not shown yet starts at zero. The times live in the open window only:
they are not part of the project file (design section 10 asks for a timer, not a record), and
opening another project starts a new book. The clock is injected, so tests drive time exactly.
"""

from __future__ import annotations

import time
from collections.abc import Callable

__all__ = ["StopwatchBook", "clock_text"]


class StopwatchBook:
    """Seconds spent per key (a capability id), counting for at most one key at a time."""

    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self._now = now
        self._spent: dict[str, float] = {}
        self._current: str | None = None
        self._since = 0.0

    @property
    def current(self) -> str | None:
        """The key being counted (``None``: the clock is paused)."""
        return self._current

    def switch(self, key: str | None) -> None:
        """Stop counting the current key and start counting ``key`` (``None``: pause)."""
        if key == self._current:
            return
        self._bank()
        self._current = key
        self._since = self._now()

    def elapsed(self, key: str) -> float:
        """Seconds spent on ``key`` so far, the running stretch included."""
        spent = self._spent.get(key, 0.0)
        if key == self._current:
            spent += max(0.0, self._now() - self._since)
        return spent

    def reset(self, key: str) -> None:
        """Set the time of ``key`` back to zero (it keeps counting if it is the current one)."""
        self._spent.pop(key, None)
        if key == self._current:
            self._since = self._now()

    def _bank(self) -> None:
        if self._current is not None:
            self._spent[self._current] = self.elapsed(self._current)


def clock_text(seconds: float) -> str:
    """Return a duration as ``m:ss`` (``h:mm:ss`` from an hour on)."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
