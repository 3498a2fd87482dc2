"""``planner import FILE ANSWERS.xlsx... [--apply]``: participants' answers as votes.

Every workbook is read safely (:mod:`exports.questionnaire.read`) and reviewed against the project
(:mod:`exports.questionnaire.review`); the review is printed per workbook and capability: new,
changed, unchanged or refused with the reason. Without ``--apply`` nothing is written. With it,
the accepted answers are recorded in one step and the file is saved atomically while holding its
lock (a project open in the app is refused), keeping the previous version as ``.bak``. A refused
workbook or capability changes nothing; the exit code is 0 when the review could be made (even if
some workbooks were refused, which the review says), 2 when the project itself cannot be used.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from exports.questionnaire.read import AnswersRefused, FilledQuestionnaire, read_questionnaire
from exports.questionnaire.review import review_answers
from planner.cli.common import AddCommand, UsageError, open_project
from planner.model.edits import EditRefused
from planner.storage.errors import ProjectFileError
from planner.storage.session import ProjectSession

__all__ = ["cmd_import", "register"]


def register(add: AddCommand) -> None:
    """Add the ``import`` subcommand."""
    p = add("import", cmd_import, "read filled questionnaires back as participants' votes (prints; --apply saves)")
    p.add_argument("file", type=Path, help="the .roadmap project file")
    p.add_argument("answers", type=Path, nargs="+", metavar="ANSWERS.xlsx", help="filled questionnaires")
    p.add_argument("--apply", action="store_true", help="record the accepted answers and save the project")


def _read(path: Path) -> FilledQuestionnaire | AnswersRefused:
    try:
        return read_questionnaire(path)
    except AnswersRefused as exc:
        return exc


def cmd_import(ns: argparse.Namespace) -> int:
    """Review (and with --apply record) the answers of filled questionnaires."""
    path: Path = ns.file
    if not ns.apply:
        project = open_project(path)
        review = review_answers(project, [_read(p) for p in ns.answers])
        print("\n".join(review.lines(project)))
        edit = review.edit(project)
        print(
            "Nothing to record." if edit is None
            else f"Nothing was written. To record these answers: planner import {path.name} ... --apply"
        )  # fmt: skip
        return 0
    try:
        project, session = ProjectSession.open(path)
    except ProjectFileError as exc:
        raise UsageError(str(exc)) from None
    try:
        review = review_answers(project, [_read(p) for p in ns.answers])
        print("\n".join(review.lines(project)))
        edit = review.edit(project)
        if edit is None:
            print(f"Nothing to record: {path.name} is unchanged.")
            return 0
        edit.apply(project)
        session.save(project)
    except ProjectFileError as exc:
        raise UsageError(str(exc)) from None
    except EditRefused as exc:
        raise UsageError(f"{path.name}: the answers were not recorded: {exc}") from None
    finally:
        session.close()
    print(f"Recorded {len(review.accepted())} votes; saved {path.name} (the previous version is kept as .bak).")
    return 0
