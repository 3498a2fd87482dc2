"""Randomly damaged project files: loading raises only ProjectFileError, and what loads saves intact.

Mutations start from the corpus's valid base: JSON-level (a value replaced by any other JSON
value, two values swapped, a key deleted or added), then optionally byte flips and truncation of
the encoded file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.storage.errors import ProjectFileError
from planner.storage.projectfile import load_project, project_bytes
from tests.reliability.helpers import assert_plain_message, corpus_module

BASE: dict[str, Any] = corpus_module().base_document()
Path_ = tuple[str | int, ...]


def _paths(node: Any, prefix: Path_ = ()) -> list[Path_]:
    found: list[Path_] = []
    children: list[tuple[str | int, Any]] = []
    if isinstance(node, dict):
        children = list(node.items())
    elif isinstance(node, list):
        children = list(enumerate(node))
    for key, child in children:
        here = (*prefix, key)
        found.append(here)
        found.extend(_paths(child, here))
    return found


PATHS = _paths(BASE)
# Mostly the parts a consultant edits; the embedded model is large and has its own tests.
EDITABLE = [p for p in PATHS if p[0] != "model"] + [p for p in PATHS if p[0] == "model"][:40]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(["crawl", "walk", "run", "none", "allocation", "data-ingestion", "i-1", "i-2", "process", "S"]),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


def _get(doc: Any, path: Path_) -> Any:
    for key in path:
        doc = doc[key]
    return doc


def _put(doc: Any, path: Path_, value: Any) -> None:
    _get(doc, path[:-1])[path[-1]] = value


@st.composite
def mutated_documents(draw: st.DrawFn) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(json.dumps(BASE))
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["replace", "swap", "delete", "add"]))
        path = draw(st.sampled_from(EDITABLE))
        try:
            if kind == "replace":
                _put(doc, path, draw(json_values))
            elif kind == "swap":
                other = draw(st.sampled_from(EDITABLE))
                if path[: len(other)] == other or other[: len(path)] == path:
                    continue  # one inside the other: swapping would make a cycle
                a, b = _get(doc, path), _get(doc, other)
                _put(doc, path, b)
                _put(doc, other, a)
            elif kind == "delete":
                parent = _get(doc, path[:-1])
                del parent[path[-1]]
            else:
                parent = _get(doc, path[:-1])
                if isinstance(parent, dict):
                    parent[draw(st.text(max_size=10))] = draw(json_values)
        except (KeyError, IndexError, TypeError):
            pass  # an earlier mutation moved that path away: skip this one
    return doc


def _encode(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, indent=2, ensure_ascii=False).encode("utf-8", "surrogatepass")


def _check(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzzed.roadmap"
    path.write_bytes(data)
    try:
        project = load_project(path)
    except ProjectFileError as exc:
        assert_plain_message(str(exc), "fuzzed.roadmap")
        return
    # It loaded: saving must carry it unchanged (nothing the file held is lost or breaks the save).
    saved = project_bytes(project)
    path.write_bytes(saved)
    assert project_bytes(load_project(path)) == saved


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=mutated_documents())
def test_json_level_mutations_raise_only_the_project_file_error(tmp_path: Path, doc: dict[str, Any]) -> None:
    _check(tmp_path, _encode(doc))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    doc=mutated_documents(),
    flips=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=6),
    cut=st.one_of(st.none(), st.integers(0, 10**6)),
)
def test_byte_flips_and_truncation_raise_only_the_project_file_error(
    tmp_path: Path, doc: dict[str, Any], flips: list[tuple[int, int]], cut: int | None
) -> None:
    data = bytearray(_encode(doc))
    for position, byte in flips:
        data[position % len(data)] = byte
    if cut is not None:
        del data[cut % len(data) :]
    _check(tmp_path, bytes(data))
