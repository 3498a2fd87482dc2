"""``planner questionnaire`` and ``planner import``, run as a consultant runs them."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from planner.model.capmodel import CapabilityModel
from planner.storage.projectfile import load_project, save_project
from tests.questionnaires import fill, project_with_people
from tests.unit.test_cli import run

SOFFICE = shutil.which("soffice")


@pytest.fixture
def project_file(model: CapabilityModel, tmp_path: Path) -> Path:
    path = tmp_path / "northwind.roadmap"
    save_project(project_with_people(model), path, keep_backup=False)
    return path


def test_questionnaire_then_import_then_apply(project_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "ben.xlsx"
    done = run("questionnaire", project_file, "-o", out, "--participant", "ben")
    assert done.returncode == 0, done.stderr
    assert "for Ben Okafor" in done.stdout
    filled = tmp_path / "ben-filled.xlsx"
    filled.write_bytes(fill(out.read_bytes(), {"allocation/process": 4, "allocation/metrics": "N/A"}))
    before = project_file.read_bytes()
    dry = run("import", project_file, filled)
    assert dry.returncode == 0, dry.stderr
    assert "Allocation: new (Process 4, Metrics N/A)" in dry.stdout
    assert "Nothing was written" in dry.stdout
    assert project_file.read_bytes() == before
    applied = run("import", project_file, filled, "--apply")
    assert applied.returncode == 0, applied.stderr
    assert load_project(project_file).assessment.capabilities["allocation"].votes["ben"] == {
        "process": 4,
        "metrics": None,
    }
    again = run("import", project_file, filled, "--apply")
    assert "Nothing to record" in again.stdout


def test_refused_workbooks_change_nothing(project_file: Path, tmp_path: Path) -> None:
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 not really")
    before = project_file.read_bytes()
    done = run("import", project_file, junk, "--apply")
    assert done.returncode == 0
    assert "junk.xlsx: refused: is not an Excel workbook" in done.stdout
    assert project_file.read_bytes() == before


def test_bad_usage_is_one_line(project_file: Path, tmp_path: Path) -> None:
    done = run("questionnaire", project_file, "-o", tmp_path / "q.xlsx", "--participant", "zed")
    assert done.returncode == 2
    assert "no participant 'zed'" in done.stderr and "Traceback" not in done.stderr
    done = run("questionnaire", project_file, "-o", project_file)
    assert done.returncode == 2 and "Traceback" not in done.stderr


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_a_questionnaire_filled_through_libreoffice_imports(project_file: Path, tmp_path: Path) -> None:
    """Fill with openpyxl, let LibreOffice open and re-save the workbook, then import what it wrote."""
    blank = tmp_path / "blank.xlsx"
    assert run("questionnaire", project_file, "-o", blank, "--participant", "chen").returncode == 0
    answers = {"allocation/process": 3, "allocation/knowledge": "N/A", "forecasting/metrics": "Don't know"}
    source = tmp_path / "in" / "chen.xlsx"
    source.parent.mkdir()
    source.write_bytes(fill(blank.read_bytes(), answers, comments={"forecasting/metrics": "ask Finance"}))
    outdir = tmp_path / "out"
    done = subprocess.run(
        [str(SOFFICE), "--headless", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
         "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(outdir), str(source)],
        capture_output=True, text=True, timeout=240, check=False,
    )  # fmt: skip
    resaved = outdir / "chen.xlsx"
    assert resaved.exists(), done.stderr
    assert resaved.read_bytes() != source.read_bytes()
    applied = run("import", project_file, resaved, "--apply")
    assert applied.returncode == 0, applied.stderr
    assert "refused" not in applied.stdout, applied.stdout
    record = load_project(project_file).assessment.capabilities
    assert record["allocation"].votes["chen"] == {"process": 3, "knowledge": None}
    assert "chen" not in record["forecasting"].votes
    assert "Chen Wei on Metrics: ask Finance" in record["forecasting"].internal_notes
