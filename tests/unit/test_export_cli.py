"""``planner export`` from the command line: outputs, options, one-line errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from planner.cli import main
from planner.model.capmodel import CapabilityModel
from planner.report.data import STALE_NOTE
from planner.storage.projectfile import save_project
from tests.scenarios import enterprise, planned
from tests.unit.test_export_support import INTERNAL, hostile_project


@pytest.fixture
def project_file(model: CapabilityModel, tmp_path: Path) -> Path:
    path = tmp_path / "acme.roadmap"
    save_project(hostile_project(model), path, keep_backup=False)
    return path


def _workbook_text(path: Path) -> str:
    book = load_workbook(path)
    return " ".join(str(c.value) for ws in book for row in ws.iter_rows() for c in row if c.value is not None)


def test_export_without_options_writes_both_next_to_the_file(project_file: Path, capsys) -> None:
    assert main(["export", str(project_file)]) == 0
    out = capsys.readouterr()
    xlsx, pdf = project_file.with_suffix(".xlsx"), project_file.with_suffix(".pdf")
    assert xlsx.is_file() and pdf.read_bytes().startswith(b"%PDF-")
    assert f"Wrote {xlsx}" in out.out and f"Wrote {pdf}" in out.out
    assert "note: roadmap warning (in the exports)" in out.err
    assert "predates the latest scores" not in out.err  # the fixture's roadmap is up to date
    assert INTERNAL not in _workbook_text(xlsx)


def test_export_only_the_requested_file_with_internal_notes(project_file: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "custom name-internal.xlsx"
    assert main(["export", str(project_file), "--xlsx", str(out), "--internal-notes"]) == 0
    assert out.is_file()
    assert not project_file.with_suffix(".pdf").exists()
    assert INTERNAL in _workbook_text(out)
    assert "note: roadmap warning (in the exports)" in capsys.readouterr().err


def test_a_stale_roadmap_is_noted_and_the_exports_say_so(model: CapabilityModel, tmp_path: Path, capsys) -> None:
    project = planned(enterprise(model))
    project.engagement.org_size = "midsize"  # the roadmap was generated for an enterprise
    path = tmp_path / "contoso.roadmap"
    save_project(project, path, keep_backup=False)
    assert main(["export", str(path)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("note: the roadmap predates the latest scores, and the exports say so")
    assert "planner roadmap contoso.roadmap --regenerate" in err[0]
    assert STALE_NOTE in _workbook_text(path.with_suffix(".xlsx"))
    pdf = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path.with_suffix(".pdf")).pages)
    assert STALE_NOTE in pdf


def test_unwritable_target_is_one_line_and_exit_2(project_file: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "missing" / "report.pdf"
    assert main(["export", str(project_file), "--pdf", str(target)]) == 2
    err = [line for line in capsys.readouterr().err.strip().splitlines() if not line.startswith("note: ")]
    assert err == ["planner: report.pdf: the report could not be written: the folder does not exist"]


def test_refuses_to_overwrite_the_project_itself(project_file: Path, capsys) -> None:
    before = project_file.read_bytes()
    assert main(["export", str(project_file), "--pdf", str(project_file)]) == 2
    assert "project file itself" in capsys.readouterr().err
    assert project_file.read_bytes() == before


def test_bad_project_file_is_one_line(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.roadmap"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["export", str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("planner: bad.roadmap: ")
    assert not (tmp_path / "bad.xlsx").exists()


def test_export_through_the_real_entry_point(project_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "cli.xlsx"
    done = subprocess.run(
        [sys.executable, "-m", "planner", "export", str(project_file), "--xlsx", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert load_workbook(out).sheetnames == [
        "Summary",
        "Assessment",
        "Roadmap",
        "Gantt",
        "KPIs",
        "Method",
        "Chart data",
    ]


def test_an_existing_export_is_kept_unless_force(project_file: Path, capsys) -> None:
    pdf, xlsx = project_file.with_suffix(".pdf"), project_file.with_suffix(".xlsx")
    pdf.write_bytes(b"the client's signed-off report")
    assert main(["export", str(project_file)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["planner: acme.pdf: exists already; add --force to replace it"]
    assert pdf.read_bytes() == b"the client's signed-off report"
    assert not xlsx.exists()  # nothing of the run was written
    assert main(["export", str(project_file), "--force"]) == 0
    assert pdf.read_bytes().startswith(b"%PDF-") and xlsx.is_file()
    assert main(["export", str(project_file)]) == 2
    assert "acme.xlsx and acme.pdf: exist already; add --force to replace them" in capsys.readouterr().err


def test_the_internal_version_is_named_apart_and_never_replaces_the_client_one(
    project_file: Path, tmp_path: Path, capsys
) -> None:
    assert main(["export", str(project_file)]) == 0
    client_pdf = project_file.with_suffix(".pdf").read_bytes()
    assert main(["export", str(project_file), "--internal-notes"]) == 0
    out = capsys.readouterr().out
    internal_pdf, internal_xlsx = tmp_path / "acme-internal.pdf", tmp_path / "acme-internal.xlsx"
    assert f"Wrote {internal_pdf}" in out and f"Wrote {internal_xlsx}" in out
    assert project_file.with_suffix(".pdf").read_bytes() == client_pdf
    assert INTERNAL in _workbook_text(internal_xlsx)
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(internal_pdf).pages]
    assert all("Internal: not for the client" in page for page in pages)
    # an explicit name must say internal too: the client's file cannot be named for it
    assert main(["export", str(project_file), "--pdf", str(project_file.with_suffix(".pdf")), "--internal-notes"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == (
        "planner: acme.pdf: an export with internal notes must be named acme-internal.pdf, "
        "so it never replaces the client's version"
    )
    assert project_file.with_suffix(".pdf").read_bytes() == client_pdf


def test_a_draft_is_said_before_anything_is_written(project_file: Path, capsys) -> None:
    assert main(["export", str(project_file), "--pdf", str(project_file.with_name("d.pdf"))]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (
        "note: DRAFT: 20 of 21 capabilities fully scored (1 partly scored); scores, levels and the roadmap "
        "may still change. Every page and sheet of the exports is marked DRAFT."
    )


def test_help_says_where_the_files_go(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "every format is written beside FILE" in text
    assert "acme.roadmap -> acme.xlsx and acme.pdf" in text
    assert "acme-internal.xlsx and acme-internal.pdf" in text
    assert "--force" in text
