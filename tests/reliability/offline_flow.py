"""The consultant's whole flow in one process, with an audit hook that refuses any network use.

Run as ``python -m tests.reliability.offline_flow MODE FOLDER``:

- ``cli``: new project, score every capability (with distinctive client text), save, draft the
  roadmap (``planner roadmap --regenerate``), reopen, summary, validate, export Excel and PDF;
- ``smoke``: the desktop app's own smoke test (open the demo, visit every page, export);
- ``crash``: a command that fails inside with client text in the exception's message (a stand-in
  for any bug), to show the log keeps the client text out.

The hook (PEP 578) sees every ``socket.*`` event (``socket.__new__``, ``connect``, ``getaddrinfo``,
``gethostbyname`` ...) and ``urllib.Request``; the first one is printed as ``NETWORK <event>``,
refused, and the process exits 3 at the end.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

NETWORK_PREFIXES = ("socket.", "urllib.", "http.", "ftplib.", "smtplib.", "poplib.", "imaplib.", "telnetlib.")
CLIENT = "Zyxwv Quillfeather Holdings"
NOTES = "Qwertzuiop-notes: the CFO mentioned the Jabberwock migration"
INTERNAL = "Plughwidget-internal: sponsor leaving in March"
_seen: list[str] = []


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if event.startswith(NETWORK_PREFIXES):
        _seen.append(event)
        os.write(2, f"NETWORK {event} {args!r:.200}\n".encode())
        raise PermissionError(f"network access refused in the offline test: {event}")


def _run(*argv: str) -> None:
    from planner.cli import main

    code = main(list(argv))
    if code != 0:
        raise SystemExit(f"planner {' '.join(argv)} exited {code}")


def cli_flow(folder: Path) -> None:
    """New, score, save, roadmap, reopen, summary, validate, export."""
    from planner.model.scoring import score_project
    from planner.storage.projectfile import load_project, save_project

    path = folder / "engagement.roadmap"
    _run("new", "-o", str(path), "--client", CLIENT)
    project = load_project(path)
    model = project.model
    for i, cap in enumerate(model.iter_capabilities()):
        found = project.assessment.of(cap.id)
        found.lenses = {lens: (i + j) % 5 for j, lens in enumerate(model.lens_ids)}
        found.target = model.level_ids[-1]
        found.notes = f"{NOTES} ({cap.name})"
        found.internal_notes = INTERNAL
    project.engagement.summary = f"{CLIENT}: {NOTES}"
    save_project(project, path)
    _run("roadmap", str(path), "--regenerate")
    again = load_project(path)
    assert again.engagement.client == CLIENT
    assert score_project(again.model, again.assessment).overall == score_project(model, project.assessment).overall
    _run("summary", str(path))
    _run("validate", str(path))
    _run("export", str(path), "--xlsx", str(folder / "report.xlsx"), "--pdf", str(folder / "report.pdf"))
    assert (folder / "report.xlsx").stat().st_size > 0
    assert (folder / "report.pdf").stat().st_size > 0
    print("FLOW DONE", flush=True)


def smoke_flow() -> None:
    """The desktop app's smoke test (it needs QT_QPA_PLATFORM=offscreen without a display)."""
    _run("--smoke-test")
    print("FLOW DONE", flush=True)


def crash_flow(folder: Path) -> None:
    """An internal error whose message quotes client text: the user sees a line, the log the type."""
    from planner import cli_commands

    path = folder / "engagement.roadmap"
    _run("new", "-o", str(path), "--client", CLIENT)

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise ValueError(f"cannot score the notes {NOTES!r} of {CLIENT}")

    cli_commands.score_project = broken  # type: ignore[assignment]
    from planner.cli import main

    code = main(["summary", str(path)])
    print(f"EXIT {code}", flush=True)


def main(argv: list[str]) -> int:
    """Install the hook, run the flow, report network events through the exit code."""
    sys.addaudithook(_hook)
    mode = argv[0]
    folder = Path(argv[1]) if len(argv) > 1 else Path.cwd()
    if mode == "cli":
        cli_flow(folder)
    elif mode == "smoke":
        smoke_flow()
    elif mode == "crash":
        crash_flow(folder)
    else:
        raise SystemExit(f"unknown mode {mode}")
    return 3 if _seen else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
