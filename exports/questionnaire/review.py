"""The review of an import: per participant and capability, what the answers would change.

Every workbook is checked against the project before anything changes: the model (id and
revision) and the project key must match, the participant must still be in the project (a blank
questionnaire names its person, who becomes a new participant unless a participant of that name
exists), and no participant may answer twice in one import. Per capability the answers are then
``new`` (the participant had no vote there), ``changed``, ``unchanged`` or ``refused`` (a cell's
problem, named; nothing of that capability is taken). "Don't know" and empty rows record nothing.
Comments become attributed lines of the capability's internal notes (internal by default, since
they carry a name). :meth:`ImportReview.edit` is the one undoable edit of everything accepted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from exports.questionnaire.identity import project_key
from exports.questionnaire.read import DONT_KNOW_ANSWER, AnswerCell, AnswersRefused, FilledQuestionnaire
from exports.text import one_line
from planner.model.project import Participant, Project
from planner.model.voices import SetVoices, VoteChange, new_participant_id, record_votes

__all__ = ["CapabilityReview", "ImportReview", "WorkbookReview", "review_answers"]


@dataclass(frozen=True, slots=True)
class CapabilityReview:
    """One participant's answers on one capability and what they would do."""

    capability_id: str
    status: str  # new | changed | unchanged | refused
    votes: dict[str, int | None]
    reason: str = ""
    comments: tuple[str, ...] = ()


@dataclass(slots=True)
class WorkbookReview:
    """One workbook: whose answers, refused as a whole (``refused``) or per capability."""

    path: Path
    participant_id: str = ""
    name: str = ""
    new_person: Participant | None = None
    refused: str = ""
    capabilities: list[CapabilityReview] = field(default_factory=list)


@dataclass(slots=True)
class ImportReview:
    """Every workbook of one import, in the order given."""

    workbooks: list[WorkbookReview]

    def accepted(self) -> list[VoteChange]:
        """Every vote that would be recorded (new and changed capabilities)."""
        return [
            VoteChange(book.participant_id, cap.capability_id, lens, value)
            for book in self.workbooks
            if not book.refused
            for cap in book.capabilities
            if cap.status in ("new", "changed")
            for lens, value in cap.votes.items()
        ]

    def edit(self, project: Project) -> SetVoices | None:
        """The one edit recording every accepted answer and comment (``None``: nothing to record)."""
        comments = [
            (cap.capability_id, line)
            for book in self.workbooks
            if not book.refused
            for cap in book.capabilities
            if cap.status != "refused"
            for line in cap.comments
        ]
        changes = self.accepted()
        people = [b.new_person for b in self.workbooks if b.new_person is not None and not b.refused]
        if not changes and not people and not any(line not in _notes(project, cap) for cap, line in comments):
            return None
        n = len([b for b in self.workbooks if not b.refused])
        return record_votes(project, people, changes, f"Import answers ({n} questionnaire{'s' * (n != 1)})", comments)

    def lines(self, project: Project) -> list[str]:
        """The review as text, one line per workbook and per capability."""
        out: list[str] = []
        model = project.model
        for book in self.workbooks:
            if book.refused:
                out.append(f"{book.path.name}: refused: {book.refused}")
                continue
            who = book.name + (" (new participant)" if book.new_person else "")
            out.append(f"{book.path.name}: answers of {who}")
            for cap in book.capabilities:
                name = model.capability(cap.capability_id).name
                votes = ", ".join(f"{model.lens(k).name} {'N/A' if v is None else v}" for k, v in cap.votes.items())
                if cap.status == "refused":
                    out.append(f"  {name}: refused: {cap.reason}")
                else:
                    out.append(f"  {name}: {cap.status} ({votes or 'comments only'})")
        return out


def _notes(project: Project, cap_id: str) -> str:
    record = project.assessment.capabilities.get(cap_id)
    return record.internal_notes if record is not None else ""


