"""Rebuild ``tests/data/bad/``: project files the planner must refuse, each with its expected message.

Run from the repository root::

    python tests/data/make_bad_corpus.py

Every file derives from one valid base project, built here from a small self-contained model, so
the corpus does not move when the bundled model is revised. ``index.json`` maps each file name to
a fragment of the one-line message the planner must give for it. The file over the 20 MB limit
is not committed: tests write it with :func:`write_oversized`. Each case breaks exactly one rule,
so ``planner validate`` reports exactly one problem for it.
"""

from __future__ import annotations

import copy
import io
import json
import random
import shutil
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
BAD = HERE / "bad"
INDEX = "index.json"
OVERSIZED_NAME = "oversized.roadmap"
OVERSIZED_FRAGMENT = "the file is too large"
FOLDER_NAME = "folder.roadmap"
FOLDER_FRAGMENT = "it is a folder, not a project file"

LENSES = ("knowledge", "process", "metrics", "adoption", "automation")


def _lens(lens_id: str) -> dict[str, Any]:
    return {
        "id": lens_id,
        "name": lens_id.capitalize(),
        "question": f"How strong is the {lens_id} behind this capability?",
        "anchors": [f"{lens_id.capitalize()} at score {n}." for n in range(5)],
    }


def _capability(cap_id: str, name: str, prerequisites: list[str]) -> dict[str, Any]:
    return {
        "id": cap_id,
        "name": name,
        "summary": f"{name}: a capability of the small test model.",
        "prerequisites": prerequisites,
        "levels": {lv: f"{name} practised at {lv} level." for lv in ("crawl", "walk", "run")},
        "kpis": [{"name": f"{name} coverage", "measure": "Share of spend covered."}],
        "questions": [f"How is {name.lower()} done today?"],
        "initiatives": [
            {
                "key": f"{cap_id}.crawl.start",
                "level": "crawl",
                "title": f"Start {name.lower()}",
                "description": f"First steps of {name.lower()}.",
                "owner": "FinOps lead",
                "effort": "S",
                "duration_months": 1,
                "lenses": ["process"],
            }
        ],
    }


def base_model() -> dict[str, Any]:
    """Return the small, valid capability model embedded in every corpus file."""
    return {
        "format": "finops-capability-model",
        "format_version": 1,
        "id": "mini-test",
        "name": "Small test model",
        "revision": 1,
        "description": "Two capabilities, enough to exercise every field of a project file.",
        "attribution": {"text": "Test data written for the planner's own tests."},
        "levels": [
            {"id": "none", "name": "Not started", "min_score": 0},
            {"id": "crawl", "name": "Crawl", "min_score": 25},
            {"id": "walk", "name": "Walk", "min_score": 50},
            {"id": "run", "name": "Run", "min_score": 75},
        ],
        "level_bands_note": "Test bands.",
        "lenses": [_lens(lens) for lens in LENSES],
        "personas": [{"name": "FinOps Practitioner", "kind": "core"}],
        "domains": [
            {
                "id": "understand",
                "name": "Understand Usage & Cost",
                "summary": "Getting cost data and assigning it.",
                "capabilities": [
                    _capability("data-ingestion", "Data Ingestion", []),
                    _capability("allocation", "Allocation", ["data-ingestion"]),
                ],
            }
        ],
    }


