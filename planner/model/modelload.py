"""Build a :class:`CapabilityModel` from a model document, reporting every problem with its path.

The same validation serves the bundled models and the copy of a model embedded in a project file
(where problems are reported under ``model.``). Rules: unique ids for domains, capabilities,
levels, lenses and initiative keys; levels ordered with strictly increasing ``min_score`` bands
starting at 0; exactly five anchors (scores 0..4) per lens; prerequisites that exist and form no
cycle; initiatives whose level exists above the lowest level and whose lenses exist.
"""

from __future__ import annotations

from typing import Any

from planner.model.capmodel import (
    EFFORTS,
    ORG_SIZES,
    TIERS,
    VALUE_RANGE,
    Attribution,
    Capability,
    CapabilityModel,
    Domain,
    InitiativeTemplate,
    Kpi,
    Lens,
    Level,
    Persona,
)
from planner.model.checks import Checker, Problem, join_path
from planner.model.graph import find_cycle
from planner.model.limits import LENS_SCORES, MODEL_TEXT_MAX

__all__ = ["MODEL_FORMAT", "ModelError", "model_from_document"]

MODEL_FORMAT = "finops-capability-model"


class ModelError(ValueError):
    """A model document is invalid; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = str(problems[0]) if problems else "invalid model"
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        super().__init__(first + more)


def model_from_document(document: object, path: str = "") -> CapabilityModel:
    """Validate a parsed model document and return the model.

    Args:
        document: the parsed JSON.
        path: where the document sits in a larger one (``"model"`` inside a project file).

    Raises:
        ModelError: with every problem found.
    """
    check = Checker()
    doc = check.obj(document, path or "(model)")
    if not doc:
        raise ModelError(check.problems or [Problem(path, "the model is empty")])
    fmt = doc.get("format")
    if fmt != MODEL_FORMAT:
        check.add(join_path(path, "format"), f"must be {MODEL_FORMAT!r}, not {fmt!r}")
    model_id = check.text(doc, "id", path, empty_ok=False, max_len=100)
    name = check.text(doc, "name", path, empty_ok=False, max_len=200)
    description = check.text(doc, "description", path, required=False, empty_ok=True, max_len=MODEL_TEXT_MAX)
    attribution = _attribution(check, doc, path)
    levels = _levels(check, doc, path)
    lenses = _lenses(check, doc, path)
    personas = tuple(
        Persona(check.text(p, "name", pp, empty_ok=False), check.text(p, "kind", pp, required=False, default="core"))
        for i, raw in enumerate(check.seq(doc, "personas", path, required=False))
        for pp in [join_path(join_path(path, "personas"), i)]
        for p in [check.obj(raw, pp)]
    )
    level_ids = [lv.id for lv in levels]
    lens_ids = {lens.id for lens in lenses}
    domains, capabilities = _domains(check, doc, path, level_ids, lens_ids)
    _check_prerequisites(check, capabilities, path)
    _check_requires(check, capabilities, level_ids, path)
    _check_predecessors(check, doc, path, capabilities)
    renames = _initiative_renames(check, doc, path, capabilities)
    if check.problems:
        raise ModelError(check.problems)
    return CapabilityModel(
        id=model_id,
        name=name,
        description=description,
        attribution=attribution,
        levels=tuple(levels),
        lenses=tuple(lenses),
        personas=personas,
        domains=tuple(domains),
        capabilities=capabilities,
        document=doc,
        bands_note=str(doc.get("level_bands_note", "")),
        initiative_renames=renames,
        revision=check.optional_integer(doc, "revision", path, 1, 1_000_000) or 1,
    )


def _attribution(check: Checker, doc: dict[str, Any], path: str) -> Attribution:
    here = join_path(path, "attribution")
    raw = check.obj(doc.get("attribution"), here)
    fields = ("source", "source_url", "author", "author_url", "licence", "licence_url")
    values = {f: check.text(raw, f, here, required=False, max_len=500) for f in fields}
    return Attribution(text=check.text(raw, "text", here, empty_ok=False, max_len=MODEL_TEXT_MAX), **values)


def _levels(check: Checker, doc: dict[str, Any], path: str) -> list[Level]:
    levels: list[Level] = []
    base = join_path(path, "levels")
    raw_levels = check.seq(doc, "levels", path)
    if len(raw_levels) < 2:
        check.add(base, "needs at least two levels")
    seen: set[str] = set()
    for i, raw in enumerate(raw_levels):
        here = join_path(base, i)
        item = check.obj(raw, here)
        level_id = check.text(item, "id", here, empty_ok=False, max_len=50)
        if level_id in seen:
            check.add(join_path(here, "id"), f"duplicate level id {level_id!r}")
        seen.add(level_id)
        min_score = check.number(item, "min_score", here, 0, 100)
        if i == 0 and min_score != 0:
            check.add(join_path(here, "min_score"), "the lowest level must start at 0")
        if levels and min_score <= levels[-1].min_score:
            check.add(join_path(here, "min_score"), "bands must increase from one level to the next")
        name = check.text(item, "name", here, empty_ok=False, max_len=100)
        desc = check.text(item, "description", here, required=False, max_len=MODEL_TEXT_MAX)
        levels.append(Level(level_id, name, min_score, desc))
    return levels


def _lenses(check: Checker, doc: dict[str, Any], path: str) -> list[Lens]:
    lenses: list[Lens] = []
    base = join_path(path, "lenses")
    raw_lenses = check.seq(doc, "lenses", path)
    if not raw_lenses:
        check.add(base, "needs at least one lens")
    seen: set[str] = set()
    for i, raw in enumerate(raw_lenses):
        here = join_path(base, i)
        item = check.obj(raw, here)
        lens_id = check.text(item, "id", here, empty_ok=False, max_len=50)
        if lens_id in seen:
            check.add(join_path(here, "id"), f"duplicate lens id {lens_id!r}")
        seen.add(lens_id)
        anchors_raw = check.seq(item, "anchors", here)
        if len(anchors_raw) != LENS_SCORES:
            check.add(
                join_path(here, "anchors"),
                f"needs exactly {LENS_SCORES} anchors (scores 0-4), found {len(anchors_raw)}",
            )
        anchors = tuple(
            check.text_value(a, join_path(join_path(here, "anchors"), j), empty_ok=False, max_len=MODEL_TEXT_MAX)
            for j, a in enumerate(anchors_raw)
        )
        lenses.append(
            Lens(
                lens_id,
                check.text(item, "name", here, empty_ok=False, max_len=100),
                check.text(item, "question", here, empty_ok=False, max_len=MODEL_TEXT_MAX),
                anchors,
            )
        )
    return lenses


def _domains(
    check: Checker, doc: dict[str, Any], path: str, level_ids: list[str], lens_ids: set[str]
) -> tuple[list[Domain], dict[str, Capability]]:
    domains: list[Domain] = []
    capabilities: dict[str, Capability] = {}
    keys: set[str] = set()
    base = join_path(path, "domains")
    raw_domains = check.seq(doc, "domains", path)
    if not raw_domains:
        check.add(base, "needs at least one domain")
    seen: set[str] = set()
    for i, raw in enumerate(raw_domains):
        here = join_path(base, i)
        item = check.obj(raw, here)
        domain_id = check.text(item, "id", here, empty_ok=False, max_len=100)
        if domain_id in seen:
            check.add(join_path(here, "id"), f"duplicate domain id {domain_id!r}")
        seen.add(domain_id)
        cap_ids: list[str] = []
        for j, raw_cap in enumerate(check.seq(item, "capabilities", here)):
            cap_path = join_path(join_path(here, "capabilities"), j)
            cap = _capability(check, check.obj(raw_cap, cap_path), cap_path, domain_id, level_ids, lens_ids, keys)
            if cap.id in capabilities:
                check.add(join_path(cap_path, "id"), f"duplicate capability id {cap.id!r}")
                continue
            capabilities[cap.id] = cap
            cap_ids.append(cap.id)
        domains.append(
            Domain(
                domain_id,
                check.text(item, "name", here, empty_ok=False, max_len=200),
                check.text(item, "summary", here, required=False, max_len=MODEL_TEXT_MAX),
                tuple(cap_ids),
            )
        )
    return domains, capabilities


def _capability(
    check: Checker,
    item: dict[str, Any],
    here: str,
    domain_id: str,
    level_ids: list[str],
    lens_ids: set[str],
    keys: set[str],
) -> Capability:
    cap_id = check.text(item, "id", here, empty_ok=False, max_len=100)
    prereqs = tuple(
        check.text_value(p, join_path(join_path(here, "prerequisites"), k), empty_ok=False)
        for k, p in enumerate(check.seq(item, "prerequisites", here, required=False))
    )
    levels_here = join_path(here, "levels")
    raw_levels = check.obj(item.get("levels", {}), levels_here)
    level_desc: dict[str, str] = {}
    for level_id, text in raw_levels.items():
        if level_id not in level_ids:
            check.add(join_path(levels_here, level_id), f"unknown level {level_id!r}")
            continue
        level_desc[level_id] = check.text_value(text, join_path(levels_here, level_id), max_len=MODEL_TEXT_MAX)
    kpis: list[Kpi] = []
    for k, raw in enumerate(check.seq(item, "kpis", here, required=False)):
        kp = join_path(join_path(here, "kpis"), k)
        kpi = check.obj(raw, kp)
        kpis.append(
            Kpi(check.text(kpi, "name", kp, empty_ok=False), check.text(kpi, "measure", kp, max_len=MODEL_TEXT_MAX))
        )
    questions = tuple(
        check.text_value(q, join_path(join_path(here, "questions"), k), empty_ok=False, max_len=MODEL_TEXT_MAX)
        for k, q in enumerate(check.seq(item, "questions", here, required=False))
    )
    initiatives = [
        _template(check, check.obj(raw, ip), ip, cap_id, level_ids, lens_ids, keys)
        for k, raw in enumerate(check.seq(item, "initiatives", here, required=False))
        for ip in [join_path(join_path(here, "initiatives"), k)]
    ]
    return Capability(
        id=cap_id,
        name=check.text(item, "name", here, empty_ok=False, max_len=200),
        domain=domain_id,
        summary=check.text(item, "summary", here, empty_ok=False, max_len=MODEL_TEXT_MAX),
        prerequisites=prereqs,
        level_descriptions=level_desc,
        kpis=tuple(kpis),
        questions=questions,
        initiatives=tuple(initiatives),
    )


def _template(
    check: Checker,
    item: dict[str, Any],
    here: str,
    cap_id: str,
    level_ids: list[str],
    lens_ids: set[str],
    keys: set[str],
) -> InitiativeTemplate:
    key = check.text(item, "key", here, empty_ok=False, max_len=200)
    if key in keys:
        check.add(join_path(here, "key"), f"duplicate initiative key {key!r}")
    keys.add(key)
    level = check.text(item, "level", here, empty_ok=False)
    if level and level not in level_ids[1:]:
        check.add(
            join_path(here, "level"),
            f"unknown level {level!r} (an initiative reaches one of {', '.join(level_ids[1:])})",
        )
    effort = check.text(item, "effort", here, empty_ok=False)
    if effort and effort not in EFFORTS:
        check.add(join_path(here, "effort"), f"must be one of {', '.join(EFFORTS)}, not {effort!r}")
    lenses = tuple(
        check.text_value(v, join_path(join_path(here, "lenses"), k), empty_ok=False)
        for k, v in enumerate(check.seq(item, "lenses", here, required=False))
    )
    for k, lens in enumerate(lenses):
        if lens and lens not in lens_ids:
            check.add(join_path(join_path(here, "lenses"), k), f"unknown lens {lens!r}")
    return InitiativeTemplate(
        key=key,
        capability=cap_id,
        level=level,
        title=check.text(item, "title", here, empty_ok=False, max_len=300),
        description=check.text(item, "description", here, max_len=MODEL_TEXT_MAX),
        owner=check.text(item, "owner", here, empty_ok=False, max_len=200),
        effort=effort,
        duration_months=check.integer(item, "duration_months", here, 1, 60, default=1),
        lenses=lenses,
        tier=check.choice(item, "tier", here, TIERS, default="core") or "core",
        requires=tuple(
            check.text_value(v, join_path(join_path(here, "requires"), k), empty_ok=False, max_len=200)
            for k, v in enumerate(check.seq(item, "requires", here, required=False))
        ),
        value=check.optional_integer(item, "value", here, *VALUE_RANGE) or 2,
        sizes=tuple(
            check.choice_value(v, join_path(join_path(here, "sizes"), k), ORG_SIZES)
            for k, v in enumerate(check.seq(item, "sizes", here, required=False))
        ),
    )


def _check_prerequisites(check: Checker, capabilities: dict[str, Capability], path: str) -> None:
    graph: dict[str, tuple[str, ...]] = {}
    for cap in capabilities.values():
        valid = []
        for prereq in cap.prerequisites:
            if prereq == cap.id:
                check.add(join_path(path, f"capability {cap.id}"), "lists itself as a prerequisite")
            elif prereq not in capabilities:
                check.add(join_path(path, f"capability {cap.id}"), f"unknown prerequisite {prereq!r}")
            else:
                valid.append(prereq)
        graph[cap.id] = tuple(valid)
    cycle = find_cycle(graph)
    if cycle:
        check.add(join_path(path, "domains"), "prerequisites form a cycle: " + " -> ".join(cycle))


def _check_requires(check: Checker, capabilities: dict[str, Capability], level_ids: list[str], path: str) -> None:
    """Check every ``requires``: a known key, not the item itself, never a later level, no cycle.

    An item may need an item of its own level or a lower one (of its own capability or another);
    needing a higher level would make the plan climb before it stands.
    """
    rank = {level_id: i for i, level_id in enumerate(level_ids)}
    templates = {tpl.key: tpl for cap in capabilities.values() for tpl in cap.initiatives}
    graph: dict[str, tuple[str, ...]] = {}
    for tpl in templates.values():
        here = join_path(path, f"initiative {tpl.key}")
        valid: list[str] = []
        for key in tpl.requires:
            needed = templates.get(key)
            if key == tpl.key:
                check.add(here, "requires itself")
            elif needed is None:
                check.add(here, f"requires unknown initiative {key!r}")
            elif rank.get(needed.level, 0) > rank.get(tpl.level, 0):
                check.add(here, f"requires {key!r}, which is of a later level ({needed.level} after {tpl.level})")
            else:
                valid.append(key)
        graph[tpl.key] = tuple(valid)
    cycle = find_cycle(graph)
    if cycle:
        check.add(join_path(path, "domains"), "initiatives require each other in a loop: " + " -> ".join(cycle))


def _initiative_renames(
    check: Checker, doc: dict[str, Any], path: str, capabilities: dict[str, Capability]
) -> dict[str, str | None]:
    """Read ``initiative_renames``: old library keys and the key each became (null: retired).

    The old keys are those of earlier revisions of the model or of a predecessor model.
    """
    if "initiative_renames" not in doc:
        return {}
    here = join_path(path, "initiative_renames")
    current = {tpl.key for cap in capabilities.values() for tpl in cap.initiatives}
    result: dict[str, str | None] = {}
    for old, new in check.obj(doc["initiative_renames"], here).items():
        where = join_path(here, old)
        if old in current:
            check.add(where, "is a key of this model; only keys that no longer exist can be renamed")
        elif new is None:
            result[old] = None
        elif not isinstance(new, str) or new not in current:
            check.add(where, f"renames to unknown initiative {new!r}")
        else:
            result[old] = new
    return result


def _check_predecessors(check: Checker, doc: dict[str, Any], path: str, capabilities: dict[str, Capability]) -> None:
    """Check the optional map from older models (see :mod:`planner.model.convert`).

    Per older model id: ``renamed`` (old id -> id here), ``merged`` (old id -> the capability here
    that took it in), ``removed`` (old ids with no successor) and ``widened`` (id here -> why its
    scope grew, so findings carried over are re-scored). An old id is renamed, merged or removed,
    never two of these.
    """
    if "predecessors" not in doc:
        return
    here = join_path(path, "predecessors")
    for model_id, raw in check.obj(doc["predecessors"], here).items():
        entry_path = join_path(here, model_id)
        entry = check.obj(raw, entry_path)
        seen: set[str] = set()
        for kind, verb in (("renamed", "renames"), ("merged", "merges")):
            kind_path = join_path(entry_path, kind)
            for old, new in check.obj(entry.get(kind, {}), kind_path).items():
                if old in seen:
                    check.add(join_path(kind_path, old), "is already renamed or merged")
                seen.add(old)
                if new not in capabilities:
                    check.add(join_path(kind_path, old), f"{verb} to unknown capability {new!r}")
        for i, old in enumerate(check.seq(entry, "removed", entry_path, required=False)):
            at = join_path(join_path(entry_path, "removed"), i)
            if check.text_value(old, at, empty_ok=False) in seen:
                check.add(at, f"{old!r} is renamed or merged, not removed")
        widened_path = join_path(entry_path, "widened")
        for cap_id, reason in check.obj(entry.get("widened", {}), widened_path).items():
            if cap_id not in capabilities:
                check.add(join_path(widened_path, cap_id), f"unknown capability {cap_id!r}")
            check.text_value(reason, join_path(widened_path, cap_id), empty_ok=False, max_len=MODEL_TEXT_MAX)
