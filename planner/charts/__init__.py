"""Charts as matplotlib Figure factories, shared by the desktop app and the PDF report.

Every factory takes plain data and returns a :class:`matplotlib.figure.Figure` built without
pyplot, so the app can wrap it in a Qt canvas and the report can render it to PNG. matplotlib is
imported by the factory modules only, never by this package, so importing ``planner.charts``
stays cheap; :mod:`planner.charts.palette` has no matplotlib import at all.
"""
