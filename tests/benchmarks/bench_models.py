"""Loading and validating capability models: a generated 500-capability model against the bundled
22-capability FinOps model, in the same run.

Each measurement reads the file from disk, decodes it strictly and validates it into a model
(what opening the library or importing a JSON model does); the library's quality checks
(:mod:`planner.model.modelcheck`) and reading the model workbook are measured on the same pair.
The goal: the 500-capability model loads and validates within ten times the FinOps one.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from exports.modelbook.read import read_model_workbook
from exports.modelbook.write import model_workbook_bytes
from planner.model.modelcheck import library_findings
from planner.resources import resource_path
from planner.storage.models import load_model_file
from tests.benchmarks.common import Result, median_seconds
from tests.modelgen import model_document


def run(repeat: int) -> list[Result]:
    """Time load + validate, the quality checks and the workbook read, 500 vs 22 capabilities."""
    folder = Path(tempfile.mkdtemp(prefix="bench-models-"))
    small = resource_path("models/finops-2026.json")
    big = folder / "generated-500.json"
    big.write_text(json.dumps(model_document(500, levels=6, lenses=8, long_names=True)), encoding="utf-8")
    small_model, big_model = load_model_file(small), load_model_file(big)
    assert len(small_model.capabilities) == 22 and len(big_model.capabilities) == 500
    small_book, big_book = folder / "small.xlsx", folder / "big.xlsx"
    small_book.write_bytes(model_workbook_bytes(small_model))
    big_book.write_bytes(model_workbook_bytes(big_model))
    pairs = [
        ("model load + validate, 500 capabilities", lambda: load_model_file(big), lambda: load_model_file(small), "<= 10"),
        ("model quality checks, 500 capabilities", lambda: library_findings(big_model), lambda: library_findings(small_model), ""),
        ("model workbook read + validate, 500", lambda: read_model_workbook(big_book), lambda: read_model_workbook(small_book), ""),
    ]  # fmt: skip
    results = []
    for name, measure, baseline, goal in pairs:
        results.append(
            Result(
                name,
                median_seconds(measure, repeat),
                "the same, FinOps 2026 (22)",
                median_seconds(baseline, repeat),
                goal,
            )
        )
    return results
