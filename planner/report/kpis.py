"""The KPIs to track: for each capability the roadmap works on, its model KPIs with their targets.

The capability model gives every capability three to six KPIs, each a name and a measure: how it
is taken and, in the same sentence, its target, often per level ("target 85% at Walk and 95% at
Run"). The report lists the KPIs of the applicable capabilities that are below their target or
have initiatives in the roadmap, in model order, each with the target at the capability's target
level and at its current level, read from that sentence by :func:`target_at`.

Decisions where the design is silent:

* The target sentence is the last one in the measure that starts with "target" (a measure may
  use the word earlier, as in "products with a target"). Its parts are split at commas and
  "and"; a part ending "at Walk" is the value for that level, the others hold at every level.
* A level the sentence names gets its value ("85%"), with the parts that hold at every level.
* A level it does not name, while it names others, gets the value of the highest named level
  below it ("85% (set for Walk)"); below every named level there is none yet: "first set for
  Walk: 85%". A sentence that names no level holds at every level.
* A measure without a target reads "none set in the model": the measure itself is always shown
  too, so nothing of the model's text is lost.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from planner.model.capmodel import CapabilityModel

__all__ = ["NO_TARGET", "KpiRow", "kpi_rows", "target_at", "target_sentence"]

#: What a KPI without a target in its measure shows as its target.
NO_TARGET = "none set in the model"

_TARGET = re.compile(r"\b[Tt]argets?\b:?\s+(?:is\s+)?(?!,)")
_SENTENCE_END = re.compile(r"\.(?:\s|$)")
_COMMAS = re.compile(r",\s+(?:and\s+)?")


@dataclass(frozen=True, slots=True)
class KpiRow:
    """One KPI of a capability, with its targets at the capability's target and current levels."""

    capability: str
    capability_name: str
    domain_name: str
    name: str
    measure: str
    #: The capability's target and current level names ("" when there is none).
    target_level_name: str
    current_level_name: str
    #: The KPI's target at those levels (:func:`target_at`).
    target: str
    current_target: str


def target_sentence(measure: str) -> str:
    """Return the target part of a measure ("85% at Walk and 95% at Run"), or "" when it has none."""
    found = list(_TARGET.finditer(measure))
    if not found:
        return ""
    rest = measure[found[-1].end() :]
    end = _SENTENCE_END.search(rest)
    return (rest[: end.start()] if end else rest).strip().rstrip(".;").strip()


def _parts(sentence: str, ending: re.Pattern[str]) -> list[tuple[str, str]]:
    """Return the sentence's parts in order as (level name or "", value).

    Parts are split at commas, and at "and" only after a part that names its level ("85% at Walk
    and 95% at Run", but "CI and batch on Spot at Crawl" stays whole); a "where ..." clause stays
    with the part before it.
    """
    pieces: list[str] = []
    for chunk in _COMMAS.split(sentence):
        if chunk.startswith("where ") and pieces:
            pieces[-1] += ", " + chunk
            continue
        words = chunk.split(" and ")
        current = words[0]
        for word in words[1:]:
            if ending.search(current):
                pieces.append(current)
                current = word
            else:
                current += " and " + word
        pieces.append(current)
    parts = []
    for piece in (p.strip() for p in pieces):
        found = ending.search(piece.split(", where ")[0])
        if found:
            qualifier = piece[len(piece.split(", where ")[0]) :]
            parts.append((found.group(1), piece[: found.start()].strip() + qualifier))
        elif piece:
            parts.append(("", piece))
    return parts


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def target_at(measure: str, level_name: str, level_names: Sequence[str]) -> str:
    """Return a KPI's target at level ``level_name`` from its measure (see the module docstring).

    ``level_names`` are the model's level names in order, lowest first.
    """
    sentence = target_sentence(measure)
    if not sentence:
        return NO_TARGET
    names = [n for n in level_names if n]
    ending = re.compile(r"\s+at\s+(" + "|".join(re.escape(n) for n in names) + r")$") if names else re.compile("$^")
    parts = _parts(sentence, ending)
    named = [level for level, _ in parts if level]
    if not named:
        return _capital(sentence)

    def value(level: str) -> str:
        return ", ".join(text for at, text in parts if at in ("", level))

    if level_name in named:
        return _capital(value(level_name))
    position = names.index(level_name) if level_name in names else 0
    below = [n for n in names[:position] if n in named]
    if below:
        return f"{_capital(value(below[-1]))} (set for {below[-1]})"
    first = next(n for n in names if n in named)
    return f"First set for {first}: {value(first)}"


def kpi_rows(
    model: CapabilityModel, capabilities: Sequence[tuple[str, str | None, str | None, bool]]
) -> tuple[KpiRow, ...]:
    """Return the KPIs to track for ``capabilities``: (id, current level id, target level id, tracked).

    Only the ``tracked`` ones (below target or in the roadmap) are listed, in the given order.
    """
    names = [lv.name for lv in model.levels]
    rows = []
    for cap_id, level, target, tracked in capabilities:
        if not tracked or cap_id not in model.capabilities:
            continue
        cap = model.capability(cap_id)
        target_name, current_name = model.level_name(target), model.level_name(level)
        for kpi in cap.kpis:
            rows.append(
                KpiRow(
                    capability=cap.id,
                    capability_name=cap.name,
                    domain_name=model.domain(cap.domain).name,
                    name=kpi.name,
                    measure=kpi.measure,
                    target_level_name=target_name,
                    current_level_name=current_name,
                    target=target_at(kpi.measure, target_name, names) if target_name else "\u2013",
                    current_target=target_at(kpi.measure, current_name, names) if current_name else "\u2013",
                )
            )
    return tuple(rows)
