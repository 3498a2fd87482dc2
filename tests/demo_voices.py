"""Give the bundled demo engagement its participants and their votes (``python -m tests.demo_voices``).

Four client people scored every capability before the workshop: the FinOps lead close to the
agreed consensus, Finance lower where numbers are concerned, Engineering higher on automation and
lower on process, the CFO's office generous on knowledge and adoption; a few lenses show real
disagreement (the workshop's agenda). Votes never change a score, so the roadmap stays current.
Running it again gives the same file.
"""

from __future__ import annotations

from planner.model.project import Participant, Project
from planner.resources import resource_path
from planner.storage.projectfile import load_project, save_project

DEMO = "demo/demo.roadmap"

PEOPLE = (
    Participant("priya-raman", "Priya Raman", "FinOps Practitioner", "Cloud Centre of Excellence"),
    Participant("tom-becker", "Tom Becker", "Finance", "Group FP&A"),
    Participant("lena-okafor", "Lena Okafor", "Engineering", "Platform Engineering"),
    Participant("marc-dubois", "Marc Dubois", "Leadership", "Office of the CFO"),
)
#: Each person's lean per lens, added to the consensus.
LEAN = {
    "priya-raman": {},
    "tom-becker": {"metrics": -1, "automation": -1},
    "lena-okafor": {"automation": 1, "process": -1},
    "marc-dubois": {"knowledge": 1, "adoption": 1},
}
#: Lenses where the room is split, whatever the consensus (capability, lens) -> votes in PEOPLE order.
SPLITS = {
    ("allocation", "process"): (2, 1, 3, 4),
    ("forecasting", "metrics"): (1, 0, 3, 2),
    ("anomaly-management", "automation"): (1, 1, 4, 2),
    ("budgeting", "adoption"): (2, 1, 2, 4),
    ("rate-optimization", "knowledge"): (3, 1, 2, 3),
}


def add_voices(project: Project) -> Project:
    """Set the demo's participants and their votes (replacing any there were)."""
    project.engagement.participants = [Participant(p.id, p.name, p.role, p.team) for p in PEOPLE]
    lenses = project.model.lens_ids
    for n, cap in enumerate(project.model.iter_capabilities()):
        record = project.assessment.capabilities.get(cap.id)
        if record is None or not record.applicable:
            continue
        record.votes = {}
        for i, person in enumerate(PEOPLE):
            mine: dict[str, int | None] = {}
            for lens in lenses:
                consensus = record.lenses.get(lens)
                if (cap.id, lens) in SPLITS:
                    mine[lens] = SPLITS[(cap.id, lens)][i]
                elif consensus is not None and not (i == 3 and (n + lenses.index(lens)) % 7 == 0):
                    mine[lens] = max(0, min(4, consensus + LEAN[person.id].get(lens, 0)))
            record.votes[person.id] = mine
    return project


def main() -> None:
    """Rewrite the bundled demo with its participants and votes."""
    path = resource_path(DEMO)
    save_project(add_voices(load_project(path)), path, keep_backup=False)


if __name__ == "__main__":
    main()
