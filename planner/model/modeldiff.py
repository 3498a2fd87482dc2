"""What changed between two versions of a capability model, in a few lines a consultant reads.

Shown when a model workbook or file is imported, against the model it came from (same id and
version in the library) so the consultant sees what the import will add before relying on it.
"""

from __future__ import annotations

from planner.model.capmodel import Capability, CapabilityModel

__all__ = ["model_changes"]

_SHOWN = 8


def _names(items: list[str]) -> str:
    shown = ", ".join(items[:_SHOWN])
    return shown + (f" and {len(items) - _SHOWN} more" if len(items) > _SHOWN else "")


def _capability_changes(old: Capability, new: Capability) -> list[str]:
    what = []
    for label, field in (
        ("name", "name"),
        ("domain", "domain"),
        ("summary", "summary"),
        ("prerequisites", "prerequisites"),
        ("level descriptions", "level_descriptions"),
        ("KPIs", "kpis"),
        ("questions", "questions"),
    ):
        if getattr(old, field) != getattr(new, field):
            what.append(label)
    old_items = {t.key: t for t in old.initiatives}
    new_items = {t.key: t for t in new.initiatives}
    added = len(new_items.keys() - old_items.keys())
    removed = len(old_items.keys() - new_items.keys())
    changed = sum(1 for k in new_items.keys() & old_items.keys() if new_items[k] != old_items[k])
    for count, verb in ((added, "added"), (removed, "removed"), (changed, "changed")):
        if count:
            what.append(f"{count} initiative{'s' if count != 1 else ''} {verb}")
    return what


def model_changes(old: CapabilityModel, new: CapabilityModel) -> list[str]:
    """Return one line per kind of change from ``old`` to ``new`` (empty: the same model)."""
    lines: list[str] = []
    for label, field in (("id", "id"), ("name", "name"), ("description", "description")):
        if getattr(old, field) != getattr(new, field):
            lines.append(f"{label}: {getattr(old, field)!r} -> {getattr(new, field)!r}")
    if old.levels != new.levels:
        bands = ", ".join(f"{lv.name} {lv.min_score:g}%" for lv in new.levels)
        lines.append(f"levels changed: now {bands}")
    if old.lenses != new.lenses:
        lines.append(f"lenses changed: now {', '.join(lens.name for lens in new.lenses)}")
    if old.personas != new.personas:
        lines.append(f"personas changed: now {len(new.personas)}")
    if [(d.id, d.name, d.summary) for d in old.domains] != [(d.id, d.name, d.summary) for d in new.domains]:
        lines.append(f"domains changed: now {', '.join(d.name for d in new.domains)}")
    added = [c.name for c in new.iter_capabilities() if c.id not in old.capabilities]
    removed = [c.name for c in old.iter_capabilities() if c.id not in new.capabilities]
    if added:
        lines.append(f"{len(added)} capabilit{'ies' if len(added) != 1 else 'y'} added: {_names(added)}")
    if removed:
        lines.append(f"{len(removed)} capabilit{'ies' if len(removed) != 1 else 'y'} removed: {_names(removed)}")
    for cap in new.iter_capabilities():
        if cap.id in old.capabilities:
            what = _capability_changes(old.capability(cap.id), cap)
            if what:
                lines.append(f"{cap.name}: {', '.join(what)}")
    if old.attribution != new.attribution or old.bands_note != new.bands_note:
        lines.append("attribution or the note on the bands changed")
    return lines
