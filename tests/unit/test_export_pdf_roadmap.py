"""The PDF's roadmap, read back with pypdf: calendar months, horizons, the first 90 days, warnings, staleness.

The projects are the realistic scenarios of :mod:`tests.scenarios`, which start in January 2027.
"""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from exports.pdf.document import pdf_bytes
from planner.model.calendar import MONTH_NAMES
from planner.model.capmodel import CapabilityModel
from planner.model.project import Project
from planner.model.roadmap import schedule, set_capacity, set_status
from planner.model.roadmap.warnings import LONG_PLAN_MONTHS
from planner.report.data import STALE_NOTE, InitiativeRow, ReportData, build_report
from tests.scenarios import enterprise, planned, startup


def pages_of(report: ReportData) -> list[str]:
    data, warnings = pdf_bytes(report)
    assert warnings == []
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def shown(item: InitiativeRow) -> str:
    """The months of an initiative as a table cell prints them: a span across years breaks after its dash."""
    across = item.start_date is not None and item.end_date is not None and item.start_date.year != item.end_date.year
    return f"{item.start_label}\u2013 {item.end_label}" if across else item.span_label


def section(pages: list[str], first: str, until: str) -> str:
    """Return the text from ``first`` up to ``until`` (the contents page left out)."""
    start = next(n for n, page in enumerate(pages) if first in page and "Contents Executive summary" not in page)
    text = " ".join(pages[start:])
    begin = text.index(first)
    return text[begin : text.index(until, begin)]


@pytest.fixture(scope="module")
def long_plan(model: CapabilityModel) -> Project:
    """A start-up plan run one initiative at a time (so it is long), with work begun, done and deferred."""
    project = planned(startup(model))
    ids = [i.id for i in project.roadmap.initiatives]
    road = set_status(project.roadmap, [ids[0]], "in_progress")
    road = set_status(road, [ids[-1]], "deferred")
    project.roadmap = schedule(model, set_capacity(road, 1))
    return project


@pytest.fixture(scope="module")
def long_pages(long_plan: Project) -> tuple[ReportData, list[str]]:
    report = build_report(long_plan)
    return report, pages_of(report)


def test_the_executive_summary_names_the_first_90_days_work(long_pages) -> None:
    report, pages = long_pages
    summary = section(pages, "Executive summary", "Maturity at a glance")
    first = report.horizons[0]
    assert first.initiatives
    assert f"The first 90 days: {first.span_label}" in summary
    assert f"{len(first.initiatives)} initiative" in summary
    for item in first.initiatives:
        assert f"{item.ref} {item.title} {item.owner} {item.capability_name} {shown(item)}" in summary
    begun = next(i for i in first.initiatives if i.status == "in_progress")
    assert f"{shown(begun)} In progress" in summary
    assert f"{len(report.scheduled)} initiatives, {report.plan_span_label} ({report.months} months)" in summary
    for horizon in report.horizons:  # the roadmap at a glance, one row per horizon
        assert f"{horizon.name} {horizon.span_label} {len(horizon.initiatives)} " in summary
    assert "Deferred or dropped not scheduled 1 " in summary


def test_a_dated_report_never_says_month_n(long_pages) -> None:
    _, pages = long_pages
    text = " ".join(pages)
    assert re.search(r"\bMonths? \d", text) is None
    assert "Jan 2027" in text


def test_the_roadmap_is_grouped_by_horizon_in_calendar_months(long_pages) -> None:
    report, pages = long_pages
    roadmap = section(pages, "Initiatives by horizon", "KPIs to track")
    headings = [
        f"{h.name} · {h.span_label} · {len(h.initiatives)} initiative" for h in report.horizons if h.initiatives
    ]
    found = [roadmap.index(h) for h in headings]
    assert found == sorted(found)
    for horizon in report.horizons:
        for item in horizon.initiatives:
            assert f"{item.ref} {item.title}" in roadmap
            line = f"{item.capability_name} {item.phase_name} {item.owner} {item.effort} {shown(item)} {item.duration} month"
            assert line in roadmap
    deferred = report.unscheduled[0]
    assert "Deferred or dropped · 1 initiative, not scheduled" in roadmap
    assert roadmap.index(deferred.title) > roadmap.index("Deferred or dropped")


