"""Run Python's cyclic garbage collector on the GUI thread only.

Python starts a collection in whichever thread happens to allocate when a generation is full. If
that is the export worker thread and the garbage holds Qt widgets (a closed dialog kept in a
reference cycle by a connected lambda, for instance), the widgets are destroyed outside the GUI
thread and the process crashes. Measured: a segmentation fault inside openpyxl's workbook set-up,
"Garbage-collecting" in the worker thread, after a few hundred windows had been opened and closed.

:class:`MainThreadCollector` switches automatic collection off and instead, on a timer in the GUI
thread, collects the generations whose thresholds Python itself would have acted on, so memory
behaves as before and every collection happens where Qt objects may be destroyed. Reference
counting, which frees almost everything, is unaffected. :meth:`stop` restores automatic collection.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

__all__ = ["INTERVAL_MS", "MainThreadCollector"]

#: How often the GUI thread checks whether a collection is due.
INTERVAL_MS = 500


class MainThreadCollector(QObject):
    """Collect garbage on the GUI thread's timer instead of in whichever thread allocates."""

    def __init__(self, parent: QObject | None = None, *, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        self._was_enabled = False
        self.collections = 0

    def start(self) -> None:
        """Turn automatic collection off and start collecting on the timer."""
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Stop the timer, collect once and give collection back to Python if it was on."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()

    def due_generation(self) -> int | None:
        """Return the oldest generation whose allocation count passed its threshold, if any."""
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        due: int | None = None
        for generation, (count, threshold) in enumerate(zip(counts, thresholds, strict=False)):
            if threshold and count > threshold:
                due = generation
        return due

    def collect_due(self) -> int | None:
        """Collect what is due now (called by the timer); return the generation collected."""
        generation = self.due_generation()
        if generation is not None:
            gc.collect(generation)
            self.collections += 1
        return generation