def base_document() -> dict[str, Any]:
    """Return the valid project document every bad file is derived from."""
    return {
        "format": "finops-roadmap-planner",
        "schema_version": 1,
        "saved_by": "planner 0.1.0",
        "model": base_model(),
        "engagement": {
            "client": "Northwind Retail",
            "title": "FinOps maturity assessment",
            "consultant": "Jane Doe",
            "firm": "Example Advisory",
            "assessment_date": "2026-11-29",
            "scopes": ["Public Cloud", "SaaS"],
            "summary": "Cost data is complete; allocation is the next step.",
        },
        "assessment": {
            "lens_weights": dict.fromkeys(LENSES, 1),
            "capabilities": {
                "data-ingestion": {
                    "applicable": True,
                    "lenses": {"knowledge": 3, "process": 2, "metrics": 2, "adoption": 3, "automation": 1},
                    "target": "run",
                    "importance": 4,
                    "notes": "All three providers are ingested daily.",
                    "internal_notes": "The data team is stretched.",
                    "evidence": ["Pipeline dashboard"],
                },
                "allocation": {
                    "applicable": True,
                    "lenses": {"knowledge": 1, "process": 1, "metrics": 0, "adoption": 1, "automation": None},
                    "target": "walk",
                    "importance": 5,
                    "notes": "Tags cover about half of spend.",
                    "internal_notes": "",
                    "evidence": [],
                },
            },
        },
        "roadmap": {
            "capacity": 3,
            "phases": [
                {"id": "crawl", "name": "Crawl", "start_month": 0},
                {"id": "walk", "name": "Walk", "start_month": 3},
                {"id": "run", "name": "Run", "start_month": 9},
            ],
            "initiatives": [
                {
                    "id": "i-1",
                    "capability": "data-ingestion",
                    "title": "Start data ingestion",
                    "description": "First steps.",
                    "phase": "crawl",
                    "owner": "Data team",
                    "effort": "S",
                    "start_month": 0,
                    "duration_months": 1,
                    "status": "planned",
                    "depends_on": [],
                    "origin": "generated",
                    "locked": False,
                    "template": "data-ingestion.crawl.start",
                    "edited": False,
                },
                {
                    "id": "i-2",
                    "capability": "allocation",
                    "title": "Tagging policy",
                    "description": "Agree the mandatory tags.",
                    "phase": "walk",
                    "owner": "Cloud platform team",
                    "effort": "M",
                    "start_month": 3,
                    "duration_months": 2,
                    "status": "in-progress",
                    "depends_on": ["i-1"],
                    "origin": "custom",
                    "locked": True,
                    "template": "",
                    "edited": True,
                },
            ],
        },
    }


def encode(document: Any) -> bytes:
    """Encode a document the way the planner writes project files (2-space indent, UTF-8)."""
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def base_bytes() -> bytes:
    """Return the bytes of the valid base project file."""
    return encode(base_document())


# -- how each case is made -------------------------------------------------------------------------
Builder = Callable[[], bytes]


