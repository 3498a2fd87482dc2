"""The app's own preferences (window geometry, recent files, text size, views), typed, over QSettings (INI).

Only UI state and the consultant's own firm profile (:class:`~planner.model.branding.FirmProfile`,
under ``firm/``, its logo as base64 PNG/JPEG bytes) live here; project data never goes into settings. Every key is declared once below
with its type and default. The composition root passes an explicit INI path in tests and in the
smoke test, so nothing touches the user's real settings there.
"""

from __future__ import annotations

import base64
import binascii
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from planner import APP_ID, APP_NAME
from planner.model.branding import FirmProfile, LogoError, colour_problems, logo_size

__all__ = ["BOARD_GROUPINGS", "MAX_RECENT", "TEXT_SIZE_RANGE", "Settings"]

MAX_RECENT = 8
#: Smallest and largest base text size in points (View > Larger/Smaller text).
TEXT_SIZE_RANGE = (8, 24)
_VERSION = 1
#: How the roadmap board groups its cards: by maturity (Crawl, Walk, Run) or by horizon (Now, Next, Later).
BOARD_GROUPINGS = ("maturity", "horizon")


class Settings:
    """Typed access to the preferences file."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            self._q = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_ID)
        else:
            self._q = QSettings(str(path), QSettings.Format.IniFormat)
        if self._q.value("version") is None:
            self._q.setValue("version", _VERSION)

    @property
    def file_name(self) -> str:
        """Where the preferences are stored."""
        return self._q.fileName()

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._q.sync()

    # -- window --------------------------------------------------------------------------------
    @property
    def geometry(self) -> QByteArray | None:
        """The main window's saved geometry, if any."""
        value = self._q.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._q.setValue("window/geometry", value)

    @property
    def text_size(self) -> int | None:
        """The chosen base text size in points, ``None`` for the system default."""
        value = self._q.value("view/text_size")
        try:
            size = int(str(value))
        except (TypeError, ValueError):
            return None
        low, high = TEXT_SIZE_RANGE
        return size if low <= size <= high else None

    @text_size.setter
    def text_size(self, value: int | None) -> None:
        if value is None:
            self._q.remove("view/text_size")
        else:
            self._q.setValue("view/text_size", int(value))

    @property
    def board_grouping(self) -> str:
        """How the roadmap board groups its cards (one of :data:`BOARD_GROUPINGS`; maturity unless chosen)."""
        value = str(self._q.value("roadmap/board_grouping") or "")
        return value if value in BOARD_GROUPINGS else BOARD_GROUPINGS[0]

    @board_grouping.setter
    def board_grouping(self, value: str) -> None:
        if value in BOARD_GROUPINGS:
            self._q.setValue("roadmap/board_grouping", value)

    @property
    def workshop_timer(self) -> bool:
        """Whether workshop mode shows the time spent on the capability (shown unless hidden)."""
        return str(self._q.value("workshop/timer", "true")).lower() != "false"

    @workshop_timer.setter
    def workshop_timer(self, value: bool) -> None:
        self._q.setValue("workshop/timer", "true" if value else "false")

    @property
    def workshop_questions(self) -> bool:
        """Whether workshop mode shows the discovery questions (shown unless hidden)."""
        return str(self._q.value("workshop/questions", "true")).lower() != "false"

    @workshop_questions.setter
    def workshop_questions(self, value: bool) -> None:
        self._q.setValue("workshop/questions", "true" if value else "false")

    # -- files ---------------------------------------------------------------------------------
    @property
    def recent_files(self) -> list[Path]:
        """Recently opened or saved projects, newest first, pruned of files that no longer exist."""
        raw = self._q.value("files/recent")
        items = [raw] if isinstance(raw, str) else list(raw or [])
        paths = [Path(str(p)) for p in items if str(p)]
        kept = [p for p in paths if p.is_file()]
        if len(kept) != len(paths):
            self._store_recent(kept)
        return kept

    def add_recent(self, path: Path) -> None:
        """Put ``path`` first in the recent files."""
        path = path.resolve()
        current = [p for p in self.recent_files if p.resolve() != path]
        self._store_recent([path, *current][:MAX_RECENT])

    def clear_recent(self) -> None:
        """Forget every recent file."""
        self._store_recent([])

    def _store_recent(self, paths: list[Path]) -> None:
        self._q.setValue("files/recent", [str(p) for p in paths])

    @property
    def last_folder(self) -> Path | None:
        """The folder of the last open/save dialog."""
        value = self._q.value("files/last_folder")
        return Path(str(value)) if value else None

    @last_folder.setter
    def last_folder(self, value: Path) -> None:
        self._q.setValue("files/last_folder", str(value))

    @property
    def last_export_folder(self) -> Path | None:
        """The folder of the last export."""
        value = self._q.value("files/last_export_folder")
        return Path(str(value)) if value else None

    @last_export_folder.setter
    def last_export_folder(self, value: Path) -> None:
        self._q.setValue("files/last_export_folder", str(value))

    # -- firm profile --------------------------------------------------------------------------
    @property
    def firm_profile(self) -> FirmProfile:
        """The firm profile used on every deliverable (empty: the product's own look).

        A stored logo or colour that no longer passes the checks (a settings file edited by hand)
        is dropped rather than put on a client's report.
        """
        texts = {
            k: str(self._q.value(f"firm/{k}") or "") for k in ("name", "contact", "disclaimer", "primary", "accent")
        }
        try:
            logo = base64.b64decode(str(self._q.value("firm/logo") or ""), validate=True)
            if logo:
                logo_size(logo, "in the preferences")
        except (binascii.Error, ValueError, LogoError):
            logo = b""
        profile = FirmProfile(
            texts["name"], logo, texts["primary"], texts["accent"], texts["contact"], texts["disclaimer"]
        )
        if colour_problems(profile):
            profile = FirmProfile(profile.name, profile.logo, "", "", profile.contact, profile.disclaimer)
        return profile

    @firm_profile.setter
    def firm_profile(self, value: FirmProfile) -> None:
        for key, text in (
            ("name", value.name),
            ("contact", value.contact),
            ("disclaimer", value.disclaimer),
            ("primary", value.primary),
            ("accent", value.accent),
        ):
            self._q.setValue(f"firm/{key}", text)
        self._q.setValue("firm/logo", base64.b64encode(value.logo).decode("ascii"))
