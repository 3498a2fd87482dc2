"""The hidden, tamper-evident identity a questionnaire carries so that its answers map back.

A questionnaire names the project, the model (id and revision), the participant (empty for a
blank one) and the exact layout of its answer rows. That identity is written as canonical JSON in
a very hidden sheet together with a checksum: HMAC-SHA256 of the JSON keyed on the project's key.
Nothing here is secret and nothing needs the network; the checksum only proves that the identity
and the row layout were not edited (by hand or by a tool) since the planner wrote them.

Format version 2 of the project file has no project id, so the project's key is derived from what
identifies an assessment round: the model id, the client's name and the assessment date
(decision). Renaming the client or re-dating the assessment after sending questionnaires makes
their answers "from another project"; the refusal then names the client and date the
questionnaire was made for, so the consultant sees why. A re-assessment (a new date) therefore
never takes answers meant for the previous round.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any

from planner.model.project import Project

__all__ = ["IDENTITY_KIND", "IDENTITY_VERSION", "Identity", "checksum", "project_key"]

IDENTITY_KIND = "finops-roadmap-planner questionnaire"
IDENTITY_VERSION = 1


def project_key(project: Project) -> str:
    """Return the key that identifies the project's current assessment round (see the module doc)."""
    basis = json.dumps([project.model.id, project.engagement.client, project.engagement.assessment_date])
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Identity:
    """What a questionnaire was made for, and where each answer row is.

    ``rows`` maps each row of the answer sheet that holds a lens to ``"capability/lens"``.
    """

    project: str
    client: str
    assessment_date: str
    model_id: str
    model_revision: int
    participant: str
    rows: tuple[tuple[int, str], ...]

    def to_json(self) -> str:
        """The canonical JSON the checksum covers (sorted keys, no spaces)."""
        doc: dict[str, Any] = {
            "kind": IDENTITY_KIND,
            "version": IDENTITY_VERSION,
            "project": self.project,
            "client": self.client,
            "assessment_date": self.assessment_date,
            "model": self.model_id,
            "model_revision": self.model_revision,
            "participant": self.participant,
            "rows": [list(row) for row in self.rows],
        }
        return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=True)

    @classmethod
    def from_json(cls, text: str) -> Identity:
        """Parse the identity (raises ``ValueError`` for anything but the shape :meth:`to_json` writes)."""
        doc = json.loads(text)
        if not isinstance(doc, dict) or doc.get("kind") != IDENTITY_KIND or doc.get("version") != IDENTITY_VERSION:
            raise ValueError("not a planner questionnaire identity")
        strings = ("project", "client", "assessment_date", "model", "participant")
        if not all(isinstance(doc.get(k), str) for k in strings) or type(doc.get("model_revision")) is not int:
            raise ValueError("identity fields of the wrong kind")
        rows = doc.get("rows")
        if not isinstance(rows, list) or not all(
            isinstance(r, list) and len(r) == 2 and type(r[0]) is int and isinstance(r[1], str) for r in rows
        ):
            raise ValueError("identity rows of the wrong kind")
        return cls(
            doc["project"], doc["client"], doc["assessment_date"], doc["model"], doc["model_revision"],
            doc["participant"], tuple((r[0], r[1]) for r in rows),
        )  # fmt: skip


def checksum(identity_json: str, key: str) -> str:
    """Return the HMAC-SHA256 of the identity JSON keyed on the project key, as hex."""
    return hmac.new(key.encode("utf-8"), identity_json.encode("utf-8"), hashlib.sha256).hexdigest()
