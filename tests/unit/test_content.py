"""Keep the bundled content honest: counts, uniqueness, no placeholders, known personas."""

from __future__ import annotations

import re

import pytest

from planner.model.capmodel import EFFORTS, LEVEL_PHASES, CapabilityModel
from planner.model.graph import find_cycle
from planner.storage.models import bundled_models, load_bundled_model

PLACEHOLDERS = re.compile(r"\b(TODO|TBD|FIXME|lorem|ipsum|placeholder|XXX)\b", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?](\s|$)")


@pytest.fixture(params=[m.id for m in bundled_models()], scope="module")
def model(request: pytest.FixtureRequest) -> CapabilityModel:
    """Every bundled model must meet the same bar."""
    return load_bundled_model(request.param)


def _sentences(text: str) -> int:
    return len(SENTENCE_END.findall(text))


def test_every_capability_has_level_descriptions_kpis_and_questions(model: CapabilityModel) -> None:
    for cap in model.iter_capabilities():
        assert len(cap.summary) >= 120, cap.id
        for level in LEVEL_PHASES:
            text = cap.level_descriptions.get(level, "")
            assert 2 <= _sentences(text) <= 4, (cap.id, level)
        assert len(cap.kpis) >= 3, cap.id
        assert all(k.name and len(k.measure) >= 30 for k in cap.kpis), cap.id
        assert 3 <= len(cap.questions) <= 5, cap.id
        assert all(q.endswith("?") for q in cap.questions), cap.id


def test_initiative_library_counts(model: CapabilityModel) -> None:
    total = 0
    for cap in model.iter_capabilities():
        for level in LEVEL_PHASES:
            count = len(cap.initiatives_for(level))
            assert count >= 3, f"{cap.id} has {count} {level} initiatives"
            total += count
    assert total >= 198


def test_initiatives_are_unique_and_well_formed(model: CapabilityModel) -> None:
    personas = {p.name for p in model.personas}
    assert {"FinOps Practitioner", "Engineering", "Finance", "Product", "Procurement", "Leadership"} <= personas
    keys: set[str] = set()
    titles: set[str] = set()
    descriptions: set[str] = set()
    for cap in model.iter_capabilities():
        for tpl in cap.initiatives:
            assert tpl.key.startswith(f"{cap.id}.{tpl.level}."), tpl.key
            assert tpl.key not in keys
            keys.add(tpl.key)
            assert tpl.title.lower() not in titles, tpl.title
            titles.add(tpl.title.lower())
            assert tpl.description not in descriptions
            descriptions.add(tpl.description)
            assert tpl.title[0].isupper() and len(tpl.title) <= 80, tpl.title
            assert not tpl.title.split()[0].endswith("ing"), f"title should start with a verb: {tpl.title}"
            assert 2 <= _sentences(tpl.description) <= 4, tpl.key
            assert tpl.owner in personas, (tpl.key, tpl.owner)
            assert tpl.effort in EFFORTS
            assert 1 <= tpl.duration_months <= 6, tpl.key
            assert tpl.lenses and set(tpl.lenses) <= set(model.lens_ids), tpl.key


def test_owners_are_varied(model: CapabilityModel) -> None:
    owners = {tpl.owner for cap in model.iter_capabilities() for tpl in cap.initiatives}
    assert len(owners) >= 8


@pytest.mark.parametrize("field", ["summary", "levels", "kpis", "questions", "initiatives"])
def test_no_placeholder_text(model: CapabilityModel, field: str) -> None:
    for cap in model.iter_capabilities():
        texts = {
            "summary": [cap.summary],
            "levels": list(cap.level_descriptions.values()),
            "kpis": [k.name + " " + k.measure for k in cap.kpis],
            "questions": list(cap.questions),
            "initiatives": [t.title + " " + t.description for t in cap.initiatives],
        }[field]
        for text in texts:
            assert text.strip(), cap.id
            assert not PLACEHOLDERS.search(text), (cap.id, text[:60])


def test_prerequisites_are_acyclic(model: CapabilityModel) -> None:
    graph = {c.id: c.prerequisites for c in model.iter_capabilities()}
    assert find_cycle(graph) is None
    assert find_cycle({"a": ("b",), "b": ("a",)}) == ["a", "b", "a"]
