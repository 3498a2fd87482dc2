"""The library's fields (tier, requires, value, sizes), the loader's rules for them, and the library checker."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from planner.model.capmodel import CapabilityModel
from planner.model.modelcheck import library_findings
from planner.model.modelload import ModelError, model_from_document


@pytest.fixture
def doc(model: CapabilityModel) -> dict[str, Any]:
    return copy.deepcopy(json.loads(json.dumps(model.document)))


def _caps(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["id"]: c for d in doc["domains"] for c in d["capabilities"]}


def _item(doc: dict[str, Any], key: str) -> dict[str, Any]:
    cap = _caps(doc)[key.split(".")[0]]
    return next(i for i in cap["initiatives"] if i["key"] == key)


def _first_key(doc: dict[str, Any], cap: str, level: str) -> str:
    return next(i["key"] for i in _caps(doc)[cap]["initiatives"] if i["level"] == level)


def _problems(doc: dict[str, Any]) -> list[str]:
    with pytest.raises(ModelError) as caught:
        model_from_document(doc)
    return [str(p) for p in caught.value.problems]


def test_fields_load_with_their_values(doc: dict[str, Any]) -> None:
    key = _first_key(doc, "allocation", "walk")
    needed = _first_key(doc, "data-ingestion", "crawl")
    _item(doc, key).update(tier="extra", requires=[needed], value=3, sizes=["midsize", "enterprise"])
    tpl = model_from_document(doc).template(key)
    assert tpl is not None
    assert (tpl.tier, tpl.requires, tpl.value, tpl.sizes) == ("extra", (needed,), 3, ("midsize", "enterprise"))
    assert tpl.suits("enterprise") and tpl.suits(None) and not tpl.suits("startup")


def test_a_library_without_the_fields_loads_with_defaults(doc: dict[str, Any]) -> None:
    for cap in _caps(doc).values():
        for item in cap["initiatives"]:
            for f in ("tier", "requires", "value", "sizes"):
                item.pop(f, None)
    tpl = model_from_document(doc).template(_first_key(doc, "allocation", "crawl"))
    assert tpl is not None
    assert (tpl.tier, tpl.requires, tpl.value, tpl.sizes) == ("core", (), 2, ())


def test_bad_field_values_are_reported_with_their_path(doc: dict[str, Any]) -> None:
    item = _caps(doc)["allocation"]["initiatives"][0]
    item.update(tier="gold", value=7, sizes=["huge"], requires=[""])
    problems = _problems(doc)
    assert any("initiatives[0].tier: must be one of core, extra, not 'gold'" in p for p in problems)
    assert any("initiatives[0].value: must be" in p for p in problems)
    assert any("initiatives[0].sizes[0]: must be one of startup, midsize, enterprise" in p for p in problems)
    assert any("initiatives[0].requires[0]" in p for p in problems)


def test_requires_to_an_unknown_key_itself_or_a_later_level_is_refused(doc: dict[str, Any]) -> None:
    crawl = _first_key(doc, "allocation", "crawl")
    later = _first_key(doc, "reporting-analytics", "run")
    _item(doc, crawl)["requires"] = ["allocation.crawl.no-such-item", crawl, later]
    problems = _problems(doc)
    assert any("requires unknown initiative 'allocation.crawl.no-such-item'" in p for p in problems)
    assert any("requires itself" in p for p in problems)
    assert any(f"requires {later!r}, which is of a later level (run after crawl)" in p for p in problems)


def test_requires_loops_are_refused(doc: dict[str, Any]) -> None:
    a = _first_key(doc, "allocation", "walk")
    b = _first_key(doc, "reporting-analytics", "walk")
    _item(doc, a)["requires"] = [b]
    _item(doc, b)["requires"] = [a]
    assert any("initiatives require each other in a loop" in p for p in _problems(doc))


def test_checker_finds_missing_core_and_too_many_core(doc: dict[str, Any]) -> None:
    for item in _caps(doc)["allocation"]["initiatives"]:
        item["tier"] = "extra" if item["level"] == "crawl" else "core"
    found = [str(f) for f in library_findings(model_from_document(doc))]
    assert "allocation (crawl): has 0 core initiatives for a startup organisation (wanted 1 to 2)" in found
    walk = len([i for i in _caps(doc)["allocation"]["initiatives"] if i["level"] == "walk"])
    assert f"allocation (walk): has {walk} core initiatives for a midsize organisation (wanted 1 to 2)" in found


def test_checker_finds_a_dependency_named_only_in_the_text(doc: dict[str, Any]) -> None:
    key = _first_key(doc, "data-ingestion", "walk")
    quoted = _first_key(doc, "allocation", "crawl")
    item = _item(doc, key)
    item["description"] += f" It builds on {quoted} and on the Licensing & SaaS inventory."
    found = [str(f) for f in library_findings(model_from_document(doc))]
    assert f"{key}: quotes {quoted} but does not require it" in found
    assert f"{key}: names Licensing & SaaS but requires none of its initiatives" in found
    item["requires"] = [quoted, _first_key(doc, "licensing-saas", "crawl")]
    found = [str(f) for f in library_findings(model_from_document(doc))]
    assert not [f for f in found if f.startswith(key + ":")]


def test_initiative_renames_must_point_to_current_keys(doc: dict[str, Any]) -> None:
    current = _first_key(doc, "allocation", "crawl")
    doc["initiative_renames"] = {"allocation.crawl.old-name": current, "allocation.crawl.retired": None}
    model = model_from_document(doc)
    assert model.initiative_renames == {"allocation.crawl.old-name": current, "allocation.crawl.retired": None}
    doc["initiative_renames"] = {current: None, "allocation.walk.gone": "allocation.walk.nowhere"}
    problems = _problems(doc)
    assert any("only keys that no longer exist can be renamed" in p for p in problems)
    assert any("renames to unknown initiative 'allocation.walk.nowhere'" in p for p in problems)


def test_the_bundled_2026_library_passes_every_rule(model: CapabilityModel) -> None:
    assert [str(f) for f in library_findings(model)] == []
    assert model.initiative_renames, "the 2026 library records what its retired and merged keys became"


def test_the_bundled_2025_library_mirrors_the_2026_tiers_and_passes_every_rule() -> None:
    from planner.storage.models import load_bundled_model

    older = load_bundled_model("finops-2025")
    assert [str(f) for f in library_findings(older)] == []
    tiers = {t.tier for c in older.iter_capabilities() for t in c.initiatives}
    assert tiers == {"core", "extra"}
