"""Chart factories: real figures with the expected content, rendered without pyplot or Qt."""

from __future__ import annotations

import math
import subprocess
import sys

import pytest
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from exports.figures import domain_bars_for, gantt_parts_for, heatmap_for, radar_for
from planner.charts import palette
from planner.charts.bars import BarRow, domain_bars_figure
from planner.charts.gantt import GanttBar, GanttPhase, gantt_figure
from planner.charts.heatmap import HEAT_COLOURS, HeatRow, lens_heatmap_figure
from planner.charts.radar import Band, RadarSeries, radar_figure
from planner.charts.style import figure_png, shorten
from planner.model.capmodel import CapabilityModel
from planner.report.data import build_report
from tests.unit.test_export_support import hostile_project

PNG = b"\x89PNG\r\n\x1a\n"


def _texts(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]


def test_palette_colours_and_helpers() -> None:
    assert set(palette.LEVEL_COLOURS) == {"none", "crawl", "walk", "run"}
    assert len(set(palette.LEVEL_COLOURS.values())) == 4
    assert palette.level_colour(None) == palette.LEVEL_COLOURS["none"]
    assert palette.level_colour("walk") == palette.LEVEL_COLOURS["walk"]
    assert palette.level_colour("expert", ["a", "b", "c", "d", "expert"]) == palette.EXTRA_LEVEL_COLOURS[4]
    assert palette.excel_rgb("#2f7fc1") == "2F7FC1"
    assert palette.level_tint("run", 0.0) == "#FFFFFF"
    assert palette.level_tint("run", 1.0) == palette.LEVEL_COLOURS["run"].upper()


def test_radar_draws_one_line_per_series_and_the_bands() -> None:
    bands = [Band("Not started", 0, "#999999"), Band("Crawl", 25, "#E0A030"), Band("Walk", 50, "#2F7FC1")]
    fig = radar_figure(
        ["A", "B", "C"],
        [RadarSeries("Current", [10.0, None, 60.0], "#000000"), RadarSeries("Target", [50, 50, 75], "#FF0000", True)],
        bands=bands,
    )
    ax = fig.axes[0]
    lines = [line for line in ax.get_lines() if line.get_label() in ("Current", "Target")]
    assert [line.get_label() for line in lines] == ["Current", "Target"]
    current = list(lines[0].get_ydata())  # closed back to the first spoke; None is a gap, never 0
    assert current[0] == current[3] == 10.0 and current[2] == 60.0 and math.isnan(current[1])
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Crawl", "Walk"]
    assert figure_png(fig, dpi=50).startswith(PNG)


def test_domain_bars_show_scores_and_unscored_domains() -> None:
    rows = [BarRow("Understand", 42.5, "Crawl", "#E0A030"), BarRow("Quantify", None, "", "#999999")]
    fig = domain_bars_figure(rows, bands=[Band("Walk", 50, "#2F7FC1")], overall=42.5)
    texts = _texts(fig)
    assert "42.5%  Crawl" in texts and "not scored" in texts and "Overall 42.5%" in texts
    bars = [p for p in fig.axes[0].patches if isinstance(p, Rectangle)]
    assert sorted(round(b.get_width(), 1) for b in bars) == [0.0, 42.5]


def test_heatmap_cells_follow_scores_and_applicability() -> None:
    rows = [
        HeatRow("Allocation", [0, 4, None], True, "50%", "Understand"),
        HeatRow("Sustainability", [None, None, None], False, "", "Optimize"),
    ]
    fig = lens_heatmap_figure(rows, ["Knowledge", "Process", "Metrics"])
    (cells,) = fig.axes[0].collections
    assert len(cells.get_paths()) == 6
    colours = [palette.excel_rgb(_hex(c)) for c in cells.get_facecolors()]
    assert colours[0] == palette.excel_rgb(HEAT_COLOURS[0]) and colours[1] == palette.excel_rgb(HEAT_COLOURS[4])
    assert colours[2] == "FFFFFF"
    assert set(colours[3:]) == {palette.excel_rgb(palette.NOT_APPLICABLE)}
    texts = _texts(fig)
    assert {"Understand", "Optimize", "not applicable", "\u2013"} <= set(texts)


