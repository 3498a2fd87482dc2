"""Random text through the exporters' text paths: nothing raises, nothing is interpreted.

Excel: any text written through the workbook's text cell reads back as the documented cleaned
text, always a string cell. PDF: any text becomes paragraph markup that reportlab accepts, and
text built from markup characters prints exactly as typed.
"""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exports.pdf.fonts import BODY_FONT, FontKit
from exports.text import clean_text
from exports.xlsx.cells import EXCEL_CELL_LIMIT, TRUNCATION_MARKER, SheetWriter, Styles

any_text = st.text(st.characters(), max_size=200)
markup_text = st.text(st.sampled_from(list("<>&;#=/\"'!-[]{}()%$ abcfontimgsrcbr 東é")), min_size=1, max_size=80)


def _cell_round_trip(text: str) -> tuple[object, str]:
    from openpyxl import Workbook, load_workbook

    book = Workbook()
    SheetWriter(book.active, Styles(), []).text(1, 1, text)
    buffer = io.BytesIO()
    book.save(buffer)
    cell = load_workbook(io.BytesIO(buffer.getvalue())).active["A1"]
    return cell.value, cell.data_type


@settings(max_examples=150, deadline=None)
@given(text=any_text)
def test_any_text_is_an_inert_string_cell_equal_to_the_cleaned_text(text: str) -> None:
    value, data_type = _cell_round_trip(text)
    expected = clean_text(text)
    if not expected:
        assert value in (None, "")
        return
    assert data_type == "s"
    assert value == expected


def test_text_over_the_limit_is_cut_with_the_marker() -> None:
    value, data_type = _cell_round_trip("=" + "y" * 40_000)
    assert data_type == "s"
    assert isinstance(value, str) and len(value) == EXCEL_CELL_LIMIT and value.endswith(TRUNCATION_MARKER)
    assert value.startswith("=yyy")


def _pdf_of(markup: str) -> bytes:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    buffer = io.BytesIO()
    style = ParagraphStyle("body", fontName=BODY_FONT, fontSize=10, leading=12)
    SimpleDocTemplate(buffer).build([Paragraph(markup, style)])
    return buffer.getvalue()


@pytest.fixture(scope="module")
def fonts() -> FontKit:
    return FontKit.load()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=any_text)
def test_any_text_becomes_markup_reportlab_accepts(fonts: FontKit, text: str) -> None:
    _pdf_of(fonts.markup(text))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=markup_text)
def test_markup_characters_print_exactly_as_typed(fonts: FontKit, text: str) -> None:
    from pypdf import PdfReader

    data = _pdf_of(fonts.markup(text))
    printed = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "".join(printed.split()) == "".join(text.split())
