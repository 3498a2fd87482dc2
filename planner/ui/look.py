"""Look and feel: the app style sheet, text size, and the app icon.

Colours of maturity levels come from :mod:`planner.charts.palette` (shared with the charts and
the exports); everything else uses the system palette roles, so the app follows a light or dark
desktop. Text size is one base point size applied to the whole application (View > Larger/Smaller
text), readable on a projector. Workshop mode's type is a fixed multiple of that base size, so
it grows and shrinks with it.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from planner.resources import ResourceError, resource_path
from planner.ui.settings import TEXT_SIZE_RANGE

__all__ = ["app_icon", "apply_text_size", "default_point_size", "style_sheet"]

_STYLE_SHEET = """
QListWidget#pageList { border: none; outline: none; padding-top: 12px; background: palette(window); font-size: @nav@pt; }
QListWidget#pageList::item { padding: 10px 16px; border-left: 4px solid transparent; }
QListWidget#pageList::item:selected { border-left: 4px solid palette(highlight);
    background: palette(base); color: palette(text); font-weight: bold; }
QLabel#pageHeading, QLabel#capabilityTitle { font-size: @h2@pt; font-weight: bold; }
QLabel#welcomeTitle { font-size: @h1@pt; font-weight: bold; }
QLabel#mutedText { color: palette(mid); }
QFrame#lensRow { border: 1px solid palette(mid); border-radius: 6px; }
QFrame#lensRow[focused="true"] { border: 2px solid palette(highlight); background: palette(alternate-base); }
QFrame#lensRow QToolButton { padding: 4px 8px; font-weight: bold; }
QFrame#lensRow QToolButton:checked { background: palette(highlight); color: palette(highlighted-text);
    border-radius: 4px; }
QLabel#anchorText { color: palette(text); }
QFrame#dashboardTile { border: 1px solid palette(mid); border-radius: 8px; background: palette(base); }
QLabel#tileValue { font-size: @h2@pt; font-weight: bold; }
QWidget#workshopView { background: palette(base); }
QLabel#workshopTitle { font-size: @wtitle@pt; font-weight: bold; }
QLabel#workshopSummary { font-size: @wsum@pt; }
QLabel#workshopPlace, QLabel#workshopHints { font-size: @nav@pt; }
QLabel#workshopBadge, QLabel#workshopTimer { font-size: @wlens@pt; }
QLabel#workshopBadge, QLabel#workshopTimer { font-weight: bold; }
QLabel#workshopLens { font-size: @wlens@pt; font-weight: bold; }
QLabel#workshopLensQuestion { font-size: @wbody@pt; font-style: italic; }
QLabel#workshopLensScore { font-size: @wlens@pt; font-weight: bold; }
QLabel#workshopQuestions, QLabel#workshopNotApplicable { font-size: @wbody@pt; }
QPlainTextEdit#workshopReason { font-size: @wbody@pt; }
QFrame#workshopCard { border: 2px solid palette(mid); border-radius: 8px; }
QFrame#workshopCard[focused="true"] { border: 4px solid palette(highlight); background: palette(alternate-base); }
QLabel#anchorCell { font-size: @wbody@pt; padding: 4px; border: 1px solid palette(midlight); border-radius: 6px;
    background: palette(base); }
QLabel#anchorCell[chosen="true"] { background: palette(highlight); color: palette(highlighted-text);
    border: 1px solid palette(highlight); font-weight: bold; }
QLabel#anchorCell:disabled { color: palette(mid); }
"""

_DEFAULT_SIZE = "plannerDefaultPointSize"  # an application property: the system size, before any change


def style_sheet(base: int) -> str:
    """Return the app style sheet for a base text size in points (headings scale with it)."""
    sizes = {
        "@nav@": base + 2,
        "@h2@": round(base * 1.5),
        "@h1@": base * 2 + 4,
        # workshop mode: larger type for a projector, a step above the chosen text size (a step,
        # not a factor: at the largest text size a factor would leave room for a few words a line)
        "@wtitle@": base + 14,
        "@wsum@": base + 4,
        "@wlens@": base + 5,
        "@wbody@": base + 3,
    }
    text = _STYLE_SHEET
    for key, value in sizes.items():
        text = text.replace(key, str(value))
    return text


def default_point_size(app: QApplication) -> int:
    """Return the system's base text size in points."""
    value = app.property(_DEFAULT_SIZE)
    if not isinstance(value, int):
        size = app.font().pointSize()
        value = size if size > 0 else 10
        app.setProperty(_DEFAULT_SIZE, value)
    return value


def apply_text_size(app: QApplication, size: int | None) -> int | None:
    """Set the base text size (``None``: the system default) and the style sheet; return the size kept."""
    base = default_point_size(app)
    low, high = TEXT_SIZE_RANGE
    chosen = base if size is None else max(low, min(high, size))
    font = QFont(app.font())
    font.setPointSize(chosen)
    if app.font().pointSize() != chosen:
        app.setFont(font)
    sheet = style_sheet(chosen)
    if app.styleSheet() != sheet:  # re-polishing every widget is costly; only when it changes
        app.setStyleSheet(sheet)
    return None if size is None else chosen


def app_icon() -> QIcon:
    """Return the application icon (empty if the build does not ship it)."""
    try:
        return QIcon(str(resource_path("icons/planner.svg")))
    except ResourceError:
        return QIcon()
