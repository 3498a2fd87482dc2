"""The ``planner`` command line: ``main`` and its exit codes (one module per subcommand in this package).

``planner [FILE.roadmap]`` opens the desktop app; the subcommands work without a display. Exit
codes: 0 success, 2 bad input or usage (one line on stderr naming the file and the problem), 1 an
internal error (a line on stderr and the details in the log, never a traceback on the terminal).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from planner import __version__
from planner.cli.common import EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, UsageError
from planner.cli.gui import launch_gui
from planner.cli.terminal import terminal_output
from planner.logsetup import setup_logging

__all__ = ["UsageError", "main"]

log = logging.getLogger("planner.cli")


def _split_gui_file(args: list[str]) -> tuple[Path | None, bool] | None:
    """Return (file, smoke) when the arguments ask for the desktop app, else ``None``."""
    rest = [a for a in args if a != "--smoke-test"]
    smoke = len(rest) != len(args)
    if not rest:
        return None, smoke  # the app alone starts without building the parser (and its command modules)
    from planner.cli.parser import build_parser, command_names

    if len(rest) == 1 and not rest[0].startswith("-") and rest[0] not in command_names(build_parser()):
        return Path(rest[0]), smoke
    return None


def _private_matplotlib_cache() -> None:
    """Give a frozen build its own matplotlib cache, per release.

    matplotlib caches the paths of the fonts it found; another matplotlib on the same machine, or
    an earlier release of this app in the same folder, would otherwise share a cache that names
    font files this build does not have.
    """
    if getattr(sys, "frozen", False) and "MPLCONFIGDIR" not in os.environ:
        from planner.appdirs import data_dir

        with contextlib.suppress(OSError):
            os.environ["MPLCONFIGDIR"] = str(data_dir() / f"matplotlib-{__version__}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    Everything printed goes through :func:`~planner.cli.terminal.terminal_output`: text from a
    file never reaches the terminal as control characters.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    setup_logging()
    _private_matplotlib_cache()
    with terminal_output():
        return _run(args)


def _run(args: list[str]) -> int:
    """Run the command line on ``args``; return the exit code."""
    try:
        gui = _split_gui_file(args)
        if gui is not None:
            return launch_gui(gui[0], smoke=gui[1])
        from planner.cli.parser import build_parser

        parser = build_parser()
        ns = parser.parse_args(args)
        if ns.command is None:
            parser.print_help()
            return EXIT_OK
        result: int = ns.func(ns)
        return result
    except UsageError as exc:
        print(f"planner: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # e.g. `planner summary x | head`: the reader left, nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("planner: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the last line of defence: no traceback for users
        # type and stack only: the message may quote client text, which never goes to the log
        log.error("internal error %s\n%s", type(exc).__qualname__, "".join(traceback.format_tb(exc.__traceback__)))
        from planner.logsetup import log_path

        print(f"planner: internal error ({type(exc).__name__}); details are in {log_path()}", file=sys.stderr)
        return EXIT_INTERNAL
