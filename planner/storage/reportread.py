"""Read and write a project's ``report`` key (:mod:`planner.model.reportsettings`), validating with field paths."""

from __future__ import annotations

import base64
import binascii
from typing import Any

from planner.model.branding import FirmProfile, LogoError, colour_problems, logo_size
from planner.model.checks import Checker, join_path
from planner.model.reportsettings import MAX_PROJECT_LOGO_BYTES, REPORT_SECTIONS, TEXT_LIMIT, ReportSettings

__all__ = ["read_report_settings", "report_settings_document"]

_KEYS = ("sections", "cover_title", "confidentiality", "firm")
_FIRM = ("name", "logo_png", "primary", "accent", "contact", "disclaimer")


def read_report_settings(check: Checker, raw: object, path: str = "report") -> ReportSettings:
    """Return the report settings in ``raw`` (defaults when absent), recording every problem under ``path``."""
    if raw is None:
        return ReportSettings()
    obj = check.obj(raw, path)
    sections: list[str] = []
    listed = check.seq(obj, "sections", path, required=False) if "sections" in obj else list(REPORT_SECTIONS)
    for i, item in enumerate(listed):
        name = check.choice_value(item, join_path(join_path(path, "sections"), i), REPORT_SECTIONS)
        if name not in sections:
            sections.append(name)
    ordered = tuple(s for s in REPORT_SECTIONS if s in sections)
    title = check.text(obj, "cover_title", path, required=False, max_len=TEXT_LIMIT)
    line = check.text(obj, "confidentiality", path, required=False, max_len=TEXT_LIMIT)
    firm = _firm(check, obj["firm"], join_path(path, "firm")) if obj.get("firm") is not None else None
    extra = {k: v for k, v in obj.items() if k not in _KEYS}
    return ReportSettings(ordered, title, line, firm, extra)


def _firm(check: Checker, raw: object, path: str) -> FirmProfile:
    obj = check.obj(raw, path)
    texts = {k: check.text(obj, k, path, required=False, max_len=500) for k in ("name", "contact")}
    disclaimer = check.text(obj, "disclaimer", path, required=False, max_len=2000)
    logo = b""
    encoded = check.text(obj, "logo_png", path, required=False, max_len=MAX_PROJECT_LOGO_BYTES * 4 // 3 + 8)
    here = join_path(path, "logo_png")
    if encoded:
        try:
            logo = base64.b64decode(encoded, validate=True)
            logo_size(logo, "in the project")
            if len(logo) > MAX_PROJECT_LOGO_BYTES:
                raise LogoError(f"a project carries a logo of at most {MAX_PROJECT_LOGO_BYTES // 1024} KB")
        except (binascii.Error, ValueError) as exc:
            check.add(here, str(exc) if isinstance(exc, LogoError) else "is not valid base64")
            logo = b""
    primary = check.text(obj, "primary", path, required=False, max_len=7)
    accent = check.text(obj, "accent", path, required=False, max_len=7)
    profile = FirmProfile(texts["name"], logo, primary, accent, texts["contact"], disclaimer)
    for problem in colour_problems(profile):
        check.add(join_path(path, "primary" if problem.startswith("Primary") else "accent"), problem)
    return profile


def report_settings_document(settings: ReportSettings) -> dict[str, Any] | None:
    """Return the ``report`` key of a project file (``None``: all defaults, the key is left out)."""
    if settings.default:
        return None
    doc: dict[str, Any] = {
        "sections": list(settings.sections),
        "cover_title": settings.cover_title,
        "confidentiality": settings.confidentiality,
    }
    if settings.firm is not None:
        f = settings.firm
        doc["firm"] = {
            "name": f.name,
            "logo_png": base64.b64encode(f.logo).decode("ascii") if f.logo else "",
            "primary": f.primary,
            "accent": f.accent,
            "contact": f.contact,
            "disclaimer": f.disclaimer,
        }
    return {**doc, **settings.extra}