def gantt_pages(report: ReportData, data: bytes) -> list[tuple[str, bool]]:
    """Return the Gantt chart's pages: their text and whether each is landscape."""
    reader = PdfReader(io.BytesIO(data))
    found = []
    for page in reader.pages:
        text = " ".join(page.extract_text().split())
        if found and "Initiatives by horizon" in text:
            break
        if found or f"Roadmap {len(report.scheduled)} initiatives" in text:
            found.append((text, float(page.mediabox.width) > float(page.mediabox.height)))
    return found


def test_the_gantt_chart_is_on_landscape_pages_in_calendar_months_with_every_initiative(long_pages, long_plan) -> None:
    report, _ = long_pages
    data, _ = pdf_bytes(report)
    pages = gantt_pages(report, data)
    assert pages and all(landscape for _, landscape in pages)
    gantt = " ".join(text for text, _ in pages)
    assert "Maturity: " in pages[0][0]  # the legend, under the introduction
    assert "2027" in gantt and "2028" in gantt and "Month" not in gantt
    assert report.months > 24  # a long plan: a month name over every second month
    assert "Jan Mar May Jul Sep Nov" in gantt
    for text, _ in pages:  # the header repeats on every page
        assert "# Initiative Capability" in text
    for horizon in report.horizons:
        if horizon.initiatives:
            assert f"{horizon.name} · {horizon.span_label} · {len(horizon.initiatives)} initiative" in gantt
        for item in horizon.initiatives:
            assert f"{item.ref} {item.title} {item.capability_name}" in gantt


def test_a_short_plan_names_every_month_in_its_gantt_chart(model: CapabilityModel) -> None:
    report = build_report(planned(enterprise(model)))
    assert report.months <= 24
    pages = gantt_pages(report, pdf_bytes(report)[0])
    assert " ".join(MONTH_NAMES) in pages[0][0]


def test_the_warnings_are_printed_in_the_roadmap_section_with_the_long_plan_warning(long_pages) -> None:
    report, pages = long_pages
    assert report.months > LONG_PLAN_MONTHS
    long = next(w for w in report.warnings if w.startswith(f"The plan runs {report.months} months"))
    heading = f"Roadmap {len(report.scheduled)} initiatives"
    roadmap = section(pages, heading, "KPIs to track")
    assert "Points to note about this plan" in roadmap
    for warning in report.warnings:
        assert warning in roadmap
    assert long in roadmap
    before = pages[2 : pages.index(next(p for p in pages if heading in p))]  # after the cover and the contents
    assert "Points to note" not in " ".join(before)


def test_a_stale_roadmap_says_it_predates_the_latest_scores(model: CapabilityModel) -> None:
    project = planned(enterprise(model))
    project.engagement.org_size = "midsize"
    report = build_report(project)
    assert report.stale
    pages = pages_of(report)
    summary = section(pages, "Executive summary", "Maturity at a glance")
    roadmap = section(pages, f"Roadmap {STALE_NOTE[:30]}", "Appendix: method")
    for part in (summary, roadmap):
        assert STALE_NOTE in part
        assert all(reason in part for reason in report.stale_reasons)
    fresh = pages_of(build_report(planned(enterprise(model))))
    assert "predates the latest scores" not in " ".join(fresh)


def test_an_undated_plan_counts_months_and_says_why(model: CapabilityModel) -> None:
    project = planned(enterprise(model))
    project.engagement.start_date = None
    report = build_report(project)
    text = " ".join(pages_of(report))
    assert "The first 90 days: Months 1-3" in text
    assert "Months are counted from the start of the roadmap: the project has no start month yet." in text
    assert "2027" not in text.split("Appendix: method")[0]
