"""Realistic projects for tests, built in code (no file on disk needed)."""

from __future__ import annotations

from planner.model.capmodel import CapabilityModel
from planner.model.project import (
    Assessment,
    CapabilityAssessment,
    Engagement,
    Initiative,
    Project,
    Roadmap,
    default_phases,
)

LENSES = ("knowledge", "process", "metrics", "adoption", "automation")


def scored_project(model: CapabilityModel, client: str = "Northwind Retail") -> Project:
    """A mid-size client: every capability scored (one N/A, one incomplete), targets set, a small roadmap."""
    assessment = Assessment(lens_weights=dict.fromkeys(model.lens_ids, 1.0))
    for i, cap in enumerate(model.iter_capabilities()):
        scores: dict[str, int | None] = {lens: (i + j) % 4 for j, lens in enumerate(LENSES)}
        assessment.capabilities[cap.id] = CapabilityAssessment(
            lenses=scores,
            target=("walk", "run", "crawl")[i % 3],
            importance=1 + i % 5,
            notes=f"Observed practice for {cap.name}.",
            internal_notes="Sponsor is sceptical; raise it with the CFO first.",
            evidence=["Workshop 2026-11-12"],
        )
    assessment.capabilities["sustainability"].applicable = False
    assessment.capabilities["licensing-saas"].lenses["automation"] = None
    roadmap = Roadmap(capacity=3, phases=default_phases(model))
    roadmap.initiatives.append(
        Initiative(
            id="allocation.crawl.1",
            capability="allocation",
            title="Map every account to a cost centre",
            phase="crawl",
            description="Build the account-to-cost-centre map with Finance.",
            owner="Finance",
            effort="S",
            duration_months=1,
            template="allocation.crawl.account-owner-mapping",
        )
    )
    return Project(
        model=model,
        engagement=Engagement(
            client=client,
            title="FinOps maturity assessment",
            consultant="Dana Whitfield",
            firm="Clearpath Advisory",
            assessment_date="2026-11-29",
            scopes=["Public Cloud", "SaaS"],
            summary="Strong engineering culture; allocation and forecasting lag behind.",
        ),
        assessment=assessment,
        roadmap=roadmap,
    )
