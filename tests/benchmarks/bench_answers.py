"""Import speed: reading and reviewing 12 filled questionnaires against openpyxl merely loading the same files.

The questionnaires are written and filled (every lens answered, a comment on every fifth) before
the timing, into a temporary folder. Measured: :func:`read_questionnaire` of every file (the size
and zip checks, the read-only parse, the identity and every cell) plus the review against the
project and building the one edit. Baseline: ``openpyxl.load_workbook`` of the same 12 files with
its defaults, nothing read from them. Goal: at most 2x.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from tests.benchmarks.common import Result, median_seconds

if TYPE_CHECKING:
    from planner.model.project import Project

FILES = 12


def _write(folder: Path) -> tuple[Project, list[Path]]:
    from exports.questionnaire.write import questionnaire_bytes
    from planner.model.project import Participant
    from planner.storage.models import load_bundled_model
    from tests.factories import scored_project
    from tests.questionnaires import fill

    model = load_bundled_model()
    project = scored_project(model)
    project.engagement.participants = [Participant(f"p{i}", f"Person {i}") for i in range(FILES)]
    pick = random.Random(17)
    keys = [f"{c}/{lens}" for c in model.capabilities for lens in model.lens_ids]
    paths = []
    for i in range(FILES):
        answers = {k: pick.choice([0, 1, 2, 3, 4, "N/A", "Don't know"]) for k in keys}
        comments = {k: f"Comment {n} from person {i}" for n, k in enumerate(keys) if n % 5 == 0}
        path = folder / f"answers-{i}.xlsx"
        path.write_bytes(fill(questionnaire_bytes(project, f"p{i}"), answers, comments))
        paths.append(path)
    return project, paths


def run(repeat: int) -> list[Result]:
    """Measure the import of 12 questionnaires against loading them."""
    from openpyxl import load_workbook

    from exports.questionnaire.read import read_questionnaire
    from exports.questionnaire.review import review_answers

    with tempfile.TemporaryDirectory() as tmp:
        project, paths = _write(Path(tmp))

        def imported() -> None:
            review = review_answers(project, [read_questionnaire(p) for p in paths])
            assert review.edit(project) is not None  # the import did its work

        def loaded() -> None:
            for p in paths:
                load_workbook(p)

        measured = median_seconds(imported, repeat)
        baseline = median_seconds(loaded, repeat)
    return [
        Result("import 12 filled questionnaires", measured, "openpyxl load_workbook of the 12 files", baseline, "<= 2")
    ]
