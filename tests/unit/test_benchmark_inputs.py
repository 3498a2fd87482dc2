"""The benchmarks' synthetic inputs stay valid models as the library and its checks evolve.

``make bench`` is not part of the suite; without this test a stricter model check (such as the
one that refuses a ``requires`` naming an unknown initiative) breaks the benchmark unnoticed.
"""

from __future__ import annotations

from planner.model.modelload import model_from_document
from tests.benchmarks.bench_app import big_model_document


def test_the_large_model_of_the_app_benchmark_loads_and_repeats_every_capability() -> None:
    model = model_from_document(big_model_document(60))
    ids = [cap.id for cap in model.iter_capabilities()]
    assert len(ids) >= 60
    assert len(ids) == len(set(ids))
    keys = {item.key for cap in model.iter_capabilities() for item in cap.initiatives}
    for cap in model.iter_capabilities():
        for item in cap.initiatives:
            assert set(item.requires) <= keys
