"""Help: how scoring works, the keyboard shortcuts, and About (version, licences, attribution).

The method text is built from the open project's model (or the default bundled model): its
lenses with their questions, the level bands and the note that the bands are this app's
convention. Dialogs are non-modal so a consultant can keep them beside the work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from planner import APP_NAME, __version__

if TYPE_CHECKING:
    from planner.model.capmodel import CapabilityModel
    from planner.ui.mainwindow import MainWindow

__all__ = ["SHORTCUTS", "about_html", "method_html", "show_about", "show_method", "show_shortcuts"]

#: (keys, what they do), for the shortcuts page.
SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("0 - 4", "Score the focused lens (then the focus moves to the next lens)"),
    ("Delete / Backspace", "Unscore the focused lens"),
    ("Up / Down", "Previous / next lens"),
    ("Left / Right", "One point less / more on the focused lens"),
    ("Ctrl+PgDown or ]", "Next capability"),
    ("Ctrl+PgUp or [", "Previous capability"),
    ("F11", "Workshop mode: full screen, one capability at a time (Esc or F11 leaves)"),
    ("Workshop: N / T / Q", "Not applicable (and why) / show or hide the timer / the questions"),
    ("Workshop: PgDn / PgUp, Home / End", "Next / previous capability, first / last"),
    ("Ctrl+Up / Ctrl+Down", "Roadmap board by maturity: raise or lower the selected card's priority"),
    ("Ctrl+Left / Ctrl+Right", "Roadmap board: move the selected card to the previous or next column"),
    ("Enter or double-click", "Roadmap board or table: edit the selected initiative"),
    ("Delete", "Roadmap board or table: delete the selected initiatives (Undo brings them back)"),
    ("Ctrl+1 … Ctrl+5", "Start, Engagement, Assessment, Dashboard, Roadmap"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo any edit"),
    ("Ctrl+S / Ctrl+Shift+S", "Save / save as"),
    ("Ctrl+O / Ctrl+N", "Open / new project"),
    ("Ctrl+E", "Export the Excel workbook and the PDF report"),
    ("Ctrl++ / Ctrl+- / Ctrl+0", "Larger / smaller / default text size (for projectors)"),
    ("F1", "How scoring works"),
)

_LICENCES = (
    ("Qt and Qt for Python (PySide6)", "LGPL v3"),
    ("matplotlib", "matplotlib licence (PSF-based)"),
    ("NumPy", "BSD 3-clause"),
    ("openpyxl", "MIT"),
    ("ReportLab", "BSD 3-clause"),
    ("DejaVu fonts", "Bitstream Vera licence and public domain"),
    ("Droid Sans Fallback font", "Apache 2.0"),
)


def _model(window: MainWindow) -> CapabilityModel:
    if window.doc is not None:
        return window.doc.project.model
    from planner.storage.models import load_bundled_model

    return load_bundled_model()


def method_html(model: CapabilityModel) -> str:
    """Return the scoring method as HTML, from the model's lenses and levels."""
    import html

    esc = html.escape
    lenses = "".join(f"<li><b>{esc(lens.name)}</b>: {esc(lens.question)}</li>" for lens in model.lenses)
    bands = "".join(
        f"<li><b>{esc(level.name)}</b> from {level.min_score:g}%: {esc(level.description)}</li>"
        for level in model.levels
    )
    return (
        f"<h2>How scoring works</h2><p>Each capability is scored 0 to 4 on {len(model.lenses)} lenses:</p>"
        f"<ul>{lenses}</ul>"
        "<p>A lens left unscored is left out (and the capability is flagged incomplete); 0 is a real score. "
        "The capability's score is</p><p style='margin-left:24px'><b>score % = 100 &times; Σ(weight &times; score) / "
        "Σ(weight &times; 4)</b></p><p>over its scored lenses (weights are 1 unless changed in Edit &rsaquo; Lens weights). "
        f"The level is the highest band the score reaches:</p><ul>{bands}</ul>"
        f"<p><i>{esc(model.bands_note)}</i></p>"
        "<p>A domain's score is the mean of its scored, applicable capabilities; the overall score is the mean "
        "of the domain scores. The gap is the number of levels between the current level and the target. "
        "Capabilities marked not applicable take part in no score, gap or roadmap. Select a capability and "
        "read <i>How this score is calculated</i> to see every number explained.</p>"
    )


def about_html(model: CapabilityModel) -> str:
    """Return the About text: version, licences, and the framework attribution."""
    import html

    esc = html.escape
    att = model.attribution
    links = []
    if att.source_url:
        links.append(f"<a href='{esc(att.source_url)}'>{esc(att.source or att.source_url)}</a>")
    if att.licence_url:
        links.append(f"<a href='{esc(att.licence_url)}'>{esc(att.licence or 'Licence')}</a>")
    licences = "".join(f"<li>{esc(name)}: {esc(lic)}</li>" for name, lic in _LICENCES)
    return (
        f"<h2>{esc(APP_NAME)}</h2><p>Version {esc(__version__)}</p>"
        "<p>Works entirely offline: client data never leaves this computer.</p>"
        f"<h3>Capability model</h3><p>{esc(model.name)}</p><p>{esc(att.text)}</p><p>{' · '.join(links)}</p>"
        f"<h3>Third-party software</h3><ul>{licences}</ul>"
    )


def _text_dialog(parent: QWidget, title: str, body: str) -> QDialog:
    dialog = QDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowTitle(title)
    browser = QTextBrowser()
    browser.setOpenExternalLinks(True)
    browser.setHtml(body)
    browser.setAccessibleName(title)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.close)
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser)
    layout.addWidget(buttons)
    dialog.resize(720, 560)
    dialog.show()
    return dialog


def show_method(window: MainWindow) -> QDialog:
    """Show how scoring works."""
    return _text_dialog(window, "How scoring works", method_html(_model(window)))


def show_shortcuts(window: MainWindow) -> QDialog:
    """Show the keyboard shortcuts."""
    import html

    rows = "".join(
        f"<tr><td style='padding:4px 16px 4px 0'><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>"
        for k, v in SHORTCUTS
    )
    return _text_dialog(window, "Keyboard shortcuts", f"<h2>Keyboard shortcuts</h2><table>{rows}</table>")


def show_about(window: MainWindow) -> QDialog:
    """Show the About box."""
    return _text_dialog(window, f"About {APP_NAME}", about_html(_model(window)))
