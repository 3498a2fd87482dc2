"""The model workbook: written for a consultant to edit, read back with every problem at its cell."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from exports.modelbook.layout import SHEETS
from exports.modelbook.read import BookRefused, read_model_workbook
from exports.modelbook.write import model_workbook_bytes
from planner.model.capmodel import CapabilityModel
from planner.storage.models import load_bundled_model, load_model_file

SMALL = Path(__file__).parents[1] / "data" / "model-secops-small.json"


@pytest.fixture(scope="module")
def finops_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("book") / "finops.xlsx"
    path.write_bytes(model_workbook_bytes(load_bundled_model()))
    return path


def _edited(source: Path, target: Path, edit: Any) -> Path:
    book = load_workbook(source)
    edit(book)
    book.save(target)
    return target


def _problems(path: Path) -> list[str]:
    read = read_model_workbook(path)
    assert read.model is None
    return [str(p) for p in read.problems]


@pytest.mark.parametrize("which", ["finops-2026", "finops-2025", "small", "generated-500"])
def test_export_then_import_gives_the_identical_model(which: str, tmp_path: Path) -> None:
    if which == "generated-500":
        from planner.model.modelload import model_from_document
        from tests.modelgen import model_document

        model = model_from_document(model_document(500, levels=6, lenses=8, long_names=True))
    else:
        model = load_model_file(SMALL) if which == "small" else load_bundled_model(which)
    path = tmp_path / "m.xlsx"
    path.write_bytes(model_workbook_bytes(model))
    read = read_model_workbook(path)
    assert read.problems == []
    assert read.model == model  # every field of the model: levels, lenses, capabilities, library, renames
    assert read.document == dict(model.document)


def test_the_workbook_is_laid_out_for_editing(finops_book: Path, model: CapabilityModel) -> None:
    book = load_workbook(finops_book)
    assert book.sheetnames == ["Instructions", *SHEETS]
    assert book["Kept"].sheet_state == "hidden"
    assert "How to edit" in book["Instructions"]["A1"].value
    initiatives = book["Initiatives"]
    assert [c.value for c in initiatives[1]][:4] == ["Capability", "Level", "Key", "Title"]
    assert initiatives.freeze_panes == "A2"
    assert initiatives.max_row == 1 + sum(len(c.initiatives) for c in model.capabilities.values())
    rules = {str(dv.sqref).split(":")[0]: dv for dv in initiatives.data_validations.dataValidation}
    assert rules["A2"].formula1 == "Capabilities!$B$2:$B$5001"
    assert rules["B2"].formula1 == "Levels!$A$2:$A$20"
    assert rules["G2"].formula1 == '"S,M,L"' and rules["I2"].formula1 == '"core,extra"'
    assert (rules["J2"].type, rules["J2"].formula1, rules["J2"].formula2) == ("whole", "1", "3")
    assert rules["F2"].errorStyle == "warning"  # an owner outside the personas is allowed
    texts = {
        str(dv.sqref).split(":")[0]: dv.formula1 for dv in book["Level descriptions"].data_validations.dataValidation
    }
    assert texts == {"A2": "Capabilities!$B$2:$B$5001", "B2": "Levels!$A$2:$A$20"}
    levels = book["Levels"]
    assert [levels.cell(r, 3).value for r in range(2, 6)] == [0, 37.5, 62.5, 87.5]


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            lambda b: b["Capabilities"].cell(3, 2, "data-ingestion"),
            "Capabilities, row 3, column 'Id': duplicate capability id 'data-ingestion'",
        ),
        (
            lambda b: b["Initiatives"].cell(3, 3, b["Initiatives"].cell(2, 3).value),
            "Initiatives, row 3, column 'Key': duplicate initiative key",
        ),
        (
            lambda b: b["Initiatives"].cell(2, 12, "nope.crawl.x"),
            "Initiatives, row 2, column 'Requires': requires unknown initiative 'nope.crawl.x'",
        ),
        (
            lambda b: b["Initiatives"].cell(2, 12, "data-ingestion.run.unified-repository"),
            "Initiatives, row 2, column 'Requires': requires 'data-ingestion.run.unified-repository', which is of a later level (run after crawl)",
        ),
        (
            lambda b: b["Capabilities"].cell(2, 5, "allocation"),
            "Capabilities, column 'Prerequisites': prerequisites form a cycle: data-ingestion -> allocation -> data-ingestion",
        ),
        (
            lambda b: setattr(b["Lenses"].cell(3, 6), "value", None),
            "Lenses, row 3, column 'Score 2 means': must not be empty",
        ),
        (
            lambda b: b["Levels"].cell(4, 3, 30),
            "Levels, row 4, column 'Reached from (%)': bands must increase from one level to the next",
        ),
        (
            lambda b: b["Levels"].cell(4, 3, "lots"),
            "Levels, row 4, column 'Reached from (%)': must be a number, not 'lots'",
        ),
        (
            lambda b: b["Domains"].cell(2, 3, "x" * 20_001),
            "Domains, row 2, column 'Summary': is too long (20,001 characters; at most 20,000)",
        ),
        (
            lambda b: b["KPIs"].cell(2, 3, "=1+1"),
            "KPIs, row 2, column 'How it is measured': holds a formula; type the value instead",
        ),
        (
            lambda b: b["Capabilities"].cell(2, 1, "elsewhere"),
            "Capabilities, row 2, column 'Domain': unknown domain 'elsewhere' (the Domains sheet has: understand, quantify, optimize, manage)",
        ),
        (
            lambda b: b["Initiatives"].cell(2, 7, "XL"),
            "Initiatives, row 2, column 'Effort': must be one of S, M, L, not 'XL'",
        ),
        (
            lambda b: b["Initiatives"].cell(2, 8, 2.5),
            "Initiatives, row 2, column 'Duration (months)': must be a whole number, not '2.5'",
        ),
        (lambda b: setattr(b["KPIs"], "title", "Measures"), "KPIs: the sheet is missing (was it renamed or deleted?)"),
        (
            lambda b: b["Initiatives"].cell(1, 11, "Org sizes"),
            "Initiatives, row 1, column 'Sizes (empty: all)': the column is missing",
        ),
    ],
)
def test_each_problem_names_its_sheet_row_and_column(
    edit: Any, expected: str, finops_book: Path, tmp_path: Path
) -> None:
    path = _edited(finops_book, tmp_path / "edited.xlsx", edit)
    problems = _problems(path)
    assert any(p.startswith(expected) for p in problems), problems


def test_an_added_capability_with_initiatives_is_read_in_order(finops_book: Path, tmp_path: Path) -> None:
    def add(book: Any) -> None:
        book["Capabilities"].append(
            ["optimize", "ai-cost", "AI Cost Management", "Costs of AI services.", "allocation"]
        )
        book["Initiatives"].append(
            [
                "ai-cost",
                "crawl",
                "",
                "Inventory AI spend",
                "List every AI service. Done when listed.",
                "Engineering",
                "S",
                1,
                "core",
                3,
                "",
                "",
                "knowledge",
            ]
        )
        book["Initiatives"].append(
            [
                "ai-cost",
                "walk",
                "ai-cost.walk.unit-cost",
                "Cost per inference",
                "Done when reported.",
                "Finance",
                "M",
                2,
                "core",
                2,
                "midsize, enterprise",
                "ai-cost.crawl.inventory-ai-spend",
                "metrics; process",
            ]
        )
        book["Questions"].append(["ai-cost", "Who pays for AI experiments?"])

    read = read_model_workbook(_edited(finops_book, tmp_path / "added.xlsx", add))
    assert read.problems == []
    assert read.model is not None
    cap = read.model.capability("ai-cost")
    assert read.model.domain("optimize").capability_ids[-1] == "ai-cost"
    assert [t.key for t in cap.initiatives] == ["ai-cost.crawl.inventory-ai-spend", "ai-cost.walk.unit-cost"]
    walk = cap.initiatives[1]
    assert (walk.sizes, walk.requires, walk.lenses) == (
        ("midsize", "enterprise"),
        ("ai-cost.crawl.inventory-ai-spend",),
        ("metrics", "process"),
    )
    assert cap.questions == ("Who pays for AI experiments?",)
    assert any("ai-cost (walk)" in str(n) for n in read.notes)  # only one size has a core item: a note, not an error


def _zip(path: Path, members: dict[str, bytes], level: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", level) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_untrusted_files_are_refused_before_openpyxl(tmp_path: Path, finops_book: Path) -> None:
    text = tmp_path / "notes.xlsx"
    text.write_text("just text")
    with pytest.raises(BookRefused, match="not an Excel workbook"):
        read_model_workbook(text)
    bomb = _zip(tmp_path / "bomb.xlsx", {"xl/workbook.xml": b"<x/>", "xl/worksheets/sheet1.xml": b"\0" * (60 << 20)})
    with pytest.raises(BookRefused, match="zip bomb"):
        read_model_workbook(bomb)
    sneaky = _zip(tmp_path / "slip.xlsx", {"xl/workbook.xml": b"<x/>", "../../evil.txt": b"x"})
    with pytest.raises(BookRefused, match="unsafe name"):
        read_model_workbook(sneaky)
    members = {}
    with zipfile.ZipFile(finops_book) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    macro = _zip(tmp_path / "macro.xlsx", {**members, "xl/vbaProject.bin": b"\0" * 10})
    with pytest.raises(BookRefused, match="macros"):
        read_model_workbook(macro)
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(finops_book.read_bytes()[: len(finops_book.read_bytes()) // 2])
    with pytest.raises(BookRefused, match="not an Excel workbook"):
        read_model_workbook(damaged)
    entity = dict(members)
    entity["xl/worksheets/sheet2.xml"] = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet>&a;</worksheet>'
    )
    with pytest.raises(BookRefused, match="cannot be read"):
        read_model_workbook(_zip(tmp_path / "entity.xlsx", entity))


def test_a_workbook_over_the_size_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, finops_book: Path
) -> None:
    from exports.modelbook import zipguard

    monkeypatch.setattr(zipguard, "FILE_BYTES_MAX", 1000)
    with pytest.raises(BookRefused, match="too large"):
        read_model_workbook(finops_book)
