"""The firm profile's checks and a project's report options in the real project file."""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path

import pytest
from PIL import Image

from planner.model.branding import FirmProfile, LogoError, colour_problems, colour_warnings, contrast_ratio, logo_size
from planner.model.project import new_project
from planner.model.reportsettings import REPORT_SECTIONS, ReportSettings
from planner.storage.models import load_bundled_model
from planner.storage.projectfile import load_project, save_project


def png(width: int = 40, height: int = 20, colour: str = "#C0392B") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "PNG")
    return out.getvalue()


def test_contrast_ratio_matches_wcag() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


def test_light_colours_are_refused_and_dark_ones_accepted() -> None:
    problems = colour_problems(FirmProfile(primary="#FFD966", accent="#1F3A5F"))
    assert len(problems) == 1 and "Primary colour #FFD966 is too light" in problems[0] and "3:1" in problems[0]
    assert colour_problems(FirmProfile(primary="#8E1B3A", accent="#0B6E4F")) == []
    assert "not a colour" in colour_problems(FirmProfile(accent="navy"))[0]


def test_a_colour_like_a_level_colour_is_warned_about() -> None:
    warnings = colour_warnings(FirmProfile(primary="#2F7FC2"))
    assert any("Walk level colour" in w for w in warnings)
    assert colour_warnings(FirmProfile(primary="#8E1B3A")) == []


def test_logo_checks_name_the_file(tmp_path: Path) -> None:
    assert logo_size(png(), "logo.png") == (40, 20)
    with pytest.raises(LogoError, match=r"Logo notes.png: not a PNG, JPEG or SVG image"):
        logo_size(b"just some text\n", "notes.png")
    with pytest.raises(LogoError, match=r"Logo cut.png: the image is broken"):
        logo_size(png()[:60], "cut.png")
    with pytest.raises(LogoError, match=r"Logo big.png: 4001 x 10 pixels is too large"):
        logo_size(png(4001, 10), "big.png")
    with pytest.raises(LogoError, match=r"Logo heavy.png: 2.5 MB is too large"):
        logo_size(png() + b"\0" * (2_600_000), "heavy.png")
    jpeg = io.BytesIO()
    Image.new("RGB", (30, 12)).save(jpeg, "JPEG")
    assert logo_size(jpeg.getvalue(), "logo.jpg") == (30, 12)


def test_report_options_survive_save_and_reload(tmp_path: Path) -> None:
    project = new_project(load_bundled_model(), client="Acme")
    path = tmp_path / "acme.roadmap"
    save_project(project, path)
    assert "report" not in json.loads(path.read_text(encoding="utf-8"))  # defaults: the file looks as before
    firm = FirmProfile("Northwind Advisory", png(), "#8E1B3A", "#0B6E4F", "hello@northwind.example", "No warranty.")
    project.report = ReportSettings(("executive_summary", "roadmap"), "Cloud cost review", "Board only", firm)
    save_project(project, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["report"]["sections"] == ["executive_summary", "roadmap"]
    assert base64.b64decode(doc["report"]["firm"]["logo_png"]) == firm.logo
    again = load_project(path)
    assert again.report == project.report


def test_bad_report_options_are_located(tmp_path: Path) -> None:
    project = new_project(load_bundled_model(), client="Acme")
    path = tmp_path / "acme.roadmap"
    save_project(project, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["report"] = {
        "sections": ["charts", "gossip"],
        "cover_title": 5,
        "firm": {"primary": "#FFFF00", "logo_png": base64.b64encode(b"not an image").decode()},
    }
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(Exception) as info:
        load_project(path)
    text = str(getattr(info.value, "problems", info.value))
    for where in ("report.sections[1]", "report.cover_title", "report.firm.primary", "report.firm.logo_png"):
        assert where in text
    assert set(REPORT_SECTIONS) >= {"method", "kpis"}


def test_the_golden_file_with_report_options_round_trips(tmp_path: Path) -> None:
    golden = Path(__file__).parent.parent / "data" / "report-options-v2.roadmap"
    project = load_project(golden)
    assert project.report.sections == ("executive_summary", "roadmap", "kpis", "method")
    assert (project.report.cover_title, project.report.confidentiality) == ("Cloud cost review", "Board members only")
    assert project.report.firm is not None and logo_size(project.report.firm.logo, "golden") == (24, 8)
    again = tmp_path / "again.roadmap"
    save_project(project, again, keep_backup=False)
    written, original = json.loads(again.read_bytes()), json.loads(golden.read_bytes())
    assert {**written, "saved_by": ""} == {**original, "saved_by": ""}
    assert written["schema_version"] == 2
