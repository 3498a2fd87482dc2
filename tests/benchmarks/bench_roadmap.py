"""Roadmap engine speed on a large synthetic model, against a model ten times smaller.

1,000 capabilities with five library initiatives each (two for Crawl, two for Walk, one for
Run), random prerequisites, random owners and ``requires``; every capability is scored "not
started" and targeted at Run, and the roadmap's scope is ``full``, so it holds all 5,000
initiatives, with the owner capacity on (two at once per owner). The goal is near-linear growth:
ten times the capabilities should cost at most twelve times the time.
"""

from __future__ import annotations

from planner.model.capmodel import CapabilityModel
from planner.model.modelload import model_from_document
from planner.model.project import Assessment, CapabilityAssessment, Roadmap
from planner.model.roadmap import generate_roadmap, project_by_horizon, project_levels, regenerate, roadmap_warnings
from tests.benchmarks.common import Result, median_seconds
from tests.unit.test_roadmap_schedule import synthetic_document

PER_LEVEL = (2, 2, 1)
SETTINGS = Roadmap(capacity=4, owner_capacity=2, scope="full")


def _setup(capabilities: int) -> tuple[CapabilityModel, Assessment]:
    model = model_from_document(synthetic_document(capabilities, PER_LEVEL, seed=7))
    ass = Assessment(lens_weights={lens: 1.0 for lens in model.lens_ids})
    for i, cap in enumerate(model.iter_capabilities()):
        ass.capabilities[cap.id] = CapabilityAssessment(
            lenses=dict.fromkeys(model.lens_ids, 0), target="run", importance=1 + i % 5
        )
    return model, ass


def run(repeat: int) -> list[Result]:
    """Time generate + schedule, regeneration and the read-outs at 100 and 1,000 capabilities."""
    small_model, small_ass = _setup(100)
    big_model, big_ass = _setup(1000)
    small_road = generate_roadmap(small_model, small_ass, settings=SETTINGS)
    big_road = generate_roadmap(big_model, big_ass, settings=SETTINGS)
    assert len(big_road.initiatives) == 1000 * sum(PER_LEVEL)
    results = []
    for name, small, big in [
        (
            "generate + schedule",
            lambda: generate_roadmap(small_model, small_ass, settings=SETTINGS),
            lambda: generate_roadmap(big_model, big_ass, settings=SETTINGS),
        ),
        (
            "regenerate (nothing changed)",
            lambda: regenerate(small_model, small_ass, small_road),
            lambda: regenerate(big_model, big_ass, big_road),
        ),
        (
            "warnings + projection",
            lambda: (
                roadmap_warnings(small_model, small_ass, small_road),
                project_levels(small_model, small_ass, small_road),
                project_by_horizon(small_model, small_ass, small_road),
            ),
            lambda: (
                roadmap_warnings(big_model, big_ass, big_road),
                project_levels(big_model, big_ass, big_road),
                project_by_horizon(big_model, big_ass, big_road),
            ),
        ),
    ]:
        base = median_seconds(small, repeat)
        measured = median_seconds(big, repeat)
        results.append(
            Result(f"roadmap {name}, 1,000 caps / 5,000 items", measured, "same, 100 caps / 500 items", base, "<= 12x")
        )
    return results