def _put(doc: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split("/")
    node: Any = doc
    for key in parents:
        node = node[int(key)] if isinstance(node, list) else node[key]
    if isinstance(node, list):
        node[int(last)] = copy.deepcopy(value)
    else:
        node[last] = copy.deepcopy(value)


def _set(path: str, value: Any, also: dict[str, Any] | None = None) -> Builder:
    """Set the value at a ``/``-separated path of the base document (a missing last key is added).

    ``also`` sets more paths, where one rule cannot be broken without breaking another as well.
    """

    def build() -> bytes:
        doc = base_document()
        _put(doc, path, value)
        for other, other_value in (also or {}).items():
            _put(doc, other, other_value)
        return encode(doc)

    return build


def _delete(path: str) -> Builder:
    def build() -> bytes:
        doc = base_document()
        *parents, last = path.split("/")
        node: Any = doc
        for key in parents:
            node = node[key]
        del node[last]
        return encode(doc)

    return build


def _replace(old: str, new: str) -> Builder:
    """Replace the first occurrence of ``old`` in the base file's text (for what JSON cannot express)."""

    def build() -> bytes:
        text = base_bytes().decode("utf-8")
        if old not in text:
            raise AssertionError(f"{old!r} is not in the base file")
        return text.replace(old, new, 1).encode("utf-8")

    return build


def _truncate(fraction: float) -> Builder:
    def build() -> bytes:
        data = base_bytes()
        return data[: int(len(data) * fraction)]

    return build


def _raw(data: bytes) -> Builder:
    return lambda: data


def _random_bytes() -> bytes:
    return random.Random(20261129).randbytes(4096)  # reproducible, not secret


def _zip_of_base() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo("project.roadmap", date_time=(2026, 11, 29, 9, 0, 0))
        archive.writestr(info, base_bytes())
    return buffer.getvalue()


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


def _latin1() -> bytes:
    text = base_bytes().decode("utf-8").replace("Northwind Retail", "Café Müller GmbH")
    return text.encode("latin-1")


def _deep(levels: int) -> Builder:
    def build() -> bytes:
        doc = base_document()
        doc["engagement"]["nested"] = "@DEEP@"
        return encode(doc).replace(b'"@DEEP@"', b"[" * levels + b"]" * levels)

    return build


CAP = "assessment/capabilities/allocation"
INIT = "roadmap/initiatives/1"

#: file name -> (how it is made, a fragment of the message the planner must give)
CASES: dict[str, tuple[Builder, str]] = {
    # empty, truncated, not text
    "empty.roadmap": (_raw(b""), "the file is empty"),
    "whitespace-only.roadmap": (_raw(b" \n\t\r\n  \n"), "the file is empty"),
    "truncated-first-byte.roadmap": (lambda: base_bytes()[:1], "the file looks truncated"),
    "truncated-10-percent.roadmap": (_truncate(0.10), "the file looks truncated"),
    "truncated-50-percent.roadmap": (_truncate(0.50), "the file looks truncated"),
    "truncated-90-percent.roadmap": (_truncate(0.90), "the file looks truncated"),
    "truncated-last-brace.roadmap": (lambda: base_bytes()[:-2], "the file looks truncated"),
    "binary-random.roadmap": (_random_bytes, "it is not UTF-8 text"),
    "binary-with-nul.roadmap": (lambda: base_bytes()[:100] + b"\x00\x00\x00" + base_bytes()[100:], "binary file"),
    "zip-archive.roadmap": (_zip_of_base, "it is not UTF-8 text"),
    "png-image.roadmap": (_png, "it is not UTF-8 text"),
    # other encodings
    "utf16-le-bom.roadmap": (lambda: base_bytes().decode("utf-8").encode("utf-16"), "it is UTF-16 text, not UTF-8"),
    "utf16-be-no-bom.roadmap": (lambda: base_bytes().decode("utf-8").encode("utf-16-be"), "it is UTF-16 text, not UTF-8"),
    "latin1.roadmap": (_latin1, "it is not UTF-8 text"),
    # not JSON
    "plain-text.roadmap": (_raw(b"Workshop notes: tagging is a mess.\n"), "it is not valid JSON"),
    "trailing-garbage.roadmap": (lambda: base_bytes() + b"garbage\n", "not valid JSON: extra data"),
    "trailing-comma.roadmap": (_replace('"edited": true\n', '"edited": true,\n'), "it is not valid JSON"),
    "control-character.roadmap": (_replace("Tags cover", "Tags\x01cover"), "invalid control character"),
    "single-quotes.roadmap": (_replace('"client": "Northwind Retail"', "'client': 'Northwind Retail'"), "it is not valid JSON"),
    # JSON, but not a project
    "other-json-package.roadmap": (_raw(b'{"name": "my-app", "version": "1.0.0", "dependencies": {}}\n'), "not a FinOps Roadmap Planner project file"),
    "json-array.roadmap": (_raw(b"[1, 2, 3]\n"), "not a FinOps Roadmap Planner project file"),
    "json-null.roadmap": (_raw(b"null\n"), "not a FinOps Roadmap Planner project file"),
    "json-string.roadmap": (_raw(b'"finops-roadmap-planner"\n'), "not a FinOps Roadmap Planner project file"),
    "capability-model.roadmap": (lambda: encode(base_model()), "not a FinOps Roadmap Planner project file"),
    "lock-file.roadmap": (_raw(b'{"format": "finops-roadmap-planner-lock", "user": "jane", "pid": 1}\n'), "not a FinOps Roadmap Planner project file"),
    # versions
    "newer-schema-version.roadmap": (_set("schema_version", 3), "saved by a newer version of the planner (file format version 3"),
    "schema-version-text.roadmap": (_set("schema_version", "1"), "schema_version: must be a whole number of at least 1, not '1'"),
    "schema-version-zero.roadmap": (_set("schema_version", 0), "schema_version: must be a whole number of at least 1, not 0"),
    "schema-version-missing.roadmap": (_delete("schema_version"), "schema_version: must be a whole number of at least 1, not None"),
    # wrong types
    "engagement-is-text.roadmap": (_set("engagement", "Northwind"), "engagement: must be an object, not text"),
    "client-is-number.roadmap": (_set("engagement/client", 42), "engagement.client: must be text"),
    "scopes-is-text.roadmap": (_set("engagement/scopes", "Public Cloud"), "engagement.scopes: must be a list, not text"),
    "lenses-is-list.roadmap": (_set(f"{CAP}/lenses", [1, 1, 0, 1]), "allocation.lenses: must be an object"),
    "score-is-text.roadmap": (_set(f"{CAP}/lenses/process", "3"), "lenses.process: must be a whole number from 0 to 4, not '3'"),
    "score-is-boolean.roadmap": (_set(f"{CAP}/lenses/process", True), "lenses.process: must be a whole number from 0 to 4"),
    "applicable-is-text.roadmap": (_set(f"{CAP}/applicable", "yes"), "allocation.applicable: must be true or false"),
    "capacity-is-text.roadmap": (_set("roadmap/capacity", "three"), "roadmap.capacity: must be a whole number"),
    "initiatives-is-object.roadmap": (_set("roadmap/initiatives", {"i-1": {}}), "roadmap.initiatives: must be a list"),
    # out of range
    "score-too-high.roadmap": (_set(f"{CAP}/lenses/process", 7), "lenses.process: must be from 0 to 4, not 7"),
    "score-negative.roadmap": (_set(f"{CAP}/lenses/metrics", -1), "lenses.metrics: must be from 0 to 4, not -1"),
    "score-fraction.roadmap": (_set(f"{CAP}/lenses/metrics", 2.5), "must be a whole number from 0 to 4, not 2.5"),
    "importance-too-high.roadmap": (_set(f"{CAP}/importance", 9), "allocation.importance: must be from 1 to 5, not 9"),
    "capacity-zero.roadmap": (_set("roadmap/capacity", 0), "roadmap.capacity: must be from 1 to 50, not 0"),
    "duration-zero.roadmap": (_set(f"{INIT}/duration_months", 0), "duration_months: must be from 1 to 120, not 0"),
    "start-month-negative.roadmap": (_set(f"{INIT}/start_month", -3), "start_month: must be from 0 to 600, not -3"),
    "lens-weight-too-high.roadmap": (_set("assessment/lens_weights/process", 11), "lens_weights.process: must be from 0 to 10, not 11"),
    "lens-weights-all-zero.roadmap": (_set("assessment/lens_weights", dict.fromkeys(LENSES, 0)), "at least one lens must weigh more than 0"),
    "client-too-long.roadmap": (_set("engagement/client", "N" * 501), "engagement.client: is too long (501 characters; at most 500)"),
    "date-wrong-format.roadmap": (_set("engagement/assessment_date", "29/11/2026"), "assessment_date: must be a date like 2026-11-29"),
    "date-impossible.roadmap": (_set("engagement/assessment_date", "2026-02-30"), "assessment_date: must be a date like 2026-11-29"),
    # unknown ids
    "unknown-capability.roadmap": (_set("assessment/capabilities/cloud-magic", {"lenses": {}}), "unknown capability 'cloud-magic'"),
    "unknown-level.roadmap": (_set(f"{CAP}/target", "sprint"), "allocation.target: unknown level 'sprint'"),
    "unknown-lens.roadmap": (_set(f"{CAP}/lenses/charisma", 2), "unknown lens 'charisma'"),
    "unknown-lens-weight.roadmap": (_set("assessment/lens_weights/charisma", 1), "unknown lens 'charisma'"),
    "unknown-phase.roadmap": (_set(f"{INIT}/phase", "fly"), "unknown phase 'fly'"),
    "unknown-initiative-capability.roadmap": (_set(f"{INIT}/capability", "teleportation"), "unknown capability 'teleportation'"),
    "unknown-dependency.roadmap": (_set(f"{INIT}/depends_on", ["ghost"]), "unknown initiative 'ghost'"),
    "unknown-effort.roadmap": (_set(f"{INIT}/effort", "XXL"), "effort: must be one of"),
    "unknown-status.roadmap": (_set(f"{INIT}/status", "finished"), "status: must be one of"),
    "duplicate-initiative-id.roadmap": (_set(f"{INIT}/id", "i-1", also={f"{INIT}/depends_on": []}), "duplicate initiative id 'i-1'"),
    "model-lens-missing-anchor.roadmap": (_set("model/lenses/1/anchors", ["a", "b", "c", "d"]), "model.lenses[1].anchors: needs exactly 5 anchors (scores 0-4), found 4"),
    # numbers JSON should not carry
    "nan.roadmap": (_replace('"importance": 5', '"importance": NaN'), "NaN, which is not a valid JSON number"),
    "infinity.roadmap": (_replace('"importance": 5', '"importance": Infinity'), "Infinity, which is not a valid JSON number"),
    "negative-infinity.roadmap": (_replace('"importance": 5', '"importance": -Infinity'), "-Infinity, which is not a valid JSON number"),
    "huge-float.roadmap": (_replace('"importance": 5', '"importance": 1e400'), "too large to represent"),
    "huge-integer.roadmap": (_replace('"importance": 5', '"importance": ' + "9" * 5000), "5000-digit number"),
    "long-integer.roadmap": (_replace('"importance": 5', '"importance": 1234567890123456789'), "19-digit number"),
    # structure JSON allows but a project must not have
    "duplicate-key.roadmap": (_replace('"importance": 5,', '"importance": 5, "importance": 1,'), "the key 'importance' appears twice"),
    "deep-nesting.roadmap": (_deep(100), "nested more than 64 levels deep"),
    "deep-nesting-100000.roadmap": (_deep(100_000), "nested more than 64 levels deep"),
    "lone-surrogate.roadmap": (_replace('"notes": "Tags', '"notes": "\\ud800Tags'), "a lone surrogate"),
    "lone-surrogate-in-key.roadmap": (_replace('"allocation": {', '"alloc\\udc00ation": {'), "a lone surrogate"),
}  # fmt: skip


def build(folder: Path = BAD) -> dict[str, str]:
    """Write every case and ``index.json`` into ``folder`` (emptied first); return the index."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    index: dict[str, str] = {}
    for name, (builder, fragment) in CASES.items():
        (folder / name).write_bytes(builder())
        index[name] = fragment
    nested = folder / FOLDER_NAME
    nested.mkdir()
    (nested / "README.txt").write_text("A folder named like a project file; opening it must be refused.\n")
    index[FOLDER_NAME] = FOLDER_FRAGMENT
    (folder / ".gitattributes").write_text("* -text -diff\n")
    (folder / INDEX).write_text(json.dumps(index, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return index


def write_oversized(path: Path, size: int = 21 * 1024 * 1024) -> Path:
    """Write a project file just over the size limit: the valid base padded inside a text value."""
    data = base_bytes()
    marker = b'"summary": "'
    at = data.index(marker) + len(marker)
    padding = b"x" * (size - len(data))
    path.write_bytes(data[:at] + padding + data[at:])
    return path


if __name__ == "__main__":
    written = build(Path(sys.argv[1]) if len(sys.argv) > 1 else BAD)
    print(f"wrote {len(written)} bad project files and {INDEX}")
