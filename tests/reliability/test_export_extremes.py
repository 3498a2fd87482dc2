"""Extreme but valid content through both exports: they finish, and the files open again.

Every text stays within the project's limits (:mod:`planner.model.limits`), yet reportlab used to
raise ``LayoutError`` on a row taller than a page: an initiative with over a hundred dependencies, dozens of
line breaks in a title or an owner, long CJK owners. Now such rows split across pages, and a text
too long to lay out in reasonable time is cut visibly ("[cut: N more characters ...]") with a
warning. The worst cases are spelled out below; a Hypothesis property then throws adversarial
mixes at both exporters (kept to a few examples: the suite runs on two cores).
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exports.pdf.document import pdf_bytes
from exports.xlsx.workbook import workbook_bytes
from planner.model.capmodel import CapabilityModel
from planner.model.limits import LONG_TEXT_MAX, SHORT_TEXT_MAX, TITLE_MAX
from planner.model.project import Engagement, Initiative, Project, Roadmap, default_phases
from planner.report.data import build_report

CUT = "[cut: "


def project_with(model: CapabilityModel, *, deps: int = 0, **fields: Any) -> Project:
    """A small project: one initiative holding ``fields`` (and ``deps`` dependencies), notes from ``notes``."""
    notes = fields.pop("notes", "")
    client = fields.pop("client", "Northwind Retail")
    roadmap = Roadmap(capacity=3, phases=default_phases(model))
    caps = [cap.id for cap in model.iter_capabilities()]
    for i in range(deps):
        roadmap.initiatives.append(
            Initiative(id=f"dep-{i}", capability=caps[i % len(caps)], title=f"Step {i}", phase="crawl", origin="custom")
        )
    item = {"id": "x", "capability": "allocation", "title": "Extreme", "phase": "walk", "origin": "custom"}
    roadmap.initiatives.append(Initiative(**{**item, **fields}, depends_on=[f"dep-{i}" for i in range(deps)]))
    project = Project(model, Engagement(client=client, firm=client, title=client), roadmap=roadmap)
    project.assessment.of("allocation").notes = notes
    project.assessment.of("allocation").internal_notes = notes
    return project


def reopen(project: Project) -> tuple[str, list[str]]:
    """Build both exports (with internal notes), open them again; return the PDF's text and warnings."""
    from openpyxl import load_workbook
    from pypdf import PdfReader

    report = build_report(project, include_internal=True)
    xlsx, _ = workbook_bytes(report)
    assert load_workbook(io.BytesIO(xlsx)).sheetnames
    pdf, warnings = pdf_bytes(report)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 2
    return "\n".join(page.extract_text() for page in reader.pages), warnings


WORST = {
    "110 dependencies": {"deps": 110},
    "a title of 500 lines": {"title": ("T\n" * 500)[:TITLE_MAX]},
    "an owner of 250 lines": {"owner": ("o\n" * 250)[:SHORT_TEXT_MAX]},
    "an unbroken title": {"title": "W" * TITLE_MAX},
    "a repeated-word owner": {"owner": ("ab" * SHORT_TEXT_MAX)[:SHORT_TEXT_MAX]},
    "a CJK owner and title": {"owner": "漢" * SHORT_TEXT_MAX, "title": "字" * TITLE_MAX},
    "a client of 250 lines": {"client": ("c\n" * 250)[:SHORT_TEXT_MAX]},
}


@pytest.mark.parametrize("fields", WORST.values(), ids=list(WORST))
def test_the_worst_rows_split_instead_of_crashing(model: CapabilityModel, fields: dict[str, Any]) -> None:
    text, warnings = reopen(project_with(model, **fields))
    assert CUT not in text and not [w for w in warnings if "cuts" in w]  # nothing needed cutting


CUTS = {
    "a note of 100,000 lines": "a\n" * (LONG_TEXT_MAX // 2),
    "an unbroken note at the limit": "y" * LONG_TEXT_MAX,
}


@pytest.mark.parametrize("note", CUTS.values(), ids=list(CUTS))
def test_a_text_too_long_to_lay_out_is_cut_visibly_and_reported(model: CapabilityModel, note: str) -> None:
    text, warnings = reopen(project_with(model, notes=note))
    flat = "".join(text.split())
    assert flat.count(CUT.strip()) == 2  # the notes and the internal notes
    assert "morecharacters;thefulltextisintheprojectfile]" in flat
    cut = [w for w in warnings if "cuts 2 very long text(s)" in w]
    assert len(cut) == 1 and note[:10].replace("\n", " ").strip()[:5] in cut[0], warnings


def test_a_very_long_description_in_a_table_row_is_cut_and_the_row_splits(model: CapabilityModel) -> None:
    text, warnings = reopen(project_with(model, description="word " * (LONG_TEXT_MAX // 5), deps=3))
    assert CUT.strip() in "".join(text.split()) and any("cuts 1 very long text(s)" in w for w in warnings)


# -- the property --------------------------------------------------------------------------------------
#: Pieces an attacker or a paste from anywhere would bring: scripts, marks, breaks, long runs.
PIECES = st.sampled_from(
    [
        "word ",
        "\n",
        "\n\n",
        "漢字かな",
        "한국어 ",
        "שלום עולם ",
        "مرحبا ",
        "😀👨\u200d👩\u200d👧",
        "e\u0301\u0308",
        "\u202eevil\u202c",
        "<b>&amp;</b>",
        "=1+1",
        "\t",
        "\x0b",
        "W" * 300,
    ]
)


def adversarial(limit: int) -> st.SearchStrategy[str]:
    """Text of up to ``limit`` characters made of :data:`PIECES`, some repeated many times."""
    unit = st.lists(PIECES, min_size=1, max_size=6).map("".join)
    return st.tuples(unit, st.integers(1, 400)).map(lambda pair: (pair[0] * pair[1])[:limit])


@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(
    title=adversarial(TITLE_MAX),
    owner=adversarial(SHORT_TEXT_MAX),
    client=adversarial(SHORT_TEXT_MAX),
    description=adversarial(20_000),
    notes=adversarial(20_000),
    deps=st.integers(0, 60),
)
def test_both_exports_finish_and_reopen_on_adversarial_valid_content(
    model: CapabilityModel, title: str, owner: str, client: str, description: str, notes: str, deps: int
) -> None:
    project = project_with(
        model, deps=deps, title=title, owner=owner, client=client, description=description, notes=notes
    )
    reopen(project)


def test_a_right_to_left_owner_among_line_breaks_splits_inside_its_row(model: CapabilityModel) -> None:
    """Found by the property above: reportlab's in-row split raised ``IndexError`` on this row.

    The owner's paragraph, asked to split at the height of an earlier wrap at another width, fitted
    whole and came back as one piece where the table indexes a second.
    """
    fields = {
        "title": ("word word \x0b" + "word word word \x0b" * 80)[:TITLE_MAX],
        "owner": ("\nمرحبا 한국어 한국어 " * 40)[:SHORT_TEXT_MAX],  # noqa: RUF001
        "client": "word ",
        "description": "word ",
        "notes": "word ",
    }
    text, _ = reopen(project_with(model, **fields))
    flat = "".join(text.split())
    assert "한국어" in text and flat.count("wordwordword") >= 80  # the title whole, in the initiative table
