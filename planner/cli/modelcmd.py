"""``planner model export|check|import``: a capability model as an Excel workbook or JSON, and back.

- ``planner model export ID|FILE -o OUT.xlsx|OUT.json``: write a model of the library (or a model
  file) as the model workbook a consultant edits, or as its JSON document.
- ``planner model check FILE``: report every problem of a workbook or JSON model, one line each
  (sheet, row and column for a workbook); exit 2 when there is any. Quality notes (e.g. a level
  without a core initiative for some organisation size) are printed too but do not fail.
- ``planner model import FILE``: check it, print what changed against the model it came from
  (same id and version in the library, else the model the workbook was exported from), then save it into the model folder as a new version.
  A bundled model is never overwritten; an import that changes nothing saves nothing.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planner.cli.common import AddCommand, UsageError
from planner.model.capmodel import CapabilityModel
from planner.model.modeldiff import model_changes
from planner.model.modelload import ModelError
from planner.storage.atomic import describe_os_error, write_atomic
from planner.storage.errors import ProjectFileError
from planner.storage.jsonio import dumps_bytes
from planner.storage.modellib import ModelNotFound, import_base, resolve_model, save_own_model
from planner.storage.models import load_model_file

__all__ = ["ModelSource", "read_model_source", "register"]


@dataclass
class ModelSource:
    """A model read from a workbook or JSON file: the model when valid, else its problems."""

    document: dict[str, Any]
    model: CapabilityModel | None
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    origin: tuple[str, int] | None = None


def read_model_source(path: Path) -> ModelSource:
    """Read a model workbook (.xlsx) or model file (.json) and validate it.

    Raises:
        UsageError: the file is refused as a whole (unreadable, not a workbook, too large).
    """
    if path.suffix.lower() == ".xlsx":
        from exports.modelbook.read import BookRefused, read_model_workbook

        try:
            read = read_model_workbook(path)
        except BookRefused as exc:
            raise UsageError(f"{path.name}: {exc}") from None
        problems, notes = [str(p) for p in read.problems], [str(n) for n in read.notes]
        return ModelSource(read.document, read.model, problems, notes, read.origin)
    if path.suffix.lower() != ".json":
        raise UsageError(f"{path.name}: a model is a workbook (.xlsx) or a model file (.json)")
    try:
        model = load_model_file(path)
    except ProjectFileError as exc:
        if exc.problems and exc.problems != [exc.reason]:
            return ModelSource({}, None, list(exc.problems))
        raise UsageError(str(exc)) from None
    from planner.model.modelcheck import library_findings

    return ModelSource(dict(model.document), model, notes=[str(f) for f in library_findings(model)])


def register(add: AddCommand) -> None:
    """Add the ``model`` subcommand and its ``export``, ``check`` and ``import`` commands."""
    p = add("model", _no_action, "export a capability model as an Excel workbook or JSON, check one, import one")
    sub = p.add_subparsers(dest="model_command", metavar="ACTION")
    exp = sub.add_parser("export", help="write a model as a workbook (.xlsx) or JSON (.json)")
    exp.add_argument("model", metavar="ID|FILE", help="a model id (see 'planner models'), ID@VERSION or a model file")
    exp.add_argument("-o", "--output", required=True, type=Path, help="the .xlsx or .json file to write")
    exp.set_defaults(func=cmd_export)
    chk = sub.add_parser("check", help="report every problem of a model workbook or JSON file")
    chk.add_argument("file", type=Path)
    chk.set_defaults(func=cmd_check)
    imp = sub.add_parser("import", help="check a model workbook or JSON file and save it into your model folder")
    imp.add_argument("file", type=Path)
    imp.set_defaults(func=cmd_import)


def _no_action(ns: argparse.Namespace) -> int:
    raise UsageError("model: say what to do: export, check or import (see 'planner model --help')")


def cmd_export(ns: argparse.Namespace) -> int:
    """Write a model as a workbook or JSON."""
    out: Path = ns.output
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".json"):
        raise UsageError(f"{out.name}: the output must end in .xlsx (a workbook) or .json")
    try:
        model = resolve_model(ns.model)
    except (ModelNotFound, ProjectFileError) as exc:
        raise UsageError(str(exc)) from None
    if suffix == ".json":
        data = dumps_bytes(dict(model.document))
    else:
        from exports.modelbook.write import model_workbook_bytes

        data = model_workbook_bytes(model)
    try:
        write_atomic(out, data)
    except OSError as exc:
        raise UsageError(f"{out.name}: {describe_os_error(exc)}") from None
    print(f"Wrote {out}: {model.name} ({model.id}, version {model.revision}, {len(model.capabilities)} capabilities).")
    return 0


def _report(path: Path, source: ModelSource) -> None:
    for note in source.notes:
        print(f"note: {note}")
    if source.problems:
        count = len(source.problems)
        print(f"planner: {path.name}: {count} problem{'s' if count != 1 else ''}", file=sys.stderr)
        for line in source.problems:
            print(f"  {line}", file=sys.stderr)


def cmd_check(ns: argparse.Namespace) -> int:
    """Report every problem of a model workbook or file."""
    source = read_model_source(ns.file)
    _report(ns.file, source)
    if source.model is None:
        return 2
    model = source.model
    print(f"{ns.file.name}: a valid model: {model.name} ({model.id}, {len(model.capabilities)} capabilities)")
    return 0


def cmd_import(ns: argparse.Namespace) -> int:
    """Check a model and save it into the model folder as a new version."""
    source = read_model_source(ns.file)
    _report(ns.file, source)
    if source.model is None:
        print("Nothing was saved.", file=sys.stderr)
        return 2
    model = source.model
    base = import_base(model, source.origin)
    if base is not None and base.model is not None:
        changes = model_changes(base.model, model)
        if not changes:
            print(f"No change against {base.label}: nothing was saved.")
            return 0
        print(f"Changes against {base.label}:")
        for line in changes:
            print(f"  {line}")
    else:
        print(f"A new model: {model.name} ({model.id}), {len(model.capabilities)} capabilities.")
    try:
        path, saved = save_own_model(source.document)
    except ModelError as exc:  # pragma: no cover - validated above
        raise UsageError(f"{ns.file.name}: {exc}") from None
    except ProjectFileError as exc:
        raise UsageError(str(exc)) from None
    print(f"Saved {saved.name} ({saved.id}) as version {saved.revision}: {path}")
    print(f"Start a project with it: planner new -o FILE.roadmap --client NAME --model {saved.id}@{saved.revision}")
    return 0
