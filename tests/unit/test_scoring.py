"""Scoring exactly as the design defines it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.model.capmodel import CapabilityModel
from planner.model.project import Assessment, CapabilityAssessment
from planner.model.scoring import level_for, rescore, score_capability, score_project
from tests.factories import scored_project

LENSES = ("knowledge", "process", "metrics", "adoption", "automation")


def _assess(cap: str = "allocation", **scores: int | None) -> Assessment:
    return Assessment(capabilities={cap: CapabilityAssessment(lenses=dict(scores), target="walk")})


def test_hand_computed_equal_weights(model: CapabilityModel) -> None:
    a = _assess(knowledge=2, process=1, metrics=0, adoption=1, automation=None)
    s = score_capability(model, a, "allocation")
    # (2 + 1 + 0 + 1) / (4 * 4 scored lenses) = 4 / 16 = 25 %: a mean lens score of 1, below Crawl's 1.5
    assert s.score == 25.0
    assert s.level == "none"
    assert s.complete is False
    assert s.gap == 2


def test_hand_computed_weights(model: CapabilityModel) -> None:
    a = _assess(knowledge=4, process=2, metrics=1, adoption=3, automation=0)
    a.lens_weights = {"knowledge": 2, "automation": 0.5}
    s = score_capability(model, a, "allocation")
    # points 2*4 + 2 + 1 + 3 + 0.5*0 = 14; max 4*(2 + 1 + 1 + 1 + 0.5) = 22
    assert s.score == pytest.approx(100 * 14 / 22)
    assert s.level == "walk"
    assert s.complete is True
    assert s.gap == 0


@pytest.mark.parametrize(
    ("score", "level"),
    [(0.0, "none"), (37.499, "none"), (37.5, "crawl"), (62.49, "crawl"), (62.5, "walk"),
     (87.4999, "walk"), (87.5, "run"), (100.0, "run")],
)  # fmt: skip
def test_band_boundaries(model: CapabilityModel, score: float, level: str) -> None:
    assert level_for(model, score) == level


def test_every_exact_boundary_from_lens_scores(model: CapabilityModel) -> None:
    # The midpoint rule: a level is reached at a mean lens score halfway between the anchor below
    # and the level's own anchor (2 some teams = Crawl, 3 most teams = Walk, 4 all teams = Run).
    # 4 equally weighted lenses: totals 6, 10, 14 of 16 are means of exactly 1.5, 2.5 and 3.5.
    four = LENSES[:4]
    for total, level in ((5, "none"), (6, "crawl"), (9, "crawl"), (10, "walk"), (13, "walk"), (14, "run")):
        scores = [min(4, max(0, total - 4 * i)) for i in range(4)]
        s = score_capability(model, _assess(**dict(zip(four, scores, strict=True))), "allocation")
        assert s.score == 100 * total / 16
        assert s.level == level, (total, s.score)


def test_a_capability_scored_two_everywhere_is_crawl_as_its_anchors_say(model: CapabilityModel) -> None:
    """2 is "some teams, with gaps" on every lens: that is Crawl, not Walk (release 1 said Walk)."""
    s = score_capability(model, _assess(**dict.fromkeys(LENSES, 2)), "allocation")
    assert (s.score, s.level) == (50.0, "crawl")
    assert score_capability(model, _assess(**dict.fromkeys(LENSES, 3)), "allocation").level == "walk"
    assert score_capability(model, _assess(**dict.fromkeys(LENSES, 4)), "allocation").level == "run"
    assert score_capability(model, _assess(**dict.fromkeys(LENSES, 1)), "allocation").level == "none"


def test_unscored_and_not_applicable(model: CapabilityModel) -> None:
    a = Assessment()
    s = score_capability(model, a, "allocation")
    assert s.score is None and s.level is None and s.gap is None and not s.complete
    a.capabilities["allocation"] = CapabilityAssessment(applicable=False, lenses=dict.fromkeys(LENSES, 4))
    s = score_capability(model, a, "allocation")
    assert not s.applicable and s.score is None
    assert "not applicable" in s.explain(model)[0]


def test_zero_is_a_real_score(model: CapabilityModel) -> None:
    s = score_capability(model, _assess(knowledge=0), "allocation")
    assert s.score == 0.0 and s.level == "none"


def test_all_scored_lenses_weigh_zero_means_no_score(model: CapabilityModel) -> None:
    a = _assess(knowledge=3)
    a.lens_weights = {"knowledge": 0}
    assert score_capability(model, a, "allocation").score is None


def test_domain_and_overall_means(model: CapabilityModel) -> None:
    a = Assessment()
    a.capabilities["data-ingestion"] = CapabilityAssessment(lenses=dict.fromkeys(LENSES, 2))  # 50
    a.capabilities["allocation"] = CapabilityAssessment(lenses=dict.fromkeys(LENSES, 1))  # 25
    a.capabilities["reporting-analytics"] = CapabilityAssessment(applicable=False, lenses=dict.fromkeys(LENSES, 4))
    a.capabilities["budgeting"] = CapabilityAssessment(lenses=dict.fromkeys(LENSES, 4))  # 100
    card = score_project(model, a)
    understand, quantify, optimize, _ = card.domains
    assert understand.score == 37.5 and understand.level == "crawl"
    assert quantify.score == 100.0 and quantify.level == "run"
    assert optimize.score is None
    assert card.overall.score == pytest.approx((37.5 + 100.0) / 2)
    assert card.overall.level == "walk"
    assert "mean of 2 scored capabilities" in understand.explain(model)[0]


def test_explanation_shows_the_calculation(model: CapabilityModel) -> None:
    a = _assess(knowledge=2, process=1, metrics=0, adoption=1, automation=None)
    lines = "\n".join(score_capability(model, a, "allocation").explain(model))
    assert "Knowledge: 2 of 4 x weight 1 = 2 of 4" in lines
    assert "Automation: not scored" in lines
    assert "Score = 100 x 4 / 16 = 25.0% (a weighted mean lens score of 1.00 of 4)" in lines
    assert (
        "25.0% is at or above the Ad hoc band (0%) and below the Crawl band (37.5%), so the level is Ad hoc." in lines
    )
    assert "Incomplete" in lines


score = st.one_of(st.none(), st.integers(0, 4))
weights = st.dictionaries(st.sampled_from(LENSES), st.floats(0, 10, allow_nan=False), max_size=5)


@settings(max_examples=300, deadline=None)
@given(scores=st.tuples(*[score] * 5), w=weights, lens=st.integers(0, 4))
def test_raising_a_lens_never_lowers_score_or_level(
    model: CapabilityModel, scores: tuple[int | None, ...], w: dict[str, float], lens: int
) -> None:
    before = _assess(**dict(zip(LENSES, scores, strict=True)))
    before.lens_weights = w
    old = scores[lens]
    if old == 4 or old is None:
        return
    raised = list(scores)
    raised[lens] = old + 1
    after = _assess(**dict(zip(LENSES, raised, strict=True)))
    after.lens_weights = w
    s0 = score_capability(model, before, "allocation")
    s1 = score_capability(model, after, "allocation")
    if s0.score is None:
        return
    assert s1.score is not None and s1.score >= s0.score - 1e-9
    assert model.level_index(s1.level or "none") >= model.level_index(s0.level or "none")
    assert 0 <= s1.score <= 100


@settings(max_examples=40, deadline=None)
@given(
    changes=st.lists(
        st.tuples(
            st.sampled_from(["allocation", "budgeting", "forecasting", "sustainability", "unit-economics"]),
            st.sampled_from(["knowledge", "process", "automation"]),
            st.one_of(st.none(), st.integers(0, 4)),
            st.booleans(),
        ),
        max_size=8,
    )
)
def test_rescoring_the_changed_capabilities_equals_scoring_everything(
    model: CapabilityModel, changes: list[tuple[str, str, int | None, bool]]
) -> None:
    assessment = scored_project(model).assessment
    card = score_project(model, assessment)
    for cap_id, lens, value, applicable in changes:
        found = assessment.of(cap_id)
        found.lenses[lens] = value
        found.applicable = applicable
        card = rescore(model, assessment, card, (cap_id,))
        assert card == score_project(model, assessment)
