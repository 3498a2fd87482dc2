"""The shipped capability models and the model validator."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from planner.model.capmodel import CapabilityModel
from planner.model.modelload import ModelError, model_from_document
from planner.resources import ResourceError, resource_path, resources_root
from planner.storage.models import bundled_models, load_bundled_model

EXPECTED_2026 = {
    "understand": ["data-ingestion", "allocation", "reporting-analytics", "anomaly-management"],
    "quantify": ["planning-estimating", "forecasting", "budgeting", "kpis-benchmarking", "unit-economics"],
    "optimize": [
        "architecting-workload-placement", "rate-optimization", "usage-optimization", "sustainability", "licensing-saas",
    ],
    "manage": [
        "finops-practice-operations", "governance-policy-risk", "finops-assessment", "automation-tools-services",
        "finops-education-enablement", "invoicing-chargeback", "intersecting-disciplines",
        "executive-strategy-alignment",
    ],
}  # fmt: skip


def test_every_shipped_model_loads_and_is_named_after_its_file() -> None:
    infos = bundled_models()
    assert infos, "no model shipped"
    for info in infos:
        assert info.path.stem == info.id
    assert infos[0].id == "finops-2026"


def test_2026_model_structure(model: CapabilityModel) -> None:
    assert {d.id: list(d.capability_ids) for d in model.domains} == EXPECTED_2026
    assert len(model.capabilities) == 22
    assert model.level_ids == ("none", "crawl", "walk", "run")
    assert [lv.min_score for lv in model.levels] == [0, 37.5, 62.5, 87.5]
    assert model.revision == 2
    assert model.level("none").name == "Ad hoc"
    assert "no numeric bands" in model.bands_note and "37.5%, 62.5% and 87.5%" in model.bands_note
    assert model.lens_ids == ("knowledge", "process", "metrics", "adoption", "automation")
    names = {c.id: c.name for c in model.iter_capabilities()}
    assert names["usage-optimization"] == "Usage Optimization"
    assert names["governance-policy-risk"] == "Governance, Policy & Risk"
    assert names["executive-strategy-alignment"] == "Executive Strategy Alignment"
    assert "CC BY 4.0" in model.attribution.licence
    assert model.attribution.licence_url == "https://creativecommons.org/licenses/by/4.0/"


def test_prerequisites_reflect_practice(model: CapabilityModel) -> None:
    assert "data-ingestion" in model.capability("allocation").prerequisites
    assert "allocation" in model.capability("unit-economics").prerequisites
    assert "forecasting" in model.capability("budgeting").prerequisites
    assert model.dependents("data-ingestion")


def test_resource_helper_refuses_unsafe_names() -> None:
    assert (resources_root() / "models").is_dir()
    for bad in ("../pyproject.toml", "/etc/passwd", "models\\x.json", ""):
        with pytest.raises(ResourceError):
            resource_path(bad)
    with pytest.raises(ResourceError):
        resource_path("models/missing.json")


@pytest.fixture
def doc(model: CapabilityModel) -> dict[str, Any]:
    return copy.deepcopy(json.loads(json.dumps(model.document)))


def _problems(doc: dict[str, Any]) -> list[str]:
    with pytest.raises(ModelError) as info:
        model_from_document(doc)
    return [str(p) for p in info.value.problems]


def test_validator_reports_every_problem_with_its_path(doc: dict[str, Any]) -> None:
    caps = doc["domains"][0]["capabilities"]
    caps[1]["id"] = caps[0]["id"]  # duplicate capability id
    doc["levels"][2]["min_score"] = 10  # bands not increasing
    doc["lenses"][0]["anchors"].pop()  # 4 anchors
    caps[2]["prerequisites"].append("no-such-capability")
    caps[3]["initiatives"][0]["level"] = "fly"
    caps[3]["initiatives"][1]["lenses"] = ["charisma"]
    problems = _problems(doc)
    text = "\n".join(problems)
    assert "domains[0].capabilities[1].id: duplicate capability id 'data-ingestion'" in text
    assert "levels[2].min_score: bands must increase" in text
    assert "lenses[0].anchors: needs exactly 5 anchors (scores 0-4), found 4" in text
    assert "unknown prerequisite 'no-such-capability'" in text
    assert "domains[0].capabilities[3].initiatives[0].level: unknown level 'fly'" in text
    assert "domains[0].capabilities[3].initiatives[1].lenses[0]: unknown lens 'charisma'" in text


def test_validator_refuses_prerequisite_cycles(doc: dict[str, Any]) -> None:
    caps = doc["domains"][0]["capabilities"]
    caps[0]["prerequisites"] = ["anomaly-management"]  # data-ingestion <- ... <- anomaly-management
    text = "\n".join(_problems(doc))
    assert "prerequisites form a cycle" in text
    assert "data-ingestion" in text


def test_validator_refuses_duplicate_initiative_keys_and_levels(doc: dict[str, Any]) -> None:
    caps = doc["domains"][1]["capabilities"]
    caps[1]["initiatives"][0]["key"] = caps[0]["initiatives"][0]["key"]
    doc["levels"].append(dict(doc["levels"][0]))
    text = "\n".join(_problems(doc))
    assert "duplicate initiative key" in text
    assert "duplicate level id 'none'" in text


def test_validator_refuses_non_objects() -> None:
    with pytest.raises(ModelError, match="must be an object"):
        model_from_document([1, 2])


def test_default_model_is_cached_per_call_not_global() -> None:
    assert load_bundled_model() is not load_bundled_model()  # no hidden module-level singleton
