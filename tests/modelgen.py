"""Generate valid capability models of any size and shape, for generality tests and benchmarks.

The content is plain but valid: every capability has level descriptions, a KPI, a question and,
except every seventh one, core initiatives for each level above the lowest (so a plan meets
capabilities the library has nothing for). Names can be made long to stress layouts.
"""

from __future__ import annotations

from typing import Any

LEVEL_NAMES = ("Initial", "Emerging", "Defined", "Managed", "Optimised", "Leading")


def model_document(
    capabilities: int = 500,
    *,
    levels: int = 5,
    lenses: int = 6,
    domains: int = 8,
    long_names: bool = False,
    model_id: str = "generated",
) -> dict[str, Any]:
    """Return a model document with that many capabilities spread over the domains."""
    step = 100 / levels
    level_list = [
        {"id": f"l{i}", "name": LEVEL_NAMES[i], "min_score": round(i * step, 2), "description": f"Level {i}."}
        for i in range(levels)
    ]
    suffix = " with a deliberately long name that wraps over several lines of every table" if long_names else ""
    lens_list = [
        {
            "id": f"lens{j}",
            "name": f"Lens {j + 1}{' of the practice' if long_names else ''}",
            "question": f"How far along is aspect {j + 1}?",
            "anchors": [f"Aspect {j + 1} at score {s}." for s in range(5)],
        }
        for j in range(lenses)
    ]
    doms: list[dict[str, Any]] = [
        {"id": f"d{d}", "name": f"Domain {d + 1}{suffix}", "summary": f"Domain {d + 1}.", "capabilities": []}
        for d in range(domains)
    ]
    for c in range(capabilities):
        cap_id = f"cap-{c:03d}"
        prereqs = [f"cap-{c - 1:03d}"] if c % 5 and c > 0 else []
        inits = []
        if c % 7 != 3:
            for i in range(1, levels):
                key = f"{cap_id}.l{i}.core"
                requires = [f"{cap_id}.l{i - 1}.core"] if i > 1 else []
                inits.append(
                    {
                        "key": key,
                        "level": f"l{i}",
                        "title": f"Reach {LEVEL_NAMES[i]} in capability {c + 1}{suffix}",
                        "description": "Do the work. Done when the owner signs it off.",
                        "owner": ("Lead", "Engineering", "Finance")[(c + i) % 3],
                        "effort": "SML"[(c + i) % 3],
                        "duration_months": 1 + (c + i) % 4,
                        "lenses": [f"lens{(c + i) % lenses}"],
                        "tier": "core",
                        "value": 1 + (c + i) % 3,
                        "sizes": [],
                        "requires": requires,
                    }
                )
        doms[c % domains]["capabilities"].append(
            {
                "id": cap_id,
                "name": f"Capability {c + 1}{suffix}",
                "summary": f"What capability {c + 1} covers.",
                "prerequisites": prereqs,
                "levels": {lv["id"]: f"Capability {c + 1} at {lv['name']}." for lv in level_list[1:]},
                "kpis": [{"name": f"KPI {c + 1}", "measure": "Measured monthly."}],
                "questions": [f"Who owns capability {c + 1}?"],
                "initiatives": inits,
            }
        )
    return {
        "format": "finops-capability-model",
        "format_version": 1,
        "id": model_id,
        "name": f"Generated model, {capabilities} capabilities",
        "revision": 1,
        "description": "Generated for tests.",
        "attribution": {"text": "Generated for the planner's tests."},
        "levels": level_list,
        "level_bands_note": "Even bands.",
        "lenses": lens_list,
        "personas": [{"name": n, "kind": "core"} for n in ("Lead", "Engineering", "Finance")],
        "domains": [d for d in doms if d["capabilities"]],
    }
