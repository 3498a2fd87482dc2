"""A branded report and the report's options, read back from the real PDF and workbook."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PIL import Image
from pypdf import PdfReader

from exports.pdf.document import pdf_bytes
from exports.xlsx.workbook import workbook_bytes
from planner.model.branding import FirmProfile
from planner.model.capmodel import CapabilityModel
from planner.model.reportsettings import ReportSettings
from planner.report.data import build_report
from planner.storage.projectfile import load_project, save_project
from tests.factories import scored_project

TODAY = dt.date(2026, 12, 1)
CONTACT = "Northwind Advisory LLP | hello@northwind.example"
DISCLAIMER = "Based on interviews and documents supplied by the client; not an audit."


def logo_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (300, 120), "#8E1B3A").save(out, "PNG")
    return out.getvalue()


FIRM = FirmProfile("Northwind Advisory", logo_png(), "#8E1B3A", "#0B6E4F", CONTACT, DISCLAIMER)


def pages(data: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture(scope="module")
def branded(model: CapabilityModel) -> tuple[bytes, bytes]:
    report = build_report(scored_project(model), profile=FIRM, today=TODAY)
    return pdf_bytes(report)[0], workbook_bytes(report)[0]


def test_branded_pdf_names_the_firm_on_the_cover_and_every_page(branded: tuple[bytes, bytes]) -> None:
    text = pages(branded[0])
    assert "Northwind Advisory" in text[0] and DISCLAIMER in text[0]
    for body in text[1:]:
        assert "Northwind Advisory | Northwind Retail" in body  # header
        assert CONTACT in body  # footer
        assert "DRAFT" in body  # the marks stay whatever the branding
    assert "DRAFT" in text[0]


def test_branded_pdf_embeds_the_logo_on_the_cover(branded: tuple[bytes, bytes]) -> None:
    reader = PdfReader(io.BytesIO(branded[0]))
    images = reader.pages[0].images
    assert len(images) == 1 and images[0].image is not None and images[0].image.size == (300, 120)
    assert not reader.pages[1].images


def test_branded_workbook_summary_has_firm_contact_disclaimer_and_logo(branded: tuple[bytes, bytes]) -> None:
    ws = load_workbook(io.BytesIO(branded[1]))["Summary"]
    values = [c.value for row in ws.iter_rows(max_row=25) for c in row if c.value is not None]
    assert "Northwind Advisory" in values and CONTACT in values and DISCLAIMER in values
    assert len(ws._images) == 1


def test_no_profile_and_an_empty_profile_change_nothing(model: CapabilityModel) -> None:
    project = scored_project(model)
    plain = pages(pdf_bytes(build_report(project, today=TODAY))[0])
    empty = pages(pdf_bytes(build_report(project, profile=FirmProfile(), today=TODAY))[0])
    assert plain == empty
    assert "Confidential: prepared for Northwind Retail" in plain[1]
    book = load_workbook(io.BytesIO(workbook_bytes(build_report(project, today=TODAY))[0]))["Summary"]
    labels = [book.cell(r, 1).value for r in range(1, 16)]
    assert "Contact" not in labels and not book._images


def test_deselected_sections_are_left_out_and_remembered(model: CapabilityModel, tmp_path: Path) -> None:
    project = scored_project(model)
    project.report = ReportSettings(
        ("executive_summary", "roadmap"), "Cloud cost maturity review", "Strictly confidential: board only"
    )
    path = tmp_path / "acme.roadmap"
    save_project(project, path)
    text = pages(pdf_bytes(build_report(load_project(path), today=TODAY))[0])
    whole = " ".join(text)
    assert "Cloud cost maturity review" in text[0] and "Strictly confidential: board only" in text[0]
    assert "Executive summary" in whole and "Bars take the colour" in whole
    for absent in ("Assessment detail", "Appendix: method", "Maturity at a glance", "KPIs to track"):
        assert absent not in whole
    assert all("Strictly confidential: board only" in body for body in text[1:])
    full = " ".join(pages(pdf_bytes(build_report(scored_project(model), today=TODAY))[0]))
    assert "Assessment detail" in full and "Appendix: method" in full and "KPIs to track" in full


def test_a_report_of_the_roadmap_alone_has_no_blank_page(model: CapabilityModel) -> None:
    project = scored_project(model)
    project.report = ReportSettings(("roadmap",))
    text = pages(pdf_bytes(build_report(project, today=TODAY))[0])
    assert "Contents" in text[1]
    assert "Bars take the colour" in text[2]  # the roadmap starts right after the contents
    chrome = re.compile(
        r"DRAFT:? .*?may still change|Northwind Retail|FinOps maturity assessment|Confidential: prepared for|Page \d+ of \d+"
    )
    assert all(len(chrome.sub("", page).strip()) > 30 for page in text)  # no page is only its header and footer


def test_planner_export_honours_the_options_and_firm_kept_in_the_project(
    model: CapabilityModel, tmp_path: Path
) -> None:
    from planner.cli import main

    project = scored_project(model)
    project.report = ReportSettings(("executive_summary", "assessment_detail"), "Quarterly review", "", FIRM)
    path = tmp_path / "acme.roadmap"
    save_project(project, path)
    out = tmp_path / "acme.pdf"
    assert main(["export", str(path), "--pdf", str(out)]) == 0
    text = pages(out.read_bytes())
    whole = " ".join(text)
    assert "Quarterly review" in text[0] and "Assessment detail" in whole and "Bars take the colour" not in whole
    assert "Appendix: method" not in whole and CONTACT in text[1]


def test_the_marks_and_the_firm_sit_inside_every_page_landscape_ones_too(branded: tuple[bytes, bytes]) -> None:
    reader = PdfReader(io.BytesIO(branded[0]))
    landscape = 0
    for page in reader.pages[1:]:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        landscape += width > height
        found: list[tuple[str, float]] = []

        def visit(text: str, cm: Any, tm: Any, *_: Any, found: list[tuple[str, float]] = found) -> None:
            if text.strip():
                found.append((text, tm[5] * cm[3] + cm[5]))

        page.extract_text(visitor_text=visit)
        draft = [y for text, y in found if text.startswith("DRAFT:")]
        assert draft and all(0 < y < height for y in draft)
        assert any("Northwind Advisory" in text and 0 < y < height for text, y in found)
    assert landscape >= 1
