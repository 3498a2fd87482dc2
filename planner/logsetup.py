"""The rotating log in the data folder.

The log records what the application did and failed at, never client text: messages name
files by their base name at most and carry no client names, notes or scores. Callers keep to that
rule; :func:`log_path` tells users where the log is.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from planner.appdirs import log_dir

__all__ = ["LOG_NAME", "log_path", "setup_logging"]

LOG_NAME = "planner.log"
_MAX_BYTES = 1_000_000
_BACKUPS = 3


def log_path() -> Path:
    """Return the path of the current log file."""
    return log_dir(create=False) / LOG_NAME


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Attach the rotating file handler to the ``planner`` logger (once); return the log path.

    Returns ``None`` when the data folder cannot be written: the app then runs without a log.
    """
    logger = logging.getLogger("planner")
    logger.setLevel(level)
    try:
        path = log_dir() / LOG_NAME
    except OSError:
        return None
    for existing in list(logger.handlers):
        if isinstance(existing, logging.handlers.RotatingFileHandler):
            if Path(existing.baseFilename) == path.resolve():
                return path
            logger.removeHandler(existing)  # the data folder moved (tests, portable installs)
            existing.close()
    try:
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    return path
