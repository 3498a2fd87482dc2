"""The .roadmap project file: round trips, unknown keys, migration, atomic saves, refusals."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.model.capmodel import CapabilityModel
from planner.model.limits import LONG_TEXT_MAX
from planner.model.project import CapabilityAssessment, Project
from planner.storage import migrate as migrate_module
from planner.storage.errors import ProjectFileError
from planner.storage.projectdoc import project_to_document
from planner.storage.projectfile import check_project_file, load_project, project_bytes, save_project
from tests.conftest import DATA
from tests.factories import scored_project


def test_save_and_reload_gives_the_same_project(model: CapabilityModel, tmp_path: Path) -> None:
    project = scored_project(model)
    path = tmp_path / "northwind.roadmap"
    save_project(project, path)
    again = load_project(path)
    again.saved_by = project.saved_by
    assert again == project
    # Saving the reloaded project gives the same bytes: stable, diff-friendly output.
    assert project_bytes(again) == path.read_bytes()


def test_file_layout_matches_the_design(model: CapabilityModel, tmp_path: Path) -> None:
    path = tmp_path / "p.roadmap"
    save_project(scored_project(model), path)
    text = path.read_text(encoding="utf-8")
    doc = json.loads(text)
    assert list(doc)[:7] == ["format", "schema_version", "saved_by", "model", "engagement", "assessment", "roadmap"]
    assert doc["format"] == "finops-roadmap-planner"
    assert doc["schema_version"] == 2
    assert doc["model"]["id"] == "finops-2026"
    assert doc["assessment"]["lens_weights"]["knowledge"] == 1
    assert text.startswith('{\n  "format"')
    assert text.endswith("}\n")


def test_unknown_keys_survive_a_round_trip(model: CapabilityModel, tmp_path: Path) -> None:
    doc = project_to_document(scored_project(model))
    doc["future_top"] = {"x": [1, 2]}
    doc["engagement"]["sector"] = "Retail"
    doc["assessment"]["capabilities"]["allocation"]["confidence"] = "high"
    doc["roadmap"]["initiatives"][0]["budget_eur"] = 12000
    doc["roadmap"]["phases"][0]["colour"] = "#aabbcc"
    doc["model"]["publisher_note"] = "kept verbatim"
    path = tmp_path / "future.roadmap"
    path.write_text(json.dumps(doc), encoding="utf-8")
    out = tmp_path / "out.roadmap"
    save_project(load_project(path), out)
    again = json.loads(out.read_text(encoding="utf-8"))
    assert again["future_top"] == {"x": [1, 2]}
    assert again["engagement"]["sector"] == "Retail"
    assert again["assessment"]["capabilities"]["allocation"]["confidence"] == "high"
    assert again["roadmap"]["initiatives"][0]["budget_eur"] == 12000
    assert again["roadmap"]["phases"][0]["colour"] == "#aabbcc"
    assert again["model"]["publisher_note"] == "kept verbatim"


def test_golden_files_of_every_schema_version_still_open() -> None:
    goldens = sorted(DATA.glob("project-v*.roadmap"))
    assert [g.name for g in goldens] == [f"project-v{v}.roadmap" for v in range(1, migrate_module.CURRENT_SCHEMA + 1)]
    for golden in goldens:
        project = load_project(golden)
        assert project.engagement.client == "Golden Fixture Ltd"
        assert project.assessment.capabilities["allocation"].lenses["process"] == 1
        assert check_project_file(golden) == []


def test_migration_runs_one_step_per_version() -> None:
    calls: list[int] = []

    def v1_to_v2(doc: dict[str, Any]) -> dict[str, Any]:
        calls.append(1)
        return {**doc, "added_in_v2": True}

    def v2_to_v3(doc: dict[str, Any]) -> dict[str, Any]:
        calls.append(2)
        return {**doc, "added_in_v3": True}

    out = migrate_module.migrate({"schema_version": 1}, 1, steps={1: v1_to_v2, 2: v2_to_v3}, current=3)
    assert calls == [1, 2]
    assert out == {"schema_version": 3, "added_in_v2": True, "added_in_v3": True}
    with pytest.raises(migrate_module.MigrationError, match="newer version"):
        migrate_module.migrate({}, 4, current=3)
    with pytest.raises(migrate_module.MigrationError, match="not supported"):
        migrate_module.migrate({}, 1, steps={}, current=2)


def test_save_keeps_the_previous_version_as_bak(model: CapabilityModel, tmp_path: Path) -> None:
    path = tmp_path / "p.roadmap"
    project = scored_project(model)
    save_project(project, path)
    first = path.read_bytes()
    project.engagement.client = "Renamed Client"
    save_project(project, path)
    assert (tmp_path / "p.roadmap.bak").read_bytes() == first
    assert load_project(path).engagement.client == "Renamed Client"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.roadmap", "p.roadmap.bak"]


def test_unserialisable_text_fails_before_the_disk_is_touched(model: CapabilityModel, tmp_path: Path) -> None:
    path = tmp_path / "p.roadmap"
    project = scored_project(model)
    save_project(project, path)
    before = path.read_bytes()
    project.engagement.summary = "broken \ud800 surrogate"
    with pytest.raises(ProjectFileError, match="invalid text"):
        save_project(project, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.roadmap"]


def test_missing_folder_is_a_plain_error(model: CapabilityModel, tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match=r"p\.roadmap: could not save: the folder does not exist"):
        save_project(scored_project(model), tmp_path / "nope" / "p.roadmap")


# -- refusals ------------------------------------------------------------------------------------
def _valid_doc(model: CapabilityModel) -> dict[str, Any]:
    return json.loads(project_bytes(scored_project(model)))


def _write(tmp_path: Path, data: bytes | str, name: str = "bad.roadmap") -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _set(doc: dict[str, Any], dotted: str, value: Any) -> dict[str, Any]:
    *parents, last = dotted.split("/")
    node: Any = doc
    for key in parents:
        node = node[int(key)] if isinstance(node, list) else node[key]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return doc


REFUSALS: list[tuple[str, str, str]] = [
    # (case, how to corrupt, expected message fragment)
    ("empty", "raw:", "the file is empty"),
    ("whitespace", "raw:   \n\n", "the file is empty"),
    ("not json", "raw:hello, I am a text file", "not valid JSON"),
    ("truncated", "truncate:500", "the file looks truncated"),
    ("latin-1", "latin1", "not UTF-8"),
    ("binary", "raw-bytes:\x00\x01\x02PK\x03\x04", "binary"),
    ("other json", 'raw:{"name": "package.json"}', "not a FinOps Roadmap Planner project file"),
    ("list at top", "raw:[1, 2, 3]", "not a FinOps Roadmap Planner project file"),
    ("newer version", "set:schema_version=99", "newer version of the planner (file format version 99"),
    ("version as text", 'set:schema_version="1"', "schema_version: must be a whole number"),
    ("score out of range", "set:assessment/capabilities/allocation/lenses/process=7", "lenses.process: must be from 0 to 4, not 7"),
    ("score negative", "set:assessment/capabilities/allocation/lenses/metrics=-1", "must be from 0 to 4, not -1"),
    ("score as text", 'set:assessment/capabilities/allocation/lenses/metrics="3"', "must be a whole number from 0 to 4, not '3'"),
    ("score fraction", "set:assessment/capabilities/allocation/lenses/metrics=2.5", "must be a whole number from 0 to 4, not 2.5"),
    ("unknown capability", 'set:assessment/capabilities/cloud-magic={"lenses": {}}', "unknown capability 'cloud-magic'"),
    ("unknown level", 'set:assessment/capabilities/allocation/target="fly"', "target: unknown level 'fly'"),
    ("unknown lens", 'set:assessment/capabilities/allocation/lenses/charisma=2', "unknown lens 'charisma'"),
    ("importance", "set:assessment/capabilities/allocation/importance=9", "importance: must be from 1 to 5"),
    ("wrong type", 'set:engagement="Acme"', "engagement: must be an object, not text"),
    ("applicable", 'set:assessment/capabilities/allocation/applicable="yes"', "applicable: must be true or false"),
    ("bad date", 'set:engagement/assessment_date="29/11/2026"', "assessment_date: must be a date like 2026-11-29"),
    ("capacity", "set:roadmap/capacity=0", "roadmap.capacity: must be from 1 to 50"),
    ("dangling dependency", 'set:roadmap/initiatives/0/depends_on=["ghost"]', "unknown initiative 'ghost'"),
    ("broken model", "set:model/levels=[]", "model.levels: needs at least two levels"),
    ("nan", "raw-replace:\"importance\": 1,=\"importance\": NaN,", "NaN, which is not a valid JSON number"),
    ("infinity", "raw-replace:\"importance\": 1,=\"importance\": Infinity,", "Infinity"),
    ("huge float", "raw-replace:\"importance\": 1,=\"importance\": 1e999,", "too large"),
    ("huge integer", "raw-replace:\"importance\": 1,=\"importance\": " + "9" * 5000 + ",", "5000-digit number"),
    ("duplicate key", "raw-replace:\"importance\": 1,=\"importance\": 1, \"importance\": 2,", "appears twice"),
    ("deep nesting", "deep", "nested more than 64 levels deep"),
    ("lone surrogate", 'raw-replace:"notes": "=\"notes\": \"\\ud800', "invalid character"),
]  # fmt: skip


def _corrupt(model: CapabilityModel, tmp_path: Path, how: str) -> Path:
    kind, _, arg = how.partition(":")
    valid = project_bytes(scored_project(model))
    if kind == "raw":
        return _write(tmp_path, arg)
    if kind == "raw-bytes":
        return _write(tmp_path, arg.encode("latin-1"))
    if kind == "truncate":
        return _write(tmp_path, valid[: int(arg)])
    if kind == "latin1":
        return _write(tmp_path, valid.decode("utf-8").replace("Northwind", "Nörthwind").encode("latin-1"))
    if kind == "raw-replace":
        old, new = arg.split("=", 1)
        text = valid.decode("utf-8")
        assert old in text
        return _write(tmp_path, text.replace(old, new, 1))
    if kind == "deep":
        doc = _valid_doc(model)
        doc["engagement"]["deep"] = json.loads("[" * 200 + "]" * 200)
        return _write(tmp_path, json.dumps(doc))
    if kind == "set":
        dotted, value = arg.split("=", 1)
        return _write(tmp_path, json.dumps(_set(_valid_doc(model), dotted, json.loads(value))))
    raise AssertionError(kind)


@pytest.mark.parametrize(("case", "how", "expected"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_refused_inputs_get_one_clear_message(
    model: CapabilityModel, tmp_path: Path, case: str, how: str, expected: str
) -> None:
    path = _corrupt(model, tmp_path, how)
    with pytest.raises(ProjectFileError) as info:
        load_project(path)
    message = str(info.value)
    assert message.startswith("bad.roadmap: "), message
    assert expected in message, message
    assert "\n" not in message
    assert check_project_file(path), "validate must report it too"


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.roadmap"
    with path.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    with pytest.raises(
        ProjectFileError, match=r"huge\.roadmap: the file is too large \(21\.0 MB; the limit is 20 MB\)"
    ):
        load_project(path)


def test_folder_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="it is a folder"):
        load_project(tmp_path)
    with pytest.raises(ProjectFileError, match="the file does not exist"):
        load_project(tmp_path / "missing.roadmap")


def test_utf8_bom_is_accepted(model: CapabilityModel, tmp_path: Path) -> None:
    path = _write(tmp_path, b"\xef\xbb\xbf" + project_bytes(scored_project(model)))
    assert load_project(path).engagement.client == "Northwind Retail"


def test_validate_lists_every_problem(model: CapabilityModel, tmp_path: Path) -> None:
    doc = _valid_doc(model)
    doc["assessment"]["capabilities"]["allocation"]["lenses"]["process"] = 9
    doc["assessment"]["capabilities"]["forecasting"]["target"] = "sprint"
    doc["roadmap"]["capacity"] = 500
    path = _write(tmp_path, json.dumps(doc))
    problems = check_project_file(path)
    assert len(problems) == 3
    assert all(p.startswith("bad.roadmap: ") for p in problems)
    with pytest.raises(ProjectFileError, match=r"\(and 2 more problems\)"):
        load_project(path)


# -- properties ------------------------------------------------------------------------------------
text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
score = st.one_of(st.none(), st.integers(0, 4))


@st.composite
def projects(draw: st.DrawFn, model: CapabilityModel) -> Project:
    project = scored_project(model, client=draw(text))
    project.engagement.summary = draw(text)
    project.engagement.scopes = draw(st.lists(text, max_size=3))
    caps = draw(st.lists(st.sampled_from(sorted(model.capabilities)), unique=True, max_size=6))
    project.assessment.capabilities = {
        cid: CapabilityAssessment(
            applicable=draw(st.booleans()),
            lenses={lens: draw(score) for lens in draw(st.lists(st.sampled_from(model.lens_ids), unique=True))},
            target=draw(st.one_of(st.none(), st.sampled_from(model.level_ids))),
            importance=draw(st.integers(1, 5)),
            notes=draw(text),
            internal_notes=draw(text),
            evidence=draw(st.lists(text, max_size=2)),
        )
        for cid in caps
    }
    project.assessment.lens_weights = {
        lens: draw(st.sampled_from([0.5, 1.0, 2.0, 3.0])) for lens in draw(st.lists(st.sampled_from(model.lens_ids)))
    }
    return project


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_project_round_trips_unchanged(model: CapabilityModel, tmp_path: Path, data: st.DataObject) -> None:
    project = data.draw(projects(model))
    path = tmp_path / "gen.roadmap"
    save_project(project, path, keep_backup=False)
    again = load_project(path)
    again.saved_by = project.saved_by
    assert again == project


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(0, 10_000), flips=st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 255)), max_size=4))
def test_truncated_or_mutated_files_only_raise_the_project_error(
    model: CapabilityModel, tmp_path: Path, cut: int, flips: list[tuple[int, int]]
) -> None:
    data = bytearray(project_bytes(scored_project(model)))
    for pos, byte in flips:
        data[pos % len(data)] = byte
    if cut:
        del data[len(data) - cut % len(data) :]
    path = _write(tmp_path, bytes(data), "mutated.roadmap")
    try:
        load_project(path)
    except ProjectFileError as exc:
        message = str(exc)
    else:
        return  # a harmless mutation (inside a text value, say) still loads
    assert message.startswith("mutated.roadmap: ")
    assert "\n" not in message


def test_new_files_get_the_usual_permissions_and_existing_ones_keep_theirs(
    model: CapabilityModel, tmp_path: Path
) -> None:
    import os
    import stat

    old = os.umask(0o027)
    try:
        path = tmp_path / "new.roadmap"
        save_project(scored_project(model), path)
        assert stat.S_IMODE(path.stat().st_mode) == 0o640
        path.chmod(0o604)
        save_project(scored_project(model), path)
        assert stat.S_IMODE(path.stat().st_mode) == 0o604
    finally:
        os.umask(old)


def test_unusable_character_is_named_without_codec_jargon(model: CapabilityModel, tmp_path: Path) -> None:
    project = scored_project(model)
    project.engagement.summary = "Costs in Q4 \udc80 rose"
    with pytest.raises(ProjectFileError) as info:
        save_project(project, tmp_path / "p.roadmap")
    assert str(info.value) == (
        "p.roadmap: the project could not be saved: it holds invalid text (an unusable character U+DC80 "
        "after 'Costs in Q4 '; delete it and save again)"
    )


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_files_are_named_as_such(model: CapabilityModel, tmp_path: Path, encoding: str) -> None:
    path = _write(tmp_path, project_bytes(scored_project(model)).decode("utf-8").encode(encoding))
    with pytest.raises(ProjectFileError, match="it is UTF-16 text, not UTF-8; save it again as UTF-8"):
        load_project(path)


@pytest.mark.parametrize(
    ("spoil", "field"),
    [
        (lambda p: setattr(p.engagement, "client", "x" * 600), "engagement.client"),
        (lambda p: setattr(p.assessment.capabilities["allocation"], "notes", "n" * (LONG_TEXT_MAX + 1)), "notes"),
        (lambda p: setattr(p.roadmap.initiatives[0], "start_month", 601), "start_month"),
        (lambda p: setattr(p.roadmap.initiatives[0], "title", "t" * 1001), "title"),
    ],
)
def test_a_project_that_would_not_open_again_is_not_saved(
    tmp_path: Path, model: CapabilityModel, spoil: Any, field: str
) -> None:
    path = tmp_path / "acme.roadmap"
    save_project(scored_project(model), path, keep_backup=False)
    before = path.read_bytes()
    project = scored_project(model)
    spoil(project)
    with pytest.raises(ProjectFileError, match=f"could not be opened again: .*{field}") as caught:
        save_project(project, path)
    assert "acme.roadmap" in str(caught.value)
    assert path.read_bytes() == before
    assert not path.with_name("acme.roadmap.bak").exists()


def test_a_named_pipe_is_refused_before_reading_so_nothing_hangs(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.roadmap"
    os.mkfifo(fifo)
    with pytest.raises(ProjectFileError, match="it is a named pipe, not a project file"):
        load_project(fifo)  # an open() of a pipe with no writer would block forever
    assert check_project_file(fifo) == [f"{fifo.name}: it is a named pipe, not a project file"]
    with pytest.raises(ProjectFileError, match="it is a device, not a project file"):
        load_project(Path("/dev/null"))


def test_a_version_1_file_opens_with_its_roadmap_unchanged_and_saves_as_version_2(tmp_path: Path) -> None:
    raw = json.loads((DATA / "project-v1.roadmap").read_text(encoding="utf-8"))
    item = raw["roadmap"]["initiatives"][0]
    item["status"] = "in-progress"
    old = tmp_path / "old.roadmap"
    old.write_text(json.dumps(raw, indent=2), encoding="utf-8")
    project = load_project(old)
    road = project.roadmap
    [only] = road.initiatives
    assert only.status == "in_progress"  # the one spelling that changed
    assert (only.id, only.start_month, only.duration_months, only.depends_on) == (
        item["id"], item["start_month"], item["duration_months"], item["depends_on"],
    )  # fmt: skip
    assert road.capacity == raw["roadmap"]["capacity"]
    assert road.generated_from is None  # drafted under release 1's rules: regenerated only when asked
    assert [h.id for h in road.horizons] == ["now", "next", "later"]
    assert project.engagement.start_date is None and project.engagement.org_size is None
    save_project(project, old)
    assert json.loads(old.read_text(encoding="utf-8"))["schema_version"] == 2
    assert json.loads(old.with_name("old.roadmap.bak").read_text(encoding="utf-8"))["schema_version"] == 1
    on_hold = dict(raw, roadmap=dict(raw["roadmap"], initiatives=[dict(item, status="on-hold")]))
    old.write_text(json.dumps(on_hold), encoding="utf-8")
    assert load_project(old).roadmap.initiatives[0].status == "deferred"


def test_the_version_2_golden_file_round_trips_every_new_key(tmp_path: Path) -> None:
    golden = DATA / "project-v2.roadmap"
    project = load_project(golden)
    eng = project.engagement
    assert (eng.start_date, eng.org_size) == ("2027-01", "midsize")
    assert [(p.id, p.role) for p in eng.participants] == [("p1", "Finance"), ("p2", "Engineering")]
    alloc = project.assessment.capabilities["allocation"]
    assert alloc.votes["p2"] == {"knowledge": 2, "process": 0}
    assert project.assessment.capabilities["sustainability"].na_reason.startswith("No sustainability")
    [baseline] = project.assessment.history
    assert (baseline.label, baseline.model_id, baseline.model_revision) == ("Baseline, November 2026", "finops-2026", 1)
    assert baseline.capabilities["forecasting"].lenses == {"knowledge": 0, "process": 1}
    road = project.roadmap
    assert (road.owner_capacity, road.scope, road.dismissed) == (2, "lean", ["allocation.walk.showback-portal"])
    assert road.generated_from is not None and road.generated_from.capabilities["allocation"].target == "run"
    item = road.initiatives[0]
    assert (item.status, item.done_date, item.pinned_start) == ("done", "2027-02-15", 0)
    again = tmp_path / "again.roadmap"
    save_project(project, again, keep_backup=False)
    written, original = json.loads(again.read_bytes()), json.loads(golden.read_bytes())
    assert {**written, "saved_by": ""} == {**original, "saved_by": ""}


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("engagement", "start_date"), "2027-13", "must be a month like 2027-01"),
        (("engagement", "org_size"), "huge", "must be one of startup, midsize, enterprise, or null"),
        (("engagement", "participants", 1, "id"), "p1", "duplicate participant 'p1'"),
        (("engagement", "participants", 0, "role"), "Astronaut", "unknown role 'Astronaut'"),
        (("assessment", "capabilities", "allocation", "votes", "p9"), {"knowledge": 1}, "unknown participant 'p9'"),
        (("assessment", "capabilities", "allocation", "votes", "p1", "process"), 5, "must be from 0 to 4"),
        (("assessment", "history", 0, "date"), "29/11/2026", "must be a date like 2026-11-29"),
        (("roadmap", "scope"), "tiny", "must be one of lean, full"),
        (("roadmap", "owner_capacity"), 0, "must be from 1 to 50"),
        (("roadmap", "horizons", 1, "end_month"), 2, "must be after the previous horizon's end (3)"),
        (("roadmap", "horizons", 0, "end_month"), None, "only the last horizon may be open-ended"),
        (("roadmap", "generated_from", "capabilities", "allocation", "level"), "sprint", "unknown level 'sprint'"),
        (("roadmap", "initiatives", 0, "pinned_start"), 601, "must be from 0 to 600"),
        (("roadmap", "initiatives", 0, "status"), "in-progress", "must be one of planned, in_progress"),
        (("roadmap", "initiatives", 0, "done_date"), "2027-02-30", "must be a date like 2026-11-29"),
    ],
)
def test_every_new_key_is_validated_with_its_path(
    tmp_path: Path, path: tuple[str | int, ...], value: object, message: str
) -> None:
    doc = json.loads((DATA / "project-v2.roadmap").read_text(encoding="utf-8"))
    parent: Any = doc
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    bad = tmp_path / "bad.roadmap"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    where = ".".join(str(k) if isinstance(k, str) else f"[{k}]" for k in path).replace(".[", "[")
    problems = check_project_file(bad)
    assert any(where in line and message in line for line in problems), problems
