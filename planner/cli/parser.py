"""The argument parser: one subcommand per module of :mod:`planner.cli`, each adding itself with ``register``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import NoReturn

from planner import APP_NAME, __version__
from planner.cli import (
    answers,
    compare,
    demo,
    export,
    modelcmd,
    models,
    new,
    questionnaire,
    roadmap,
    summary,
    upgrade,
    validate,
)
from planner.cli.common import UsageError

__all__ = ["build_parser", "command_names"]

#: The subcommand modules, in the order ``planner --help`` lists them.
_COMMANDS = (models, modelcmd, new, validate, summary, roadmap, compare, upgrade, export, questionnaire, answers, demo)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of every subcommand."""
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

    for module in _COMMANDS:
        module.register(add)
    return parser


def command_names(parser: argparse.ArgumentParser) -> set[str]:
    """Return the names of the parser's subcommands (so a file of that name is never taken for one)."""
    for action in parser._actions:  # argparse keeps its subparsers only here
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()
