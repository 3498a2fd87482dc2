"""Workshop mode: one capability at a time, full screen and in large type, scored by keyboard.

Modules: ``mode`` (entering and leaving it in the main window), ``view`` (the screen and its
keys), ``cards`` (a lens with its whole scale; a pick-one choice), ``questions`` (the discovery
questions panel) and ``clock`` (time spent per capability, kept in the window only).
"""
