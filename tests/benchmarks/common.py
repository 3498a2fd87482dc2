"""Timing helpers shared by the benchmarks."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Result", "median_seconds", "process_seconds"]


@dataclass(frozen=True)
class Result:
    """One row of the table: a measurement, its baseline and the goal for their ratio."""

    name: str
    measured: float
    baseline_name: str
    baseline: float
    goal: str = ""
    unit: str = "s"

    @property
    def ratio(self) -> float:
        return self.measured / self.baseline if self.baseline else float("nan")


def median_seconds(func: Callable[[], object], repeat: int, warmup: int = 1) -> float:
    """Median wall time of ``func()`` over ``repeat`` runs after ``warmup`` runs."""
    for _ in range(warmup):
        func()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def process_seconds(code: str, repeat: int, env: dict[str, str] | None = None) -> float:
    """Median wall time of a fresh ``python -c code`` process."""

    def once() -> None:
        subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True, timeout=300)

    return median_seconds(once, repeat)
