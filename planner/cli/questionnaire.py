"""``planner questionnaire FILE -o OUT.xlsx [--participant ID]``: the workbook a client person fills in.

Without ``--participant`` the questionnaire is blank: the person fills in their name, role and
team, and becomes a participant when their answers are imported. With it, the questionnaire is
theirs, their earlier votes filled in. The file is written atomically; OUT may not be the project,
its backup or lock, or a device (as for ``planner export``). See :mod:`exports.questionnaire.write`
for the layout.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from exports.errors import ExportError, write_export
from exports.questionnaire.write import QuestionnaireRefused, questionnaire_bytes
from planner.cli.common import AddCommand, UsageError, open_project
from planner.storage.targets import TargetRefused, check_targets, protected_files

__all__ = ["cmd_questionnaire", "register"]


def register(add: AddCommand) -> None:
    """Add the ``questionnaire`` subcommand."""
    p = add("questionnaire", cmd_questionnaire, "write the Excel questionnaire a client participant fills in")
    p.add_argument("file", type=Path, help="the .roadmap project file")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.xlsx", help="the questionnaire to write")
    p.add_argument(
        "--participant", metavar="ID", default=None, help="a participant's id (default: a blank questionnaire)"
    )


def cmd_questionnaire(ns: argparse.Namespace) -> int:
    """Write one questionnaire."""
    out: Path = ns.output
    if out.suffix.lower() != ".xlsx":
        raise UsageError(f"{out.name}: a questionnaire is an Excel workbook; name it .xlsx")
    try:
        check_targets([out], protected_files(ns.file))
    except TargetRefused as exc:
        raise UsageError(str(exc)) from None
    project = open_project(ns.file)
    try:
        data = questionnaire_bytes(project, ns.participant)
        write_export(out, data, "questionnaire")
    except QuestionnaireRefused as exc:
        raise UsageError(f"{ns.file.name}: {exc}") from None
    except ExportError as exc:
        raise UsageError(str(exc)) from None
    who = next((p.name for p in project.engagement.participants if p.id == ns.participant), None)
    print(f"Wrote {out} ({'for ' + who if who else 'blank: the person fills in their name'})")
    return 0