def test_gantt_bars_span_their_months_on_phase_bands() -> None:
    bars = [GanttBar("First", 0, 2, "crawl"), GanttBar("Second", 2, 5, "walk", locked=True)]
    phases = [GanttPhase("crawl", "Crawl", 0, 2), GanttPhase("walk", "Walk", 2, 5)]
    fig = gantt_figure(bars, phases, months=8)
    ax = fig.axes[0]
    assert ax.get_xlim() == (0.0, 8.0)
    drawn = [p for p in ax.patches if p.get_zorder() == 2]
    assert [(round(p.get_x()), round(p.get_x() + p.get_width())) for p in drawn] == [(0, 2), (2, 5)]
    texts = _texts(fig)
    assert [t for t in texts if t.isdigit()] == [str(m) for m in range(1, 9)]
    assert "Month" in texts
    assert "Walk  \u00b7  months 3\u20135" in _texts(fig)


def test_shorten_keeps_one_line() -> None:
    assert shorten("a\nb", 10) == "a b"
    assert shorten("abcdefghij", 5) == "abcd\u2026"


@pytest.mark.parametrize("factory", [radar_for, domain_bars_for, heatmap_for])
def test_report_charts_render(model: CapabilityModel, factory) -> None:
    fig = factory(build_report(hostile_project(model)))
    assert isinstance(fig, Figure)
    assert figure_png(fig, dpi=40).startswith(PNG)


def test_report_radar_has_a_projection_per_phase_and_gantt_parts_cover_every_initiative(
    model: CapabilityModel,
) -> None:
    report = build_report(hostile_project(model))
    labels = [line.get_label() for line in radar_for(report).axes[0].get_lines()]
    assert labels[0] == "After Crawl" and labels[-2:] == ["Target", "Current score"]
    parts = gantt_parts_for(report, max_rows=20)
    assert len(parts) > 1
    drawn = sum(len([p for p in f.axes[0].patches if p.get_zorder() == 2]) for f in parts)
    assert drawn == len(report.initiatives)
    assert {f.axes[0].get_xlim() for f in parts} == {(0.0, float(report.months))}


def test_cjk_labels_use_the_bundled_fallback_font() -> None:
    fig = gantt_figure([GanttBar("東京 rollout", 0, 1, "crawl")], [GanttPhase("crawl", "Crawl", 0, 1)])
    label = next(t for t in fig.findobj(Text) if t.get_text() == "東京 rollout")
    assert "Droid Sans Fallback" in label.get_fontfamily()
    assert figure_png(fig, dpi=40).startswith(PNG)


