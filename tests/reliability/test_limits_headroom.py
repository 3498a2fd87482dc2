"""Head-room at every limit: a file that opens saves and opens again, byte for byte on the next save.

A Hypothesis property over documents at the limits of :mod:`planner.model.limits` (texts at their
longest in wide and escaped characters, the last month, the longest duration, the highest
capacity, many initiatives), written compact or pretty-printed; a 1,000-capability model; and a
compact file just under the size limit whose pretty form would not fit.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from planner.model.capmodel import CapabilityModel
from planner.model.limits import (
    CAPACITY_RANGE,
    DURATION_RANGE,
    FILE_BYTES_MAX,
    IMPORTANCE_RANGE,
    LONG_TEXT_MAX,
    MONTH_MAX,
    NAME_MAX,
    OWNER_CAPACITY_RANGE,
    SHORT_TEXT_MAX,
    TITLE_MAX,
    WEIGHT_RANGE,
)
from planner.model.modelload import model_from_document
from planner.model.project import Assessment, CapabilityAssessment, Project, Roadmap
from planner.model.roadmap import generate_roadmap
from planner.storage.errors import ProjectFileError
from planner.storage.projectdoc import project_to_document
from planner.storage.projectfile import load_project, save_project
from tests.factories import scored_project
from tests.unit.test_roadmap_schedule import synthetic_document

#: One character of each kind the file holds differently: ASCII, two, three and four UTF-8 bytes,
#: characters JSON escapes (quote, backslash, a control), line breaks and separators, NBSP.
CHARS = ("x", "é", "漢", "😀", '"', "\\", "\x1b", "\n", "\u2028", "\u00a0")


def text_at(limit: int) -> st.SearchStrategy[str]:
    """A text of exactly ``limit`` characters (sometimes one less), of one or two kinds of character."""
    return st.builds(
        lambda a, b, short: (a + b) * ((limit - short) // 2) + a * ((limit - short) % 2),
        st.sampled_from(CHARS),
        st.sampled_from(CHARS),
        st.sampled_from((0, 1)),
    )


def roundtrip(path: Path) -> None:
    """Open, save, open, save: the second save writes the very bytes of the first."""
    project = load_project(path)
    save_project(project, path, keep_backup=False)
    first = path.read_bytes()
    again = load_project(path)
    assert project_to_document(again) == project_to_document(project)
    save_project(again, path, keep_backup=False)
    assert path.read_bytes() == first
    assert len(first) <= FILE_BYTES_MAX


@st.composite
def documents_at_the_limits(draw: st.DrawFn, base: dict[str, Any]) -> dict[str, Any]:
    doc = json.loads(json.dumps(base))
    eng = doc["engagement"]
    for key in ("client", "title", "consultant", "firm"):
        eng[key] = draw(text_at(SHORT_TEXT_MAX))
    eng["scopes"] = [draw(text_at(SHORT_TEXT_MAX))]
    caps = doc["assessment"]["capabilities"]
    cap = caps[draw(st.sampled_from(sorted(caps)))]
    long_field = draw(st.sampled_from(("notes", "internal_notes", "evidence", "summary", "description")))
    long_text = draw(text_at(LONG_TEXT_MAX))
    cap["importance"] = IMPORTANCE_RANGE[1]
    doc["assessment"]["lens_weights"] = dict.fromkeys(doc["assessment"]["lens_weights"], WEIGHT_RANGE[1])
    road = doc["roadmap"]
    road["capacity"] = draw(st.sampled_from(CAPACITY_RANGE))
    for phase in road["phases"]:
        phase["name"] = draw(text_at(NAME_MAX))
        phase["start_month"] = MONTH_MAX
    template = road["initiatives"][0]
    count = draw(st.sampled_from((1, 50, 500)))
    items = []
    for i in range(count):
        item = dict(template)
        item["id"] = f"{i:06d}" + "i" * (NAME_MAX - 6)
        item["depends_on"] = [items[-1]["id"]] if items else []
        items.append(item)
    first = items[0]
    first["title"] = "T" + draw(text_at(TITLE_MAX - 1))  # a title of blanks alone is refused, rightly
    first["owner"] = draw(text_at(SHORT_TEXT_MAX))
    first["start_month"] = MONTH_MAX
    first["duration_months"] = DURATION_RANGE[1]
    road["initiatives"] = items
    if long_field == "summary":
        eng["summary"] = long_text
    elif long_field == "description":
        first["description"] = long_text
    elif long_field == "evidence":
        cap["evidence"] = [long_text]
    else:
        cap[long_field] = long_text
    return doc


@pytest.fixture(scope="module")
def base_document(model: CapabilityModel) -> dict[str, Any]:
    project = scored_project(model)
    assert project.roadmap.initiatives
    return project_to_document(project)


def test_every_file_at_the_limits_that_opens_saves_and_opens_again(
    base_document: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("limits")

    @settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(doc=documents_at_the_limits(base_document), compact=st.booleans())
    def check(doc: dict[str, Any], compact: bool) -> None:
        path = folder / "limits.roadmap"
        text = json.dumps(
            doc, ensure_ascii=False, separators=(",", ":") if compact else None, indent=None if compact else 2
        )
        path.write_bytes(text.encode("utf-8"))
        try:
            load_project(path)
        except ProjectFileError as exc:
            event("refused on open")
            refusal = str(exc)
        else:
            refusal = ""
        if refusal:
            assert "too large" in refusal, refusal  # the only limit a document here can break
            return
        roundtrip(path)

    check()


def test_a_thousand_capability_model_round_trips(tmp_path: Path) -> None:
    model = model_from_document(synthetic_document(1000, (2, 2, 1), seed=11))
    assessment = Assessment(lens_weights=dict.fromkeys(model.lens_ids, 1.0))
    for i, cap in enumerate(model.iter_capabilities()):
        assessment.capabilities[cap.id] = CapabilityAssessment(
            lenses=dict.fromkeys(model.lens_ids, i % 3), target="run", notes=f"Finding {i}.", evidence=[f"Doc {i}"]
        )
    # At the highest capacities the plan of every capability fits the file's months.
    settings = Roadmap(capacity=CAPACITY_RANGE[1], owner_capacity=OWNER_CAPACITY_RANGE[1])
    roadmap = generate_roadmap(model, assessment, settings=settings)
    project = Project(model, assessment=assessment, roadmap=roadmap)
    assert len(project.roadmap.initiatives) > 1000
    path = tmp_path / "large.roadmap"
    save_project(project, path)
    assert project_to_document(load_project(path)) == project_to_document(project)
    roundtrip(path)


def test_a_compact_file_just_under_the_size_limit_saves_and_reopens(
    base_document: dict[str, Any], tmp_path: Path
) -> None:
    """Pretty-printing would take it past the limit: the save writes it compact instead."""
    doc = json.loads(json.dumps(base_document))

    def compact(value: Any) -> bytes:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    caps = doc["assessment"]["capabilities"]
    for cap in sorted(caps):  # long notes while they fit, leaving room for the summary
        if len(compact(doc)) + LONG_TEXT_MAX < FILE_BYTES_MAX - 100_000:
            caps[cap]["notes"] = "n" * (LONG_TEXT_MAX - 10)

    # Grow the summary until the compact file sits a few bytes under the limit.
    doc["engagement"]["summary"] = ""
    doc["engagement"]["summary"] = "s" * (FILE_BYTES_MAX - 3 - len(compact(doc)))
    data = compact(doc)
    assert FILE_BYTES_MAX - 10 < len(data) <= FILE_BYTES_MAX
    pretty = json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")
    assert len(pretty) > FILE_BYTES_MAX, "the pretty form must not fit for this test to mean anything"
    path = tmp_path / "big.roadmap"
    path.write_bytes(data)
    roundtrip(path)
    assert b"\n  " not in path.read_bytes()  # written compact
    small = tmp_path / "small.roadmap"
    save_project(load_project(path), small)
    project = load_project(small)
    project.engagement.summary = "Short again."
    save_project(project, small)
    assert small.read_bytes().startswith(b'{\n  "format"')  # pretty again once it fits
