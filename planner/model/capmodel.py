"""The capability model: domains, capabilities, levels, lenses and the initiative library.

A model is data (a JSON document under ``resources/models/``); these frozen dataclasses are its
validated, read-only form. :mod:`planner.model.modelload` builds them from a document.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "EFFORTS",
    "LEVEL_PHASES",
    "ORG_SIZES",
    "TIERS",
    "VALUE_RANGE",
    "Attribution",
    "Capability",
    "CapabilityModel",
    "Domain",
    "InitiativeTemplate",
    "Kpi",
    "Lens",
    "Level",
    "Persona",
]

#: Effort sizes of an initiative, smallest first.
EFFORTS: tuple[str, ...] = ("S", "M", "L")

#: The levels a roadmap phase can bring a capability to (every level above the lowest).
LEVEL_PHASES: tuple[str, ...] = ("crawl", "walk", "run")

#: How much of a level an initiative is: ``core`` defines reaching it, ``extra`` adds depth.
TIERS: tuple[str, ...] = ("core", "extra")

#: The sizes of client organisation a library initiative can be limited to.
ORG_SIZES: tuple[str, ...] = ("startup", "midsize", "enterprise")

#: How much an initiative moves spend, visibility or accountability: 1 (some) to 3 (most).
VALUE_RANGE: tuple[int, int] = (1, 3)


@dataclass(frozen=True, slots=True)
class Level:
    """A maturity level; a score reaches it at ``min_score`` percent."""

    id: str
    name: str
    min_score: float
    description: str = ""


@dataclass(frozen=True, slots=True)
class Lens:
    """One of the assessment lenses, scored 0..4; ``anchors[s]`` says what score ``s`` means."""

    id: str
    name: str
    question: str
    anchors: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Persona:
    """A FinOps persona an initiative can be owned by (``kind`` is ``core`` or ``allied``)."""

    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class Kpi:
    """An example KPI of a capability and how it is measured."""

    name: str
    measure: str


@dataclass(frozen=True, slots=True)
class InitiativeTemplate:
    """An initiative of the library: what the roadmap proposes to reach ``level`` in a capability.

    ``tier`` says whether the item defines reaching the level (``core``) or adds depth (``extra``);
    ``requires`` holds the library keys it needs first (producers before consumers); ``value``
    (1-3) is how much it moves spend, visibility or accountability; ``sizes`` the organisation
    sizes it suits (empty: every size). A model that predates these fields loads with every
    item core, requiring nothing, of value 2 and for every size.
    """

    key: str
    capability: str
    level: str
    title: str
    description: str
    owner: str
    effort: str
    duration_months: int
    lenses: tuple[str, ...]
    tier: str = "core"
    requires: tuple[str, ...] = ()
    value: int = 2
    sizes: tuple[str, ...] = ()

    def suits(self, org_size: str | None) -> bool:
        """Whether the item applies to an organisation of that size (``None``: size not said)."""
        return not self.sizes or org_size is None or org_size in self.sizes


@dataclass(frozen=True, slots=True)
class Capability:
    """A capability with its prerequisites, level descriptions, KPIs, questions and library."""

    id: str
    name: str
    domain: str
    summary: str
    prerequisites: tuple[str, ...] = ()
    level_descriptions: Mapping[str, str] = field(default_factory=dict)
    kpis: tuple[Kpi, ...] = ()
    questions: tuple[str, ...] = ()
    initiatives: tuple[InitiativeTemplate, ...] = ()

    def initiatives_for(self, level: str) -> tuple[InitiativeTemplate, ...]:
        """Return the library's initiatives that bring this capability to ``level``."""
        return tuple(t for t in self.initiatives if t.level == level)


@dataclass(frozen=True, slots=True)
class Domain:
    """A domain and the ids of its capabilities, in model order."""

    id: str
    name: str
    summary: str
    capability_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Attribution:
    """Credit for the framework a model adapts (shown in About and in every export)."""

    text: str
    source: str = ""
    source_url: str = ""
    author: str = ""
    author_url: str = ""
    licence: str = ""
    licence_url: str = ""

    def one_line(self) -> str:
        """Return a compact credit line with the links, for footers and the About box."""
        parts = [self.text]
        if self.source_url:
            parts.append(f"Framework: {self.source_url}")
        if self.licence_url:
            parts.append(f"Licence ({self.licence}): {self.licence_url}")
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class CapabilityModel:
    """A validated capability model; ``document`` is the JSON it came from, kept verbatim."""

    id: str
    name: str
    description: str
    attribution: Attribution
    levels: tuple[Level, ...]
    lenses: tuple[Lens, ...]
    personas: tuple[Persona, ...]
    domains: tuple[Domain, ...]
    capabilities: Mapping[str, Capability]
    document: Mapping[str, Any] = field(repr=False, compare=False, default_factory=dict)
    bands_note: str = ""
    revision: int = 1
    #: Library keys of earlier revisions or predecessor models -> the key now (None: retired).
    initiative_renames: Mapping[str, str | None] = field(default_factory=dict)

    # -- levels ------------------------------------------------------------------------------
    @property
    def level_ids(self) -> tuple[str, ...]:
        """Level ids, lowest first."""
        return tuple(level.id for level in self.levels)

    def level(self, level_id: str) -> Level:
        """Return the level with that id (KeyError if unknown)."""
        for level in self.levels:
            if level.id == level_id:
                return level
        raise KeyError(level_id)

    def level_index(self, level_id: str) -> int:
        """Return the position of a level, 0 for the lowest (ValueError if unknown)."""
        return self.level_ids.index(level_id)

    def level_name(self, level_id: str | None) -> str:
        """Return a level's display name, or an empty string for ``None``."""
        return "" if level_id is None else self.level(level_id).name

    # -- lenses, domains, capabilities -------------------------------------------------------
    @property
    def lens_ids(self) -> tuple[str, ...]:
        """Lens ids in model order."""
        return tuple(lens.id for lens in self.lenses)

    def lens(self, lens_id: str) -> Lens:
        """Return the lens with that id (KeyError if unknown)."""
        for lens in self.lenses:
            if lens.id == lens_id:
                return lens
        raise KeyError(lens_id)

    def domain(self, domain_id: str) -> Domain:
        """Return the domain with that id (KeyError if unknown)."""
        for domain in self.domains:
            if domain.id == domain_id:
                return domain
        raise KeyError(domain_id)

    def capability(self, capability_id: str) -> Capability:
        """Return the capability with that id (KeyError if unknown)."""
        return self.capabilities[capability_id]

    def iter_capabilities(self) -> Iterator[Capability]:
        """Yield every capability in model order (domain by domain)."""
        for domain in self.domains:
            for cap_id in domain.capability_ids:
                yield self.capabilities[cap_id]

    def dependents(self, capability_id: str) -> tuple[str, ...]:
        """Return the ids of capabilities that list ``capability_id`` as a prerequisite."""
        return tuple(c.id for c in self.iter_capabilities() if capability_id in c.prerequisites)

    def template(self, key: str) -> InitiativeTemplate | None:
        """Return the library initiative with that key, or ``None``."""
        for cap in self.capabilities.values():
            for tpl in cap.initiatives:
                if tpl.key == key:
                    return tpl
        return None
