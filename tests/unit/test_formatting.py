"""The one way scores, levels and months read, wherever they are shown."""

from __future__ import annotations

import pytest

from planner.report.formatting import (
    NO_SCORE,
    NOT_SCORED,
    level_text,
    month_range,
    month_span,
    percent,
    score_and_level,
)


@pytest.mark.parametrize(
    ("score", "text"),
    [
        (62.5, "62.5%"),
        (50.0, "50%"),
        (0.0, "0%"),
        (100.0, "100%"),
        (37.5, "37.5%"),
        (68.75, "68.7%"),  # rounded down: never shows more than the score reached
        (99.95, "99.9%"),  # not 100%: the capability is not at the top yet
        (49.96, "49.9%"),  # not 50%: the level that starts at 50% is not reached
        (57.99999999999999, "58%"),  # float noise below a tenth is still that tenth
        (100 * 7 / 12, "58.3%"),
        (None, NO_SCORE),
    ],
)
def test_percent(score: float | None, text: str) -> None:
    assert percent(score) == text


def test_levels_and_badges() -> None:
    assert level_text("Walk") == "Walk"
    assert level_text(None) == level_text("") == NOT_SCORED
    assert score_and_level(62.5, "Walk") == "Walk \u00b7 62.5%"
    assert score_and_level(None, "Walk") == NOT_SCORED
    # the badge and the navigator's tooltip show the same number for the same capability
    for score in (62.5, 99.95, 12.34, 50.0):
        assert score_and_level(score, "Walk").endswith(percent(score))


@pytest.mark.parametrize(
    ("start", "end", "span", "numbers"),
    [
        (0, 1, "month 1", "1"),
        (0, 2, "months 1\u20132", "1\u20132"),
        (3, 7, "months 4\u20137", "4\u20137"),
        (5, 5, "month 6", "6"),  # an empty span reads as its first month
    ],
)
def test_months_count_from_one(start: int, end: int, span: str, numbers: str) -> None:
    assert month_span(start, end) == span
    assert month_range(start, end) == numbers
