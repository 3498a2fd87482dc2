"""The desktop app (PySide6): composition root, main window, document + undo stack, pages, dialogs.

Nothing outside this package imports PySide6. Start it through :func:`planner.ui.app.run_app`.
"""
