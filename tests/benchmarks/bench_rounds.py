"""Assessment rounds: a project with 12 earlier rounds opens and compares within 3x of opening the demo.

The 12-round project is the demo with twelve monthly rounds of the 22-capability model, each
re-scored a little (so no two rounds are alike). Measured: opening it (strict load and
validation of every round) and comparing its first and its latest round with now. Baseline:
opening the demo, in the same run.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from tests.benchmarks.common import Result, median_seconds

ROUNDS = 12


def twelve_rounds(demo: Path, out: Path) -> Path:
    """Write the demo with :data:`ROUNDS` earlier rounds to ``out``."""
    from planner.model.rounds import freeze_round
    from planner.storage.projectfile import load_project, save_project

    project = load_project(demo)
    project.assessment.history = []
    lens_ids = project.model.lens_ids
    day = dt.date(2025, 11, 20)
    for n in range(ROUNDS):
        for i, found in enumerate(project.assessment.capabilities.values()):
            lens = lens_ids[(n + i) % len(lens_ids)]
            if found.lenses.get(lens) is not None:
                found.lenses[lens] = min(4, (found.lenses[lens] or 0) + (n + i) % 2)
        project.assessment.history.append(freeze_round(project, f"Round {n + 1}", day.isoformat()))
        day += dt.timedelta(days=30)
    save_project(project, out, keep_backup=False)
    return out


def run(repeat: int) -> list[Result]:
    from planner.model.compare import compare_in_project
    from planner.storage.projectfile import load_project
    from planner.ui.app import demo_path

    demo = demo_path()
    assert demo is not None
    with tempfile.TemporaryDirectory() as tmp:
        many = twelve_rounds(demo, Path(tmp) / "twelve.roadmap")

        def open_and_compare() -> None:
            project = load_project(many)
            first = project.assessment.history[0].id
            compare_in_project(project)
            compare_in_project(project, first)

        measured = median_seconds(open_and_compare, repeat)
        baseline = median_seconds(lambda: load_project(demo), repeat)
    return [
        Result(
            f"open + compare, {ROUNDS} rounds of 22 capabilities",
            measured,
            "open the demo",
            baseline,
            "<= 3x",
        )
    ]
