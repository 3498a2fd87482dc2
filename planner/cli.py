"""The ``planner`` command line.

``planner [FILE.roadmap]`` opens the desktop app; the subcommands work without a display. Exit
codes: 0 success, 2 bad input or usage (one line on stderr naming the file and the problem), 1 an
internal error (a line on stderr and the details in the log, never a traceback on the terminal).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from planner import APP_NAME, __version__
from planner.logsetup import setup_logging

__all__ = ["UsageError", "main"]

log = logging.getLogger("planner.cli")
EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT = 0, 1, 2


class UsageError(Exception):
    """Bad input from the user: printed as one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of every subcommand."""
    from planner import cli_commands as cmd

    parser = _Parser(
        prog="planner",
        description=f"{APP_NAME}: score a FinOps practice and plan its roadmap.",
        epilog="Run 'planner' alone to open the desktop app, or 'planner FILE.roadmap' to open a project in it.",
    )
    parser.add_argument("--version", action="version", version=f"planner {__version__}")
    parser.add_argument("--smoke-test", action="store_true", help="start the app, exercise every page, exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def add(name: str, func: Callable[[argparse.Namespace], int], help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func)
        return p

    add("models", cmd.cmd_models, "list the bundled capability models")
    p = add("new", cmd.cmd_new, "create a new, unscored project file")
    p.add_argument("-o", "--output", required=True, type=Path, help="the .roadmap file to create")
    p.add_argument("--client", required=True, help="the client's name")
    p.add_argument("--model", default=None, help="capability model id (see 'planner models')")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p = add("validate", cmd.cmd_validate, "report every problem in a project file")
    p.add_argument("file", type=Path)
    p = add("summary", cmd.cmd_summary, "scores and levels: overall, per domain, per capability")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="machine-readable output (documented shape)")
    for module_name in _COMMAND_MODULES:
        module = _optional_module(module_name)
        if module is not None:
            module.register(add)
    return parser


#: Modules that add subcommands through a ``register(add)`` function.
_COMMAND_MODULES = ("planner.cli_roadmap", "planner.cli_export")


def _optional_module(name: str) -> Any:
    """Import a command module, or return ``None`` if this build does not include it."""
    import importlib

    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
        return None


def _split_gui_file(args: list[str]) -> tuple[Path | None, bool] | None:
    """Return (file, smoke) when the arguments ask for the desktop app, else ``None``."""
    from planner import cli_commands as cmd

    commands = cmd.command_names()
    rest = [a for a in args if a != "--smoke-test"]
    smoke = len(rest) != len(args)
    if not rest:
        return None, smoke
    if len(rest) == 1 and not rest[0].startswith("-") and rest[0] not in commands:
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
    """Run the command line; return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    setup_logging()
    _private_matplotlib_cache()
    try:
        gui = _split_gui_file(args)
        if gui is not None:
            from planner import cli_commands as cmd

            return cmd.launch_gui(gui[0], smoke=gui[1])
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