def test_charts_never_import_pyplot_or_qt() -> None:
    code = (
        "import sys\n"
        "from planner.charts.radar import radar_figure, RadarSeries\n"
        "from planner.charts.style import figure_png\n"
        "figure_png(radar_figure(['a','b','c'], [RadarSeries('x', [1,2,3], '#000000')]), dpi=30)\n"
        "bad = [m for m in sys.modules if m == 'matplotlib.pyplot' or m.startswith('PySide6')]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def _hex(rgba) -> str:
    return "#" + "".join(f"{round(c * 255):02X}" for c in rgba[:3])


def test_dollar_signs_in_labels_are_text_not_mathtext() -> None:
    label = "Cut $\\frac{ spend by $5k"  # as mathtext this would not even render
    fig = gantt_figure([GanttBar(label, 0, 2, "walk")], [GanttPhase("walk", "Walk", 0, 2)], label_chars=80)
    assert label in _texts(fig)
    assert figure_png(fig, dpi=40).startswith(PNG)


def test_gantt_calendar_axis_horizon_rules_and_maturity_legend() -> None:
    bars = [
        GanttBar("Quick win", 0, 2, "crawl", band="now"),
        GanttBar("Foundation", 3, 6, "walk", band="next"),
        GanttBar("Stretch", 12, 14, "run", band="later", done=True),
    ]
    bands = [
        GanttPhase("now", "Now", 0, 3, "Nov 2026-Jan 2027  \u00b7  1 initiative", "#1F3A5F"),
        GanttPhase("next", "Next", 3, 12, "Feb-Oct 2027  \u00b7  1 initiative", "#6B7785"),
        GanttPhase("later", "Later", 12, 14, "Nov-Dec 2027  \u00b7  1 initiative", "#1F3A5F"),
    ]
    ticks = [(m, ("Nov", "Dec", "Jan", "Feb")[m % 4]) for m in range(4)]
    fig = gantt_figure(
        bars,
        bands,
        ticks=ticks,
        years=[(0, "2026"), (2, "2027")],
        boundaries=[3, 12],
        legend=[("crawl", "Crawl"), ("walk", "Walk")],
    )
    texts = _texts(fig)
    assert {"Nov", "Dec", "Jan", "Feb", "2026", "2027", "Maturity:", "Crawl", "Walk"} <= set(texts)
    assert "Month" not in texts and not any(t.isdigit() and len(t) < 3 for t in texts)  # no month numbers
    assert "Next  \u00b7  Feb-Oct 2027  \u00b7  1 initiative" in texts
    ax = fig.axes[0]
    rules = [c for c in ax.collections if c.get_linestyle()[0][1] is not None]  # the dashed horizon rules
    assert sorted(round(seg[0][0]) for c in rules for seg in c.get_segments()) == [3, 12]
    drawn = [p for p in ax.patches if p.get_zorder() == 2]
    assert [palette.excel_rgb(_hex(p.get_facecolor())) for p in drawn[:2]] == [
        palette.excel_rgb(palette.LEVEL_COLOURS["crawl"]),
        palette.excel_rgb(palette.LEVEL_COLOURS["walk"]),
    ]
    assert drawn[2].get_facecolor() != drawn[1].get_facecolor()  # done: drawn lighter
    assert figure_png(fig, dpi=40).startswith(PNG)


def test_report_gantt_is_by_horizon_in_calendar_months(model: CapabilityModel) -> None:
    from tests.scenarios import enterprise, planned

    report = build_report(planned(enterprise(model), "full"))
    (fig,) = gantt_parts_for(report)
    texts = _texts(fig)
    for horizon in [h for h in report.horizons if h.initiatives]:
        count = len(horizon.initiatives)
        assert (
            f"{horizon.name}  \u00b7  {horizon.span_label}  \u00b7  {count} initiative{'s' if count != 1 else ''}"
            in texts
        )
    assert "Jan" in texts and "2027" in texts and "Month" not in texts
    labels = [t for t in texts if t.split()[0].isdigit() and len(t.split()) > 1]
    assert [int(t.split()[0]) for t in labels] == list(range(1, len(report.scheduled) + 1))


def test_an_unscored_capability_is_a_gap_with_a_grey_name_and_a_note(model: CapabilityModel) -> None:
    """Nothing plotted at 0 for a capability not scored: its spoke has no point and the chart says why."""
    from tests.unit.test_export_marks import partial_project

    report = build_report(partial_project(model))
    fig = radar_for(report, by="horizon")
    ax = fig.axes[0]
    caps = [c for c in report.capabilities if c.applicable]
    unscored = [c.score is None for c in caps]
    assert sum(unscored) == report.coverage.unscored == 14
    current = next(line for line in ax.get_lines() if line.get_label() == "Current score")
    ydata = list(current.get_ydata())[: len(caps)]
    for value, cap in zip(ydata, caps, strict=True):
        assert math.isnan(value) if cap.score is None else value == cap.score
    target = next(line for line in ax.get_lines() if line.get_label() == "Target")
    assert not any(v == 0 for v in target.get_ydata())
    labels = ax.get_xticklabels()
    assert [t.get_text().replace("\n", " ") for t in labels] == [c.name for c in caps]
    assert all("*" not in t.get_text() for t in labels)
    assert [t.get_fontstyle() == "italic" for t in labels] == unscored
    assert "Not scored: 14 capabilities" in " ".join(_texts(fig))
    # the fill covers the scored runs only: every filled vertex is a scored spoke or the centre
    fills = [p for p in ax.patches if p.get_alpha() == 0.12]
    assert fills
    scored_radii = {round(c.score, 6) for c in caps if c.score is not None} | {0.0}
    for patch in fills:
        assert {round(float(r), 6) for _, r in patch.get_xy()} <= scored_radii


def test_scored_runs_go_round_and_skip_gaps() -> None:
    from planner.charts.radar import scored_runs

    nan = math.nan
    assert scored_runs([1.0, nan, 3.0, 4.0]) == [[2, 3, 0]]
    assert scored_runs([1.0, 2.0, 3.0]) == [[0, 1, 2, 0]]
    assert scored_runs([nan, 2.0, nan, 4.0, 5.0]) == [[1], [3, 4]]
    assert scored_runs([nan, nan]) == []


@pytest.mark.parametrize("source", ["demo", "partial"])
def test_radar_names_never_overlap(model: CapabilityModel, source: str) -> None:
    from planner.resources import resource_path
    from planner.storage.projectfile import load_project
    from tests.unit.test_export_marks import partial_project

    project = load_project(resource_path("demo/demo.roadmap")) if source == "demo" else partial_project(model)
    fig = radar_for(build_report(project), by="horizon")
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in fig.axes[0].get_xticklabels()]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b), (a, b)
        assert a.x0 >= 0 and a.x1 <= fig.bbox.width  # nothing cut at the figure's edge