def review_answers(project: Project, filled: Iterable[FilledQuestionnaire | AnswersRefused]) -> ImportReview:
    """Review workbooks (already read, or refused while reading) against the project."""
    books: list[WorkbookReview] = []
    seen: dict[str, Path] = {}
    new_people: list[Participant] = []
    for item in filled:
        if isinstance(item, AnswersRefused):
            books.append(WorkbookReview(item.path, refused=item.reason))
            continue
        book = _workbook(project, item, new_people)
        if not book.refused:
            earlier = seen.get(book.participant_id)
            if earlier is not None:
                book.refused = f"{book.name}'s answers already come from {earlier.name} in this import"
            else:
                seen[book.participant_id] = item.path
                if book.new_person is not None:
                    new_people.append(book.new_person)
        books.append(book)
    return ImportReview(books)


def _workbook(project: Project, filled: FilledQuestionnaire, new_people: list[Participant]) -> WorkbookReview:
    ident, model, eng = filled.identity, project.model, project.engagement
    book = WorkbookReview(filled.path)
    if ident.model_id != model.id or ident.model_revision != model.revision:
        book.refused = (
            f"it was made for the model {ident.model_id} (revision {ident.model_revision}); "
            f"this project uses {model.id} (revision {model.revision})"
        )
        return book
    if ident.project != project_key(project):
        book.refused = (
            f"it belongs to another project: it was made for {one_line(ident.client)!r} assessed "
            f"{ident.assessment_date or '(no date)'}; this project is {one_line(eng.client)!r} assessed "
            f"{eng.assessment_date or '(no date)'}"
        )
        return book
    if ident.participant:
        found = next((p for p in eng.participants if p.id == ident.participant), None)
        if found is None:
            book.refused = f"it was made for participant {ident.participant!r}, who is no longer in the project"
            return book
        book.participant_id, book.name = found.id, found.name
    else:
        name = one_line(filled.person.get("name", ""))[:200]
        if not name:
            book.refused = "the person did not fill in their name on the Answers sheet"
            return book
        same = next((p for p in eng.participants if p.name.casefold() == name.casefold()), None)
        earlier = next((p for p in new_people if p.name.casefold() == name.casefold()), None)
        if same is not None or earlier is not None:
            found = same or earlier
            assert found is not None  # noqa: S101  # one of them is set
            book.participant_id, book.name = found.id, found.name
            if earlier is not None:
                book.new_person = earlier
        else:
            role = filled.person.get("role", "")
            role = role if role in {p.name for p in model.personas} else ""
            pid = new_participant_id(project, name, [p.id for p in new_people])
            book.new_person = Participant(pid, name, role, one_line(filled.person.get("team", ""))[:200])
            book.participant_id, book.name = pid, name
    book.capabilities = _capabilities(project, book, filled.cells)
    if not any(c.votes or c.comments or c.status == "refused" for c in book.capabilities):
        book.refused = "no question was answered"
    return book


def _capabilities(project: Project, book: WorkbookReview, cells: Iterable[AnswerCell]) -> list[CapabilityReview]:
    by_cap: dict[str, list[AnswerCell]] = {}
    for cell in cells:
        by_cap.setdefault(cell.capability_id, []).append(cell)
    out: list[CapabilityReview] = []
    model = project.model
    for cap_id, rows in by_cap.items():
        if cap_id not in model.capabilities or any(c.lens_id not in model.lens_ids for c in rows):
            out.append(CapabilityReview(cap_id, "refused", {}, "the model has no such question"))
            continue
        problems = [f"{model.lens(c.lens_id).name}: {c.problem}" for c in rows if c.problem]
        if problems:
            out.append(CapabilityReview(cap_id, "refused", {}, "; ".join(problems)))
            continue
        votes = {c.lens_id: c.answer for c in rows if c.answered and c.answer != DONT_KNOW_ANSWER}
        comments = tuple(
            f"{book.name} on {model.lens(c.lens_id).name}: {one_line(c.comment)}" for c in rows if c.comment
        )
        if not votes and not comments:
            continue
        record = project.assessment.capabilities.get(cap_id)
        before = record.votes.get(book.participant_id, {}) if record is not None else {}
        if not before:
            status = "new" if votes else "unchanged"
        elif all(lens in before and before[lens] == value for lens, value in votes.items()):
            status = "unchanged"
        else:
            status = "changed"
        out.append(
            CapabilityReview(cap_id, status, {k: v for k, v in votes.items() if not isinstance(v, str)}, "", comments)
        )
    return out
