"""What a project remembers about its deliverables: which sections, the cover title, a confidentiality line, its own firm profile.

Stored in the project file under the top-level key ``report`` (format version 2)::

    "report": {"sections": ["executive_summary", "charts", ...], "cover_title": "...",
               "confidentiality": "...", "firm": {"name": ..., "logo_png": "<base64>",
               "primary": "#RRGGBB", "accent": "#RRGGBB", "contact": ..., "disclaimer": ...}}

The design lets keys be added to a version but never renamed, and every version 2 key is
optional on load; ``report`` is such a key: a file without it reads exactly as before (every
section, the usual cover), and a release that does not know it keeps it as an unknown key. So it
needs no migration step and no new format version. The key is written only when something differs
from the defaults, so a project that never touched the options saves byte for byte as before.

``firm`` overrides the firm profile of the preferences for this project only (a client asks for a
co-branded report; a subcontract goes out under the prime's name). Its logo is embedded in the
project so the file reopens with it on any machine, but only up to :data:`MAX_PROJECT_LOGO_BYTES`
(256 KB, base64 in the file): project files are mailed around and diffed, and a logo of that size is
ample for a cover. A larger logo stays in the preferences.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.model.branding import FirmProfile

__all__ = ["MAX_PROJECT_LOGO_BYTES", "REPORT_SECTIONS", "SECTION_NAMES", "ReportSettings", "TEXT_LIMIT"]

#: Every section a report may have, in report order (ids as stored in the file).
REPORT_SECTIONS = (
    "executive_summary",
    "charts",
    "assessment_detail",
    "roadmap",
    "kpis",
    "progress",
    "disagreements",
    "method",
)
#: What the export dialog calls each section.
SECTION_NAMES = {
    "executive_summary": "Executive summary",
    "charts": "Charts",
    "assessment_detail": "Assessment detail",
    "roadmap": "Roadmap",
    "kpis": "KPIs to track",
    "progress": "Progress since the last round",
    "disagreements": "Where views diverged",
    "method": "Method and attribution",
}
MAX_PROJECT_LOGO_BYTES = 256 * 1024
#: The longest cover title and confidentiality line.
TEXT_LIMIT = 200


@dataclass(slots=True)
class ReportSettings:
    """A project's report options: the sections chosen, cover title, confidentiality line, firm override."""

    sections: tuple[str, ...] = REPORT_SECTIONS
    cover_title: str = ""
    confidentiality: str = ""
    firm: FirmProfile | None = None
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def default(self) -> bool:
        """Whether nothing differs from a new project (then the key is not written)."""
        return (
            self.sections == REPORT_SECTIONS
            and not self.cover_title
            and not self.confidentiality
            and self.firm is None
            and not self.extra
        )

    def includes(self, section: str) -> bool:
        """Whether ``section`` (one of :data:`REPORT_SECTIONS`) is in the report."""
        return section in self.sections
