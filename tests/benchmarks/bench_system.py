"""Whole-system figures: the frozen build's start-up, open + save, and peak memory.

* Frozen start: ``dist/FinOpsRoadmapPlanner/FinOpsRoadmapPlanner`` (built by ``make dist``) started
  offscreen until its window is shown (``PLANNER_QUIT_WHEN_SHOWN``), against a bare PySide6
  QMainWindow started from Python in the same run. Skipped when no build exists.
* Open + save of the demo project (strict load, validation, serialisation and an atomic write
  with a backup) against plain ``json.loads`` + ``json.dumps`` + a plain write of the same bytes.
* Peak memory (maximum resident set size) of the app with the demo open and every page visited
  (so matplotlib and the charts are loaded), against the bare window.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.benchmarks.bench_app import _BARE
from tests.benchmarks.common import Result, median_seconds, process_seconds

ROOT = Path(__file__).resolve().parents[2]
FROZEN = ROOT / "dist" / "FinOpsRoadmapPlanner" / "FinOpsRoadmapPlanner"

# VmHWM, not getrusage's ru_maxrss: on Linux the latter keeps the high-water mark of the forking
# parent, so every child would report the benchmark runner's own peak.
_MAXRSS = """
for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        print(line.split()[1])
"""

_APP_ALL_PAGES = """
import tempfile
from pathlib import Path
from planner.ui.app import _application, create_window, demo_path
from planner.ui.settings import Settings
app = _application()
tmp = Path(tempfile.mkdtemp())
window = create_window(Settings(tmp / "s.ini"), tmp / "autosave", demo=demo_path())
window.resize(1400, 900)
window.show()
window.open_demo()
for name in window.page_names():
    window.show_page(name)
    app.processEvents()
"""


def _env() -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PLANNER_DATA_DIR": tempfile.mkdtemp()}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="planner-pycache-")
    return env


def _peak_mb(code: str, env: dict[str, str]) -> float:
    args = [sys.executable, "-c", code + _MAXRSS]
    out = subprocess.run(args, check=True, env=env, capture_output=True, text=True, timeout=300).stdout
    return int(out.strip().splitlines()[-1]) / 1024  # Linux reports KiB


def run(repeat: int) -> list[Result]:
    """Measure the frozen start, open + save and peak memory against same-run baselines."""
    from planner.storage.projectfile import load_project, save_project
    from planner.ui.app import demo_path

    env = _env()
    results: list[Result] = []
    bare = process_seconds(_BARE, repeat, env)
    if FROZEN.exists():

        def frozen() -> None:
            subprocess.run(
                [str(FROZEN)], check=True, env={**env, "PLANNER_QUIT_WHEN_SHOWN": "1"}, capture_output=True, timeout=120
            )

        results.append(
            Result(
                "frozen build: start to window",
                median_seconds(frozen, repeat),
                "bare QMainWindow (Python)",
                bare,
                "<= 1.5x",
            )
        )
    demo = demo_path()
    assert demo is not None
    data = demo.read_bytes()
    tmp = Path(tempfile.mkdtemp(prefix="planner-bench-"))

    def open_save() -> None:
        save_project(load_project(demo), tmp / "demo.roadmap")

    def plain_json() -> None:
        (tmp / "plain.json").write_bytes(json.dumps(json.loads(data), indent=2, ensure_ascii=False).encode("utf-8"))

    results.append(
        Result(
            f"open + save the demo ({len(data) // 1024} KB)",
            median_seconds(open_save, repeat * 4),
            "json loads + dumps + write, same bytes",
            median_seconds(plain_json, repeat * 4),
            "info",
        )
    )
    results.append(
        Result(
            "peak memory: demo open, every page shown",
            _peak_mb(_APP_ALL_PAGES, env),
            "bare QMainWindow",
            _peak_mb(_BARE, env),
            "info",
            "MB",
        )
    )
    return results
