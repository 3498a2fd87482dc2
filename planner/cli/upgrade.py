"""``planner upgrade FILE [--to MODEL] [-o OUT] [--force] [--json]``: move a project to a newer model.

MODEL is a bundled model id (``planner models``); without ``--to`` the project goes to the newest
bundled upgrade of its model (a successor model, or a newer revision of the same one). The
command prints the review (:class:`~planner.model.upgrade.UpgradeReport`): level bands,
renamed, merged, retired and added capabilities, what to re-score, library keys remapped or
retired, and every level that changes.

Nothing is written unless ``-o OUT`` says where (decision: a review first, as in the app): ``-o``
naming FILE itself upgrades it in place, holding its lock and keeping the previous version as
``.bak``; another OUT is created, and an existing one is replaced only with ``--force`` (it is
kept as ``.bak`` too). Saves are atomic, and a project open in the app is never written
underneath it. ``--json`` prints the documented report shape (see :mod:`planner.model.upgrade`)
under ``"upgrade"``, with ``"file"`` (FILE's name) and ``"saved"`` (OUT, or ``null`` when nothing
was written); when the project already has the newest model, ``"upgrade"`` is ``null`` and
``"message"`` says so (exit 0, nothing written).
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from planner.cli.common import AddCommand, UsageError, open_project
from planner.model.capmodel import CapabilityModel
from planner.model.project import Project
from planner.model.upgrade import UpgradeRefused, model_label, upgrade_project
from planner.storage.atomic import backup_path, special_kind
from planner.storage.errors import ProjectFileError
from planner.storage.lock import lock_path
from planner.storage.models import bundled_upgrade_targets, load_bundled_model
from planner.storage.session import ProjectSession, real_path, same_file

__all__ = ["cmd_upgrade", "register"]


def register(add: AddCommand) -> None:
    """Add the ``upgrade`` subcommand."""
    p = add(
        "upgrade",
        cmd_upgrade,
        "move a project to a newer capability model or revision, with a review of what changes (writes only with -o)",
    )
    p.add_argument("file", type=Path, help="the .roadmap project file")
    p.add_argument(
        "--to", metavar="MODEL", default=None, help="a bundled model id (default: the newest upgrade of its model)"
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        metavar="OUT",
        help="save the upgraded project there (FILE itself: upgrade in place, keeping FILE.bak)",
    )
    p.add_argument("--force", action="store_true", help="replace an existing OUT other than FILE (kept as OUT.bak)")
    p.add_argument("--json", action="store_true", help="machine-readable review (documented shape)")


def _target(project: Project, path: Path, wanted: str | None) -> CapabilityModel | None:
    """The model to upgrade to (``None``: the project already has the newest)."""
    if wanted is None:
        targets = bundled_upgrade_targets(project.model)
        return targets[0] if targets else None
    try:
        return load_bundled_model(wanted)
    except KeyError as exc:
        raise UsageError(f"{path.name}: {exc.args[0]}") from None
    except ProjectFileError as exc:
        raise UsageError(str(exc)) from None


def _check_output(path: Path, out: Path, force: bool) -> None:
    """Refuse an OUT that is FILE's backup or lock, not a regular file, or exists without --force."""
    for guarded, what in ((backup_path(real_path(path)), "the backup"), (lock_path(real_path(path)), "the lock file")):
        if real_path(out) == guarded:
            raise UsageError(f"{out.name}: that is {what} of {path.name}; choose another name (nothing was written)")
    if os.path.isdir(out):
        raise UsageError(f"{out.name}: a folder has that name; choose another name (nothing was written)")
    kind = special_kind(out)
    if kind is not None:
        raise UsageError(f"{out.name}: that is {kind}, not a regular file (nothing was written)")
    if os.path.lexists(out) and not force:
        raise UsageError(
            f"{out.name}: the file already exists (use --force to replace it, or -o {path.name} to upgrade in place)"
        )


def _write(session: ProjectSession, project: Project, out: Path, *, in_place: bool, force: bool) -> None:
    """Save the upgraded project through the session (atomic, with ``.bak``, holding the lock)."""
    try:
        if in_place:
            session.save(project)
        else:
            session.save_as(project, out, overwrite=force)
    except ProjectFileError as exc:
        raise UsageError(str(exc)) from None


def cmd_upgrade(ns: argparse.Namespace) -> int:
    """Review (and with -o save) the upgrade of a project's model."""
    path: Path = ns.file
    out: Path | None = ns.output
    in_place = out is not None and same_file(path, out)
    if out is not None and not in_place:
        _check_output(path, out, ns.force)
    session = ProjectSession()
    if in_place:
        try:
            project, session = ProjectSession.open(path)  # locked: a project open in the app is refused
        except ProjectFileError as exc:
            raise UsageError(str(exc)) from None
    else:
        project = open_project(path)
    try:
        target = _target(project, path, ns.to)
        if target is None:
            _print_nothing_to_do(project, path, written=out is not None, as_json=ns.json)
            return 0
        try:
            upgrade = upgrade_project(project, target)
        except UpgradeRefused as exc:
            raise UsageError(f"{path.name}: {exc}") from None
        if out is not None:
            _write(session, upgrade.project, out, in_place=in_place, force=ns.force)
    finally:
        session.close()
    report = upgrade.report
    if ns.json:
        doc = {"file": path.name, "upgrade": report.to_json(), "saved": str(out) if out is not None else None}
        print(json.dumps(doc, indent=2, ensure_ascii=False))
        return 0
    lines = report.lines(f"Upgrade {path.name} from {model_label(report.source)} to {model_label(report.target)}.")
    lines.append("")
    if out is None:
        lines.append(
            f"Nothing was written. To save the upgraded project: planner upgrade {path.name} --to {target.id} -o OUT"
        )
    elif in_place:
        lines.append(f"Upgraded {path.name} in place; the previous version is kept as {backup_path(path).name}.")
    else:
        lines.append(f"Saved the upgraded project as {out}; {path.name} is unchanged.")
    print("\n".join(lines))
    return 0


def _print_nothing_to_do(project: Project, path: Path, *, written: bool, as_json: bool) -> None:
    message = f"{path.name} already uses {model_label(project.model)}, the newest bundled model: nothing to upgrade."
    if as_json:
        print(json.dumps({"file": path.name, "upgrade": None, "saved": None, "message": message}, indent=2))
    else:
        print(message + (" Nothing was written." if written else ""))
