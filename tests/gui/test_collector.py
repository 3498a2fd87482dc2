"""Garbage is collected on the GUI thread only: a worker thread never destroys Qt objects."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from planner.ui.collector import MainThreadCollector


class _Cycle(QObject):
    """A Qt object kept alive only by a reference cycle, as a closed dialog with a lambda is."""

    def __init__(self) -> None:
        super().__init__()
        self.me = self


def test_a_worker_thread_never_collects_and_the_timer_does(qtbot: QtBot) -> None:
    collector = MainThreadCollector(interval_ms=10)
    collector.start()
    try:
        assert not gc.isenabled()
        destroyed_in: list[str] = []
        item = _Cycle()
        item.destroyed.connect(lambda: destroyed_in.append(threading.current_thread().name))
        del item
        threshold = gc.get_threshold()[0]

        def allocate() -> None:
            junk = [[n] for n in range(threshold * 20)]  # would trigger several collections
            del junk

        worker = threading.Thread(target=allocate, name="worker")
        worker.start()
        worker.join()
        assert destroyed_in == []  # still waiting: nothing ran in the worker
        gc.collect()  # what the timer does when a generation is due, on this thread
        assert destroyed_in == [threading.main_thread().name]
        for _ in range(threshold + 1):
            _Cycle()  # cycles pile up, so generation 0 comes due
        qtbot.waitUntil(lambda: collector.collections > 0, timeout=2000)
    finally:
        collector.stop()
    assert gc.isenabled() is (collector._was_enabled)


def test_the_app_collects_on_its_own_thread(qtbot: QtBot) -> None:
    collector = MainThreadCollector()
    before = gc.isenabled()
    collector.start()
    collector.stop()
    assert gc.isenabled() is before
