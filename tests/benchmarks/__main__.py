"""Run every benchmark module and print one table of ratios (``make bench``)."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import pkgutil
import platform
from pathlib import Path

from tests.benchmarks.common import Result


def main() -> None:
    parser = argparse.ArgumentParser(description="FinOps Roadmap Planner benchmarks")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (the median is kept)")
    parser.add_argument("only", nargs="*", help="run only these bench_* modules")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    results: list[Result] = []
    here = Path(__file__).parent
    for info in sorted(pkgutil.iter_modules([str(here)]), key=lambda i: i.name):
        if not info.name.startswith("bench_") or (args.only and info.name not in args.only):
            continue
        module = importlib.import_module(f"tests.benchmarks.{info.name}")
        results.extend(module.run(args.repeat))
    cpu = platform.processor() or platform.machine()
    print(
        f"Benchmarks {dt.date.today().isoformat()}, {platform.system()} {cpu}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, median of {args.repeat} runs"
    )
    print(f"| {'measurement':46} | {'value':>11} | {'baseline':38} | {'value':>11} | {'ratio':>6} | goal |")
    print(f"|{'-' * 48}|{'-' * 13}|{'-' * 40}|{'-' * 13}|{'-' * 8}|------|")
    for r in results:
        ratio = "-" if r.unit == "ms" else f"{r.ratio:.2f}"  # an edit's latency is judged in ms, not as a ratio
        print(
            f"| {r.name:46} | {r.measured:8.3f} {r.unit:<2} | {r.baseline_name:38} | {r.baseline:8.3f} {r.unit:<2} "
            f"| {ratio:>6} | {r.goal} |"
        )


if __name__ == "__main__":
    main()
