"""The PDF report, read back with pypdf: every capability, every script, nothing internal by default."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from exports.errors import ExportError
from exports.pdf.document import pdf_bytes, write_pdf
from exports.pdf.fonts import FALLBACK_FONT, HANGUL_FONT, MISSING_MARKER, FontKit
from planner.model.capmodel import CapabilityModel
from planner.report.data import build_report
from tests.unit.test_export_support import CLIENT, HOSTILE, INTERNAL, hostile_project


def _text(data: bytes) -> tuple[str, int, PdfReader]:
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(text.split()), len(reader.pages), reader


@pytest.fixture(scope="module")
def built(model: CapabilityModel):
    project = hostile_project(model)
    data, warnings = pdf_bytes(build_report(project))
    return project, data, warnings


def test_every_capability_and_initiative_is_in_the_report(built) -> None:
    project, data, warnings = built
    text, _, _ = _text(data)
    assert warnings == []
    for cap in project.model.iter_capabilities():
        assert cap.name in text, cap.name
    for domain in project.model.domains:
        assert domain.name in text
    report = build_report(project)
    for item in report.initiatives:
        assert item.ref in text
    assert "=cmd|' /C calc'!A0 東京 タグ付け" in text


def test_client_name_in_every_script_on_cover_headers_and_footers(built) -> None:
    _, data, _ = built
    text, pages, reader = _text(data)
    assert text.count(CLIENT) >= pages  # cover, then header and footer of every other page
    assert "Ελληνικά" in text and "東京" in text
    assert CLIENT in reader.metadata.title
    assert "\u25a0" not in text  # no black squares


def test_page_x_of_y_and_a_sensible_length(built) -> None:
    _, data, _ = built
    text, pages, _ = _text(data)
    assert 8 <= pages <= 60
    numbers = [(int(a), int(b)) for a, b in re.findall(r"Page (\d+) of (\d+)", text)]
    assert numbers == [(n, pages) for n in range(2, pages + 1)]


def test_user_text_never_acts_as_markup(built) -> None:
    _, data, _ = built
    text, _, _ = _text(data)
    assert HOSTILE["reporting-analytics"] in text
    assert "Assessment <2026> & roadmap" in text
    assert "Executive summary with <tags> & ampersands." in text
    assert "line one line two after nul end" in text


def test_internal_notes_only_with_the_option(built) -> None:
    project, data, _ = built
    public, _, _ = _text(data)
    assert INTERNAL not in public and "Evidence document" not in public
    internal, _, _ = _text(pdf_bytes(build_report(project, include_internal=True))[0])
    assert INTERNAL in internal and "Evidence document" in internal


def test_characters_no_font_has_are_marked_and_reported(model: CapabilityModel) -> None:
    project = hostile_project(model)
    project.assessment.of("budgeting").notes = "person \U0001f9d1 and hieroglyph \U00013000 end"
    data, warnings = pdf_bytes(build_report(project))
    assert len(warnings) == 1
    assert "U+1F9D1" in warnings[0] and "U+13000" in warnings[0]
    text, _, _ = _text(data)
    assert f"person {MISSING_MARKER} and hieroglyph {MISSING_MARKER} end" in text


def test_font_runs_switch_to_the_fallback_and_escape_everything() -> None:
    fonts = FontKit.load()
    markup = fonts.markup("A&B <i>x</i>\n東京 Zoë")
    assert markup == f'A&amp;B &lt;i&gt;x&lt;/i&gt;<br/><font name="{FALLBACK_FONT}">東京</font> Zoë'
    assert fonts.missing == set()
    assert fonts.markup("") == ""
    assert fonts.markup("a\x00b\x0bc") == "ab<br/>c"


def test_a_failed_write_keeps_the_previous_report(built, tmp_path: Path, monkeypatch) -> None:
    project, _, _ = built
    path = tmp_path / "keep.pdf"
    path.write_bytes(b"previous report")

    def refuse(src, dst):
        raise OSError(28, "No space left on device", str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError, match=r"^keep\.pdf: .*disk is full"):
        write_pdf(build_report(project), path)
    assert path.read_bytes() == b"previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.pdf"]


def test_write_pdf_writes_a_readable_file(built, tmp_path: Path) -> None:
    project, _, _ = built
    path = tmp_path / "report.pdf"
    assert write_pdf(build_report(project), path) == []
    assert path.read_bytes().startswith(b"%PDF-")
    with pytest.raises(ExportError, match="folder does not exist"):
        write_pdf(build_report(project), tmp_path / "nowhere" / "report.pdf")


def test_an_empty_project_still_makes_a_report(model: CapabilityModel) -> None:
    from planner.model.project import Project

    data, warnings = pdf_bytes(build_report(Project(model=model)))
    text, pages, _ = _text(data)
    assert warnings == [] and pages >= 4
    assert "(no client name)" in text
    assert "The roadmap has no initiatives yet" in text


def test_hangul_is_set_in_the_korean_font_and_thai_is_reported_not_silently_boxed() -> None:
    fonts = FontKit.load()
    assert fonts.markup("서울 office") == f'<font name="{HANGUL_FONT}">서울</font> office'
    assert fonts.markup("ㄱ 漢字") == f'<font name="{HANGUL_FONT}">ㄱ</font> <font name="{FALLBACK_FONT}">漢字</font>'
    assert fonts.missing == set()
    assert fonts.markup("กรุงเทพ office").startswith(MISSING_MARKER)
    warning = fonts.warning()
    assert warning is not None and "U+0E01" in warning


def test_charts_are_vectors_with_searchable_text_or_images_on_request(built) -> None:
    project, data, _ = built
    reader = PdfReader(io.BytesIO(data))
    images = sum(len(page.images) for page in reader.pages)
    assert images == 0
    text, _, _ = _text(data)
    legend = build_report(project).horizon_projections[1].label  # "By Month 3 (Now)": the fixture has no start
    assert legend in text and "Overall 4" in text and "Month" in text  # chart legends and axes
    raster, warnings = pdf_bytes(build_report(project), raster_charts=True)
    assert warnings == []
    assert (
        sum(len(page.images) for page in PdfReader(io.BytesIO(raster)).pages) == 2
    )  # radar, bars (the Gantt is a table)
    assert legend not in _text(raster)[0]
    assert "Data Ingestion 0 1 2 3 4" in _text(raster)[0]  # the lens heatmap is a table either way


def test_the_lens_heatmap_is_a_table_of_every_capability_with_its_digits(built) -> None:
    project, data, _ = built
    reader = PdfReader(io.BytesIO(data))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    found = [text for text in pages if "Lens scores by capability" in text and "Contents Executive summary" not in text]
    assert len(found) == 1
    page = found[0]
    assert "Each lens is scored from 0 (absent) to 4 (leading)" in page
    assert "Capability Knowledge Process Metrics Adoption Automation Score Level" in page
    for cap in project.model.iter_capabilities():
        assert cap.name in page, cap.name
    for domain in project.model.domains:
        assert domain.name in page
    # The fixture scores the first capability 0, 1, 2, 3, 4 and leaves one automation lens unscored.
    assert "Data Ingestion 0 1 2 3 4 50% Crawl" in page
    assert "KPIs & Benchmarking 0 1 2 3 \u2013 37.5% Crawl" in page
    assert "Sustainability not applicable" in page


def test_a_version_with_internal_notes_says_so_on_every_page(built) -> None:
    project, _, _ = built
    _, _, reader = _text(pdf_bytes(build_report(project, include_internal=True))[0])
    for page in reader.pages:
        assert "Internal: not for the client" in " ".join(page.extract_text().split())


HEBREW = "אבגדהוזחטיכלמנסעפצקרשת"
FINAL_NUN = "\u05df"


def hebrew_words(count: int) -> list[str]:
    """Distinct Hebrew words (a number written in Hebrew letters), so their order can be checked."""
    return [HEBREW[n // 22 % 22] + HEBREW[n % 22] + FINAL_NUN for n in range(count)]


def _extracted_words(data: bytes, alphabet: str) -> list[str]:
    text, _, _ = _text(data)
    return re.findall(f"[{alphabet}]+", text)


def test_a_long_right_to_left_note_wraps_with_its_lines_in_order(model: CapabilityModel) -> None:
    from planner.model.project import Project

    words = hebrew_words(480)  # about 12 lines of body text, and a second paragraph
    project = Project(model=model)
    project.assessment.of("allocation").notes = " ".join(words[:400]) + "\n\n" + " ".join(words[400:])
    data, warnings = pdf_bytes(build_report(project))
    assert warnings == []
    assert _extracted_words(data, HEBREW + FINAL_NUN) == words  # every line in order, each read right to left
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    plain = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
    assert re.findall(f"[{HEBREW}{FINAL_NUN}]+", plain) == words  # the same through poppler


def test_right_to_left_table_cells_and_header_read_in_the_order_typed(model: CapabilityModel) -> None:
    from planner.model.project import Engagement

    project = hostile_project(model)
    project.engagement = Engagement(client="שלום Retail")
    item = project.roadmap.initiatives[0]
    item.owner = "צוות הכספים"
    item.title = "ניהול תגיות"
    data, _ = pdf_bytes(build_report(project))
    text, pages, _ = _text(data)
    assert "צוות הכספים" in text and "ניהול תגיות" in text
    assert text.count("Retail שלום") >= pages - 1  # a right-to-left name: the Latin run is read first


def test_arabic_is_joined_on_the_page_and_plain_letters_in_the_text(model: CapabilityModel) -> None:
    from exports.pdf.script import visual

    shown = visual("مرحبا 42")
    assert shown == "42 ﺎﺒﺣﺮﻣ"  # visual order, contextual forms
    assert visual("plain Latin (a) <b>") == "plain Latin (a) <b>"
    project = hostile_project(model)
    project.assessment.of("allocation").notes = "Arabic مرحبا بالعالم end"
    text, _, _ = _text(pdf_bytes(build_report(project))[0])
    assert "مرحبا بالعالم" in text


def test_the_text_layer_writes_emoji_as_surrogate_pairs_and_shaped_letters_as_letters() -> None:
    from reportlab.pdfbase.ttfonts import makeToUnicodeCMap

    from exports.pdf.script import to_unicode_cmap

    assert to_unicode_cmap("F", [65, 0x5D0]) == makeToUnicodeCMap("F", [65, 0x5D0])  # reportlab's layout
    cmap = to_unicode_cmap("F", [0x1F600, 0xFEE3, 0xFEFB])
    assert "<00> <D83DDE00>" in cmap  # U+1F600
    assert "<01> <0645>" in cmap  # meem, initial form -> meem
    assert "<02> <06440627>" in cmap  # lam-alef ligature -> lam, alef


def test_emoji_that_dejavu_draws_are_extracted_as_typed(model: CapabilityModel) -> None:
    project = hostile_project(model)
    project.assessment.of("allocation").notes = "Smiley 😀 and 😉 end"
    data, warnings = pdf_bytes(build_report(project))
    assert warnings == []
    assert "Smiley 😀 and 😉 end" in _text(data)[0]


def test_a_right_to_left_initiative_description_wraps_in_order_in_its_table_cell(model: CapabilityModel) -> None:
    project = hostile_project(model)
    words = hebrew_words(60)  # several lines in the narrow initiative column
    item = project.roadmap.initiatives[0]
    item.title = "תוכנית תיוג"
    item.description = " ".join(words)
    data, _ = pdf_bytes(build_report(project))
    found = _extracted_words(data, HEBREW + FINAL_NUN)
    assert words[0] in found
    start = found.index(words[0])
    assert found[start : start + len(words)] == words
    assert "תוכנית תיוג" in _text(data)[0]


def test_a_long_right_to_left_internal_note_keeps_its_label_and_its_line_order(model: CapabilityModel) -> None:
    project = hostile_project(model)
    words = hebrew_words(90)
    project.assessment.of("allocation").internal_notes = " ".join(words)
    data, _ = pdf_bytes(build_report(project, include_internal=True))
    found = _extracted_words(data, HEBREW + FINAL_NUN)
    start = found.index(words[0])
    assert found[start : start + len(words)] == words
    assert "Internal:" in _text(data)[0]


def test_a_report_paragraph_breaks_its_lines_once_per_width() -> None:
    from exports.pdf.layout import Para, make_styles

    FontKit.load()
    para = Para(" ".join(["word"] * 200), make_styles().body)
    size = para.wrap(300, 1000)
    lines = para.blPara
    assert para.wrap(300, 50) == size and para.blPara is lines  # same width: same lines, not broken again
    narrow = para.wrap(150, 1000)
    assert narrow[1] > size[1] and para.blPara is not lines
    assert para.split(150, 5) == []  # no room for two lines: the lines are dropped ...
    assert para.wrap(150, 1000) == narrow  # ... and broken again on the next wrap
    parts = para.split(150, 100)
    assert len(parts) == 2 and all(isinstance(p, Para) for p in parts)


def test_a_right_to_left_word_wider_than_the_page_is_cut_and_printed_whole(model: CapabilityModel) -> None:
    from exports.pdf.bidi import wrap_logical

    fonts = FontKit.load()
    long_word = "".join(hebrew_words(400))  # 1,200 letters, no space
    lines = wrap_logical(fonts, f"שלום {long_word} עולם", "PlannerSans", 9.5, 200)
    assert "".join(line for line, _ in lines).replace(" ", "") == f"שלום{long_word}עולם"
    assert all(direction == "R" for _, direction in lines) and len(lines) > 10
    project = hostile_project(model)
    project.assessment.of("allocation").notes = long_word
    text, _, _ = _text(pdf_bytes(build_report(project))[0])
    assert "".join(re.findall(f"[{HEBREW}{FINAL_NUN}]+", text)) == long_word  # every piece, in order


def test_poppler_reads_back_emoji_arabic_hebrew_and_korean_as_typed(model: CapabilityModel) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    typed = ["Smiley 😀 end", "Arabic مرحبا بالعالم end", "Hebrew שלום עולם end", "Korean 한국어 서울 end"]
    project = hostile_project(model)
    project.assessment.of("allocation").notes = "\n\n".join(typed)
    data, warnings = pdf_bytes(build_report(project))
    assert warnings == []
    plain = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
    flat = "".join(re.sub("[\u202a-\u202e]", "", plain).split())  # poppler marks right-to-left runs
    for text in typed:
        assert "".join(text.split()) in flat, text
