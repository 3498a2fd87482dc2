"""How export files are named: the client's version ``<name>.<ext>``, the internal one ``<name>-internal.<ext>``.

The internal version (with the consultant's internal notes and evidence) must never replace the
client's version, so its name always ends with :data:`INTERNAL_SUFFIX` before the file type: the
export dialog names it so, and ``planner export --internal-notes`` refuses a name without it. The
client's default name never carries the suffix. Qt-free; touches no file.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from exports.base import Exporter

__all__ = ["INTERNAL_SUFFIX", "client_name", "default_targets", "export_name", "internal_name", "is_internal_name"]

#: What ends the name of an internal export, before its file type.
INTERNAL_SUFFIX = "-internal"


def is_internal_name(path: Path) -> bool:
    """Whether ``path`` is named as an internal export (``acme-internal.pdf``)."""
    return path.stem.lower().endswith(INTERNAL_SUFFIX)


def internal_name(path: Path) -> Path:
    """Return ``path`` named as the internal version: ``acme.pdf`` -> ``acme-internal.pdf`` (kept if it is)."""
    return path if is_internal_name(path) else path.with_name(f"{path.stem}{INTERNAL_SUFFIX}{path.suffix}")


def client_name(path: Path) -> Path:
    """Return ``path`` named as the client's version: ``acme-internal.pdf`` -> ``acme.pdf``."""
    if not is_internal_name(path):
        return path
    return path.with_name(f"{path.stem[: -len(INTERNAL_SUFFIX)]}{path.suffix}")


def export_name(path: Path, *, internal: bool) -> Path:
    """Return ``path`` named for the version: internal or the client's."""
    return internal_name(path) if internal else client_name(path)


def default_targets(
    folder: Path, stem: str, exporters: Sequence[Exporter], *, internal: bool
) -> list[tuple[Exporter, Path]]:
    """Return every format's default file: ``folder/<stem>.<ext>``, or ``<stem>-internal.<ext>`` for the internal version."""
    return [(e, export_name(folder / f"{stem}{e.suffix}", internal=internal)) for e in exporters]
